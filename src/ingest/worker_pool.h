// Extraction in worker processes, so that a file that crashes, hangs or
// exhausts memory inside a library (Poppler, Tesseract, libxml2) costs that
// one file and not the run, in the manner of Omega's worker.h.
//
// The parent forks the workers when the pool starts (before it has started
// any thread). Each worker reads one task at a time from its socket, runs the
// work function on it under an address-space limit (RLIMIT_AS), and writes
// the work function's result back in a frame (worker_protocol.h, coded
// with core/coding.h; for ingestion the result is a built_document.h
// answer). The parent waits on
// every worker at once, enforces a wall-clock deadline per task, SIGKILLs a
// worker that overruns, reports why a task failed ("timed out after 120 s",
// "crashed (signal 11: Segmentation fault)", "ran out of memory ..."), and
// forks a replacement. Results are handed to the caller in its own thread, so
// the caller can be the single writer of the index.
//
// Faults are injected through the work function (tests/ingest/
// worker_pool_test.cc) or, for a whole ingestion, IngestOptions::worker_hooks
// (ingester.h); nothing here reads the environment.
#ifndef GCMSEARCH_INGEST_WORKER_POOL_H_
#define GCMSEARCH_INGEST_WORKER_POOL_H_

#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/status.h"

namespace gcm {

// One file to process.
struct WorkerTask {
  std::filesystem::path file;  // where to read it
  std::string as_given;        // how the user named it; failure messages start with it
  std::uint64_t size = 0;      // the file as the caller saw it (passed through)
  std::int64_t mtime = 0;
};

struct WorkerLimits {
  // Wall-clock time one task may take...
  std::chrono::milliseconds timeout{std::chrono::seconds(120)};
  // ...plus this much for each unit of slow work the task announces (a page
  // sent to OCR).
  std::chrono::milliseconds per_announced_unit{std::chrono::seconds(10)};
  // Address space of each worker (RLIMIT_AS), in bytes; 0 = unlimited.
  std::uint64_t max_memory = 2ull << 30;
};

// What a worker does with one task, in the worker process. `announce(n)`
// tells the parent that n units of slow work lie ahead, extending the
// deadline by n * per_announced_unit. Returns the file's Status; *result
// is sent back when it is OK.
using WorkFunction = std::function<Status(const WorkerTask& task,
                                          const std::function<void(int units)>& announce, std::string* result)>;

// Called in the parent's thread as each task ends: the task's index in the
// list given to Run(), its outcome, and the work function's result when OK.
// Return false to stop: no further task starts and running ones are
// abandoned.
using ResultCallback = std::function<bool(std::size_t index, Status status, std::string result)>;

class WorkerPool {
 public:
  // Forks `workers` (>= 1) worker processes that will run `work`. Fails only
  // when the operating system refuses (no fork, no socket).
  static Status Start(int workers, const WorkerLimits& limits, WorkFunction work,
                      std::unique_ptr<WorkerPool>* out);

  // Ends every worker: idle ones see their socket close and exit, busy ones
  // are killed.
  ~WorkerPool();

  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // Runs every task, up to size() at once, and calls on_result once per task
  // (unless stopped) in the order they finish. A task whose worker died gets
  // a non-OK Status saying how, starting with its as_given path; the worker
  // is replaced and the other tasks go on.
  void Run(const std::vector<WorkerTask>& tasks, const ResultCallback& on_result);

  int size() const { return static_cast<int>(workers_.size()); }

  // Worker processes forked so far, replacements included (for tests).
  int forks() const { return forks_; }

 private:
  struct Worker {
    pid_t pid = -1;
    int fd = -1;  // the parent's end of the socket pair
    bool busy = false;
    std::size_t task = 0;  // index of the running task
    std::chrono::steady_clock::time_point deadline;
    std::chrono::steady_clock::time_point started;
    std::string inbox;  // bytes received, not yet a whole frame
  };
  struct Finished {
    std::size_t task;
    Status status;
    std::string result;
  };

  WorkerPool(const WorkerLimits& limits, WorkFunction work) : limits_(limits), work_(std::move(work)) {}

  Status Spawn(Worker* w);
  void Reap(Worker* w, bool kill_first, int* wait_status);
  bool Send(Worker* w, std::size_t index, const WorkerTask& task);
  // Reads what the worker has sent; appends ended tasks to *done.
  void Receive(Worker* w, const std::vector<WorkerTask>& tasks, std::vector<Finished>* done);
  // The worker is gone mid-task: say why, reap it.
  void Lost(Worker* w, const std::vector<WorkerTask>& tasks, std::vector<Finished>* done);

  WorkerLimits limits_;
  WorkFunction work_;
  std::vector<Worker> workers_;
  int forks_ = 0;
};

}  // namespace gcm

#endif  // GCMSEARCH_INGEST_WORKER_POOL_H_
