// One row of the document x objective citation matrix: how often a
// document cites each objective (by number or title) and which it only
// links to. `gcmsearch export` and `/api/matrix` both count through here.
#ifndef GCMSEARCH_SEARCH_CITATION_MATRIX_H_
#define GCMSEARCH_SEARCH_CITATION_MATRIX_H_

#include <array>
#include <vector>

#include "core/document.h"
#include "core/objectives.h"

namespace gcm {

struct CitationRow {
  // cites[n]: mentions of objective n (1..23) by number or title; cites[0]
  // is unused.
  std::array<int, kObjectiveCount + 1> cites{};
  std::vector<int> linked;  // objectives only linked to (hub links), sorted, unique
};

// The row of `doc`. A mention of a number that is not an objective (which
// only a damaged index could hold) is skipped, never used as an index.
CitationRow CountCitations(const Document& doc);

}  // namespace gcm

#endif  // GCMSEARCH_SEARCH_CITATION_MATRIX_H_
