// OCR of PDF pages: Poppler renders each page to an 8-bit grey image and
// Tesseract (its C++ API, TessBaseAPI) reads it. This is the one file that
// wraps Tesseract; its failures become a Status here.
//
// Speed. Debian's Tesseract is built with OpenMP, and with its default team
// of threads one 150-dpi page takes about 19 s on the shared 2-core build
// machines, against about 2 s with OMP_THREAD_LIMIT=1: the threads fight
// over the cores. So OpenMP is held to one thread and pages are read in
// parallel instead, one worker per core, each with its own TessBaseAPI and
// its own poppler::document (neither is safe to share between threads).
// libgomp reads OMP_THREAD_LIMIT when it is loaded, which for a program
// linked with Tesseract is before main(); setting the variable here only
// helps a runtime loaded later, so each worker also asks the OpenMP runtime
// already in the process for one thread, found with dlsym so that this file
// does not need OpenMP to compile.
//
// Cost. Each page has a time limit, enforced by Tesseract itself through the
// ETEXT_DESC monitor (a deadline checked between words, and a cancel
// callback); a page over it yields no text. Rendering is bounded by a maximum
// resolution and a maximum image size, so a poster-sized page cannot eat
// gigabytes; such a page is rendered at a lower resolution instead.
#include "extract/ocr.h"

#include <dlfcn.h>
#include <poppler-document.h>
#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>
#include <tesseract/baseapi.h>
#include <tesseract/ocrclass.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <mutex>
#include <sstream>
#include <thread>

namespace gcm {
namespace {

// Above 600 dpi OCR gets no better and images get huge.
constexpr int kMaxDpi = 600;
constexpr int kMinDpi = 50;
// At most 40 megapixels per page (an A4 page at 600 dpi is 35): 40 MB of grey.
constexpr double kMaxPagePixels = 40e6;

// Holds OpenMP to one thread in this process, where that is still possible
// (see the top of the file). Safe to call from any thread, any number of times.
void LimitOpenMpThreads() {
  static std::once_flag once;
  std::call_once(once, [] {
    // Not overwritten if the user set it: they may know better.
    setenv("OMP_THREAD_LIMIT", "1", /*overwrite=*/0);
  });
  // The calling thread's own OpenMP settings. Tesseract asks for teams of a
  // fixed size (num_threads(4) clauses), which omp_set_num_threads alone
  // does not override; with dynamic teams on, libgomp caps a team at
  // min(cores, nthreads-var) = 1. Both settings belong to the calling thread.
  using SetInt = void (*)(int);
  static const auto set_num_threads =
      reinterpret_cast<SetInt>(dlsym(RTLD_DEFAULT, "omp_set_num_threads"));
  static const auto set_dynamic = reinterpret_cast<SetInt>(dlsym(RTLD_DEFAULT, "omp_set_dynamic"));
  const char* limit = std::getenv("OMP_THREAD_LIMIT");
  if (set_num_threads != nullptr && set_dynamic != nullptr && limit != nullptr &&
      std::string(limit) == "1") {
    set_dynamic(1);
    set_num_threads(1);
  }
}

// Splits "spa+eng" into {"spa", "eng"}.
std::vector<std::string> SplitLanguages(const std::string& languages) {
  std::vector<std::string> out;
  std::stringstream in(languages);
  std::string lang;
  while (std::getline(in, lang, '+')) {
    if (!lang.empty()) out.push_back(lang);
  }
  return out;
}

// The tessdata folder holding every language of `languages`: $TESSDATA_PREFIX
// if set, else the places Debian and the usual builds install to. Empty when
// none has them all; Tesseract is then left to its compiled-in default.
std::string FindTessdata(const std::string& languages) {
  std::vector<std::string> candidates;
  if (const char* prefix = std::getenv("TESSDATA_PREFIX"); prefix != nullptr && *prefix) {
    candidates.push_back(prefix);
    candidates.push_back(std::string(prefix) + "/tessdata");
  }
  for (const char* dir : {"/usr/share/tesseract-ocr/5/tessdata",
                          "/usr/share/tesseract-ocr/4.00/tessdata", "/usr/share/tessdata",
                          "/usr/local/share/tessdata", "/usr/local/share/tesseract-ocr/tessdata"}) {
    candidates.push_back(dir);
  }
  const std::vector<std::string> langs = SplitLanguages(languages);
  for (const std::string& dir : candidates) {
    std::error_code ec;
    bool all = !langs.empty();
    for (const std::string& lang : langs) {
      all = all && std::filesystem::is_regular_file(dir + "/" + lang + ".traineddata", ec);
    }
    if (all) return dir;
  }
  return "";
}

// The resolution to render `page` at: the one asked for, within
// [kMinDpi, kMaxDpi], lowered until the image fits in kMaxPagePixels.
double RenderDpi(const poppler::page& page, int requested) {
  double dpi = std::clamp(requested, kMinDpi, kMaxDpi);
  poppler::rectf box = page.page_rect(poppler::media_box);
  double points = std::abs(box.width() * box.height());
  if (points <= 0) return dpi;
  double pixels = points * (dpi / 72.0) * (dpi / 72.0);
  if (pixels > kMaxPagePixels) dpi *= std::sqrt(kMaxPagePixels / pixels);
  return std::max(dpi, 1.0);
}

// Tesseract's cancel callback: stop when the page's deadline has passed.
// (Tesseract checks the monitor's deadline itself too; the callback makes the
// intent explicit and would also carry any future "stop now" request.)
bool CancelPastDeadline(void* monitor, int /*words*/) {
  return static_cast<const tesseract::ETEXT_DESC*>(monitor)->deadline_exceeded();
}

// One worker's Tesseract engine and PDF. Not shared between threads.
class PageReader {
 public:
  PageReader(const std::string& pdf_path, const OcrOptions& options, std::string tessdata)
      : pdf_path_(pdf_path), options_(options), tessdata_(std::move(tessdata)) {}
  ~PageReader() { api_.End(); }
  PageReader(const PageReader&) = delete;
  PageReader& operator=(const PageReader&) = delete;

  Status Open() {
    doc_.reset(poppler::document::load_from_file(pdf_path_));
    if (!doc_ || doc_->is_locked()) {
      return Status::Corruption(pdf_path_ + ": Poppler cannot open the PDF for OCR");
    }
    // Warnings such as "Detected 12 diacritics" are noise in an indexer's log.
    api_.SetVariable("debug_file", "/dev/null");
    const char* datapath = tessdata_.empty() ? nullptr : tessdata_.c_str();
    if (api_.Init(datapath, options_.languages.c_str(), tesseract::OEM_DEFAULT) != 0) {
      return Status::Unsupported("Tesseract cannot load languages '" + options_.languages +
                                 "' (install tesseract-ocr-spa and tesseract-ocr-eng, or set "
                                 "TESSDATA_PREFIX)");
    }
    api_.SetPageSegMode(tesseract::PSM_AUTO);
    return Status::OK();
  }

  // The text of page `index` (0-based); empty if it timed out or is blank.
  std::string Read(int index) {
    std::unique_ptr<poppler::page> page(doc_->create_page(index));
    if (!page) return "";
    const double dpi = RenderDpi(*page, options_.dpi);
    poppler::page_renderer renderer;
    renderer.set_image_format(poppler::image::format_gray8);
    renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
    renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
    poppler::image image = renderer.render_page(page.get(), dpi, dpi);
    if (!image.is_valid() || image.width() <= 0 || image.height() <= 0) return "";

    api_.SetImage(reinterpret_cast<const unsigned char*>(image.const_data()), image.width(),
                  image.height(), /*bytes_per_pixel=*/1, image.bytes_per_row());
    api_.SetSourceResolution(static_cast<int>(std::lround(dpi)));
    tesseract::ETEXT_DESC monitor;
    monitor.cancel = &CancelPastDeadline;
    monitor.cancel_this = &monitor;
    monitor.set_deadline_msecs(options_.page_timeout_ms);
    const int rc = api_.Recognize(&monitor);
    std::string text;
    if (rc == 0 && !monitor.deadline_exceeded()) {
      std::unique_ptr<char[]> utf8(api_.GetUTF8Text());
      if (utf8) text = utf8.get();
    }
    api_.Clear();
    return text;
  }

 private:
  const std::string& pdf_path_;
  const OcrOptions& options_;
  const std::string tessdata_;
  std::unique_ptr<poppler::document> doc_;
  tesseract::TessBaseAPI api_;
};

}  // namespace

Status OcrPdfPages(const std::string& pdf_path, const std::vector<int>& page_indices,
                   const OcrOptions& options, std::vector<std::string>* texts) {
  texts->clear();
  if (options.dpi <= 0) return Status::InvalidArgument("OCR dpi must be positive");
  {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(pdf_path, ec)) {
      return Status::IOError(pdf_path + ": no such file");
    }
    std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(pdf_path));
    if (!doc || doc->is_locked()) {
      return Status::Corruption(pdf_path + ": Poppler cannot open the PDF for OCR");
    }
    const int pages = doc->pages();
    for (int index : page_indices) {
      if (index < 0 || index >= pages) {
        return Status::InvalidArgument(pdf_path + ": no page index " + std::to_string(index) +
                                       " (the PDF has " + std::to_string(pages) + " pages)");
      }
    }
  }
  texts->assign(page_indices.size(), std::string());
  if (page_indices.empty()) return Status::OK();

  LimitOpenMpThreads();
  const std::string tessdata = FindTessdata(options.languages);
  unsigned threads = options.threads > 0 ? static_cast<unsigned>(options.threads)
                                         : std::max(1u, std::thread::hardware_concurrency());
  threads = std::min<unsigned>(threads, static_cast<unsigned>(page_indices.size()));

  std::atomic<std::size_t> next{0};
  std::mutex mu;
  Status failure;  // the first worker failure, guarded by mu
  auto work = [&] {
    try {
      LimitOpenMpThreads();
      PageReader reader(pdf_path, options, tessdata);
      if (Status s = reader.Open(); !s.ok()) {
        std::lock_guard<std::mutex> lock(mu);
        if (failure.ok()) failure = s;
        return;
      }
      for (std::size_t i = next++; i < page_indices.size(); i = next++) {
        (*texts)[i] = reader.Read(page_indices[i]);
      }
    } catch (const std::exception& e) {
      std::lock_guard<std::mutex> lock(mu);
      if (failure.ok()) failure = Status::Internal(pdf_path + ": OCR failed: " + e.what());
    }
  };
  std::vector<std::thread> workers;
  for (unsigned t = 1; t < threads; ++t) workers.emplace_back(work);
  work();  // the calling thread reads pages too
  for (std::thread& w : workers) w.join();
  // A worker that could not start leaves its share to the others; only when
  // none could is there nothing to return.
  if (!failure.ok() && next.load() < page_indices.size()) {
    texts->clear();
    return failure;
  }
  return Status::OK();
}

}  // namespace gcm
