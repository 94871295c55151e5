// The command line of both programs (see arguments.h), with CLI11.
#include "cli/arguments.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <iostream>

namespace gcm {
namespace {

// Integers are decimal on every surface: CLI11 would read "013" as octal
// (11) and "0x1f" as hex. Leading zeros are dropped so that nothing after
// this can read a base into them.
const CLI::Validator kDecimal(
    [](std::string& s) -> std::string {
      std::size_t i = (!s.empty() && s[0] == '+') ? 1 : 0;
      if (i == s.size() || !std::all_of(s.begin() + static_cast<std::ptrdiff_t>(i), s.end(),
                                        [](char c) { return c >= '0' && c <= '9'; })) {
        return "'" + s + "' is not a whole decimal number";
      }
      std::size_t first = s.find_first_not_of('0', i);
      s = first == std::string::npos ? "0" : s.substr(first);
      return {};
    },
    "DECIMAL", "decimal");

}  // namespace

std::string_view CommandWord(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    std::string_view a = argv[i];
    if (!a.empty() && a[0] != '-') return a;
  }
  return {};
}

bool IsFullProgramCommand(std::string_view word) {
  return word == "ingest" || word == "tag" || word == "serve" || word == "pair";
}

int ParseArguments(int argc, char** argv, ParsedCommand* out) {
  CLI::App app{"gcmsearch: search English and Spanish documents on the Global Compact for Migration"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "gcmsearch 0.1.0");

  CommonOptions& common = out->common;
  common.index_dir = DefaultIndexDir();
  auto add_common = [&](CLI::App* cmd, bool json) {
    cmd->add_option("--index", common.index_dir,
                    "Xapian database folder or stub file (default: $GCMSEARCH_INDEX or index/)");
    if (json) cmd->add_flag("--json", common.json, "print one JSON document on stdout");
  };

  // ingest
  IngestOptions& ingest = out->ingest;
  bool no_ocr = false;
  bool& quiet = out->quiet;
  CLI::App* ingest_cmd = app.add_subcommand(
      "ingest",
      "Add or update files and folders (recursively). Unchanged files are skipped; documents "
      "whose files are gone from an ingested folder are removed (keep them with --keep-missing). "
      "A file that cannot be read is named with the reason and not retried until it changes "
      "(or --force). Exit status 0 when every file went in, 3 when some did not.");
  add_common(ingest_cmd, true);
  ingest_cmd->add_option("paths", ingest.paths, "files and folders")->required();
  ingest_cmd->add_option("-j,--jobs", ingest.jobs,
                         "worker processes reading files in parallel (default: one per core, plus one to fill the time the writer leaves)")
      ->transform(kDecimal)
      ->check(CLI::Range(0, 256));
  double timeout_seconds = 120;
  ingest_cmd
      ->add_option("--timeout", timeout_seconds,
                   "seconds one file may take before its worker is killed and the file reported "
                   "(default 120), plus 10 s for each page sent to OCR")
      ->check(CLI::Range(0.1, 86400.0));
  std::uint64_t max_memory_mib = 2048;
  ingest_cmd
      ->add_option("--max-memory", max_memory_mib,
                   "MiB of address space each worker may use before the file it reads is reported "
                   "(default 2048; 0 = no limit)")
      ->transform(kDecimal)
      ->check(CLI::Range(std::uint64_t{0}, std::uint64_t{1} << 24));
  ingest_cmd->add_option("--batch-size", ingest.batch_size,
                         "documents written per commit (default 500); a killed run keeps every "
                         "committed batch")
      ->transform(kDecimal)
      ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 30));
  ingest_cmd->add_flag("--keep-missing", ingest.keep_missing,
                       "keep documents whose files are no longer there");
  ingest_cmd->add_flag("--force", ingest.force, "re-read unchanged and previously failed files");
  ingest_cmd->add_flag("--no-ocr", no_ocr, "do not OCR pages without a text layer");
  ingest_cmd->add_flag("-q,--quiet", quiet, "no progress or summary on stderr");
  std::string shard;
  ingest_cmd->add_option("--shard", shard,
                         "K/N: build shard K of N from these paths (files split by id); search "
                         "them together through a Xapian stub file (see README)");

  // search
  SearchRequest& search = out->search;
  std::vector<std::string> query_words;
  CLI::App* search_cmd = app.add_subcommand(
      "search",
      "Ranked search. Query syntax: words (all must match), \"a phrase\", a OR b, -word, "
      "migra*, objective:13, lang:es, format:pdf, year:2023, title:word.");
  add_common(search_cmd, true);
  search_cmd->add_option("--lang", search.languages, "only documents in this language (en, es, ...)")
      ->allow_extra_args(false);
  search_cmd->add_option("--objective", search.objectives, "only documents citing objective N (1-23)")
      ->transform(kDecimal)
      ->check(CLI::Range(1, 23))
      ->allow_extra_args(false);
  search_cmd->add_option("--format", search.formats, "only this format (pdf, html, md, txt)")
      ->allow_extra_args(false);
  search_cmd->add_option("--year", search.years, "only documents dated this year")
      ->allow_extra_args(false);
  search_cmd->add_option("--limit", search.limit, "results to show (default 10)")
      ->transform(kDecimal)
      ->check(CLI::Range(0, kMaxLimit));
  search_cmd->add_option("--offset", search.offset, "results to skip")->transform(kDecimal)
      ->check(CLI::Range(0, kMaxOffset));
  bool no_translate = false;
  search_cmd->add_flag("--no-translate", no_translate,
                       "do not also search the query's English/Spanish translation");
  search_cmd->add_option("query", query_words, "the query");

  std::string& show_doc = out->doc;
  CLI::App* show_cmd = app.add_subcommand("show", "One document's metadata and citations");
  add_common(show_cmd, true);
  show_cmd->add_option("doc", show_doc, "document id or path as ingested")->required();

  int& objective_n = out->objective;
  CLI::App* objective_cmd =
      app.add_subcommand("objective", "Every document citing objective N, with the evidence");
  add_common(objective_cmd, true);
  objective_cmd->add_option("n", objective_n, "objective number (1-23)")->required()->transform(kDecimal)
      ->check(CLI::Range(1, 23));

  CLI::App* objectives_cmd = app.add_subcommand("objectives", "The 23 objectives with document counts");
  add_common(objectives_cmd, true);

  std::string& tag_file = out->tag_file;
  std::string& tag_lang = out->tag_lang;
  CLI::App* tag_cmd = app.add_subcommand(
      "tag", "Objective mentions in one file, or in text on stdin (-), without indexing");
  add_common(tag_cmd, true);
  tag_cmd->add_option("file", tag_file, "file, or - for stdin")->required();
  tag_cmd->add_option("--lang", tag_lang, "language of the text (en, es); detected if absent");

  CLI::App* translations_cmd =
      app.add_subcommand("translations", "Every English/Spanish version pair found");
  add_common(translations_cmd, true);

  std::string& pair_collection = out->pair_collection;
  CLI::App* pair_cmd = app.add_subcommand(
      "pair",
      "Find the English/Spanish versions again and store them (ingest does this itself). "
      "Sharded: once every shard is ingested, run on each shard with --collection STUB");
  add_common(pair_cmd, true);
  pair_cmd->add_option("--collection", pair_collection,
                       "Xapian stub listing every shard, to pair across them (default: this index)");

  std::string& export_format = out->export_format;
  CLI::App* export_cmd =
      app.add_subcommand("export", "The document x objective citation matrix (csv or jsonl)");
  add_common(export_cmd, false);
  export_cmd->add_option("--format", export_format, "csv or jsonl")
      ->required()
      ->check(CLI::IsMember({"csv", "jsonl"}));

  ServerOptions& serve = out->serve;
  CLI::App* serve_cmd = app.add_subcommand("serve", "HTTP endpoint and web page");
  add_common(serve_cmd, false);
  serve_cmd->add_option("--host", serve.host, "address to listen on (default 127.0.0.1)");
  serve_cmd->add_option("--port", serve.port, "port (default 8080; 0 = any free port)")
      ->transform(kDecimal)
      ->check(CLI::Range(0, 65535));
  serve_cmd->add_option("--threads", serve.threads, "worker threads")->transform(kDecimal)
      ->check(CLI::Range(0, 256));

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kExitOk : kExitError;
  }

  if (*ingest_cmd) {
    out->command = Command::kIngest;
    ingest.index_dir = common.index_dir;
    if (!shard.empty()) {
      int k = 0, n = 0;
      char extra = 0;
      if (std::sscanf(shard.c_str(), "%d/%d%c", &k, &n, &extra) != 2 || n < 1 || k < 1 || k > n) {
        std::cerr << "gcmsearch: --shard takes K/N with 1 <= K <= N, e.g. --shard 2/3\n";
        return kExitError;
      }
      ingest.shard = k;
      ingest.shards = n;
    }
    ingest.extract.ocr = !no_ocr;
    ingest.limits.timeout = std::chrono::milliseconds(static_cast<long>(timeout_seconds * 1000));
    ingest.limits.max_memory = max_memory_mib << 20;
  } else if (*search_cmd) {
    out->command = Command::kSearch;
    for (const std::string& w : query_words) search.query += (search.query.empty() ? "" : " ") + w;
    search.translate = !no_translate;
  } else if (*show_cmd) {
    out->command = Command::kShow;
  } else if (*objective_cmd) {
    out->command = Command::kObjective;
  } else if (*objectives_cmd) {
    out->command = Command::kObjectives;
  } else if (*tag_cmd) {
    out->command = Command::kTag;
  } else if (*translations_cmd) {
    out->command = Command::kTranslations;
  } else if (*pair_cmd) {
    out->command = Command::kPair;
  } else if (*export_cmd) {
    out->command = Command::kExport;
  } else if (*serve_cmd) {
    out->command = Command::kServe;
    serve.index_dir = common.index_dir;
  } else {
    return kExitError;  // require_subcommand(1) makes this unreachable
  }
  return -1;
}

}  // namespace gcm
