// The commands that need the extraction libraries (Poppler, libxml2,
// CLD2, Tesseract) or the HTTP server: ingest, tag and serve. They are built
// into gcmsearch-full only, so that gcmsearch itself starts without loading
// those libraries (see main.cc).
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <iterator>

#include "cli/commands.h"
#include "cli/arguments.h"
#include "pair/pairing.h"
#include "text/normaliser.h"
#include "search/json_output.h"
#include "tag/objective_tagger.h"

namespace gcm {
namespace {

// Progress on a terminal: files done of total, rate and time left.
class Progress {
 public:
  explicit Progress(bool enabled) : enabled_(enabled), start_(std::chrono::steady_clock::now()) {}
  void Update(int done, int total) {
    if (!enabled_) return;
    auto now = std::chrono::steady_clock::now();
    if (done != total && now - last_ < std::chrono::milliseconds(200)) return;
    last_ = now;
    double secs = std::chrono::duration<double>(now - start_).count();
    double rate = secs > 0 ? done / secs : 0;
    double left = rate > 0 ? (total - done) / rate : 0;
    std::fprintf(stderr, "\r\x1b[K%d/%d files  %.1f files/s  %.0f s left", done, total, rate, left);
    if (done == total) std::fprintf(stderr, "\r\x1b[K");
    std::fflush(stderr);
  }
  void Clear() {
    if (enabled_) std::fprintf(stderr, "\r\x1b[K");
  }

 private:
  bool enabled_;
  std::chrono::steady_clock::time_point start_, last_;
};

}  // namespace

int RunIngest(const CommonOptions& common, IngestOptions options, bool quiet) {
  Progress progress(!quiet && !common.json && isatty(STDERR_FILENO));
  IngestListener listener;
  listener.on_failure = [&](const std::string& path, const std::string& reason) {
    progress.Clear();
    std::cerr << "gcmsearch: " << path << ": " << reason << "\n";
  };
  listener.on_remembered_failure = [&](const std::string& path, const std::string& reason) {
    progress.Clear();
    std::cerr << "gcmsearch: " << path << ": " << reason
              << " (failed before; not retried until it changes, or with --force)\n";
  };
  listener.on_warning = [&](const std::string& path, const std::string& warning) {
    if (quiet) return;
    progress.Clear();
    std::cerr << "gcmsearch: warning: " << path << ": " << warning << "\n";
  };
  listener.on_progress = [&](int done, int total) { progress.Update(done, total); };
  IngestSummary summary;
  Status s = Ingest(options, listener, &summary);
  if (!s.ok()) return Fail(s);
  if (common.json) {
    nlohmann::json failures = nlohmann::json::array();
    for (const auto& [path, reason] : summary.failures) failures.push_back({{"path", path}, {"reason", reason}});
    nlohmann::json remembered = nlohmann::json::array();
    for (const auto& [path, reason] : summary.remembered_failures) {
      remembered.push_back({{"path", path}, {"reason", reason}});
    }
    std::cout << Dump({{"seen", summary.seen},
                       {"indexed", summary.indexed},
                       {"unchanged", summary.unchanged},
                       {"removed", summary.removed},
                       {"failed", summary.failed},
                       {"skipped_failed", summary.skipped_failed},
                       {"version_pairs", summary.version_pairs},
                       {"seconds", summary.seconds},
                       {"failures", failures},
                       {"remembered_failures", remembered}})
              << "\n";
  } else if (!quiet) {
    std::fprintf(stderr, "indexed %d, unchanged %d, removed %d, failed %d", summary.indexed,
                 summary.unchanged, summary.removed, summary.failed);
    if (summary.skipped_failed) std::fprintf(stderr, " (+%d failed before, unchanged)", summary.skipped_failed);
    std::fprintf(stderr, " in %.1f s", summary.seconds);
    if (summary.version_pairs >= 0) std::fprintf(stderr, "; %d English/Spanish version pairs", summary.version_pairs);
    std::fprintf(stderr, "\n");
  }
  // Files that failed before and are still unchanged are not in the index
  // either: the run did not get everything in.
  return summary.failed + summary.skipped_failed > 0 ? kExitSomeFilesFailed : kExitOk;
}

int RunTag(const CommonOptions& common, const std::string& file, const std::string& lang) {
  Document doc;
  if (file == "-") {
    std::string text((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
    doc.path = "-";
    doc.format = "txt";
    doc.pages.push_back(Page{1, text, false, "", 0});
    Normalise(doc);
  } else {
    Status s = ProcessFile(file, file, ExtractOptions(), &doc);
    if (!s.ok()) return Fail(s);
  }
  if (!lang.empty()) {
    doc.language = lang;
    for (Page& p : doc.pages) p.language = lang;
  }
  doc.mentions = TagObjectives(doc);
  if (common.json) {
    std::cout << Dump(TagJson(doc)) << "\n";
    return kExitOk;
  }
  std::cout << "language: " << doc.language << "\n"
            << "objectives: " << (doc.CitedObjectives().empty() ? "-" : JoinInts(doc.CitedObjectives()))
            << "\n";
  for (const ObjectiveMention& m : doc.mentions) {
    std::printf("  %2d  %-6s p. %-3d %.2f  %s\n", m.objective, MentionKindName(m.kind), m.page,
                m.confidence, OneLine(m.text).c_str());
  }
  return kExitOk;
}

int RunServe(const ServerOptions& options) {
  Status s = RunServer(options, [&](int port) {
    std::cerr << "gcmsearch: serving " << options.index_dir << " on http://" << options.host << ":" << port
              << "/\n";
  });
  if (!s.ok()) return Fail(s);
  return kExitOk;
}

int RunPair(const CommonOptions& common, const std::string& collection) {
  PairingSummary summary;
  Status s = PairIndex(common.index_dir, collection, &summary);
  if (!s.ok()) return Fail(s);
  if (common.json) {
    std::cout << Dump({{"documents", summary.documents}, {"pairs", summary.pairs}, {"updated", summary.updated}})
              << "\n";
  } else {
    std::cout << summary.pairs << " English/Spanish version pairs among " << summary.documents
              << " documents; " << summary.updated << " documents updated\n";
  }
  return kExitOk;
}

int RunFullCommand(const ParsedCommand& p) {
  switch (p.command) {
    case Command::kIngest: return RunIngest(p.common, p.ingest, p.quiet);
    case Command::kTag: return RunTag(p.common, p.tag_file, p.tag_lang);
    case Command::kServe: return RunServe(p.serve);
    case Command::kPair: return RunPair(p.common, p.pair_collection);
    default: break;
  }
  return RunReadingCommand(p);
}

}  // namespace gcm
