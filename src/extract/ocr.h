// OCR for PDF pages without a usable text layer: each page is rendered with
// Poppler and read with Tesseract (English and Spanish trained data).
#ifndef GCMSEARCH_EXTRACT_OCR_H_
#define GCMSEARCH_EXTRACT_OCR_H_

#include <string>
#include <vector>

#include "core/status.h"

namespace gcm {

struct OcrOptions {
  int dpi = 150;                   // rendering resolution
  std::string languages = "spa+eng";  // Tesseract language list
  int page_timeout_ms = 60000;     // per page; a page over it yields no text; <= 0: none
  int threads = 0;                 // pages read at once; 0 = all cores
};

// Reads pages `page_indices` (0-based) of the PDF at `pdf_path`; on success
// texts->size() == page_indices.size(), one UTF-8 text per page in order
// (empty where a page timed out or held no text). Fails only when OCR cannot
// run at all: IOError for a missing file, Corruption for one Poppler cannot
// open, Unsupported when Tesseract (libtesseract.so.5) cannot be loaded or
// has no data for `languages`, the message saying what to install;
// InvalidArgument for an index the PDF does not have or a dpi <= 0. On
// failure *texts is empty.
//
// Tesseract is not linked in: the first call with pages to read loads it
// (once per process), so a process that never reads a page never pays for it.
//
// Pages are read by `threads` workers at once, each with its own Tesseract
// and Poppler document; OpenMP inside Tesseract is held to one thread
// (OMP_THREAD_LIMIT=1 unless the environment says otherwise), which is much
// faster on few cores. The dpi is capped at 600 and a page at 40 megapixels.
Status OcrPdfPages(const std::string& pdf_path, const std::vector<int>& page_indices,
                   const OcrOptions& options, std::vector<std::string>* texts);

}  // namespace gcm

#endif  // GCMSEARCH_EXTRACT_OCR_H_
