// The gcmsearch commands, each a function from parsed options to an exit
// status (0 success, 1 usage or fatal error, 3 ingest finished with failed
// files). The mains parse arguments (arguments.h) and call RunReadingCommand
// or RunFullCommand. RunIngest, RunTag, RunServe and RunPair live in
// heavy_commands.cc, linked into gcmsearch-full only.
#ifndef GCMSEARCH_CLI_COMMANDS_H_
#define GCMSEARCH_CLI_COMMANDS_H_

#include <string>
#include <vector>

#include "ingest/ingester.h"
#include "search/searcher.h"
#include "serve/server.h"

namespace gcm {

inline constexpr int kExitOk = 0;
inline constexpr int kExitError = 1;
inline constexpr int kExitSomeFilesFailed = 3;

struct CommonOptions {
  std::string index_dir;  // --index, else $GCMSEARCH_INDEX, else "index"
  bool json = false;
};

// The default index folder: $GCMSEARCH_INDEX when set, else "index".
std::string DefaultIndexDir();

int RunIngest(const CommonOptions& common, IngestOptions options, bool quiet);
int RunSearch(const CommonOptions& common, SearchRequest request);
int RunShow(const CommonOptions& common, const std::string& doc);
int RunObjective(const CommonOptions& common, int n);
int RunObjectives(const CommonOptions& common);
int RunTag(const CommonOptions& common, const std::string& file, const std::string& lang);
int RunTranslations(const CommonOptions& common);
int RunPair(const CommonOptions& common, const std::string& collection);
int RunExport(const CommonOptions& common, const std::string& format);
int RunServe(const ServerOptions& options);

struct ParsedCommand;  // arguments.h
// Runs a reading command (search, show, objective, objectives,
// translations, export): commands.cc, in both programs.
int RunReadingCommand(const ParsedCommand& parsed);
// Runs ingest, tag, serve or pair: heavy_commands.cc, gcmsearch-full only.
int RunFullCommand(const ParsedCommand& parsed);

// gcmsearch runs ingest, tag, serve and pair by executing gcmsearch-full
// (beside it) with the same arguments, so that a search never loads the PDF, OCR,
// HTML and HTTP libraries. Returns only when that fails: the exit status,
// after a one-line error naming the program.
int RunFullProgram(char** argv);

// Shared by the command files.
void Error(const std::string& message);  // "gcmsearch: <message>" on stderr
int Fail(const Status& s);               // Error(s.message()), then kExitError
std::string JoinInts(const std::vector<int>& v, const char* sep = ", ");
std::string OneLine(std::string s, std::size_t max = 160);  // newlines to spaces, cut at a word

}  // namespace gcm

#endif  // GCMSEARCH_CLI_COMMANDS_H_
