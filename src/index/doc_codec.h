// A Document as stored in a Xapian document's data: a JSON object
// (nlohmann/json) holding the metadata, each page's number, byte length, OCR
// flag, language and first term position, each mention in brief (objective,
// kind) and the translations; then a NUL byte; then the body: the mentions
// in full as a JSON array, then each page's text, each section stored
// zlib-compressed from 512 bytes on (the header then gives its stored size:
// "mz" for the mentions, "z" in the page's entry). Texts and full mentions stay
// out of the header because parsing them dominated search latency (a result
// needs the metadata and a page). `xapian-delve -d` shows the header first.
// Search results and `show` decode it back into the same struct.
// doc_codec.cc codes it: the header with nlohmann/json, the body's sections
// with core/coding.h's bounded Decoder.
#ifndef GCMSEARCH_INDEX_DOC_CODEC_H_
#define GCMSEARCH_INDEX_DOC_CODEC_H_

#include <string>

#include "core/document.h"
#include "core/status.h"

namespace gcm {

// The stored form of `doc`.
std::string EncodeDocumentData(const Document& doc);

enum class DecodeDetail {
  kFull,     // everything
  kSummary,  // mentions with objective and kind only (page 0, no evidence),
             // pages without their text: DecodePageText reads the one needed
};

// Reads a stored form back; Corruption when `data` is not one: "stored
// document data is not JSON" for a header that does not parse, or a
// message naming the section, its offset and why ("stored document body:
// page 2's text at offset 310: cut short (needs 5000 bytes, 12 left)",
// "... does not inflate to its 5000 bytes") when the body does not hold
// what the header describes.
Status DecodeDocumentData(const std::string& data, Document* doc,
                          DecodeDetail detail = DecodeDetail::kFull);

// The text of page `page_number` of a stored form, inflating that page
// only (a search result's snippet); page_number 0 asks for the first page
// that is not blank. Sets *found_page (when given) to the page read.
// NotFound when there is no such page, Corruption when `data` is not a
// stored form.
Status DecodePageText(const std::string& data, int page_number, std::string* text, int* found_page = nullptr);

}  // namespace gcm

#endif  // GCMSEARCH_INDEX_DOC_CODEC_H_
