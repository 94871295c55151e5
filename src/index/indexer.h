// The index stage: turns Documents into Xapian documents in one writable
// database. The database is a plain Xapian database on disk that Xapian's
// own tools open (xapian-delve, quest). Terms: see term_prefixes.h.
//
// Only one Indexer may have a database open at a time (Xapian's write lock);
// it is not thread-safe: one writer thread calls it.
#ifndef GCMSEARCH_INDEX_INDEXER_H_
#define GCMSEARCH_INDEX_INDEXER_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/document.h"
#include "core/status.h"
#include "xapian.h"

namespace gcm {

// A file that could not be ingested, remembered so that it is not retried
// until it changes (as Omega's failed.h does).
struct FailedFile {
  std::string path;
  std::string reason;
  std::uint64_t size = 0;
  std::int64_t mtime = 0;
};

// An indexed document's identity, as AllDocuments() lists it.
struct IndexedFile {
  std::string id;
  std::string path;            // as ingested
  std::string canonical_path;  // where the file was
};

// Builds the Xapian document for `doc` (which must have id, pages and
// language set) and sets each page's first_position. Pure apart from that.
// Version-pairing features are the pair layer's: AttachPairingFeatures
// (pair/pairing.h) adds them to the result.
Xapian::Document BuildXapianDocument(Document& doc);

class Indexer {
 public:
  // Opens the database at `dir`, creating it (and `dir`) when missing. Fails
  // with a one-line reason when it is locked by another writer or unreadable.
  static Status Open(const std::string& dir, std::unique_ptr<Indexer>* out);

  // Adds `doc`, replacing any document with the same id. Not durable until
  // Commit().
  Status Add(Document& doc);

  // Adds a document BuildXapianDocument made (in a worker process, sent as
  // Xapian::Document::serialise()), replacing any with the same id. Not
  // durable until Commit().
  Status Replace(const std::string& id, const Xapian::Document& xdoc);

  // Deletes the document with this id; OK if there is none.
  Status Remove(const std::string& id);

  // Makes every change so far durable, atomically (Xapian commits are).
  Status Commit();

  // The stored "size:mtime" stamp of document `id`, if it is indexed.
  std::optional<std::string> StoredStamp(const std::string& id) const;

  // Every indexed document's id and paths.
  std::vector<IndexedFile> AllDocuments() const;

  // Failed-file records, kept in the database's user metadata.
  void RecordFailure(const FailedFile& failure);
  void ClearFailure(const std::string& path);
  std::optional<FailedFile> FindFailure(const std::string& path) const;
  std::vector<FailedFile> Failures() const;

  Xapian::WritableDatabase& database() { return db_; }

 private:
  explicit Indexer(Xapian::WritableDatabase db) : db_(std::move(db)) {}
  Xapian::WritableDatabase db_;
};

// "size:mtime", the stamp compared against a file to skip unchanged ones.
std::string FileStamp(std::uint64_t size, std::int64_t mtime);

}  // namespace gcm

#endif  // GCMSEARCH_INDEX_INDEXER_H_
