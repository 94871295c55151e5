// The index stage against a real Xapian database on disk.
#include "index/indexer.h"

#include <gtest/gtest.h>

#include <functional>
#include <nlohmann/json.hpp>

#include "index/doc_codec.h"
#include "index/term_scheme.h"
#include "test_util.h"

namespace gcm {
namespace {

Document SampleDocument() {
  Document doc;
  doc.id = "00000000000000aa";
  doc.path = "docs/plan.pdf";
  doc.format = "pdf";
  doc.title = "Plan de Trabajo";
  doc.date = "2023-05-15";
  doc.language = "es";
  doc.pages = {Page{1, "La migración segura", false, "es", 0},
               Page{2, "Objetivo 13: alternativas a la detención", false, "es", 0}};
  doc.mentions = {ObjectiveMention{13, MentionKind::kNumber, 2, 0, 11, "Objetivo 13", 1.0},
                  ObjectiveMention{8, MentionKind::kLink, 1, 0, 5, "gcm_objectives=286", 1.0}};
  return doc;
}

bool HasTerm(const Xapian::Document& d, const std::string& term) {
  Xapian::TermIterator t = d.termlist_begin();
  t.skip_to(term);
  return t != d.termlist_end() && *t == term;
}

TEST(Indexer, StoresFoldedWordsStemsAndFilterTerms) {
  Document doc = SampleDocument();
  Xapian::Document x = BuildXapianDocument(doc);
  EXPECT_TRUE(HasTerm(x, "migracion"));          // folded
  EXPECT_TRUE(HasTerm(x, "Zmigracion"));         // Spanish stem of "migración", folded
  EXPECT_TRUE(HasTerm(x, "detencion"));
  EXPECT_TRUE(HasTerm(x, "Q00000000000000aa"));
  EXPECT_TRUE(HasTerm(x, "Les"));
  EXPECT_TRUE(HasTerm(x, "XFpdf"));
  EXPECT_TRUE(HasTerm(x, "Tapplication/pdf"));
  EXPECT_TRUE(HasTerm(x, "Y2023"));
  EXPECT_TRUE(HasTerm(x, "D20230515"));
  EXPECT_TRUE(HasTerm(x, "XO13"));
  EXPECT_FALSE(HasTerm(x, "XO8"));  // a link is not a textual citation
  EXPECT_TRUE(HasTerm(x, "XOL8"));
  EXPECT_TRUE(HasTerm(x, "Strabajo"));
  EXPECT_EQ(x.get_value(kSlotObjectives), "13");
}

TEST(Indexer, RecordsWherePagesStartSoHitsMapToPages) {
  Document doc = SampleDocument();
  BuildXapianDocument(doc);
  EXPECT_EQ(doc.pages[0].first_position, 1u);
  EXPECT_EQ(doc.pages[1].first_position, 5u);  // 3 words on page 1, then a gap
}

TEST(Indexer, ReplacesADocumentAddedTwiceInsteadOfDuplicating) {
  testing::TempDir dir;
  std::unique_ptr<Indexer> indexer;
  ASSERT_TRUE(Indexer::Open(dir / "db", &indexer).ok());
  Document doc = SampleDocument();
  ASSERT_TRUE(indexer->Add(doc).ok());
  ASSERT_TRUE(indexer->Add(doc).ok());
  ASSERT_TRUE(indexer->Commit().ok());
  EXPECT_EQ(indexer->database().get_doccount(), 1u);
  Xapian::Database reader(dir / "db");
  EXPECT_EQ(reader.get_doccount(), 1u);
}

TEST(Indexer, RefusesASecondWriterWithAClearReason) {
  testing::TempDir dir;
  std::unique_ptr<Indexer> first, second;
  ASSERT_TRUE(Indexer::Open(dir / "db", &first).ok());
  Status s = Indexer::Open(dir / "db", &second);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("another ingest"), std::string::npos) << s.message();
}

TEST(Indexer, RemembersFailedFilesUntilCleared) {
  testing::TempDir dir;
  std::unique_ptr<Indexer> indexer;
  ASSERT_TRUE(Indexer::Open(dir / "db", &indexer).ok());
  indexer->RecordFailure({"bad.pdf", "the PDF is encrypted", 10, 20});
  ASSERT_TRUE(indexer->FindFailure("bad.pdf").has_value());
  EXPECT_EQ(indexer->FindFailure("bad.pdf")->reason, "the PDF is encrypted");
  EXPECT_EQ(indexer->Failures().size(), 1u);
  indexer->ClearFailure("bad.pdf");
  EXPECT_FALSE(indexer->FindFailure("bad.pdf").has_value());
}

TEST(DocCodec, RoundTripsEveryField) {
  Document doc = SampleDocument();
  doc.pages[1].from_ocr = true;
  doc.translations = {Translation{"00000000000000bb", "docs/plan-en.pdf", "en", 0.9}};
  Document back;
  ASSERT_TRUE(DecodeDocumentData(EncodeDocumentData(doc), &back).ok());
  EXPECT_EQ(back.title, doc.title);
  EXPECT_EQ(back.pages.size(), 2u);
  EXPECT_TRUE(back.pages[1].from_ocr);
  EXPECT_EQ(back.mentions.size(), 2u);
  EXPECT_EQ(back.mentions[1].kind, MentionKind::kLink);
  EXPECT_EQ(back.translations[0].path, "docs/plan-en.pdf");
}

TEST(DocCodec, StoresALargeBodyCompressedAndReadsItBack) {
  Document doc = SampleDocument();
  std::string line(1023, 'x');
  for (int i = 0; i < 2000; ++i) doc.pages[1].text += line + "\n";
  std::string data = EncodeDocumentData(doc);
  EXPECT_LT(data.size(), 100000u) << "the 2 MB body is stored compressed";
  Document back;
  ASSERT_TRUE(DecodeDocumentData(data, &back).ok());
  EXPECT_EQ(back.pages[1].text, doc.pages[1].text);
  EXPECT_EQ(back.mentions.size(), 2u);
  EXPECT_EQ(back.mentions[0].text, "Objetivo 13");
}

TEST(DocCodec, ReadsTheUncompressedFormOfEarlierIndexes) {
  // Header, NUL, full mentions, page texts: as stored before bodies were
  // compressed (an index built then still searches).
  Document doc = SampleDocument();
  std::string mentions = R"([{"o":13,"k":"number","pg":2,"off":0,"len":11,"t":"Objetivo 13","c":1.0}])";
  std::string data = R"({"v":1,"id":"x","lang":"es","mlen":)" + std::to_string(mentions.size()) +
                     R"(,"pages":[{"n":1,"len":5,"l":"es","p":1},{"n":2,"len":6,"l":"es","p":7}]})";
  data += '\0';
  data += mentions + "hola mundo!";
  Document back;
  ASSERT_TRUE(DecodeDocumentData(data, &back).ok());
  EXPECT_EQ(back.pages[0].text, "hola ");
  EXPECT_EQ(back.pages[1].text, "mundo!");
  ASSERT_EQ(back.mentions.size(), 1u);
  EXPECT_EQ(back.mentions[0].objective, 13);
}

TEST(DocCodec, RejectsADamagedCompressedBody) {
  Document doc = SampleDocument();
  doc.pages[1].text.assign(5000, 'b');  // the last section, stored compressed
  std::string data = EncodeDocumentData(doc);
  ASSERT_NE(data.find("\"z\":"), std::string::npos);
  Document back;
  std::string text;
  const std::string cut = data.substr(0, data.size() - 3);
  const std::string cut_short = "stored document body: page 2's text at offset 513: cut short (needs 46 bytes, 43 left)";
  EXPECT_EQ(DecodeDocumentData(cut, &back).message(), cut_short);
  EXPECT_EQ(DecodePageText(cut, 2, &text).message(), cut_short);
  std::string flipped = data;
  flipped[flipped.size() - 8] ^= 0x5a;
  const std::string no_inflate = "stored document body: page 2's text at offset 513: does not inflate to its 5000 bytes";
  EXPECT_EQ(DecodeDocumentData(flipped, &back).message(), no_inflate);
  EXPECT_EQ(DecodePageText(flipped, 2, &text).message(), no_inflate);
  // The first page, stored before the damage, still reads.
  ASSERT_TRUE(DecodePageText(flipped, 1, &text).ok());
  EXPECT_EQ(text, doc.pages[0].text);
}

TEST(DocCodec, RejectsDataThatIsNotOurs) {
  Document doc;
  EXPECT_EQ(DecodeDocumentData("not json", &doc).message(), "stored document data is not JSON");
}

TEST(DocCodec, RejectsAPageLengthThatWrapsAround) {
  // 2^64 - 1 plus the offset wrapped past the length check.
  std::string data = std::string(R"({"pages":[{"n":1,"len":18446744073709551615},{"n":2,"len":1}]})") +
                     '\0' + "ab";
  Document doc;
  Status s = DecodeDocumentData(data, &doc);
  EXPECT_EQ(s.code(), Status::Code::kCorruption) << doc.pages.size();
  EXPECT_EQ(s.message(), "stored document body: page 1's text at offset " + std::to_string(data.size() - 2) +
                             ": cut short (needs 18446744073709551615 bytes, 2 left)");
}

std::string CorruptionMessage(const Status& s) {
  return s.code() == Status::Code::kCorruption ? s.message() : "<not a corruption: " + s.ToString() + ">";
}

// A stored form with every kind of section: full mentions (uncompressed),
// page 1 as it is, page 2 compressed.
std::string StoredWithEverySection() {
  Document doc = SampleDocument();
  doc.pages[1].text.assign(5000, 'b');
  return EncodeDocumentData(doc);
}

// `data` with its header edited by `edit`, the body kept.
std::string WithHeader(const std::string& data, const std::function<void(nlohmann::json&)>& edit) {
  const std::size_t nul = data.find('\0');
  nlohmann::json header = nlohmann::json::parse(data.substr(0, nul));
  edit(header);
  return header.dump() + data.substr(nul);
}

TEST(DocCodecCorruption, EveryCutIsRefusedForWhereItFalls) {
  const std::string data = StoredWithEverySection();
  const std::size_t nul = data.find('\0');
  ASSERT_NE(nul, std::string::npos);
  for (std::size_t n = 0; n < data.size(); ++n) {
    const std::string cut = data.substr(0, n);
    Document doc;
    std::string text;
    const std::string message = CorruptionMessage(DecodeDocumentData(cut, &doc));
    const std::string page_message = CorruptionMessage(DecodePageText(cut, 2, &text));
    if (n <= nul) {
      // In the header (or just before its NUL): the JSON does not close,
      // or it closes with no body after it.
      const std::string expected = n < nul ? "stored document data is not JSON" : "stored document body: ";
      EXPECT_EQ(message.find(expected), 0u) << "cut at " << n << ": " << message;
      EXPECT_EQ(page_message.find(expected), 0u) << "cut at " << n << ": " << page_message;
    } else {
      // In the body: the section the cut falls in is cut short.
      EXPECT_EQ(message.find("stored document body: "), 0u) << "cut at " << n << ": " << message;
      EXPECT_NE(message.find(": cut short (needs "), std::string::npos) << "cut at " << n << ": " << message;
      EXPECT_NE(page_message.find(": cut short (needs "), std::string::npos) << "cut at " << n << ": " << page_message;
    }
  }
}

TEST(DocCodecCorruption, EachKindOfDamageFailsForItsOwnReason) {
  const std::string good = StoredWithEverySection();
  const std::size_t body = good.find('\0') + 1;
  std::string flipped = good;
  flipped[flipped.size() - 8] ^= 0x5a;  // inside page 2's compressed bytes
  std::string shorter_inflated = WithHeader(good, [](nlohmann::json& j) { j["pages"][1]["len"] = 4999; });
  struct Row {
    const char* damage;
    std::string data;
    std::string message;  // its start
  } rows[] = {
      {"a huge mentions length", WithHeader(good, [](nlohmann::json& j) { j["mlen"] = 1ull << 62; }),
       "stored document body: the mentions at offset "},
      {"a huge page length", WithHeader(good, [](nlohmann::json& j) { j["pages"][0]["len"] = 1ull << 62; }),
       "stored document body: page 1's text at offset "},
      {"a huge compressed size", WithHeader(good, [](nlohmann::json& j) { j["pages"][1]["z"] = ~0ull; }),
       "stored document body: page 2's text at offset "},
      {"a flipped compressed byte", flipped, "stored document body: page 2's text at offset "},
      {"a wrong inflated length", shorter_inflated, "stored document body: page 2's text at offset "},
      {"a header that is not an object", "[1,2]" + good.substr(body - 1), "stored document data is not JSON"},
      {"a page length that is not an integer",
       WithHeader(good, [](nlohmann::json& j) { j["pages"][0]["len"] = "ten"; }),
       "stored document data: [json.exception.other_error.501] \"len\" is not an integer in range"},
  };
  const std::string reasons[] = {"cut short (needs 4611686018427387904 bytes, ",
                                 "cut short (needs 4611686018427387904 bytes, ",
                                 "cut short (needs 18446744073709551615 bytes, ",
                                 "does not inflate to its 5000 bytes",
                                 "does not inflate to its 4999 bytes",
                                 "",
                                 ""};
  for (std::size_t i = 0; i < std::size(rows); ++i) {
    Document doc;
    const std::string message = CorruptionMessage(DecodeDocumentData(rows[i].data, &doc));
    EXPECT_EQ(message.find(rows[i].message), 0u) << rows[i].damage << ": " << message;
    EXPECT_NE(message.find(reasons[i]), std::string::npos) << rows[i].damage << ": " << message;
  }
}

// Each row is a document that is whole except for one number, so that only
// the range check on that number can reject it: the mentions are in the
// body where "mlen" says, every other field is absent or valid.
struct RangeRow {
  const char* what;
  std::string data;
  DecodeDetail detail;
  const char* check;  // the message the check gives
};

std::string WithMentions(const std::string& header_fields, const std::string& mentions) {
  return "{" + header_fields + (header_fields.empty() ? "" : ",") + R"("mlen":)" +
         std::to_string(mentions.size()) + "}" + '\0' + mentions;
}

TEST(DocCodec, RejectsNumbersThatAreNotIntegersInRange) {
  // Found by fuzz_doc_codec: casting 3.3e30 to an integer is undefined.
  const std::string kMention = R"("k":"number","pg":1,"off":0,"len":1,"t":"x")";
  const std::vector<RangeRow> rows = {
      {"a page length that is a float", WithMentions(R"("pages":[{"n":1,"len":3.3e30}])", "[]"),
       DecodeDetail::kFull, R"("len" is not an integer in range)"},
      {"a page number that is a float", WithMentions(R"("pages":[{"n":1e300,"len":0}])", "[]"),
       DecodeDetail::kFull, R"("n" is not an integer in range)"},
      {"a page number over int", WithMentions(R"("pages":[{"n":4294967296,"len":0}])", "[]"),
       DecodeDetail::kFull, R"("n" is not an integer in range)"},
      {"an objective that is a float", WithMentions("", R"([{"o":-1e20,)" + kMention + "}]"),
       DecodeDetail::kFull, R"("o" is not an integer in range)"},
      {"an objective under int", WithMentions("", R"([{"o":-4294967296,)" + kMention + "}]"),
       DecodeDetail::kFull, R"("o" is not an integer in range)"},
      {"a negative file size", WithMentions(R"("size":-1)", "[]"), DecodeDetail::kFull,
       R"("size" is not an integer in range)"},
      {"a first position over 32 bits", WithMentions(R"("pages":[{"n":1,"len":0,"p":4294967296}])", "[]"),
       DecodeDetail::kFull, R"("p" is not an integer in range)"},
      {"a summary's objective over int", WithMentions(R"("mk":[[4294967296,"number"]])", "[]"),
       DecodeDetail::kSummary, "an objective number is not an integer in range"},
  };
  for (const RangeRow& row : rows) {
    SCOPED_TRACE(row.what);
    Document doc;
    Status s = DecodeDocumentData(row.data, &doc, row.detail);
    EXPECT_EQ(s.code(), Status::Code::kCorruption) << s.ToString();
    EXPECT_NE(s.message().find(row.check), std::string::npos) << s.ToString();
  }
}

TEST(DocCodec, TheRangeRowsDecodeWithTheirNumberInRange) {
  // The same documents with the one number made valid decode: nothing but
  // that number made a RejectsNumbersThatAreNotIntegersInRange row fail.
  const std::string kMention = R"("k":"number","pg":1,"off":0,"len":1,"t":"x")";
  for (const std::string& data :
       {WithMentions(R"("pages":[{"n":1,"len":0}])", "[]"), WithMentions(R"("pages":[{"n":7,"len":0}])", "[]"),
        WithMentions("", R"([{"o":13,)" + kMention + "}]"), WithMentions(R"("size":1)", "[]"),
        WithMentions(R"("pages":[{"n":1,"len":0,"p":4294967295}])", "[]")}) {
    Document doc;
    Status s = DecodeDocumentData(data, &doc);
    EXPECT_TRUE(s.ok()) << s.ToString() << " " << data;
  }
  Document summary;
  Status s = DecodeDocumentData(WithMentions(R"("mk":[[13,"number"]])", "[]"), &summary, DecodeDetail::kSummary);
  EXPECT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(summary.CitedObjectives(), std::vector<int>{13});
}

}  // namespace
}  // namespace gcm

namespace gcm {
namespace {

TEST(DocCodec, ASummaryKeepsObjectivesAndKindsButNotTheEvidence) {
  Document doc = SampleDocument();
  Document summary;
  ASSERT_TRUE(DecodeDocumentData(EncodeDocumentData(doc), &summary, DecodeDetail::kSummary).ok());
  EXPECT_EQ(summary.CitedObjectives(), std::vector<int>{13});
  ASSERT_EQ(summary.mentions.size(), 2u);
  EXPECT_EQ(summary.mentions[1].kind, MentionKind::kLink);
  EXPECT_TRUE(summary.mentions[0].text.empty());
  // Pages without their text; DecodePageText reads one.
  ASSERT_EQ(summary.pages.size(), 2u);
  EXPECT_TRUE(summary.pages[1].text.empty());
  EXPECT_EQ(summary.pages[1].first_position, doc.pages[1].first_position);
  std::string text;
  ASSERT_TRUE(DecodePageText(EncodeDocumentData(doc), 2, &text).ok());
  EXPECT_EQ(text, doc.pages[1].text);
}

TEST(DocCodec, ReadsOnePageOfALongCompressedDocument) {
  Document doc = SampleDocument();
  doc.pages.clear();
  for (int n = 1; n <= 40; ++n) {
    std::string text;
    for (int i = 0; i < 100; ++i) text += "page " + std::to_string(n) + " line " + std::to_string(i) + "\n";
    doc.pages.push_back(Page{n, text, false, "en", 0});
  }
  const std::string data = EncodeDocumentData(doc);
  std::string text;
  ASSERT_TRUE(DecodePageText(data, 27, &text).ok());
  EXPECT_EQ(text, doc.pages[26].text);
  EXPECT_EQ(DecodePageText(data, 41, &text).code(), Status::Code::kNotFound);
  Document full;
  ASSERT_TRUE(DecodeDocumentData(data, &full).ok());
  for (int n = 0; n < 40; ++n) EXPECT_EQ(full.pages[n].text, doc.pages[n].text) << n;
  // Page 0: the first page that is not blank (a title-only match's snippet).
  doc.pages[0].text = " \n";
  doc.pages[1].text.clear();
  int found = 0;
  ASSERT_TRUE(DecodePageText(EncodeDocumentData(doc), 0, &text, &found).ok());
  EXPECT_EQ(found, 3);
  EXPECT_EQ(text, doc.pages[2].text);
}

}  // namespace
}  // namespace gcm
