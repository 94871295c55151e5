// Version pairing: features, candidate generation, scoring, matching, and
// the pass over the database that stores the result. The one file of the
// pairing unit that talks to Xapian.
#include "pair/pairing.h"

#include "index/xapian_status.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <optional>
#include <set>
#include <unordered_map>

#include "index/doc_codec.h"
#include "index/indexer.h"
#include "index/term_scheme.h"
#include "text/stemmer.h"
#include "text/text_fold.h"

namespace gcm {
namespace {

// The weights of the evidence in a score; they sum to 1.
constexpr double kWordsWeight = 0.45;
constexpr double kAnchorsWeight = 0.30;
constexpr double kObjectivesWeight = 0.10;
constexpr double kStructureWeight = 0.15;
// Documents with less text than this are not paired.
constexpr std::size_t kMinTextBytes = 200;
// Spanish runs longer than English: the expected chars(es) / chars(en).
constexpr double kExpectedLengthRatio = 1.1;

bool HasDigit(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }

// "Santiago" but not "SANTIAGO" (headings) nor "santiago".
bool IsCapitalised(std::string_view raw) {
  if (LowerCase(raw) == raw) return false;
  bool rest_lower = LowerCase(raw.substr(1)) == raw.substr(1);
  return (IsAsciiUpper(raw[0]) || static_cast<unsigned char>(raw[0]) >= 0x80) && rest_lower;
}

// "https://migrationnetwork.un.org/es/hub?x=1." -> "migrationnetwork.un.org/hub":
// the same page in either language's version of a document.
std::string NormaliseUrl(std::string url) {
  url = LowerCase(url);
  for (const char* scheme : {"https://", "http://"}) {
    if (url.rfind(scheme, 0) == 0) url = url.substr(std::string(scheme).size());
  }
  if (url.rfind("www.", 0) == 0) url = url.substr(4);
  std::size_t cut = url.find_first_of("?#");
  if (cut != std::string::npos) url.resize(cut);
  for (const char* lang : {"/es/", "/en/", "/fr/"}) {
    std::size_t at;
    while ((at = url.find(lang)) != std::string::npos) url.erase(at, 3);
  }
  while (!url.empty() && std::string_view(".,;:/)]\"'").find(url.back()) != std::string_view::npos) {
    url.pop_back();
  }
  return url;
}

void AddUrls(const std::string& text, std::map<std::string, double>* anchors) {
  for (std::size_t at = text.find("http"); at != std::string::npos; at = text.find("http", at + 4)) {
    if (text.compare(at, 7, "http://") != 0 && text.compare(at, 8, "https://") != 0) continue;
    std::size_t end = at;
    while (end < text.size() && !std::isspace(static_cast<unsigned char>(text[end])) &&
           text[end] != '<' && text[end] != '>' && text[end] != '"') {
      ++end;
    }
    std::string url = NormaliseUrl(text.substr(at, end - at));
    if (url.find('.') != std::string::npos) (*anchors)["U" + url] = 1;
  }
}

// The Spanish stems an English word stands for: the thesaurus's one-word
// translations (and the words of its phrase translations), else the
// dictionary's, each sharing one unit of weight.
std::vector<std::string> SpanishStemsOf(const std::string& word, const BilingualLexicon& lexicon) {
  std::vector<LexiconTranslation> translations;
  for (const ThesaurusMatch& m : lexicon.MatchThesaurus({word})) {
    if (m.language == "en") translations = m.translations;
  }
  if (translations.empty()) translations = lexicon.TranslateWord(word, "en");
  std::vector<std::string> stems;
  for (const LexiconTranslation& t : translations) {
    for (const std::string& w : t.words) {
      if (Fold(w).size() < 3) continue;  // "de", "la"
      std::string stem = StemWord(w, "es");
      if (!stem.empty() && std::find(stems.begin(), stems.end(), stem) == stems.end()) {
        stems.push_back(stem);
      }
    }
  }
  return stems;
}

// Terms (anchors or Spanish stems) interned as dense ids, so that each
// document's features are sorted (id, weight) arrays: 8 bytes a term
// instead of a map node, which keeps 10,000 documents in tens of MB.
class Vocabulary {
 public:
  std::uint32_t Intern(std::string_view term) {
    auto [it, added] = ids_.try_emplace(std::string(term), static_cast<std::uint32_t>(ids_.size()));
    return it->second;
  }
  std::size_t size() const { return ids_.size(); }

 private:
  std::unordered_map<std::string, std::uint32_t> ids_;
};

using TermWeights = std::vector<std::pair<std::uint32_t, float>>;  // sorted by id

// One document as pairing holds it.
struct CompactFeatures {
  std::string id, path, language, format;
  std::size_t pages = 0;
  std::size_t chars = 0;
  std::vector<int> objectives;
  TermWeights anchors, words;
};

void SortById(TermWeights* t) { std::sort(t->begin(), t->end()); }

// `f` without its terms (those are added interned).
CompactFeatures WithoutTerms(PairingFeatures f) {
  return CompactFeatures{std::move(f.id), std::move(f.path), std::move(f.language), std::move(f.format),
                         f.pages, f.chars, std::move(f.objectives), {}, {}};
}

CompactFeatures Compact(const PairingFeatures& f, Vocabulary* anchors, Vocabulary* words) {
  CompactFeatures c = WithoutTerms(PairingFeatures{f.id, f.path, f.language, f.format, f.pages, f.chars,
                                                   f.objectives, {}, {}});
  for (const auto& [k, w] : f.anchors) c.anchors.emplace_back(anchors->Intern(k), static_cast<float>(w));
  for (const auto& [k, w] : f.words) c.words.emplace_back(words->Intern(k), static_cast<float>(w));
  SortById(&c.anchors);
  SortById(&c.words);
  return c;
}

std::vector<CompactFeatures> CompactAll(const std::vector<PairingFeatures>& docs, Vocabulary* anchors,
                                        Vocabulary* words) {
  std::vector<CompactFeatures> out;
  out.reserve(docs.size());
  for (const PairingFeatures& f : docs) out.push_back(Compact(f, anchors, words));
  return out;
}

// Calls both(x, y) for each id the two sorted lists share.
template <typename Both>
void ForShared(const TermWeights& a, const TermWeights& b, Both both) {
  auto i = a.begin(), j = b.begin();
  while (i != a.end() && j != b.end()) {
    if (i->first < j->first) {
      ++i;
    } else if (j->first < i->first) {
      ++j;
    } else {
      both(*i, *j);
      ++i;
      ++j;
    }
  }
}

// Document frequencies and scoring over one set of documents.
class Scorer {
 public:
  Scorer(const std::vector<CompactFeatures>& docs, std::size_t anchor_terms, std::size_t word_terms)
      : docs_(docs), anchor_df_(anchor_terms, 0), word_df_(word_terms, 0) {
    for (const CompactFeatures& d : docs) {
      if (d.language != "en" && d.language != "es") continue;
      ++n_;
      for (const auto& [a, _] : d.anchors) ++anchor_df_[a];
      for (const auto& [w, _] : d.words) ++word_df_[w];
    }
    anchor_idf_ = Idfs(anchor_df_);
    word_idf_ = Idfs(word_df_);
    anchor_norm_.resize(docs.size());
    word_norm_.resize(docs.size());
    for (std::size_t i = 0; i < docs.size(); ++i) {
      double an = 0, wn = 0;
      for (const auto& [a, _] : docs[i].anchors) an += Square(anchor_idf_[a]);
      for (const auto& [w, tf] : docs[i].words) wn += Square(WordWeight(w, tf));
      anchor_norm_[i] = std::sqrt(an);
      word_norm_[i] = std::sqrt(wn);
    }
  }

  double AnchorIdf(std::uint32_t a) const { return anchor_idf_[a]; }
  double WordIdf(std::uint32_t w) const { return word_idf_[w]; }
  std::size_t AnchorDf(std::uint32_t a) const { return anchor_df_[a]; }
  std::size_t WordDf(std::uint32_t w) const { return word_df_[w]; }
  std::size_t size() const { return n_; }

  // tf-idf cosine of the two documents' (Spanish-stem) vocabularies.
  double WordSimilarity(std::size_t a, std::size_t b) const {
    if (word_norm_[a] == 0 || word_norm_[b] == 0) return 0;
    double dot = 0;
    ForShared(docs_[a].words, docs_[b].words, [&](const auto& x, const auto& y) {
      dot += WordWeight(x.first, x.second) * WordWeight(y.first, y.second);
    });
    return dot / (word_norm_[a] * word_norm_[b]);
  }

  double Score(std::size_t a, std::size_t b) const {
    const CompactFeatures& x = docs_[a];
    const CompactFeatures& y = docs_[b];
    double words = WordSimilarity(a, b);

    double anchors = 0.5;  // neither has any: no evidence either way
    if (!x.anchors.empty() || !y.anchors.empty()) {
      anchors = 0;
      if (anchor_norm_[a] > 0 && anchor_norm_[b] > 0) {
        double dot = 0;
        ForShared(x.anchors, y.anchors, [&](const auto& k, const auto&) { dot += Square(anchor_idf_[k.first]); });
        anchors = dot / (anchor_norm_[a] * anchor_norm_[b]);
      }
    }

    double objectives = 0.5;
    if (!x.objectives.empty() || !y.objectives.empty()) {
      std::vector<int> both, either;
      std::set_intersection(x.objectives.begin(), x.objectives.end(), y.objectives.begin(),
                            y.objectives.end(), std::back_inserter(both));
      std::set_union(x.objectives.begin(), x.objectives.end(), y.objectives.begin(),
                     y.objectives.end(), std::back_inserter(either));
      objectives = static_cast<double>(both.size()) / static_cast<double>(either.size());
    }

    const CompactFeatures& en = x.language == "en" ? x : y;
    const CompactFeatures& es = x.language == "en" ? y : x;
    double structure = 0;
    if (en.chars > 0 && es.chars > 0) {
      double ratio = static_cast<double>(es.chars) / static_cast<double>(en.chars);
      structure = std::max(0.0, 1.0 - std::fabs(std::log(ratio / kExpectedLengthRatio)) / std::log(2.0));
      // Page counts only compare between paged formats.
      if (en.format == "pdf" && es.format == "pdf" && en.pages > 0 && es.pages > 0) {
        double pages = static_cast<double>(std::min(en.pages, es.pages)) /
                       static_cast<double>(std::max(en.pages, es.pages));
        structure *= std::sqrt(pages);
      }
    }
    return kWordsWeight * words + kAnchorsWeight * anchors + kObjectivesWeight * objectives +
           kStructureWeight * structure;
  }

 private:
  static double Square(double v) { return v * v; }
  std::vector<double> Idfs(const std::vector<std::uint32_t>& df) const {
    std::vector<double> idf(df.size(), 0);
    for (std::size_t k = 0; k < df.size(); ++k) {
      if (df[k]) idf[k] = std::log((static_cast<double>(n_) + 1) / static_cast<double>(df[k]));
    }
    return idf;
  }
  double WordWeight(std::uint32_t w, double tf) const {
    return (1 + std::log(std::max(tf, 1.0))) * word_idf_[w];
  }

  const std::vector<CompactFeatures>& docs_;
  std::size_t n_ = 0;
  std::vector<std::uint32_t> anchor_df_, word_df_;
  std::vector<double> anchor_idf_, word_idf_;
  std::vector<double> anchor_norm_, word_norm_;
};

}  // namespace

PairingFeatures ComputePairingFeatures(const Document& doc, const BilingualLexicon& lexicon) {
  PairingFeatures f;
  f.id = doc.id;
  f.path = doc.path;
  f.language = doc.language;
  f.format = doc.format;
  f.pages = doc.pages.size();
  f.objectives = doc.CitedObjectives();
  if (f.language != "en" && f.language != "es") return f;
  std::string body = doc.FullText();
  if (body.size() < kMinTextBytes) {
    // Too little text to judge (an image-only PDF read without OCR): such a
    // document takes no part, rather than being paired on its title alone.
    f.language = "und";
    return f;
  }
  std::string text = doc.title + "\n" + body;
  f.chars = text.size();

  // Per distinct word, as a document repeats its words: English word -> es
  // stems, Spanish word -> its stem, capitalised word -> whether it is a name.
  std::unordered_map<std::string, std::vector<std::string>> stems_of;
  std::unordered_map<std::string, std::string> stem_of;
  std::unordered_map<std::string, bool> is_name;
  for (const Token& t : Tokenize(text)) {
    std::string_view raw(text.data() + t.offset, t.length);
    std::string folded = Fold(raw);
    if (folded.size() < 2 || folded.size() > kMaxTermBytes) continue;
    if (HasDigit(folded)) {
      // "3,117" and "3.117", "38.4" and "38,4": separators differ by language.
      std::string digits;
      for (char c : folded) {
        if (c != '.' && c != ',') digits.push_back(c);
      }
      if (digits.size() >= 2) f.anchors["N" + digits] = 1;
      continue;
    }
    if (folded.size() < 3) continue;
    if (IsCapitalised(raw)) {
      auto name = is_name.find(std::string(raw));
      if (name == is_name.end()) name = is_name.emplace(raw, !lexicon.Knows(raw, f.language)).first;
      if (name->second) f.anchors["C" + folded] = 1;
    }
    if (f.language == "es") {
      auto stem = stem_of.find(std::string(raw));
      if (stem == stem_of.end()) stem = stem_of.emplace(raw, StemWord(raw, "es")).first;
      if (!stem->second.empty()) f.words[stem->second] += 1;
      continue;
    }
    auto it = stems_of.find(folded);
    if (it == stems_of.end()) it = stems_of.emplace(folded, SpanishStemsOf(LowerCase(raw), lexicon)).first;
    for (const std::string& stem : it->second) f.words[stem] += 1.0 / static_cast<double>(it->second.size());
  }
  AddUrls(text, &f.anchors);
  for (const std::string& link : doc.links) AddUrls(link, &f.anchors);
  return f;
}

namespace {

std::vector<VersionPair> FindCompactPairs(const std::vector<CompactFeatures>& docs, std::size_t anchor_terms,
                                          std::size_t word_terms, const PairingOptions& options) {
  Scorer scorer(docs, anchor_terms, word_terms);
  const std::size_t n = scorer.size();
  // Rare features make candidates: in at most 5% of the documents (and at
  // least 4), so a pair of versions shares many, unrelated documents few.
  const std::size_t rare = std::max<std::size_t>(4, n / 20);
  std::vector<std::vector<std::uint32_t>> anchor_postings(anchor_terms), word_postings(word_terms);
  for (std::size_t i = 0; i < docs.size(); ++i) {
    if (docs[i].language != "en" && docs[i].language != "es") continue;
    for (const auto& [a, _] : docs[i].anchors) {
      if (scorer.AnchorDf(a) <= rare) anchor_postings[a].push_back(static_cast<std::uint32_t>(i));
    }
    for (const auto& [w, _] : docs[i].words) {
      if (scorer.WordDf(w) <= rare) word_postings[w].push_back(static_cast<std::uint32_t>(i));
    }
  }

  // Scores of each document's best candidates in the other language.
  std::vector<std::vector<std::pair<double, std::size_t>>> scored(docs.size());
  for (std::size_t i = 0; i < docs.size(); ++i) {
    if (docs[i].language != "en") continue;
    std::unordered_map<std::size_t, double> shared;
    auto collect = [&](const std::vector<std::uint32_t>& postings, double idf) {
      for (std::size_t j : postings) {
        if (docs[j].language == "es") shared[j] += idf;
      }
    };
    for (const auto& [a, _] : docs[i].anchors) collect(anchor_postings[a], scorer.AnchorIdf(a));
    for (const auto& [w, _] : docs[i].words) collect(word_postings[w], scorer.WordIdf(w));
    std::vector<std::pair<double, std::size_t>> candidates;
    for (const auto& [j, s] : shared) candidates.emplace_back(s, j);
    std::sort(candidates.rbegin(), candidates.rend());
    if (candidates.size() > options.max_candidates) candidates.resize(options.max_candidates);
    for (const auto& [_, j] : candidates) {
      double s = scorer.Score(i, j);
      scored[i].emplace_back(s, j);
      scored[j].emplace_back(s, i);
    }
  }
  auto best = [&](std::size_t i) -> std::pair<double, std::size_t> {
    std::pair<double, std::size_t> b{-1, docs.size()};
    for (const auto& c : scored[i]) {
      if (c.first > b.first || (c.first == b.first && c.second < b.second)) b = c;
    }
    return b;
  };

  std::vector<VersionPair> pairs;
  std::set<std::pair<std::size_t, std::size_t>> linked;
  auto link = [&](std::size_t en, std::size_t es, double score) {
    if (linked.insert({en, es}).second) pairs.push_back(VersionPair{en, es, score});
  };
  for (std::size_t i = 0; i < docs.size(); ++i) {
    if (docs[i].language != "en" || scored[i].empty()) continue;
    auto [score, j] = best(i);
    if (score < options.threshold || best(j).second != i) continue;
    link(i, j, score);
  }
  // A second version in one language: above the threshold, preferring the
  // same partner, and a near-copy of the version already linked.
  std::vector<VersionPair> mutual = pairs;
  for (const VersionPair& p : mutual) {
    for (int side = 0; side < 2; ++side) {
      std::size_t anchor = side == 0 ? p.en : p.es;  // the partner both prefer
      std::size_t first = side == 0 ? p.es : p.en;   // the version already linked
      for (const auto& [score, other] : scored[anchor]) {
        if (other == first || score < options.threshold || best(other).second != anchor) continue;
        if (scorer.WordSimilarity(first, other) < options.duplicate_similarity) continue;
        if (side == 0) {
          link(anchor, other, score);
        } else {
          link(other, anchor, score);
        }
      }
    }
  }
  std::sort(pairs.begin(), pairs.end(),
            [](const VersionPair& a, const VersionPair& b) { return a.score > b.score; });
  return pairs;
}

}  // namespace

double PairScore(const std::vector<PairingFeatures>& docs, std::size_t a, std::size_t b) {
  Vocabulary anchors, words;
  std::vector<CompactFeatures> compact = CompactAll(docs, &anchors, &words);
  return Scorer(compact, anchors.size(), words.size()).Score(a, b);
}

std::vector<VersionPair> FindVersionPairs(const std::vector<PairingFeatures>& docs,
                                          const PairingOptions& options) {
  Vocabulary anchors, words;
  std::vector<CompactFeatures> compact = CompactAll(docs, &anchors, &words);
  return FindCompactPairs(compact, anchors.size(), words.size(), options);
}

Status PairVersions(Xapian::WritableDatabase& db, const BilingualLexicon& lexicon,
                    const PairingOptions& options, PairingSummary* summary) {
  return PairVersions(db, db, lexicon, options, summary);
}

Status PairVersions(Xapian::WritableDatabase& db, const Xapian::Database& collection,
                    const BilingualLexicon& lexicon, const PairingOptions& options,
                    PairingSummary* summary) {
  *summary = PairingSummary();
  return GuardXapian("pairing versions failed", [&]() -> Status {
    // The collection's features, and each document's links wanted.
    std::vector<CompactFeatures> features;
    Vocabulary anchor_terms, word_terms;
    std::unordered_map<std::string, std::size_t> index_of;  // id -> features index
    for (auto t = collection.allterms_begin(kPrefixId); t != collection.allterms_end(kPrefixId); ++t) {
      Xapian::PostingIterator p = collection.postlist_begin(*t);
      if (p == collection.postlist_end(*t)) continue;
      Xapian::Document xdoc = collection.get_document(*p);
      std::string stored = xdoc.get_value(kSlotPairing);
      if (stored.empty()) {
        // Indexed before features were stored (or not en/es): from the text,
        // through the stored form so that both ways score alike.
        Document doc;
        if (!DecodeDocumentData(xdoc.get_data(), &doc).ok()) continue;
        if (doc.language != "en" && doc.language != "es") continue;
        stored = EncodePairingFeatures(ComputePairingFeatures(doc, lexicon));
      }
      PairingFeatures f;  // the other fields; the terms go straight in, interned
      TermWeights anchors, words;
      const bool whole = DecodePairingFeatures(
          stored, &f,
          [&](std::string_view k, double w) { anchors.emplace_back(anchor_terms.Intern(k), static_cast<float>(w)); },
          [&](std::string_view k, double w) { words.emplace_back(word_terms.Intern(k), static_cast<float>(w)); }).ok();
      if (!whole || (f.language != "en" && f.language != "es")) continue;
      CompactFeatures c = WithoutTerms(std::move(f));
      c.anchors = std::move(anchors);
      c.words = std::move(words);
      SortById(&c.anchors);
      SortById(&c.words);
      index_of[c.id] = features.size();
      features.push_back(std::move(c));
    }
    summary->documents = features.size();
    std::vector<std::vector<Translation>> wanted(features.size());
    for (const VersionPair& p : FindCompactPairs(features, anchor_terms.size(), word_terms.size(), options)) {
      const CompactFeatures& en = features[p.en];
      const CompactFeatures& es = features[p.es];
      double score = std::round(p.score * 1000) / 1000;
      wanted[p.en].push_back(Translation{es.id, es.path, es.language, score});
      wanted[p.es].push_back(Translation{en.id, en.path, en.language, score});
      ++summary->pairs;
    }
    auto same = [](const std::vector<Translation>& a, const std::vector<Translation>& b) {
      if (a.size() != b.size()) return false;
      for (std::size_t k = 0; k < a.size(); ++k) {
        if (a[k].id != b[k].id || a[k].path != b[k].path || std::fabs(a[k].score - b[k].score) > 1e-9) {
          return false;
        }
      }
      return true;
    };
    // Rewrite the documents of `db` whose links changed (collected first:
    // replacing documents while walking the term list is not safe).
    std::vector<std::pair<Xapian::docid, std::vector<Translation>>> changes;
    static const std::vector<Translation> kNone;
    for (auto t = db.allterms_begin(kPrefixId); t != db.allterms_end(kPrefixId); ++t) {
      Xapian::PostingIterator p = db.postlist_begin(*t);
      if (p == db.postlist_end(*t)) continue;
      Document doc;
      if (!DecodeDocumentData(db.get_document(*p).get_data(), &doc, DecodeDetail::kSummary).ok()) continue;
      auto it = index_of.find(doc.id);
      const std::vector<Translation>& links = it == index_of.end() ? kNone : wanted[it->second];
      if (!same(links, doc.translations)) changes.emplace_back(*p, links);
    }
    for (auto& [did, links] : changes) {
      Xapian::Document xdoc = db.get_document(did);
      Document doc;
      if (!DecodeDocumentData(xdoc.get_data(), &doc).ok()) continue;
      doc.translations = std::move(links);
      xdoc.set_data(EncodeDocumentData(doc));
      db.replace_document(did, xdoc);
      ++summary->updated;
    }
    return Status::OK();
  });
}

void AttachPairingFeatures(const Document& doc, Xapian::Document* xdoc) {
  PairingFeatures features = ComputePairingFeatures(doc, BilingualLexicon::BuiltIn());
  if (features.language == "en" || features.language == "es") {
    xdoc->add_value(kSlotPairing, EncodePairingFeatures(features));
  }
}

Status PairIndex(const std::string& index_dir, const std::string& collection, PairingSummary* summary) {
  *summary = PairingSummary();
  std::unique_ptr<Indexer> indexer;
  Status s = Indexer::Open(index_dir, &indexer);
  if (!s.ok()) return s;
  if (collection.empty()) {
    s = PairVersions(indexer->database(), BilingualLexicon::BuiltIn(), PairingOptions(), summary);
  } else {
    std::optional<Xapian::Database> all;
    s = GuardXapian(collection + ": cannot open the collection", [&] { all.emplace(collection); });
    if (!s.ok()) return s;
    s = PairVersions(indexer->database(), *all, BilingualLexicon::BuiltIn(), PairingOptions(), summary);
  }
  if (!s.ok()) return s;
  return indexer->Commit();
}

}  // namespace gcm
