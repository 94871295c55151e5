// Helpers shared by the test suites: temporary folders that clean up after
// themselves, the sample corpus, and running the real gcmsearch binary.
#ifndef GCMSEARCH_TESTS_TEST_UTIL_H_
#define GCMSEARCH_TESTS_TEST_UTIL_H_

#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace gcm::testing {

// A fresh folder under $TMPDIR, removed (with everything in it) on
// destruction.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "gcmtest-XXXXXX").string();
    if (!mkdtemp(pattern.data())) std::abort();
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
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

inline void WriteFile(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

struct CommandResult {
  int exit_code = -1;
  std::string out;  // stdout
  std::string err;  // stderr
};

// Runs `binary` with `args` (already shell-quoted where needed).
inline CommandResult RunProgram(const std::string& binary, const std::string& args,
                                const std::string& stdin_file = "") {
  static int counter = 0;
  std::string err_file = (std::filesystem::temp_directory_path() /
                          ("gcmtest-stderr-" + std::to_string(getpid()) + "-" + std::to_string(++counter)))
                             .string();
  std::string cmd = "'" + binary + "' " + args + " 2>'" + err_file + "'";
  if (!stdin_file.empty()) cmd += " <'" + stdin_file + "'";
  CommandResult r;
  FILE* pipe = popen(cmd.c_str(), "r");
  if (!pipe) return r;
  char buf[65536];
  std::size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) r.out.append(buf, n);
  int status = pclose(pipe);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.err = ReadFile(err_file);
  std::filesystem::remove(err_file);
  return r;
}

// Runs the built gcmsearch with `args` (already shell-quoted where needed).
inline CommandResult RunGcmsearch(const std::string& args, const std::string& stdin_file = "") {
  return RunProgram(GCM_BINARY, args, stdin_file);
}

inline std::string Quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

}  // namespace gcm::testing

#endif  // GCMSEARCH_TESTS_TEST_UTIL_H_
