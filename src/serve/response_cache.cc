// ResponseCache: an LRU list with a hash index, one mutex. Bodies are
// shared_ptrs so that a hit copies no bytes under the lock.
#include "serve/response_cache.h"

namespace gcm {

std::shared_ptr<const std::string> ResponseCache::Get(std::uint64_t revision, const std::string& key) {
  if (max_bytes_ == 0 || revision == 0) return nullptr;
  std::lock_guard<std::mutex> lock(mu_);
  if (revision != revision_) return nullptr;
  auto it = index_.find(key);
  if (it == index_.end()) return nullptr;
  lru_.splice(lru_.begin(), lru_, it->second);
  return it->second->body;
}

void ResponseCache::Put(std::uint64_t revision, const std::string& key, std::string body) {
  std::size_t size = key.size() + body.size();
  if (max_bytes_ == 0 || revision == 0 || size > max_bytes_ / 4) return;
  std::lock_guard<std::mutex> lock(mu_);
  if (revision < revision_) return;  // computed on a revision already superseded
  if (revision > revision_) {
    ClearLocked();
    revision_ = revision;
  }
  auto found = index_.find(key);
  if (found != index_.end()) {
    bytes_ -= found->second->key.size() + found->second->body->size();
    lru_.erase(found->second);
    index_.erase(found);
  }
  lru_.push_front(Entry{key, std::make_shared<const std::string>(std::move(body))});
  index_[key] = lru_.begin();
  bytes_ += size;
  while (bytes_ > max_bytes_ && !lru_.empty()) {
    const Entry& last = lru_.back();
    bytes_ -= last.key.size() + last.body->size();
    index_.erase(last.key);
    lru_.pop_back();
  }
}

std::size_t ResponseCache::bytes() const {
  std::lock_guard<std::mutex> lock(mu_);
  return bytes_;
}

std::size_t ResponseCache::entries() const {
  std::lock_guard<std::mutex> lock(mu_);
  return lru_.size();
}

void ResponseCache::ClearLocked() {
  lru_.clear();
  index_.clear();
  bytes_ = 0;
}

}  // namespace gcm
