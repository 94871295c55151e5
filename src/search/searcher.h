// The search stage: reads the database (or a stub listing shards) and
// answers every read command: ranked search with filters, facets, pages and
// snippets; one document; the documents citing an objective; counts per
// objective; the whole collection for export.
//
// A Searcher is not thread-safe (Xapian database handles are not): give
// each thread its own. Reopen() picks up what ingestion committed since.
#ifndef GCMSEARCH_SEARCH_SEARCHER_H_
#define GCMSEARCH_SEARCH_SEARCHER_H_

#include <array>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/document.h"
#include "core/objectives.h"
#include "core/status.h"
#include "search/query_parser.h"
#include "xapian.h"
#include "xlang/bilingual_lexicon.h"

namespace gcm {

struct SearchRequest {
  std::string query;                    // the query language of query_parser.h
  std::vector<std::string> languages;   // any of these (ISO 639-1)
  std::vector<int> objectives;          // all of these
  std::vector<std::string> formats;     // any of these
  std::vector<std::string> years;       // any of these
  int limit = 10;                       // 1..100
  int offset = 0;                       // 0..10000
  bool facets = true;
  // Also find documents in the other language (English <-> Spanish) through
  // the bilingual lexicon; `--no-translate` and HTTP translate=0 turn it off.
  bool translate = true;
};

inline constexpr int kMaxLimit = 100;
inline constexpr int kMaxOffset = 10000;

struct SearchHit {
  Document doc;
  double score = 0;
  std::vector<int> pages;  // where the query's words are
  std::string snippet;     // HTML-escaped, matched words in <mark>
  int snippet_page = 0;
  // Matched only through the translation of the query into the other
  // language: the query in the user's own words does not match it.
  bool via_translation = false;
};

struct SearchResponse {
  std::uint64_t total = 0;  // Xapian's estimate of all matches
  std::vector<SearchHit> hits;
  // facet name ("lang", "objective", "format", "year") -> value -> count
  std::map<std::string, std::map<std::string, std::uint64_t>> facets;
};

// A document that cites an objective, with the mentions of that objective.
struct Citation {
  Document doc;
  std::vector<ObjectiveMention> mentions;  // of the one objective only
};

class Searcher {
 public:
  // Opens the database at `index` (a folder, or a Xapian stub file listing
  // shards). NotFound with advice when there is none yet.
  static Status Open(const std::string& index, std::unique_ptr<Searcher>* out);

  Status Search(const SearchRequest& request, SearchResponse* response);

  // One document by id, or by the path it was ingested under.
  Status Show(const std::string& id_or_path, Document* doc);

  // Every document citing objective n (by number or title), most citations
  // first; each with the mentions of n, links included.
  Status DocumentsCiting(int n, std::vector<Citation>* out);

  // counts[n] = number of documents citing objective n (n = 1..23).
  Status ObjectiveCounts(std::array<std::uint64_t, kObjectiveCount + 1>* counts);

  // Every document, in index order (for export and pairing).
  Status AllDocuments(std::vector<Document>* out);

  std::uint64_t DocumentCount() const;

  // Sees what was committed since Open or the last Reopen.
  void Reopen();

  // Reads the index's latest committed revision through a second handle,
  // then reopens: the Searcher then reads that revision or a newer one,
  // never an older one (so an answer cached under the revision is never
  // staler than its key). 0 when the revision cannot be known (a stub
  // listing several shards); the Searcher is reopened all the same.
  std::uint64_t ReopenAtRevision();

  // The lexicon that translates queries: BilingualLexicon::BuiltIn() unless
  // set (tools/xlang-eval compares dictionaries). `lexicon` must outlive
  // the Searcher.
  void SetLexicon(const BilingualLexicon* lexicon) { lexicon_ = lexicon; }

 private:
  Searcher(Xapian::Database db, bool local) : db_(std::move(db)), local_(local) {}
  const BilingualLexicon* Lexicon();

  Xapian::Database db_;
  // A database folder, not a stub file (which may list remote shards):
  // facets can use our own FacetCounter, which xapian-tcpsrv would not know.
  bool local_ = false;
  const BilingualLexicon* lexicon_ = nullptr;
  // The second handle of ReopenAtRevision, opened on first use.
  std::string index_;
  std::optional<Xapian::Database> revision_db_;
  bool revision_known_ = true;
  bool revision_seen_ = false;
};

}  // namespace gcm

#endif  // GCMSEARCH_SEARCH_SEARCHER_H_
