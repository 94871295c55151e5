// xlang-eval: cross-language search and version pairing, measured.
//
//   xlang-eval [--index DIR | --ingest PATH...] [--queries FILE] [--pairs FILE]
//              [--thesaurus FILE|none] [--dict FILE|none] [-k N]
//              [--threshold T] [--sweep] [--verbose]
//
// Without --index it ingests the labelled collection (corpus/ and
// tests/data/xlang/, or the --ingest paths) into a temporary index. Prints
// recall@k of the query set (default tests/data/xlang_queries.tsv) with and
// without translation in both directions, then precision and recall of
// version pairing against the labelled pairs (default
// tests/data/xlang_pairs.tsv); --sweep prints them per threshold. The
// lexicon is the compiled-in one unless --thesaurus/--dict name files (or
// "none"), which is how the general dictionaries were compared.
//
// Exit status: 0 when everything ran, 1 otherwise.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "ingest/ingester.h"
#include "pair/pairing.h"
#include "search/searcher.h"
#include "xlang/bilingual_lexicon.h"
#include "eval/xlang_evaluation.h"

namespace fs = std::filesystem;
using namespace gcm;

namespace {

int Fail(const std::string& message) {
  std::cerr << "xlang-eval: " << message << "\n";
  return 1;
}

// The lexicon to measure: compiled in, or built from the files named.
Status MakeLexicon(const std::string& thesaurus, const std::string& dict,
                   std::unique_ptr<BilingualLexicon>* owned, const BilingualLexicon** lexicon) {
  if (thesaurus.empty() && dict.empty()) {
    *lexicon = &BilingualLexicon::BuiltIn();
    return Status::OK();
  }
  std::string t = thesaurus.empty() ? std::string(GCM_SOURCE_DIR) + "/data/thesaurus-en-es.tsv" : thesaurus;
  std::string d = dict.empty() ? std::string(GCM_SOURCE_DIR) + "/" + GCM_XLANG_DICTIONARY : dict;
  if (t == "none") t.clear();
  if (d == "none") d.clear();
  Status s = BilingualLexicon::FromFiles(t, d, owned);
  *lexicon = owned->get();
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  std::string index, queries_path = std::string(GCM_SOURCE_DIR) + "/tests/data/xlang_queries.tsv";
  std::string pairs_path = std::string(GCM_SOURCE_DIR) + "/tests/data/xlang_pairs.tsv";
  std::string thesaurus, dict;
  std::vector<std::string> ingest;
  std::size_t k = 10;
  PairingOptions options;
  bool sweep = false, verbose = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::cerr << "xlang-eval: " << a << " needs a value\n";
        std::exit(1);
      }
      return argv[++i];
    };
    if (a == "--index") index = value();
    else if (a == "--ingest") ingest.push_back(value());
    else if (a == "--queries") queries_path = value();
    else if (a == "--pairs") pairs_path = value();
    else if (a == "--thesaurus") thesaurus = value();
    else if (a == "--dict") dict = value();
    else if (a == "-k") k = std::stoul(value());
    else if (a == "--threshold") options.threshold = std::stod(value());
    else if (a == "--sweep") sweep = true;
    else if (a == "--verbose") verbose = true;
    else return Fail("unknown argument " + a + " (see the comment at the top of tools/xlang_eval.cc)");
  }

  std::unique_ptr<BilingualLexicon> owned;
  const BilingualLexicon* lexicon = nullptr;
  Status s = MakeLexicon(thesaurus, dict, &owned, &lexicon);
  if (!s.ok()) return Fail(s.message());
  std::printf("lexicon: %zu thesaurus terms, %zu dictionary words\n", lexicon->thesaurus_terms(),
              lexicon->dictionary_words());

  // The collection.
  fs::path temp;
  if (index.empty()) {
    temp = fs::temp_directory_path() / ("xlang-eval-" + std::to_string(getpid()));
    index = temp.string();
    if (ingest.empty()) {
      ingest = {std::string(GCM_SOURCE_DIR) + "/corpus", std::string(GCM_SOURCE_DIR) + "/tests/data/xlang"};
    }
  }
  if (!ingest.empty()) {
    IngestOptions io;
    io.index_dir = index;
    io.paths = ingest;
    io.pair_versions = false;  // measured below, with this lexicon
    IngestSummary summary;
    s = Ingest(io, IngestListener(), &summary);
    if (!s.ok()) return Fail(s.message());
    std::printf("collection: %d documents ingested into %s (%d failed)\n", summary.indexed, index.c_str(),
                summary.failed);
  }
  std::unique_ptr<Searcher> searcher;
  s = Searcher::Open(index, &searcher);
  if (!s.ok()) return Fail(s.message());
  searcher->SetLexicon(lexicon);

  // Recall of the query set ("none": pairing only).
  std::vector<XlangQuery> queries;
  if (queries_path != "none") s = LoadXlangQueries(queries_path, &queries);
  if (!s.ok()) return Fail(s.message());
  RecallReport recall;
  s = MeasureRecall(*searcher, queries, k, &recall);
  if (!s.ok()) return Fail(s.message());
  std::printf("\nrecall@%zu over %zu queries (%s)\n", k, queries.size(), queries_path.c_str());
  std::printf("  direction  expected  with translation      without translation\n");
  for (const char* dir : {"en-es", "es-en", ""}) {
    std::printf("  %-9s  %8zu  %3zu = %.3f           %3zu = %.3f\n", *dir ? dir : "both", recall.Expected(dir),
                recall.Found(dir, true), recall.Recall(dir, true), recall.Found(dir, false),
                recall.Recall(dir, false));
  }
  if (verbose) {
    for (const QueryOutcome& o : recall.outcomes) {
      std::printf("  %-6s %s  %zu/%zu with, %zu/%zu without  %s\n", o.query->id.c_str(),
                  o.query->direction.c_str(), o.found_translated, o.query->must_find.size(), o.found_plain,
                  o.query->must_find.size(), o.query->query.c_str());
    }
  }

  // Version pairing.
  std::vector<PairLabel> labels;  // "none": a collection with no versions
  if (pairs_path != "none") s = LoadPairLabels(pairs_path, &labels);
  if (!s.ok()) return Fail(s.message());
  std::vector<Document> docs;
  s = searcher->AllDocuments(&docs);
  if (!s.ok()) return Fail(s.message());
  std::vector<PairingFeatures> features;
  for (const Document& d : docs) features.push_back(ComputePairingFeatures(d, *lexicon));
  std::vector<double> thresholds{options.threshold};
  if (sweep) thresholds = {0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7};
  std::printf("\nversion pairing over %zu documents, %zu labelled pairs (%s)\n", docs.size(), labels.size(),
              pairs_path.c_str());
  for (double t : thresholds) {
    PairingOptions o = options;
    o.threshold = t;
    std::vector<VersionPair> pairs = FindVersionPairs(features, o);
    PairingReport r = MeasurePairing(features, pairs, labels);
    std::printf("  threshold %.2f: precision %.3f (%zu right, %zu wrong), recall %.3f (%zu missed)\n", t,
                r.Precision(), r.true_links, r.wrong_links, r.Recall(), r.missed_links);
    if (!sweep || verbose || r.wrong.size() < 4) {
      for (const std::string& w : r.wrong) std::printf("    wrong:  %s\n", w.c_str());
      for (const std::string& m : r.missed) std::printf("    missed: %s\n", m.c_str());
    }
  }
  if (verbose) {
    std::printf("\nbest candidates per document (score):\n");
    for (std::size_t i = 0; i < features.size(); ++i) {
      if (features[i].language != "en") continue;
      std::vector<std::pair<double, std::size_t>> c;
      for (std::size_t j = 0; j < features.size(); ++j) {
        if (features[j].language == "es") c.emplace_back(PairScore(features, i, j), j);
      }
      std::sort(c.rbegin(), c.rend());
      std::printf("  %s\n", features[i].path.c_str());
      for (std::size_t m = 0; m < std::min<std::size_t>(3, c.size()); ++m) {
        std::printf("    %.3f  %s\n", c[m].first, features[c[m].second].path.c_str());
      }
    }
  }
  if (!temp.empty()) {
    searcher.reset();
    std::error_code ec;
    fs::remove_all(temp, ec);
  }
  return 0;
}
