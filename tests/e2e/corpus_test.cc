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
using testing::RunGcmsearch;

// The corpus index is shared (testing::CorpusIndexFixture): built once per
// build of gcmsearch, read-only here.
class CorpusTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string error;
    dir_ = new std::filesystem::path(testing::CorpusIndexFixture(&error));
    ASSERT_FALSE(dir_->empty()) << error;
    index_ = (*dir_ / "index").string();
  }
  static void TearDownTestSuite() { delete dir_; }

  void SetUp() override { ASSERT_FALSE(index_.empty()) << "the corpus fixture was not built"; }

  static json Search(std::vector<std::string> args) {
    args.insert(args.begin(), {"search", "--json", "--index", index_});
    testing::CommandResult r = RunGcmsearch(args);
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

  static std::filesystem::path* dir_;
  static std::string index_;
};

std::filesystem::path* CorpusTest::dir_ = nullptr;
std::string CorpusTest::index_;

TEST_F(CorpusTest, IngestsEveryFileAndSaysSo) {
  std::string err = testing::ReadFile((*dir_ / "ingest.err").string());
  EXPECT_EQ(testing::ReadFile((*dir_ / "ingest.status").string()), "0") << err;
  EXPECT_NE(err.find("indexed 6"), std::string::npos) << err;
  // The scanned PDF is reported, not fatal.
  EXPECT_NE(err.find("gcm-hitos-5-mecanismo-2023-es-scanned.pdf"), std::string::npos) << err;
}

TEST_F(CorpusTest, MigrationFindsTheFactSheetTheWorkPlanAndBothHtmlPages) {
  std::set<std::string> files = Files(Search({"migration"}));
  for (const char* expected :
       {"gcm-key-milestones-5-mechanism-2023-en.pdf", "regional-network-work-plan-2023-2024-en.pdf",
        "first-regional-forum-panama-2023-en.html", "sela-panel-second-review-2025-en.html"}) {
    EXPECT_TRUE(files.count(expected)) << expected;
  }
}

TEST_F(CorpusTest, PdfHitsCarryPageNumbersAndMarkedSnippets) {
  json response = Search({"migration"});
  int pdfs = 0;
  for (const json& r : response["results"]) {
    if (r["format"] != "pdf") continue;
    ++pdfs;
    EXPECT_FALSE(r["pages"].empty()) << r["path"];
    EXPECT_NE(r["snippet"].get<std::string>().find("<mark>"), std::string::npos) << r["path"];
  }
  EXPECT_EQ(pdfs, 3);  // the two English PDFs and the Spanish fact sheet
}

TEST_F(CorpusTest, AnswersWithEveryFieldOfTheInterface) {
  json response = Search({"migration"});
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
  json response = Search({"\"Compact objectives\""});
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
  json response = Search({"--lang", "en", "civil", "society"});
  ASSERT_FALSE(response["results"].empty());
  for (const json& r : response["results"]) {
    EXPECT_EQ(r["lang"], "en");
    EXPECT_NE(r["snippet"].get<std::string>().find("<mark>"), std::string::npos) << r["path"];
  }
}

TEST_F(CorpusTest, RejectsAnUnknownLanguageFilterInOneLine) {
  testing::CommandResult r = RunGcmsearch({"search", "--index", index_, "--lang", "civil", "migration"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("not a language code"), std::string::npos) << r.err;
}

TEST_F(CorpusTest, ShowsADocumentByThePathItWasIngestedUnder) {
  std::string path = testing::CorpusFile("first-regional-forum-panama-2023-en.html");
  testing::CommandResult r = RunGcmsearch({"show", "--json", "--index", index_, path});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json doc = json::parse(r.out);
  EXPECT_EQ(doc["path"], path);
  EXPECT_EQ(doc["format"], "html");
  EXPECT_TRUE(doc.contains("mentions"));
}

TEST_F(CorpusTest, ReingestingTheSameFilesNeverDuplicates) {
  // A run writes (and locks) the index: on a copy of the shared one.
  testing::TempDir dir;
  testing::CopyFixture(index_, dir / "index");
  testing::CommandResult again =
      RunGcmsearch({"ingest", "--no-ocr", "--index", dir / "index", testing::CorpusDir()});
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.err.find("unchanged 6"), std::string::npos) << again.err;
  testing::CommandResult all = RunGcmsearch({"search", "--json", "--limit", "50", "--index", dir / "index", ""});
  ASSERT_EQ(all.exit_code, 0) << all.err;
  EXPECT_EQ(json::parse(all.out)["total"], 6);
}

TEST_F(CorpusTest, XapiansOwnToolsOpenTheDatabase) {
  if (!testing::HaveProgram("xapian-delve")) GTEST_SKIP() << "xapian-delve not installed";
  testing::CommandResult r = testing::RunProgram("xapian-delve", {index_});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("number of documents = 6"), std::string::npos) << r.out;
}

TEST(Ingest, ExitsThreeNamingTheBrokenFileAndKeepsTheRest) {
  testing::TempDir dir;
  std::filesystem::create_directory(dir / "docs");
  testing::WriteFile(dir / "docs/good.md", "# Remittances\n\nRemittances to Latin America grew in 2023.");
  testing::WriteFile(dir / "docs/broken.pdf", "%PDF-1.4\n garbage that is not a PDF");
  testing::CommandResult r =
      RunGcmsearch({"ingest", "--index", dir / "index", dir / "docs"});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_NE(r.err.find("broken.pdf: "), std::string::npos) << r.err;
  testing::CommandResult s = RunGcmsearch({"search", "--json", "--index", dir / "index", "remittances"});
  ASSERT_EQ(s.exit_code, 0);
  EXPECT_EQ(json::parse(s.out)["total"], 1);
}

TEST(Cli, ExplainsAMissingIndexInOneLine) {
  testing::CommandResult r = RunGcmsearch({"search", "--index", "/nonexistent/gcm", "migration"});
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
  const std::string scanned = testing::CorpusFile("gcm-hitos-5-mecanismo-2023-es-scanned.pdf");
  testing::CommandResult ingest = RunGcmsearch({"ingest", "--index", index, scanned});
  ASSERT_EQ(ingest.exit_code, 0) << ingest.err;
  testing::CommandResult r = RunGcmsearch({"search", "--json", "--index", index, "sociedad", "civil"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json response = json::parse(r.out);
  ASSERT_EQ(response["results"].size(), 1u);
  const json& hit = response["results"][0];
  EXPECT_EQ(hit["lang"], "es");
  EXPECT_FALSE(hit["pages"].empty());
  EXPECT_EQ(hit["ocr_pages"], json::array({1, 2, 3, 4}));
  EXPECT_FALSE(hit["title"].get<std::string>().empty());
  // Accent-insensitive on OCR text too: "migración" as typed.
  r = RunGcmsearch({"search", "--json", "--index", index, "migración"});
  EXPECT_EQ(json::parse(r.out)["total"], 1);
  // An unchanged scanned file is not read (or OCRed) again.
  testing::CommandResult again = RunGcmsearch({"ingest", "--index", index, scanned});
  EXPECT_NE(again.err.find("unchanged 1"), std::string::npos) << again.err;
}

}  // namespace
}  // namespace gcm
