// Document -> Xapian::Document, and the writable database around it. This is
// the one file that lets Xapian's exceptions out of the index stage as a
// Status.
#include "index/indexer.h"

#include <filesystem>
#include <map>
#include <unordered_map>
#include <nlohmann/json.hpp>

#include "index/doc_codec.h"
#include "index/term_scheme.h"
#include "index/xapian_status.h"
#include "text/text_fold.h"

namespace gcm {
namespace {

const char* MimeType(const std::string& format) {
  if (format == "pdf") return "application/pdf";
  if (format == "html") return "text/html";
  if (format == "md") return "text/markdown";
  return "text/plain";
}

// The index terms (TermsOfWord) of each distinct word of a document in one
// language, computed once: a document repeats most of its words, and
// folding and stemming were a tenth of an ingest worker's time.
class WordTermCache {
 public:
  explicit WordTermCache(std::string language) : language_(std::move(language)) {}

  const WordTerms& Get(std::string_view word) {
    auto it = cache_.find(std::string(word));
    if (it != cache_.end()) return it->second;
    return cache_.emplace(word, TermsOfWord(word, language_)).first->second;
  }

 private:
  std::string language_;
  std::unordered_map<std::string, WordTerms> cache_;
};

// Adds the words of `text` at the cursor's positions: each word's folded
// term and its stem term, with positions as the term scheme says.
void IndexText(const std::string& text, WordTermCache* words, Xapian::Document* xdoc,
               PositionCursor* cursor) {
  for (const Token& t : Tokenize(text)) {
    // Every token takes a position, indexed or not: snippets find token i
    // by position (LocatePosition).
    const Xapian::termpos pos = cursor->NextToken();
    const WordTerms& terms = words->Get(std::string_view(text.data() + t.offset, t.length));
    if (terms.folded.empty()) continue;
    xdoc->add_posting(terms.folded, pos);
    if (terms.stem_term.empty()) continue;
    if (terms.stem_positional) {
      xdoc->add_posting(terms.stem_term, pos);
    } else {
      xdoc->add_term(terms.stem_term);
    }
  }
}

void IndexField(const std::string& text, const char* prefix, Xapian::Document* xdoc) {
  for (const Token& t : Tokenize(text)) {
    std::string folded = Fold(std::string_view(text.data() + t.offset, t.length));
    if (!folded.empty() && folded.size() <= kMaxTermBytes) xdoc->add_term(prefix + folded);
  }
}

std::string Digits(const std::string& date) {
  std::string out;
  for (char c : date) {
    if (c >= '0' && c <= '9') out.push_back(c);
  }
  return out;
}

constexpr char kFailedPrefix[] = "failed:";

}  // namespace

std::string FileStamp(std::uint64_t size, std::int64_t mtime) {
  return std::to_string(size) + ":" + std::to_string(mtime);
}

Xapian::Document BuildXapianDocument(Document& doc) {
  Xapian::Document xdoc;
  PositionCursor cursor;
  std::map<std::string, WordTermCache> words;  // by language
  for (Page& page : doc.pages) {
    page.first_position = cursor.StartPage();
    const std::string& lang = page.language.empty() || page.language == "und" ? doc.language
                                                                               : page.language;
    IndexText(page.text, &words.try_emplace(lang, lang).first->second, &xdoc, &cursor);
    cursor.EndPage();
  }
  // The title counts again, more, and is searchable on its own (title:).
  IndexField(doc.title, kPrefixTitle, &xdoc);
  for (const Token& t : Tokenize(doc.title)) {
    std::string folded = Fold(std::string_view(doc.title.data() + t.offset, t.length));
    if (!folded.empty() && folded.size() <= kMaxTermBytes) xdoc.add_term(folded, 5);
  }
  IndexField(doc.author, kPrefixAuthor, &xdoc);

  xdoc.add_boolean_term(IdTerm(doc.id));
  if (doc.path.size() + 1 <= 240) xdoc.add_boolean_term(kPrefixPath + doc.path);
  xdoc.add_boolean_term(kPrefixLanguage + (doc.language.empty() ? "und" : doc.language));
  xdoc.add_boolean_term(std::string(kPrefixMimeType) + MimeType(doc.format));
  xdoc.add_boolean_term(kPrefixFormat + doc.format);
  std::string date = Digits(doc.date);
  if (date.size() >= 4) xdoc.add_boolean_term(kPrefixYear + date.substr(0, 4));
  if (date.size() == 8) xdoc.add_boolean_term(kPrefixDate + date);
  std::string objectives;
  for (int n : doc.CitedObjectives()) {
    xdoc.add_boolean_term(ObjectiveTerm(n));
    if (!objectives.empty()) objectives += ',';
    objectives += std::to_string(n);
  }
  for (const ObjectiveMention& m : doc.mentions) {
    if (m.kind == MentionKind::kLink) {
      xdoc.add_boolean_term(kPrefixObjectiveLink + std::to_string(m.objective));
    }
  }
  for (const Page& p : doc.pages) {
    if (p.from_ocr) {
      xdoc.add_boolean_term(kPrefixOcr);
      break;
    }
  }

  xdoc.add_value(kSlotDate, date);
  xdoc.add_value(kSlotLanguage, doc.language.empty() ? "und" : doc.language);
  xdoc.add_value(kSlotFormat, doc.format);
  xdoc.add_value(kSlotObjectives, objectives);
  if (date.size() >= 4) xdoc.add_value(kSlotYear, date.substr(0, 4));
  xdoc.add_value(kSlotFileStamp, FileStamp(doc.file_size, doc.file_mtime));
  xdoc.set_data(EncodeDocumentData(doc));
  return xdoc;
}

Status Indexer::Open(const std::string& dir, std::unique_ptr<Indexer>* out) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  Status s = GuardXapian(dir, [&]() -> Status {
    Xapian::WritableDatabase db(dir, Xapian::DB_CREATE_OR_OPEN);
    if (Status v = CheckFormatVersion(db, dir); !v.ok()) return v;
    // Recorded from the first write on, so that a later gcmsearch can tell.
    if (db.get_metadata(kFormatVersionKey).empty()) {
      db.set_metadata(kFormatVersionKey, std::to_string(kFormatVersion));
    }
    out->reset(new Indexer(std::move(db)));
    return Status::OK();
  });
  // The lock (IOError) and the version (Unsupported) say what to do already.
  if (s.ok() || s.code() == Status::Code::kIOError || s.code() == Status::Code::kUnsupported) return s;
  return Status::IOError(dir + ": cannot open the index for writing" + s.message().substr(dir.size()));
}

Status Indexer::Add(Document& doc) {
  return GuardXapian(doc.path + ": could not be indexed", [&] {
    Xapian::Document xdoc = BuildXapianDocument(doc);
    db_.replace_document(IdTerm(doc.id), xdoc);
  });
}

Status Indexer::Replace(const std::string& id, const Xapian::Document& xdoc) {
  return GuardXapian(id + ": could not be indexed", [&] { db_.replace_document(IdTerm(id), xdoc); });
}

Status Indexer::Remove(const std::string& id) {
  return GuardXapian("could not remove " + id, [&] { db_.delete_document(IdTerm(id)); });
}

Status Indexer::Commit() {
  Status s = GuardXapian("could not commit the index", [&] { db_.commit(); });
  if (s.ok() || s.code() == Status::Code::kIOError) return s;
  return Status::IOError(s.message());
}

std::optional<std::string> Indexer::StoredStamp(const std::string& id) const {
  Xapian::PostingIterator it = db_.postlist_begin(IdTerm(id));
  if (it == db_.postlist_end(IdTerm(id))) return std::nullopt;
  return db_.get_document(*it).get_value(kSlotFileStamp);
}

std::vector<IndexedFile> Indexer::AllDocuments() const {
  std::vector<IndexedFile> out;
  for (auto t = db_.allterms_begin(kPrefixId); t != db_.allterms_end(kPrefixId); ++t) {
    std::string id = (*t).substr(1);
    Xapian::PostingIterator p = db_.postlist_begin(*t);
    if (p == db_.postlist_end(*t)) continue;
    Document doc;
    if (DecodeDocumentData(db_.get_document(*p).get_data(), &doc).ok()) {
      out.push_back({id, doc.path, doc.canonical_path});
    }
  }
  return out;
}

void Indexer::RecordFailure(const FailedFile& f) {
  nlohmann::json j = {{"reason", f.reason}, {"size", f.size}, {"mtime", f.mtime}};
  // User metadata keys are limited in length; long paths are keyed by hash.
  std::string key = kFailedPrefix + f.path;
  if (key.size() > 200) return;
  db_.set_metadata(key, j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

void Indexer::ClearFailure(const std::string& path) {
  std::string key = kFailedPrefix + path;
  if (key.size() > 200) return;
  db_.set_metadata(key, "");
}

std::optional<FailedFile> Indexer::FindFailure(const std::string& path) const {
  std::string key = kFailedPrefix + path;
  if (key.size() > 200) return std::nullopt;
  std::string value = db_.get_metadata(key);
  if (value.empty()) return std::nullopt;
  nlohmann::json j = nlohmann::json::parse(value, nullptr, false);
  if (j.is_discarded()) return std::nullopt;
  return FailedFile{path, j.value("reason", ""), j.value("size", std::uint64_t{0}),
                    j.value("mtime", std::int64_t{0})};
}

std::vector<FailedFile> Indexer::Failures() const {
  std::vector<FailedFile> out;
  for (auto k = db_.metadata_keys_begin(kFailedPrefix); k != db_.metadata_keys_end(kFailedPrefix);
       ++k) {
    std::string path = (*k).substr(sizeof(kFailedPrefix) - 1);
    if (auto f = FindFailure(path)) out.push_back(*f);
  }
  return out;
}

}  // namespace gcm
