// libFuzzer entry point for gcm::fuzz::Encoding (fuzz_targets.h); built and run
// by tools/fuzz.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  gcm::fuzz::Encoding(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
