// Fuzz target: encoding detection and conversion of the bytes of text and
// HTML files. Whatever comes in, UTF-8 comes out.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "extract/encoding.h"
#include "fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::string encoding = gcm::DetectEncoding(bytes);
  FUZZ_CHECK(!encoding.empty());
  FUZZ_CHECK(gcm::IsValidUtf8(gcm::ToUtf8(bytes, encoding)));
  FUZZ_CHECK(gcm::IsValidUtf8(gcm::ScrubUtf8(bytes)));
  for (const char* e : {"UTF-16LE", "UTF-16BE", "WINDOWS-1252", "ISO-8859-1", "SHIFT_JIS", "nonsense"}) {
    FUZZ_CHECK(gcm::IsValidUtf8(gcm::ToUtf8(bytes, e)));
  }
  return 0;
}
