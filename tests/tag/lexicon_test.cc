// Tests of the tagger's lexicon: the tolerant word comparison that title
// matching relies on, and the fit of a label to an objective number.
#include "tag/lexicon.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tag/words.h"

namespace gcm::tag {
namespace {

TEST(Lexicon, ComparesWordsAcrossInflectionAndOcrNoise) {
  struct Pair {
    const char* lang;
    const char* a;
    const char* b;
    bool alike;
  };
  const Pair cases[] = {
      {"es", "dialogo", "didlogo", true},     // OCR: one wrong letter
      {"es", "revision", "revisieon", true},  // OCR: one extra letter
      {"es", "informacion", "informacien", true},
      {"es", "mundiales", "mundial", true},  // plural
      {"en", "promoting", "promote", true},  // inflection
      {"en", "eliminating", "eliminate", true},
      {"en", "international", "internacional", true},
      {"en", "drivers", "drlvers", true},
      {"en", "save", "safe", false},  // short words must be equal
      {"en", "data", "date", false},
      {"en", "migration", "migrants", false},
      {"en", "legal", "local", false},
      {"en", "2023", "2022", false},                // numbers never fuzzy
      {"en", "coordinated", "coordlnatcd", true},   // two edits allowed in long words
      {"es", "coordinadas", "coordinated", false},  // not three
  };
  for (const Pair& p : cases) {
    EXPECT_EQ(WordsAlike(p.a, p.b), p.alike) << p.lang << ": " << p.a << " ~ " << p.b;
    EXPECT_EQ(WordsAlike(p.b, p.a), p.alike) << p.lang << ": " << p.b << " ~ " << p.a;
  }
}

TEST(Lexicon, TellsWhetherALabelFitsItsNumber) {
  struct Label {
    const char* lang;
    const char* label;
    int objective;
    bool fits;       // names this objective
    bool disagrees;  // names another one and not this one
  };
  const Label cases[] = {
      {"en", "legal identity", 4, true, false},
      {"en", "saving lives", 8, true, false},
      {"en", "alternatives to detention", 13, true, false},
      {"en", "remittances", 8, false, true},
      {"en", "social protection", 20, false, true},
      {"en", "migrant and diaspora contributions", 19, true, false},
      {"en", "the year 2019", 5, false, false},
      {"es", "identidad juridica", 4, true, false},
      {"es", "salvaguardar vidas", 8, true, false},
      {"es", "proteccién social", 20, false, true},
      {"es", "inclusién y cohesién social", 16, true, false},
      {"es", "remesas", 8, false, true},
  };
  for (const Label& c : cases) {
    std::vector<Word> words = FoldedWords(c.label);
    LabelFit fit = FitLabel(words, 0, words.size(), c.objective);
    EXPECT_EQ(fit.own > 0, c.fits) << c.lang << ": " << c.objective << " (" << c.label << ")";
    EXPECT_EQ(fit.Disagrees(), c.disagrees)
        << c.lang << ": " << c.objective << " (" << c.label << ")";
  }
}

TEST(Lexicon, MatchesShortLabelsWordForWord) {
  std::vector<Word> words = FoldedWords("Save lives now");
  EXPECT_EQ(MatchShortLabel(words, 0, 8), 2u);
  EXPECT_EQ(MatchShortLabel(words, 0, 20), 0u);
  words = FoldedWords("Remesas");
  EXPECT_EQ(MatchShortLabel(words, 0, 20), 1u);
  EXPECT_EQ(MatchShortLabel(words, 0, 24), 0u);
}

TEST(Lexicon, HasBothTitlesOfEveryObjective) {
  const Lexicon& lex = GetLexicon();
  ASSERT_EQ(lex.titles.size(), 46u);
  for (const TitleForm& t : lex.titles) {
    EXPECT_GE(t.content_count, 4) << t.objective << " " << t.language;
  }
  // The Compact's own name never starts a title match.
  EXPECT_EQ(lex.anchors.count("orderly"), 0u);
  EXPECT_EQ(lex.anchors.count("migration"), 0u);
  EXPECT_EQ(lex.anchors.count("remittances"), 1u);
}

}  // namespace
}  // namespace gcm::tag
