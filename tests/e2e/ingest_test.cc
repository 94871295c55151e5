// `gcmsearch ingest` through the real binary: incremental re-runs, failed
// files remembered, the summary, and the odd but readable inputs real
// collections hold. (Worker isolation, a file that crashes, hangs or
// exhausts memory, is tested through the library with injected faults:
// tests/ingest/ingester_test.cc.)
#include <gtest/gtest.h>
#include <pty.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "make_pdf.h"
#include "test_util.h"

namespace gcm {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing::CommandResult;
using testing::RunGcmsearch;
using testing::TempDir;
using testing::WriteFile;

// A folder of documents and an index beside it.
class IngestTest : public ::testing::Test {
 protected:
  IngestTest() { fs::create_directory(docs()); }

  std::string docs() const { return dir_ / "docs"; }
  std::string doc(const std::string& name) const { return docs() + "/" + name; }
  std::string index() const { return dir_ / "index"; }

  // `gcmsearch ingest --no-ocr --index INDEX ARGS... DOCS`.
  CommandResult Ingest(std::vector<std::string> args = {}) {
    args.insert(args.begin(), {"ingest", "--no-ocr", "--index", index()});
    args.push_back(docs());
    return RunGcmsearch(args);
  }
  json IngestJson(std::vector<std::string> args = {}) {
    args.insert(args.begin(), "--json");
    CommandResult r = Ingest(args);
    last_ = r;
    json j = json::parse(r.out, nullptr, false);
    EXPECT_FALSE(j.is_discarded()) << r.out << r.err;
    return j;
  }
  json Search(const std::string& query) {
    CommandResult r = RunGcmsearch({"search", "--json", "--limit", "100", "--index", index(), query});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    json j = json::parse(r.out, nullptr, false);
    EXPECT_FALSE(j.is_discarded()) << r.out;
    return j;
  }
  int Total(const std::string& query) {
    json j = Search(query);
    return j.is_discarded() ? -1 : j["total"].get<int>();
  }
  // Moves a file's mtime so that a change within the same second is seen.
  void Touch(const std::string& path, int seconds_later) {
    fs::last_write_time(path, fs::last_write_time(path) + std::chrono::seconds(seconds_later));
  }

  TempDir dir_;
  CommandResult last_;
};

// ---- Incremental runs -------------------------------------------------------

TEST_F(IngestTest, ReRunAddsNewReplacesChangedRemovesGoneAndSkipsTheRest) {
  WriteFile(doc("a.md"), "# A\n\nRemittances alpha.");
  WriteFile(doc("b.md"), "# B\n\nRemittances bravo original.");
  WriteFile(doc("c.md"), "# C\n\nRemittances charlie.");
  json first = IngestJson();
  EXPECT_EQ(first["indexed"], 3);
  EXPECT_EQ(last_.exit_code, 0) << last_.err;

  WriteFile(doc("b.md"), "# B\n\nRemittances bravo revised edition.");
  Touch(doc("b.md"), 5);
  fs::remove(doc("c.md"));
  WriteFile(doc("d.md"), "# D\n\nRemittances delta.");
  json second = IngestJson();
  EXPECT_EQ(second["indexed"], 2);
  EXPECT_EQ(second["unchanged"], 1);
  EXPECT_EQ(second["removed"], 1);
  EXPECT_EQ(second["failed"], 0);
  EXPECT_EQ(last_.exit_code, 0) << last_.err;

  EXPECT_EQ(Total("remittances"), 3);
  EXPECT_EQ(Total("original"), 0);
  EXPECT_EQ(Total("revised"), 1);
  EXPECT_EQ(Total("charlie"), 0);
  EXPECT_EQ(Total("delta"), 1);
}

TEST_F(IngestTest, KeepMissingKeepsTheDocumentsOfFilesThatAreGone) {
  WriteFile(doc("a.md"), "# A\n\nRemittances alpha.");
  WriteFile(doc("c.md"), "# C\n\nRemittances charlie.");
  IngestJson();
  fs::remove(doc("c.md"));
  json second = IngestJson({"--keep-missing"});
  EXPECT_EQ(second["removed"], 0);
  EXPECT_EQ(Total("charlie"), 1);
}

TEST_F(IngestTest, HelpSaysHowToKeepDocumentsOfMissingFiles) {
  CommandResult r = RunGcmsearch({"ingest", "--help"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("--keep-missing"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("--timeout"), std::string::npos);
  EXPECT_NE(r.out.find("--max-memory"), std::string::npos);
  EXPECT_NE(r.out.find("--batch-size"), std::string::npos);
}

TEST_F(IngestTest, SecondRunOverUnchangedFilesReadsNothing) {
  for (int i = 0; i < 50; ++i) {
    WriteFile(doc("n" + std::to_string(i) + ".md"), "# N\n\nMigration note " + std::to_string(i));
  }
  EXPECT_EQ(IngestJson()["indexed"], 50);
  json second = IngestJson();
  EXPECT_EQ(second["indexed"], 0);
  EXPECT_EQ(second["unchanged"], 50);
  EXPECT_LT(second["seconds"].get<double>(), 5.0);
}

// ---- Failed files -------------------------------------------------------

TEST_F(IngestTest, ABrokenFileGetsOneLineIsRememberedAndRetriedOnlyWhenItChanges) {
  WriteFile(doc("good.md"), "# Good\n\nRemittances.");
  WriteFile(doc("broken.pdf"), "%PDF-1.4\n garbage that is not a PDF");
  CommandResult first = Ingest();
  EXPECT_EQ(first.exit_code, 3);
  EXPECT_NE(first.err.find(doc("broken.pdf") + ": not a readable PDF"), std::string::npos) << first.err;

  json second = IngestJson();
  EXPECT_EQ(second["failed"], 0);  // not read again
  EXPECT_EQ(second["skipped_failed"], 1);
  ASSERT_EQ(second["remembered_failures"].size(), 1u);
  EXPECT_EQ(second["remembered_failures"][0]["path"], doc("broken.pdf"));
  EXPECT_EQ(last_.exit_code, 3);  // still not in the index

  WriteFile(doc("broken.pdf"), testing::MakePdf({"Remittances fixed at last in this version"}));
  Touch(doc("broken.pdf"), 5);
  json third = IngestJson();
  EXPECT_EQ(third["indexed"], 1);
  EXPECT_EQ(third["skipped_failed"], 0);
  EXPECT_EQ(last_.exit_code, 0) << last_.err;
  EXPECT_EQ(Total("remittances"), 2);
}

TEST_F(IngestTest, ForceRetriesARememberedFailure) {
  WriteFile(doc("broken.pdf"), "%PDF-1.4\n garbage");
  Ingest();
  json again = IngestJson({"--force"});
  EXPECT_EQ(again["failed"], 1);
  EXPECT_EQ(again["skipped_failed"], 0);
}

// ---- Output --------------------------------------------------------------

TEST_F(IngestTest, JsonSummaryIsTheOnlyThingOnStdout) {
  WriteFile(doc("a.md"), "# A\n\nRemittances alpha.");
  WriteFile(doc("bad.txt"), std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  json j = IngestJson();
  for (const char* field : {"seen", "indexed", "unchanged", "removed", "failed", "skipped_failed", "seconds",
                            "failures", "remembered_failures"}) {
    EXPECT_TRUE(j.contains(field)) << field;
  }
  ASSERT_EQ(j["failures"].size(), 1u);
  EXPECT_EQ(j["failures"][0]["path"], doc("bad.txt"));
  EXPECT_EQ(last_.exit_code, 3);
}

TEST_F(IngestTest, WithoutATerminalPrintsOnlyFailuresAndTheSummary) {
  WriteFile(doc("a.md"), "# A\n\nRemittances alpha.");
  CommandResult r = Ingest();
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err.find('\r'), std::string::npos) << "progress drawn without a terminal";
  EXPECT_EQ(r.err.find("\x1b["), std::string::npos);
  EXPECT_NE(r.err.find("indexed 1, unchanged 0, removed 0, failed 0 in "), std::string::npos) << r.err;
}

TEST_F(IngestTest, OnATerminalShowsFilesDoneOfTotalRateAndTimeLeft) {
  for (int i = 0; i < 5; ++i) WriteFile(doc("n" + std::to_string(i) + ".md"), "# N\n\nMigration note.");
  int master = -1;
  pid_t pid = ::forkpty(&master, nullptr, nullptr, nullptr);
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    std::string index_dir = index(), docs_dir = docs();
    ::execl(GCM_BINARY, GCM_BINARY, "ingest", "--no-ocr", "--index", index_dir.c_str(), docs_dir.c_str(),
            static_cast<char*>(nullptr));
    ::_exit(127);
  }
  std::string screen;
  char buf[4096];
  ssize_t n;
  while ((n = ::read(master, buf, sizeof buf)) > 0) screen.append(buf, static_cast<std::size_t>(n));
  ::close(master);
  int status = 0;
  ::waitpid(pid, &status, 0);
  EXPECT_EQ(WEXITSTATUS(status), 0) << screen;
  EXPECT_NE(screen.find("5/5 files"), std::string::npos) << screen;
  EXPECT_NE(screen.find("files/s"), std::string::npos) << screen;
  EXPECT_NE(screen.find("s left"), std::string::npos) << screen;
  EXPECT_NE(screen.find("indexed 5, unchanged 0, removed 0, failed 0 in "), std::string::npos) << screen;
}

TEST_F(IngestTest, QuietPrintsNothingWhenAllGoesWell) {
  WriteFile(doc("a.md"), "# A\n\nRemittances alpha.");
  CommandResult r = Ingest({"--quiet"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.err, "");
}

// ---- Odd but readable input ---------------------------------------------

TEST_F(IngestTest, ReadsLatin1AndWindows1252HtmlByTheirCharset) {
  WriteFile(doc("latin1.html"),
            "<html><head><meta charset=\"iso-8859-1\"><title>Migraci\xF3n</title></head>"
            "<body><p>Protecci\xF3n de ni\xF1os migrantes</p></body></html>");
  WriteFile(doc("cp1252.html"),
            "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">"
            "</head><body><p>\x93"
            "Caf\xE9\x94 y se\xF1"
            "ales \x96 pol\xED"
            "tica migratoria</p></body></html>");
  EXPECT_EQ(Ingest().exit_code, 0) << last_.err;
  EXPECT_EQ(Total("niños"), 1);
  EXPECT_EQ(Total("protección"), 1);
  EXPECT_EQ(Total("señales"), 1);
  EXPECT_EQ(Total("política"), 1);
  json hit = Search("señales")["results"][0];
  // Windows-1252, not Latin-1: 0x94 is a closing quote, not a C1 control.
  EXPECT_NE(hit["snippet"].get<std::string>().find("Caf\xC3\xA9\xE2\x80\x9D"), std::string::npos)
      << hit["snippet"];
}

TEST_F(IngestTest, ReadsUtf16TextWithAByteOrderMark) {
  auto utf16 = [](const std::string& ascii, bool little) {
    std::string out = little ? "\xFF\xFE" : "\xFE\xFF";
    for (char c : ascii) out += little ? std::string{c, '\0'} : std::string{'\0', c};
    return out;
  };
  WriteFile(doc("le.txt"), utf16("Remittances in little endian", true));
  WriteFile(doc("be.txt"), utf16("Remittances in big endian", false));
  EXPECT_EQ(Ingest().exit_code, 0);
  EXPECT_EQ(Total("little"), 1);
  EXPECT_EQ(Total("big"), 1);
}

TEST_F(IngestTest, ReplacesInvalidUtf8BytesInsteadOfFailing) {
  WriteFile(doc("bad.md"), "# Plan\n\nremittances \xC3\x28 then \xFF\xFE more remittances \xE2\x82");
  CommandResult r = Ingest();
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Total("remittances"), 1);
}

TEST_F(IngestTest, SniffsContentWhoseExtensionLies) {
  WriteFile(doc("report.html"), testing::MakePdf({"A PDF dressed as HTML about remittances"}));
  WriteFile(doc("page.txt"),
            "<!DOCTYPE html><html><head><title>Dressed</title></head>"
            "<body><script>var hidden=1;</script><p>Remittances page</p></body></html>");
  EXPECT_EQ(Ingest().exit_code, 0) << last_.err;
  json results = Search("remittances")["results"];
  ASSERT_EQ(results.size(), 2u);
  for (const json& r : results) {
    std::string path = r["path"];
    EXPECT_EQ(r["format"], path.find("report.html") != std::string::npos ? "pdf" : "html") << path;
  }
  EXPECT_EQ(Total("hidden"), 0);
}

TEST_F(IngestTest, NamesWithSpacesAndAccentsAreReadAndShown) {
  std::string name = "informe de migración – año 2023 (versión final).md";
  WriteFile(doc(name), "# Informe\n\nRemesas familiares.");
  CommandResult r = Ingest();
  EXPECT_EQ(r.exit_code, 0) << r.err;
  json results = Search("remesas")["results"];
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0]["path"], doc(name));
  CommandResult show = RunGcmsearch({"show", "--json", "--index", index(), doc(name)});
  EXPECT_EQ(show.exit_code, 0) << show.err;
}

TEST_F(IngestTest, SurvivesDeeplyNestedHtml) {
  std::string html = "<html><body>";
  for (int i = 0; i < 100000; ++i) html += i % 2 ? "<div>" : "<span>";
  html += "remittances deep down";
  WriteFile(doc("deep.html"), html);
  WriteFile(doc("good.md"), "# Good\n\nRemittances.");
  CommandResult r = Ingest();
  // Read, or refused with a reason; never a crash, and the rest goes in.
  EXPECT_EQ(r.err.find("crashed"), std::string::npos) << r.err;
  EXPECT_GE(Total("remittances"), 1);
}

TEST_F(IngestTest, FollowsASymlinkLoopOnceAndNeverForever) {
  fs::create_directories(doc("sub/deeper"));
  WriteFile(doc("sub/deeper/a.md"), "# A\n\nRemittances alpha.");
  fs::create_directory_symlink("../..", doc("sub/deeper/loop"));    // back to docs/
  fs::create_directory_symlink(doc("sub"), doc("again"));           // the same folder twice
  fs::create_symlink(doc("sub/deeper/a.md"), doc("link-to-a.md"));  // the same file twice
  auto started = std::chrono::steady_clock::now();
  CommandResult r = Ingest();
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(30));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Total("alpha"), 1);
}

TEST_F(IngestTest, EmptyFilesAreNamedAndTheRestIndexed) {
  WriteFile(doc("empty.md"), "");
  WriteFile(doc("empty.pdf"), "");
  WriteFile(doc("good.md"), "# Good\n\nRemittances.");
  CommandResult r = Ingest();
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find(doc("empty.md") + ": the file is empty"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(doc("empty.pdf") + ": the file is empty"), std::string::npos) << r.err;
  EXPECT_EQ(Total("remittances"), 1);
}

TEST_F(IngestTest, ReadsAPdfWithThousandsOfPages) {
  std::vector<std::string> pages;
  for (int i = 1; i <= 3000; ++i)
    pages.push_back("Page " + std::to_string(i) + " of the long migration report");
  pages[2499] = "Page 2500 of the long migration report mentions remittances once";
  WriteFile(doc("long.pdf"), testing::MakePdf(pages));
  CommandResult r = Ingest();
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json results = Search("remittances")["results"];
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0]["pages"], json::array({2500}));
  CommandResult show = RunGcmsearch({"show", "--json", "--index", index(), doc("long.pdf")});
  EXPECT_EQ(json::parse(show.out)["pages"].size(), 3000u);
}

TEST_F(IngestTest, CapsAHugeTextFileWithAWarning) {
  // Over the 16 MiB that a text file is read up to; written sparse-free but
  // quickly, a line repeated.
  {
    std::ofstream out(doc("huge.txt"), std::ios::binary);
    out << "Remittances head line\n";
    std::string line(1023, 'x');
    line += '\n';
    for (int i = 0; i < 18 * 1024; ++i) out << line;
    out << "tailword after the cap\n";
  }
  CommandResult r = Ingest();
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("huge.txt: only the first 16 MiB were read"), std::string::npos) << r.err;
  EXPECT_EQ(Total("remittances"), 1);
  EXPECT_EQ(Total("tailword"), 0);
}

TEST(TwoPrograms, ReadingCommandsNeedOnlyGcmsearchAndTheOthersSayWhatIsMissing) {
  // gcmsearch hands ingest, tag and serve to gcmsearch-full beside it; alone,
  // it still searches, and says in one line what it cannot run.
  TempDir dir;
  std::string error;
  std::filesystem::path fixture = testing::CorpusIndexFixture(&error);
  ASSERT_FALSE(fixture.empty()) << error;
  const std::string index = (fixture / "index").string();
  const std::string bin = dir / "bin";
  const std::string lone = bin + "/gcmsearch";
  std::filesystem::create_directories(bin);
  std::filesystem::copy_file(GCM_BINARY, lone);
  std::filesystem::permissions(lone, std::filesystem::perms::owner_all);

  CommandResult search = testing::RunProgram(lone, {"search", "--json", "--index", index, "migration"});
  EXPECT_EQ(search.exit_code, 0) << search.err;
  EXPECT_EQ(json::parse(search.out)["total"].get<int>(), 5);  // as CorpusTest finds "migration"

  CommandResult ingest = testing::RunProgram(lone, {"ingest", "--index", dir / "new-index", index});
  EXPECT_EQ(ingest.exit_code, 1);
  EXPECT_NE(ingest.err.find("cannot run " + bin + "/gcmsearch-full"), std::string::npos)
      << ingest.err;
  EXPECT_EQ(std::count(ingest.err.begin(), ingest.err.end(), '\n'), 1) << ingest.err;
}

}  // namespace
}  // namespace gcm
