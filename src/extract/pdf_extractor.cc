// PDF extraction with Poppler's C++ API: metadata from the document
// information dictionary, text page by page in reading order, and OCR for the
// pages that have no usable text layer (scanned pages).
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <ctime>
#include <memory>
#include <mutex>

#include "extract/formats.h"
#include "extract/ocr.h"

namespace gcm {
namespace {

// Poppler prints its complaints about damaged files on stderr; the
// extractor reports per file instead.
void QuietPoppler(const std::string&, void*) {}

std::string Utf8(const poppler::ustring& u) {
  poppler::byte_array bytes = u.to_utf8();
  std::string s(bytes.data(), bytes.size());
  while (!s.empty() && s.back() == '\0') s.pop_back();
  return s;
}

std::string IsoDate(time_t t) {
  if (t <= 0) return {};
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

// A page "has text" when it holds a handful of letters: a scanned page has
// none, or only a stray header stamped on the image.
bool HasUsableText(const std::string& text) {
  int letters = 0;
  for (unsigned char c : text) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c >= 0xC0) {
      if (++letters >= 16) return true;
    }
  }
  return false;
}

std::string Trim(std::string s) {
  std::size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  std::size_t e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

}  // namespace

Status ExtractPdf(const std::filesystem::path& file, const ExtractOptions& options,
                  Document* doc) {
  static std::once_flag quiet;
  std::call_once(quiet, [] { poppler::set_debug_error_function(QuietPoppler, nullptr); });

  std::unique_ptr<poppler::document> pdf(poppler::document::load_from_file(file.string()));
  if (!pdf) return Status::Corruption(doc->path + ": not a readable PDF (damaged or truncated)");
  if (pdf->is_locked()) return Status::Unsupported(doc->path + ": the PDF is encrypted (password needed)");
  int n = pdf->pages();
  if (n <= 0) return Status::Corruption(doc->path + ": the PDF has no pages");

  doc->title = Trim(Utf8(pdf->info_key("Title")));
  doc->author = Trim(Utf8(pdf->info_key("Author")));
  doc->date = IsoDate(pdf->info_date_t("CreationDate"));
  if (doc->date.empty()) doc->date = IsoDate(pdf->info_date_t("ModDate"));

  std::vector<int> scanned;  // 0-based indices of pages without text
  doc->pages.reserve(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) {
    Page page;
    page.number = i + 1;
    std::unique_ptr<poppler::page> p(pdf->create_page(i));
    if (p) page.text = Utf8(p->text(poppler::rectf(), poppler::page::non_raw_non_physical_layout));
    if (!HasUsableText(page.text)) scanned.push_back(i);
    doc->pages.push_back(std::move(page));
  }

  if (!scanned.empty()) {
    if (!options.ocr) {
      doc->warnings.push_back(std::to_string(scanned.size()) +
                              " page(s) have no text layer and OCR is off");
    } else {
      std::vector<std::string> texts;
      if (options.on_ocr_pages) options.on_ocr_pages(static_cast<int>(scanned.size()));
      Status s = OcrPdfPages(file.string(), scanned, options.ocr_options, &texts);
      if (!s.ok()) {
        doc->warnings.push_back(std::to_string(scanned.size()) +
                                " page(s) have no text layer and could not be read by OCR: " +
                                s.message());
      } else {
        for (std::size_t k = 0; k < scanned.size(); ++k) {
          Page& page = doc->pages[static_cast<std::size_t>(scanned[k])];
          if (texts[k].empty()) continue;
          page.text = texts[k];
          page.from_ocr = true;
        }
      }
    }
  }
  return Status::OK();
}

}  // namespace gcm
