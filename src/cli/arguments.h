// The command line of both programs, parsed once: every command's options
// and their checks, in one CLI11 definition, so that `gcmsearch --help`
// lists every command whichever program runs it. The mains only call
// ParseArguments and hand the result to the command functions.
#ifndef GCMSEARCH_CLI_ARGUMENTS_H_
#define GCMSEARCH_CLI_ARGUMENTS_H_

#include <string>
#include <string_view>
#include <vector>

#include "cli/commands.h"

namespace gcm {

enum class Command { kIngest, kSearch, kShow, kObjective, kObjectives, kTag, kTranslations,
                     kPair, kExport, kServe };

// One parsed command line: which command, and the options of that command
// (the other members keep their defaults).
struct ParsedCommand {
  Command command = Command::kSearch;
  CommonOptions common;
  IngestOptions ingest;
  bool quiet = false;            // ingest -q
  SearchRequest search;
  std::string doc;               // show DOC
  int objective = 0;             // objective N
  std::string tag_file, tag_lang;
  std::string pair_collection;   // pair --collection
  std::string export_format;     // export --format
  ServerOptions serve;
};

// Parses argv into *out. Returns -1 when a command is to be run, otherwise
// the exit status to end with (0 after --help or --version, 1 after a usage
// error, which CLI11 has printed on stderr).
int ParseArguments(int argc, char** argv, ParsedCommand* out);

// The command named on the command line (its first word that is not an
// option), without parsing the rest; empty when there is none.
std::string_view CommandWord(int argc, char** argv);

// True for the commands gcmsearch-full runs (ingest, tag, serve, pair): they
// load the extraction, HTTP libraries or write the index.
bool IsFullProgramCommand(std::string_view word);

}  // namespace gcm

#endif  // GCMSEARCH_CLI_ARGUMENTS_H_
