// See test_util.h.
#include "test_util.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/file.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <iterator>
#include <thread>

extern char** environ;

namespace gcm::testing {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

TempDir::TempDir() {
  std::string pattern = (fs::temp_directory_path() / "gcmtest-XXXXXX").string();
  if (!mkdtemp(pattern.data())) std::abort();
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

void WriteFile(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// ---- Running programs ------------------------------------------------------

namespace {

int ExitCode(int status) {
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return -1;
}

std::vector<char*> Argv(const std::string& program, const std::vector<std::string>& args) {
  std::vector<char*> argv;
  argv.push_back(const_cast<char*>(program.c_str()));
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  return argv;
}

// posix_spawn for a path, posix_spawnp for a bare name (PATH lookup).
int Spawn(pid_t* pid, const std::string& program, const posix_spawn_file_actions_t* actions,
          const std::vector<std::string>& args) {
  std::vector<char*> argv = Argv(program, args);
  if (program.find('/') != std::string::npos) {
    return posix_spawn(pid, program.c_str(), actions, nullptr, argv.data(), environ);
  }
  return posix_spawnp(pid, program.c_str(), actions, nullptr, argv.data(), environ);
}

}  // namespace

CommandResult RunProgram(const std::string& program, const std::vector<std::string>& args,
                         const std::string& stdin_file) {
  CommandResult r;
  int out[2], err[2];
  if (::pipe2(out, O_CLOEXEC) != 0) return r;
  if (::pipe2(err, O_CLOEXEC) != 0) {
    ::close(out[0]);
    ::close(out[1]);
    return r;
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, stdin_file.empty() ? "/dev/null" : stdin_file.c_str(),
                                   O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, err[1], STDERR_FILENO);
  pid_t pid = -1;
  int rc = Spawn(&pid, program, &actions, args);
  posix_spawn_file_actions_destroy(&actions);
  ::close(out[1]);
  ::close(err[1]);
  // Both pipes at once: a child that fills one while we block on the other
  // would never finish.
  struct pollfd fds[2] = {{out[0], POLLIN, 0}, {err[0], POLLIN, 0}};
  std::string* sinks[2] = {&r.out, &r.err};
  int open_fds = rc == 0 ? 2 : 0;
  char buf[65536];
  while (open_fds > 0) {
    if (::poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || fds[i].revents == 0) continue;
      ssize_t n = ::read(fds[i].fd, buf, sizeof buf);
      if (n > 0) {
        sinks[i]->append(buf, static_cast<std::size_t>(n));
      } else if (n == 0 || errno != EINTR) {
        fds[i].fd = -1;
        --open_fds;
      }
    }
  }
  ::close(out[0]);
  ::close(err[0]);
  if (rc != 0) {
    r.err = "cannot start " + program + ": " + std::strerror(rc);
    return r;
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  r.exit_code = ExitCode(status);
  return r;
}

CommandResult RunGcmsearch(const std::vector<std::string>& args, const std::string& stdin_file) {
  return RunProgram(GCM_BINARY, args, stdin_file);
}

bool HaveProgram(const std::string& name) {
  const char* path = std::getenv("PATH");
  std::string dirs = path ? path : "/usr/bin:/bin";
  for (std::size_t start = 0; start <= dirs.size();) {
    std::size_t colon = dirs.find(':', start);
    std::string dir = dirs.substr(start, colon == std::string::npos ? std::string::npos : colon - start);
    if (!dir.empty() && ::access((dir + "/" + name).c_str(), X_OK) == 0) return true;
    if (colon == std::string::npos) break;
    start = colon + 1;
  }
  return false;
}

BackgroundProcess::~BackgroundProcess() {
  if (pid_ > 0) Stop(SIGKILL);
  if (err_fd_ >= 0) ::close(err_fd_);
}

BackgroundProcess::BackgroundProcess(BackgroundProcess&& other) noexcept
    : pid_(other.pid_), err_fd_(other.err_fd_), err_buffer_(std::move(other.err_buffer_)) {
  other.pid_ = -1;
  other.err_fd_ = -1;
}

BackgroundProcess& BackgroundProcess::operator=(BackgroundProcess&& other) noexcept {
  if (this != &other) {
    if (pid_ > 0) Stop(SIGKILL);
    if (err_fd_ >= 0) ::close(err_fd_);
    pid_ = other.pid_;
    err_fd_ = other.err_fd_;
    err_buffer_ = std::move(other.err_buffer_);
    other.pid_ = -1;
    other.err_fd_ = -1;
  }
  return *this;
}

bool BackgroundProcess::Start(const std::string& program, const std::vector<std::string>& args,
                              bool capture_stderr) {
  int err[2] = {-1, -1};
  if (capture_stderr && ::pipe2(err, O_CLOEXEC) != 0) return false;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  if (capture_stderr) {
    posix_spawn_file_actions_adddup2(&actions, err[1], STDERR_FILENO);
  } else {
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  }
  int rc = Spawn(&pid_, program, &actions, args);
  posix_spawn_file_actions_destroy(&actions);
  if (capture_stderr) {
    ::close(err[1]);
    err_fd_ = err[0];
  }
  if (rc != 0) pid_ = -1;
  return rc == 0;
}

std::string BackgroundProcess::ReadStderrLine(Clock::time_point deadline) {
  while (err_fd_ >= 0) {
    std::size_t newline = err_buffer_.find('\n');
    if (newline != std::string::npos) {
      std::string line = err_buffer_.substr(0, newline);
      err_buffer_.erase(0, newline + 1);
      return line;
    }
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    if (left <= 0) return "";
    struct pollfd p = {err_fd_, POLLIN, 0};
    int ready = ::poll(&p, 1, static_cast<int>(left));
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) return "";
    char buf[4096];
    ssize_t n = ::read(err_fd_, buf, sizeof buf);
    if (n <= 0) return "";
    err_buffer_.append(buf, static_cast<std::size_t>(n));
  }
  return "";
}

int BackgroundProcess::Stop(int signal) {
  if (pid_ <= 0) return -1;
  ::kill(pid_, signal);
  int status = 0;
  while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
  }
  pid_ = -1;
  return status;
}

namespace {

sockaddr_in Loopback(int port) {
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  return addr;
}

}  // namespace

int FreePort() {
  // Bind port 0, read the port the kernel chose, release it for the server.
  int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in addr = Loopback(0);
  ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  ::close(fd);
  return ntohs(addr.sin_port);
}

bool WaitUntilListening(int port, std::chrono::milliseconds timeout) {
  auto deadline = Clock::now() + timeout;
  for (auto pause = std::chrono::milliseconds(2);; pause = std::min(pause * 2, std::chrono::milliseconds(100))) {
    int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in addr = Loopback(port);
    bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
    ::close(fd);
    if (ok) return true;
    if (Clock::now() >= deadline) return false;
    // Between two real connection attempts; the bound is the deadline.
    std::this_thread::sleep_for(pause);
  }
}

bool StartServe(const std::string& index, ServeProcess* out, std::string* error,
                const std::vector<std::string>& extra_args) {
  std::vector<std::string> args = {"serve", "--index", index, "--port", "0"};
  args.insert(args.end(), extra_args.begin(), extra_args.end());
  if (!out->process.Start(GCM_BINARY, args, /*capture_stderr=*/true)) {
    *error = "cannot start gcmsearch serve";
    return false;
  }
  // "gcmsearch: serving DIR on http://127.0.0.1:PORT/"
  auto deadline = Clock::now() + std::chrono::seconds(60);
  out->banner = out->process.ReadStderrLine(deadline);
  std::size_t colon = out->banner.rfind(':');
  out->port = colon == std::string::npos ? 0 : std::atoi(out->banner.c_str() + colon + 1);
  if (out->port <= 0) {
    *error = "gcmsearch serve printed no port: \"" + out->banner + "\"";
    return false;
  }
  if (!WaitUntilListening(out->port, std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()))) {
    *error = "gcmsearch serve does not answer on port " + std::to_string(out->port);
    return false;
  }
  return true;
}

// ---- Fixtures shared across test processes -------------------------------

namespace {

// FNV-1a, 64 bits: a fixture's key, not a security boundary.
class Hash {
 public:
  void Add(const void* data, std::size_t size) {
    const auto* p = static_cast<const unsigned char*>(data);
    for (std::size_t i = 0; i < size; ++i) {
      h_ ^= p[i];
      h_ *= 1099511628211ull;
    }
  }
  void Add(const std::string& s) {
    std::uint64_t n = s.size();
    Add(&n, sizeof n);
    Add(s.data(), s.size());
  }
  std::string Hex() const {
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h_));
    return buf;
  }

 private:
  std::uint64_t h_ = 14695981039346656037ull;
};

void AddInput(const fs::path& input, Hash* hash) {
  if (fs::is_directory(input)) {
    std::vector<fs::path> files;
    for (const auto& e : fs::recursive_directory_iterator(input)) {
      if (e.is_regular_file()) files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());  // the walk's order is not fixed
    for (const fs::path& f : files) {
      hash->Add(f.string());
      hash->Add(ReadFile(f.string()));
    }
  } else {
    hash->Add(input.string());
    hash->Add(ReadFile(input.string()));
  }
}

std::string BinaryStamp() {
  struct stat st {};
  if (::stat(GCM_BINARY, &st) != 0) return "missing";
  return std::to_string(st.st_size) + "/" + std::to_string(st.st_mtim.tv_sec) + "." +
         std::to_string(st.st_mtim.tv_nsec);
}

}  // namespace

fs::path SharedFixture(const std::string& name, const std::string& recipe, const std::vector<fs::path>& inputs,
                       const std::function<std::string(const fs::path& dir)>& build, std::string* error) {
  Hash hash;
  hash.Add(name);
  hash.Add(recipe);
  hash.Add(BinaryStamp());
  for (const fs::path& input : inputs) AddInput(input, &hash);
  const fs::path root = fs::path(GCM_BUILD_DIR) / "test-fixtures";
  const fs::path final_dir = root / (name + "-" + hash.Hex());
  std::error_code ec;
  if (fs::is_directory(final_dir, ec)) return final_dir;  // renamed into place, so whole

  fs::create_directories(root, ec);
  const std::string lock_path = final_dir.string() + ".lock";
  int lock = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (lock < 0 || ::flock(lock, LOCK_EX) != 0) {
    *error = "cannot lock " + lock_path + ": " + std::strerror(errno);
    if (lock >= 0) ::close(lock);
    return {};
  }
  // Another process may have built it while we waited for the lock.
  if (!fs::is_directory(final_dir, ec)) {
    // Older versions of this fixture (another build of gcmsearch) are of no
    // use to anyone now; their lock files stay, empty.
    for (const auto& e : fs::directory_iterator(root, ec)) {
      std::string file = e.path().filename().string();
      if (e.is_directory() && file.rfind(name + "-", 0) == 0 && e.path() != final_dir &&
          file.find('.') == std::string::npos && file.size() == name.size() + 17) {
        fs::remove_all(e.path(), ec);
      }
    }
    const fs::path partial = final_dir.string() + ".partial";
    fs::remove_all(partial, ec);  // left by a build that was killed
    fs::create_directories(partial);
    *error = build(partial);
    if (error->empty()) {
      fs::rename(partial, final_dir, ec);
      if (ec) *error = "cannot rename " + partial.string() + ": " + ec.message();
    }
    if (!error->empty()) fs::remove_all(partial, ec);
  }
  ::flock(lock, LOCK_UN);
  ::close(lock);
  return error->empty() ? final_dir : fs::path();
}

void CopyFixture(const fs::path& from, const fs::path& to) {
  fs::copy(from, to, fs::copy_options::recursive);
}

namespace {

// `gcmsearch ingest ARGS...` into dir/index; the run's stderr and exit
// status beside it. "" or why it failed.
std::string IngestInto(const fs::path& dir, std::vector<std::string> args) {
  args.insert(args.begin(), {"ingest", "--index", (dir / "index").string()});
  CommandResult r = RunGcmsearch(args);
  WriteFile((dir / "ingest.err").string(), r.err);
  WriteFile((dir / "ingest.status").string(), std::to_string(r.exit_code));
  if (r.exit_code != 0) return "gcmsearch ingest exited " + std::to_string(r.exit_code) + ": " + r.err;
  return "";
}

}  // namespace

fs::path CorpusIndexFixture(std::string* error) {
  // OCR is tested in its own suites; here it would only add minutes.
  return SharedFixture("corpus-no-ocr", "ingest --no-ocr corpus", {CorpusDir()},
                       [](const fs::path& dir) { return IngestInto(dir, {"--no-ocr", CorpusDir()}); }, error);
}

fs::path LabelledCollectionFixture(std::string* error) {
  const std::string xlang = SourceDir() + "/tests/data/xlang";
  return SharedFixture("labelled-collection", "ingest corpus tests/data/xlang", {CorpusDir(), xlang},
                       [xlang](const fs::path& dir) { return IngestInto(dir, {CorpusDir(), xlang}); }, error);
}

}  // namespace gcm::testing
