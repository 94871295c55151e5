// Searchers for the HTTP worker threads. A Searcher is not thread-safe, so
// each request borrows one from the pool for its duration and gives it back;
// the pool grows to the number of requests served at once (at most the
// worker count) and never shares a Searcher between two threads. Each borrow
// reopens the Searcher, which costs Xapian one check of the revision, so
// documents committed by an ingestion running beside the server appear in
// the next answer without a restart. A borrow also tells the revision (for
// the response cache), read before the Searcher reopens so that what the
// Searcher sees is never older than the revision reported.
#ifndef GCMSEARCH_SERVE_SEARCHER_POOL_H_
#define GCMSEARCH_SERVE_SEARCHER_POOL_H_

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/status.h"
#include "search/searcher.h"

namespace gcm {

// A pooled Searcher (it reads its own revision: Searcher::ReopenAtRevision).
struct PooledSearcher {
  std::unique_ptr<Searcher> searcher;
};

class SearcherPool {
 public:
  // A borrowed Searcher, returned to the pool when the Lease is destroyed.
  class Lease {
   public:
    Lease() = default;
    Lease(Lease&& other) noexcept = default;
    Lease& operator=(Lease&& other) noexcept;
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    ~Lease();

    Searcher* get() const { return slot_ ? slot_->searcher.get() : nullptr; }
    Searcher* operator->() const { return get(); }
    Searcher& operator*() const { return *get(); }

    // The index revision at the time of the borrow; the Searcher reads that
    // revision or a newer one. 0 when unknown (a stub listing shards).
    std::uint64_t revision() const { return revision_; }

   private:
    friend class SearcherPool;
    SearcherPool* pool_ = nullptr;
    std::unique_ptr<PooledSearcher> slot_;
    std::uint64_t revision_ = 0;
  };

  // A pool over the index at `index_dir`; nothing is opened yet.
  explicit SearcherPool(std::string index_dir) : index_dir_(std::move(index_dir)) {}

  // Opens one Searcher to check that the index is there and readable, and
  // keeps it for the first request. The Status of Searcher::Open otherwise.
  Status Check();

  // Borrows an idle Searcher (opening a new one when none is idle) and
  // reopens it on the latest committed revision. Fails as Searcher::Open.
  // Thread-safe.
  Status Acquire(Lease* out);

  // Searchers opened so far (idle and borrowed).
  int opened() const;

 private:
  void Release(std::unique_ptr<PooledSearcher> slot);
  Status OpenSlot(std::unique_ptr<PooledSearcher>* out) const;

  const std::string index_dir_;
  mutable std::mutex mu_;
  std::vector<std::unique_ptr<PooledSearcher>> idle_;  // guarded by mu_
  int opened_ = 0;                                     // guarded by mu_
};

}  // namespace gcm

#endif  // GCMSEARCH_SERVE_SEARCHER_POOL_H_
