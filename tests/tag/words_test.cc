// Tests of the tagger's word stream: base forms that shed what PDF text glues
// to words, and the evidence sentence around a citation.
#include "tag/words.h"

#include <gtest/gtest.h>

#include <string>

namespace gcm::tag {
namespace {

TEST(TagWords, FoldsWordsAndReadsSmallNumbers) {
  std::vector<Word> words = FoldedWords("OBJETIVO 8 del PMM, 2023 y 10.7");
  ASSERT_EQ(words.size(), 7u);
  EXPECT_EQ(words[0].folded, "objetivo");
  EXPECT_EQ(words[1].value, 8);
  EXPECT_EQ(words[3].folded, "pmm");
  EXPECT_EQ(words[4].value, -1);  // four digits: a year, never an objective
  EXPECT_EQ(words[6].folded, "10.7");
  EXPECT_EQ(words[6].value, -1);
  EXPECT_EQ(FoldedWords("Migración")[0].folded, "migracion");
}

TEST(TagWords, ShedsPossessivesAndGluedFootnoteNumbers) {
  struct Case {
    const char* folded;
    const char* base;
  };
  const Case cases[] = {
      {"compact's", "compact"},
      {"compact\u2019s", "compact"},
      {"compact1", "compact"},
      {"gcm3", "gcm"},
      {"objectives12", "objectives"},
      {"13", "13"},
      {"covid2019", "covid2019"},  // more than two digits: part of the word
      {"a1", "a1"},
  };
  for (const Case& c : cases) EXPECT_EQ(BaseForm(c.folded), c.base) << c.folded;
}

TEST(TagWords, TakesTheSentenceAsEvidence) {
  struct Case {
    const char* text;
    const char* cited;
    const char* evidence;
  };
  const Case cases[] = {
      {"First one. The GCM objective 4 is here. Next one.", "objective 4",
       "The GCM objective 4 is here."},
      {"Heading\n\n• Prioritising GCM objectives 4 (legal identity), and\n  13 in the agenda.\n\n"
       "Other paragraph",
       "objectives 4", "Prioritising GCM objectives 4 (legal identity), and 13 in the agenda."},
      {"no end objective 3 here", "objective 3", "no end objective 3 here"},
      {"Compact objectives: 1, 8, 23\fnext page", "objectives", "Compact objectives: 1, 8, 23"},
  };
  for (const Case& c : cases) {
    std::string_view text = c.text;
    std::size_t at = text.find(c.cited);
    ASSERT_NE(at, std::string_view::npos);
    EXPECT_EQ(Evidence(text, at, std::string_view(c.cited).size()), c.evidence) << c.text;
  }
}

TEST(TagWords, NeverCutsEvidenceInsideAUtf8Character) {
  std::string text;
  for (int i = 0; i < 200; ++i) text += "migración ";
  text += "objetivo 8 del PMM";
  for (int i = 0; i < 200; ++i) text += " migración";
  std::size_t at = text.find("objetivo 8");
  std::string evidence = Evidence(text, at, 10);
  EXPECT_LE(evidence.size(), 420u);
  EXPECT_NE(evidence.find("objetivo 8 del PMM"), std::string::npos);
  EXPECT_EQ(evidence.rfind("migración", 0), 0u);  // starts on a whole word
}

}  // namespace
}  // namespace gcm::tag
