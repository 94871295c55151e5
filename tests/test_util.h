// Helpers shared by the test suites: temporary folders that clean up after
// themselves, the sample corpus, running the real gcmsearch binary (one way:
// RunGcmsearch, and StartServe for `serve`), and fixtures built once per
// build and shared by every test process (SharedFixture).
//
// Each test that gtest_discover_tests finds runs in a process of its own, so
// a SetUpTestSuite that ingests runs once per test; SharedFixture builds a
// fixture once and lets every later process, concurrent ones included, reuse
// it.
#ifndef GCMSEARCH_TESTS_TEST_UTIL_H_
#define GCMSEARCH_TESTS_TEST_UTIL_H_

#include <sys/types.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace gcm::testing {

// A fresh folder under $TMPDIR, removed (with everything in it) on
// destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::string operator/(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

inline std::string SourceDir() { return GCM_SOURCE_DIR; }
inline std::string CorpusDir() { return SourceDir() + "/corpus"; }
inline std::string CorpusFile(const std::string& name) { return CorpusDir() + "/" + name; }

void WriteFile(const std::string& path, const std::string& bytes);
std::string ReadFile(const std::string& path);

// ---- Running programs ------------------------------------------------------

struct CommandResult {
  int exit_code = -1;  // the exit status; 128 + N when killed by signal N; -1 when it did not start
  std::string out;     // stdout
  std::string err;     // stderr
};

// Runs `program` (a path, or a name looked up in PATH) with `args`, no
// shell in between, stdin from `stdin_file` (or /dev/null), and captures its
// stdout and stderr.
CommandResult RunProgram(const std::string& program, const std::vector<std::string>& args,
                         const std::string& stdin_file = "");

// Runs the built gcmsearch with `args`.
CommandResult RunGcmsearch(const std::vector<std::string>& args, const std::string& stdin_file = "");

// True when `name` is an executable in PATH (for tests that skip without
// an optional tool such as qpdf or xapian-tcpsrv).
bool HaveProgram(const std::string& name);

// A program running in the background. The destructor kills it (SIGKILL)
// unless it was stopped, and always reaps it.
class BackgroundProcess {
 public:
  BackgroundProcess() = default;
  ~BackgroundProcess();
  BackgroundProcess(BackgroundProcess&& other) noexcept;
  BackgroundProcess& operator=(BackgroundProcess&& other) noexcept;

  // Starts `program` with `args`, stdout and stdin on /dev/null; stderr is
  // kept readable through ReadStderrLine when `capture_stderr`, else
  // /dev/null. False when it cannot start.
  bool Start(const std::string& program, const std::vector<std::string>& args, bool capture_stderr = false);
  // One line of its stderr (without the newline); "" at end of file or when
  // no line came before `deadline`.
  std::string ReadStderrLine(std::chrono::steady_clock::time_point deadline);
  // Sends `signal` and waits for the process; returns its wait status.
  int Stop(int signal);
  pid_t pid() const { return pid_; }

 private:
  pid_t pid_ = -1;
  int err_fd_ = -1;
  std::string err_buffer_;
};

// A loopback TCP port nobody listens on right now (for programs such as
// xapian-tcpsrv that cannot report the port they bound).
int FreePort();

// Connects to 127.0.0.1:`port` until a connection succeeds or `timeout`
// passes; true when it succeeded.
bool WaitUntilListening(int port, std::chrono::milliseconds timeout = std::chrono::seconds(60));

// `gcmsearch serve --index INDEX --port 0`, started and answering.
struct ServeProcess {
  BackgroundProcess process;
  int port = 0;
  std::string banner;  // the line it printed on stderr when it started
};

// Starts `gcmsearch serve --index index --port 0` plus `extra_args`, reads the
// port from the line it prints, and waits (within 60 s) until a connection
// to that port succeeds. False, with *error saying why, otherwise.
bool StartServe(const std::string& index, ServeProcess* out, std::string* error,
                const std::vector<std::string>& extra_args = {});

// ---- Fixtures shared across test processes -------------------------------

// Returns the folder of fixture `name`, building it first if no process has
// built this version of it: under $GCM_BUILD_DIR/test-fixtures/, in a folder
// named after a hash of `recipe` (whatever text, besides the inputs,
// determines the fixture: arguments, generated file contents), of the
// contents of `inputs` (files, or folders read recursively) and of the size
// and mtime of the built gcmsearch (which links every layer, so any change
// to the library builds the fixture again).
//
// `build(dir)` fills the empty folder `dir` and returns "" on success or a
// message. It runs under an exclusive lock (flock) and in a temporary
// folder that is renamed into place only when it succeeded, so concurrent
// processes wait for one build and never see half of one. The folder must be
// treated as read-only: a test that changes it copies it first
// (CopyFixture). Returns an empty path, with *error set, when the build
// failed.
std::filesystem::path SharedFixture(const std::string& name, const std::string& recipe,
                                    const std::vector<std::filesystem::path>& inputs,
                                    const std::function<std::string(const std::filesystem::path& dir)>& build,
                                    std::string* error);

// Copies the fixture folder `from` (recursively) to `to`, for a test that
// changes it.
void CopyFixture(const std::filesystem::path& from, const std::filesystem::path& to);

// The shared fixtures several suites use. Each returns its folder or an
// empty path with *error set.
//
// The sample corpus ingested by `gcmsearch ingest --no-ocr`: index/ holds
// the database; ingest.err and ingest.status what the run printed on stderr
// and its exit status.
std::filesystem::path CorpusIndexFixture(std::string* error);
// The labelled collection, corpus/ and tests/data/xlang/, ingested by
// `gcmsearch ingest` with OCR (the scanned PDF's pairing needs it), as
// tools/xlang-eval ingests it: index/.
std::filesystem::path LabelledCollectionFixture(std::string* error);

}  // namespace gcm::testing

#endif  // GCMSEARCH_TESTS_TEST_UTIL_H_
