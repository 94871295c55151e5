// Searcher: the one file of the search stage that talks to Xapian's read
// side and turns its exceptions into a Status.
#include "search/searcher.h"

#include "core/language_code.h"

#include <algorithm>
#include <filesystem>
#include <set>
#include <sstream>

#include "core/document_id.h"
#include "index/doc_codec.h"
#include "index/term_scheme.h"
#include "search/facet_counter.h"
#include "search/query_builder.h"
#include "search/snippet.h"
#include "index/xapian_status.h"

namespace gcm {
namespace {

Status Load(const Xapian::Database& db, Xapian::docid did, Document* doc,
            DecodeDetail detail = DecodeDetail::kFull) {
  return DecodeDocumentData(db.get_document(did, Xapian::DOC_ASSUME_VALID).get_data(), doc, detail);
}

std::vector<std::string> SplitCommas(const std::string& s) {
  std::vector<std::string> out;
  std::string part;
  std::istringstream in(s);
  while (std::getline(in, part, ',')) {
    if (!part.empty()) out.push_back(part);
  }
  return out;
}

// Sets via_translation on the hits that the untranslated query does not
// match: one more query, restricted to the hits' ids.
// `dids[i]` is the docid of response->hits[i].
void MarkTranslated(const Xapian::Database& db, const ParsedQuery& parsed, const SearchRequest& request,
                    const std::vector<Xapian::docid>& dids, SearchResponse* response) {
  SearchRequest own_words = request;
  own_words.translate = false;
  HitTerms ignored;
  std::vector<Xapian::Query> ids;
  for (const SearchHit& hit : response->hits) ids.emplace_back(IdTerm(hit.doc.id));
  Xapian::Query check(Xapian::Query::OP_FILTER, BuildQuery(parsed, own_words, &ignored),
                      Xapian::Query(Xapian::Query::OP_OR, ids.begin(), ids.end()));
  Xapian::Enquire enquire(db);
  enquire.set_query(check);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  std::set<Xapian::docid> direct;
  Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(dids.size()));
  for (auto it = mset.begin(); it != mset.end(); ++it) direct.insert(*it);
  for (std::size_t i = 0; i < dids.size(); ++i) response->hits[i].via_translation = direct.count(dids[i]) == 0;
}

}  // namespace

Status Searcher::Open(const std::string& index, std::unique_ptr<Searcher>* out) {
  std::error_code ec;
  if (!std::filesystem::exists(index, ec)) {
    return Status::NotFound("no index at " + index + ": run `gcmsearch ingest PATH...` first");
  }
  Status s = GuardXapian("cannot open the index at " + index, [&]() -> Status {
    Xapian::Database db(index);
    if (Status v = CheckFormatVersion(db, index); !v.ok()) return v;
    out->reset(new Searcher(std::move(db), std::filesystem::is_directory(index, ec)));
    (*out)->index_ = index;
    return Status::OK();
  });
  if (s.code() == Status::Code::kNotFound) {
    return Status::NotFound("no index at " + index + " (" + s.message() +
                            "): run `gcmsearch ingest PATH...` first");
  }
  return s;
}

void Searcher::Reopen() {
  // On failure, keep answering from the revision we have.
  (void)GuardXapian("reopen", [&] { db_.reopen(); });
}

std::uint64_t Searcher::ReopenAtRevision() {
  std::uint64_t revision = 0;
  if (revision_known_) {
    Status s = GuardXapian("revision", [&] {
      if (!revision_db_) {
        revision_db_.emplace(index_);
      } else {
        revision_db_->reopen();
      }
      revision = revision_db_->get_revision();  // throws for a stub of several shards
    });
    if (s.ok()) {
      revision_seen_ = true;
    } else {
      // Unknown this time; never known when the first read failed (a stub).
      revision = 0;
      if (!revision_seen_) revision_known_ = false;
    }
  }
  Reopen();
  return revision;
}

std::uint64_t Searcher::DocumentCount() const { return db_.get_doccount(); }

const BilingualLexicon* Searcher::Lexicon() {
  if (!lexicon_) lexicon_ = &BilingualLexicon::BuiltIn();
  return lexicon_;
}

Status Searcher::Search(const SearchRequest& request, SearchResponse* response) {
  *response = SearchResponse();
  if (request.limit < 0 || request.limit > kMaxLimit) {
    return Status::InvalidArgument("limit must be between 0 and " + std::to_string(kMaxLimit));
  }
  if (request.offset < 0 || request.offset > kMaxOffset) {
    return Status::InvalidArgument("offset must be between 0 and " + std::to_string(kMaxOffset));
  }
  for (int n : request.objectives) {
    if (!FindObjective(n)) {
      return Status::InvalidArgument("objective " + std::to_string(n) + " does not exist (use 1 to 23)");
    }
  }
  // Filters from the command line or HTTP get the same checks as the
  // query language's own.
  SearchRequest canonical = request;
  canonical.languages.clear();
  for (const std::string& l : request.languages) {
    std::string code;
    if (Status c = CanonicalLanguage(l, "--lang ", &code); !c.ok()) return c;
    canonical.languages.push_back(code);
  }
  std::string filters;
  for (const std::string& f : request.formats) filters += " format:" + f;
  for (const std::string& y : request.years) filters += " year:" + y;
  ParsedQuery checked;
  Status s = ParseQuery(filters, &checked);
  if (!s.ok()) return s;
  ParsedQuery parsed;
  s = ParseQuery(request.query, &parsed);
  if (!s.ok()) return s;

  for (int attempt = 0; attempt < 3; ++attempt) {
    Status result = GuardXapian("search failed", [&]() -> Status {
      HitTerms hits;
      Xapian::Query query =
          BuildQuery(parsed, canonical, &hits, request.translate ? Lexicon() : nullptr, &db_);
      Xapian::Enquire enquire(db_);
      enquire.set_query(query);
      // Facets: our one-pass counter on a local database, Xapian's own spies
      // (which remote shards can run) through a stub.
      FacetCounter counter;
      Xapian::ValueCountMatchSpy lang_spy(kSlotLanguage), format_spy(kSlotFormat),
          objective_spy(kSlotObjectives), year_spy(kSlotYear);
      Xapian::doccount check_at_least = 0;
      if (request.facets) {
        if (local_) {
          enquire.add_matchspy(&counter);
        } else {
          enquire.add_matchspy(&lang_spy);
          enquire.add_matchspy(&format_spy);
          enquire.add_matchspy(&objective_spy);
          enquire.add_matchspy(&year_spy);
        }
        // Facet counts are exact up to this many matches, estimates beyond.
        check_at_least = std::min<Xapian::doccount>(db_.get_doccount(), 10000);
      }
      Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(request.offset),
                                           static_cast<Xapian::doccount>(request.limit),
                                           check_at_least);
      response->total = mset.get_matches_estimated();
      std::vector<Xapian::docid> dids;
      for (auto it = mset.begin(); it != mset.end(); ++it) {
        SearchHit hit;
        // Results show objectives, not the evidence, and one page's text:
        // the summary, then the snippet's page alone.
        const std::string data = db_.get_document(*it, Xapian::DOC_ASSUME_VALID).get_data();
        if (!DecodeDocumentData(data, &hit.doc, DecodeDetail::kSummary).ok()) continue;
        hit.score = it.get_percent() / 100.0;
        std::map<int, std::vector<std::uint32_t>> by_page = HitsByPage(db_, *it, hit.doc, hits);
        // The snippet comes from the page with the most hits (the first of equals).
        std::size_t most = 0;
        for (const auto& [page, tokens] : by_page) {
          hit.pages.push_back(page);
          if (tokens.size() > most) {
            most = tokens.size();
            hit.snippet_page = page;
          }
        }
        // The snippet's page; with no hit on a page (a title-only match),
        // the first page with text.
        std::string text;
        int text_page = 0;
        if (DecodePageText(data, hit.snippet_page, &text, &text_page).ok()) {
          for (Page& page : hit.doc.pages) {
            if (page.number == text_page) page.text = std::move(text);
          }
        }
        hit.snippet = MakeSnippet(hit.doc, hit.snippet_page,
                                  hit.snippet_page ? by_page[hit.snippet_page] : std::vector<std::uint32_t>{});
        if (hit.snippet_page == 0) hit.snippet_page = text_page;
        if (hit.snippet_page == 0 && !hit.doc.pages.empty()) hit.snippet_page = hit.doc.pages.front().number;
        response->hits.push_back(std::move(hit));
        dids.push_back(*it);
      }
      if (request.translate && !response->hits.empty()) {
        MarkTranslated(db_, parsed, canonical, dids, response);
      }
      if (request.facets && local_) {
        counter.AddTo(&response->facets);
      } else if (request.facets) {
        auto collect = [&](Xapian::ValueCountMatchSpy& spy, const char* name) {
          auto& facet = response->facets[name];
          for (auto v = spy.values_begin(); v != spy.values_end(); ++v) facet[*v] += v.get_termfreq();
        };
        collect(lang_spy, "lang");
        collect(format_spy, "format");
        collect(year_spy, "year");
        // The objectives slot holds "4,8,13": count each objective once per
        // document by splitting each distinct list.
        auto& objectives = response->facets["objective"];
        for (auto v = objective_spy.values_begin(); v != objective_spy.values_end(); ++v) {
          for (const std::string& n : SplitCommas(*v)) objectives[n] += v.get_termfreq();
        }
      }
      return Status::OK();
    });
    if (!result.IsRetryable()) return result;
    Reopen();  // ingestion committed meanwhile: retry on the new revision
  }
  return Status::DatabaseChanged("search failed: the index kept changing during the read");
}

Status Searcher::Show(const std::string& id_or_path, Document* doc) {
  return GuardXapian("show failed", [&]() -> Status {
    std::vector<std::string> candidates = {IdTerm(id_or_path), kPrefixPath + id_or_path};
    std::error_code ec;
    if (std::filesystem::exists(id_or_path, ec)) candidates.push_back(IdTerm(DocumentIdFor(id_or_path)));
    for (const std::string& term : candidates) {
      if (term.size() > 240) continue;
      Xapian::PostingIterator p = db_.postlist_begin(term);
      if (p != db_.postlist_end(term)) return Load(db_, *p, doc);
    }
    return Status::NotFound("no document " + id_or_path + " in the index");
  });
}

Status Searcher::DocumentsCiting(int n, std::vector<Citation>* out) {
  out->clear();
  if (!FindObjective(n)) {
    return Status::InvalidArgument("objective " + std::to_string(n) + " does not exist (use 1 to 23)");
  }
  return GuardXapian("objective lookup failed", [&]() -> Status {
    std::string term = ObjectiveTerm(n);
    for (auto p = db_.postlist_begin(term); p != db_.postlist_end(term); ++p) {
      Citation c;
      if (!Load(db_, *p, &c.doc).ok()) continue;
      for (const ObjectiveMention& m : c.doc.mentions) {
        if (m.objective == n) c.mentions.push_back(m);
      }
      out->push_back(std::move(c));
    }
    auto textual = [](const Citation& c) {
      return std::count_if(c.mentions.begin(), c.mentions.end(),
                           [](const ObjectiveMention& m) { return m.kind != MentionKind::kLink; });
    };
    std::stable_sort(out->begin(), out->end(), [&](const Citation& a, const Citation& b) {
      auto ta = textual(a), tb = textual(b);
      if (ta != tb) return ta > tb;
      if (a.mentions.size() != b.mentions.size()) return a.mentions.size() > b.mentions.size();
      // Ties by path, not by document number: ingestion writes documents in
      // the order its workers finish them, and shards number them apart.
      return a.doc.path < b.doc.path;
    });
    return Status::OK();
  });
}

Status Searcher::ObjectiveCounts(std::array<std::uint64_t, kObjectiveCount + 1>* counts) {
  counts->fill(0);
  return GuardXapian("objective counts failed", [&]() -> Status {
    for (int n = 1; n <= kObjectiveCount; ++n) (*counts)[n] = db_.get_termfreq(ObjectiveTerm(n));
    return Status::OK();
  });
}

Status Searcher::AllDocuments(std::vector<Document>* out) {
  out->clear();
  return GuardXapian("reading the documents failed", [&]() -> Status {
    for (auto t = db_.allterms_begin(kPrefixId); t != db_.allterms_end(kPrefixId); ++t) {
      Xapian::PostingIterator p = db_.postlist_begin(*t);
      if (p == db_.postlist_end(*t)) continue;
      Document doc;
      if (Load(db_, *p, &doc).ok()) out->push_back(std::move(doc));
    }
    return Status::OK();
  });
}

}  // namespace gcm
