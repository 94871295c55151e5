// tag-eval: how well the GCM objective tagger does, measured.
//
//   tag-eval [--set FILE] [--documents FILE --doc-dir DIR]
//            [--bench DIR --manifest FILE [--pdf]] [--quiet]
//   tag-eval --show FILE
//
// Prints precision and recall per kind (number, title, link) and overall on
// the labelled set (default tests/data/objective_mentions.tsv), then the
// failing rows; then the same for the labelled sample documents (default
// tests/data/objective_documents.tsv, texts in tests/data/tag/). With
// --bench it also tags a generated benchmark corpus (text and HTML files;
// PDFs too with --pdf, read with Poppler) and reports the recall of the
// manifest's objectives_cited column and the time spent tagging.
//
// --show prints every mention found in one text file instead.
//
// Exit status: 0 when everything could be read, 1 otherwise.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "core/document.h"
#include "eval/tag_evaluation.h"
#include "extract/extractor.h"
#include "tag/objective_tagger.h"

namespace fs = std::filesystem;

namespace {

constexpr const char* kKindNames[gcm::kMentionKindCount] = {"number", "title", "link"};

std::string Join(const std::vector<int>& v) {
  std::string out;
  for (int n : v) out += (out.empty() ? "" : " ") + std::to_string(n);
  return out.empty() ? "-" : out;
}

std::string OneLine(std::string_view s, std::size_t max) {
  std::string out;
  for (char c : s) {
    if (out.size() >= max) {
      out += "...";
      break;
    }
    out.push_back(c == '\n' || c == '\t' || c == '\f' ? ' ' : c);
  }
  return out;
}

bool ReadFile(const fs::path& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

void PrintScores(const std::array<gcm::Score, gcm::kMentionKindCount>& by_kind,
                 const gcm::Score& overall) {
  std::printf("  %-8s %9s %7s %5s %4s %4s\n", "kind", "precision", "recall", "tp", "fp", "fn");
  for (int k = 0; k < gcm::kMentionKindCount; ++k) {
    const gcm::Score& s = by_kind[k];
    std::printf("  %-8s %9.3f %7.3f %5d %4d %4d\n", kKindNames[k], s.Precision(), s.Recall(),
                s.true_positives, s.false_positives, s.false_negatives);
  }
  std::printf("  %-8s %9.3f %7.3f %5d %4d %4d\n", "overall", overall.Precision(), overall.Recall(),
              overall.true_positives, overall.false_positives, overall.false_negatives);
}

bool EvaluateSet(const fs::path& path, bool quiet) {
  std::vector<gcm::LabelledRow> rows;
  gcm::Status s = gcm::ReadLabelledRows(path, &rows);
  if (!s.ok()) {
    std::fprintf(stderr, "tag-eval: %s\n", s.ToString().c_str());
    return false;
  }
  gcm::Evaluation e = gcm::EvaluateRows(rows);
  std::printf("labelled set %s: %zu rows, %zu failing\n", path.string().c_str(), rows.size(),
              e.failures.size());
  PrintScores(e.by_kind, e.overall);
  if (!quiet) {
    for (const gcm::RowOutcome& f : e.failures) {
      std::printf("  FAIL %s (%s, line %d): ", f.row->id.c_str(), f.row->language.c_str(),
                  f.row->line);
      for (int k = 0; k < gcm::kMentionKindCount; ++k) {
        if (f.found[k] == f.row->expected[k]) continue;
        std::printf("%s expected [%s] found [%s]; ", kKindNames[k],
                    Join(f.row->expected[k]).c_str(), Join(f.found[k]).c_str());
      }
      std::printf("\n       %s\n", OneLine(f.row->text, 160).c_str());
    }
  }
  return true;
}

// objective_documents.tsv: file, number, title, link, note.
bool EvaluateDocuments(const fs::path& path, const fs::path& dir, bool quiet) {
  std::vector<gcm::LabelledDocument> labelled;
  gcm::Status read = gcm::ReadLabelledDocuments(path, &labelled);
  if (!read.ok()) {
    std::fprintf(stderr, "tag-eval: %s\n", read.ToString().c_str());
    return false;
  }
  std::array<gcm::Score, gcm::kMentionKindCount> by_kind;
  int documents = 0;
  std::vector<std::string> report;
  for (const gcm::LabelledDocument& labels : labelled) {
    const std::string& name = labels.name;
    const gcm::ObjectivesByKind& expected = labels.expected;
    std::string text;
    if (!ReadFile(dir / (name + ".txt"), &text)) {
      std::fprintf(stderr, "tag-eval: %s: cannot open\n", (dir / (name + ".txt")).string().c_str());
      return false;
    }
    gcm::Document doc;
    doc.path = name;
    doc.pages = gcm::PagesFromText(text);
    doc.mentions = gcm::TagObjectives(doc);
    gcm::ObjectivesByKind found = gcm::ObjectivesOf(doc.mentions);
    ++documents;
    if (!gcm::ScoreKinds(expected, found, &by_kind)) {
      std::string r = "  FAIL " + name + ": ";
      for (int k = 0; k < gcm::kMentionKindCount; ++k) {
        if (found[k] == expected[k]) continue;
        r += std::string(kKindNames[k]) + " expected [" + Join(expected[k]) + "] found [" +
             Join(found[k]) + "]; ";
      }
      report.push_back(r);
    }
  }
  gcm::Score overall;
  for (const gcm::Score& s : by_kind) overall.Add(s);
  std::printf("\nsample documents %s: %d documents, %zu failing\n", path.string().c_str(),
              documents, report.size());
  PrintScores(by_kind, overall);
  if (!quiet) {
    for (const std::string& r : report) std::printf("%s\n", r.c_str());
  }
  return true;
}

// Crude HTML to text: tags dropped (block tags become line breaks), the
// common entities decoded. Good enough for a measuring tool.
std::string StripHtml(std::string_view html) {
  std::string out;
  out.reserve(html.size());
  for (std::size_t i = 0; i < html.size();) {
    if (html[i] == '<') {
      std::size_t close = html.find('>', i);
      if (close == std::string_view::npos) break;
      std::string_view tag = html.substr(i + 1, close - i - 1);
      if (tag.substr(0, 1) == "p" || tag.substr(0, 2) == "/p" || tag.substr(0, 2) == "br" ||
          tag.substr(0, 2) == "h1" || tag.substr(0, 3) == "/h1" || tag.substr(0, 2) == "li") {
        out += "\n\n";
      }
      i = close + 1;
      continue;
    }
    if (html[i] == '&') {
      static constexpr std::pair<std::string_view, std::string_view> kEntities[] = {
          {"&amp;", "&"},  {"&lt;", "<"},  {"&gt;", ">"},  {"&quot;", "\""},
          {"&#x27;", "'"}, {"&#39;", "'"}, {"&nbsp;", " "}};
      bool done = false;
      for (const auto& [entity, text] : kEntities) {
        if (html.substr(i, entity.size()) == entity) {
          out += text;
          i += entity.size();
          done = true;
          break;
        }
      }
      if (done) continue;
    }
    out.push_back(html[i++]);
  }
  return out;
}

// The PDF's pages as ingestion reads them (the extract layer, no OCR).
std::vector<gcm::Page> PdfPages(const fs::path& path) {
  gcm::ExtractOptions options;
  options.ocr = false;
  gcm::Document doc;
  if (!gcm::Extract(path, path.string(), options, &doc).ok()) return {};
  return doc.pages;
}

bool EvaluateBench(const fs::path& dir, const fs::path& manifest, bool pdf, bool quiet) {
  std::ifstream in(manifest);
  if (!in) {
    std::fprintf(stderr, "tag-eval: %s: cannot open\n", manifest.string().c_str());
    return false;
  }
  std::string line;
  std::getline(in, line);  // header
  int documents = 0;
  std::size_t pages = 0;
  std::size_t bytes = 0;
  int expected_total = 0;
  int found_total = 0;
  int mentions_total = 0;
  double seconds = 0;      // wall clock
  double cpu_seconds = 0;  // this process's CPU time: steadier on a shared machine
  std::vector<std::string> misses;
  // Build the tables that are built once per process (folding, lexicon)
  // before the clock starts.
  gcm::TagText("GCM objective 8: Save lives", "en", 1);
  while (std::getline(in, line)) {
    std::vector<std::string> f;
    std::stringstream ss(line);
    std::string field;
    while (std::getline(ss, field, '\t')) f.push_back(field);
    if (f.size() < 4) continue;
    const std::string& file = f[0];
    const std::string format = f[2];
    gcm::Document doc;
    doc.path = file;
    doc.language = f[1];
    if (format == "pdf") {
      if (!pdf) continue;
      doc.pages = PdfPages(dir / file);
    } else {
      std::string text;
      if (!ReadFile(dir / file, &text)) {
        std::fprintf(stderr, "tag-eval: %s: cannot open\n", (dir / file).string().c_str());
        continue;
      }
      gcm::Page p;
      p.text = format == "html" ? StripHtml(text) : text;
      doc.pages.push_back(std::move(p));
    }
    for (const gcm::Page& p : doc.pages) bytes += p.text.size();
    pages += doc.pages.size();
    const auto start = std::chrono::steady_clock::now();
    const std::clock_t cpu_start = std::clock();
    doc.mentions = gcm::TagObjectives(doc);
    cpu_seconds += static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
    seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    mentions_total += static_cast<int>(doc.mentions.size());
    ++documents;
    std::vector<int> expected;
    gcm::ParseObjectiveList(f.size() > 4 ? f[4] : "", &expected);
    std::vector<int> cited = doc.CitedObjectives();
    std::vector<int> missed;
    std::set_difference(expected.begin(), expected.end(), cited.begin(), cited.end(),
                        std::back_inserter(missed));
    expected_total += static_cast<int>(expected.size());
    found_total += static_cast<int>(expected.size() - missed.size());
    if (!missed.empty()) misses.push_back("  MISS " + file + ": [" + Join(missed) + "]");
  }
  std::printf("\nbench corpus %s: %d documents (%s), %zu pages, %.1f MB\n", dir.string().c_str(),
              documents, pdf ? "txt, html, pdf" : "txt, html", pages, bytes / 1e6);
  std::printf("  recall of objectives_cited: %.3f (%d of %d); %d mentions in all\n",
              expected_total ? static_cast<double>(found_total) / expected_total : 1.0, found_total,
              expected_total, mentions_total);
  std::printf("  tagging time: %.3f s wall, %.3f s CPU (%.1f us CPU per page)\n", seconds,
              cpu_seconds, pages ? cpu_seconds * 1e6 / static_cast<double>(pages) : 0.0);
  if (!quiet) {
    for (std::size_t i = 0; i < misses.size() && i < 30; ++i)
      std::printf("%s\n", misses[i].c_str());
  }
  return true;
}

// Prints every mention in one text file (pages split at form feeds).
bool ShowMentions(const fs::path& path) {
  std::string text;
  if (!ReadFile(path, &text)) {
    std::fprintf(stderr, "tag-eval: %s: cannot open\n", path.string().c_str());
    return false;
  }
  gcm::Document doc;
  doc.pages = gcm::PagesFromText(path.extension() == ".html" ? StripHtml(text) : text);
  for (const gcm::ObjectiveMention& m : gcm::TagObjectives(doc)) {
    std::printf("%2d %-6s p%d @%zu+%zu %.2f  %s\n", m.objective, gcm::MentionKindName(m.kind),
                m.page, m.offset, m.length, m.confidence, m.text.c_str());
  }
  return true;
}

void Usage() {
  std::fprintf(stderr,
               "usage: tag-eval [--set FILE] [--documents FILE --doc-dir DIR]\n"
               "                [--bench DIR --manifest FILE [--pdf]] [--quiet]\n"
               "       tag-eval --show FILE\n");
}

}  // namespace

int main(int argc, char** argv) {
  const fs::path source = GCM_SOURCE_DIR;
  fs::path set = source / "tests/data/objective_mentions.tsv";
  fs::path documents = source / "tests/data/objective_documents.tsv";
  fs::path doc_dir = source / "tests/data/tag";
  fs::path bench;
  fs::path manifest;
  bool pdf = false;
  bool quiet = false;
  for (int i = 1; i < argc; ++i) {
    std::string_view a = argv[i];
    auto value = [&](fs::path* out) {
      if (i + 1 >= argc) return false;
      *out = argv[++i];
      return true;
    };
    bool ok = true;
    if (a == "--set") {
      ok = value(&set);
    } else if (a == "--documents") {
      ok = value(&documents);
    } else if (a == "--doc-dir") {
      ok = value(&doc_dir);
    } else if (a == "--bench") {
      ok = value(&bench);
    } else if (a == "--manifest") {
      ok = value(&manifest);
    } else if (a == "--show") {
      if (i + 1 >= argc) {
        Usage();
        return 1;
      }
      return ShowMentions(argv[++i]) ? 0 : 1;
    } else if (a == "--pdf") {
      pdf = true;
    } else if (a == "--quiet") {
      quiet = true;
    } else {
      ok = false;
    }
    if (!ok) {
      Usage();
      return 1;
    }
  }
  if (!bench.empty() && manifest.empty()) manifest = bench.string() + ".manifest.tsv";
  bool ok = EvaluateSet(set, quiet);
  ok = EvaluateDocuments(documents, doc_dir, quiet) && ok;
  if (!bench.empty()) ok = EvaluateBench(bench, manifest, pdf, quiet) && ok;
  return ok ? 0 : 1;
}
