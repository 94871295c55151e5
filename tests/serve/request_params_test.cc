// Table tests of the HTTP layer's input validation (request_params.h):
// every malformed value is an InvalidArgument with a message that names
// it, and the well-formed ones fill the SearchRequest as the CLI would.
#include "serve/request_params.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace gcm {
namespace {

QueryParams Params(std::initializer_list<std::pair<const std::string, std::string>> list) {
  return QueryParams(list);
}

TEST(ParseSearchParams, FillsEveryFilterFromRepeatedAndCommaSeparatedValues) {
  SearchRequest r;
  ASSERT_TRUE(ParseSearchParams(Params({{"q", "migración"},
                                        {"lang", "en"},
                                        {"lang", "es"},
                                        {"objective", "13,5"},
                                        {"objective", "13"},
                                        {"format", "pdf"},
                                        {"year", "2023"},
                                        {"limit", "25"},
                                        {"offset", "50"},
                                        {"facets", "0"},
                                        {"translate", "0"}}),
                                &r)
                  .ok());
  EXPECT_EQ(r.query, "migración");
  EXPECT_EQ(r.languages, (std::vector<std::string>{"en", "es"}));
  EXPECT_EQ(r.objectives, (std::vector<int>{13, 5}));  // duplicates dropped
  EXPECT_EQ(r.formats, (std::vector<std::string>{"pdf"}));
  EXPECT_EQ(r.years, (std::vector<std::string>{"2023"}));
  EXPECT_EQ(r.limit, 25);
  EXPECT_EQ(r.offset, 50);
  EXPECT_FALSE(r.facets);
  EXPECT_FALSE(r.translate);  // translate=0: the query's own words only
}

TEST(ParseSearchParams, DefaultsMatchTheCommandLine) {
  SearchRequest r;
  ASSERT_TRUE(ParseSearchParams({}, &r).ok());
  SearchRequest cli;
  EXPECT_EQ(r.limit, cli.limit);
  EXPECT_EQ(r.offset, 0);
  EXPECT_TRUE(r.facets);
  EXPECT_TRUE(r.translate);
  EXPECT_TRUE(r.query.empty());
}

TEST(ParseSearchParams, AcceptsTheBounds) {
  SearchRequest r;
  EXPECT_TRUE(ParseSearchParams(Params({{"limit", "0"}, {"offset", "0"}}), &r).ok());
  EXPECT_TRUE(ParseSearchParams(Params({{"limit", "100"}, {"offset", "10000"}}), &r).ok());
  EXPECT_TRUE(ParseSearchParams(Params({{"objective", "1"}, {"objective", "23"}}), &r).ok());
  EXPECT_TRUE(ParseSearchParams(Params({{"q", std::string(kMaxQueryBytes, 'a')}}), &r).ok());
}

TEST(ParseSearchParams, ReadsTheLanguageInAnyCaseAsTheCommandLineAndQueryDo) {
  SearchRequest r;
  ASSERT_TRUE(ParseSearchParams(Params({{"q", "x"}, {"lang", "ES"}}), &r).ok());
  EXPECT_EQ(r.languages, (std::vector<std::string>{"es"}));
}

struct BadParam {
  const char* name;
  std::string value;
  const char* message_part;
};

TEST(ParseSearchParams, RejectsEachMalformedValueWithAClearMessage) {
  const std::vector<BadParam> kCases = {
      {"objective", "99", "out of range"},
      {"objective", "0", "out of range"},
      {"objective", "abc", "not a whole number"},
      {"objective", "13abc", "not a whole number"},
      {"objective", "-1", "out of range"},
      {"objective", "99999999999999999999", "out of range"},
      {"limit", "-1", "out of range"},
      {"limit", "100000", "out of range"},
      {"limit", "ten", "not a whole number"},
      {"limit", "", "empty"},
      {"limit", "1.5", "not a whole number"},
      {"offset", "-5", "out of range"},
      {"offset", "10001", "out of range"},
      {"lang", "english", "not a language code"},
      {"lang", "xx", "lang=xx is not a language code"},
      {"lang", "e", "not a language code"},
      {"format", "p.d.f", "not a format"},
      {"year", "20x3", "not a year"},
      {"year", "23", "not a year"},
      {"facets", "maybe", "yes/no"},
      {"translate", "maybe", "yes/no"},
      {"q", std::string(kMaxQueryBytes + 1, 'a'), "too long"},
  };
  for (const BadParam& c : kCases) {
    SCOPED_TRACE(std::string(c.name) + "=" + c.value.substr(0, 30));
    SearchRequest r;
    Status s = ParseSearchParams(Params({{c.name, c.value}}), &r);
    EXPECT_EQ(s.code(), Status::Code::kInvalidArgument);
    EXPECT_NE(s.message().find(c.message_part), std::string::npos) << s.message();
    EXPECT_EQ(s.HttpStatus(), 400);
  }
}

TEST(ParseSearchParams, RejectsSingleValuedParametersGivenTwice) {
  SearchRequest r;
  Status s = ParseSearchParams(Params({{"limit", "1"}, {"limit", "2"}}), &r);
  EXPECT_EQ(s.code(), Status::Code::kInvalidArgument);
  EXPECT_NE(s.message().find("limit is given 2 times"), std::string::npos);
  EXPECT_FALSE(ParseSearchParams(Params({{"q", "a"}, {"q", "b"}}), &r).ok());
}

TEST(ParseSearchParams, BoundsRepeatedFilters) {
  QueryParams params;
  for (int i = 0; i < 24; ++i) params.emplace("lang", "en");
  SearchRequest r;
  Status s = ParseSearchParams(params, &r);
  EXPECT_EQ(s.code(), Status::Code::kInvalidArgument);
  EXPECT_NE(s.message().find("too many lang values"), std::string::npos);
}

TEST(ParseSearchParams, IgnoresUnknownParameters) {
  SearchRequest r;
  EXPECT_TRUE(ParseSearchParams(Params({{"utm_source", "mail"}, {"q", "x"}}), &r).ok());
}

TEST(ValidateTarget, AcceptsWellFormedPercentEncoding) {
  EXPECT_TRUE(ValidateTarget("/api/search?q=migraci%C3%B3n+laboral&lang=es").ok());
  EXPECT_TRUE(ValidateTarget("/api/documents/docs%2Fa.pdf").ok());
}

TEST(ValidateTarget, RejectsBrokenPercentEncodingControlBytesAndLength) {
  for (const char* target : {"/api/search?q=%zz", "/api/search?q=%", "/api/search?q=abc%4", "/api/%g0"}) {
    SCOPED_TRACE(target);
    Status s = ValidateTarget(target);
    EXPECT_EQ(s.code(), Status::Code::kInvalidArgument);
    EXPECT_NE(s.message().find("percent-encoding"), std::string::npos);
  }
  EXPECT_FALSE(ValidateTarget(std::string("/api/search?q=a\x01", 17)).ok());
  EXPECT_FALSE(ValidateTarget("/api/search?q=" + std::string(kMaxTargetBytes, 'a')).ok());
}

TEST(ValidateDecoded, RejectsInvalidUtf8AnywhereAndTooManyParameters) {
  EXPECT_TRUE(ValidateDecoded("/api/search", Params({{"q", "detención"}})).ok());
  EXPECT_FALSE(ValidateDecoded("/api/search", Params({{"q", "\xff"}})).ok());
  EXPECT_FALSE(ValidateDecoded("/api/search", Params({{"q", "\xe2\x82"}})).ok());  // cut short
  EXPECT_FALSE(ValidateDecoded("/api/search", Params({{"\xc3", "x"}})).ok());
  EXPECT_FALSE(ValidateDecoded("/api/documents/\xff", {}).ok());
  EXPECT_FALSE(
      ValidateDecoded("/api/search", Params({{"x", std::string(kMaxParamValueBytes + 1, 'a')}})).ok());
  QueryParams many;
  for (std::size_t i = 0; i <= kMaxParamCount; ++i) many.emplace("p" + std::to_string(i), "1");
  EXPECT_FALSE(ValidateDecoded("/api/search", many).ok());
}

TEST(ParseObjectiveNumber, SeparatesMalformedFromMissing) {
  int n = 0;
  EXPECT_TRUE(ParseObjectiveNumber("13", &n).ok());
  EXPECT_EQ(n, 13);
  EXPECT_EQ(ParseObjectiveNumber("99", &n).code(), Status::Code::kNotFound);
  EXPECT_EQ(ParseObjectiveNumber("0", &n).code(), Status::Code::kNotFound);
  EXPECT_EQ(ParseObjectiveNumber("abc", &n).code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(ParseObjectiveNumber("", &n).code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(ParseObjectiveNumber("99999999999999", &n).code(), Status::Code::kInvalidArgument);
}

}  // namespace
}  // namespace gcm
