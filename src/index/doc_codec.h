// A Document as stored in a Xapian document's data: a JSON object
// (nlohmann/json) holding the metadata, each page's number, byte length, OCR
// flag, language and first term position, the objective mentions and the
// translations; then a NUL byte; then the page texts back to back. The texts
// stay out of the JSON because parsing them dominated search latency (a
// result needs the metadata and one page). `xapian-delve -d` shows the JSON
// first. Search results and `show` decode it back into the same struct.
#ifndef GCMSEARCH_INDEX_DOC_CODEC_H_
#define GCMSEARCH_INDEX_DOC_CODEC_H_

#include <string>

#include "core/document.h"
#include "core/status.h"

namespace gcm {

// The stored form of `doc`.
std::string EncodeDocumentData(const Document& doc);

// Reads a stored form back; Corruption when `data` is not one.
Status DecodeDocumentData(const std::string& data, Document* doc);

}  // namespace gcm

#endif  // GCMSEARCH_INDEX_DOC_CODEC_H_
