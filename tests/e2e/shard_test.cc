// Sharded search: the sample corpus split into three shards with
// `ingest --shard K/3`, each served by Xapian's own xapian-tcpsrv on
// loopback, read through a Xapian stub file, answers exactly as one
// database built from the same files.
#include <gtest/gtest.h>

#include <filesystem>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include "test_util.h"

namespace gcm {
namespace {

using nlohmann::json;
using testing::RunGcmsearch;

// The corpus in three shards, paired across them: shard1/ to shard3/.
// Shared by every test process (testing::SharedFixture), read-only.
std::filesystem::path ShardsFixture(std::string* error) {
  return testing::SharedFixture(
      "corpus-shards", "ingest -q --no-ocr --shard K/3 corpus; pair --collection", {testing::CorpusDir()},
      [](const std::filesystem::path& dir) -> std::string {
        std::string local_stub;
        for (int k = 1; k <= 3; ++k) {
          std::string shard = (dir / ("shard" + std::to_string(k))).string();
          testing::CommandResult r = RunGcmsearch({"ingest", "-q", "--no-ocr", "--shard", std::to_string(k) + "/3",
                                                   "--index", shard, testing::CorpusDir()});
          if (r.exit_code != 0) return "ingest --shard " + std::to_string(k) + "/3: " + r.err;
          local_stub += "auto " + shard + "\n";
        }
        // Versions are found across shards once all are ingested (a document
        // and its translation may fall in different shards).
        std::string stub = (dir / "local.stub").string();
        testing::WriteFile(stub, local_stub);
        for (int k = 1; k <= 3; ++k) {
          testing::CommandResult r =
              RunGcmsearch({"pair", "--index", (dir / ("shard" + std::to_string(k))).string(), "--collection", stub});
          if (r.exit_code != 0) return "pair: " + r.err;
        }
        return "";
      },
      error);
}

class ShardTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!testing::HaveProgram("xapian-tcpsrv")) {
      GTEST_SKIP() << "xapian-tcpsrv is not installed (tools/install-deps installs xapian-tools)";
    }
    std::string error;
    std::filesystem::path corpus = testing::CorpusIndexFixture(&error);
    ASSERT_FALSE(corpus.empty()) << error;
    single_ = (corpus / "index").string();
    std::filesystem::path shards = ShardsFixture(&error);
    ASSERT_FALSE(shards.empty()) << error;
    std::string stub;
    for (int k = 1; k <= 3; ++k) {
      int port = testing::FreePort();
      testing::BackgroundProcess server;
      ASSERT_TRUE(server.Start("xapian-tcpsrv", {"--interface", "127.0.0.1", "--port", std::to_string(port),
                                                 (shards / ("shard" + std::to_string(k))).string()}));
      servers_.push_back(std::move(server));
      ASSERT_TRUE(testing::WaitUntilListening(port)) << "xapian-tcpsrv did not start on port " << port;
      stub += "remote 127.0.0.1:" + std::to_string(port) + "\n";
    }
    testing::WriteFile(dir_ / "shards.stub", stub);
  }
  // (xapian-tcpsrv does not stop on SIGTERM; BackgroundProcess SIGKILLs.)

  // `gcmsearch ARGS... --json --index INDEX`.
  json Run(std::vector<std::string> args, const std::string& index) {
    args.insert(args.end(), {"--json", "--index", index});
    testing::CommandResult r = RunGcmsearch(args);
    EXPECT_EQ(r.exit_code, 0) << args[0] << ": " << r.err;
    return json::parse(r.out);
  }

  // The same command against one database and against the shards.
  void ExpectSameAnswer(const std::vector<std::string>& args) {
    EXPECT_EQ(Run(args, single_), Run(args, dir_ / "shards.stub")) << ::testing::PrintToString(args);
  }

  testing::TempDir dir_;
  std::string single_;
  std::vector<testing::BackgroundProcess> servers_;
};

TEST_F(ShardTest, EveryShardHoldsSomeAndTogetherAllDocuments) {
  json all = Run({"search", "--limit", "100", ""}, dir_ / "shards.stub");
  EXPECT_EQ(all["total"], 6);
}

TEST_F(ShardTest, SearchAnswersAsOneDatabaseWithPagesSnippetsAndFacets) {
  ExpectSameAnswer({"search", "migration"});
  ExpectSameAnswer({"search", "migración", "--limit", "3"});
  ExpectSameAnswer({"search", "\"regular pathways\""});
  ExpectSameAnswer({"search", "--lang", "en", "civil", "society"});
}

TEST_F(ShardTest, ReadCommandsAnswerAsOneDatabase) {
  ExpectSameAnswer({"objectives"});
  ExpectSameAnswer({"objective", "13"});
  ExpectSameAnswer({"translations"});
  ExpectSameAnswer({"show", testing::CorpusFile("gcm-key-milestones-5-mechanism-2023-en.pdf")});
}

TEST_F(ShardTest, TheHttpEndpointAnswersAsOneDatabase) {
  testing::ServeProcess single_server, shards_server;
  std::string error;
  ASSERT_TRUE(testing::StartServe(single_, &single_server, &error)) << error;
  ASSERT_TRUE(testing::StartServe(dir_ / "shards.stub", &shards_server, &error)) << error;
  const int single_port = single_server.port, shards_port = shards_server.port;
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
