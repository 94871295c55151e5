// End to end through the real binary: ingest the sample corpus into a
// temporary database and search it as a user would, in the manner of
// Omega's omindexcheck (per file: what must be found).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "test_util.h"

namespace gcm {
namespace {

using nlohmann::json;
using testing::Quote;
using testing::RunGcmsearch;

class CorpusTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir();
    index_ = *dir_ / "index";
    // OCR is tested in its own suite; here it would only add minutes.
    ingest_ = new testing::CommandResult(
        RunGcmsearch("ingest --no-ocr --index " + Quote(index_) + " " + Quote(testing::CorpusDir())));
  }
  static void TearDownTestSuite() {
    delete ingest_;
    delete dir_;
  }

  static json Search(const std::string& args) {
    testing::CommandResult r = RunGcmsearch("search --json --index " + Quote(index_) + " " + args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return json::parse(r.out);
  }

  static std::set<std::string> Files(const json& response) {
    std::set<std::string> out;
    for (const json& r : response["results"]) {
      std::string path = r["path"];
      out.insert(path.substr(path.rfind('/') + 1));
    }
    return out;
  }

  static testing::TempDir* dir_;
  static std::string index_;
  static testing::CommandResult* ingest_;
};

testing::TempDir* CorpusTest::dir_ = nullptr;
std::string CorpusTest::index_;
testing::CommandResult* CorpusTest::ingest_ = nullptr;

TEST_F(CorpusTest, IngestsEveryFileAndSaysSo) {
  EXPECT_EQ(ingest_->exit_code, 0) << ingest_->err;
  EXPECT_NE(ingest_->err.find("indexed 6"), std::string::npos) << ingest_->err;
  // The scanned PDF is reported, not fatal.
  EXPECT_NE(ingest_->err.find("gcm-hitos-5-mecanismo-2023-es-scanned.pdf"), std::string::npos);
}

TEST_F(CorpusTest, MigrationFindsTheFactSheetTheWorkPlanAndBothHtmlPages) {
  std::set<std::string> files = Files(Search("migration"));
  for (const char* expected :
       {"gcm-key-milestones-5-mechanism-2023-en.pdf", "regional-network-work-plan-2023-2024-en.pdf",
        "first-regional-forum-panama-2023-en.html", "sela-panel-second-review-2025-en.html"}) {
    EXPECT_TRUE(files.count(expected)) << expected;
  }
}

TEST_F(CorpusTest, PdfHitsCarryPageNumbersAndMarkedSnippets) {
  json response = Search("migration");
  int pdfs = 0;
  for (const json& r : response["results"]) {
    if (r["format"] != "pdf") continue;
    ++pdfs;
    EXPECT_FALSE(r["pages"].empty()) << r["path"];
    EXPECT_NE(r["snippet"].get<std::string>().find("<mark>"), std::string::npos) << r["path"];
  }
  EXPECT_GE(pdfs, 2);
}

TEST_F(CorpusTest, AnswersWithEveryFieldOfTheInterface) {
  json response = Search("migration");
  ASSERT_TRUE(response.contains("total"));
  ASSERT_TRUE(response["facets"].contains("objective"));
  ASSERT_TRUE(response["facets"].contains("lang"));
  for (const json& r : response["results"]) {
    for (const char* field : {"id", "path", "title", "lang", "format", "objectives", "translations",
                              "score", "pages", "snippet"}) {
      EXPECT_TRUE(r.contains(field)) << field;
    }
  }
}

TEST_F(CorpusTest, FindsAWordOnlyOnTheThirdPageOfTheWorkPlan) {
  json response = Search("\"Compact objectives\"");
  bool found = false;
  for (const json& r : response["results"]) {
    std::string path = r["path"];
    if (path.find("work-plan") == std::string::npos) continue;
    found = true;
    std::vector<int> pages = r["pages"];
    EXPECT_NE(std::find(pages.begin(), pages.end(), 3), pages.end());
  }
  EXPECT_TRUE(found);
}

TEST_F(CorpusTest, ALanguageOptionTakesOneValueAndLeavesTheRestToTheQuery) {
  // Once, `--lang en civil society` read "civil" and "society" as languages.
  json response = Search("--lang en civil society");
  ASSERT_FALSE(response["results"].empty());
  for (const json& r : response["results"]) {
    EXPECT_EQ(r["lang"], "en");
    EXPECT_NE(r["snippet"].get<std::string>().find("<mark>"), std::string::npos) << r["path"];
  }
}

TEST_F(CorpusTest, RejectsAnUnknownLanguageFilterInOneLine) {
  testing::CommandResult r = RunGcmsearch("search --index " + Quote(index_) + " --lang civil migration");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("not a language code"), std::string::npos) << r.err;
}

TEST_F(CorpusTest, ShowsADocumentByThePathItWasIngestedUnder) {
  std::string path = testing::CorpusFile("first-regional-forum-panama-2023-en.html");
  testing::CommandResult r = RunGcmsearch("show --json --index " + Quote(index_) + " " + Quote(path));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json doc = json::parse(r.out);
  EXPECT_EQ(doc["path"], path);
  EXPECT_EQ(doc["format"], "html");
  EXPECT_TRUE(doc.contains("mentions"));
}

TEST_F(CorpusTest, ReingestingTheSameFilesNeverDuplicates) {
  testing::CommandResult again = RunGcmsearch("ingest --no-ocr --index " + Quote(index_) + " " +
                                              Quote(testing::CorpusDir()));
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.err.find("unchanged 6"), std::string::npos) << again.err;
  json all = Search("--limit 50 ''");
  EXPECT_EQ(all["total"], 6);
}

TEST_F(CorpusTest, XapiansOwnToolsOpenTheDatabase) {
  if (std::system("command -v xapian-delve >/dev/null 2>&1") != 0) GTEST_SKIP() << "xapian-delve not installed";
  std::string cmd = "xapian-delve " + Quote(index_) + " >/dev/null 2>&1";
  EXPECT_EQ(std::system(cmd.c_str()), 0);
}

TEST(Ingest, ExitsThreeNamingTheBrokenFileAndKeepsTheRest) {
  testing::TempDir dir;
  std::filesystem::create_directory(dir / "docs");
  testing::WriteFile(dir / "docs/good.md", "# Remittances\n\nRemittances to Latin America grew in 2023.");
  testing::WriteFile(dir / "docs/broken.pdf", "%PDF-1.4\n garbage that is not a PDF");
  testing::CommandResult r =
      RunGcmsearch("ingest --index " + Quote(dir / "index") + " " + Quote(dir / "docs"));
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_NE(r.err.find("broken.pdf: "), std::string::npos) << r.err;
  testing::CommandResult s = RunGcmsearch("search --json --index " + Quote(dir / "index") + " remittances");
  ASSERT_EQ(s.exit_code, 0);
  EXPECT_EQ(json::parse(s.out)["total"], 1);
}

TEST(Cli, ExplainsAMissingIndexInOneLine) {
  testing::CommandResult r = RunGcmsearch("search --index /nonexistent/gcm migration");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("gcmsearch ingest"), std::string::npos) << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1);
}

}  // namespace
}  // namespace gcm

namespace gcm {
namespace {

TEST(ScannedPdf, IsSearchableThroughOcrWithPagesMarkedAsOcr) {
  testing::TempDir dir;
  std::string index = dir / "index";
  testing::CommandResult ingest = RunGcmsearch(
      "ingest --index " + Quote(index) + " " + Quote(testing::CorpusFile("gcm-hitos-5-mecanismo-2023-es-scanned.pdf")));
  ASSERT_EQ(ingest.exit_code, 0) << ingest.err;
  testing::CommandResult r = RunGcmsearch("search --json --index " + Quote(index) + " sociedad civil");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json response = json::parse(r.out);
  ASSERT_EQ(response["results"].size(), 1u);
  const json& hit = response["results"][0];
  EXPECT_EQ(hit["lang"], "es");
  EXPECT_FALSE(hit["pages"].empty());
  EXPECT_EQ(hit["ocr_pages"], json::array({1, 2, 3, 4}));
  EXPECT_FALSE(hit["title"].get<std::string>().empty());
  // Accent-insensitive on OCR text too: "migración" as typed.
  r = RunGcmsearch("search --json --index " + Quote(index) + " migración");
  EXPECT_EQ(json::parse(r.out)["total"], 1);
  // An unchanged scanned file is not read (or OCRed) again.
  testing::CommandResult again = RunGcmsearch(
      "ingest --index " + Quote(index) + " " + Quote(testing::CorpusFile("gcm-hitos-5-mecanismo-2023-es-scanned.pdf")));
  EXPECT_NE(again.err.find("unchanged 1"), std::string::npos) << again.err;
}

}  // namespace
}  // namespace gcm
