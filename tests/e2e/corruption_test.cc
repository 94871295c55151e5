// Corruption tests in the manner of LevelDB's corruption_test: take the good
// sample files, break copies of them on purpose (truncate, flip bytes,
// encrypt, garbage behind a PDF header, binary content under a text name),
// ingest everything together, and assert that the run finishes, names each
// file that could not be read with its reason, and keeps every good
// document searchable.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <random>
#include <set>

#include "test_util.h"

namespace gcm {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing::CommandResult;
using testing::CorpusFile;
using testing::ReadFile;
using testing::RunGcmsearch;
using testing::TempDir;
using testing::WriteFile;

const char* const kGoodFiles[] = {
    "first-regional-forum-panama-2023-en.html",   "gcm-hitos-5-mecanismo-2023-es.pdf",
    "gcm-key-milestones-5-mechanism-2023-en.pdf", "regional-network-work-plan-2023-2024-en.pdf",
    "sela-panel-second-review-2025-en.html",
};
const char kPdf[] = "gcm-key-milestones-5-mechanism-2023-en.pdf";
const char kHtml[] = "sela-panel-second-review-2025-en.html";

std::string FlipBytes(std::string bytes, unsigned seed, double fraction) {
  std::mt19937 rng(seed);
  // The first bytes stay, so that the file is still taken for a PDF.
  std::uniform_int_distribution<std::size_t> where(16, bytes.size() - 1);
  std::uniform_int_distribution<int> bit(0, 7);
  std::size_t flips = std::max<std::size_t>(1, static_cast<std::size_t>(bytes.size() * fraction));
  for (std::size_t i = 0; i < flips; ++i) bytes[where(rng)] ^= static_cast<char>(1 << bit(rng));
  return bytes;
}

bool HaveQpdf() { return testing::HaveProgram("qpdf"); }

class CorruptionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    docs_ = dir_ / "docs";
    fs::create_directory(docs_);
    for (const char* name : kGoodFiles) fs::copy_file(CorpusFile(name), docs_ + "/" + name);
  }

  std::string Doc(const std::string& name) const { return docs_ + "/" + name; }

  CommandResult Ingest() {
    return RunGcmsearch({"ingest", "--no-ocr", "--index", dir_ / "index", docs_});
  }

  // The paths of every indexed document.
  std::set<std::string> IndexedPaths() {
    CommandResult r = RunGcmsearch({"search", "--json", "--limit", "100", "--index", dir_ / "index", ""});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    std::set<std::string> paths;
    json response = json::parse(r.out);
    for (const json& hit : response["results"]) paths.insert(hit["path"].get<std::string>());
    return paths;
  }

  // Every good document is there and answers a search for its own words.
  void ExpectEveryGoodDocumentSearchable() {
    std::set<std::string> paths = IndexedPaths();
    for (const char* name : kGoodFiles) EXPECT_TRUE(paths.count(Doc(name))) << name;
    CommandResult r = RunGcmsearch({"search", "--json", "--limit", "100", "--index", dir_ / "index", "migration"});
    std::set<std::string> hits;
    json response = json::parse(r.out);
    for (const json& hit : response["results"]) hits.insert(hit["path"].get<std::string>());
    for (const char* name : {kPdf, "regional-network-work-plan-2023-2024-en.pdf", kHtml,
                             "first-regional-forum-panama-2023-en.html"}) {
      EXPECT_TRUE(hits.count(Doc(name))) << name;
    }
  }

  // `name` is either named on stderr with a reason, or indexed; not both.
  void ExpectAccountedFor(const CommandResult& r, const std::string& name,
                          const std::set<std::string>& indexed) {
    bool reported = r.err.find("gcmsearch: " + Doc(name) + ": ") != std::string::npos;
    EXPECT_NE(reported, indexed.count(Doc(name)) == 1) << name << "\n" << r.err;
  }

  TempDir dir_;
  std::string docs_;
};

TEST_F(CorruptionTest, TruncatedFilesAreNamedOrSalvagedAndTheRestSearchable) {
  std::string pdf = ReadFile(CorpusFile(kPdf));
  WriteFile(Doc("cut-at-header.pdf"), pdf.substr(0, 9));
  WriteFile(Doc("cut-at-1k.pdf"), pdf.substr(0, 1024));
  WriteFile(Doc("cut-in-half.pdf"), pdf.substr(0, pdf.size() / 2));
  WriteFile(Doc("cut-before-trailer.pdf"), pdf.substr(0, pdf.size() - 64));
  std::string html = ReadFile(CorpusFile(kHtml));
  WriteFile(Doc("cut-in-half.html"), html.substr(0, html.size() / 2));
  CommandResult r = Ingest();
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_NE(r.err.find(Doc("cut-at-header.pdf") + ": not a readable PDF"), std::string::npos) << r.err;
  std::set<std::string> indexed = IndexedPaths();
  for (const char* name : {"cut-at-1k.pdf", "cut-in-half.pdf", "cut-before-trailer.pdf"}) {
    ExpectAccountedFor(r, name, indexed);
  }
  // HTML parsers forgive a missing end: half a page is half a page.
  EXPECT_TRUE(indexed.count(Doc("cut-in-half.html")));
  ExpectEveryGoodDocumentSearchable();
}

TEST_F(CorruptionTest, FlippedBytesNeverStopTheRun) {
  std::string pdf = ReadFile(CorpusFile(kPdf));
  std::string html = ReadFile(CorpusFile(kHtml));
  std::vector<std::string> broken;
  for (unsigned seed = 1; seed <= 12; ++seed) {
    std::string name = "flipped-" + std::to_string(seed) + ".pdf";
    WriteFile(Doc(name), FlipBytes(pdf, seed, seed <= 6 ? 0.001 : 0.02));
    broken.push_back(name);
  }
  for (unsigned seed = 1; seed <= 3; ++seed) {
    std::string name = "flipped-" + std::to_string(seed) + ".html";
    WriteFile(Doc(name), FlipBytes(html, seed, 0.01));
    broken.push_back(name);
  }
  CommandResult r = Ingest();
  EXPECT_TRUE(r.exit_code == 0 || r.exit_code == 3) << r.exit_code << r.err;
  std::set<std::string> indexed = IndexedPaths();
  for (const std::string& name : broken) ExpectAccountedFor(r, name, indexed);
  ExpectEveryGoodDocumentSearchable();
}

TEST_F(CorruptionTest, AnEncryptedPdfIsNamedAsEncrypted) {
  if (!HaveQpdf()) GTEST_SKIP() << "qpdf not installed (tools/install-deps --test)";
  CommandResult qpdf =
      testing::RunProgram("qpdf", {"--encrypt", "user", "owner", "256", "--", CorpusFile(kPdf), Doc("locked.pdf")});
  ASSERT_EQ(qpdf.exit_code, 0) << qpdf.err;
  CommandResult r = Ingest();
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_NE(r.err.find(Doc("locked.pdf") + ": the PDF is encrypted (password needed)"), std::string::npos)
      << r.err;
  EXPECT_FALSE(IndexedPaths().count(Doc("locked.pdf")));
  ExpectEveryGoodDocumentSearchable();
}

TEST_F(CorruptionTest, GarbageBehindAPdfHeaderIsNamed) {
  std::mt19937 rng(7);
  std::string garbage = "%PDF-1.7\n";
  for (int i = 0; i < 20000; ++i) garbage.push_back(static_cast<char>(rng()));
  WriteFile(Doc("garbage.pdf"), garbage);
  CommandResult r = Ingest();
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_NE(r.err.find(Doc("garbage.pdf") + ": "), std::string::npos) << r.err;
  ExpectEveryGoodDocumentSearchable();
}

TEST_F(CorruptionTest, WrongExtensionsAreSniffedAndBinaryContentIsNamed) {
  fs::copy_file(CorpusFile(kPdf), Doc("really-a-pdf.md"));
  fs::copy_file(CorpusFile(kHtml), Doc("really-html.txt"));
  WriteFile(Doc("really-a-png.html"), std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10", 20));
  WriteFile(Doc("zeros.md"), std::string(4096, '\0'));
  // A damaged PDF header: the rest is a PDF's binary body, not text.
  std::string pdf = ReadFile(CorpusFile(kPdf));
  pdf.replace(0, 5, "%XYZ-");
  WriteFile(Doc("bad-header.pdf"), pdf);
  CommandResult r = Ingest();
  EXPECT_EQ(r.exit_code, 3) << r.err;
  std::set<std::string> indexed = IndexedPaths();
  EXPECT_TRUE(indexed.count(Doc("really-a-pdf.md")));
  EXPECT_TRUE(indexed.count(Doc("really-html.txt")));
  for (const char* name : {"really-a-png.html", "zeros.md", "bad-header.pdf"}) {
    EXPECT_NE(r.err.find(Doc(name) + ": not PDF, HTML, Markdown or text (binary content)"), std::string::npos)
        << name << "\n"
        << r.err;
    EXPECT_FALSE(indexed.count(Doc(name))) << name;
  }
  ExpectEveryGoodDocumentSearchable();
}

}  // namespace
}  // namespace gcm
