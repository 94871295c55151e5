// Encoding detection and conversion with uchardet and ICU converters.
#include "extract/encoding.h"

#include "core/utf8.h"

#include <uchardet/uchardet.h>
#include <unicode/ucnv.h>
#include <unicode/utf8.h>

#include <memory>
#include <vector>

namespace gcm {

std::string DetectEncoding(std::string_view bytes) {
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") return "UTF-8";
  if (bytes.size() >= 2 && bytes.substr(0, 2) == "\xFF\xFE") return "UTF-16LE";
  if (bytes.size() >= 2 && bytes.substr(0, 2) == "\xFE\xFF") return "UTF-16BE";
  // Valid UTF-8 over the first megabyte is UTF-8: detectors guess wrong on
  // short ASCII-heavy texts. A sequence cut at the sample's end is tolerated.
  std::string_view sample = bytes.substr(0, 1 << 20);
  if (IsValidUtf8(sample)) return "UTF-8";
  if (sample.size() == (1u << 20) && IsValidUtf8(sample.substr(0, sample.size() - 4))) {
    return "UTF-8";
  }
  std::unique_ptr<std::remove_pointer_t<uchardet_t>, void (*)(uchardet_t)> det(uchardet_new(),
                                                                              uchardet_delete);
  if (uchardet_handle_data(det.get(), sample.data(), sample.size()) != 0) return "UTF-8";
  uchardet_data_end(det.get());
  std::string guess = uchardet_get_charset(det.get());
  // uchardet names plain 7-bit text ASCII; anything unknown is taken as
  // Windows-1252, the commonest legacy encoding of Western European text.
  if (guess.empty() || guess == "ASCII") return "WINDOWS-1252";
  return guess;
}

std::string ToUtf8(std::string_view bytes, const std::string& encoding) {
  if (encoding == "UTF-8" || encoding == "utf-8" || encoding.empty()) {
    if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
    return ScrubUtf8(bytes);
  }
  UErrorCode err = U_ZERO_ERROR;
  UConverter* from = ucnv_open(encoding.c_str(), &err);
  if (U_FAILURE(err)) return ScrubUtf8(bytes);
  std::unique_ptr<UConverter, void (*)(UConverter*)> guard(from, ucnv_close);
  // Convert through UTF-16 in chunks to keep memory proportional to the input.
  std::vector<UChar> u16(bytes.size() + 16);
  const char* src = bytes.data();
  UChar* target = u16.data();
  ucnv_toUnicode(from, &target, u16.data() + u16.size(), &src, bytes.data() + bytes.size(),
                 nullptr, true, &err);
  if (U_FAILURE(err)) return ScrubUtf8(bytes);
  int32_t u16_len = static_cast<int32_t>(target - u16.data());
  int32_t start = (u16_len > 0 && u16[0] == 0xFEFF) ? 1 : 0;
  std::string out;
  out.resize(static_cast<std::size_t>(u16_len) * 3 + 4);
  int32_t out_len = 0;
  UErrorCode err2 = U_ZERO_ERROR;
  UConverter* to = ucnv_open("UTF-8", &err2);
  std::unique_ptr<UConverter, void (*)(UConverter*)> guard2(to, ucnv_close);
  out_len = ucnv_fromUChars(to, out.data(), static_cast<int32_t>(out.size()), u16.data() + start,
                            u16_len - start, &err2);
  if (U_FAILURE(err2)) return ScrubUtf8(bytes);
  out.resize(static_cast<std::size_t>(out_len));
  return out;
}

}  // namespace gcm
