// Ingestion: walks the given files and folders, runs each file through the
// pipeline (Extract -> Normalise -> TagObjectives) in worker processes
// (worker_pool.h: a crash, hang or runaway allocation costs one file), and
// writes the documents with one Indexer in this process, committing in
// batches. A run killed at any moment leaves the documents of its last
// commit, each whole; running it again completes the work.
//
// Re-running it is cheap and safe: unchanged files (same size and mtime) are
// skipped, changed ones replaced, files that failed are not retried until
// they change, and documents whose files are gone from a walked folder are
// removed (unless keep_missing is set).
#ifndef GCMSEARCH_INGEST_INGESTER_H_
#define GCMSEARCH_INGEST_INGESTER_H_

#include <functional>
#include <string>
#include <vector>

#include "core/document.h"
#include "core/status.h"
#include "extract/extractor.h"
#include "ingest/worker_pool.h"

namespace gcm {

// Code run in the worker process before each file is read, for tests to
// inject faults through the library: a hook that raises SIGSEGV, never
// returns, or allocates without end makes that file's worker really crash,
// hang or run out of memory. Empty (the default) in every program.
struct WorkerHooks {
  std::function<void(const WorkerTask& task)> before_file;
};

struct IngestOptions {
  std::string index_dir = "index";
  std::vector<std::string> paths;  // files and folders, as the user gave them
  int jobs = 0;                    // worker processes; 0 = cores + 1 (see Ingest)
  ExtractOptions extract;
  WorkerLimits limits;           // per-file time and memory limits
  bool keep_missing = false;     // keep documents whose files are gone
  bool force = false;            // re-read unchanged and failed files too
  std::size_t batch_size = 500;  // documents per commit
  bool pair_versions = true;     // find English/Spanish versions afterwards (pairing.h)
  // Build shard `shard` (1-based) of `shards`: only files whose id falls in
  // it (by hash) are read, so N runs over one folder split it exactly.
  int shard = 1;
  int shards = 1;
  WorkerHooks worker_hooks;  // for tests; see WorkerHooks
};

// True when the document with this id belongs to shard `shard` of `shards`.
bool InShard(const std::string& id, int shard, int shards);

struct IngestSummary {
  int seen = 0;            // files considered
  int indexed = 0;         // added or replaced
  int unchanged = 0;       // skipped: same size and mtime as indexed
  int removed = 0;         // documents whose files are gone
  int failed = 0;          // files that could not be read this time
  int skipped_failed = 0;  // files that failed before and have not changed
  int version_pairs = -1;  // English/Spanish pairs after the run; -1 = not paired this time
  double seconds = 0;
  std::vector<std::pair<std::string, std::string>> failures;  // path, reason
  // Files skipped because they failed before and have not changed: path and
  // the reason recorded then.
  std::vector<std::pair<std::string, std::string>> remembered_failures;
};

// What the caller hears while ingestion runs. All calls come from the
// thread that called Ingest().
struct IngestListener {
  std::function<void(const std::string& path, const std::string& reason)> on_failure;
  // A file skipped because it failed before and has not changed since.
  std::function<void(const std::string& path, const std::string& reason)> on_remembered_failure;
  std::function<void(const std::string& path, const std::string& warning)> on_warning;
  std::function<void(int done, int total)> on_progress;
};

// Runs one ingestion; when anything changed (and options.pair_versions),
// then pairs the English and Spanish versions over the whole collection
// and stores each document's translations. Returns a non-OK Status only for a hard failure (the
// index cannot be opened or written); per-file failures are counted in
// *summary and reported through the listener.
Status Ingest(const IngestOptions& options, const IngestListener& listener, IngestSummary* summary);

// The pipeline for one file, without the database: Extract, Normalise,
// TagObjectives. Used by ingestion and by `gcmsearch tag`.
Status ProcessFile(const std::filesystem::path& file, const std::string& as_given,
                   const ExtractOptions& options, Document* doc);

}  // namespace gcm

#endif  // GCMSEARCH_INGEST_INGESTER_H_
