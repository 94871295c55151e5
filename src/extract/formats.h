// The per-format extractors behind Extract(). Each reads the file named by
// doc->path's real location `file` and fills doc->title, date, author, links
// and pages; identity and file facts are set by Extract() itself.
#ifndef GCMSEARCH_EXTRACT_FORMATS_H_
#define GCMSEARCH_EXTRACT_FORMATS_H_

#include <filesystem>
#include <string>

#include "core/document.h"
#include "core/status.h"
#include "extract/extractor.h"

namespace gcm {

// `s` with ASCII letters lower-cased (names, extensions, charsets).
std::string AsciiLower(std::string s);

// Reads at most options.max_text_bytes of `file` into *bytes, adding a
// warning to doc when the file is longer. IOError naming doc->path when it
// cannot be opened.
Status ReadBoundedText(const std::filesystem::path& file, const ExtractOptions& options,
                       Document* doc, std::string* bytes);

// PDF through Poppler's C++ API, page by page; pages without usable text go
// to OCR when options.ocr is set. Encrypted, truncated or empty PDFs fail.
Status ExtractPdf(const std::filesystem::path& file, const ExtractOptions& options,
                  Document* doc);

// HTML through libxml2's HTML parser: visible text, <title>, <html lang>,
// charset from the document or detected, <a href> targets into doc->links.
Status ExtractHtml(const std::filesystem::path& file, const ExtractOptions& options,
                   Document* doc);

// What ExtractHtml does once the file is read: `bytes` in any encoding
// (declared, with a byte-order mark, or detected) into doc->title, date,
// author, declared_language, links and one page. Used on its own by tests
// and the fuzz target.
Status ParseHtml(std::string bytes, Document* doc);

// Markdown and plain text: UTF-8, UTF-16 with a BOM, or a detected legacy
// encoding converted to UTF-8. A form feed starts a new page.
Status ExtractText(const std::filesystem::path& file, const ExtractOptions& options,
                   Document* doc);

}  // namespace gcm

#endif  // GCMSEARCH_EXTRACT_FORMATS_H_
