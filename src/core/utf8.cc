// UTF-8 checks with ICU's U8_NEXT.
#include "core/utf8.h"

#include <unicode/utf8.h>

namespace gcm {

bool IsValidUtf8(std::string_view bytes) {
  const char* s = bytes.data();
  const int32_t n = static_cast<int32_t>(bytes.size());
  for (int32_t i = 0; i < n;) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) return false;
  }
  return true;
}

std::string ScrubUtf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  const char* s = bytes.data();
  const int32_t n = static_cast<int32_t>(bytes.size());
  for (int32_t i = 0; i < n;) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      out.push_back(s[i++]);
      continue;
    }
    int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) {
      out += "\xEF\xBF\xBD";  // U+FFFD
    } else {
      out.append(s + start, static_cast<std::size_t>(i - start));
    }
  }
  return out;
}

}  // namespace gcm
