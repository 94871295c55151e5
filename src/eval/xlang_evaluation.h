// Measuring cross-language search and version pairing against labelled
// data, shared by tools/xlang-eval and the tests that keep both from going
// back:
//
//   - a query set (tests/data/xlang_queries.tsv): per query, its direction
//     (en-es: an English query that must find Spanish documents; es-en the
//     reverse) and the other-language documents it must find; recall@k
//     with and without translation.
//   - version pairs (tests/data/xlang_pairs.tsv): the English/Spanish pairs
//     of the labelled collection; any other link is a wrong one.
//
// Documents are named by their path relative to the repository
// ("corpus/x.pdf"); a document matches a name when its path ends with it.
#ifndef GCMSEARCH_EVAL_XLANG_EVALUATION_H_
#define GCMSEARCH_EVAL_XLANG_EVALUATION_H_

#include <cstddef>
#include <string>
#include <vector>

#include "core/document.h"
#include "core/status.h"
#include "pair/pairing.h"
#include "search/searcher.h"

namespace gcm {

struct XlangQuery {
  std::string id;
  std::string direction;               // "en-es" or "es-en"
  std::string query;
  std::vector<std::string> must_find;  // other-language documents, by path
};

// Reads a query set: id <TAB> direction <TAB> query <TAB> doc[ doc...]
// ('#' comments). Corruption naming the line on a malformed row.
Status LoadXlangQueries(const std::string& path, std::vector<XlangQuery>* out);

// One query's outcome at cut-off k.
struct QueryOutcome {
  const XlangQuery* query = nullptr;
  std::size_t found_translated = 0;  // of must_find, in the top k with translation
  std::size_t found_plain = 0;       // ... without
};

struct RecallReport {
  std::size_t k = 10;
  std::vector<QueryOutcome> outcomes;
  // Micro-averaged recall@k over the queries of `direction` ("" = all).
  double Recall(const std::string& direction, bool translated) const;
  std::size_t Expected(const std::string& direction) const;
  std::size_t Found(const std::string& direction, bool translated) const;
};

// Runs each query twice (translate on and off), results of any language
// ranked together, and counts the must_find documents in the top k.
Status MeasureRecall(Searcher& searcher, const std::vector<XlangQuery>& queries, std::size_t k,
                     RecallReport* report);

struct PairLabel {
  std::string en, es;  // paths
};

// Reads labelled pairs: en path <TAB> es path ('#' comments).
Status LoadPairLabels(const std::string& path, std::vector<PairLabel>* out);

struct PairingReport {
  std::size_t true_links = 0, wrong_links = 0, missed_links = 0;
  std::vector<std::string> wrong, missed;  // "en <-> es (score)"
  double Precision() const;  // 1 when no link was made
  double Recall() const;     // 1 when there is nothing to find
};

// Compares the pairs found among `features` with `labels`.
PairingReport MeasurePairing(const std::vector<PairingFeatures>& features,
                             const std::vector<VersionPair>& pairs,
                             const std::vector<PairLabel>& labels);

// True when `path` names the labelled document `name` (ends with it at a
// path boundary).
bool PathMatches(const std::string& path, const std::string& name);

}  // namespace gcm

#endif  // GCMSEARCH_EVAL_XLANG_EVALUATION_H_
