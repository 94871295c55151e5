// The extraction stage: reads one file and fills in a Document's identity,
// metadata and page texts. The format is sniffed from the content (a PDF
// named .html is read as a PDF); the extension only decides between
// Markdown and plain text.
#ifndef GCMSEARCH_EXTRACT_EXTRACTOR_H_
#define GCMSEARCH_EXTRACT_EXTRACTOR_H_

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

#include "core/document.h"
#include "core/document_id.h"
#include "core/status.h"
#include "extract/ocr.h"

namespace gcm {

struct ExtractOptions {
  bool ocr = true;              // read PDF pages without a text layer with Tesseract
  OcrOptions ocr_options;
  // Text and HTML files above this are cut, with a warning: 16 MiB of text is
  // some 8,000 pages, and it keeps a worker under ~250 MB whatever it reads.
  std::uint64_t max_text_bytes = 16ull << 20;
  // Called, when set, before OCR starts with the number of pages it will
  // read, so that a caller enforcing a time limit can allow for them.
  std::function<void(int pages)> on_ocr_pages;
};

// "pdf", "html", "md" or "txt" for a file that starts with `head` and is
// named `file`; empty when it is none of these (binary content).
std::string SniffFormat(const std::filesystem::path& file, std::string_view head);


// Reads `file` into *doc: id, path (= `as_given`), format, title, date,
// author, links, pages, file_size, file_mtime, warnings. On failure returns a
// Status whose message names the file and the reason; *doc is then
// unspecified.
Status Extract(const std::filesystem::path& file, const std::string& as_given,
               const ExtractOptions& options, Document* doc);

}  // namespace gcm

#endif  // GCMSEARCH_EXTRACT_EXTRACTOR_H_
