// ParsedQuery + filters -> Xapian::Query. Each word becomes a synonym group
// of its folded form and its English and Spanish stems (the query's
// language is unknown; the index stems each document in its own), so
// "migracion", "migración" and "migraciones" meet the same documents.
#ifndef GCMSEARCH_SEARCH_QUERY_BUILDER_H_
#define GCMSEARCH_SEARCH_QUERY_BUILDER_H_

#include "search/query_parser.h"
#include "search/searcher.h"
#include "search/snippet.h"
#include "xapian.h"

namespace gcm {

// The Xapian query for `parsed` restricted by the filters in `parsed` and
// `request`. *hits receives the terms whose occurrences count as hits (for
// pages and snippets). An empty query with filters matches every document
// that passes them; an entirely empty one matches all documents.
Xapian::Query BuildQuery(const ParsedQuery& parsed, const SearchRequest& request, HitTerms* hits);

}  // namespace gcm

#endif  // GCMSEARCH_SEARCH_QUERY_BUILDER_H_
