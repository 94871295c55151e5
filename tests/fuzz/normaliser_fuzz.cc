// Fuzz target: the normaliser (NormaliseText) and the folding and tokenizing
// under every indexed and searched word (Tokenize, Fold, LowerCase), on
// arbitrary bytes. Output must be valid UTF-8 and tokens inside the text.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_util.h"
#include "normalise/normaliser.h"
#include "normalise/text_fold.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);

  std::string normalised = gcm::NormaliseText(text);
  FUZZ_CHECK(gcm::IsValidUtf8(normalised));

  std::size_t previous_end = 0;
  for (const gcm::Token& t : gcm::Tokenize(text)) {
    FUZZ_CHECK(t.length > 0);
    FUZZ_CHECK(t.offset >= previous_end);
    FUZZ_CHECK(t.offset <= text.size() && t.length <= text.size() - t.offset);
    previous_end = t.offset + t.length;
    std::string folded = gcm::Fold(text.substr(t.offset, t.length));
    FUZZ_CHECK(gcm::IsValidUtf8(folded));
  }
  FUZZ_CHECK(gcm::IsValidUtf8(gcm::Fold(text)));
  FUZZ_CHECK(gcm::IsValidUtf8(gcm::LowerCase(text)));
  // What the index holds is what a query finds: tokens of normalised text.
  for (const gcm::Token& t : gcm::Tokenize(normalised)) {
    FUZZ_CHECK(t.offset + t.length <= normalised.size());
  }
  return 0;
}
