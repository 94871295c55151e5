// The term scheme's shared rules and the index's format version, against
// real Xapian databases on disk.
#include "index/term_scheme.h"

#include <gtest/gtest.h>

#include "index/indexer.h"
#include "index/xapian_status.h"
#include "test_util.h"

namespace gcm {
namespace {

TEST(TermScheme, AWordGivesItsFoldedFormAndAPositionalStemOnlyWhenTheyDiffer) {
  WordTerms migraciones = TermsOfWord("Migraciones", "es");
  EXPECT_EQ(migraciones.folded, "migraciones");
  EXPECT_EQ(migraciones.stem_term, "Zmigracion");
  EXPECT_TRUE(migraciones.stem_positional);
  // "plan" stems to itself: the word's own positions serve for the stem.
  WordTerms plan = TermsOfWord("plan", "en");
  EXPECT_EQ(plan.stem_term, "Zplan");
  EXPECT_FALSE(plan.stem_positional);
  EXPECT_EQ(StemOccurrenceTerms("plan"), (std::vector<std::string>{"Zplan", "plan"}));
}

TEST(TermScheme, AWordWithoutAStemmerOrTooLongGivesNoStemOrNoTerm) {
  EXPECT_TRUE(TermsOfWord("Wörter", "und").stem_term.empty());
  EXPECT_EQ(TermsOfWord("Wörter", "und").folded, "worter");
  EXPECT_TRUE(TermsOfWord(std::string(kMaxTermBytes + 1, 'a'), "en").folded.empty());
  EXPECT_EQ(TermsOfWord(std::string(kMaxTermBytes, 'a'), "en").folded.size(), kMaxTermBytes);
}

TEST(TermScheme, PositionsOfConsecutivePagesLeaveAGapAndMapBackToTheirTokens) {
  std::vector<Page> pages(3);
  PositionCursor cursor;
  int tokens_per_page[] = {3, 0, 2};
  std::vector<Xapian::termpos> last_of_page;
  for (int i = 0; i < 3; ++i) {
    pages[i].number = i + 1;
    pages[i].first_position = cursor.StartPage();
    Xapian::termpos last = 0;
    for (int t = 0; t < tokens_per_page[i]; ++t) last = cursor.NextToken();
    last_of_page.push_back(last);
    cursor.EndPage();
  }
  EXPECT_EQ(pages[0].first_position, 1u);
  EXPECT_EQ(pages[1].first_position, 5u);  // 1..3, gap at 4
  EXPECT_EQ(pages[2].first_position, 6u);  // the empty page 2 took only its gap
  int page = 0;
  std::uint32_t token = 0;
  ASSERT_TRUE(LocatePosition(pages, 3, &page, &token));
  EXPECT_EQ(page, 1);
  EXPECT_EQ(token, 2u);
  ASSERT_TRUE(LocatePosition(pages, 7, &page, &token));
  EXPECT_EQ(page, 3);
  EXPECT_EQ(token, 1u);
  EXPECT_FALSE(LocatePosition(pages, 0, &page, &token));
}

TEST(TermScheme, BuiltDocumentsPutTokenIOfAPageAtItsFirstPositionPlusI) {
  Document doc;
  doc.id = "00000000000000ab";
  doc.path = "a.txt";
  doc.format = "txt";
  doc.language = "en";
  doc.pages = {Page{1, "safe orderly regular", false, "en", 0}, Page{2, "return home", false, "en", 0}};
  Xapian::Document x = BuildXapianDocument(doc);
  auto first_position_of = [&](const std::string& term) {
    Xapian::TermIterator t = x.termlist_begin();
    t.skip_to(term);
    return *t.positionlist_begin();
  };
  int page = 0;
  std::uint32_t token = 0;
  ASSERT_TRUE(LocatePosition(doc.pages, first_position_of("home"), &page, &token));
  EXPECT_EQ(page, 2);
  EXPECT_EQ(token, 1u);
  ASSERT_TRUE(LocatePosition(doc.pages, first_position_of("regular"), &page, &token));
  EXPECT_EQ(page, 1);
  EXPECT_EQ(token, 2u);
}

TEST(FormatVersion, ANewIndexRecordsItsVersionAndReopensFine) {
  testing::TempDir dir;
  {
    std::unique_ptr<Indexer> indexer;
    ASSERT_TRUE(Indexer::Open(dir / "ix", &indexer).ok());
    ASSERT_TRUE(indexer->Commit().ok());
  }
  Xapian::Database db(dir / "ix");
  EXPECT_EQ(db.get_metadata(kFormatVersionKey), std::to_string(kFormatVersion));
  EXPECT_TRUE(CheckFormatVersion(db, dir / "ix").ok());
  std::unique_ptr<Indexer> again;
  EXPECT_TRUE(Indexer::Open(dir / "ix", &again).ok());
}

TEST(FormatVersion, AnIndexWithoutTheKeyIsVersionOne) {
  testing::TempDir dir;
  { Xapian::WritableDatabase db(dir / "old", Xapian::DB_CREATE_OR_OPEN); db.commit(); }
  EXPECT_TRUE(CheckFormatVersion(Xapian::Database(dir / "old"), "old").ok());
}

TEST(FormatVersion, AnotherVersionIsRefusedInOneLineThatSaysHowToRebuild) {
  testing::TempDir dir;
  {
    Xapian::WritableDatabase db(dir / "ix", Xapian::DB_CREATE_OR_OPEN);
    db.set_metadata(kFormatVersionKey, std::to_string(kFormatVersion + 1));
    db.commit();
  }
  Status s = CheckFormatVersion(Xapian::Database(dir / "ix"), dir / "ix");
  ASSERT_EQ(s.code(), Status::Code::kUnsupported);
  EXPECT_NE(s.message().find("format " + std::to_string(kFormatVersion + 1)), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("rebuild"), std::string::npos) << s.message();
  EXPECT_EQ(s.message().find('\n'), std::string::npos);
  std::unique_ptr<Indexer> indexer;
  Status w = Indexer::Open(dir / "ix", &indexer);
  EXPECT_EQ(w.code(), Status::Code::kUnsupported) << w.ToString();
  // A value that is not a number is named as it is.
  {
    Xapian::WritableDatabase db(dir / "ix", Xapian::DB_OPEN);
    db.set_metadata(kFormatVersionKey, "x9");
    db.commit();
  }
  s = CheckFormatVersion(Xapian::Database(dir / "ix"), "ix");
  EXPECT_NE(s.message().find("'x9'"), std::string::npos) << s.message();
}

TEST(XapianStatus, EachErrorClassBecomesTheStatusItsCallerActsOn) {
  EXPECT_EQ(GuardXapian("r", [] { throw Xapian::DatabaseModifiedError("moved"); }).code(),
            Status::Code::kDatabaseChanged);
  EXPECT_TRUE(GuardXapian("r", [] { throw Xapian::DatabaseModifiedError("moved"); }).IsRetryable());
  EXPECT_EQ(GuardXapian("r", [] { throw Xapian::DatabaseLockError("locked"); }).code(),
            Status::Code::kIOError);
  EXPECT_EQ(GuardXapian("r", [] { throw Xapian::DatabaseCorruptError("bad"); }).code(),
            Status::Code::kCorruption);
  EXPECT_EQ(GuardXapian("r", [] { throw Xapian::DatabaseOpeningError("none"); }).code(),
            Status::Code::kNotFound);
  EXPECT_EQ(GuardXapian("r", [] { throw Xapian::QueryParserError("q"); }).code(),
            Status::Code::kInvalidArgument);
  EXPECT_EQ(GuardXapian("r", [] { throw Xapian::AssertionError("bug"); }).code(),
            Status::Code::kInternal);
  Status s = GuardXapian("reading x", [] { throw Xapian::DatabaseCorruptError("bad block"); });
  EXPECT_EQ(s.message().rfind("reading x: ", 0), 0u) << s.message();
  EXPECT_NE(s.message().find("bad block"), std::string::npos);
  EXPECT_EQ(Status::DatabaseChanged("x").HttpStatus(), 503);
  // A Status the guarded call returns comes back as it is.
  EXPECT_EQ(GuardXapian("r", [] { return Status::NotFound("n"); }).message(), "n");
}

TEST(XapianStatus, ARealLockedIndexIsNamedAsBeingWritten) {
  testing::TempDir dir;
  std::unique_ptr<Indexer> first;
  ASSERT_TRUE(Indexer::Open(dir / "ix", &first).ok());
  std::unique_ptr<Indexer> second;
  Status s = Indexer::Open(dir / "ix", &second);
  EXPECT_EQ(s.code(), Status::Code::kIOError);
  EXPECT_NE(s.message().find("another ingest is writing"), std::string::npos) << s.message();
}

}  // namespace
}  // namespace gcm
