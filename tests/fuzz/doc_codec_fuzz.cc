// Fuzz target: decoding a stored Document (what search results and the
// worker processes' answers go through). Arbitrary bytes decode or give
// Corruption; whatever decodes encodes and decodes again to the same.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_util.h"
#include "index/doc_codec.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  gcm::Document doc;
  gcm::Status s = gcm::DecodeDocumentData(std::string(reinterpret_cast<const char*>(data), size), &doc);
  if (!s.ok()) {
    FUZZ_CHECK(s.code() == gcm::Status::Code::kCorruption);
    return 0;
  }
  std::string once = gcm::EncodeDocumentData(doc);
  gcm::Document again;
  FUZZ_CHECK(gcm::DecodeDocumentData(once, &again).ok());
  FUZZ_CHECK(gcm::EncodeDocumentData(again) == once);
  return 0;
}
