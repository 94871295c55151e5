// Extraction from the real sample files and from small files made here in
// the encodings and shapes real collections hold.
#include "extract/extractor.h"

#include <gtest/gtest.h>

#include "extract/encoding.h"
#include "test_util.h"

namespace gcm {
namespace {

using testing::CorpusFile;
using testing::TempDir;
using testing::WriteFile;

ExtractOptions NoOcr() {
  ExtractOptions o;
  o.ocr = false;
  return o;
}

TEST(PdfExtractor, ReadsTextPageByPageWithMetadata) {
  Document doc;
  std::string path = CorpusFile("regional-network-work-plan-2023-2024-en.pdf");
  ASSERT_TRUE(Extract(path, "work-plan.pdf", NoOcr(), &doc).ok());
  EXPECT_EQ(doc.format, "pdf");
  EXPECT_EQ(doc.path, "work-plan.pdf");
  ASSERT_EQ(doc.pages.size(), 7u);
  EXPECT_EQ(doc.pages[2].number, 3);
  EXPECT_NE(doc.pages[2].text.find("Compact objectives: 1, 8, 23"), std::string::npos);
  EXPECT_NE(doc.title.find("Work Plan 2023-2024"), std::string::npos) << doc.title;
  EXPECT_EQ(doc.date, "2023-05-15");
  EXPECT_EQ(doc.id.size(), 16u);
}

TEST(PdfExtractor, ReportsScannedPagesWithoutCrashingWhenOcrIsOff) {
  Document doc;
  Status s = Extract(CorpusFile("gcm-hitos-5-mecanismo-2023-es-scanned.pdf"), "scanned.pdf", NoOcr(), &doc);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(doc.pages.size(), 4u);
  ASSERT_FALSE(doc.warnings.empty());
  EXPECT_NE(doc.warnings[0].find("no text layer"), std::string::npos);
}

TEST(PdfExtractor, NamesTheFileWhenThePdfIsTruncated) {
  TempDir dir;
  std::string good = testing::ReadFile(CorpusFile("gcm-key-milestones-5-mechanism-2023-en.pdf"));
  WriteFile(dir / "cut.pdf", good.substr(0, 2000));
  Document doc;
  Status s = Extract(dir / "cut.pdf", "cut.pdf", NoOcr(), &doc);
  // Poppler may salvage a page or refuse: either way no crash, and a
  // refusal names the file.
  if (!s.ok()) {
    EXPECT_EQ(s.message().rfind("cut.pdf: ", 0), 0u) << s.message();
  }
}

TEST(Extractor, RefusesAnEmptyFileNamingIt) {
  TempDir dir;
  WriteFile(dir / "empty.txt", "");
  Document doc;
  Status s = Extract(dir / "empty.txt", "empty.txt", NoOcr(), &doc);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.message(), "empty.txt: the file is empty");
}

TEST(Extractor, RefusesBinaryContentNamingIt) {
  TempDir dir;
  WriteFile(dir / "photo.txt", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  Document doc;
  Status s = Extract(dir / "photo.txt", "photo.txt", NoOcr(), &doc);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("photo.txt"), std::string::npos);
}

TEST(Extractor, RefusesBinaryContentWithoutNulBytes) {
  TempDir dir;
  std::string binary = "%XYZ-1.5\n";  // a PDF whose header is damaged
  for (int i = 0; i < 4000; ++i) binary.push_back(static_cast<char>(1 + (i * 37) % 255));
  WriteFile(dir / "damaged.pdf", binary);
  Document doc;
  Status s = Extract(dir / "damaged.pdf", "damaged.pdf", NoOcr(), &doc);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.message(), "damaged.pdf: not PDF, HTML, Markdown or text (binary content)");
}

TEST(Extractor, SniffsAPdfWhoseExtensionLies) {
  TempDir dir;
  WriteFile(dir / "report.txt", testing::ReadFile(CorpusFile("gcm-key-milestones-5-mechanism-2023-en.pdf")));
  Document doc;
  ASSERT_TRUE(Extract(dir / "report.txt", "report.txt", NoOcr(), &doc).ok());
  EXPECT_EQ(doc.format, "pdf");
  EXPECT_EQ(doc.pages.size(), 5u);  // the fact sheet's five pages
}

TEST(Extractor, GivesTheSameIdToTheSameFileWhateverThePathSpelling) {
  EXPECT_EQ(DocumentIdFor(CorpusFile("first-regional-forum-panama-2023-en.html")),
            DocumentIdFor(testing::CorpusDir() + "/../corpus/first-regional-forum-panama-2023-en.html"));
}

TEST(HtmlExtractor, KeepsVisibleTextTitleLanguageAndLinks) {
  Document doc;
  ASSERT_TRUE(Extract(CorpusFile("first-regional-forum-panama-2023-en.html"), "forum.html", NoOcr(), &doc).ok());
  EXPECT_EQ(doc.format, "html");
  EXPECT_EQ(doc.declared_language, "en");
  EXPECT_NE(doc.title.find("First Regional Forum"), std::string::npos);
  ASSERT_EQ(doc.pages.size(), 1u);
  EXPECT_NE(doc.pages[0].text.find("Panama"), std::string::npos);
  EXPECT_EQ(doc.pages[0].text.find("<p>"), std::string::npos);
}

TEST(HtmlExtractor, SkipsScriptsAndStylesAndReadsDeclaredLatin1) {
  TempDir dir;
  WriteFile(dir / "latin1.html",
            "<html lang=\"es\"><head><meta charset=\"iso-8859-1\"><title>Migraci\xF3n</title>"
            "<style>p{color:red}</style><script>var hidden=1;</script></head>"
            "<body><p>Pacto Mundial para la Migraci\xF3n</p><a href=\"https://x/?gcm_objectives=291\">o13</a>"
            "</body></html>");
  Document doc;
  ASSERT_TRUE(Extract(dir / "latin1.html", "latin1.html", NoOcr(), &doc).ok());
  EXPECT_EQ(doc.title, "Migración");
  EXPECT_NE(doc.pages[0].text.find("Pacto Mundial para la Migración"), std::string::npos);
  EXPECT_EQ(doc.pages[0].text.find("hidden"), std::string::npos);
  EXPECT_EQ(doc.pages[0].text.find("color"), std::string::npos);
  ASSERT_EQ(doc.links.size(), 1u);
  EXPECT_EQ(doc.links[0], "https://x/?gcm_objectives=291");
}

TEST(HtmlExtractor, DetectsWindows1252WhenNothingIsDeclared) {
  TempDir dir;
  WriteFile(dir / "cp1252.html",
            "<html><body><p>La migraci\xF3n y la protecci\xF3n de los ni\xF1os \x93seguros\x94 en "
            "Am\xE9rica Latina y el Caribe, seg\xFAn la Organizaci\xF3n.</p></body></html>");
  Document doc;
  ASSERT_TRUE(Extract(dir / "cp1252.html", "cp1252.html", NoOcr(), &doc).ok());
  EXPECT_NE(doc.pages[0].text.find("migración"), std::string::npos) << doc.pages[0].text;
  EXPECT_NE(doc.pages[0].text.find("niños"), std::string::npos);
}

TEST(HtmlExtractor, SurvivesVeryDeepNesting) {
  TempDir dir;
  std::string html = "<html><body>";
  for (int i = 0; i < 20000; ++i) html += "<div>";
  html += "deep words";
  WriteFile(dir / "deep.html", html);
  Document doc;
  Status s = Extract(dir / "deep.html", "deep.html", NoOcr(), &doc);
  EXPECT_TRUE(s.ok()) << s.ToString();
}

TEST(TextExtractor, ReadsUtf16WithBom) {
  TempDir dir;
  std::string utf16 = "\xFF\xFE";
  for (char c : std::string("Remesas y migraci")) utf16 += std::string{c, '\0'};
  utf16 += std::string("\xF3\0n\0", 4);
  WriteFile(dir / "utf16.txt", utf16);
  Document doc;
  ASSERT_TRUE(Extract(dir / "utf16.txt", "utf16.txt", NoOcr(), &doc).ok());
  EXPECT_EQ(doc.pages[0].text, "Remesas y migración");
}

TEST(TextExtractor, ReplacesInvalidUtf8InsteadOfFailing) {
  TempDir dir;
  WriteFile(dir / "bad.md", "# Plan\n\nvalid text, then \xC3\x28 invalid, then more valid text here");
  Document doc;
  ASSERT_TRUE(Extract(dir / "bad.md", "bad.md", NoOcr(), &doc).ok());
  EXPECT_TRUE(IsValidUtf8(doc.pages[0].text));
  EXPECT_EQ(doc.title, "Plan");
  EXPECT_EQ(doc.format, "md");
}

TEST(TextExtractor, StartsANewPageAtEachFormFeed) {
  TempDir dir;
  WriteFile(dir / "pages.txt", "first page\fsecond page\fthird page\f");
  Document doc;
  ASSERT_TRUE(Extract(dir / "pages.txt", "pages.txt", NoOcr(), &doc).ok());
  ASSERT_EQ(doc.pages.size(), 3u);
  EXPECT_EQ(doc.pages[1].number, 2);
  EXPECT_EQ(doc.pages[1].text, "second page");
}

TEST(Encoding, DetectsByteOrderMarksAndUtf8) {
  EXPECT_EQ(DetectEncoding("\xFF\xFEh\0"), "UTF-16LE");
  EXPECT_EQ(DetectEncoding("\xFE\xFF\0h"), "UTF-16BE");
  EXPECT_EQ(DetectEncoding("migración"), "UTF-8");
}

}  // namespace
}  // namespace gcm

namespace gcm {
namespace {

TEST(PdfExtractor, DoesNotOcrAShortLastPageOfABornDigitalPdf) {
  // Page 7 holds only "and destination.": too little text for a page, but
  // no scan either. Once it was sent to Tesseract (a second per file).
  Document doc;
  ExtractOptions options;  // OCR on
  ASSERT_TRUE(Extract(testing::SourceDir() + "/tests/data/short-last-page-en.pdf", "short.pdf", options, &doc).ok());
  ASSERT_EQ(doc.pages.size(), 7u);
  for (const Page& p : doc.pages) EXPECT_FALSE(p.from_ocr) << "page " << p.number;
  EXPECT_NE(doc.pages[6].text.find("destination"), std::string::npos);
}

}  // namespace
}  // namespace gcm
