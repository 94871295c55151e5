// "Which documents cite objective N?" through the real binary, over the
// sample corpus: objective, objectives, search filters, tag and export.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "test_util.h"

namespace gcm {
namespace {

using nlohmann::json;
using testing::RunGcmsearch;

class ObjectivesCli : public ::testing::Test {
 protected:
  // The shared corpus index (testing::CorpusIndexFixture), read-only.
  static void SetUpTestSuite() {
    std::string error;
    std::filesystem::path dir = testing::CorpusIndexFixture(&error);
    ASSERT_FALSE(dir.empty()) << error;
    index_ = (dir / "index").string();
  }

  void SetUp() override { ASSERT_FALSE(index_.empty()) << "the corpus fixture was not built"; }

  // `gcmsearch COMMAND ARGS... --json --index INDEX`.
  static json Json(std::vector<std::string> args) {
    args.insert(args.end(), {"--json", "--index", index_});
    testing::CommandResult r = RunGcmsearch(args);
    EXPECT_EQ(r.exit_code, 0) << args[0] << ": " << r.err;
    return json::parse(r.out);
  }

  static std::string FileOf(const json& doc) {
    std::string path = doc["path"];
    return path.substr(path.rfind('/') + 1);
  }

  static std::string index_;
};

std::string ObjectivesCli::index_;

TEST_F(ObjectivesCli, ObjectiveThirteenListsTheEnglishAndSpanishFactSheetsWithEvidenceAndPage) {
  json answer = Json({"objective", "13"});
  EXPECT_EQ(answer["objective"], 13);
  EXPECT_NE(answer["title_es"].get<std::string>().find("detención"), std::string::npos);
  std::map<std::string, json> by_file;
  for (const json& d : answer["documents"]) by_file[FileOf(d)] = d;
  ASSERT_TRUE(by_file.count("gcm-key-milestones-5-mechanism-2023-en.pdf"));
  ASSERT_TRUE(by_file.count("gcm-hitos-5-mecanismo-2023-es.pdf"));
  const json& en = by_file["gcm-key-milestones-5-mechanism-2023-en.pdf"];
  ASSERT_FALSE(en["mentions"].empty());
  bool found = false;
  for (const json& m : en["mentions"]) {
    EXPECT_EQ(m["objective"], 13);
    if (m["kind"] == "number") {
      found = true;
      EXPECT_GE(m["page"].get<int>(), 1);
      EXPECT_NE(m["text"].get<std::string>().find("13"), std::string::npos) << m["text"];
    }
  }
  EXPECT_TRUE(found);
}

TEST_F(ObjectivesCli, ListsDocumentsWithMostCitationsFirst) {
  json answer = Json({"objective", "8"});
  std::size_t previous = SIZE_MAX;
  for (const json& d : answer["documents"]) {
    std::size_t textual = 0;
    for (const json& m : d["mentions"]) textual += m["kind"] != "link";
    EXPECT_LE(textual, previous) << FileOf(d);
    previous = textual;
  }
}

TEST_F(ObjectivesCli, CountsDocumentsPerObjectiveForAllTwentyThree) {
  json answer = Json({"objectives"});
  ASSERT_EQ(answer["objectives"].size(), 23u);
  EXPECT_EQ(answer["objectives"][12]["number"], 13);
  EXPECT_EQ(answer["objectives"][12]["documents"].get<int>(), 2);  // the English and Spanish fact sheets
  EXPECT_EQ(answer["objectives"][12]["hub_id"], 291);
}

TEST_F(ObjectivesCli, SearchFiltersByObjectiveWithOptionOrQuerySyntax) {
  json by_option = Json({"search", "--objective", "13", "--limit", "50", ""});
  json by_syntax = Json({"search", "--limit", "50", "objective:13"});
  EXPECT_EQ(by_option["total"], by_syntax["total"]);
  ASSERT_EQ(by_option["results"].size(), 2u);  // the English and Spanish fact sheets
  for (const json& r : by_option["results"]) {
    std::vector<int> objectives = r["objectives"];
    EXPECT_NE(std::find(objectives.begin(), objectives.end(), 13), objectives.end()) << FileOf(r);
  }
  EXPECT_EQ(by_option["facets"]["objective"]["13"].get<int>(), 2);
}

TEST_F(ObjectivesCli, TheSelaPagesCountOfTwentyThreeObjectivesIsNoCitation) {
  json doc = Json({"show", testing::CorpusFile("sela-panel-second-review-2025-en.html")});
  std::vector<int> objectives = doc["objectives"];
  EXPECT_EQ(std::find(objectives.begin(), objectives.end(), 23), objectives.end());
}

TEST_F(ObjectivesCli, TagsTextFromStdinWithoutAnIndex) {
  testing::TempDir dir;
  testing::WriteFile(dir / "in.txt", "Se priorizaron el objetivo 8 del PMM y el ODS 10.\n");
  testing::CommandResult r = RunGcmsearch({"tag", "--json", "--lang", "es", "-"}, dir / "in.txt");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json answer = json::parse(r.out);
  EXPECT_EQ(answer["lang"], "es");
  EXPECT_EQ(answer["objectives"], json::array({8}));
  ASSERT_EQ(answer["mentions"].size(), 1u);
  EXPECT_EQ(answer["mentions"][0]["kind"], "number");
}

TEST_F(ObjectivesCli, TagsAFileAndReportsHubLinksApart) {
  testing::CommandResult r = RunGcmsearch({"tag", "--json", testing::CorpusFile("gcm-key-milestones-5-mechanism-2023-en.pdf")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json answer = json::parse(r.out);
  std::vector<int> objectives = answer["objectives"];
  for (int n : {4, 8, 13, 16, 19, 20}) {
    EXPECT_NE(std::find(objectives.begin(), objectives.end(), n), objectives.end()) << n;
  }
  int links = 0;
  for (const json& m : answer["mentions"]) links += m["kind"] == "link";
  EXPECT_EQ(links, 22);  // the fact sheet's hub links, counted in the PDF
}

TEST_F(ObjectivesCli, ExportsTheCitationMatrixAsCsvAndJsonLines) {
  testing::CommandResult csv = RunGcmsearch({"export", "--format", "csv", "--index", index_});
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  std::istringstream lines(csv.out);
  std::string header;
  std::getline(lines, header);
  EXPECT_EQ(header.rfind("id,path,title,lang,format,date,objectives,objective_1,", 0), 0u) << header;
  int rows = 0;
  for (std::string line; std::getline(lines, line);) ++rows;
  EXPECT_EQ(rows, 6);
  testing::CommandResult jsonl = RunGcmsearch({"export", "--format", "jsonl", "--index", index_});
  ASSERT_EQ(jsonl.exit_code, 0);
  std::istringstream docs(jsonl.out);
  int n = 0;
  for (std::string line; std::getline(docs, line); ++n) {
    json d = json::parse(line);
    EXPECT_TRUE(d.contains("citations"));
    EXPECT_TRUE(d.contains("date"));
  }
  EXPECT_EQ(n, 6);
  EXPECT_NE(RunGcmsearch({"export", "--format", "xml", "--index", index_}).exit_code, 0);
}

}  // namespace
}  // namespace gcm
