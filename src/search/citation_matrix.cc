// Counting a document's citations per objective (citation_matrix.h).
#include "search/citation_matrix.h"

#include <algorithm>

namespace gcm {

CitationRow CountCitations(const Document& doc) {
  CitationRow row;
  for (const ObjectiveMention& m : doc.mentions) {
    if (!FindObjective(m.objective)) continue;
    if (m.kind == MentionKind::kLink) {
      row.linked.push_back(m.objective);
    } else {
      row.cites[static_cast<std::size_t>(m.objective)]++;
    }
  }
  std::sort(row.linked.begin(), row.linked.end());
  row.linked.erase(std::unique(row.linked.begin(), row.linked.end()), row.linked.end());
  return row;
}

}  // namespace gcm
