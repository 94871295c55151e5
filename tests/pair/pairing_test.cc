// Version pairing: on the labelled collection (corpus/ and tests/data/xlang/)
// every link made is right and nearly every pair is found; documents with no
// version get none; links are stored with the documents (show, translations,
// search results) and follow the collection as files come and go.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "core/coding.h"
#include "ingest/ingester.h"
#include "pair/pairing.h"
#include "index/term_scheme.h"
#include "search/searcher.h"
#include "test_util.h"
#include "xlang/bilingual_lexicon.h"
#include "eval/xlang_evaluation.h"

namespace gcm {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;

Status IngestPaths(const std::string& index, const std::vector<std::string>& paths) {
  IngestOptions options;
  options.index_dir = index;
  options.paths = paths;
  IngestSummary summary;
  return Ingest(options, IngestListener(), &summary);
}

std::vector<Document> AllDocuments(const std::string& index) {
  std::unique_ptr<Searcher> searcher;
  EXPECT_TRUE(Searcher::Open(index, &searcher).ok());
  std::vector<Document> docs;
  if (searcher) {
    EXPECT_TRUE(searcher->AllDocuments(&docs).ok());
  }
  return docs;
}

// The labelled collection, ingested once per build for every test process
// (testing::LabelledCollectionFixture), read-only.
class LabelledPairing : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string error;
    std::filesystem::path dir = testing::LabelledCollectionFixture(&error);
    ASSERT_FALSE(dir.empty()) << error;
    index_ = (dir / "index").string();
  }
  void SetUp() override { ASSERT_FALSE(index_.empty()) << "the labelled collection was not built"; }
  static std::string Index() { return index_; }
  static std::string index_;
};
std::string LabelledPairing::index_;

// tests/data/xlang/heldout/ holds the held-out query set's texts
// (tests/data/xlang_heldout_sources.tsv); xlang_pairs.tsv labels the rest.
bool Unlabelled(const std::string& path) { return path.find("/xlang/heldout/") != std::string::npos; }

TEST_F(LabelledPairing, StoredLinksArePreciseAndFindTheLabelledPairs) {
  std::vector<Document> docs = AllDocuments(Index());
  std::vector<PairLabel> labels;
  ASSERT_TRUE(LoadPairLabels(testing::SourceDir() + "/tests/data/xlang_pairs.tsv", &labels).ok());
  ASSERT_EQ(labels.size(), 8u);
  // The stored links, read back as pairs.
  std::vector<PairingFeatures> features;
  std::vector<VersionPair> pairs;
  for (const Document& d : docs) {
    PairingFeatures f;
    f.id = d.id;
    f.path = d.path;
    f.language = d.language;
    features.push_back(f);
  }
  for (std::size_t i = 0; i < docs.size(); ++i) {
    if (docs[i].language != "en") continue;
    for (const Translation& t : docs[i].translations) {
      for (std::size_t j = 0; j < docs.size(); ++j) {
        // Links among the unlabelled held-out texts are not judged here.
        if (docs[j].id == t.id && !(Unlabelled(docs[i].path) && Unlabelled(docs[j].path))) {
          pairs.push_back(VersionPair{i, j, t.score});
        }
      }
    }
  }
  PairingReport report = MeasurePairing(features, pairs, labels);
  EXPECT_EQ(report.Precision(), 1.0) << (report.wrong.empty() ? "" : report.wrong[0]);
  // Every labelled pair is found (8 of 8 when this was written); a floor of
  // 7 of 8 would let one go unnoticed.
  EXPECT_EQ(report.Recall(), 1.0) << (report.missed.empty() ? "" : report.missed[0]);
  // Links go both ways.
  for (const Document& d : docs) {
    for (const Translation& t : d.translations) {
      bool back = false;
      for (const Document& other : docs) {
        if (other.id != t.id) continue;
        for (const Translation& u : other.translations) back = back || u.id == d.id;
      }
      EXPECT_TRUE(back) << d.path << " -> " << t.path;
    }
  }
}

TEST_F(LabelledPairing, EnglishOnlyDocumentsGetNoTranslation) {
  for (const Document& d : AllDocuments(Index())) {
    std::string name = fs::path(d.path).filename().string();
    if (name == "regional-network-work-plan-2023-2024-en.pdf" ||
        name == "first-regional-forum-panama-2023-en.html" || name == "sela-panel-second-review-2025-en.html" ||
        d.path.find("/decoys/") != std::string::npos) {
      EXPECT_TRUE(d.translations.empty()) << d.path << " -> " << d.translations[0].path;
    }
  }
}

TEST_F(LabelledPairing, TheFactSheetListsBothSpanishVersionsBestFirst) {
  std::unique_ptr<Searcher> searcher;
  ASSERT_TRUE(Searcher::Open(Index(), &searcher).ok());
  Document doc;
  ASSERT_TRUE(searcher->Show(testing::CorpusFile("gcm-key-milestones-5-mechanism-2023-en.pdf"), &doc).ok());
  ASSERT_EQ(doc.translations.size(), 2u);
  EXPECT_EQ(fs::path(doc.translations[0].path).filename(), "gcm-hitos-5-mecanismo-2023-es.pdf");
  EXPECT_EQ(fs::path(doc.translations[1].path).filename(), "gcm-hitos-5-mecanismo-2023-es-scanned.pdf");
  EXPECT_GE(doc.translations[0].score, doc.translations[1].score);
  EXPECT_EQ(doc.translations[0].language, "es");
}

TEST_F(LabelledPairing, ShowTranslationsAndSearchListTheLinks) {
  std::string index = Index();
  std::string pdf = testing::SourceDir() + "/tests/data/xlang/pairs/smuggling-trafficking-training-2023-en.pdf";
  testing::CommandResult r = testing::RunGcmsearch({"show", "--index", index, "--json", pdf});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json doc = nlohmann::json::parse(r.out);
  ASSERT_EQ(doc["translations"].size(), 1u);  // a PDF whose version is an HTML page
  EXPECT_EQ(fs::path(doc["translations"][0]["path"].get<std::string>()).filename(),
            "trafico-trata-capacitacion-2023-es.html");
  EXPECT_EQ(doc["translations"][0]["lang"], "es");

  r = testing::RunGcmsearch({"translations", "--index", index, "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::size_t labelled_pairs = 0;
  const nlohmann::json translations = nlohmann::json::parse(r.out);
  for (const nlohmann::json& pair : translations["pairs"]) {
    // Judged unless both sides are held-out texts.
    labelled_pairs += !(Unlabelled(pair["en"]["path"].get<std::string>()) &&
                        Unlabelled(pair["es"]["path"].get<std::string>()));
  }
  EXPECT_EQ(labelled_pairs, 8u) << r.out;

  r = testing::RunGcmsearch({"search", "--index", index, "--json", "--lang", "es", "smuggling of migrants"});
  nlohmann::json results = nlohmann::json::parse(r.out)["results"];
  ASSERT_FALSE(results.empty());
  EXPECT_EQ(results[0]["translations"].size(), 1u);
}

TEST(Pairing, LinksFollowTheFilesOnReingestion) {
  TempDir dir;
  fs::create_directories(dir / "docs");
  std::string pairs = testing::SourceDir() + "/tests/data/xlang/pairs/";
  fs::copy_file(pairs + "remittances-workshop-2023-en.html", dir / "docs/remittances-workshop-2023-en.html");
  fs::copy_file(pairs + "remesas-taller-2023-es.txt", dir / "docs/remesas-taller-2023-es.txt");
  fs::copy_file(pairs + "reintegration-returnees-2023-en.md", dir / "docs/reintegration-returnees-2023-en.md");
  ASSERT_TRUE(IngestPaths(dir / "index", {dir / "docs"}).ok());
  auto translations_of = [&](const std::string& name) {
    for (const Document& d : AllDocuments(dir / "index")) {
      if (fs::path(d.path).filename() == name) return d.translations.size();
    }
    return std::size_t{99};
  };
  EXPECT_EQ(translations_of("remittances-workshop-2023-en.html"), 1u);
  EXPECT_EQ(translations_of("reintegration-returnees-2023-en.md"), 0u);  // its version is not there

  // Its Spanish version arrives: linked. The remittances one goes: unlinked.
  fs::copy_file(pairs + "reintegracion-retornados-2023-es.md", dir / "docs/reintegracion-retornados-2023-es.md");
  fs::remove(dir / "docs/remesas-taller-2023-es.txt");
  ASSERT_TRUE(IngestPaths(dir / "index", {dir / "docs"}).ok());
  EXPECT_EQ(translations_of("reintegration-returnees-2023-en.md"), 1u);
  EXPECT_EQ(translations_of("remittances-workshop-2023-en.html"), 0u);
}

TEST(Pairing, PairsAcrossShardsThroughAStub) {
  TempDir dir;
  std::string pairs = testing::SourceDir() + "/tests/data/xlang/pairs";
  std::string stub = dir / "shards.stub";
  std::string stub_text;
  for (int k = 1; k <= 2; ++k) {
    IngestOptions options;
    options.index_dir = dir / ("shard" + std::to_string(k));
    options.paths = {pairs};
    options.shard = k;
    options.shards = 2;
    IngestSummary summary;
    ASSERT_TRUE(Ingest(options, IngestListener(), &summary).ok());
    stub_text += "auto " + options.index_dir + "\n";
  }
  testing::WriteFile(stub, stub_text);
  for (int k = 1; k <= 2; ++k) {
    PairingSummary summary;
    ASSERT_TRUE(PairIndex(dir / ("shard" + std::to_string(k)), stub, &summary).ok());
    EXPECT_EQ(summary.documents, 12u);
    EXPECT_EQ(summary.pairs, 6u);
  }
  std::size_t links = 0;
  for (const Document& d : AllDocuments(stub)) links += d.translations.size();
  EXPECT_EQ(links, 12u);  // six pairs, each known from both sides, whichever shard holds them
}

PairingFeatures Features(const std::string& id, const std::string& lang, std::string text) {
  while (text.size() < 200) text += " " + text;  // enough text to be judged
  Document d;
  d.id = id;
  d.path = id;
  d.language = lang;
  d.format = "txt";
  d.pages.push_back(Page{1, text, false, lang, 0});
  return ComputePairingFeatures(d, BilingualLexicon::BuiltIn());
}

TEST(Pairing, OnlyPairsEnglishWithSpanish) {
  std::vector<PairingFeatures> docs = {
      Features("en", "en", "Remittances reached USD 38.4 billion in 2022 in Guatemala and Honduras."),
      Features("pt", "pt", "As remessas chegaram a 38,4 bilhões de dólares em 2022 na Guatemala e Honduras."),
  };
  EXPECT_TRUE(FindVersionPairs(docs).empty());
}

TEST(Pairing, DocumentsWithoutTextAreNotPairedOnTheirTitles) {
  // Two image-only PDFs read without OCR: a title and nothing else.
  Document en, es;
  en.id = en.path = "en";
  en.language = "en";
  en.title = "Legal identity for migrant children, 2024";
  en.pages.push_back(Page{1, "", false, "en", 0});
  es.id = es.path = "es";
  es.language = "es";
  es.title = "Identidad jurídica de la niñez migrante, 2024";
  es.pages.push_back(Page{1, "", false, "es", 0});
  std::vector<PairingFeatures> docs = {ComputePairingFeatures(en, BilingualLexicon::BuiltIn()),
                                       ComputePairingFeatures(es, BilingualLexicon::BuiltIn())};
  EXPECT_TRUE(FindVersionPairs(docs).empty());
}

TEST(Pairing, NumbersAndUrlsAreLanguageIndependentAnchors) {
  PairingFeatures f = Features(
      "es", "es", "Informe: https://migrationnetwork.un.org/es/hub?gcm_objectives=287 y 3.117 nacimientos en Tapachula.");
  EXPECT_TRUE(f.anchors.count("Umigrationnetwork.un.org/hub")) << "the /es/ segment is not part of the page";
  EXPECT_TRUE(f.anchors.count("N3117")) << "3.117 and 3,117 are one number";
  EXPECT_TRUE(f.anchors.count("Ctapachula"));
}

TEST(PairingFeatures, StoredFormReadsBackWhatWasComputed) {
  PairingFeatures f = Features("doc-1", "en",
                               "Safe, orderly and regular migration: remittances of USD 38.4 billion reached "
                               "Guatemala, Honduras and El Salvador; see https://migrationnetwork.un.org/hub.");
  f.path = "reports/fact sheet 1.pdf";
  f.format = "pdf";
  f.pages = 5;
  f.objectives = {4, 13, 23};
  f.words["ahorro"] = 1.0 / 3;  // an English word translated three ways
  PairingFeatures back;
  ASSERT_TRUE(DecodePairingFeatures(EncodePairingFeatures(f), &back).ok());
  EXPECT_EQ(back.id, f.id);
  EXPECT_EQ(back.path, f.path);
  EXPECT_EQ(back.language, "en");
  EXPECT_EQ(back.format, "pdf");
  EXPECT_EQ(back.pages, 5u);
  EXPECT_EQ(back.chars, f.chars);
  EXPECT_EQ(back.objectives, f.objectives);
  ASSERT_EQ(back.anchors.size(), f.anchors.size());
  ASSERT_EQ(back.words.size(), f.words.size());
  for (const auto& [w, weight] : f.words) EXPECT_NEAR(back.words[w], weight, 1.0 / 120) << w;
  for (const auto& [a, weight] : f.anchors) EXPECT_NEAR(back.anchors[a], weight, 1.0 / 120) << a;
}

std::string CorruptionMessage(const Status& s) {
  return s.code() == Status::Code::kCorruption ? s.message() : "<not a corruption: " + s.ToString() + ">";
}

// The bytes of the stored form up to the anchors, written by hand: magic,
// version, id, path, language, format, pages, chars, objectives.
std::string StoredHead(const std::vector<std::uint64_t>& objectives = {}) {
  std::string out = "P\x01";
  for (const char* s : {"d", "a.pdf", "es", "pdf"}) PutLengthPrefixed(&out, s);
  PutVarint64(&out, 1);
  PutVarint64(&out, 300);
  PutVarint64(&out, objectives.size());
  for (std::uint64_t n : objectives) PutVarint64(&out, n);
  return out;
}

TEST(PairingFeatures, TheStoredBytesAreThoseOfEarlierIndexes) {
  // Written by the codec before core/coding.h: an index built then must
  // read the same, so the bytes may not change without a version bump.
  PairingFeatures f;
  f.id = "d";
  f.path = "a.pdf";
  f.language = "es";
  f.format = "pdf";
  f.pages = 1;
  f.chars = 300;
  f.objectives = {13};
  f.anchors = {{"N2022", 1.0}, {"N2023", 2.0}};
  f.words = {{"remes", 0.5}};
  const std::string expected("P\x01\x01" "d\x05" "a.pdf\x02" "es\x03" "pdf\x01\xac\x02\x01\x0d"
                             "\x02\x00\x05N2022\x3c\x04\x01" "3\x78"
                             "\x01\x00\x05remes\x1e",
                             44);
  EXPECT_EQ(EncodePairingFeatures(f), expected);
  PairingFeatures back;
  ASSERT_TRUE(DecodePairingFeatures(expected, &back).ok());
  EXPECT_EQ(back.anchors, f.anchors);
  EXPECT_EQ(back.words, f.words);
}

TEST(PairingFeaturesCorruption, EveryCutIsCutShortNamingTheField) {
  std::string data = EncodePairingFeatures(Features("d", "es", "Las remesas llegaron a 38,4 mil millones en 2022."));
  ASSERT_GT(data.size(), 30u);
  PairingFeatures f;
  EXPECT_EQ(CorruptionMessage(DecodePairingFeatures("", &f)),
            "pairing features: the magic byte at offset 0: cut short (needs 1 bytes, 0 left)");
  for (std::size_t n = 1; n < data.size(); ++n) {
    const std::string message = CorruptionMessage(DecodePairingFeatures(std::string_view(data).substr(0, n), &f));
    EXPECT_EQ(message.find("pairing features: "), 0u) << "cut at " << n << ": " << message;
    // Either a read ran out, or a length or count read just before the cut
    // claims more than is left.
    const bool why = message.find(": cut short (") != std::string::npos ||
                     message.find(" bytes left") != std::string::npos;
    EXPECT_TRUE(why) << "cut at " << n << ": " << message;
  }
}

TEST(PairingFeaturesCorruption, EachKindOfDamageFailsForItsOwnReason) {
  const std::string good = EncodePairingFeatures(Features("d", "es", "Las remesas llegaron a 38,4 mil millones en 2022."));
  std::string over_count = StoredHead();
  PutVarint64(&over_count, 50);  // anchors
  over_count += "abc";
  std::string huge_count = StoredHead();
  PutVarint64(&huge_count, std::uint64_t{1} << 62);  // anchors
  std::string bad_prefix = StoredHead();
  PutVarint64(&bad_prefix, 1);  // one anchor, sharing 3 bytes with no key
  PutVarint64(&bad_prefix, 3);
  PutLengthPrefixed(&bad_prefix, "N1");
  PutVarint64(&bad_prefix, 60);
  std::string huge_key = StoredHead();
  PutVarint64(&huge_key, 1);
  PutVarint64(&huge_key, 0);
  PutVarint64(&huge_key, ~std::uint64_t{0});
  huge_key += "N1";
  std::string huge_id = "P\x01";
  PutVarint64(&huge_id, std::uint64_t{1} << 40);
  std::string long_language = "P\x01";
  PutLengthPrefixed(&long_language, "d");
  PutLengthPrefixed(&long_language, "a.pdf");
  PutLengthPrefixed(&long_language, std::string(65, 'e'));
  std::string many_objectives = StoredHead();
  many_objectives.pop_back();  // the count of objectives (0)
  PutVarint64(&many_objectives, 1001);
  many_objectives += std::string(1001, '\x01');
  std::string overlong = StoredHead();
  overlong += std::string(11, '\x80');  // the count of anchors

  const std::size_t head = StoredHead().size();
  struct Row {
    const char* damage;
    std::string data;
    std::string message;
  } rows[] = {
      {"another magic byte", "Q" + good.substr(1), "pairing features: the magic byte at offset 0: is 0x51, expected 0x50"},
      {"another version", "P\x02" + good.substr(2), "pairing features: the version at offset 1: is 0x02, expected 0x01"},
      {"a byte left over", good + "x",
       "pairing features: the end of the features at offset " + std::to_string(good.size()) + ": 1 bytes left over"},
      {"a huge id length", huge_id,
       "pairing features: the id's length at offset 2: 1099511627776 exceeds the cap of 1024"},
      {"a language over its cap", long_language,
       "pairing features: the language's length at offset 10: 65 exceeds the cap of 64"},
      {"too many objectives", many_objectives,
       "pairing features: the count of objectives at offset " + std::to_string(head - 1) +
           ": 1001 exceeds the cap of 1000"},
      {"an objective out of range", StoredHead({5000}) + std::string(2, '\0'),
       "pairing features: objective 1 at offset " + std::to_string(head - 0) + ": 5000 is out of range (at most 1000)"},
      {"a count over the bytes left", over_count,
       "pairing features: the count of anchors at offset " + std::to_string(head) +
           ": 50 exceeds the 3 bytes left"},
      {"a count over its cap", huge_count,
       "pairing features: the count of anchors at offset " + std::to_string(head) +
           ": 4611686018427387904 exceeds the cap of 16777216"},
      {"a prefix longer than the previous key", bad_prefix,
       "pairing features: anchor 1's shared prefix at offset " + std::to_string(head + 1) +
           ": 3 is out of range (at most 0)"},
      {"a huge key length", huge_key,
       "pairing features: anchor 1's key's length at offset " + std::to_string(head + 2) +
           ": 18446744073709551615 exceeds the 2 bytes left"},
      {"a varint of eleven bytes", overlong,
       "pairing features: the count of anchors at offset " + std::to_string(head) + ": varint longer than 10 bytes"},
  };
  for (const Row& row : rows) {
    PairingFeatures f;
    EXPECT_EQ(CorruptionMessage(DecodePairingFeatures(row.data, &f)), row.message) << row.damage;
  }
}

TEST(PairingFeaturesCorruption, AFlippedByteIsRefusedOrReadAsOtherValidBytesNeverMisreadOutOfBounds) {
  // The form has no checksum (pairing reads it as often as it runs): a
  // flipped letter of a key reads as another key. Every flip must end in
  // OK or a Corruption of this format, and nothing else; sanitizer builds
  // (tools/fuzz) check that no read strays.
  const std::string good = EncodePairingFeatures(Features("d", "es", "Las remesas llegaron a 38,4 mil millones en 2022."));
  int refused = 0;
  for (std::size_t i = 0; i < good.size(); ++i) {
    for (unsigned char mask : {0x01, 0x80, 0xff}) {
      std::string data = good;
      data[i] = static_cast<char>(data[i] ^ mask);
      PairingFeatures f;
      Status s = DecodePairingFeatures(data, &f);
      if (s.ok()) continue;
      ++refused;
      EXPECT_EQ(CorruptionMessage(s).find("pairing features: "), 0u) << "flip at " << i << ": " << s.ToString();
    }
  }
  EXPECT_GT(refused, 0);
}

TEST_F(LabelledPairing, IngestionStoresEachDocumentsFeaturesForLaterRuns) {
  Xapian::Database db(Index());
  int stored = 0;
  for (auto t = db.allterms_begin("Q"); t != db.allterms_end("Q"); ++t) {
    Xapian::Document xdoc = db.get_document(*db.postlist_begin(*t));
    PairingFeatures f;
    if (xdoc.get_value(kSlotPairing).empty()) continue;
    ASSERT_TRUE(DecodePairingFeatures(xdoc.get_value(kSlotPairing), &f).ok());
    EXPECT_EQ("Q" + f.id, *t);
    EXPECT_FALSE(f.words.empty());
    ++stored;
  }
  // Every document with text (all of them: the scanned PDF is read by OCR).
  EXPECT_EQ(stored, static_cast<int>(db.get_doccount()));
}

}  // namespace
}  // namespace gcm
