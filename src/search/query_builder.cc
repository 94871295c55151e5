// Query construction. Filters are boolean terms under OP_FILTER so they do
// not change the ranking. Translation builds its own OP_SYNONYM and
// OP_PHRASE queries from the lexicon rather than using Xapian's synonym
// table, because remote shards do not carry synonyms.
#include "search/query_builder.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "index/term_scheme.h"
#include "text/stemmer.h"
#include "text/text_fold.h"

namespace gcm {
namespace {

constexpr const char* kQueryStemLanguages[] = {"en", "es"};

Xapian::Query WordQuery(const std::string& word, HitTerms* hits) {
  std::string folded = Fold(word);
  std::vector<std::string> terms{folded};
  hits->terms.insert(folded);
  for (const char* lang : kQueryStemLanguages) {
    std::string stem = StemWord(word, lang);
    if (stem.empty()) continue;
    terms.push_back(StemTerm(stem));
    for (const std::string& t : StemOccurrenceTerms(stem)) hits->terms.insert(t);
  }
  std::set<std::string> unique(terms.begin(), terms.end());
  return Xapian::Query(Xapian::Query::OP_SYNONYM, unique.begin(), unique.end());
}

// A translation: one word matches its folded form or its stem in the
// translation's language; a phrase matches its words' stems in order (the
// index gives stems positions too, so "vías regulares" finds "vía regular"),
// or, where the stemmer differs, its folded words in order; the two phrases
// go under OP_MAX so that a document matching both is not counted twice.
Xapian::Query TranslationQuery(const LexiconTranslation& t, HitTerms* hits) {
  std::vector<std::string> folded;
  std::vector<Xapian::Query> stems;  // each word's stem, where its occurrences are
  std::set<std::string> single;      // a one-word translation: one synonym group
  for (const std::string& w : t.words) {
    folded.push_back(Fold(w));
    std::string stem = StemWord(w, t.language);
    std::vector<std::string> alternatives =
        stem.empty() ? std::vector<std::string>{folded.back()} : StemOccurrenceTerms(stem);
    stems.emplace_back(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end());
    single.insert(folded.back());
    if (!stem.empty()) single.insert(StemTerm(stem));
    if (!IsStopWord(folded.back())) {
      hits->terms.insert(folded.back());
      hits->terms.insert(alternatives.begin(), alternatives.end());
    }
  }
  if (t.words.size() == 1) return Xapian::Query(Xapian::Query::OP_SYNONYM, single.begin(), single.end());
  // OP_PHRASE takes terms or OP_OR of terms (Xapian 1.4's query.h).
  Xapian::Query by_stems(Xapian::Query::OP_PHRASE, stems.begin(), stems.end(),
                         static_cast<Xapian::termcount>(stems.size()));
  Xapian::Query by_words(Xapian::Query::OP_PHRASE, folded.begin(), folded.end(),
                         static_cast<Xapian::termcount>(folded.size()));
  return Xapian::Query(Xapian::Query::OP_MAX, by_stems, by_words);
}

// How many documents have `word` (folded or stemmed in either language):
// the largest count among its terms.
Xapian::doccount WordFrequency(const Xapian::Database& db, const std::string& word,
                               const std::vector<std::string>& languages) {
  Xapian::doccount df = db.get_termfreq(Fold(word));
  for (const std::string& lang : languages) {
    std::string stem = StemWord(word, lang);
    if (!stem.empty()) df = std::max(df, db.get_termfreq(StemTerm(stem)));
  }
  return df;
}

// An estimate of how many documents have all of `words` (stop words
// aside): the count of the rarest; 0 when there is no content word.
Xapian::doccount TermFrequency(const Xapian::Database& db, const std::vector<std::string>& words,
                               const std::vector<std::string>& languages) {
  Xapian::doccount df = 0;
  bool any = false;
  for (const std::string& w : words) {
    if (IsStopWord(Fold(w))) continue;
    Xapian::doccount f = WordFrequency(db, w, languages);
    df = any ? std::min(df, f) : f;
    any = true;
  }
  return df;
}

// The weight factor of translations of `words`: kTranslationWeight, made
// smaller when the translation is rarer in its language than the user's
// words are in theirs, so that a rare translation's higher idf does not
// lift documents found through it above equally relevant ones in the
// query's language (in a collection with more English than Spanish
// documents, "sociedad civil" is rarer than "civil society").
double TranslationFactor(const Xapian::Database* db, const std::vector<std::string>& words,
                         const std::vector<LexiconTranslation>& translations) {
  if (!db || db->get_doccount() == 0) return kTranslationWeight;
  const double n = db->get_doccount();
  Xapian::doccount own = TermFrequency(*db, words, {"en", "es"});
  if (own == 0) return kTranslationWeight;  // nothing to compare with
  Xapian::doccount translated = 0;
  for (const LexiconTranslation& t : translations) {
    translated = std::max(translated, TermFrequency(*db, t.words, {t.language}));
  }
  if (translated == 0) return kTranslationWeight;
  // Xapian 1.4's BM25 idf, with its smoothing for common terms.
  auto idf = [n](double df) {
    double tw = (n - df + 0.5) / (df + 0.5);
    if (tw < 2) tw = tw * 0.5 + 1;
    return std::log(tw);
  };
  double idf_own = idf(own);
  double idf_translated = idf(translated);
  if (idf_translated <= idf_own || idf_translated <= 0) return kTranslationWeight;
  return kTranslationWeight * std::max(0.0, idf_own) / idf_translated;
}

// `original` OR the translations, down-weighted by `factor`; `original`
// alone when there are none.
Xapian::Query WithTranslations(Xapian::Query original,
                               const std::vector<LexiconTranslation>& translations,
                               double factor, HitTerms* hits) {
  if (translations.empty()) return original;
  std::vector<Xapian::Query> alternatives;
  for (const LexiconTranslation& t : translations) alternatives.push_back(TranslationQuery(t, hits));
  // OP_MAX: a document with several of the translations counts once, as
  // one with the word itself would.
  Xapian::Query translated(Xapian::Query::OP_MAX, alternatives.begin(), alternatives.end());
  return Xapian::Query(Xapian::Query::OP_OR, original,
                       Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, translated, factor));
}

// The dictionary's translations of one word, read as English and as
// Spanish (the query's language is not known).
std::vector<LexiconTranslation> WordTranslations(const BilingualLexicon& lexicon,
                                                 const std::string& word) {
  std::vector<LexiconTranslation> out;
  for (const char* lang : kQueryStemLanguages) {
    for (LexiconTranslation& t : lexicon.TranslateWord(word, lang)) out.push_back(std::move(t));
  }
  return out;
}

// The thesaurus term that `words` start with, if any: its length and the
// translations of every reading of that length.
std::size_t LongestTerm(const BilingualLexicon& lexicon, const std::vector<std::string>& words,
                        std::vector<LexiconTranslation>* translations) {
  std::size_t longest = 0;
  std::vector<ThesaurusMatch> matches = lexicon.MatchThesaurus(words);
  for (const ThesaurusMatch& m : matches) longest = std::max(longest, m.length);
  for (const ThesaurusMatch& m : matches) {
    if (m.length != longest) continue;
    translations->insert(translations->end(), m.translations.begin(), m.translations.end());
  }
  return longest;
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

Xapian::Query BuildQuery(const ParsedQuery& parsed, const SearchRequest& request, HitTerms* hits,
                         const BilingualLexicon* lexicon, const Xapian::Database* db) {
  const bool translate = request.translate && lexicon != nullptr;
  // Stop words are ignored unless the query is nothing else.
  bool all_stop = true;
  for (const QueryClause& c : parsed.clauses) {
    if (c.excluded) continue;
    if (c.kind != QueryClause::Kind::kWord || !IsStopWord(Fold(c.words[0]))) all_stop = false;
  }

  std::vector<Xapian::Query> groups;  // ANDed
  std::vector<Xapian::Query> excluded;
  const std::vector<QueryClause>& clauses = parsed.clauses;
  for (std::size_t i = 0; i < clauses.size(); ++i) {
    const QueryClause& c = clauses[i];
    if (c.excluded) {
      excluded.push_back(ClauseQuery(c, hits, false));
      continue;
    }
    const bool word = c.kind == QueryClause::Kind::kWord;
    Xapian::Query q;
    std::vector<LexiconTranslation> translations;
    if (translate && word) {
      // The run of plain words from here (up to an OR, an exclusion or a
      // phrase): a thesaurus term inside it translates as a unit.
      std::vector<std::string> run{c.words[0]};
      for (std::size_t j = i + 1; j < clauses.size(); ++j) {
        const QueryClause& next = clauses[j];
        if (next.kind != QueryClause::Kind::kWord || next.excluded || next.or_with_previous) break;
        run.push_back(next.words[0]);
      }
      std::size_t length = LongestTerm(*lexicon, run, &translations);
      if (length > 1) {
        std::vector<Xapian::Query> words;
        for (std::size_t k = 0; k < length; ++k) {
          if (!IsStopWord(Fold(run[k]))) words.push_back(WordQuery(run[k], hits));
        }
        std::vector<std::string> span(run.begin(), run.begin() + static_cast<std::ptrdiff_t>(length));
        q = WithTranslations(Xapian::Query(Xapian::Query::OP_AND, words.begin(), words.end()),
                             translations, TranslationFactor(db, span, translations), hits);
        i += length - 1;
      } else if (all_stop || !IsStopWord(Fold(c.words[0]))) {
        if (length == 0) translations = WordTranslations(*lexicon, c.words[0]);
        q = WithTranslations(ClauseQuery(c, hits, true), translations,
                             TranslationFactor(db, c.words, translations), hits);
      } else {
        continue;
      }
    } else if (translate && c.kind == QueryClause::Kind::kPhrase) {
      // A quoted phrase translates only when it is a thesaurus term.
      if (LongestTerm(*lexicon, c.words, &translations) != c.words.size()) translations.clear();
      q = WithTranslations(ClauseQuery(c, hits, true), translations,
                           TranslationFactor(db, c.words, translations), hits);
    } else {
      if (!all_stop && word && IsStopWord(Fold(c.words[0]))) continue;
      q = ClauseQuery(c, hits, true);
    }
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
