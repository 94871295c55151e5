// Replays every input a fuzzer once failed on (tests/fuzz/regressions/<target>/)
// through the same checks as the fuzz target, in the ordinary build: a fixed
// finding stays fixed. Sanitizer findings (an integer overflow) show only
// under tools/fuzz, which replays these files first.
#include <gtest/gtest.h>

#include <filesystem>
#include <functional>

#include "fuzz_targets.h"
#include "tag/objective_tagger.h"
#include "test_util.h"

namespace gcm {
namespace {

void ReplayAll(const std::string& target, const std::function<void(std::string_view)>& check) {
  std::filesystem::path dir = testing::SourceDir() + "/tests/fuzz/regressions/" + target;
  if (!std::filesystem::exists(dir)) return;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    SCOPED_TRACE(entry.path().string());
    check(testing::ReadFile(entry.path().string()));
  }
}

TEST(FuzzRegressions, TaggerInputsStayFixed) { ReplayAll("tagger", fuzz::Tagger); }
TEST(FuzzRegressions, NormaliserInputsStayFixed) { ReplayAll("normaliser", fuzz::Normaliser); }
TEST(FuzzRegressions, HtmlInputsStayFixed) { ReplayAll("html", fuzz::Html); }
TEST(FuzzRegressions, QueryParserInputsStayFixed) { ReplayAll("query_parser", fuzz::QueryParser); }
TEST(FuzzRegressions, DocCodecInputsStayFixed) { ReplayAll("doc_codec", fuzz::DocCodec); }
TEST(FuzzRegressions, EncodingInputsStayFixed) { ReplayAll("encoding", fuzz::Encoding); }

TEST(FuzzRegressions, ALongRunOfDigitsInACommaListCitesNothingExtra) {
  // Found by fuzz_tagger: "16 y 19 333...3" overflowed an int (UBSan).
  std::vector<ObjectiveMention> mentions =
      TagText("El plan apoya los objetivos 16 y 19 " + std::string(56, '3') + ",1 del PMM.", "es", 1);
  for (const ObjectiveMention& m : mentions)
    EXPECT_TRUE(m.objective == 16 || m.objective == 19) << m.objective;
}

}  // namespace
}  // namespace gcm
