// UTF-8 well-formedness, shared by every layer that takes text from outside
// (extractors, the query parser, the HTTP layer). ICU's U8_NEXT decides what
// is well formed.
#ifndef GCMSEARCH_CORE_UTF8_H_
#define GCMSEARCH_CORE_UTF8_H_

#include <string>
#include <string_view>

namespace gcm {

// True when `bytes` is entirely well-formed UTF-8.
bool IsValidUtf8(std::string_view bytes);

// Valid UTF-8 with every invalid byte sequence replaced by U+FFFD.
std::string ScrubUtf8(std::string_view bytes);

}  // namespace gcm

#endif  // GCMSEARCH_CORE_UTF8_H_
