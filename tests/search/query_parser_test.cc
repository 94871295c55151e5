// The query language, row by row.
#include "search/query_parser.h"

#include <gtest/gtest.h>

namespace gcm {
namespace {

using Kind = QueryClause::Kind;

TEST(QueryParser, SplitsWordsPhrasesExclusionsAndOr) {
  ParsedQuery q;
  ASSERT_TRUE(ParseQuery("legal identity \"regular pathways\" -refugees detention OR detención", &q).ok());
  ASSERT_EQ(q.clauses.size(), 6u);
  EXPECT_EQ(q.clauses[0].words, std::vector<std::string>{"legal"});
  EXPECT_EQ(q.clauses[2].kind, Kind::kPhrase);
  EXPECT_EQ(q.clauses[2].words, (std::vector<std::string>{"regular", "pathways"}));
  EXPECT_TRUE(q.clauses[3].excluded);
  EXPECT_FALSE(q.clauses[4].or_with_previous);
  EXPECT_TRUE(q.clauses[5].or_with_previous);
}

TEST(QueryParser, ReadsFiltersInEnglishAndSpanish) {
  ParsedQuery q;
  ASSERT_TRUE(ParseQuery("detention objective:13 objetivo:8 lang:es idioma:EN format:pdf year:2023", &q).ok());
  EXPECT_EQ(q.clauses.size(), 1u);
  EXPECT_EQ(q.objectives, (std::vector<int>{13, 8}));
  EXPECT_EQ(q.languages, (std::vector<std::string>{"es", "en"}));
  EXPECT_EQ(q.formats, std::vector<std::string>{"pdf"});
  EXPECT_EQ(q.years, std::vector<std::string>{"2023"});
}

TEST(QueryParser, TreatsHyphenatedCompoundsAsPhrases) {
  ParsedQuery q;
  ASSERT_TRUE(ParseQuery("Secretary-General", &q).ok());
  ASSERT_EQ(q.clauses.size(), 1u);
  EXPECT_EQ(q.clauses[0].kind, Kind::kPhrase);
}

TEST(QueryParser, ForgivesAnUnclosedQuote) {
  ParsedQuery q;
  ASSERT_TRUE(ParseQuery("\"safe orderly", &q).ok());
  ASSERT_EQ(q.clauses.size(), 1u);
  EXPECT_EQ(q.clauses[0].words.size(), 2u);
}

TEST(QueryParser, ExpandsWildcardsOfTwoLettersOrMoreAndRefusesOneLetter) {
  ParsedQuery q;
  ASSERT_TRUE(ParseQuery("migra* mi*", &q).ok());
  ASSERT_EQ(q.clauses.size(), 2u);
  EXPECT_EQ(q.clauses[0].kind, Kind::kWildcard);
  EXPECT_EQ(q.clauses[1].kind, Kind::kWildcard);  // was silently the word "mi"
  EXPECT_EQ(q.clauses[1].words[0], "mi");
  Status s = ParseQuery("migration a*", &q);
  EXPECT_EQ(s.code(), Status::Code::kInvalidArgument);
  EXPECT_NE(s.message().find("a*: a wildcard needs at least 2 letters"), std::string::npos) << s.message();
}

TEST(QueryParser, ReadsTheLanguageFilterInAnyCaseAndNamesAnUnknownCode) {
  ParsedQuery q;
  ASSERT_TRUE(ParseQuery("lang:ES migration idioma:Pt", &q).ok());
  EXPECT_EQ(q.languages, (std::vector<std::string>{"es", "pt"}));
  Status s = ParseQuery("lang:xx migration", &q);
  EXPECT_EQ(s.code(), Status::Code::kInvalidArgument);
  EXPECT_NE(s.message().find("lang:xx is not a language code"), std::string::npos) << s.message();
  EXPECT_TRUE(ParseQuery("lang:und", &q).ok());
}

struct BadQuery {
  std::string query;
  std::string message_part;
};

TEST(QueryParser, RejectsBadInputWithAnActionableMessage) {
  const BadQuery rows[] = {
      {"objective:99", "use 1 to 23"},
      {"objective:abc", "use 1 to 23"},
      {"lang:english", "language code"},
      {"format:docx", "pdf, html, md or txt"},
      {"year:23", "four digits"},
      {std::string(2000, 'a'), "too long"},
      {"migraci\xC3", "UTF-8"},
      {"-lang:es", "cannot be negated"},
  };
  for (const BadQuery& row : rows) {
    ParsedQuery q;
    Status s = ParseQuery(row.query, &q);
    ASSERT_FALSE(s.ok()) << row.query;
    EXPECT_EQ(s.code(), Status::Code::kInvalidArgument);
    EXPECT_NE(s.message().find(row.message_part), std::string::npos) << s.message();
  }
}

TEST(QueryParser, RefusesMoreThanSixtyFourWords) {
  std::string many;
  for (int i = 0; i < 70; ++i) many += "w" + std::to_string(i) + " ";
  ParsedQuery q;
  EXPECT_FALSE(ParseQuery(many, &q).ok());
}

TEST(QueryParser, KnowsEnglishAndSpanishStopWords) {
  EXPECT_TRUE(IsStopWord("the"));
  EXPECT_TRUE(IsStopWord("de"));
  EXPECT_FALSE(IsStopWord("migration"));
}

}  // namespace
}  // namespace gcm
