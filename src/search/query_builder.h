// ParsedQuery + filters -> Xapian::Query. Each word becomes a synonym group
// of its folded form and its English and Spanish stems (the query's
// language is unknown; the index stems each document in its own), so
// "migracion", "migración" and "migraciones" meet the same documents.
//
// With translation (SearchRequest::translate and a lexicon), each word, or
// each run of words that is a term of the bilingual thesaurus ("legal
// identity", "alternatives to detention"), also matches its translations
// into the other language: thesaurus terms as phrases ("identidad
// jurídica"), other words through the general dictionary. Translations are
// ORed with the user's own words at kTranslationWeight of their weight, so
// a document in the query's language stays above an equally relevant one
// found only through translation.
#ifndef GCMSEARCH_SEARCH_QUERY_BUILDER_H_
#define GCMSEARCH_SEARCH_QUERY_BUILDER_H_

#include "search/query_parser.h"
#include "search/searcher.h"
#include "search/snippet.h"
#include "xapian.h"
#include "xlang/bilingual_lexicon.h"

namespace gcm {

// The weight of translated terms relative to the user's own words.
inline constexpr double kTranslationWeight = 0.5;

// The Xapian query for `parsed` restricted by the filters in `parsed` and
// `request`. *hits receives the terms whose occurrences count as hits (for
// pages and snippets; translations included). An empty query with filters
// matches every document that passes them; an entirely empty one matches all
// documents. Words are translated when request.translate is set and
// `lexicon` is not null; with `db`, a translation rarer than the user's
// words weighs less still (see TranslationFactor in the .cc).
Xapian::Query BuildQuery(const ParsedQuery& parsed, const SearchRequest& request, HitTerms* hits,
                         const BilingualLexicon* lexicon = nullptr,
                         const Xapian::Database* db = nullptr);

}  // namespace gcm

#endif  // GCMSEARCH_SEARCH_QUERY_BUILDER_H_
