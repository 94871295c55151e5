// The HTTP endpoint end to end: a real server (RunServer on port 0, the
// port chosen by the kernel) and a real httplib::Client. Two collections:
// a small index built here with gcm::Indexer, whose objective mentions the
// test sets itself (so objective routes are testable whatever the tagger
// does), and the sample corpus/ ingested through the real pipeline (so
// search answers are checked against `gcmsearch search --json`).
#include "serve/server.h"

#include <gtest/gtest.h>
#include <httplib.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <future>
#include <iterator>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "fixture_documents.h"
#include "index/indexer.h"
#include "ingest/ingester.h"
#include "search/json_output.h"
#include "search/searcher.h"
#include "test_util.h"

namespace gcm {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// A fresh folder under the test temp dir, removed at the end.
class TempDir {
 public:
  explicit TempDir(const std::string& name) {
    static std::atomic<int> counter{0};
    path_ = fs::path(::testing::TempDir()) /
            ("gcm-serve-" + name + "-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }
  std::string str() const { return path_.string(); }

 private:
  fs::path path_;
};

using gcm::fixture::FixtureDocument;
using gcm::fixture::FixtureMention;

constexpr char kDetentionEn[] = "aaaa000000000001";
constexpr char kDetencionEs[] = "aaaa000000000002";
constexpr char kRemittancesEn[] = "aaaa000000000003";
constexpr char kDatosEs[] = "aaaa000000000004";

// Four documents in two languages; objectives 13 (two documents), 5, 20
// and a hub link to 8.
std::vector<Document> SmallCollection() {
  std::vector<Document> docs;
  Document a = FixtureDocument(kDetentionEn, "docs/detention-en.txt", "txt", "en",
                       "Alternatives to immigration detention", "2023-05-01",
                       {"Objective 13 asks states to use migration detention only as a last resort.",
                        "Regular pathways for labour mobility are objective 5. Detention again."});
  a.mentions = {FixtureMention(13, MentionKind::kNumber, 1, "Objective 13 asks states to use migration detention."),
                FixtureMention(5, MentionKind::kTitle, 2, "Regular pathways for labour mobility are objective 5.")};
  a.translations = {{kDetencionEs, "docs/detencion-es.txt", "es", 0.93}};
  docs.push_back(a);

  Document b = FixtureDocument(kDetencionEs, "docs/detencion-es.txt", "txt", "es",
                       "Alternativas a la detención de migrantes", "2023-06-01",
                       {"El objetivo 13 pide utilizar la detención de migrantes solo como último recurso."});
  b.mentions = {FixtureMention(13, MentionKind::kNumber, 1, "El objetivo 13 pide utilizar la detención.")};
  b.translations = {{kDetentionEn, "docs/detention-en.txt", "en", 0.93}};
  docs.push_back(b);

  Document c = FixtureDocument(
      kRemittancesEn, "docs/remittances.pdf", "pdf", "en", "Cheaper remittances", "2022-01-10",
      {"Remittances sent home by migrant workers.", "Objective 20 on remittances.", "Saving lives at sea."});
  c.mentions = {FixtureMention(20, MentionKind::kNumber, 2, "Objective 20 on remittances."),
                FixtureMention(20, MentionKind::kTitle, 1, "Remittances sent home by migrant workers."),
                FixtureMention(8, MentionKind::kLink, 3, "https://migrationnetwork.un.org/hub?gcm_objectives=286")};
  docs.push_back(c);

  Document d = FixtureDocument(kDatosEs, "docs/datos.html", "html", "es", "Datos sobre migración <script>", "",
                       {"Recopilar datos exactos y desglosados sobre la migración & la movilidad."});
  docs.push_back(d);
  return docs;
}

Status WriteDocs(const std::string& dir, std::vector<Document> docs) {
  std::unique_ptr<Indexer> indexer;
  Status s = Indexer::Open(dir, &indexer);
  for (Document& d : docs) {
    if (s.ok()) s = indexer->Add(d);
  }
  if (s.ok()) s = indexer->Commit();
  return s;
}

// RunServer on a thread, listening on a free port; stopped and joined on
// destruction.
class RunningServer {
 public:
  explicit RunningServer(const std::string& index, int threads = 0) {
    ServerOptions options;
    options.index_dir = index;
    options.port = 0;
    options.threads = threads;
    auto bound = std::make_shared<std::promise<int>>();
    std::future<int> port = bound->get_future();
    thread_ = std::thread([this, options, bound] {
      bool told = false;
      status_ = RunServer(options, [&](int p) {
        bound->set_value(p);
        told = true;
      });
      if (!told) bound->set_value(-1);
    });
    if (port.wait_for(std::chrono::seconds(20)) == std::future_status::ready) port_ = port.get();
  }
  ~RunningServer() { Stop(); }

  Status Stop() {
    if (thread_.joinable()) {
      StopServer();
      thread_.join();
    }
    return status_;
  }
  int port() const { return port_; }

  httplib::Client Client() const {
    httplib::Client client("127.0.0.1", port_);
    client.set_connection_timeout(5);
    client.set_read_timeout(20);
    return client;
  }

 private:
  std::thread thread_;
  Status status_;
  int port_ = -1;
};

// GETs `target` and parses the JSON body; fails the test on anything but
// a JSON answer.
json GetJson(httplib::Client& client, const std::string& target, int expected_status) {
  auto res = client.Get(target.c_str());
  EXPECT_TRUE(res) << target << ": " << httplib::to_string(res.error());
  if (!res) return json();
  EXPECT_EQ(res->status, expected_status) << target << " -> " << res->body;
  EXPECT_EQ(res->get_header_value("Content-Type"), "application/json; charset=utf-8") << target;
  json body = json::parse(res->body, nullptr, /*allow_exceptions=*/false);
  EXPECT_FALSE(body.is_discarded()) << target << ": not JSON: " << res->body;
  return body;
}

std::vector<std::string> ResultIds(const json& search) {
  std::vector<std::string> ids;
  for (const json& r : search["results"]) ids.push_back(r["id"]);
  std::sort(ids.begin(), ids.end());
  return ids;
}

class ServeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(WriteDocs(dir_.str(), SmallCollection()).ok());
    server_ = std::make_unique<RunningServer>(dir_.str());
    ASSERT_GT(server_->port(), 0);
  }

  TempDir dir_{"small"};
  std::unique_ptr<RunningServer> server_;
};

TEST_F(ServeTest, HealthzAnswersOkWithTheDocumentCount) {
  auto client = server_->Client();
  json body = GetJson(client, "/healthz", 200);
  EXPECT_EQ(body["status"], "ok");
  EXPECT_EQ(body["documents"], 4);
}

TEST_F(ServeTest, SearchAnswersExactlyWhatTheLibrarySerialises) {
  auto client = server_->Client();
  json body = GetJson(client, "/api/search?q=detention&limit=5", 200);

  std::unique_ptr<Searcher> searcher;
  ASSERT_TRUE(Searcher::Open(dir_.str(), &searcher).ok());
  SearchRequest request;
  request.query = "detention";
  request.limit = 5;
  SearchResponse response;
  ASSERT_TRUE(searcher->Search(request, &response).ok());
  EXPECT_EQ(body, SearchJson(response));
  ASSERT_FALSE(body["results"].empty());
  for (const char* field :
       {"id", "path", "title", "lang", "format", "objectives", "translations", "score", "pages", "snippet"}) {
    EXPECT_TRUE(body["results"][0].contains(field)) << field;
  }
}

TEST_F(ServeTest, SearchMarksTheWordsAndNamesTheirPages) {
  auto client = server_->Client();
  json body = GetJson(client, "/api/search?q=detention&lang=en", 200);
  ASSERT_EQ(body["results"].size(), 1u);
  const json& r = body["results"][0];
  EXPECT_EQ(r["id"], kDetentionEn);
  EXPECT_EQ(r["pages"], json::array({1, 2}));
  EXPECT_NE(r["snippet"].get<std::string>().find("<mark>detention</mark>"), std::string::npos)
      << r["snippet"];
  EXPECT_EQ(r["translations"][0]["id"], kDetencionEs);
  EXPECT_EQ(r["objectives"], json::array({5, 13}));
}

TEST_F(ServeTest, SearchFindsTheOtherLanguageUnlessTranslateIsOff) {
  auto client = server_->Client();
  bool spanish_via_translation = false;
  json on = GetJson(client, "/api/search?q=detention", 200);
  for (const json& r : on["results"]) {
    if (r["id"] == kDetencionEs) spanish_via_translation = r["via_translation"].get<bool>();
  }
  EXPECT_TRUE(spanish_via_translation) << on.dump();
  for (const json& r : GetJson(client, "/api/search?q=detention&translate=0", 200)["results"]) {
    EXPECT_NE(r["id"], kDetencionEs);
    EXPECT_FALSE(r["via_translation"].get<bool>());
  }
}

TEST_F(ServeTest, SearchEscapesHtmlInSnippets) {
  auto client = server_->Client();
  // translate=0: the English documents on mobility are not what this checks.
  json body = GetJson(client, "/api/search?q=movilidad&translate=0", 200);
  ASSERT_EQ(body["results"].size(), 1u);
  std::string snippet = body["results"][0]["snippet"];
  EXPECT_NE(snippet.find("&amp;"), std::string::npos) << snippet;
  EXPECT_EQ(body["results"][0]["title"], "Datos sobre migración <script>");  // JSON keeps text as text
}

TEST_F(ServeTest, SearchFiltersByLanguageObjectiveFormatAndYear) {
  auto client = server_->Client();
  EXPECT_EQ(ResultIds(GetJson(client, "/api/search?lang=es", 200)),
            (std::vector<std::string>{kDetencionEs, kDatosEs}));
  EXPECT_EQ(ResultIds(GetJson(client, "/api/search?lang=en&lang=es", 200)).size(), 4u);
  EXPECT_EQ(ResultIds(GetJson(client, "/api/search?lang=en,es", 200)).size(), 4u);
  EXPECT_EQ(ResultIds(GetJson(client, "/api/search?objective=13", 200)),
            (std::vector<std::string>{kDetentionEn, kDetencionEs}));
  EXPECT_EQ(ResultIds(GetJson(client, "/api/search?objective=13&objective=5", 200)),
            (std::vector<std::string>{kDetentionEn}));
  EXPECT_EQ(ResultIds(GetJson(client, "/api/search?objective=13&lang=es", 200)),
            (std::vector<std::string>{kDetencionEs}));
  EXPECT_EQ(ResultIds(GetJson(client, "/api/search?format=pdf", 200)),
            (std::vector<std::string>{kRemittancesEn}));
  EXPECT_EQ(ResultIds(GetJson(client, "/api/search?year=2022", 200)),
            (std::vector<std::string>{kRemittancesEn}));
  EXPECT_EQ(ResultIds(GetJson(client, "/api/search?q=migraci%C3%B3n&lang=es", 200)),
            (std::vector<std::string>{kDatosEs}));
  EXPECT_TRUE(GetJson(client, "/api/search?q=detention&format=html", 200)["results"].empty());
}

TEST_F(ServeTest, SearchCountsFacets) {
  auto client = server_->Client();
  json facets = GetJson(client, "/api/search", 200)["facets"];
  EXPECT_EQ(facets["lang"], (json{{"en", 2}, {"es", 2}}));
  EXPECT_EQ(facets["objective"], (json{{"13", 2}, {"20", 1}, {"5", 1}}));
  EXPECT_EQ(facets["format"], (json{{"html", 1}, {"pdf", 1}, {"txt", 2}}));
  EXPECT_EQ(facets["year"], (json{{"2022", 1}, {"2023", 2}}));
  json filtered = GetJson(client, "/api/search?lang=es", 200)["facets"];
  EXPECT_EQ(filtered["objective"], (json{{"13", 1}}));
}

TEST_F(ServeTest, SearchPagesWithLimitAndOffset) {
  auto client = server_->Client();
  json first = GetJson(client, "/api/search?limit=3", 200);
  json rest = GetJson(client, "/api/search?limit=3&offset=3", 200);
  EXPECT_EQ(first["total"], 4);
  EXPECT_EQ(first["results"].size(), 3u);
  EXPECT_EQ(rest["results"].size(), 1u);
  EXPECT_TRUE(GetJson(client, "/api/search?limit=0", 200)["results"].empty());
  EXPECT_EQ(GetJson(client, "/api/search?limit=0", 200)["facets"]["lang"]["en"], 2);
}

TEST_F(ServeTest, DocumentAnswersAsShowJsonByIdAndByPath) {
  auto client = server_->Client();
  json body = GetJson(client, std::string("/api/documents/") + kDetentionEn, 200);
  std::unique_ptr<Searcher> searcher;
  ASSERT_TRUE(Searcher::Open(dir_.str(), &searcher).ok());
  Document doc;
  ASSERT_TRUE(searcher->Show(kDetentionEn, &doc).ok());
  EXPECT_EQ(body, DocumentDetailJson(doc));
  EXPECT_EQ(body["mentions"].size(), 2u);
  EXPECT_EQ(body["mentions"][0]["kind"], "number");
  EXPECT_EQ(body["translations"][0]["lang"], "es");

  EXPECT_EQ(GetJson(client, "/api/documents/docs%2Fremittances.pdf", 200)["id"], kRemittancesEn);
  EXPECT_EQ(GetJson(client, "/api/documents/docs/remittances.pdf", 200)["id"], kRemittancesEn);
}

TEST_F(ServeTest, ObjectivesAnswerAsTheCommandLine) {
  auto client = server_->Client();
  json all = GetJson(client, "/api/objectives", 200);
  ASSERT_EQ(all["objectives"].size(), 23u);
  EXPECT_EQ(all["objectives"][12]["number"], 13);
  EXPECT_EQ(all["objectives"][12]["documents"], 2);
  EXPECT_EQ(all["objectives"][19]["documents"], 1);
  EXPECT_EQ(all["objectives"][7]["documents"], 0);  // a hub link alone is not a citation
  EXPECT_EQ(all["objectives"][0]["documents"], 0);

  json one = GetJson(client, "/api/objectives/13", 200);
  std::unique_ptr<Searcher> searcher;
  ASSERT_TRUE(Searcher::Open(dir_.str(), &searcher).ok());
  std::vector<Citation> citations;
  ASSERT_TRUE(searcher->DocumentsCiting(13, &citations).ok());
  EXPECT_EQ(one, ObjectiveJson(13, citations));
  EXPECT_EQ(one["objective"], 13);
  EXPECT_FALSE(one["title_en"].get<std::string>().empty());
  EXPECT_FALSE(one["title_es"].get<std::string>().empty());
  ASSERT_EQ(one["documents"].size(), 2u);
  for (const json& d : one["documents"]) {
    ASSERT_FALSE(d["mentions"].empty());
    for (const json& m : d["mentions"]) EXPECT_EQ(m["objective"], 13);  // evidence of 13 only
  }
  EXPECT_TRUE(GetJson(client, "/api/objectives/1", 200)["documents"].empty());
}

TEST_F(ServeTest, MatrixListsEveryDocumentWithItsCitationsPerObjective) {
  auto client = server_->Client();
  json m = GetJson(client, "/api/matrix", 200);
  ASSERT_EQ(m["documents"].size(), 4u);
  ASSERT_EQ(m["objectives"].size(), 23u);
  EXPECT_EQ(m["objectives"][12]["documents"], 2);
  for (const json& d : m["documents"]) {
    if (d["id"] == kRemittancesEn) {
      EXPECT_EQ(d["citations"], (json{{"20", 2}}));
      EXPECT_EQ(d["linked_objectives"], json::array({8}));
    }
    if (d["id"] == kDatosEs) {
      EXPECT_TRUE(d["citations"].empty());
    }
  }
}

struct BadRequest {
  std::string target;
  int status;
  const char* message_part;
};

TEST_F(ServeTest, EveryMalformedRequestIsAClearJsonError) {
  const std::vector<BadRequest> kCases = {
      {"/api/search?objective=99", 400, "objective"},
      {"/api/search?objective=abc", 400, "objective"},
      {"/api/search?objective=0", 400, "objective"},
      {"/api/search?limit=-1", 400, "limit"},
      {"/api/search?limit=100000", 400, "limit"},
      {"/api/search?limit=abc", 400, "limit"},
      {"/api/search?offset=-1", 400, "offset"},
      {"/api/search?offset=999999", 400, "offset"},
      {"/api/search?limit=1&limit=2", 400, "limit"},
      {"/api/search?lang=english", 400, "lang"},
      {"/api/search?format=p.d.f", 400, "format"},
      {"/api/search?year=20x3", 400, "year"},
      {"/api/search?q=" + std::string(1025, 'a'), 400, "too long"},
      {"/api/search?q=%FF", 400, "UTF-8"},
      {"/api/search?q=%E2%82", 400, "UTF-8"},
      {"/api/search?q=%C0%AF", 400, "UTF-8"},  // overlong '/'
      {"/api/search?q=%zz", 400, "percent-encoding"},
      {"/api/search?q=abc%", 400, "percent-encoding"},
      {"/api/search?q=objective:99", 400, "objective"},
      {"/api/search?q=lang:english", 400, "lang"},
      {"/api/documents/%FF", 400, "UTF-8"},
      {"/api/documents/no-such-document", 404, "no document"},
      {"/api/objectives/99", 404, "no objective 99"},
      {"/api/objectives/0", 404, "no objective"},
      {"/api/objectives/abc", 400, "not an objective number"},
      {"/api/objectives/", 400, "not an objective number"},
      {"/api/nope", 404, "no route"},
      {"/nope", 404, "no route"},
      {"/static/../../../etc/passwd", 404, "no route"},
      {"/api/search/extra", 404, "no route"},
  };
  auto client = server_->Client();
  client.set_url_encode(false);  // send the bytes as written
  for (const BadRequest& c : kCases) {
    SCOPED_TRACE(c.target.substr(0, 80));
    json body = GetJson(client, c.target, c.status);
    ASSERT_TRUE(body.is_object());
    ASSERT_TRUE(body.contains("error"));
    EXPECT_NE(body["error"].get<std::string>().find(c.message_part), std::string::npos) << body["error"];
  }
}

TEST_F(ServeTest, OtherMethodsAndOversizedRequestsAreJsonErrorsToo) {
  auto client = server_->Client();
  auto post = client.Post("/api/search", "{}", "application/json");
  ASSERT_TRUE(post);
  EXPECT_EQ(post->status, 404);
  EXPECT_TRUE(json::parse(post->body).contains("error"));

  // Longer than cpp-httplib's request-line limit: it refuses it before
  // routing (414), which the error hook turns into the API's 400.
  auto huge = client.Get(("/api/search?q=" + std::string(9000, 'a')).c_str());
  ASSERT_TRUE(huge);
  EXPECT_EQ(huge->status, 400);
  EXPECT_NE(json::parse(huge->body)["error"].get<std::string>().find("too long"), std::string::npos);

  // Longer than ours, shorter than httplib's.
  auto long_target = client.Get(("/api/search?x=" + std::string(5000, 'a')).c_str());
  ASSERT_TRUE(long_target);
  EXPECT_EQ(long_target->status, 400);
  EXPECT_NE(json::parse(long_target->body)["error"].get<std::string>().find("too long"), std::string::npos);
}

TEST_F(ServeTest, ServesThePageFromMemoryWithASafeContentPolicy) {
  auto client = server_->Client();
  auto page = client.Get("/");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_EQ(page->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_NE(page->body.find("<title>GCM search</title>"), std::string::npos);
  EXPECT_NE(page->body.find("/static/app.js"), std::string::npos);
  // The helpers are loaded first: deferred scripts run in document order.
  EXPECT_LT(page->body.find("/static/helpers.js"), page->body.find("/static/app.js"));
  EXPECT_EQ(page->body.find("http://"), std::string::npos);  // nothing from outside
  EXPECT_EQ(page->body.find("https://"), std::string::npos);
  std::string csp = page->get_header_value("Content-Security-Policy");
  EXPECT_NE(csp.find("script-src 'self'"), std::string::npos);
  EXPECT_EQ(csp.find("unsafe-inline"), std::string::npos);

  auto js = client.Get("/static/app.js");
  ASSERT_TRUE(js);
  EXPECT_EQ(js->status, 200);
  EXPECT_EQ(js->get_header_value("Content-Type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(js->body.find("innerHTML"), std::string::npos);
  EXPECT_EQ(js->get_header_value("Cache-Control"), "no-cache");
  EXPECT_EQ(js->get_header_value("Content-Security-Policy"), csp);
  auto helpers = client.Get("/static/helpers.js");
  ASSERT_TRUE(helpers);
  EXPECT_EQ(helpers->status, 200);
  EXPECT_EQ(helpers->get_header_value("Content-Type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(helpers->get_header_value("Cache-Control"), js->get_header_value("Cache-Control"));
  EXPECT_EQ(helpers->get_header_value("Content-Security-Policy"), csp);
  EXPECT_NE(helpers->body.find("window.GcmHelpers"), std::string::npos);
  EXPECT_EQ(helpers->body.find("innerHTML"), std::string::npos);
  auto css = client.Get("/static/app.css");
  ASSERT_TRUE(css);
  EXPECT_EQ(css->get_header_value("Content-Type"), "text/css; charset=utf-8");
  EXPECT_EQ(css->body.find("url(http"), std::string::npos);

  // The page opens whatever its address says; the API explains errors.
  auto odd = client.Get("/?q=%zz&objective=99");
  ASSERT_TRUE(odd);
  EXPECT_EQ(odd->status, 200);

  auto objective = client.Get("/objectives/13");
  ASSERT_TRUE(objective);
  EXPECT_EQ(objective->status, 302);
  EXPECT_EQ(objective->get_header_value("Location"), "/?objective_page=13");
}

// The build embeds src/serve/web/ byte for byte (cmake/EmbedFiles.cmake):
// what is served is the file in the source tree.
TEST_F(ServeTest, ServesTheFilesOfSrcServeWebByteForByte) {
  auto client = server_->Client();
  const std::pair<const char*, const char*> assets[] = {
      {"/", "index.html"},
      {"/static/app.css", "app.css"},
      {"/static/helpers.js", "helpers.js"},
      {"/static/app.js", "app.js"},
      {"/favicon.ico", "favicon.svg"},
  };
  for (const auto& [route, file] : assets) {
    std::ifstream in(std::string(GCM_SOURCE_DIR) + "/src/serve/web/" + file, std::ios::binary);
    ASSERT_TRUE(in) << file;
    std::string source((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto res = client.Get(route);
    ASSERT_TRUE(res) << route;
    EXPECT_EQ(res->status, 200) << route;
    EXPECT_FALSE(source.empty()) << file;
    EXPECT_TRUE(res->body == source) << route << " differs from src/serve/web/" << file;
  }
}

TEST_F(ServeTest, DocumentsIngestedWhileServingAppearWithoutARestart) {
  auto client = server_->Client();
  EXPECT_TRUE(GetJson(client, "/api/search?q=seafarers", 200)["results"].empty());
  EXPECT_EQ(GetJson(client, "/api/objectives", 200)["objectives"][22]["documents"], 0);

  Document added =
      FixtureDocument("aaaa000000000005", "docs/partnerships.txt", "txt", "en", "Seafarers and partnerships",
              "2024-02-02", {"Seafarers need international cooperation: objective 23."});
  added.mentions = {FixtureMention(23, MentionKind::kNumber, 1, "international cooperation: objective 23.")};
  ASSERT_TRUE(WriteDocs(dir_.str(), {added}).ok());

  json found = GetJson(client, "/api/search?q=seafarers", 200);
  ASSERT_EQ(found["results"].size(), 1u);
  EXPECT_EQ(found["results"][0]["id"], "aaaa000000000005");
  EXPECT_EQ(GetJson(client, "/healthz", 200)["documents"], 5);
  EXPECT_EQ(GetJson(client, "/api/objectives", 200)["objectives"][22]["documents"], 1);
  EXPECT_EQ(GetJson(client, "/api/objectives/23", 200)["documents"].size(), 1u);
  EXPECT_EQ(GetJson(client, "/api/documents/aaaa000000000005", 200)["title"], "Seafarers and partnerships");

  // And through the real pipeline: a text file ingested from disk.
  TempDir files("files");
  std::ofstream(files.path() / "cooperation.txt") << "Consular protection across the migration cycle.\n";
  IngestOptions options;
  options.index_dir = dir_.str();
  options.paths = {files.str()};
  options.keep_missing = true;
  IngestSummary summary;
  ASSERT_TRUE(Ingest(options, IngestListener(), &summary).ok());
  ASSERT_EQ(summary.indexed, 1);
  json consular = GetJson(client, "/api/search?q=consular", 200);
  ASSERT_EQ(consular["results"].size(), 1u);
  EXPECT_NE(consular["results"][0]["path"].get<std::string>().find("cooperation.txt"), std::string::npos);
}

TEST_F(ServeTest, RepeatedRequestsComeFromTheCacheUntilTheIndexChanges) {
  auto client = server_->Client();
  // translate=0 keeps the counts to the English documents (detención is
  // found through translation otherwise).
  auto first = client.Get("/api/search?q=detention&translate=0");
  auto second = client.Get("/api/search?q=detention&translate=0");
  ASSERT_TRUE(first && second);
  EXPECT_EQ(first->get_header_value("X-Cache"), "miss");
  EXPECT_EQ(second->get_header_value("X-Cache"), "hit");
  EXPECT_EQ(second->get_header_value("Content-Type"), "application/json; charset=utf-8");
  EXPECT_EQ(first->body, second->body);
  EXPECT_EQ(json::parse(second->body)["total"], 1);

  Document added = FixtureDocument("aaaa000000000006", "docs/more.txt", "txt", "en", "More on detention", "",
                           {"Detention of children must end."});
  ASSERT_TRUE(WriteDocs(dir_.str(), {added}).ok());
  auto third = client.Get("/api/search?q=detention&translate=0");
  ASSERT_TRUE(third);
  EXPECT_EQ(third->get_header_value("X-Cache"), "miss");
  EXPECT_EQ(json::parse(third->body)["total"], 2);

  // Errors and health are never cached.
  EXPECT_EQ(client.Get("/api/search?limit=-1")->get_header_value("X-Cache"), "");
  EXPECT_EQ(client.Get("/healthz")->get_header_value("X-Cache"), "");
}

TEST_F(ServeTest, ManyClientsAtOnceGetConsistentAnswers) {
  const std::vector<std::string> targets = {"/api/search?q=detention",
                                            "/api/objectives",
                                            "/api/objectives/13",
                                            std::string("/api/documents/") + kDatosEs,
                                            "/healthz",
                                            "/api/search?objective=13&lang=es"};
  std::vector<std::string> expected;
  {
    auto client = server_->Client();
    for (const std::string& t : targets) expected.push_back(client.Get(t.c_str())->body);
  }
  std::atomic<int> failures{0};
  std::vector<std::thread> clients;
  for (int c = 0; c < 12; ++c) {
    clients.emplace_back([&, c] {
      auto client = server_->Client();
      client.set_keep_alive(c % 2 == 0);
      for (int i = 0; i < 40; ++i) {
        std::size_t k = static_cast<std::size_t>(c + i) % targets.size();
        auto res = client.Get(targets[k].c_str());
        if (!res || res->status != 200 || res->body != expected[k]) ++failures;
      }
    });
  }
  for (std::thread& t : clients) t.join();
  EXPECT_EQ(failures.load(), 0);
}

TEST_F(ServeTest, KeepsAnsweringWhileAnIngestionCommitsRepeatedly) {
  std::atomic<bool> done{false};
  std::atomic<int> failures{0}, requests{0};
  std::vector<std::thread> clients;
  for (int c = 0; c < 4; ++c) {
    clients.emplace_back([&] {
      auto client = server_->Client();
      while (!done) {
        auto res = client.Get("/api/search?q=batch&limit=20");
        ++requests;
        if (!res || res->status != 200) ++failures;
      }
    });
  }
  for (int batch = 0; batch < 15; ++batch) {
    std::vector<Document> docs;
    for (int i = 0; i < 5; ++i) {
      char id[17];
      std::snprintf(id, sizeof id, "bbbb%012d", batch * 5 + i);
      docs.push_back(FixtureDocument(id, std::string("batch/") + id + ".txt", "txt", "en", "Batch document",
                             "2024-01-01", {"batch text number " + std::to_string(i)}));
    }
    ASSERT_TRUE(WriteDocs(dir_.str(), docs).ok());
  }
  done = true;
  for (std::thread& t : clients) t.join();
  EXPECT_GT(requests.load(), 0);
  EXPECT_EQ(failures.load(), 0);
  auto client = server_->Client();
  EXPECT_EQ(GetJson(client, "/api/search?q=batch&limit=0", 200)["total"], 75);
}

TEST(RunServer, FailsClearlyWithoutAnIndex) {
  TempDir dir("none");
  ServerOptions options;
  options.index_dir = (dir.path() / "missing").string();
  options.port = 0;
  bool listened = false;
  Status s = RunServer(options, [&](int) { listened = true; });
  EXPECT_EQ(s.code(), Status::Code::kNotFound);
  EXPECT_NE(s.message().find("gcmsearch ingest"), std::string::npos);
  EXPECT_FALSE(listened);
}

TEST(RunServer, FailsClearlyWhenThePortIsTaken) {
  TempDir dir("taken");
  ASSERT_TRUE(WriteDocs(dir.str(), SmallCollection()).ok());
  RunningServer first(dir.str());
  ASSERT_GT(first.port(), 0);
  ServerOptions options;
  options.index_dir = dir.str();
  options.port = first.port();
  bool listened = false;
  Status s = RunServer(options, [&](int) {
    listened = true;
    StopServer();  // so that a wrong bind fails the test instead of hanging it
  });
  EXPECT_FALSE(listened);
  EXPECT_EQ(s.code(), Status::Code::kIOError);
  EXPECT_NE(s.message().find(std::to_string(first.port())), std::string::npos);
}

TEST(RunServer, StopsCleanlyOnStopServerAndOnSigterm) {
  TempDir dir("stop");
  ASSERT_TRUE(WriteDocs(dir.str(), SmallCollection()).ok());
  {
    RunningServer server(dir.str());
    ASSERT_GT(server.port(), 0);
    EXPECT_TRUE(server.Stop().ok());
    httplib::Client client("127.0.0.1", server.port());
    client.set_connection_timeout(1);
    EXPECT_FALSE(client.Get("/healthz"));
  }
  {
    ServerOptions options;
    options.index_dir = dir.str();
    options.port = 0;
    std::promise<int> bound;
    std::thread runner([&] {
      Status s = RunServer(options, [&](int p) { bound.set_value(p); });
      EXPECT_TRUE(s.ok()) << s.ToString();
    });
    int port = bound.get_future().get();
    ASSERT_GT(port, 0);
    ASSERT_EQ(::kill(::getpid(), SIGTERM), 0);  // our handler only sets a flag
    runner.join();
    httplib::Client client("127.0.0.1", port);
    client.set_connection_timeout(1);
    EXPECT_FALSE(client.Get("/healthz"));
  }
}

// ---- The sample corpus, through the real pipeline and the real binary ----

// The shared corpus index (testing::CorpusIndexFixture: `gcmsearch ingest
// --no-ocr corpus/`, built once per build), read-only.
class CorpusServeTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string error;
    fs::path dir = testing::CorpusIndexFixture(&error);
    ASSERT_FALSE(dir.empty()) << error;
    index_ = (dir / "index").string();
  }
  void SetUp() override { ASSERT_FALSE(index_.empty()) << "the corpus fixture was not built"; }
  static std::string Index() { return index_; }

  static std::string index_;
};
std::string CorpusServeTest::index_;

TEST_F(CorpusServeTest, HttpSearchAnswersAsSearchJsonOnTheCommandLine) {
  RunningServer server(Index());
  ASSERT_GT(server.port(), 0);
  auto client = server.Client();
  struct Case {
    std::string target;
    std::vector<std::string> cli;
  };
  const std::vector<Case> kCases = {
      {"/api/search?q=migration", {"--", "migration"}},
      {"/api/search?q=migraci%C3%B3n&limit=3", {"--limit", "3", "--", "migración"}},
      // (httplib's client sends a literal "+" as %2B, so spaces are %20 here.)
      // "--" before the words: CLI11 would take words after a repeatable
      // option (--format, --year, --lang) as more of its values.
      {"/api/search?q=regional%20network&format=pdf&offset=1",
       {"--format", "pdf", "--offset", "1", "--", "regional", "network"}},
      {"/api/search?q=%22civil%20society%22&year=2023", {"--year", "2023", "--", "\"civil society\""}},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.target);
    std::vector<std::string> args = {"search", "--index", Index(), "--json"};
    args.insert(args.end(), c.cli.begin(), c.cli.end());
    testing::CommandResult cli = testing::RunGcmsearch(args);
    ASSERT_EQ(cli.exit_code, 0) << cli.err;
    json http = GetJson(client, c.target, 200);
    EXPECT_EQ(http, json::parse(cli.out));
  }
  json migration = GetJson(client, "/api/search?q=migration", 200);
  EXPECT_EQ(migration["total"].get<int>(), 5);  // as CorpusTest finds it
  EXPECT_NE(migration["results"][0]["snippet"].get<std::string>().find("<mark>"), std::string::npos);
}

TEST_F(CorpusServeTest, EveryCorpusDocumentOpensByIdAndByPath) {
  RunningServer server(Index());
  auto client = server.Client();
  json all = GetJson(client, "/api/search?limit=100", 200);
  ASSERT_EQ(all["results"].size(), 6u);  // every corpus file but the scanned PDF (no OCR)
  for (const json& r : all["results"]) {
    json doc = GetJson(client, "/api/documents/" + r["id"].get<std::string>(), 200);
    EXPECT_EQ(doc["path"], r["path"]);
    EXPECT_TRUE(doc.contains("mentions"));
    std::string path = r["path"];
    json by_path = GetJson(client, "/api/documents/" + httplib::detail::encode_query_param(path), 200);
    EXPECT_EQ(by_path["id"], r["id"]);
  }
}

TEST_F(CorpusServeTest, TheBinaryServesOnAFreePortAndStopsOnSigint) {
  testing::ServeProcess serve;
  std::string error;
  ASSERT_TRUE(testing::StartServe(Index(), &serve, &error)) << error;
  const int port = serve.port;
  // "gcmsearch: serving DIR on http://127.0.0.1:PORT/": loopback by default.
  EXPECT_NE(serve.banner.find("http://127.0.0.1:"), std::string::npos) << serve.banner;

  httplib::Client client("127.0.0.1", port);
  json health = GetJson(client, "/healthz", 200);
  EXPECT_EQ(health["status"], "ok");
  EXPECT_EQ(health["documents"].get<int>(), 6);

  int status = serve.process.Stop(SIGINT);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
}

}  // namespace
}  // namespace gcm
