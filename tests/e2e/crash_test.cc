// Killing an ingestion at any moment leaves a database that opens and
// answers, holding whole documents only, and running `ingest` again
// completes the work: a child process runs the library's Ingest (slowed by a
// worker hook so that the run is long enough to be cut), is SIGKILLed once
// it has reported a given number of files done, and the database is checked,
// re-ingested with the real binary, and checked again.
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "index/doc_codec.h"
#include "ingest/ingester.h"
#include "test_util.h"
#include "xapian.h"

namespace gcm {
namespace {

using nlohmann::json;
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

// Forks a process that ingests `docs` into `index` (two workers, a commit
// every ten documents, each file slowed by 20 ms in its worker) and writes
// each "files done" count to `progress_fd` as an int. Returns its pid.
pid_t StartSlowIngestion(const std::string& docs, const std::string& index, int progress_fd) {
  pid_t pid = ::fork();
  if (pid != 0) return pid;
  IngestOptions options;
  options.index_dir = index;
  options.paths = {docs};
  options.jobs = 2;
  options.batch_size = 10;
  options.extract.ocr = false;
  options.worker_hooks.before_file = [](const WorkerTask&) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  };
  IngestListener listener;
  listener.on_progress = [progress_fd](int done, int) {
    if (::write(progress_fd, &done, sizeof done) != sizeof done) ::_exit(2);
  };
  IngestSummary summary;
  ::_exit(Ingest(options, listener, &summary).ok() ? 0 : 1);
}

// Reads progress counts from `fd` until one reaches `target` (true) or the
// stream ends or `timeout` passes (false).
bool WaitForFilesDone(int fd, int target, std::chrono::seconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (true) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return false;
    struct pollfd p = {fd, POLLIN, 0};
    int ready = ::poll(&p, 1, static_cast<int>(left.count()));
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) return false;
    int done = 0;
    if (::read(fd, &done, sizeof done) != sizeof done) return false;
    if (done >= target) return true;
  }
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

  int progress[2];
  ASSERT_EQ(::pipe(progress), 0);
  pid_t pid = StartSlowIngestion(docs, index, progress[1]);
  ASSERT_GT(pid, 0);
  ::close(progress[1]);
  // Killed once GetParam() files are done, so that the kill falls at a
  // different point of the run each time; the first commit is at ten.
  bool reached = WaitForFilesDone(progress[0], GetParam(), std::chrono::seconds(120));
  ASSERT_EQ(::kill(pid, SIGKILL), 0);
  int status = 0;
  ::waitpid(pid, &status, 0);
  ::close(progress[0]);
  ASSERT_TRUE(reached) << "the ingestion never reported " << GetParam() << " files done";
  ASSERT_TRUE(WIFSIGNALED(status)) << "ingest finished before it could be killed; make it slower";

  // The database opens, answers, and holds whole documents only.
  int after_kill = DocCount(index);
  EXPECT_GE(after_kill, GetParam() / 10 * 10);  // every batch committed before the kill
  EXPECT_LT(after_kill, kFiles);
  testing::CommandResult search = RunGcmsearch({"search", "--json", "--index", index, "remittances"});
  ASSERT_EQ(search.exit_code, 0) << search.err;
  EXPECT_EQ(json::parse(search.out)["total"].get<int>(), after_kill);
  std::set<std::string> partial;
  ExpectWholeDocumentsOnly(index, &partial);

  // Running it again completes the work: every file exactly once. The lock
  // is free, so no worker of the killed run lingers holding it.
  testing::CommandResult again = RunGcmsearch({"ingest", "--json", "--no-ocr", "--index", index, docs});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  json summary = json::parse(again.out);
  EXPECT_EQ(summary["indexed"].get<int>() + summary["unchanged"].get<int>(), kFiles);
  EXPECT_EQ(DocCount(index), kFiles);
  std::set<std::string> all;
  ExpectWholeDocumentsOnly(index, &all);
  EXPECT_EQ(all.size(), static_cast<std::size_t>(kFiles));
  testing::CommandResult one = RunGcmsearch({"search", "--json", "--index", index, "w123"});
  EXPECT_EQ(json::parse(one.out)["total"], 1);
}

// Files done (of 300) when the ingestion is killed: just after the first
// commit, and twice later on.
INSTANTIATE_TEST_SUITE_P(AtSeveralMoments, CrashTest, ::testing::Values(15, 105, 205));

}  // namespace
}  // namespace gcm
