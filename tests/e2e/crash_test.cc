// Killing `ingest` at any moment leaves a database that opens and answers,
// holding whole documents only, and running `ingest` again completes the
// work: SIGKILL the real binary after its first batch commit, check the
// database, re-run, and check every document is there exactly once.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "index/doc_codec.h"
#include "test_util.h"
#include "xapian.h"

namespace gcm {
namespace {

using nlohmann::json;
using testing::Quote;
using testing::RunGcmsearch;
using testing::TempDir;

constexpr int kFiles = 300;

// Documents in the database at `index`, or -1 when it does not open (yet).
int DocCount(const std::string& index) {
  try {
    Xapian::Database db(index);
    return static_cast<int>(db.get_doccount());
  } catch (const Xapian::Error&) {
    return -1;
  }
}

// Starts `gcmsearch args...` with the extra environment `env` and returns
// its pid.
pid_t Spawn(const std::vector<std::string>& args, const std::vector<std::string>& env) {
  pid_t pid = ::fork();
  if (pid == 0) {
    for (const std::string& e : env) ::putenv(const_cast<char*>(e.c_str()));
    std::vector<char*> argv;
    argv.push_back(const_cast<char*>(GCM_BINARY));
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    int null_fd = ::open("/dev/null", O_WRONLY);
    ::dup2(null_fd, STDOUT_FILENO);
    ::dup2(null_fd, STDERR_FILENO);
    ::execv(GCM_BINARY, argv.data());
    ::_exit(127);
  }
  return pid;
}

// Every document has whole, decodable data, and no id or path twice.
void ExpectWholeDocumentsOnly(const std::string& index, std::set<std::string>* paths) {
  Xapian::Database db(index);
  std::set<std::string> ids;
  for (Xapian::PostingIterator p = db.postlist_begin(""); p != db.postlist_end(""); ++p) {
    Document doc;
    Status s = DecodeDocumentData(db.get_document(*p).get_data(), &doc);
    ASSERT_TRUE(s.ok()) << s.ToString();
    ASSERT_EQ(doc.pages.size(), 1u) << doc.path;
    EXPECT_NE(doc.pages[0].text.find("Remittances corridor"), std::string::npos) << doc.path;
    EXPECT_TRUE(ids.insert(doc.id).second) << "twice: " << doc.id;
    EXPECT_TRUE(paths->insert(doc.path).second) << "twice: " << doc.path;
    EXPECT_EQ(db.get_termfreq("Q" + doc.id), 1u);
  }
}

class CrashTest : public ::testing::TestWithParam<int> {};

TEST_P(CrashTest, KilledIngestLeavesAnAnsweringIndexAndARerunCompletesIt) {
  TempDir dir;
  std::string docs = dir / "docs";
  std::string index = dir / "index";
  std::filesystem::create_directory(docs);
  for (int i = 0; i < kFiles; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "note-%04d.md", i);
    testing::WriteFile(docs + "/" + name, "# Note " + std::to_string(i) +
                                              "\n\nRemittances corridor number w" + std::to_string(i) +
                                              " between Mexico and Guatemala.\n");
  }

  // Slow enough (a delay per file in the workers) to be killed mid-way.
  pid_t pid = Spawn({"ingest", "--no-ocr", "--jobs", "2", "--batch-size", "10", "--index", index, docs},
                    {"GCMSEARCH_TEST_DELAY_MS=20"});
  ASSERT_GT(pid, 0);
  // Wait for a first commit, then a little more (GetParam() ms) so that the
  // kill falls at a different point of the run each time.
  auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (DocCount(index) <= 0 && std::chrono::steady_clock::now() < give_up) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(GetParam()));
  ASSERT_EQ(::kill(pid, SIGKILL), 0);
  int status = 0;
  ::waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status)) << "ingest finished before it could be killed; make it slower";

  // The database opens, answers, and holds whole documents only.
  int after_kill = DocCount(index);
  EXPECT_GE(after_kill, 10);
  EXPECT_LT(after_kill, kFiles);
  testing::CommandResult search = RunGcmsearch("search --json --index " + Quote(index) + " remittances");
  ASSERT_EQ(search.exit_code, 0) << search.err;
  EXPECT_EQ(json::parse(search.out)["total"].get<int>(), after_kill);
  std::set<std::string> partial;
  ExpectWholeDocumentsOnly(index, &partial);

  // Running it again completes the work: every file exactly once. The lock
  // is free, so no worker of the killed run lingers holding it.
  testing::CommandResult again =
      RunGcmsearch("ingest --json --no-ocr --index " + Quote(index) + " " + Quote(docs));
  ASSERT_EQ(again.exit_code, 0) << again.err;
  json summary = json::parse(again.out);
  EXPECT_EQ(summary["indexed"].get<int>() + summary["unchanged"].get<int>(), kFiles);
  EXPECT_EQ(DocCount(index), kFiles);
  std::set<std::string> all;
  ExpectWholeDocumentsOnly(index, &all);
  EXPECT_EQ(all.size(), static_cast<std::size_t>(kFiles));
  testing::CommandResult one = RunGcmsearch("search --json --index " + Quote(index) + " w123");
  EXPECT_EQ(json::parse(one.out)["total"], 1);
}

// Milliseconds after the first commit at which ingest is killed.
INSTANTIATE_TEST_SUITE_P(AtSeveralMoments, CrashTest, ::testing::Values(0, 150, 600));

}  // namespace
}  // namespace gcm
