// Search over a small real database built here: accents and case, stems,
// phrases, filters, facets, pages and snippets.
#include "search/searcher.h"

#include <gtest/gtest.h>

#include "index/indexer.h"
#include "test_util.h"

namespace gcm {
namespace {

Document MakeDoc(const std::string& id, const std::string& lang, std::vector<std::string> pages,
                 std::vector<int> objectives = {}) {
  Document doc;
  doc.id = id;
  doc.path = id + ".pdf";
  doc.format = "pdf";
  doc.title = "Document " + id;
  doc.language = lang;
  doc.date = "2023-06-30";
  int n = 1;
  for (std::string& text : pages) doc.pages.push_back(Page{n++, std::move(text), false, lang, 0});
  for (int o : objectives) {
    doc.mentions.push_back({o, MentionKind::kNumber, 1, 0, 0, "objective " + std::to_string(o), 1.0});
  }
  return doc;
}

class SearcherTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::unique_ptr<Indexer> indexer;
    ASSERT_TRUE(Indexer::Open(dir_ / "db", &indexer).ok());
    std::vector<Document> docs = {
        MakeDoc("es1", "es", {"Introducción general.", "La MIGRACIÓN segura y los migrantes en la región."}, {13}),
        MakeDoc("en1", "en", {"Policies on regular pathways.", "Safe migration policy.", "Annex"}, {4, 13}),
        MakeDoc("en2", "en", {"The Secretary-General spoke about remittances."}, {20}),
    };
    for (Document& d : docs) ASSERT_TRUE(indexer->Add(d).ok());
    ASSERT_TRUE(indexer->Commit().ok());
    indexer.reset();
    ASSERT_TRUE(Searcher::Open(dir_ / "db", &searcher_).ok());
  }

  std::vector<std::string> Ids(const std::string& query, SearchRequest request = {}) {
    request.query = query;
    SearchResponse response;
    Status s = searcher_->Search(request, &response);
    EXPECT_TRUE(s.ok()) << s.ToString();
    std::vector<std::string> ids;
    for (const SearchHit& h : response.hits) ids.push_back(h.doc.id);
    std::sort(ids.begin(), ids.end());
    return ids;
  }

  testing::TempDir dir_;
  std::unique_ptr<Searcher> searcher_;
};

TEST_F(SearcherTest, IgnoresCaseAndAccents) {
  // Without translation, which would also find en1's "migration"
  // (translation_test.cc covers that).
  SearchRequest own_words;
  own_words.translate = false;
  EXPECT_EQ(Ids("migración", own_words), std::vector<std::string>{"es1"});
  EXPECT_EQ(Ids("migracion", own_words), std::vector<std::string>{"es1"});
  EXPECT_EQ(Ids("MIGRACIÓN", own_words), std::vector<std::string>{"es1"});
}

TEST_F(SearcherTest, FindsOtherFormsOfAWordInBothLanguages) {
  EXPECT_EQ(Ids("migrante"), std::vector<std::string>{"es1"});
  EXPECT_EQ(Ids("policies"), std::vector<std::string>{"en1"});
  EXPECT_EQ(Ids("pathway"), std::vector<std::string>{"en1"});
}

TEST_F(SearcherTest, MatchesPhrasesAndHyphenatedCompounds) {
  EXPECT_EQ(Ids("\"regular pathways\""), std::vector<std::string>{"en1"});
  EXPECT_TRUE(Ids("\"pathways regular\"").empty());
  EXPECT_EQ(Ids("Secretary-General"), std::vector<std::string>{"en2"});
}

TEST_F(SearcherTest, FiltersByLanguageObjectiveAndSyntax) {
  SearchRequest by_lang;
  by_lang.languages = {"en"};
  EXPECT_EQ(Ids("safe", by_lang), std::vector<std::string>{"en1"});
  SearchRequest by_objective;
  by_objective.objectives = {13};
  EXPECT_EQ(Ids("", by_objective), (std::vector<std::string>{"en1", "es1"}));
  EXPECT_EQ(Ids("objective:4"), std::vector<std::string>{"en1"});
  EXPECT_EQ(Ids("safe OR segura -policy"), std::vector<std::string>{"es1"});
}

TEST_F(SearcherTest, ReportsThePagesWhereTheWordsAreAndMarksThem) {
  SearchRequest request;
  request.query = "migration";
  request.translate = false;  // the Spanish document would match "migración"
  SearchResponse response;
  ASSERT_TRUE(searcher_->Search(request, &response).ok());
  ASSERT_EQ(response.hits.size(), 1u);
  EXPECT_EQ(response.hits[0].pages, std::vector<int>{2});
  EXPECT_EQ(response.hits[0].snippet_page, 2);
  EXPECT_NE(response.hits[0].snippet.find("<mark>migration</mark>"), std::string::npos)
      << response.hits[0].snippet;
}

TEST_F(SearcherTest, FindsThePageOfAnotherFormWhoseStemIsTheWordItself) {
  // "pathways" stems to "pathway", the very word on page 3: the index keeps
  // that occurrence's position under the word only, and the page must
  // still be found and the word marked.
  std::unique_ptr<Indexer> indexer;
  searcher_.reset();
  ASSERT_TRUE(Indexer::Open(dir_ / "db", &indexer).ok());
  Document d = MakeDoc("en3", "en", {"Introduction.", "Nothing here.", "One regular pathway for workers."});
  ASSERT_TRUE(indexer->Add(d).ok());
  ASSERT_TRUE(indexer->Commit().ok());
  indexer.reset();
  ASSERT_TRUE(Searcher::Open(dir_ / "db", &searcher_).ok());
  SearchRequest request;
  request.query = "pathways";
  request.translate = false;
  request.languages = {"en"};
  SearchResponse response;
  ASSERT_TRUE(searcher_->Search(request, &response).ok());
  const SearchHit* hit = nullptr;
  for (const SearchHit& h : response.hits) {
    if (h.doc.id == "en3") hit = &h;
  }
  ASSERT_NE(hit, nullptr);
  EXPECT_EQ(hit->pages, std::vector<int>{3});
  EXPECT_NE(hit->snippet.find("<mark>pathway</mark>"), std::string::npos) << hit->snippet;
}

TEST_F(SearcherTest, MarksTheOriginalAccentedWordInSnippets) {
  SearchRequest request;
  request.query = "migracion";
  request.translate = false;
  SearchResponse response;
  ASSERT_TRUE(searcher_->Search(request, &response).ok());
  ASSERT_EQ(response.hits.size(), 1u);
  EXPECT_NE(response.hits[0].snippet.find("<mark>MIGRACIÓN</mark>"), std::string::npos)
      << response.hits[0].snippet;
}

TEST_F(SearcherTest, CountsFacetsForLanguageAndObjective) {
  SearchRequest request;
  SearchResponse response;
  ASSERT_TRUE(searcher_->Search(request, &response).ok());
  EXPECT_EQ(response.total, 3u);
  EXPECT_EQ(response.facets["lang"]["en"], 2u);
  EXPECT_EQ(response.facets["lang"]["es"], 1u);
  EXPECT_EQ(response.facets["objective"]["13"], 2u);
  EXPECT_EQ(response.facets["objective"]["20"], 1u);
}

TEST_F(SearcherTest, RejectsOutOfRangeLimitsAndObjectives) {
  SearchRequest request;
  request.limit = 1000;
  SearchResponse response;
  EXPECT_EQ(searcher_->Search(request, &response).code(), Status::Code::kInvalidArgument);
  request.limit = 10;
  request.objectives = {24};
  EXPECT_EQ(searcher_->Search(request, &response).code(), Status::Code::kInvalidArgument);
}

TEST_F(SearcherTest, ShowsADocumentByIdOrPathAndSaysWhenItIsUnknown) {
  Document doc;
  ASSERT_TRUE(searcher_->Show("en2", &doc).ok());
  EXPECT_EQ(doc.path, "en2.pdf");
  ASSERT_TRUE(searcher_->Show("es1.pdf", &doc).ok());
  EXPECT_EQ(doc.id, "es1");
  EXPECT_EQ(searcher_->Show("nope", &doc).code(), Status::Code::kNotFound);
}

TEST_F(SearcherTest, ListsDocumentsCitingAnObjectiveWithCounts) {
  std::vector<Citation> citing;
  ASSERT_TRUE(searcher_->DocumentsCiting(13, &citing).ok());
  EXPECT_EQ(citing.size(), 2u);
  std::array<std::uint64_t, kObjectiveCount + 1> counts;
  ASSERT_TRUE(searcher_->ObjectiveCounts(&counts).ok());
  EXPECT_EQ(counts[13], 2u);
  EXPECT_EQ(counts[4], 1u);
  EXPECT_EQ(counts[1], 0u);
}

TEST(Searcher, SaysHowToCreateAnIndexThatDoesNotExist) {
  std::unique_ptr<Searcher> searcher;
  Status s = Searcher::Open("/nonexistent/index", &searcher);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("gcmsearch ingest"), std::string::npos);
}

}  // namespace
}  // namespace gcm
