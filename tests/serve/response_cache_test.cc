// ResponseCache: answers are kept per index revision, dropped when a newer
// revision is seen, and bounded in bytes with the least recently used out
// first.
#include "serve/response_cache.h"

#include <gtest/gtest.h>

namespace gcm {
namespace {

TEST(ResponseCache, AnswersOnlyForTheRevisionItWasGiven) {
  ResponseCache cache(1 << 20);
  cache.Put(7, "/api/search?q=a", "body-a");
  ASSERT_NE(cache.Get(7, "/api/search?q=a"), nullptr);
  EXPECT_EQ(*cache.Get(7, "/api/search?q=a"), "body-a");
  EXPECT_EQ(cache.Get(8, "/api/search?q=a"), nullptr);
  EXPECT_EQ(cache.Get(7, "/api/search?q=b"), nullptr);
}

TEST(ResponseCache, ANewerRevisionEmptiesItAndAnOlderOneIsIgnored) {
  ResponseCache cache(1 << 20);
  cache.Put(7, "a", "old");
  cache.Put(8, "b", "new");
  EXPECT_EQ(cache.entries(), 1u);
  EXPECT_EQ(cache.Get(7, "a"), nullptr);
  cache.Put(7, "a", "late answer from a superseded revision");
  EXPECT_EQ(cache.Get(7, "a"), nullptr);
  EXPECT_EQ(cache.entries(), 1u);
}

TEST(ResponseCache, StaysWithinItsBytesDroppingTheLeastRecentlyUsed) {
  ResponseCache cache(400);
  cache.Put(1, "k1", std::string(90, 'x'));
  cache.Put(1, "k2", std::string(90, 'x'));
  cache.Put(1, "k3", std::string(90, 'x'));
  ASSERT_NE(cache.Get(1, "k1"), nullptr);  // k1 is now the most recent
  cache.Put(1, "k4", std::string(90, 'x'));
  cache.Put(1, "k5", std::string(90, 'x'));
  EXPECT_LE(cache.bytes(), 400u);
  EXPECT_NE(cache.Get(1, "k1"), nullptr);
  EXPECT_EQ(cache.Get(1, "k2"), nullptr);
  EXPECT_NE(cache.Get(1, "k5"), nullptr);
}

TEST(ResponseCache, SkipsHugeBodiesUnknownRevisionsAndASizeOfZero) {
  ResponseCache cache(400);
  cache.Put(1, "big", std::string(200, 'x'));
  EXPECT_EQ(cache.Get(1, "big"), nullptr);
  cache.Put(0, "k", "v");
  EXPECT_EQ(cache.Get(0, "k"), nullptr);
  ResponseCache off(0);
  off.Put(1, "k", "v");
  EXPECT_EQ(off.Get(1, "k"), nullptr);
}

TEST(ResponseCache, ReplacingAKeyKeepsTheByteCountRight) {
  ResponseCache cache(1000);
  cache.Put(1, "k", std::string(100, 'a'));
  cache.Put(1, "k", std::string(50, 'b'));
  EXPECT_EQ(cache.entries(), 1u);
  EXPECT_EQ(cache.bytes(), 51u);
  EXPECT_EQ(*cache.Get(1, "k"), std::string(50, 'b'));
}

}  // namespace
}  // namespace gcm
