// Turning bytes of unknown encoding into UTF-8: byte-order marks, a declared
// charset, valid UTF-8, or a guess by uchardet (Mozilla's detector), converted
// with ICU. Shared by the HTML and text extractors.
#ifndef GCMSEARCH_EXTRACT_ENCODING_H_
#define GCMSEARCH_EXTRACT_ENCODING_H_

#include <string>
#include <string_view>

#include "core/utf8.h"  // IsValidUtf8, ScrubUtf8

namespace gcm {

// The encoding `bytes` is most likely in: "UTF-8", "UTF-16LE", "UTF-16BE"
// (from a BOM), or uchardet's guess ("WINDOWS-1252", "ISO-8859-1", ...);
// "UTF-8" when unsure.
std::string DetectEncoding(std::string_view bytes);

// `bytes` in `encoding` converted to UTF-8, a leading BOM dropped; bytes that
// do not convert become U+FFFD. An unknown encoding name falls back to
// treating the bytes as UTF-8 with invalid sequences replaced.
std::string ToUtf8(std::string_view bytes, const std::string& encoding);

}  // namespace gcm

#endif  // GCMSEARCH_EXTRACT_ENCODING_H_
