// Language codes as users type them in filters (--lang, lang:, HTTP lang=):
// one rule for every surface. A code is an ISO 639-1 two-letter code
// (ISO 639-1:2002, as listed by the Library of Congress' ISO 639-2
// registration authority, https://www.loc.gov/standards/iso639-2/php/code_list.php)
// or "und" (undetermined, as the index stores documents whose language
// is unknown), in any letter case.
#ifndef GCMSEARCH_CORE_LANGUAGE_CODE_H_
#define GCMSEARCH_CORE_LANGUAGE_CODE_H_

#include <string>
#include <string_view>

#include "core/status.h"

namespace gcm {

// The canonical (lower-case) form of `typed` into *code. InvalidArgument
// naming `what` (e.g. "--lang", "lang:", "lang=") and the value when it is
// not a known code.
Status CanonicalLanguage(std::string_view typed, std::string_view what, std::string* code);

}  // namespace gcm

#endif  // GCMSEARCH_CORE_LANGUAGE_CODE_H_
