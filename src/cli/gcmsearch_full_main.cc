// gcmsearch-full: every command, those that extract, serve or write the
// index (ingest, tag, serve, pair) included. gcmsearch hands those to it
// unparsed; run directly, it runs the reading commands too.
#include <exception>
#include <iostream>

#include "cli/arguments.h"
#include "cli/commands.h"

int main(int argc, char** argv) {
  using namespace gcm;
  ParsedCommand parsed;
  if (int code = ParseArguments(argc, argv, &parsed); code >= 0) return code;
  try {
    if (IsFullProgramCommand(CommandWord(argc, argv))) return RunFullCommand(parsed);
    return RunReadingCommand(parsed);
  } catch (const std::exception& e) {
    std::cerr << "gcmsearch: internal error: " << e.what() << "\n";
    return kExitError;
  }
}
