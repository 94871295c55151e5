// Answers of the read-only JSON routes, kept per index revision. An
// answer is a pure function of the request target and the revision the
// Searcher read, so a repeated request (the page asks the same facet
// counts again on back/forward, many researchers open the same shared
// link) is served without searching. Entries of an older revision are
// dropped as soon as a newer one is seen, so what ingestion commits shows
// at once. Bounded in bytes, least recently used out first. Thread-safe.
#ifndef GCMSEARCH_SERVE_RESPONSE_CACHE_H_
#define GCMSEARCH_SERVE_RESPONSE_CACHE_H_

#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace gcm {

class ResponseCache {
 public:
  // Holds at most `max_bytes` of keys and bodies; 0 disables the cache.
  explicit ResponseCache(std::size_t max_bytes) : max_bytes_(max_bytes) {}

  // The body stored for `key` at `revision`, or nullptr. Revision 0 means
  // unknown (a sharded index): never cached.
  std::shared_ptr<const std::string> Get(std::uint64_t revision, const std::string& key);

  // Stores `body` for `key` at `revision`. A body larger than a quarter of
  // the cache is not stored. A newer revision empties the cache first.
  void Put(std::uint64_t revision, const std::string& key, std::string body);

  std::size_t bytes() const;
  std::size_t entries() const;

 private:
  struct Entry {
    std::string key;
    std::shared_ptr<const std::string> body;
  };
  void ClearLocked();

  const std::size_t max_bytes_;
  mutable std::mutex mu_;
  std::uint64_t revision_ = 0;                                         // guarded by mu_
  std::list<Entry> lru_;                                               // most recent first
  std::unordered_map<std::string, std::list<Entry>::iterator> index_;  // guarded by mu_
  std::size_t bytes_ = 0;                                              // guarded by mu_
};

}  // namespace gcm

#endif  // GCMSEARCH_SERVE_RESPONSE_CACHE_H_
