// Language identification: tables of (expected language, text), with the
// traps as rows of their own (accentless Spanish that CLD2 takes for
// Galician, real Galician and Portuguese that must not become Spanish, texts
// too short to tell).
#include "text/language.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

namespace gcm {
namespace {

struct LanguageCase {
  const char* expected;
  const char* text;
};

const LanguageCase kCases[] = {
    {"en", "The Global Compact for Safe, Orderly and Regular Migration is the first "
           "intergovernmentally negotiated agreement on international migration."},
    {"en", "Save lives and establish coordinated international efforts on missing migrants."},
    {"es", "El Pacto Mundial para la Migración Segura, Ordenada y Regular es el primer acuerdo "
           "negociado entre gobiernos sobre la migración internacional."},
    {"es", "Salvar vidas y establecer iniciativas internacionales coordinadas sobre los "
           "migrantes desaparecidos."},
    // OCR noise from the Spanish fact sheet.
    {"es", "El Mecanismo de Didlogo Permanente de la Sociedad Civil en América Latina y el "
           "Caribe es un espacio de dialogo, asesorfa y consulta"},
    {"es", "al mismo tiempo que ha reforzado su compromiso en el proceso de implementacién, "
           "seguimiento y revisiéon del PMM y su Declaracion de Progreso."},
    // Accents lost: CLD2 alone says Galician ("gl") for both.
    {"es", "La consolidacion de cuatro Mesas de Trabajo (MT) por area tematica y la "
           "designacién de secretarios/as y delegadas/os por MT"},
    {"es", "Coordinacion de la Mesa técnica durante el primer trimestre del 2023. Votacién y "
           "eleccion de la secretaria y delegatura principal y suplente de la Mesa."},
    // Short, but CLD2 unsure and the Spanish function words decide.
    {"es", "revisiéon del PMM y su Declaracion de Progreso."},
    // Other languages come out as themselves, not forced into en/es.
    {"pt", "O Pacto Global para uma Migração Segura, Ordenada e Regular é o primeiro acordo "
           "negociado entre governos, preparado sob os auspícios das Nações Unidas."},
    {"pt", "A Rede das Nações Unidas sobre Migração apoia os Estados membros na implementação "
           "do Pacto, com atenção especial aos direitos dos migrantes e das suas famílias."},
    {"fr", "Le Pacte mondial pour des migrations sûres, ordonnées et régulières est le premier "
           "accord négocié entre les gouvernements."},
    {"de", "Der Globale Pakt für eine sichere, geordnete und reguläre Migration ist das erste "
           "zwischenstaatlich ausgehandelte Abkommen."},
    {"it", "Il Patto globale per una migrazione sicura, ordinata e regolare è il primo accordo "
           "negoziato tra governi sotto gli auspici delle Nazioni Unite."},
    {"gl", "O Pacto Mundial para a Migración Segura, Ordenada e Regular é o primeiro acordo "
           "negociado entre gobernos, preparado baixo os auspicios das Nacións Unidas."},
    {"ca", "El Pacte Mundial per a una Migració Segura, Ordenada i Regular és el primer acord "
           "negociat entre governs, preparat sota els auspicis de les Nacions Unides."},
    // Too little text to tell.
    {"und", ""},
    {"und", "   \n\t "},
    {"und", "12345 678 2023-24 10.7 (3) 45%"},
    {"und", "Hola mundo"},
    {"und", "migración"},
    {"und", "Objetivo 8 del PMM"},            // 14 letters
    {"und", "Salvar vidas de migrantes"},     // 22 letters: under the threshold of 24
    // URLs are not English words.
    {"und", "https://migrationnetwork.un.org/global-compact-migration-follow-and-review "
            "https://migrationnetwork.un.org/resources/progress-declaration"},
};

TEST(DetectLanguage, NamesTheLanguageOrSaysUnd) {
  for (const LanguageCase& c : kCases) {
    LanguageGuess guess = DetectLanguage(c.text);
    EXPECT_EQ(guess.code, c.expected) << c.text;
    if (guess.code == "und") {
      EXPECT_EQ(guess.confidence, 0.0) << c.text;
    } else {
      EXPECT_GT(guess.confidence, 0.0) << c.text;
      EXPECT_LE(guess.confidence, 1.0) << c.text;
    }
  }
}

TEST(DetectLanguage, DecidesFromTwentyFourLetters) {
  // "Safe orderly and regular" has 21 letters, then one more word each time.
  EXPECT_EQ(DetectLanguage("Safe orderly and regular").code, "und");
  EXPECT_EQ(DetectLanguage("Safe orderly and regular migration").code, "en");
  EXPECT_EQ(DetectLanguage("Migración segura ordenada").code, "und");             // 23
  EXPECT_EQ(DetectLanguage("Migración segura, ordenada y regular").code, "es");   // 31
}

TEST(DetectLanguage, SurvivesInvalidUtf8AndControlCharacters) {
  EXPECT_EQ(DetectLanguage("El Pacto Mundial para la Migraci\xF3n Segura, Ordenada y Regular "
                           "es el primer acuerdo\x01\x02 negociado entre gobiernos.")
                .code,
            "es");
  EXPECT_EQ(DetectLanguage("\xff\xfe\xfd\xfc\xfb\xfa\xf9\xf8\xf7\xf6\xf5\xf4\xf3\xf2").code, "und");
}

TEST(DetectLanguage, IgnoresUrlsAmongSpanishText) {
  EXPECT_EQ(DetectLanguage("Haga clic para más información sobre el Pacto Mundial y la red "
                           "https://migrationnetwork.un.org/global-compact-migration-follow-"
                           "and-review https://migrationnetwork.un.org/hub?gcm_objectives=287")
                .code,
            "es");
}

TEST(DetectLanguage, GivesTheSameAnswersFromManyThreads) {
  std::vector<std::string> expected;
  for (const LanguageCase& c : kCases) expected.push_back(DetectLanguage(c.text).code);
  std::vector<std::vector<std::string>> got(8);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < got.size(); ++t) {
    threads.emplace_back([&got, t] {
      for (int round = 0; round < 20; ++round) {
        got[t].clear();
        for (const LanguageCase& c : kCases) got[t].push_back(DetectLanguage(c.text).code);
      }
    });
  }
  for (std::thread& th : threads) th.join();
  for (const auto& answers : got) EXPECT_EQ(answers, expected);
}

}  // namespace
}  // namespace gcm
