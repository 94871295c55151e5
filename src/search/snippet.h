// Where a query matched inside one document: the pages (from term
// positions) and a short excerpt with the matched words marked.
#ifndef GCMSEARCH_SEARCH_SNIPPET_H_
#define GCMSEARCH_SEARCH_SNIPPET_H_

#include <set>
#include <string>
#include <vector>

#include "core/document.h"
#include "xapian.h"

namespace gcm {

// The index terms a query looks for, as used to find and mark hits:
// folded words ("migracion") and prefixed stems ("Zmigr").
struct HitTerms {
  std::set<std::string> terms;
  bool empty() const { return terms.empty(); }
};

// The page numbers (sorted, unique) on which any of `hits` occurs in the
// indexed document `did`, found from term positions and each page's first
// position in `doc`.
std::vector<int> MatchedPages(const Xapian::Database& db, Xapian::docid did, const Document& doc,
                              const HitTerms& hits);

// An excerpt of about `max_chars` characters of page `page` of `doc` around
// its densest cluster of hits, HTML-escaped, with the matched words wrapped
// in <mark>...</mark>; "…" marks cut ends. Without hits (or page 0), the
// start of the first page with text.
std::string MakeSnippet(const Document& doc, int page, const HitTerms& hits,
                        std::size_t max_chars = 240);

}  // namespace gcm

#endif  // GCMSEARCH_SEARCH_SNIPPET_H_
