#include "core/objectives.h"

#include <gtest/gtest.h>

namespace gcm {
namespace {

TEST(Objectives, HasTwentyThreeInOrderWithHubIds) {
  ASSERT_EQ(Objectives().size(), 23u);
  for (int n = 1; n <= 23; ++n) {
    EXPECT_EQ(Objectives()[n - 1].number, n);
    EXPECT_EQ(Objectives()[n - 1].hub_id, 278 + n);
  }
}

TEST(Objectives, KnowsOfficialTitlesInBothLanguages) {
  EXPECT_EQ(FindObjective(13)->title_en,
            "Use migration detention only as a measure of last resort and work towards alternatives");
  EXPECT_NE(FindObjective(8)->title_es.find("Salvar vidas"), std::string::npos);
  EXPECT_EQ(FindObjective(20)->short_en, "Remittances");
  EXPECT_EQ(FindObjective(20)->short_es, "Remesas");
}

TEST(Objectives, RejectsNumbersOutsideOneToTwentyThree) {
  EXPECT_EQ(FindObjective(0), nullptr);
  EXPECT_EQ(FindObjective(24), nullptr);
}

}  // namespace
}  // namespace gcm
