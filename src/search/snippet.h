// Where a query matched inside one document: the pages (from term
// positions) and a short excerpt with the matched words marked.
#ifndef GCMSEARCH_SEARCH_SNIPPET_H_
#define GCMSEARCH_SEARCH_SNIPPET_H_

#include <cstdint>
#include <map>
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

// Where `hits` occur in the indexed document `did`: page number -> indices
// of the hit words among that page's tokens (Tokenize() order), sorted.
// Found from term positions and each page's first position in `doc`
// (token i of a page, as the term scheme places it: LocatePosition in index/term_scheme.h).
std::map<int, std::vector<std::uint32_t>> HitsByPage(const Xapian::Database& db, Xapian::docid did,
                                                     const Document& doc, const HitTerms& hits);

// An excerpt of about `max_chars` bytes of page `page` of `doc` around its
// densest cluster of the hit words `hit_tokens` (token indices, as from
// HitsByPage), HTML-escaped, with those words wrapped in <mark>...</mark>;
// "…" marks cut ends. Without hits (or page 0), the start of the first page
// with text.
std::string MakeSnippet(const Document& doc, int page, const std::vector<std::uint32_t>& hit_tokens,
                        std::size_t max_chars = 240);

}  // namespace gcm

#endif  // GCMSEARCH_SEARCH_SNIPPET_H_
