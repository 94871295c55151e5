// The one-pass facet counter on documents built in memory.
#include "search/facet_counter.h"

#include <gtest/gtest.h>

#include "index/term_scheme.h"

namespace gcm {
namespace {

Xapian::Document Doc(const std::string& lang, const std::string& format, const std::string& year,
                     const std::string& objectives) {
  Xapian::Document d;
  d.add_value(kSlotLanguage, lang);
  d.add_value(kSlotFormat, format);
  if (!year.empty()) d.add_value(kSlotYear, year);
  d.add_value(kSlotObjectives, objectives);
  return d;
}

TEST(FacetCounter, CountsEachDocumentOncePerValueAndEachCitedObjective) {
  FacetCounter counter;
  counter(Doc("en", "pdf", "2023", "4,8,13"), 1.0);
  counter(Doc("es", "pdf", "2023", "13"), 1.0);
  counter(Doc("en", "html", "", ""), 1.0);
  counter(Doc("en", "txt", "2024", "23,1"), 1.0);
  std::map<std::string, std::map<std::string, std::uint64_t>> facets;
  counter.AddTo(&facets);
  EXPECT_EQ(facets["lang"], (std::map<std::string, std::uint64_t>{{"en", 3}, {"es", 1}}));
  EXPECT_EQ(facets["format"], (std::map<std::string, std::uint64_t>{{"html", 1}, {"pdf", 2}, {"txt", 1}}));
  EXPECT_EQ(facets["year"], (std::map<std::string, std::uint64_t>{{"2023", 2}, {"2024", 1}}));
  EXPECT_EQ(facets["objective"], (std::map<std::string, std::uint64_t>{
                                     {"1", 1}, {"4", 1}, {"8", 1}, {"13", 2}, {"23", 1}}));
}

TEST(FacetCounter, IgnoresNumbersThatAreNotObjectives) {
  FacetCounter counter;
  counter(Doc("en", "pdf", "2023", "0,24,100,99999999999,13,,7x"), 1.0);
  std::map<std::string, std::map<std::string, std::uint64_t>> facets;
  counter.AddTo(&facets);
  EXPECT_EQ(facets["objective"], (std::map<std::string, std::uint64_t>{{"13", 1}, {"7", 1}}));
}

}  // namespace
}  // namespace gcm
