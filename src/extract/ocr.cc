// PLACEHOLDER while OCR is written on its own branch.
#include "extract/ocr.h"

namespace gcm {

Status OcrPdfPages(const std::string& pdf_path, const std::vector<int>&, const OcrOptions&,
                   std::vector<std::string>*) {
  return Status::Unsupported(pdf_path + ": OCR is not built yet");
}

}  // namespace gcm
