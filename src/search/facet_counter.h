// Facet counts (language, format, year, objective) gathered while Xapian
// matches, in one pass over each matching document's value slots, with
// flat counters: an array for the 23 objectives and short lists for the
// few languages, formats and years. At 10,000 documents this costs a
// fraction of four ValueCountMatchSpy objects, whose per-document
// std::map updates on the objectives slot ("4,8,13", thousands of distinct
// lists) dominated search time.
//
// Xapian's remote servers (xapian-tcpsrv) only know Xapian's own match
// spies, so the searcher uses this counter on local databases and
// ValueCountMatchSpy through stub files (see Searcher).
#ifndef GCMSEARCH_SEARCH_FACET_COUNTER_H_
#define GCMSEARCH_SEARCH_FACET_COUNTER_H_

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/objectives.h"
#include "xapian.h"

namespace gcm {

class FacetCounter : public Xapian::MatchSpy {
 public:
  void operator()(const Xapian::Document& doc, double weight) override;
  std::string name() const override { return "gcm::FacetCounter"; }

  // Adds the counts to facets["lang" | "format" | "year" | "objective"]
  // (value -> documents), as SearchResponse holds them.
  void AddTo(std::map<std::string, std::map<std::string, std::uint64_t>>* facets) const;

 private:
  using Counts = std::vector<std::pair<std::string, std::uint64_t>>;
  static void Count(const std::string& value, Counts* counts);

  Counts lang_, format_, year_;
  std::array<std::uint64_t, kObjectiveCount + 1> objectives_{};
};

}  // namespace gcm

#endif  // GCMSEARCH_SEARCH_FACET_COUNTER_H_
