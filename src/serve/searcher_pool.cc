// SearcherPool: a mutex-guarded stack of idle Searchers. Opening happens
// outside the lock so that a slow open never stalls other requests.
#include "serve/searcher_pool.h"

namespace gcm {

SearcherPool::Lease& SearcherPool::Lease::operator=(Lease&& other) noexcept {
  if (this != &other) {
    if (pool_ && searcher_) pool_->Release(std::move(searcher_));
    pool_ = other.pool_;
    searcher_ = std::move(other.searcher_);
    other.pool_ = nullptr;
  }
  return *this;
}

SearcherPool::Lease::~Lease() {
  if (pool_ && searcher_) pool_->Release(std::move(searcher_));
}

Status SearcherPool::Check() {
  std::unique_ptr<Searcher> searcher;
  Status s = Searcher::Open(index_dir_, &searcher);
  if (!s.ok()) return s;
  std::lock_guard<std::mutex> lock(mu_);
  ++opened_;
  idle_.push_back(std::move(searcher));
  return Status::OK();
}

Status SearcherPool::Acquire(Lease* out) {
  std::unique_ptr<Searcher> searcher;
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!idle_.empty()) {
      searcher = std::move(idle_.back());
      idle_.pop_back();
    }
  }
  if (searcher) {
    searcher->Reopen();
  } else {
    Status s = Searcher::Open(index_dir_, &searcher);
    if (!s.ok()) return s;
    std::lock_guard<std::mutex> lock(mu_);
    ++opened_;
  }
  *out = Lease();
  out->pool_ = this;
  out->searcher_ = std::move(searcher);
  return Status::OK();
}

int SearcherPool::opened() const {
  std::lock_guard<std::mutex> lock(mu_);
  return opened_;
}

void SearcherPool::Release(std::unique_ptr<Searcher> searcher) {
  std::lock_guard<std::mutex> lock(mu_);
  idle_.push_back(std::move(searcher));
}

}  // namespace gcm
