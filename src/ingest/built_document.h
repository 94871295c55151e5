// An ingest worker's answer for a file it read: the warnings extraction
// gave and the Xapian document it built, ready for the writer to add. The
// bytes travel from a worker process to the parent in a 'D' frame
// (worker_protocol.h), never to disk, so the format can change with the
// program; it is coded with core/coding.h:
//
//   varint count of warnings, then each warning length-prefixed
//   the serialised Xapian::Document (Xapian's own form), to the end
#ifndef GCMSEARCH_INGEST_BUILT_DOCUMENT_H_
#define GCMSEARCH_INGEST_BUILT_DOCUMENT_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace gcm {

// Caps on what a decoder accepts: a damaged answer claims no more.
inline constexpr std::size_t kMaxBuiltWarnings = 10000;
inline constexpr std::size_t kMaxBuiltWarningBytes = 64 << 10;

struct BuiltDocument {
  std::vector<std::string> warnings;
  std::string serialised;  // Xapian::Document::serialise()
};

// The answer's bytes for `warnings` and `serialised`.
std::string EncodeBuiltDocument(const std::vector<std::string>& warnings, std::string_view serialised);

// Reads an answer back into *out. Corruption naming the field and offset
// when `data` is cut short, a count or length exceeds its cap or the bytes
// left; *out is then unspecified. The serialised document is not checked
// here (Xapian::Document::unserialise does that).
Status DecodeBuiltDocument(std::string_view data, BuiltDocument* out);

}  // namespace gcm

#endif  // GCMSEARCH_INGEST_BUILT_DOCUMENT_H_
