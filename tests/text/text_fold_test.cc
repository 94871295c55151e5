#include "text/text_fold.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace gcm {
namespace {

std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> out;
  for (const Token& t : Tokenize(text)) out.emplace_back(text.substr(t.offset, t.length));
  return out;
}

struct FoldCase {
  const char* lang;
  const char* input;
  const char* expected;
};

TEST(Fold, MakesCaseAndLatinAccentsIrrelevant) {
  const FoldCase cases[] = {
      {"es", "MIGRACIÓN", "migracion"},
      {"es", "Migración", "migracion"},
      {"es", "migracion", "migracion"},
      {"es", "niñez", "ninez"},
      {"es", "Jurídica", "juridica"},
      {"es", "migrac\u0303ión", "migracion"},    // stray combining mark after a Latin letter
      {"es", "migracio\u0301n", "migracion"},    // decomposed accent
      {"en", "ﬁnanciación", "financiacion"},     // ligature, via NFKC
      {"en", "ＧＣＭ", "gcm"},                    // full-width letters
      {"de", "Straße", "strasse"},
      {"en", "migra\u00ADtion", "migration"},    // soft hyphen
      {"en", "Policies", "policies"},
      {"fr", "Çà", "ca"},
      {"el", "ΜΕΤΑΝΆΣΤΕΥΣΗ", "μετανάστευση"},   // Greek keeps its accents
  };
  for (const FoldCase& c : cases) {
    EXPECT_EQ(Fold(c.input), c.expected) << c.lang << ": " << c.input;
  }
}

TEST(LowerCase, KeepsAccentsForTheStemmer) {
  EXPECT_EQ(LowerCase("MIGRACIÓN"), "migración");
  EXPECT_EQ(LowerCase("Niñez"), "niñez");
}

TEST(Tokenize, SplitsOnSpacesAndPunctuation) {
  EXPECT_EQ(Words("Safe, orderly and regular migration."),
            (std::vector<std::string>{"Safe", "orderly", "and", "regular", "migration"}));
}

TEST(Tokenize, KeepsHyphenatedCompoundsAsAdjacentWords) {
  EXPECT_EQ(Words("Secretary-General"), (std::vector<std::string>{"Secretary", "General"}));
}

TEST(Tokenize, KeepsDecimalNumbersAndApostrophesInsideWords) {
  EXPECT_EQ(Words("target 10.7 of 1,000 migrants' don't"),
            (std::vector<std::string>{"target", "10.7", "of", "1,000", "migrants", "don't"}));
}

TEST(Tokenize, TreatsAccentedAndSoftHyphenatedWordsAsOne) {
  EXPECT_EQ(Words("«migración» migra\u00ADción"),
            (std::vector<std::string>{"migración", "migra\u00ADción"}));
}

TEST(Tokenize, SurvivesInvalidUtf8) {
  EXPECT_EQ(Words("abc\xff\xfe" "def"), (std::vector<std::string>{"abc", "def"}));
}

}  // namespace
}  // namespace gcm
