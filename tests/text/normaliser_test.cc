// The normaliser: tables of (language, input, expected) for the character
// cleaning and the line-end de-hyphenation, in English and Spanish, with each
// trap as a row; then Normalise(doc) on built documents and on the Spanish
// sample PDF, whose text has "apren-\ndidas" and OCR noise.
#include "extract/extractor.h"
#include "text/normaliser.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

namespace gcm {
namespace {

struct TextCase {
  const char* lang;
  const char* input;
  const char* expected;
};

void ExpectNormalised(const TextCase* begin, const TextCase* end) {
  for (const TextCase* c = begin; c != end; ++c) {
    EXPECT_EQ(NormaliseText(c->input), c->expected) << c->lang << ": " << c->input;
  }
}

const TextCase kCharacterCases[] = {
    // Compatibility forms that only change the look are folded (NFKC).
    {"en", "\uFB01nancing and \uFB02ows", "financing and flows"},       // ﬁ ﬂ ligatures
    {"es", "la e\uFB01cacia", "la eficacia"},
    {"en", "e\uFB03cient o\uFB00ers", "efficient offers"},               // ﬃ ﬀ
    {"en", "\uFF27\uFF23\uFF2D objective \uFF11\uFF13", "GCM objective 13"},  // full width
    {"es", "10\u00A0000 personas", "10 000 personas"},                 // no-break space
    {"en", "Annex\u2002II", "Annex II"},                               // en space
    {"en", "and so on\u2026", "and so on..."},
    {"en", "\U0001D40C\U0001D422\U0001D420\U0001D42B\U0001D41A\U0001D42D\U0001D422\U0001D428"
           "\U0001D427", "Migration"},                                 // mathematical bold
    // ... but not where NFKC would change the text a reader sees.
    {"es", "1.\u00BA Informe, N\u00BA 3 y 2.\u00AA edición", "1.\u00BA Informe, N\u00BA 3 y "
                                                             "2.\u00AA edición"},  // ordinals
    {"en", "migrants\u00B9 and m\u00B2, \u00BD of them", "migrants\u00B9 and m\u00B2, \u00BD of "
                                                         "them"},  // footnote, superscript, ½
    {"en", "UN\u2122 \u2460", "UN\u2122 \u2460"},                     // ™ ①
    {"en", "\u201CSafe\u201D \u2013 orderly \u2014 regular", "\u201CSafe\u201D \u2013 orderly "
                                                              "\u2014 regular"},  // quotes, dashes
    // Canonical composition (NFC).
    {"es", "migracio\u0301n", "migración"},
    {"es", "Espan\u0303a", "España"},
    // Spacing accents put before their letter, as TeX-made PDFs extract.
    {"es", "informaci\u00B4on en Espa\u02DCna", "información en España"},
    {"es", "ling\u00A8u\u00EDstica", "lingüística"},
    {"en", "the \u00B4quoted\u00B4 word", "the \u00B4quoted\u00B4 word"},  // not inside a word
    // Soft hyphens and invisible characters inside a line go.
    {"es", "migra\u00ADción", "migración"},
    {"en", "Secre\u00ADtary-Gen\u00ADeral", "Secretary-General"},
    {"en", "zero\u200Bwidth\u2060joined\uFEFF", "zerowidthjoined"},
    // Control characters: newlines and tabs kept, line-break controls become
    // newlines, the rest go.
    {"en", "a\tb\nc", "a\tb\nc"},
    {"en", "line one\r\nline two\rline three", "line one\nline two\nline three"},
    {"en", "page one\fpage two", "page one\n\npage two"},
    {"en", "soft\vbreak", "soft\nbreak"},
    {"en", "bell\x07 esc\x1B del\x7F c1\xC2\x85next", "bell esc del c1\nnext"},
    {"es", "uno\u2028dos\u2029tres", "uno\ndos\n\ntres"},
    {"en", "\xC2\x9Fprivate\xC2\x80", "private"},
    // Spaces at line ends go; inner and leading spacing stays.
    {"en", "trailing   \n\tindented  text\t\nend  ", "trailing\n\tindented  text\nend"},
    // Invalid UTF-8 becomes U+FFFD, never fatal, one per bad sequence.
    {"en", "abc\xFF" "def", "abc\uFFFD" "def"},
    {"es", "Migraci\xF3n", "Migraci\uFFFDn"},                          // Latin-1 "ó"
    {"en", "cut \xE2\x82", "cut \uFFFD"},                              // truncated sequence
    {"en", "\xC0\xAF overlong", "\uFFFD\uFFFD overlong"},
    {"en", "\xED\xA0\x80 surrogate", "\uFFFD\uFFFD\uFFFD surrogate"},
    {"en", "nonchar \xEF\xBF\xBF", "nonchar \uFFFD"},
    {"en", "", ""},
};

TEST(NormaliseText, FoldsPresentationFormsAndCleansCharacters) {
  ExpectNormalised(std::begin(kCharacterCases), std::end(kCharacterCases));
}

const TextCase kHyphenCases[] = {
    // Words broken into syllables are joined.
    {"es", "buenas practicas, lecciones apren-\ndidas y oportunidades",
     "buenas practicas, lecciones aprendidas y oportunidades"},
    {"es", "la implemen-\ntación del Pacto", "la implementación del Pacto"},
    {"es", "los dere-  \n   chos humanos", "los derechos humanos"},   // spaces around the break
    {"en", "safe, orderly and regular migra-\ntion", "safe, orderly and regular migration"},
    {"en", "the imple-\nmentation of the Compact", "the implementation of the Compact"},
    {"en", "cross-\ning the border", "crossing the border"},         // a suffix after a head
    {"es", "migra\u00AD\nción", "migración"},                          // soft hyphen: always
    {"en", "Secre\u00AD\ntary", "Secretary"},
    {"es", "lecciones apren\u2010\ndidas", "lecciones aprendidas"},  // U+2010 HYPHEN
    // Compounds keep their hyphen; only the line break goes.
    {"en", "the Secretary-\nGeneral reported", "the Secretary-General reported"},
    {"es", "el Secretario-\nGeneral", "el Secretario-General"},
    {"es", "la cooperación Sur-\nSur y triangular", "la cooperación Sur-Sur y triangular"},
    {"en", "Latin American-\nCaribbean dialogue", "Latin American-Caribbean dialogue"},
    {"en", "the 2023-\n24 work plan", "the 2023-24 work plan"},
    {"es", "el Plan Operativo Anual 2023-\n24 (POA)", "el Plan Operativo Anual 2023-24 (POA)"},
    {"en", "COVID-\n19 response", "COVID-19 response"},
    {"en", "state-of-the-\nart tools", "state-of-the-art tools"},      // a chain of hyphens
    {"en", "by e-\nmail", "by e-mail"},                                 // one letter
    {"en", "long-\nterm solutions", "long-term solutions"},           // ambiguous: compound
    {"en", "self-\nemployed workers", "self-employed workers"},
    {"en", "non-\ndiscrimination", "non-discrimination"},
    {"en", "well-\nbeing of migrants", "well-being of migrants"},
    {"en", "cross-\nborder cooperation", "cross-border cooperation"},
    {"en", "the follow-\nup and review", "the follow-up and review"},
    {"en", "decision-\nmaking processes", "decision-making processes"},
    {"en", "evidence-\nbased policies", "evidence-based policies"},
    {"en", "gender-\nresponsive and child-\nsensitive", "gender-responsive and child-sensitive"},
    {"en", "a high-\nlevel meeting", "a high-level meeting"},
    // Hyphens that are not at a line end, or not between words, are left alone.
    {"es", "una línea -\ny otra", "una línea -\ny otra"},             // a dash after a space
    {"en", "see the list:-\n- item", "see the list:-\n- item"},
    {"en", "end of text-", "end of text-"},
    {"en", "Annex A-\n\nB", "Annex A-\n\nB"},                          // a paragraph break
    {"en", "pre-\n\n\npost", "pre-\n\n\npost"},                        // two blank lines
    {"es", "lecciones apren-\n\ndidas y", "lecciones aprendidas y"},  // Tesseract's blank line
    {"en", "the follow-\n  \nup", "the follow-up"},
    {"es", "Secretario-General y sub-mesas", "Secretario-General y sub-mesas"},
    // The text decides when it can: the joined word occurs elsewhere ...
    {"en", "long-\nterm, longterm and longterm", "longterm, longterm and longterm"},
    {"en", "co-\noperation and cooperation", "cooperation and cooperation"},
    {"es", "MIGRA-\nCIÓN: la migración segura", "MIGRACIÓN: la migración segura"},
    // ... or the hyphenated form does.
    {"en", "multi-\nstakeholder and multi-stakeholder", "multi-stakeholder and multi-stakeholder"},
    {"es", "sub-\nmesas; las sub-mesas", "sub-mesas; las sub-mesas"},
    // OCR noise is the OCR's business, not the normaliser's.
    {"es", "El Mecanismo de Didlogo Permanente ... revisiéon del PMM",
     "El Mecanismo de Didlogo Permanente ... revisiéon del PMM"},
};

TEST(NormaliseText, JoinsHyphenatedWordsAndKeepsCompounds) {
  ExpectNormalised(std::begin(kHyphenCases), std::end(kHyphenCases));
}

TEST(NormaliseText, DropsNulCharacters) {
  EXPECT_EQ(NormaliseText(std::string("nul\0byte", 8)), "nulbyte");
}

TEST(NormaliseText, IsIdempotent) {
  auto check = [](const TextCase& c) {
    std::string once = NormaliseText(c.input);
    EXPECT_EQ(NormaliseText(once), once) << c.lang << ": " << c.input;
  };
  for (const TextCase& c : kCharacterCases) check(c);
  for (const TextCase& c : kHyphenCases) check(c);
}

Page MakePage(int number, std::string text) {
  Page page;
  page.number = number;
  page.text = std::move(text);
  return page;
}

TEST(Normalise, SetsEachPageLanguageAndTheDocumentsFromMostOfItsText) {
  Document doc;
  doc.pages.push_back(MakePage(1, "El Mecanismo de Didlogo Permanente de la Sociedad Civil en "
                                  "América Latina y el Caribe es un espacio de dialogo, asesorfa "
                                  "y consulta en el marco del Pacto Mundial para la Migracion "
                                  "Segura, Ordenada y Regular (\u201CPMM\u201D)."));
  doc.pages.push_back(MakePage(2, "La consolidacion de cuatro Mesas de Trabajo (MT) por area "
                                  "tematica y la designacién de secretarios/as y delegadas/os "
                                  "por MT, y la revisiéon del PMM y su Declaracion de Progreso."));
  doc.pages.push_back(MakePage(3, "Key Milestones and Progress of the Mechanism."));
  doc.pages.push_back(MakePage(4, "2023-24"));
  Normalise(doc);
  EXPECT_EQ(doc.pages[0].language, "es");
  EXPECT_EQ(doc.pages[1].language, "es");
  EXPECT_EQ(doc.pages[2].language, "en");
  EXPECT_EQ(doc.pages[3].language, "und");
  EXPECT_EQ(doc.language, "es");
}

TEST(Normalise, NamesOtherLanguagesHonestly) {
  Document doc;
  doc.pages.push_back(MakePage(1, "O Pacto Global para uma Migração Segura, Ordenada e Regular é "
                                  "o primeiro acordo negociado entre governos, preparado sob os "
                                  "auspícios das Nações Unidas."));
  Normalise(doc);
  EXPECT_EQ(doc.pages[0].language, "pt");
  EXPECT_EQ(doc.language, "pt");
}

TEST(Normalise, GivesUndWhenThereIsTooLittleText) {
  Document empty;
  Normalise(empty);
  EXPECT_EQ(empty.language, "und");

  Document numbers;
  numbers.pages.push_back(MakePage(1, "1 2 3"));
  numbers.pages.push_back(MakePage(2, "\f"));
  Normalise(numbers);
  EXPECT_EQ(numbers.pages[0].language, "und");
  EXPECT_EQ(numbers.pages[1].language, "und");
  EXPECT_EQ(numbers.language, "und");
}

TEST(Normalise, JudgesShortPagesTogether) {
  // Slides: no page has enough letters alone, the document has.
  Document doc;
  doc.pages.push_back(MakePage(1, "Safe migration"));
  doc.pages.push_back(MakePage(2, "Regional review"));
  doc.pages.push_back(MakePage(3, "Missing migrants"));
  doc.pages.push_back(MakePage(4, "Orderly and regular"));
  Normalise(doc);
  for (const Page& page : doc.pages) EXPECT_EQ(page.language, "und") << page.text;
  EXPECT_EQ(doc.language, "en");
}

TEST(Normalise, TakesHyphenationEvidenceFromTheWholeDocument) {
  Document doc;
  doc.pages.push_back(MakePage(1, "A long-\nterm plan."));
  doc.pages.push_back(MakePage(2, "A longterm plan, a longterm view."));
  doc.pages.push_back(MakePage(3, "Una mesa de tra-\nbajo."));
  Normalise(doc);
  EXPECT_EQ(doc.pages[0].text, "A longterm plan.");
  EXPECT_EQ(doc.pages[2].text, "Una mesa de trabajo.");
}

TEST(Normalise, CleansTheTitle) {
  Document doc;
  doc.title = "Hitos clave \uFB01nales\x01";
  Normalise(doc);
  EXPECT_EQ(doc.title, "Hitos clave finales");
}

// Page texts as the extract layer reads them, before normalising.
std::vector<std::string> PdfPageTexts(const std::string& path) {
  std::vector<std::string> texts;
  ExtractOptions options;
  options.ocr = false;
  Document doc;
  if (!Extract(path, path, options, &doc).ok()) return texts;
  for (const Page& p : doc.pages) texts.push_back(p.text);
  return texts;
}

TEST(Normalise, CleansTheSpanishSamplePdf) {
  std::vector<std::string> texts =
      PdfPageTexts(GCM_SOURCE_DIR "/corpus/gcm-hitos-5-mecanismo-2023-es.pdf");
  ASSERT_EQ(texts.size(), 4u);
  Document doc;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    doc.pages.push_back(MakePage(static_cast<int>(i) + 1, texts[i]));
  }
  Normalise(doc);
  EXPECT_EQ(doc.language, "es");
  EXPECT_EQ(doc.pages[0].language, "es");
  EXPECT_EQ(doc.pages[1].language, "es");
  EXPECT_EQ(doc.pages[2].language, "es");
  // The last page is "del PMM." and a list of links: nothing to tell by.
  EXPECT_EQ(doc.pages[3].language, "und");
  const std::string& first = doc.pages[0].text;
  EXPECT_NE(first.find("lecciones aprendidas"), std::string::npos) << first;
  EXPECT_EQ(first.find("apren-"), std::string::npos);
  EXPECT_NE(first.find("Didlogo"), std::string::npos);  // OCR noise kept, not guessed at
}

}  // namespace
}  // namespace gcm
