// Fuzz target: HTML extraction from memory (ParseHtml, what Extract does with
// an HTML file once read): any bytes, in any encoding, must give valid UTF-8
// text or a Status, never a crash.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/document.h"
#include "extract/formats.h"
#include "fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  gcm::Document doc;
  doc.path = "fuzz.html";
  gcm::Status s = gcm::ParseHtml(std::string(reinterpret_cast<const char*>(data), size), &doc);
  if (!s.ok()) return 0;
  FUZZ_CHECK(doc.pages.size() == 1);
  FUZZ_CHECK(gcm::IsValidUtf8(doc.pages[0].text));
  FUZZ_CHECK(gcm::IsValidUtf8(doc.title));
  FUZZ_CHECK(gcm::IsValidUtf8(doc.author));
  FUZZ_CHECK(doc.date.size() == 0 || doc.date.size() == 4 || doc.date.size() == 10);
  return 0;
}
