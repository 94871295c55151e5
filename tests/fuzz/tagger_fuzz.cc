// Fuzz target: the objective tagger on arbitrary text in each language. Every
// mention must point inside the text at an objective that exists.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_util.h"
#include "tag/objective_tagger.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  static const char* const kLanguages[] = {"en", "es", "und", "pt"};
  const char* language = kLanguages[data[0] % 4];
  std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
  for (const gcm::ObjectiveMention& m : gcm::TagText(text, language, 7)) {
    FUZZ_CHECK(m.objective >= 1 && m.objective <= 23);
    FUZZ_CHECK(m.page == 7);
    FUZZ_CHECK(m.offset <= text.size() && m.length <= text.size() - m.offset);
    FUZZ_CHECK(m.confidence >= 0.0 && m.confidence <= 1.0);
  }
  return 0;
}
