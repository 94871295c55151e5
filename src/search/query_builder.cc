// Query construction. Filters are boolean terms under OP_FILTER so they do
// not change the ranking.
#include "search/query_builder.h"

#include <set>

#include "index/term_prefixes.h"
#include "index/terms.h"
#include "normalise/text_fold.h"

namespace gcm {
namespace {

constexpr const char* kQueryStemLanguages[] = {"en", "es"};

Xapian::Query WordQuery(const std::string& word, HitTerms* hits) {
  std::string folded = Fold(word);
  std::vector<std::string> terms{folded};
  for (const char* lang : kQueryStemLanguages) {
    std::string stem = StemWord(word, lang);
    if (!stem.empty()) terms.push_back(kPrefixStem + stem);
  }
  std::set<std::string> unique(terms.begin(), terms.end());
  for (const std::string& t : unique) hits->terms.insert(t);
  return Xapian::Query(Xapian::Query::OP_SYNONYM, unique.begin(), unique.end());
}

Xapian::Query ClauseQuery(const QueryClause& clause, HitTerms* hits, bool collect_hits) {
  HitTerms ignored;
  HitTerms* h = collect_hits ? hits : &ignored;
  switch (clause.kind) {
    case QueryClause::Kind::kWord:
      return WordQuery(clause.words[0], h);
    case QueryClause::Kind::kPhrase: {
      std::vector<Xapian::Query> parts;
      for (const std::string& w : clause.words) {
        std::string folded = Fold(w);
        h->terms.insert(folded);
        parts.emplace_back(folded);
      }
      return Xapian::Query(Xapian::Query::OP_PHRASE, parts.begin(), parts.end(),
                           static_cast<Xapian::termcount>(parts.size()));
    }
    case QueryClause::Kind::kWildcard: {
      std::string prefix = Fold(clause.words[0]);
      return Xapian::Query(Xapian::Query::OP_WILDCARD, prefix, 200,
                           Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
    }
    case QueryClause::Kind::kTitleWord: {
      std::vector<Xapian::Query> parts;
      for (const std::string& w : clause.words) parts.emplace_back(kPrefixTitle + Fold(w));
      return Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
    }
  }
  return Xapian::Query();
}

Xapian::Query AnyOf(const std::string& prefix, const std::vector<std::string>& values) {
  std::vector<Xapian::Query> parts;
  for (const std::string& v : values) parts.emplace_back(prefix + v);
  return Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
}

}  // namespace

Xapian::Query BuildQuery(const ParsedQuery& parsed, const SearchRequest& request, HitTerms* hits) {
  // Stop words are ignored unless the query is nothing else.
  bool all_stop = true;
  for (const QueryClause& c : parsed.clauses) {
    if (c.excluded) continue;
    if (c.kind != QueryClause::Kind::kWord || !IsStopWord(Fold(c.words[0]))) all_stop = false;
  }

  std::vector<Xapian::Query> groups;  // ANDed
  std::vector<Xapian::Query> excluded;
  for (const QueryClause& c : parsed.clauses) {
    if (c.excluded) {
      excluded.push_back(ClauseQuery(c, hits, false));
      continue;
    }
    if (!all_stop && c.kind == QueryClause::Kind::kWord && IsStopWord(Fold(c.words[0]))) continue;
    Xapian::Query q = ClauseQuery(c, hits, true);
    if (c.or_with_previous && !groups.empty()) {
      groups.back() = Xapian::Query(Xapian::Query::OP_OR, groups.back(), q);
    } else {
      groups.push_back(q);
    }
  }
  Xapian::Query query = groups.empty()
                            ? Xapian::Query::MatchAll
                            : Xapian::Query(Xapian::Query::OP_AND, groups.begin(), groups.end());
  if (!excluded.empty()) {
    query = Xapian::Query(Xapian::Query::OP_AND_NOT, query,
                          Xapian::Query(Xapian::Query::OP_OR, excluded.begin(), excluded.end()));
  }

  std::vector<std::string> languages = request.languages;
  languages.insert(languages.end(), parsed.languages.begin(), parsed.languages.end());
  std::vector<std::string> formats = request.formats;
  formats.insert(formats.end(), parsed.formats.begin(), parsed.formats.end());
  std::vector<std::string> years = request.years;
  years.insert(years.end(), parsed.years.begin(), parsed.years.end());
  std::set<int> objectives(request.objectives.begin(), request.objectives.end());
  objectives.insert(parsed.objectives.begin(), parsed.objectives.end());

  std::vector<Xapian::Query> filters;
  if (!languages.empty()) filters.push_back(AnyOf(kPrefixLanguage, languages));
  if (!formats.empty()) filters.push_back(AnyOf(kPrefixFormat, formats));
  if (!years.empty()) filters.push_back(AnyOf(kPrefixYear, years));
  for (int n : objectives) filters.emplace_back(ObjectiveTerm(n));
  if (!filters.empty()) {
    query = Xapian::Query(Xapian::Query::OP_FILTER, query,
                          Xapian::Query(Xapian::Query::OP_AND, filters.begin(), filters.end()));
  }
  return query;
}

}  // namespace gcm
