// OCR of the scanned Spanish sample (four image-only pages at 150 dpi): the
// words each page must yield, in page order, with two workers; then the
// limits and the failures, and that Tesseract is loaded only when a page is
// read. The slow part (two pages read, about 3 s each on one core) is shared
// by the table through one call.
#include "extract/ocr.h"

#include <dlfcn.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "text/language.h"
#include "text/normaliser.h"

namespace gcm {
namespace {

const std::string kScanned = GCM_SOURCE_DIR "/corpus/gcm-hitos-5-mecanismo-2023-es-scanned.pdf";

struct OcrCase {
  const char* lang;
  int page_index;                      // 0-based, as OcrPdfPages takes it
  std::vector<std::string> expected;   // words or phrases the page must yield
};

const std::vector<OcrCase> kPages = {
    {"es", 0, {"Mecanismo", "sociedad civil", "PMM", "Pacto Mundial", "lecciones aprendidas",
               "Mesas de Trabajo", "Naciones Unidas"}},
    {"es", 3, {"PMM", "pledges", "migrationnetwork.un.org"}},
};

TEST(OcrPdfPages, ReadsKnownSpanishWordsFromScannedPagesInOrder) {
  std::vector<int> indices;
  for (const OcrCase& c : kPages) indices.push_back(c.page_index);
  OcrOptions options;
  options.threads = 2;
  std::vector<std::string> texts;
  Status s = OcrPdfPages(kScanned, indices, options, &texts);
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_EQ(texts.size(), kPages.size());
  for (std::size_t i = 0; i < kPages.size(); ++i) {
    const std::string text = NormaliseText(texts[i]);
    for (const std::string& word : kPages[i].expected) {
      EXPECT_NE(text.find(word), std::string::npos)
          << kPages[i].lang << " page " << kPages[i].page_index + 1 << " lacks \"" << word
          << "\":\n" << text;
    }
  }
  EXPECT_EQ(DetectLanguage(NormaliseText(texts[0])).code, "es");
  // The first page's Spanish never leaks into the last page's slot.
  EXPECT_EQ(texts[1].find("sociedad civil"), std::string::npos);
}

// Whether libtesseract is in this process (RTLD_NOLOAD never loads it).
bool TesseractIsLoaded() {
  void* handle = dlopen("libtesseract.so.5", RTLD_NOW | RTLD_NOLOAD);
  if (handle != nullptr) dlclose(handle);
  return handle != nullptr;
}

// A search reads no page, so it must not pay for loading Tesseract and its
// thirty-odd libraries: they come in with the first page read. Checked in a
// fresh run of this binary (the "threadsafe" death-test style re-executes
// it), where no other test has read a page yet.
TEST(OcrPdfPages, LoadsTesseractOnlyWhenAPageIsRead) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_EXIT(
      {
        const bool at_start = TesseractIsLoaded();
        std::vector<std::string> texts;
        const Status none = OcrPdfPages(kScanned, {}, OcrOptions(), &texts);
        const bool after_no_pages = TesseractIsLoaded();
        OcrOptions options;
        options.page_timeout_ms = 1;  // the load is the point, not the text
        options.threads = 1;
        const Status one = OcrPdfPages(kScanned, {2}, options, &texts);
        std::fprintf(stderr, "at start %d, after no pages %d (%s), after a page %d (%s)\n",
                     at_start, after_no_pages, none.ToString().c_str(), TesseractIsLoaded(),
                     one.ToString().c_str());
        std::exit(0);
      },
      testing::ExitedWithCode(0), "at start 0, after no pages 0 \\(OK\\), after a page 1 \\(OK\\)");
}

TEST(OcrPdfPages, GivesEmptyTextForAPageOverItsTimeLimit) {
  OcrOptions options;
  options.page_timeout_ms = 1;
  options.threads = 1;
  std::vector<std::string> texts;
  Status s = OcrPdfPages(kScanned, {2}, options, &texts);
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_EQ(texts.size(), 1u);
  EXPECT_EQ(texts[0], "");
}

TEST(OcrPdfPages, ReturnsNothingForNoPages) {
  std::vector<std::string> texts = {"stale"};
  Status s = OcrPdfPages(kScanned, {}, OcrOptions(), &texts);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_TRUE(texts.empty());
}

TEST(OcrPdfPages, RejectsPagesTheFileDoesNotHave) {
  std::vector<std::string> texts;
  for (int index : {-1, 4, 1000}) {
    Status s = OcrPdfPages(kScanned, {0, index}, OcrOptions(), &texts);
    EXPECT_EQ(s.code(), Status::Code::kInvalidArgument) << index << ": " << s.ToString();
    EXPECT_TRUE(texts.empty());
  }
}

TEST(OcrPdfPages, RejectsANonPositiveResolution) {
  OcrOptions options;
  options.dpi = 0;
  std::vector<std::string> texts;
  EXPECT_EQ(OcrPdfPages(kScanned, {0}, options, &texts).code(), Status::Code::kInvalidArgument);
}

TEST(OcrPdfPages, FailsOnAMissingFile) {
  std::vector<std::string> texts;
  Status s = OcrPdfPages(GCM_SOURCE_DIR "/corpus/no-such-file.pdf", {0}, OcrOptions(), &texts);
  EXPECT_EQ(s.code(), Status::Code::kIOError);
  EXPECT_NE(s.message().find("no-such-file.pdf"), std::string::npos) << s.ToString();
}

TEST(OcrPdfPages, FailsOnAFileThatIsNotAPdf) {
  const std::filesystem::path path =
      std::filesystem::temp_directory_path() / "gcmsearch-ocr-test-not-a-pdf.pdf";
  {
    std::ofstream out(path, std::ios::binary);
    out << "%PDF-1.4\nthis is not a PDF body \x01\x02\x03";
  }
  std::vector<std::string> texts;
  Status s = OcrPdfPages(path.string(), {0}, OcrOptions(), &texts);
  std::filesystem::remove(path);
  EXPECT_EQ(s.code(), Status::Code::kCorruption) << s.ToString();
}

TEST(OcrPdfPages, SaysWhatToInstallWhenLanguageDataIsMissing) {
  OcrOptions options;
  options.languages = "xyz";  // no such traineddata
  options.threads = 1;
  std::vector<std::string> texts;
  Status s = OcrPdfPages(kScanned, {0}, options, &texts);
  EXPECT_EQ(s.code(), Status::Code::kUnsupported) << s.ToString();
  EXPECT_NE(s.message().find("xyz"), std::string::npos) << s.ToString();
  EXPECT_TRUE(texts.empty());
}

}  // namespace
}  // namespace gcm
