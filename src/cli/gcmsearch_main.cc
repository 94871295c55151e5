// gcmsearch: the reading commands (search, show, objective, objectives,
// translations, export). It links only Xapian, ICU and zlib, so a search
// starts in a few milliseconds. The commands that extract, serve or write
// (ingest, tag, serve, pair) are gcmsearch-full's: for those it executes
// gcmsearch-full with the same arguments before parsing anything, so every
// command line is parsed once, by the program that runs it.
#include <exception>
#include <iostream>

#include "cli/arguments.h"
#include "cli/commands.h"

int main(int argc, char** argv) {
  using namespace gcm;
  if (IsFullProgramCommand(CommandWord(argc, argv))) return RunFullProgram(argv);
  ParsedCommand parsed;
  if (int code = ParseArguments(argc, argv, &parsed); code >= 0) return code;
  try {
    return RunReadingCommand(parsed);
  } catch (const std::exception& e) {
    std::cerr << "gcmsearch: internal error: " << e.what() << "\n";
    return kExitError;
  }
}
