// Ingestion through the library with faults injected into its workers
// (IngestOptions::worker_hooks): a file whose worker really crashes, really
// hangs or really runs out of memory is reported and remembered, and every
// other file is indexed.
#include "ingest/ingester.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "test_util.h"
#include "xapian.h"

namespace gcm {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;
using testing::WriteFile;

// In the worker: the file whose name contains `needle` gets `fault`.
WorkerHooks FaultOn(const std::string& needle, void (*fault)()) {
  WorkerHooks hooks;
  hooks.before_file = [needle, fault](const WorkerTask& task) {
    if (task.as_given.find(needle) != std::string::npos) fault();
  };
  return hooks;
}

void Crash() { ::raise(SIGSEGV); }

void Hang() {
  while (true) ::pause();
}

void ExhaustMemory() {
  // Address space, not resident memory: the limit stops it either way.
  std::vector<std::unique_ptr<char[]>> hog;
  while (true) {
    hog.emplace_back(new char[64 << 20]);
    hog.back()[0] = 1;
  }
}

// A folder of documents, an index beside it, and what one run reported.
class FaultyWorkerTest : public ::testing::Test {
 protected:
  FaultyWorkerTest() { fs::create_directory(docs()); }

  std::string docs() const { return dir_ / "docs"; }
  std::string doc(const std::string& name) const { return docs() + "/" + name; }
  std::string index() const { return dir_ / "index"; }

  // Ingests docs/ with `hooks` and `limits`; the run's failures in failures_.
  IngestSummary Ingest(const WorkerHooks& hooks, const WorkerLimits& limits = {}, int jobs = 2) {
    IngestOptions options;
    options.index_dir = index();
    options.paths = {docs()};
    options.jobs = jobs;
    options.extract.ocr = false;
    options.limits = limits;
    options.worker_hooks = hooks;
    IngestListener listener;
    failures_.clear();
    listener.on_failure = [this](const std::string& path, const std::string& reason) {
      failures_.push_back(path + ": " + reason);
    };
    IngestSummary summary;
    Status s = gcm::Ingest(options, listener, &summary);
    EXPECT_TRUE(s.ok()) << s.ToString();
    return summary;
  }

  int DocCount() {
    Xapian::Database db(index());
    return static_cast<int>(db.get_doccount());
  }

  void WriteGoodFiles(int n) {
    for (int i = 0; i < n; ++i) WriteFile(doc("good" + std::to_string(i) + ".md"), "# Good\n\nRemittances.");
  }

  TempDir dir_;
  std::vector<std::string> failures_;
};

TEST_F(FaultyWorkerTest, AFileThatCrashesItsWorkerIsReportedAndTheRestIndexed) {
  WriteFile(doc("crashy.md"), "# Crashy\n\nRemittances crash.");
  WriteGoodFiles(5);
  IngestSummary summary = Ingest(FaultOn("crashy", Crash));
  EXPECT_EQ(summary.failed, 1);
  EXPECT_EQ(summary.indexed, 5);
  ASSERT_EQ(failures_.size(), 1u);
  EXPECT_NE(failures_[0].find(doc("crashy.md")), std::string::npos) << failures_[0];
  EXPECT_NE(failures_[0].find("crashed (signal 11: Segmentation fault)"), std::string::npos) << failures_[0];
  EXPECT_EQ(DocCount(), 5);
}

TEST_F(FaultyWorkerTest, AFileThatHangsIsKilledAtTheTimeLimitAndTheRestIndexed) {
  WriteFile(doc("stuck.md"), "# Stuck\n\nRemittances stuck.");
  WriteGoodFiles(5);
  WorkerLimits limits;
  limits.timeout = std::chrono::milliseconds(500);
  auto started = std::chrono::steady_clock::now();
  IngestSummary summary = Ingest(FaultOn("stuck", Hang), limits);
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(30));
  EXPECT_EQ(summary.failed, 1);
  EXPECT_EQ(summary.indexed, 5);
  ASSERT_EQ(failures_.size(), 1u);
  EXPECT_NE(failures_[0].find("timed out after 0.5 s"), std::string::npos) << failures_[0];
  EXPECT_EQ(DocCount(), 5);
}

TEST_F(FaultyWorkerTest, AFileThatExhaustsMemoryIsReportedAndTheRestIndexed) {
  WriteFile(doc("hog.md"), "# Hog\n\nRemittances hog.");
  WriteGoodFiles(1);
  WorkerLimits limits;
  limits.max_memory = std::uint64_t{512} << 20;
  IngestSummary summary = Ingest(FaultOn("hog", ExhaustMemory), limits);
  EXPECT_EQ(summary.failed, 1);
  EXPECT_EQ(summary.indexed, 1);
  ASSERT_EQ(failures_.size(), 1u);
  EXPECT_NE(failures_[0].find("ran out of memory (over the 512 MiB limit"), std::string::npos) << failures_[0];
  EXPECT_EQ(DocCount(), 1);
}

TEST_F(FaultyWorkerTest, ACrashIsRememberedLikeAnyOtherFailure) {
  WriteFile(doc("crashy.md"), "# Crashy\n\nRemittances crash.");
  EXPECT_EQ(Ingest(FaultOn("crashy", Crash)).failed, 1);
  IngestSummary again = Ingest(WorkerHooks());
  EXPECT_EQ(again.failed, 0);  // not read again, though it would not crash now
  EXPECT_EQ(again.skipped_failed, 1);
  ASSERT_EQ(again.remembered_failures.size(), 1u);
  EXPECT_NE(again.remembered_failures[0].second.find("crashed"), std::string::npos)
      << again.remembered_failures[0].second;
}

TEST_F(FaultyWorkerTest, HooksRunInTheWorkerNotInTheCaller) {
  // A hook that crashes every file: the caller (this process) lives on and
  // reports each file.
  WriteGoodFiles(3);
  IngestSummary summary = Ingest(FaultOn("good", Crash), {}, 1);
  EXPECT_EQ(summary.failed, 3);
  EXPECT_EQ(summary.indexed, 0);
}

}  // namespace
}  // namespace gcm
