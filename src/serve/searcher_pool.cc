// SearcherPool: a mutex-guarded stack of idle Searchers. Opening happens
// outside the lock so that a slow open never stalls other requests.
#include "serve/searcher_pool.h"

namespace gcm {

SearcherPool::Lease& SearcherPool::Lease::operator=(Lease&& other) noexcept {
  if (this != &other) {
    if (pool_ && slot_) pool_->Release(std::move(slot_));
    pool_ = other.pool_;
    slot_ = std::move(other.slot_);
    revision_ = other.revision_;
    other.pool_ = nullptr;
  }
  return *this;
}

SearcherPool::Lease::~Lease() {
  if (pool_ && slot_) pool_->Release(std::move(slot_));
}

Status SearcherPool::OpenSlot(std::unique_ptr<PooledSearcher>* out) const {
  auto slot = std::make_unique<PooledSearcher>();
  Status s = Searcher::Open(index_dir_, &slot->searcher);
  if (!s.ok()) return s;
  *out = std::move(slot);
  return Status::OK();
}

Status SearcherPool::Check() {
  std::unique_ptr<PooledSearcher> slot;
  Status s = OpenSlot(&slot);
  if (!s.ok()) return s;
  std::lock_guard<std::mutex> lock(mu_);
  ++opened_;
  idle_.push_back(std::move(slot));
  return Status::OK();
}

Status SearcherPool::Acquire(Lease* out) {
  std::unique_ptr<PooledSearcher> slot;
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!idle_.empty()) {
      slot = std::move(idle_.back());
      idle_.pop_back();
    }
  }
  if (!slot) {
    Status s = OpenSlot(&slot);
    if (!s.ok()) return s;
    std::lock_guard<std::mutex> lock(mu_);
    ++opened_;
  }
  // The revision first, then the Searcher: it then reads this revision or
  // a newer one, never an older one.
  const std::uint64_t revision = slot->searcher->ReopenAtRevision();
  *out = Lease();
  out->pool_ = this;
  out->slot_ = std::move(slot);
  out->revision_ = revision;
  return Status::OK();
}

int SearcherPool::opened() const {
  std::lock_guard<std::mutex> lock(mu_);
  return opened_;
}

void SearcherPool::Release(std::unique_ptr<PooledSearcher> slot) {
  std::lock_guard<std::mutex> lock(mu_);
  idle_.push_back(std::move(slot));
}

}  // namespace gcm
