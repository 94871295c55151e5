// The user's query language, parsed into plain clauses before any Xapian
// query is built, so that folding, stemming in both languages and
// translation can be applied per word, and so that every malformed input
// has a clear answer instead of an exception.
//
//   migration policies       all words (stop words like "the", "de" ignored)
//   "regular pathways"       a phrase
//   detention OR detención   either side
//   -refugees                without
//   migra*                   words starting with "migra" (3+ letters)
//   objective:13 objetivo:13 lang:es idioma:es format:pdf year:2023 title:plan
#ifndef GCMSEARCH_SEARCH_QUERY_PARSER_H_
#define GCMSEARCH_SEARCH_QUERY_PARSER_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace gcm {

struct QueryClause {
  enum class Kind { kWord, kPhrase, kWildcard, kTitleWord };
  Kind kind = Kind::kWord;
  std::vector<std::string> words;  // as typed (one for a word, several for a phrase)
  bool excluded = false;           // -word
  bool or_with_previous = false;   // "a OR b": this clause ORs with the one before
};

struct ParsedQuery {
  std::vector<QueryClause> clauses;
  std::vector<int> objectives;           // objective:N filters
  std::vector<std::string> languages;    // lang:xx filters
  std::vector<std::string> formats;      // format:xx filters
  std::vector<std::string> years;        // year:YYYY filters
  bool empty() const {
    return clauses.empty() && objectives.empty() && languages.empty() && formats.empty() &&
           years.empty();
  }
};

inline constexpr std::size_t kMaxQueryBytes = 1024;
inline constexpr std::size_t kMaxQueryClauses = 64;
// Letters a wildcard (migra*) needs before its *; under this it is refused.
inline constexpr std::size_t kMinWildcardLetters = 2;

// Parses `text`. InvalidArgument (with a sentence the user can act on) for
// a query that is too long, not UTF-8, or has a filter with a bad value
// (objective:99, lang:english). Unbalanced quotes are forgiven.
Status ParseQuery(std::string_view text, ParsedQuery* out);

// True for the common English and Spanish words that a query ignores
// outside phrases ("the", "of", "de", "la", ...). `folded` is Fold()ed.
bool IsStopWord(std::string_view folded);

}  // namespace gcm

#endif  // GCMSEARCH_SEARCH_QUERY_PARSER_H_
