// OCR of PDF pages: Poppler renders each page to an 8-bit grey image and
// Tesseract reads it. This is the one file that wraps Tesseract; its failures
// become a Status here.
//
// Loading. Tesseract brings some thirty shared libraries with it (Leptonica,
// the image codecs, curl, GnuTLS, libarchive, libgomp...), and loading them
// took about 5 ms of every gcmsearch run, searches included. So the program
// does not link it: libtesseract.so.5 is opened with dlopen the first time a
// page is read, and used through its C API (tesseract/capi.h, whose function
// pointers are looked up with dlsym), which does not depend on the C++ ABI.
// A system without it still indexes everything; the scanned pages go in
// without text and the file gets a warning saying what to install.
//
// Speed. Debian's Tesseract is built with OpenMP, and with its default team
// of threads one 150-dpi page takes about 19 s on the shared 2-core build
// machines, against about 2 s with OMP_THREAD_LIMIT=1: the threads fight
// over the cores. So OpenMP is held to one thread and pages are read in
// parallel instead, one worker per core, each with its own TessBaseAPI and
// its own poppler::document (neither is safe to share between threads).
// libgomp reads OMP_THREAD_LIMIT once, when it is loaded; it comes in with
// Tesseract, so setting the variable just before the dlopen is enough. In
// case some other library brought libgomp in earlier, each worker also asks
// that runtime for one thread, with functions found through Tesseract's
// handle so that this file does not need OpenMP to compile.
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
// Types and declarations only: every function is reached through dlsym.
#include <tesseract/capi.h>

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

// The soname of Tesseract 5 (Debian's libtesseract5, pulled in by tesseract-ocr).
constexpr char kTesseractLibrary[] = "libtesseract.so.5";

// The part of Tesseract's C API this file uses, each member named and typed
// after its function in capi.h (decltype only reads the declaration, so
// nothing here needs the library at link time).
struct TesseractApi {
  decltype(&::TessBaseAPICreate) TessBaseAPICreate = nullptr;
  decltype(&::TessBaseAPIDelete) TessBaseAPIDelete = nullptr;
  decltype(&::TessBaseAPISetVariable) TessBaseAPISetVariable = nullptr;
  decltype(&::TessBaseAPIInit2) TessBaseAPIInit2 = nullptr;
  decltype(&::TessBaseAPISetPageSegMode) TessBaseAPISetPageSegMode = nullptr;
  decltype(&::TessBaseAPISetImage) TessBaseAPISetImage = nullptr;
  decltype(&::TessBaseAPISetSourceResolution) TessBaseAPISetSourceResolution = nullptr;
  decltype(&::TessBaseAPIRecognize) TessBaseAPIRecognize = nullptr;
  decltype(&::TessBaseAPIGetUTF8Text) TessBaseAPIGetUTF8Text = nullptr;
  decltype(&::TessDeleteText) TessDeleteText = nullptr;
  decltype(&::TessBaseAPIClear) TessBaseAPIClear = nullptr;
  decltype(&::TessBaseAPIEnd) TessBaseAPIEnd = nullptr;
  decltype(&::TessMonitorCreate) TessMonitorCreate = nullptr;
  decltype(&::TessMonitorDelete) TessMonitorDelete = nullptr;
  decltype(&::TessMonitorSetDeadlineMSecs) TessMonitorSetDeadlineMSecs = nullptr;
  decltype(&::TessMonitorSetCancelFunc) TessMonitorSetCancelFunc = nullptr;
  decltype(&::TessMonitorSetCancelThis) TessMonitorSetCancelThis = nullptr;

  // The OpenMP runtime Tesseract runs on; null for a build without OpenMP.
  using SetInt = void (*)(int);
  SetInt omp_set_num_threads = nullptr;
  SetInt omp_set_dynamic = nullptr;
};

// Tesseract as loaded into this process: the API when `status` is OK.
struct LoadedTesseract {
  Status status;
  TesseractApi api;
};

// Sets *fn to the function `name` of `library`; false if it has none.
template <typename Fn>
bool Resolve(void* library, const char* name, Fn* fn) {
  *fn = reinterpret_cast<Fn>(dlsym(library, name));
  return *fn != nullptr;
}

// Opens Tesseract and looks up its functions. Unsupported, naming what to
// install, when the library or one of the functions cannot be found.
LoadedTesseract OpenTesseract() {
  const std::string install = "; install tesseract-ocr (libtesseract5) to read scanned pages";
  LoadedTesseract loaded;
  // libgomp, which Tesseract needs, reads the limit when it is loaded: now
  // (see the top of the file). Not overwritten if the user set it: they may
  // know better.
  setenv("OMP_THREAD_LIMIT", "1", /*overwrite=*/0);
  void* library = dlopen(kTesseractLibrary, RTLD_NOW | RTLD_LOCAL);
  if (library == nullptr) {
    const char* why = dlerror();
    loaded.status = Status::Unsupported(std::string("cannot load ") + kTesseractLibrary + " (" +
                                        (why != nullptr ? why : "unknown error") + ")" + install);
    return loaded;
  }
  TesseractApi& api = loaded.api;
  dlerror();  // so that a failure below reports its own error
  // The member and the symbol share a name, so the list cannot drift apart.
#define GCM_RESOLVE(name) Resolve(library, #name, &api.name)
  const bool complete =
      GCM_RESOLVE(TessBaseAPICreate) && GCM_RESOLVE(TessBaseAPIDelete) &&
      GCM_RESOLVE(TessBaseAPISetVariable) && GCM_RESOLVE(TessBaseAPIInit2) &&
      GCM_RESOLVE(TessBaseAPISetPageSegMode) && GCM_RESOLVE(TessBaseAPISetImage) &&
      GCM_RESOLVE(TessBaseAPISetSourceResolution) && GCM_RESOLVE(TessBaseAPIRecognize) &&
      GCM_RESOLVE(TessBaseAPIGetUTF8Text) && GCM_RESOLVE(TessDeleteText) &&
      GCM_RESOLVE(TessBaseAPIClear) && GCM_RESOLVE(TessBaseAPIEnd) &&
      GCM_RESOLVE(TessMonitorCreate) && GCM_RESOLVE(TessMonitorDelete) &&
      GCM_RESOLVE(TessMonitorSetDeadlineMSecs) && GCM_RESOLVE(TessMonitorSetCancelFunc) &&
      GCM_RESOLVE(TessMonitorSetCancelThis);
#undef GCM_RESOLVE
  if (!complete) {
    const char* why = dlerror();
    loaded.status =
        Status::Unsupported(std::string("cannot use ") + kTesseractLibrary + " (" +
                            (why != nullptr ? why : "a function is missing") + ")" + install);
    loaded.api = TesseractApi();
    dlclose(library);
    return loaded;
  }
  // Searched for in Tesseract and the libraries it depends on, libgomp among
  // them (loaded RTLD_LOCAL, it is not visible to RTLD_DEFAULT).
  Resolve(library, "omp_set_num_threads", &api.omp_set_num_threads);
  Resolve(library, "omp_set_dynamic", &api.omp_set_dynamic);
  // The library stays loaded for the life of the process.
  return loaded;
}

// Tesseract, opened by the first call (from any thread; the others wait for
// it) and never again: a failure is remembered too.
const LoadedTesseract& Tesseract() {
  static const LoadedTesseract loaded = OpenTesseract();
  return loaded;
}

// Holds the calling thread's OpenMP to one thread, where the environment
// asks for that (see the top of the file). Tesseract asks for teams of a
// fixed size (num_threads(4) clauses), which omp_set_num_threads alone does
// not override; with dynamic teams on, libgomp caps a team at
// min(cores, nthreads-var) = 1. Both settings belong to the calling thread.
void LimitOpenMpThreads(const TesseractApi& api) {
  const char* limit = std::getenv("OMP_THREAD_LIMIT");
  if (api.omp_set_num_threads != nullptr && api.omp_set_dynamic != nullptr && limit != nullptr &&
      std::string(limit) == "1") {
    api.omp_set_dynamic(1);
    api.omp_set_num_threads(1);
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

// A page's time limit, as the cancel callback sees it (Tesseract's own copy
// in the monitor cannot be read through the C API).
class PageDeadline {
 public:
  // No limit when timeout_ms <= 0, as for Tesseract's monitor.
  explicit PageDeadline(int timeout_ms)
      : limited_(timeout_ms > 0),
        end_(std::chrono::steady_clock::now() +
             std::chrono::milliseconds(std::max(timeout_ms, 0))) {}
  bool Passed() const { return limited_ && std::chrono::steady_clock::now() > end_; }

 private:
  const bool limited_;
  const std::chrono::steady_clock::time_point end_;
};

// Tesseract's cancel callback: stop when the page's deadline has passed.
// (Tesseract checks the monitor's deadline itself too; the callback makes the
// intent explicit and would also carry any future "stop now" request.)
bool CancelPastDeadline(void* deadline, int /*words*/) {
  return static_cast<const PageDeadline*>(deadline)->Passed();
}

// One worker's Tesseract engine and PDF. Not shared between threads.
class PageReader {
 public:
  PageReader(const TesseractApi& tess, const std::string& pdf_path, const OcrOptions& options,
             std::string tessdata)
      : tess_(tess),
        pdf_path_(pdf_path),
        options_(options),
        tessdata_(std::move(tessdata)),
        api_(tess.TessBaseAPICreate()) {}
  ~PageReader() {
    tess_.TessBaseAPIEnd(api_);
    tess_.TessBaseAPIDelete(api_);
  }
  PageReader(const PageReader&) = delete;
  PageReader& operator=(const PageReader&) = delete;

  Status Open() {
    doc_.reset(poppler::document::load_from_file(pdf_path_));
    if (!doc_ || doc_->is_locked()) {
      return Status::Corruption(pdf_path_ + ": Poppler cannot open the PDF for OCR");
    }
    // Warnings such as "Detected 12 diacritics" are noise in an indexer's log.
    tess_.TessBaseAPISetVariable(api_, "debug_file", "/dev/null");
    const char* datapath = tessdata_.empty() ? nullptr : tessdata_.c_str();
    if (tess_.TessBaseAPIInit2(api_, datapath, options_.languages.c_str(),
                               tesseract::OEM_DEFAULT) != 0) {
      return Status::Unsupported("Tesseract cannot load languages '" + options_.languages +
                                 "' (install tesseract-ocr-spa and tesseract-ocr-eng, or set "
                                 "TESSDATA_PREFIX)");
    }
    tess_.TessBaseAPISetPageSegMode(api_, tesseract::PSM_AUTO);
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

    tess_.TessBaseAPISetImage(api_, reinterpret_cast<const unsigned char*>(image.const_data()),
                              image.width(), image.height(), /*bytes_per_pixel=*/1,
                              image.bytes_per_row());
    tess_.TessBaseAPISetSourceResolution(api_, static_cast<int>(std::lround(dpi)));
    PageDeadline deadline(options_.page_timeout_ms);
    std::unique_ptr<ETEXT_DESC, decltype(tess_.TessMonitorDelete)> monitor(
        tess_.TessMonitorCreate(), tess_.TessMonitorDelete);
    tess_.TessMonitorSetCancelFunc(monitor.get(), &CancelPastDeadline);
    tess_.TessMonitorSetCancelThis(monitor.get(), &deadline);
    tess_.TessMonitorSetDeadlineMSecs(monitor.get(), options_.page_timeout_ms);
    const int rc = tess_.TessBaseAPIRecognize(api_, monitor.get());
    std::string text;
    if (rc == 0 && !deadline.Passed()) {
      std::unique_ptr<char, decltype(tess_.TessDeleteText)> utf8(tess_.TessBaseAPIGetUTF8Text(api_),
                                                                 tess_.TessDeleteText);
      if (utf8) text = utf8.get();
    }
    tess_.TessBaseAPIClear(api_);
    return text;
  }

 private:
  const TesseractApi& tess_;
  const std::string& pdf_path_;
  const OcrOptions& options_;
  const std::string tessdata_;
  std::unique_ptr<poppler::document> doc_;
  TessBaseAPI* const api_;
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
  if (page_indices.empty()) return Status::OK();

  // Only now, with pages to read, is Tesseract loaded.
  const LoadedTesseract& tesseract = Tesseract();
  if (!tesseract.status.ok()) return tesseract.status;
  texts->assign(page_indices.size(), std::string());
  const std::string tessdata = FindTessdata(options.languages);
  unsigned threads = options.threads > 0 ? static_cast<unsigned>(options.threads)
                                         : std::max(1u, std::thread::hardware_concurrency());
  threads = std::min<unsigned>(threads, static_cast<unsigned>(page_indices.size()));

  std::atomic<std::size_t> next{0};
  std::mutex mu;
  Status failure;  // the first worker failure, guarded by mu
  auto work = [&] {
    try {
      LimitOpenMpThreads(tesseract.api);
      PageReader reader(tesseract.api, pdf_path, options, tessdata);
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
