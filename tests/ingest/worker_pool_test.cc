// The worker process pool with work functions that behave well and badly:
// a crash, a hang or a runaway allocation costs that task only.
#include "ingest/worker_pool.h"

#include <gtest/gtest.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <map>

#include "index/doc_codec.h"
#include "test_util.h"

namespace gcm {
namespace {

using std::chrono::milliseconds;

std::vector<WorkerTask> Tasks(const std::vector<std::string>& names) {
  std::vector<WorkerTask> tasks;
  for (const std::string& n : names) tasks.push_back({"/nowhere/" + n, n});
  return tasks;
}

// The tests' work functions make Documents; the pool carries bytes.
using DocumentWork = std::function<Status(const WorkerTask&, const std::function<void(int)>&, Document*)>;

WorkFunction SendingDocuments(DocumentWork work) {
  return [work](const WorkerTask& task, const std::function<void(int)>& announce, std::string* result) {
    Document doc;
    Status s = work(task, announce, &doc);
    if (s.ok()) *result = EncodeDocumentData(doc);
    return s;
  };
}

// Runs `names` through a pool of `workers` and returns each outcome by name.
std::map<std::string, std::pair<Status, Document>> RunAll(const std::vector<std::string>& names,
                                                          DocumentWork work, WorkerLimits limits = {},
                                                          int workers = 2, int* forks = nullptr) {
  std::unique_ptr<WorkerPool> pool;
  Status s = WorkerPool::Start(workers, limits, SendingDocuments(std::move(work)), &pool);
  EXPECT_TRUE(s.ok()) << s.ToString();
  std::vector<WorkerTask> tasks = Tasks(names);
  std::map<std::string, std::pair<Status, Document>> out;
  pool->Run(tasks, [&](std::size_t i, Status status, std::string result) {
    EXPECT_FALSE(out.count(names[i])) << names[i] << " reported twice";
    Document doc;
    if (status.ok()) {
      EXPECT_TRUE(DecodeDocumentData(result, &doc).ok()) << names[i];
    }
    out[names[i]] = {std::move(status), std::move(doc)};
    return true;
  });
  if (forks) *forks = pool->forks();
  return out;
}

Status TitleIsName(const WorkerTask& task, const std::function<void(int)>&, Document* doc) {
  doc->title = task.as_given;
  doc->path = task.file.string();
  doc->pages.push_back(Page{1, "pid " + std::to_string(getpid()), false, "en", 0});
  return Status::OK();
}

TEST(WorkerPool, BringsBackEveryTasksDocumentFromAnotherProcess) {
  std::vector<std::string> names;
  for (int i = 0; i < 20; ++i) names.push_back("file" + std::to_string(i) + ".txt");
  auto out = RunAll(names, TitleIsName);
  ASSERT_EQ(out.size(), names.size());
  for (const std::string& n : names) {
    ASSERT_TRUE(out[n].first.ok()) << out[n].first.ToString();
    EXPECT_EQ(out[n].second.title, n);
    EXPECT_EQ(out[n].second.path, "/nowhere/" + n);
    EXPECT_NE(out[n].second.pages.at(0).text, "pid " + std::to_string(getpid()));
  }
}

TEST(WorkerPool, ReportsACrashAndGoesOnWithTheOtherTasks) {
  auto work = [](const WorkerTask& t, const std::function<void(int)>& a, Document* d) {
    if (t.as_given == "bad.pdf") ::raise(SIGSEGV);
    return TitleIsName(t, a, d);
  };
  int forks = 0;
  auto out = RunAll({"a.pdf", "bad.pdf", "b.pdf", "c.pdf"}, work, {}, 1, &forks);
  ASSERT_EQ(out.size(), 4u);
  EXPECT_EQ(out["bad.pdf"].first.message(), "bad.pdf: crashed (signal 11: Segmentation fault)");
  EXPECT_TRUE(out["a.pdf"].first.ok());
  EXPECT_TRUE(out["b.pdf"].first.ok());
  EXPECT_TRUE(out["c.pdf"].first.ok());
  EXPECT_EQ(forks, 2);  // one, and one to replace it after the crash
}

TEST(WorkerPool, KillsATaskThatOverrunsItsTimeLimit) {
  auto work = [](const WorkerTask& t, const std::function<void(int)>& a, Document* d) {
    if (t.as_given == "hang.pdf") {
      while (true) ::pause();
    }
    return TitleIsName(t, a, d);
  };
  WorkerLimits limits;
  limits.timeout = milliseconds(300);
  auto started = std::chrono::steady_clock::now();
  auto out = RunAll({"hang.pdf", "a.pdf", "b.pdf"}, work, limits);
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5));
  EXPECT_EQ(out["hang.pdf"].first.code(), Status::Code::kTimeout);
  EXPECT_EQ(out["hang.pdf"].first.message(), "hang.pdf: timed out after 0.3 s (see --timeout)");
  EXPECT_TRUE(out["a.pdf"].first.ok());
  EXPECT_TRUE(out["b.pdf"].first.ok());
}

TEST(WorkerPool, GivesAnnouncedSlowWorkMoreTime) {
  // Two tasks start together with the same time limit; one announces slow
  // work (as a PDF with four pages to OCR does). Both wait: the plain one
  // until it is killed at the limit, the announced one until that kill is
  // reported, when it is released through a FIFO. So it finishes only after
  // the plain limit has passed, with no clock in the test.
  testing::TempDir dir;
  const std::string release = dir / "release";
  ASSERT_EQ(::mkfifo(release.c_str(), 0600), 0);
  auto work = [release](const WorkerTask& t, const std::function<void(int)>& announce, Document* d) {
    if (t.as_given == "plain.pdf") {
      while (true) ::pause();
    }
    announce(4);
    // Blocks until the test opens the FIFO for writing; the pool's extended
    // deadline bounds the wait.
    int fd = ::open(release.c_str(), O_RDONLY);
    char byte = 0;
    bool released = fd >= 0 && ::read(fd, &byte, 1) == 1;
    if (fd >= 0) ::close(fd);
    if (!released) return Status::Internal("not released");
    return TitleIsName(t, announce, d);
  };
  WorkerLimits limits;
  limits.timeout = milliseconds(1000);
  limits.per_announced_unit = std::chrono::seconds(15);  // a minute more: ample
  std::unique_ptr<WorkerPool> pool;
  ASSERT_TRUE(WorkerPool::Start(2, limits, SendingDocuments(work), &pool).ok());
  std::map<std::string, Status> out;
  std::vector<std::string> names = {"scanned.pdf", "plain.pdf"};
  pool->Run(Tasks(names), [&](std::size_t i, Status status, std::string) {
    if (names[i] == "plain.pdf") {
      // Non-blocking: if the announced worker were gone, this fails at once.
      int fd = ::open(release.c_str(), O_WRONLY | O_NONBLOCK);
      EXPECT_GE(fd, 0) << "the announced task is no longer waiting: " << std::strerror(errno);
      if (fd >= 0) {
        EXPECT_EQ(::write(fd, "x", 1), 1);
        ::close(fd);
      }
    }
    out[names[i]] = std::move(status);
    return true;
  });
  EXPECT_EQ(out["plain.pdf"].code(), Status::Code::kTimeout) << out["plain.pdf"].ToString();
  EXPECT_TRUE(out["scanned.pdf"].ok()) << out["scanned.pdf"].ToString();
}

TEST(WorkerPool, ReportsRunningOutOfMemoryUnderTheLimit) {
  auto work = [](const WorkerTask& t, const std::function<void(int)>& a, Document* d) {
    if (t.as_given == "huge.pdf") {
      std::vector<char> v(std::size_t{1} << 30);  // over the 256 MiB limit
      v[0] = 1;
      d->title = std::string(v.data(), 1);
    }
    return TitleIsName(t, a, d);
  };
  WorkerLimits limits;
  limits.max_memory = std::uint64_t{256} << 20;
  auto out = RunAll({"huge.pdf", "small.pdf"}, work, limits);
  EXPECT_EQ(out["huge.pdf"].first.message(),
            "huge.pdf: ran out of memory (over the 256 MiB limit; see --max-memory)");
  EXPECT_TRUE(out["small.pdf"].first.ok());
}

TEST(WorkerPool, PassesTheFilesOwnFailureThrough) {
  auto work = [](const WorkerTask& t, const std::function<void(int)>&, Document*) {
    return Status::Corruption(t.as_given + ": not a readable PDF");
  };
  auto out = RunAll({"cut.pdf"}, work);
  EXPECT_EQ(out["cut.pdf"].first.code(), Status::Code::kCorruption);
  EXPECT_EQ(out["cut.pdf"].first.message(), "cut.pdf: not a readable PDF");
}

TEST(WorkerPool, HandsTheWorkerTheFileSizeAndTimeTheCallerSaw) {
  // The ingester stamps documents with them, so a file changed while it was
  // read is read again next time.
  std::unique_ptr<WorkerPool> pool;
  auto work = [](const WorkerTask& t, const std::function<void(int)>&, std::string* result) {
    *result = t.as_given + " " + std::to_string(t.size) + " " + std::to_string(t.mtime);
    return Status::OK();
  };
  ASSERT_TRUE(WorkerPool::Start(1, {}, work, &pool).ok());
  std::vector<WorkerTask> tasks = {{"/nowhere/a b.pdf", "a b.pdf", 123456789012ull, -5},
                                   {"/nowhere/c.txt", "c.txt", 0, 1764650000}};
  std::vector<std::string> got;
  pool->Run(tasks, [&](std::size_t, Status s, std::string result) {
    EXPECT_TRUE(s.ok());
    got.push_back(result);
    return true;
  });
  std::sort(got.begin(), got.end());
  EXPECT_EQ(got, (std::vector<std::string>{"a b.pdf 123456789012 -5", "c.txt 0 1764650000"}));
}

TEST(WorkerPool, TurnsAnExceptionIntoAFailure) {
  auto work = [](const WorkerTask&, const std::function<void(int)>&, Document*) -> Status {
    throw std::runtime_error("boom");
  };
  auto out = RunAll({"x.html"}, work);
  EXPECT_EQ(out["x.html"].first.message(), "x.html: boom");
}

TEST(WorkerPool, ReportsAWorkerThatExitsInTheMiddleOfATask) {
  auto work = [](const WorkerTask& t, const std::function<void(int)>& a, Document* d) {
    if (t.as_given == "exit.txt") ::_exit(7);
    return TitleIsName(t, a, d);
  };
  auto out = RunAll({"exit.txt", "ok.txt"}, work, {}, 1);
  EXPECT_EQ(out["exit.txt"].first.message(), "exit.txt: crashed (the worker exited with status 7)");
  EXPECT_TRUE(out["ok.txt"].first.ok());
}

TEST(WorkerPool, StopsStartingTasksWhenTheCallerSaysSo) {
  std::unique_ptr<WorkerPool> pool;
  ASSERT_TRUE(WorkerPool::Start(1, {}, SendingDocuments(TitleIsName), &pool).ok());
  std::vector<WorkerTask> tasks = Tasks({"a", "b", "c", "d"});
  int calls = 0;
  pool->Run(tasks, [&](std::size_t, Status, std::string) { return ++calls < 2; });
  EXPECT_EQ(calls, 2);
}

TEST(WorkerPool, RunsSeveralBatchesWithTheSameWorkers) {
  std::unique_ptr<WorkerPool> pool;
  ASSERT_TRUE(WorkerPool::Start(2, {}, SendingDocuments(TitleIsName), &pool).ok());
  for (int round = 0; round < 3; ++round) {
    int ok = 0;
    pool->Run(Tasks({"a", "b", "c"}), [&](std::size_t, Status s, std::string) {
      ok += s.ok();
      return true;
    });
    EXPECT_EQ(ok, 3);
  }
  EXPECT_EQ(pool->forks(), 2);
}

}  // namespace
}  // namespace gcm
