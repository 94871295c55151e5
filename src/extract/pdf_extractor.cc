// PDF extraction with Poppler's C++ API: metadata from the document
// information dictionary, text page by page in reading order, and OCR for the
// pages that have no usable text layer (scanned pages).
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-image.h>
#include <poppler-page-renderer.h>
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

int CountLetters(const std::string& text, int enough) {
  int letters = 0;
  for (unsigned char c : text) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c >= 0xC0) {
      if (++letters >= enough) break;
    }
  }
  return letters;
}

// The share of a page's area that is ink, from a 24-dpi greyscale
// rendering (a few milliseconds): a scanned page of text is several per
// cent ink, a blank page or a page with one line of real text almost none.
double InkShare(const poppler::page& page) {
  poppler::page_renderer renderer;
  renderer.set_image_format(poppler::image::format_gray8);
  poppler::image img = renderer.render_page(&page, 24, 24);
  if (!img.is_valid() || img.width() <= 0 || img.height() <= 0) return 0;
  long dark = 0;
  for (int y = 0; y < img.height(); ++y) {
    const unsigned char* row = reinterpret_cast<const unsigned char*>(img.const_data()) +
                               static_cast<long>(y) * img.bytes_per_row();
    for (int x = 0; x < img.width(); ++x) dark += row[x] < 160;
  }
  return static_cast<double>(dark) / (static_cast<double>(img.width()) * img.height());
}

// A page needs OCR when it has almost no text layer but visibly holds more
// than that: a scan. A blank page, or a short last page of a born-digital
// document ("and destination."), does not.
bool NeedsOcr(const poppler::page& page, const std::string& text) {
  constexpr int kEnoughLetters = 16;
  int letters = CountLetters(text, kEnoughLetters);
  if (letters >= kEnoughLetters) return false;
  return InkShare(page) > 0.01;
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
    if (p && NeedsOcr(*p, page.text)) scanned.push_back(i);
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
