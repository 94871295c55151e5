// The ingestion driver: a file walk that survives symlink loops and
// unreadable folders, a pool of worker processes for the per-file pipeline,
// and a single writer (this thread) that commits in batches. Each worker
// answers with its file's built Xapian document in built_document.h's form.
#include "ingest/ingester.h"

#include "index/xapian_status.h"

#include <sys/stat.h>

#include <algorithm>
#include <cstdint>
#include <chrono>
#include <optional>
#include <set>
#include <thread>

#include "index/indexer.h"
#include "ingest/built_document.h"
#include "pair/pairing.h"
#include "text/normaliser.h"
#include "tag/objective_tagger.h"

namespace gcm {
namespace fs = std::filesystem;

namespace {

struct FileEntry {
  fs::path path;         // where to read it
  std::string as_given;  // how the user named it (joined with the walk)
  std::string id;
  std::uint64_t size = 0;
  std::int64_t mtime = 0;
};

bool IsIndexableName(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  static const char* const kExtensions[] = {".pdf", ".html",     ".htm", ".xhtml",
                                            ".md",  ".markdown", ".txt", ".text"};
  for (const char* e : kExtensions) {
    if (ext == e) return true;
  }
  return false;
}

bool IsHiddenName(const fs::path& p) {
  std::string name = p.filename().string();
  return !name.empty() && name[0] == '.';
}

// Collects the files under the user's paths. Folders are walked recursively,
// following symlinks to folders at most once each (by device and inode), so
// a symlink loop ends. Explicitly named files are taken whatever their
// extension (their content decides); in folders only known extensions are.
class Walker {
 public:
  explicit Walker(const IngestListener& listener, IngestSummary* summary)
      : listener_(listener), summary_(summary) {}

  void Add(const std::string& given) {
    struct stat st;
    if (::stat(given.c_str(), &st) != 0) {
      roots_.push_back(CanonicalPath(given));  // its document, if any, is gone
      Fail(given, "no such file or folder");
      return;
    }
    if (S_ISDIR(st.st_mode)) {
      roots_.push_back(CanonicalPath(given));
      WalkDir(given, given);
    } else {
      AddFile(given, given, st);
    }
  }

  std::vector<FileEntry>& files() { return files_; }
  const std::vector<std::string>& roots() const { return roots_; }

 private:
  void Fail(const std::string& path, const std::string& reason) {
    summary_->failed++;
    summary_->failures.emplace_back(path, reason);
    if (listener_.on_failure) listener_.on_failure(path, reason);
  }

  void AddFile(const fs::path& path, const std::string& as_given, const struct stat& st) {
    if (!seen_files_.insert({st.st_dev, st.st_ino}).second) return;  // same file twice
    FileEntry e;
    e.path = path;
    e.as_given = as_given;
    e.id = DocumentIdFor(path);
    e.size = static_cast<std::uint64_t>(st.st_size);
    e.mtime = static_cast<std::int64_t>(st.st_mtime);
    files_.push_back(std::move(e));
  }

  void WalkDir(const fs::path& dir, const std::string& as_given) {
    struct stat st;
    if (::stat(dir.c_str(), &st) != 0) return;
    if (!seen_dirs_.insert({st.st_dev, st.st_ino}).second) return;  // a loop, or seen
    std::error_code ec;
    fs::directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
    if (ec) {
      Fail(as_given, "cannot read the folder: " + ec.message());
      return;
    }
    std::vector<fs::directory_entry> entries;
    for (; it != fs::directory_iterator(); it.increment(ec)) {
      if (ec) break;
      entries.push_back(*it);
    }
    // Sorted, so runs are reproducible.
    std::sort(entries.begin(), entries.end(),
              [](const auto& a, const auto& b) { return a.path() < b.path(); });
    for (const fs::directory_entry& entry : entries) {
      if (IsHiddenName(entry.path())) continue;
      std::string child = (fs::path(as_given) / entry.path().filename()).string();
      struct stat cst;
      if (::stat(entry.path().c_str(), &cst) != 0) continue;  // dangling symlink
      if (S_ISDIR(cst.st_mode)) {
        WalkDir(entry.path(), child);
      } else if (S_ISREG(cst.st_mode) && IsIndexableName(entry.path())) {
        AddFile(entry.path(), child, cst);
      }
    }
  }

  const IngestListener& listener_;
  IngestSummary* summary_;
  std::vector<FileEntry> files_;
  std::vector<std::string> roots_;
  std::set<std::pair<dev_t, ino_t>> seen_dirs_;
  std::set<std::pair<dev_t, ino_t>> seen_files_;
};

bool UnderRoot(const std::string& path, const std::string& root) {
  if (path.size() <= root.size() || path.compare(0, root.size(), root) != 0) return false;
  return root.back() == '/' || path[root.size()] == '/';
}

}  // namespace

bool InShard(const std::string& id, int shard, int shards) {
  if (shards <= 1) return true;
  // The id is already a hash of the path: its last 8 hex digits spread evenly.
  unsigned long value = std::stoul(id.size() > 8 ? id.substr(id.size() - 8) : id, nullptr, 16);
  return static_cast<int>(value % static_cast<unsigned long>(shards)) == shard - 1;
}

Status ProcessFile(const fs::path& file, const std::string& as_given, const ExtractOptions& options,
                   Document* doc) {
  Status s = Extract(file, as_given, options, doc);
  if (!s.ok()) return s;
  Normalise(*doc);
  doc->mentions = TagObjectives(*doc);
  return Status::OK();
}

namespace {

Status IngestUnguarded(const IngestOptions& options, const IngestListener& listener,
                       IngestSummary* summary);

}  // namespace

Status Ingest(const IngestOptions& options, const IngestListener& listener, IngestSummary* summary) {
  // Xapian reports a damaged or vanished index by exception from any call;
  // it ends the run as one line, never as an abort. What was committed
  // before stays (Xapian commits are atomic).
  return GuardXapian(options.index_dir + ": the index failed during ingestion",
                     [&] { return IngestUnguarded(options, listener, summary); });
}

namespace {

Status IngestUnguarded(const IngestOptions& options, const IngestListener& listener,
                       IngestSummary* summary) {
  auto started = std::chrono::steady_clock::now();
  *summary = IngestSummary();
  std::unique_ptr<Indexer> indexer;
  Status s = Indexer::Open(options.index_dir, &indexer);
  if (!s.ok()) return s;

  Walker walker(listener, summary);
  for (const std::string& p : options.paths) walker.Add(p);
  std::vector<FileEntry>& files = walker.files();
  summary->seen = static_cast<int>(files.size());

  // Decide what needs reading.
  std::vector<const FileEntry*> todo;
  std::set<std::string> present_ids;
  int not_in_shard = 0;
  for (const FileEntry& f : files) {
    present_ids.insert(f.id);
    if (!InShard(f.id, options.shard, options.shards)) {
      ++not_in_shard;
      continue;
    }
    if (!options.force) {
      std::optional<std::string> stamp = indexer->StoredStamp(f.id);
      if (stamp && *stamp == FileStamp(f.size, f.mtime)) {
        summary->unchanged++;
        continue;
      }
      std::optional<FailedFile> failed = indexer->FindFailure(f.as_given);
      if (failed && failed->size == f.size && failed->mtime == f.mtime) {
        summary->skipped_failed++;
        summary->remembered_failures.emplace_back(f.as_given, failed->reason);
        if (listener.on_remembered_failure) listener.on_remembered_failure(f.as_given, failed->reason);
        continue;
      }
    }
    todo.push_back(&f);
  }

  summary->seen -= not_in_shard;

  // Extraction, normalisation and tagging run in worker processes; this
  // thread is the one writer. Results arrive as files finish.
  Status hard;
  if (!todo.empty()) {
    // One worker per core, and one more: the writer (this thread) takes a
    // share of a core, and a worker waiting for its next file would leave
    // the rest idle. Measured on 2 cores over bench-corpus-1000: 2 workers
    // 7.3 s (1.67 CPUs busy), 3 workers 6.7 s (1.80).
    const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    int jobs = options.jobs > 0 ? options.jobs : cores + 1;
    jobs = std::min<int>(jobs, static_cast<int>(todo.size()));
    ExtractOptions extract = options.extract;
    // The workers already share the cores; OCR inside each takes its share
    // instead of starting a thread per core in every worker.
    if (extract.ocr_options.threads <= 0) extract.ocr_options.threads = std::max(1, cores / jobs);
    // Each worker reads, normalises and tags a file and builds its Xapian
    // document, so the writer (this thread) only adds what arrives.
    auto work = [extract, before_file = options.worker_hooks.before_file](
                    const WorkerTask& task, const std::function<void(int)>& announce, std::string* result) {
      if (before_file) before_file(task);
      ExtractOptions o = extract;
      o.on_ocr_pages = announce;
      Document doc;
      Status s = ProcessFile(task.file, task.as_given, o, &doc);
      if (!s.ok()) return s;
      // Stamped with what the walk saw, so a file changed during reading is
      // read again next time.
      doc.file_size = task.size;
      doc.file_mtime = task.mtime;
      Xapian::Document xdoc = BuildXapianDocument(doc);
      AttachPairingFeatures(doc, &xdoc);
      *result = EncodeBuiltDocument(doc.warnings, xdoc.serialise());
      return Status::OK();
    };
    std::unique_ptr<WorkerPool> pool;
    s = WorkerPool::Start(jobs, options.limits, work, &pool);
    if (!s.ok()) return s;
    std::vector<WorkerTask> tasks;
    tasks.reserve(todo.size());
    for (const FileEntry* f : todo) tasks.push_back({f->path, f->as_given, f->size, f->mtime});

    std::size_t since_commit = 0;
    int done = 0;
    pool->Run(tasks, [&](std::size_t index, Status status, std::string result) {
      const FileEntry& f = *todo[index];
      BuiltDocument built;
      Xapian::Document xdoc;
      if (status.ok()) {
        Status decoded = DecodeBuiltDocument(result, &built);
        if (decoded.ok()) {
          decoded = GuardXapian("a worker's answer: the serialised document",
                                [&] { xdoc = Xapian::Document::unserialise(built.serialised); });
          if (!decoded.ok()) decoded = Status::Corruption(decoded.message());
        }
        if (!decoded.ok()) {
          status = Status::Internal(f.as_given + ": the worker sent a damaged document (" + decoded.message() + ")");
        }
      }
      if (!status.ok()) {
        std::string reason = status.message();
        // The message starts with the path; the failure list keeps the reason.
        if (reason.rfind(f.as_given + ": ", 0) == 0) reason = reason.substr(f.as_given.size() + 2);
        summary->failed++;
        summary->failures.emplace_back(f.as_given, reason);
        if (listener.on_failure) listener.on_failure(f.as_given, reason);
        // A file that no longer reads leaves no stale version behind.
        indexer->Remove(f.id);
        indexer->RecordFailure({f.as_given, reason, f.size, f.mtime});
      } else {
        for (const std::string& w : built.warnings) {
          if (listener.on_warning) listener.on_warning(f.as_given, w);
        }
        hard = indexer->Replace(f.id, xdoc);
        if (!hard.ok()) return false;
        indexer->ClearFailure(f.as_given);
        summary->indexed++;
      }
      if (++since_commit >= std::max<std::size_t>(1, options.batch_size)) {
        hard = indexer->Commit();
        since_commit = 0;
        if (!hard.ok()) return false;
      }
      if (listener.on_progress) listener.on_progress(++done, static_cast<int>(todo.size()));
      return true;
    });
    if (!hard.ok()) return hard;
  }

  // Documents whose files are gone from the walked folders (or named
  // explicitly and missing).
  if (!options.keep_missing) {
    for (const IndexedFile& d : indexer->AllDocuments()) {
      if (present_ids.count(d.id)) continue;
      bool walked = false;
      for (const std::string& root : walker.roots()) {
        walked = walked || d.canonical_path == root || UnderRoot(d.canonical_path, root);
      }
      if (!walked) continue;
      if (indexer->Remove(d.id).ok()) summary->removed++;
    }
  }
  hard = indexer->Commit();
  // Versions are found over the whole collection, so a change anywhere
  // (a new translation, a removed one) is reflected in every document.
  if (hard.ok() && options.pair_versions && (summary->indexed > 0 || summary->removed > 0)) {
    PairingSummary paired;
    hard = PairVersions(indexer->database(), BilingualLexicon::BuiltIn(), PairingOptions(), &paired);
    if (hard.ok()) hard = indexer->Commit();
    summary->version_pairs = static_cast<int>(paired.pairs);
  }
  summary->seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return hard;
}

}  // namespace
}  // namespace gcm
