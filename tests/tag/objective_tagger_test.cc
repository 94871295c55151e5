// Tests of the GCM objective tagger, as tables of (language, input,
// expected) in English and Spanish, with each trap as a row of its own; then
// the whole labelled set (tests/data/objective_mentions.tsv) against the
// precision and recall the tagger must keep, and the sample documents
// (tests/data/objective_documents.tsv) as a golden test.
#include "tag/objective_tagger.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/document.h"
#include "eval/tag_evaluation.h"

namespace gcm {
namespace {

const std::filesystem::path kSource = GCM_SOURCE_DIR;

struct Case {
  const char* lang;
  const char* input;
  std::vector<int> expected;
};

// The distinct objectives of one kind that TagText finds in `input`.
std::vector<int> Found(const Case& c, MentionKind kind) {
  return ObjectivesOf(TagText(c.input, c.lang, 1))[static_cast<int>(kind)];
}

void ExpectKind(const std::vector<Case>& cases, MentionKind kind) {
  for (const Case& c : cases) {
    EXPECT_EQ(Found(c, kind), c.expected)
        << MentionKindName(kind) << " (" << c.lang << "): " << c.input;
  }
}

// A phrase that only looks like a citation.
struct Trap {
  const char* lang;
  const char* input;
};

// For traps: nothing at all, of any kind.
void ExpectNothing(const std::vector<Trap>& cases) {
  for (const Trap& c : cases) {
    std::vector<ObjectiveMention> mentions = TagText(c.input, c.lang, 1);
    EXPECT_TRUE(mentions.empty()) << "(" << c.lang << "): " << c.input << "\n  found objective "
                                  << (mentions.empty() ? 0 : mentions[0].objective) << " ("
                                  << (mentions.empty() ? "" : MentionKindName(mentions[0].kind))
                                  << ")";
  }
}

const ObjectiveMention* FindMention(const std::vector<ObjectiveMention>& mentions, int objective,
                                    MentionKind kind) {
  for (const ObjectiveMention& m : mentions) {
    if (m.objective == objective && m.kind == kind) return &m;
  }
  return nullptr;
}

TEST(ObjectiveTagger, FindsObjectivesCitedByNumber) {
  ExpectKind(
      {
          {"en", "GCM objective 4 asks for legal identity documents.", {4}},
          {"en", "This is the core of Objective 8 of the Global Compact.", {8}},
          {"en", "the Compact's Objective 13", {13}},
          {"en", "Workshop on GCM 13 and alternatives to detention", {13}},
          {"en", "OBJECTIVE 20 - REMITTANCES", {20}},
          {"en",
           "Prioritising GCM objectives 4 (legal identity), 8 (saving lives), and 13 "
           "(alternatives to detention) in the agenda.",
           {4, 8, 13}},
          {"en", "Compact objectives: 1, 8, 23", {1, 8, 23}},
          {"en",
           "In line with objectives 4 and 22 of the Global Compact, partners agreed.",
           {4, 22}},
          {"en", "Priority was given to GCM objective 6 and objective 19.", {6, 19}},
          {"en", "Relevant GCM objective(s): 4, 15", {4, 15}},
          {"en", "Objective No. 8 of the GCM", {8}},
          {"es", "El proyecto contribuye al objetivo 8 del PMM.", {8}},
          {"es", "Las actividades contribuyen a los objetivos 2, 5 y 11 del PMM.", {2, 5, 11}},
          {"es", "Objetivos del Pacto: 4, 8, 13.", {4, 8, 13}},
          {"es", "Se priorizaron el objetivo 3 y el objetivo 17 del PMM.", {3, 17}},
          {"es",
           "objetivos 16 (inclusión y cohesión social); objetivo 19 (contribución de los "
           "migrantes y la diáspora) y, objetivo 20 (protección social) en la agenda",
           {16, 19, 20}},
          {"es", "OBJETIVO 20 - REMESAS", {20}},
          {"es", "el objetivo n.º 6 del PMM", {6}},
      },
      MentionKind::kNumber);
}

TEST(ObjectiveTagger, ReadsRangesAndOrdinals) {
  ExpectKind(
      {
          {"en", "GCM objectives 1 to 3 concern data, drivers and information.", {1, 2, 3}},
          {"en", "Objectives 10-12 of the GCM", {10, 11, 12}},
          {"en", "the Compact's objectives 1 through 4", {1, 2, 3, 4}},
          {"en", "The first objective of the Global Compact is about data.", {1}},
          {"en", "the twenty-third objective of the GCM", {23}},
          {"en", "This is the 4th objective of the GCM.", {4}},
          {"es", "Los objetivos 1 al 3 del PMM tratan de datos.", {1, 2, 3}},
          {"es", "los objetivos del 1 al 3 del Pacto Mundial para la Migración", {1, 2, 3}},
          {"es", "el primer objetivo del Pacto Mundial", {1}},
          {"es", "El objetivo primero del PMM trata de los datos.", {1}},
          {"es", "el vigésimo tercer objetivo del Pacto Mundial para la Migración", {23}},
          {"es", "El decimotercer objetivo del PMM pide alternativas a la detención.", {13}},
      },
      MentionKind::kNumber);
}

TEST(ObjectiveTagger, ToleratesLineBreaksFootnoteNumbersAndOcrNoise) {
  ExpectKind(
      {
          {"en",
           "Prioritising GCM objectives 4 (legal\nidentity), 8 (saving\nlives) in the agenda.",
           {4, 8}},
          {"en", "Partners also referred to GCM\nobjective 17 on discrimination.", {17}},
          {"en",
           "In line with objective 16 of the Global Compact2, the plan promotes inclusion.",
           {16}},
          {"en", "GCM objectlve 8 on missing migrants", {8}},
          {"es",
           "* Priorizacién de los objetivos 4 (identidad juridica), objetivo 8 "
           "(salvaguardar\nvidas), y el objetivo 13 (alternativas a\n\nla detencion) en la "
           "agenda.",
           {4, 8, 13}},
          {"es", "los objetivos\n4 y 8 del PMM", {4, 8}},
          {"es", "el objetlvo 8 del PMM", {8}},
      },
      MentionKind::kNumber);
  ExpectKind(
      {
          {"en",
           "Save lives and establish coordinated international efforts on missing\n      "
           "migrants.",
           {8}},
          {"en",
           "collect and utilize accurate and disaggregated data as a basis for evidence-\n"
           "based policies",
           {1}},
          {"en",
           "Minimize the adverse drlvers and structural factors that compel people to leave "
           "their country of orlgin",
           {2}},
          {"es",
           "Proporcionar informacién exacta y oportuna en todas las etapas de la migracién",
           {3}},
          {"es",
           "Establecer mecanismos para la portabili-\ndad de la seguridad social y las "
           "prestaciones adquiridas",
           {22}},
          {"es",
           "Salvar vldas y emprender iniciativas internacionales coordinadas sobre los "
           "migrantes desaparecldos",
           {8}},
      },
      MentionKind::kTitle);
}

TEST(ObjectiveTagger, FindsObjectivesCitedByTitle) {
  ExpectKind(
      {
          {"en",
           "Use migration detention only as a measure of last resort and work towards "
           "alternatives",
           {13}},
          {"en", "PROVIDE ACCESS TO BASIC SERVICES FOR MIGRANTS", {15}},
          {"en",
           "Eliminating all forms of discrimination and promoting evidence-based public "
           "discourse to shape perceptions of migration is essential.",
           {17}},
          {"en", "to strengthen international cooperation and global partnerships", {23}},
          {"en",
           "Strengthen international cooperation and global partnerships for safe, orderly "
           "and regular migration",
           {23}},
          {"es",
           "Recopilar y utilizar datos exactos y desglosados para formular políticas con "
           "base empírica",
           {1}},
          {"es",
           "Utilizar la detención de migrantes solo como último recurso y buscar otras "
           "alternativas",
           {13}},
          {"es",
           "la Red busca salvar vidas y emprender iniciativas internacionales coordinadas",
           {8}},
          {"es",
           "INVERTIR EN EL DESARROLLO DE APTITUDES Y FACILITAR EL RECONOCIMIENTO MUTUO DE "
           "APTITUDES, CUALIFICACIONES Y COMPETENCIAS",
           {18}},
      },
      MentionKind::kTitle);
}

TEST(ObjectiveTagger, FindsHubLinksEvenWhenPdfTextBreaksThem) {
  ExpectKind(
      {
          {"en", "https://migrationnetwork.un.org/hub?gcm_objectives=297&region=All", {19}},
          {"en",
           "https://migrationnetwork.un.org/hub?\ngcm_objectives=286&cross_cutting_theme=All"
           "&type_of_\nresource=All",
           {8}},
          {"en", "https://migrationnetwork.un.org/hub?gcm_objec\ntives=301&region=All", {23}},
          {"en", "https://migrationnetwork.un.org/hub?gcm_objectives=2\n93&region=All", {15}},
          {"en", "https://migrationnetwork.un.org/hub?gcm_objectives%5B0%5D=279", {1}},
          {"es", "https://migrationnetwork.un.org/es/hub?gcm_objectives=299&region=All", {21}},
          {"en", "https://migrationnetwork.un.org/es/hub?cross_cutting_theme=All&region=All", {}},
          {"en", "https://migrationnetwork.un.org/hub?gcm_objectives=All", {}},
          {"en", "gcm_objectives=278 gcm_objectives=302 gcm_objectives=2870", {}},
      },
      MentionKind::kLink);
}

TEST(ObjectiveTagger, IgnoresSustainableDevelopmentGoals) {
  ExpectNothing({
      {"en", "The programme contributes to SDG 10 and SDG 5."},
      {"en", "SDG target 10.7 calls for orderly, safe, regular and responsible migration."},
      {"en", "This supports objective 10.7 of the 2030 Agenda and the GCM."},
      {"en", "Goal 10 of the 2030 Agenda aims to reduce inequality."},
      {"en", "Sustainable Development Goal 8 promotes decent work for all."},
      {"en", "Under the GCM review, SDG objective 10 was also discussed."},
      {"en", "objective 10 of the 2030 Agenda for Sustainable Development"},
      {"es", "El programa contribuye al ODS 10 y al ODS 5."},
      {"es", "Esto apoya el objetivo 10.7 de la Agenda 2030."},
      {"es", "el Objetivo de Desarrollo Sostenible 10 sobre la reducción de las desigualdades"},
      {"es", "Objetivos de Desarrollo Sostenible (ODS) 1, 5 y 10"},
      {"es", "En el marco del PMM se citó también el objetivo 10 de desarrollo sostenible."},
      {"es", "la meta 10.7 de los ODS pide facilitar la migración ordenada"},
  });
}

TEST(ObjectiveTagger, IgnoresOtherBodiesNumberedObjectives) {
  ExpectNothing({
      {"en", "This falls under IOM Strategic Plan Objective 1 on saving lives and the GCM."},
      {"en", "Objective 2 of the IOM Strategic Plan 2024-2028 is to drive solutions."},
      {"en", "Specific Objective 2: strengthen the capacities of GCM national networks."},
      {"en", "Strategic Objective 3 of the GCM champion initiative"},
      {"en", "The GCM Talks were held in May. Objective 1 of the workshop was to share practices."},
      {"en", "The project's objective 2 is to support the GCM national networks."},
      {"en", "Objective 1: To support the implementation of the GCM in the region."},
      {"en", "objective 3 of the Paris Agreement"},
      {"es", "Objetivo específico 2: fortalecer las capacidades de las redes nacionales del PMM."},
      {"es", "el objetivo estratégico 3 del Plan Estratégico de la OIM"},
      {"es", "El objetivo 1 del Plan Estratégico de la OIM es salvar vidas."},
      {"es", "El PMM se presentó en mayo. El objetivo 1 del taller fue compartir prácticas."},
      {"es", "Objetivo general 1: mejorar la gobernanza migratoria del PMM."},
  });
}

TEST(ObjectiveTagger, IgnoresCountsOfObjectives) {
  ExpectNothing({
      {"en", "The GCM sets out 23 objectives aimed at improving migration governance."},
      {"en", "All the 23 objectives of the Global Compact are interlinked."},
      {"en", "the GCM 23 objectives and their guiding principles"},
      {"en", "The GCM 5 years on: what has changed?"},
      {"es", "El PMM establece 23 objetivos para mejorar la gobernanza migratoria."},
      {"es", "los 23 objetivos del Pacto Mundial son interdependientes"},
      {"es", "El PMM tiene 23 objetivos y 10 principios rectores."},
  });
}

TEST(ObjectiveTagger, IgnoresNumberedListsUnderGenericHeadings) {
  ExpectNothing({
      {"en",
       "WHAT OBJECTIVES HAVE BEEN SET FOR 2023?\n\nThree strategic areas of work have been "
       "identified for the GCM review:\n\n1. Significantly improving communication.\n\n2. "
       "Expanding the Mechanism's outreach."},
      {"en",
       "The Mechanism works within the GCM.\n\nOBJECTIVES\n1. Strengthen the capacities of "
       "members in communication.\n2. Expand the membership."},
      {"es",
       "¿QUÉ OBJETIVOS SE HAN FIJADO PARA 2023?\n1. Generar mayor comunicación y "
       "visibilidad del Mecanismo.\n2. Expandir el alcance del Mecanismo."},
      {"es",
       "El Mecanismo trabaja en el marco del PMM.\n\nOBJETIVOS:\n1. Fortalecer las "
       "capacidades de los integrantes.\n2. Ampliar la membresía."},
  });
}

TEST(ObjectiveTagger, IgnoresOtherCompactsAndPacts) {
  ExpectNothing({
      {"en", "This is objective 2 of the Global Compact on Refugees."},
      {"en",
       "The Global Compact on Refugees has four objectives; objective 1 is to ease "
       "pressures on host countries."},
      {"en",
       "The Global Compact on Refugees was affirmed in 2018. The Compact's objective 2 is "
       "to enhance refugee self-reliance."},
      {"en", "Objective 3 of the EU Pact on Migration and Asylum concerns border procedures."},
      {"en", "Companies joining the UN Global Compact commit to Principle 10 against corruption."},
      {"en", "objective 10 of the UN Global Compact"},
      {"es", "el objetivo 2 del Pacto Mundial sobre los Refugiados"},
      {"es", "el objetivo 3 del Pacto sobre Migración y Asilo"},
      {"es", "Las empresas del Pacto Mundial de las Naciones Unidas respetan el principio 10."},
  });
}

TEST(ObjectiveTagger, IgnoresShortLabelsAndTitleFragmentsOnTheirOwn) {
  ExpectNothing({
      {"en", "Data is key for the GCM review."},
      {"en", "BORDER GOVERNANCE, SAVING LIVES AND SUSTAINABLE REINTEGRATION"},
      {"en", "Remittances reached 150 billion dollars in the region."},
      {"en",
       "Promote a higher social inclusion of migrants through the increase of pathways for "
       "regular migration."},
      {"en", "The Forum focused on reducing vulnerabilities in migration."},
      {"en", "Municipalities improved access to basic services for migrants."},
      {"en", "Children should be detained only as a measure of last resort."},
      {"es", "GOBERNANZA MIGRATORIA, SALVAR VIDAS Y REINTEGRACION SOSTENIBLE"},
      {"es", "Las remesas crecieron un 8 % en 2023."},
      {"es", "la plena inclusión y la cohesión social de los migrantes"},
  });
}

TEST(ObjectiveTagger, DoesNotMistakeTheCompactsNameForObjective23) {
  ExpectNothing({
      {"en", "Global Compact for Safe, Orderly and Regular Migration"},
      {"en", "to achieve safe, orderly and regular migration for all"},
      {"es", "en el marco del Pacto Mundial para la Migracion Segura, Ordenada y Regular (“PMM”)"},
      {"es", "para lograr una migración segura, ordenada y regular"},
  });
}

TEST(ObjectiveTagger, CountsABareNumberOnlyWhenTheDocumentNamesTheGcm) {
  // Alone, "objective 3" could be anyone's.
  EXPECT_TRUE(TagText("Objective 3 is to train 200 staff by the end of 2024.", "en", 1).empty());
  EXPECT_TRUE(TagText("El objetivo 3 es capacitar a 200 funcionarios.", "es", 1).empty());

  // On page 2 of a document whose page 1 names the GCM, it is the GCM's.
  Document doc;
  doc.pages = {{1, "A review of the GCM in Latin America.", false, "en"},
               {2, "Objective 3 has seen the most progress since 2019.", false, "en"}};
  std::vector<ObjectiveMention> mentions = TagObjectives(doc);
  ASSERT_EQ(mentions.size(), 1u);
  EXPECT_EQ(mentions[0].objective, 3);
  EXPECT_EQ(mentions[0].page, 2);
  EXPECT_LT(mentions[0].confidence, 0.9);  // less sure than an explicit "GCM objective 3"
  EXPECT_GE(mentions[0].confidence, 0.5);

  // The document title counts as part of the document.
  Document titled;
  titled.title = "Informe sobre el Pacto Mundial para la Migración";
  titled.pages = {{1, "El objetivo 5 ha avanzado poco.", false, "es"}};
  EXPECT_EQ(TagObjectives(titled).size(), 1u);

  // A document about the Global Compact on Refugees gives no such context.
  Document refugees;
  refugees.pages = {
      {1, "The Global Compact on Refugees.\n\nObjective 2 is self-reliance.", false, "en"}};
  EXPECT_TRUE(TagObjectives(refugees).empty());
}

TEST(ObjectiveTagger, LowersConfidenceWhenNumberAndLabelDisagree) {
  struct Disagreement {
    const char* lang;
    const char* input;
    int objective;
    bool disagrees;
  };
  const Disagreement cases[] = {
      {"en", "The project contributes to GCM objective 8 (remittances).", 8, true},
      {"en",
       "GCM objectives 16 (inclusion and social cohesion); 19 (migrant and diaspora "
       "contributions) and, 20 (social protection) in the agenda.",
       20, true},
      {"en",
       "GCM objectives 16 (inclusion and social cohesion); 19 (migrant and diaspora "
       "contributions) and, 20 (social protection) in the agenda.",
       16, false},
      {"en",
       "Objective 20: Save lives and establish coordinated international efforts on missing "
       "migrants",
       20, true},
      {"en", "OBJECTIVE 20 - REMITTANCES", 20, false},
      {"en", "GCM objective 8 (saving lives)", 8, false},
      {"es", "el objetivo 8 (remesas) del PMM", 8, true},
      {"es", "objetivo 20 (proteccién social) del PMM", 20, true},
      {"es", "objetivo 19 (contribucién de los migrantes y la\ndiaspora) del PMM", 19, false},
  };
  for (const Disagreement& c : cases) {
    std::vector<ObjectiveMention> mentions = TagText(c.input, c.lang, 1);
    const ObjectiveMention* m = FindMention(mentions, c.objective, MentionKind::kNumber);
    ASSERT_NE(m, nullptr) << c.input;  // reported either way: no silent guess
    if (c.disagrees) {
      EXPECT_LE(m->confidence, 0.5) << c.input;
    } else {
      EXPECT_GT(m->confidence, 0.5) << c.input;
    }
  }
}

TEST(ObjectiveTagger, ReportsPageOffsetLengthAndEvidence) {
  struct Where {
    const char* lang;
    const char* input;
    int objective;
    MentionKind kind;
    const char* cited;     // text[offset, offset + length)
    const char* evidence;  // the sentence or line, whitespace collapsed
  };
  const Where cases[] = {
      {"en",
       "Intro.\n\n• Prioritising GCM objectives 4 (legal identity), 8 (saving lives), and 13\n"
       "(alternatives to detention) in the agenda.\n\nNext.",
       4, MentionKind::kNumber, "objectives 4",
       "Prioritising GCM objectives 4 (legal identity), 8 (saving lives), and 13 (alternatives "
       "to detention) in the agenda."},
      {"en",
       "Intro.\n\n• Prioritising GCM objectives 4 (legal identity), 8 (saving lives), and 13\n"
       "(alternatives to detention) in the agenda.\n\nNext.",
       13, MentionKind::kNumber, "13",
       "Prioritising GCM objectives 4 (legal identity), 8 (saving lives), and 13 (alternatives "
       "to detention) in the agenda."},
      {"es",
       "Otra frase. Este trabajo se alinea con el objetivo 7 del Pacto Mundial para la "
       "Migración. Fin.",
       7, MentionKind::kNumber, "objetivo 7",
       "Este trabajo se alinea con el objetivo 7 del Pacto Mundial para la Migración."},
      {"en",
       "Thematic priorities:\n   1. Save lives and establish coordinated international "
       "efforts on missing\n      migrants.\n",
       8, MentionKind::kTitle,
       "Save lives and establish coordinated international efforts on missing\n      migrants",
       "Save lives and establish coordinated international efforts on missing migrants."},
      {"en",
       "Click here\nhttps://migrationnetwork.un.org/hub?\ngcm_objectives=286&cross_cutting_"
       "theme=All&type_of_\nresource=All\nhttps://example.org/",
       8, MentionKind::kLink, "gcm_objectives=286",
       "https://migrationnetwork.un.org/hub?gcm_objectives=286&cross_cutting_theme=All&type_of_"
       "resource=All"},
  };
  for (const Where& c : cases) {
    std::string_view text = c.input;
    std::vector<ObjectiveMention> mentions = TagText(text, c.lang, 7);
    const ObjectiveMention* m = FindMention(mentions, c.objective, c.kind);
    ASSERT_NE(m, nullptr) << c.input;
    EXPECT_EQ(m->page, 7);
    ASSERT_LE(m->offset + m->length, text.size());
    EXPECT_EQ(text.substr(m->offset, m->length), c.cited) << c.input;
    EXPECT_EQ(m->text, c.evidence) << c.input;
    EXPECT_GT(m->confidence, 0.0);
    EXPECT_LE(m->confidence, 1.0);
  }
}

TEST(ObjectiveTagger, BoundsTheEvidenceOfVeryLongSentences) {
  std::string text(5000, 'x');
  for (std::size_t i = 7; i < text.size(); i += 8) text[i] = ' ';
  text += " GCM objective 13 ";
  text += std::string(5000, 'y');
  std::vector<ObjectiveMention> mentions = TagText(text, "en", 1);
  ASSERT_EQ(mentions.size(), 1u);
  EXPECT_LE(mentions[0].text.size(), 420u);
  EXPECT_NE(mentions[0].text.find("GCM objective 13"), std::string::npos);
}

TEST(ObjectiveTagger, ReturnsMentionsInTextOrder) {
  std::vector<ObjectiveMention> mentions = TagText(
      "GCM objective 9 first; then Objective 2 of the GCM; "
      "https://migrationnetwork.un.org/hub?gcm_objectives=279 last.",
      "en", 1);
  ASSERT_EQ(mentions.size(), 3u);
  EXPECT_EQ(mentions[0].objective, 9);
  EXPECT_EQ(mentions[1].objective, 2);
  EXPECT_EQ(mentions[2].objective, 1);
  EXPECT_EQ(mentions[2].kind, MentionKind::kLink);
  EXPECT_LT(mentions[0].offset, mentions[1].offset);
  EXPECT_LT(mentions[1].offset, mentions[2].offset);
}

TEST(ObjectiveTagger, KeepsLinksApartFromTextualCitations) {
  Document doc;
  doc.pages = {
      {1, "GCM objective 4.\nhttps://migrationnetwork.un.org/hub?gcm_objectives=286", false, "en"}};
  doc.links = {"https://migrationnetwork.un.org/hub?gcm_objectives=286&region=All",  // dup of text
               "https://migrationnetwork.un.org/es/hub?gcm_objectives=301",
               "https://migrationnetwork.un.org/es/hub?gcm_objectives=301&x=1",  // same objective
               "https://example.org/?gcm_objectives=All"};
  doc.mentions = TagObjectives(doc);
  EXPECT_EQ(doc.CitedObjectives(), (std::vector<int>{4}));
  ObjectivesByKind found = ObjectivesOf(doc.mentions);
  EXPECT_EQ(found[static_cast<int>(MentionKind::kLink)], (std::vector<int>{8, 23}));
  int link_mentions = 0;
  for (const ObjectiveMention& m : doc.mentions) {
    if (m.kind != MentionKind::kLink) continue;
    ++link_mentions;
    EXPECT_EQ(m.page, 1);
    if (m.objective == 23) {
      EXPECT_EQ(m.text, "https://migrationnetwork.un.org/es/hub?gcm_objectives=301");
    }
  }
  EXPECT_EQ(link_mentions, 2);
}

TEST(ObjectiveTagger, SurvivesEmptyTruncatedAndInvalidInput) {
  const char* inputs[] = {
      "",
      "objective",
      "GCM objective",
      "GCM objectives 4 (",
      "GCM objectives 4 (legal identity",
      "gcm_objectives=",
      "gcm_objectives=28",
      "Objetivos del Pacto:",
      "\xff\xfe objective \xc3 8 \x80",
      "(((((((((( objective 1 ))))))))))",
      "GCM objectives 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, "
      "22, 23, 24, 25",
  };
  for (const char* input : inputs) {
    std::vector<ObjectiveMention> mentions = TagText(input, "und", 1);
    for (const ObjectiveMention& m : mentions) {
      EXPECT_GE(m.objective, 1);
      EXPECT_LE(m.objective, 23);
      EXPECT_LE(m.offset + m.length, std::string_view(input).size());
    }
  }
  EXPECT_EQ(TagText(inputs[10], "en", 1).size(), 23u);
  EXPECT_TRUE(TagObjectives(Document{}).empty());
}

TEST(ObjectiveTagger, MeetsPrecisionAndRecallTargetsOnTheLabelledSet) {
  std::vector<LabelledRow> rows;
  Status s = ReadLabelledRows(kSource / "tests/data/objective_mentions.tsv", &rows);
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_EQ(rows.size(), 315u);  // the rows of objective_mentions.tsv
  Evaluation e = EvaluateRows(rows);
  const char* names[] = {"number", "title", "link"};
  for (int k = 0; k < kMentionKindCount; ++k) {
    // Every row is also checked on its own below, so anything under 1.0 is
    // a failing row; floors of 0.95 and 0.90 here could never fail alone.
    EXPECT_EQ(e.by_kind[k].Precision(), 1.0) << names[k];
    EXPECT_EQ(e.by_kind[k].Recall(), 1.0) << names[k];
  }
  for (const RowOutcome& f : e.failures) {
    ADD_FAILURE() << "row " << f.row->id << " (line " << f.row->line << "): " << f.row->text;
  }
}

TEST(ObjectiveTagger, FindsWhatEachSampleDocumentCites) {
  std::vector<LabelledDocument> labelled;
  Status read = ReadLabelledDocuments(kSource / "tests/data/objective_documents.tsv", &labelled);
  ASSERT_TRUE(read.ok()) << read.ToString();
  int documents = 0;
  for (const LabelledDocument& labels : labelled) {
    const std::string& name = labels.name;
    const ObjectivesByKind& expected = labels.expected;
    std::ifstream text_file(kSource / "tests/data/tag" / (name + ".txt"), std::ios::binary);
    ASSERT_TRUE(text_file) << name;
    std::stringstream text;
    text << text_file.rdbuf();
    Document doc;
    doc.pages = PagesFromText(text.str());
    doc.mentions = TagObjectives(doc);
    ObjectivesByKind found = ObjectivesOf(doc.mentions);
    for (int k = 0; k < kMentionKindCount; ++k) {
      EXPECT_EQ(found[k], expected[k])
          << name << ": " << MentionKindName(static_cast<MentionKind>(k));
    }
    for (const ObjectiveMention& m : doc.mentions) {
      ASSERT_GE(m.page, 1);
      ASSERT_LE(static_cast<std::size_t>(m.page), doc.pages.size());
      EXPECT_LE(m.offset + m.length, doc.pages[m.page - 1].text.size());
      EXPECT_FALSE(m.text.empty());
    }
    ++documents;
  }
  EXPECT_EQ(documents, 5);
}

}  // namespace
}  // namespace gcm
