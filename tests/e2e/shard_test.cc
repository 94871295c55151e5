// Sharded search: the sample corpus split into three shards with
// `ingest --shard K/3`, each served by Xapian's own xapian-tcpsrv on
// loopback, read through a Xapian stub file, answers exactly as one
// database built from the same files.
#include <gtest/gtest.h>
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <httplib.h>
#include <nlohmann/json.hpp>
#include <thread>

#include "test_util.h"

namespace gcm {
namespace {

using nlohmann::json;
using testing::Quote;
using testing::RunGcmsearch;

int FreePort() {
  // Bind port 0, read the port the kernel chose, release it for the server.
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  close(fd);
  return ntohs(addr.sin_port);
}

bool PortOpen(int port) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(static_cast<uint16_t>(port));
  bool ok = connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  close(fd);
  return ok;
}

class ShardTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (std::system("command -v xapian-tcpsrv >/dev/null 2>&1") != 0) {
      GTEST_SKIP() << "xapian-tcpsrv is not installed (tools/install-deps installs xapian-tools)";
    }
    std::string corpus = Quote(testing::CorpusDir());
    ASSERT_EQ(RunGcmsearch("ingest -q --no-ocr --index " + Quote(dir_ / "single") + " " + corpus).exit_code, 0);
    std::string stub, local_stub;
    for (int k = 1; k <= 3; ++k) {
      std::string shard = dir_ / ("shard" + std::to_string(k));
      testing::CommandResult r = RunGcmsearch("ingest -q --no-ocr --shard " + std::to_string(k) +
                                              "/3 --index " + Quote(shard) + " " + corpus);
      ASSERT_EQ(r.exit_code, 0) << r.err;
      local_stub += "auto " + shard + "\n";
    }
    // Versions are found across shards once all are ingested (a document and
    // its translation may fall in different shards).
    testing::WriteFile(dir_ / "local.stub", local_stub);
    for (int k = 1; k <= 3; ++k) {
      testing::CommandResult r = RunGcmsearch("pair --index " + Quote(dir_ / ("shard" + std::to_string(k))) +
                                              " --collection " + Quote(dir_ / "local.stub"));
      ASSERT_EQ(r.exit_code, 0) << r.err;
    }
    for (int k = 1; k <= 3; ++k) {
      std::string shard = dir_ / ("shard" + std::to_string(k));
      int port = FreePort();
      pid_t pid = fork();
      if (pid == 0) {
        int null = open("/dev/null", O_WRONLY);
        dup2(null, STDOUT_FILENO);
        dup2(null, STDERR_FILENO);
        std::string p = std::to_string(port);
        execlp("xapian-tcpsrv", "xapian-tcpsrv", "--interface", "127.0.0.1", "--port", p.c_str(),
               shard.c_str(), static_cast<char*>(nullptr));
        _exit(127);
      }
      servers_.push_back(pid);
      for (int i = 0; i < 100 && !PortOpen(port); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
      ASSERT_TRUE(PortOpen(port)) << "xapian-tcpsrv did not start on port " << port;
      stub += "remote 127.0.0.1:" + std::to_string(port) + "\n";
    }
    testing::WriteFile(dir_ / "shards.stub", stub);
  }

  void TearDown() override {
    for (pid_t pid : servers_) {
      kill(pid, SIGKILL);  // xapian-tcpsrv does not stop on SIGTERM
      waitpid(pid, nullptr, 0);
    }
  }

  json Run(const std::string& command, const std::string& index) {
    testing::CommandResult r = RunGcmsearch(command + " --json --index " + Quote(index));
    EXPECT_EQ(r.exit_code, 0) << command << ": " << r.err;
    return json::parse(r.out);
  }

  // The same command against one database and against the shards.
  void ExpectSameAnswer(const std::string& command) {
    EXPECT_EQ(Run(command, dir_ / "single"), Run(command, dir_ / "shards.stub")) << command;
  }

  testing::TempDir dir_;
  std::vector<pid_t> servers_;
};

TEST_F(ShardTest, EveryShardHoldsSomeAndTogetherAllDocuments) {
  json all = Run("search --limit 100 ''", dir_ / "shards.stub");
  EXPECT_EQ(all["total"], 6);
}

TEST_F(ShardTest, SearchAnswersAsOneDatabaseWithPagesSnippetsAndFacets) {
  ExpectSameAnswer("search migration");
  ExpectSameAnswer("search migración --limit 3");
  ExpectSameAnswer("search '\"regular pathways\"'");
  ExpectSameAnswer("search --lang en civil society");
}

TEST_F(ShardTest, ReadCommandsAnswerAsOneDatabase) {
  ExpectSameAnswer("objectives");
  ExpectSameAnswer("objective 13");
  ExpectSameAnswer("translations");
  ExpectSameAnswer("show " + Quote(testing::CorpusFile("gcm-key-milestones-5-mechanism-2023-en.pdf")));
}

// `gcmsearch serve` on `index` at a free loopback port; its pid, or -1.
pid_t StartServer(const std::string& index, int* port) {
  *port = FreePort();
  pid_t pid = fork();
  if (pid == 0) {
    int null = open("/dev/null", O_WRONLY);
    dup2(null, STDOUT_FILENO);
    dup2(null, STDERR_FILENO);
    std::string p = std::to_string(*port);
    execl(GCM_BINARY, GCM_BINARY, "serve", "--index", index.c_str(), "--port", p.c_str(),
          static_cast<char*>(nullptr));
    _exit(127);
  }
  for (int i = 0; i < 200 && !PortOpen(*port); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  return pid;
}

TEST_F(ShardTest, TheHttpEndpointAnswersAsOneDatabase) {
  int single_port = 0, shards_port = 0;
  servers_.push_back(StartServer(dir_ / "single", &single_port));
  servers_.push_back(StartServer(dir_ / "shards.stub", &shards_port));
  ASSERT_TRUE(PortOpen(single_port) && PortOpen(shards_port)) << "gcmsearch serve did not start";
  httplib::Client single("127.0.0.1", single_port), shards("127.0.0.1", shards_port);
  for (const char* target : {"/api/search?q=migration", "/api/search?q=migraci%C3%B3n&lang=en&limit=3",
                             "/api/objectives", "/api/objectives/13", "/api/matrix"}) {
    auto a = single.Get(target);
    auto b = shards.Get(target);
    ASSERT_TRUE(a && b) << target;
    EXPECT_EQ(a->status, 200) << target;
    EXPECT_EQ(b->status, 200) << target;
    EXPECT_EQ(json::parse(a->body), json::parse(b->body)) << target;
  }
}

}  // namespace
}  // namespace gcm
