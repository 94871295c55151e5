// The worker process pool: fork, a small framed protocol over a socket pair
// per worker (its frames are worker_protocol.h's, coded with
// core/coding.h), poll() with per-task deadlines, and replacement of workers
// that die.
#include "ingest/worker_pool.h"

#include <fcntl.h>
#include <malloc.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <new>
#include <thread>

#include "ingest/worker_protocol.h"


namespace gcm {
namespace {

using Clock = std::chrono::steady_clock;

std::string MemoryLimitText(std::uint64_t bytes) {
  if (bytes == 0) return "ran out of memory";
  return "ran out of memory (over the " + std::to_string(bytes >> 20) + " MiB limit; see --max-memory)";
}

// ---- In the worker ---------------------------------------------------------

// Writes all of `data` or ends the worker: a parent that stopped listening
// has no use for it.
void WriteAllOrExit(int fd, const char* data, std::size_t size) {
  while (size > 0) {
    ssize_t n = ::write(fd, data, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) ::_exit(1);
    data += n;
    size -= static_cast<std::size_t>(n);
  }
}

void WriteFrame(int fd, FrameType type, std::string_view payload) {
  const std::string frame = EncodeFrame(type, payload);
  WriteAllOrExit(fd, frame.data(), frame.size());
}

// Reads exactly `size` bytes; false at end of file or on error.
bool ReadAll(int fd, char* data, std::size_t size) {
  while (size > 0) {
    ssize_t n = ::read(fd, data, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data += n;
    size -= static_cast<std::size_t>(n);
  }
  return true;
}

[[noreturn]] void WorkerMain(pid_t parent, int fd, const WorkerLimits& limits, const WorkFunction& work) {
  // Die with the parent, even when busy: a killed `ingest` leaves no workers.
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (::getppid() != parent) ::_exit(0);
  // Standard output belongs to the parent (`--json`); libraries that print
  // there must not mix into it.
  int null_fd = ::open("/dev/null", O_WRONLY | O_CLOEXEC);
  if (null_fd >= 0) {
    ::dup2(null_fd, STDOUT_FILENO);
    ::close(null_fd);
  }
  ::signal(SIGPIPE, SIG_DFL);
  if (limits.max_memory > 0) {
    // Each thread's malloc arena reserves 64 MiB of address space; a few
    // are plenty for one file at a time and keep the limit about real use.
    ::mallopt(M_ARENA_MAX, 2);
    struct rlimit rl;
    rl.rlim_cur = rl.rlim_max = static_cast<rlim_t>(limits.max_memory);
    ::setrlimit(RLIMIT_AS, &rl);
  }

  while (true) {
    char header[kTaskHeaderBytes];
    if (!ReadAll(fd, header, sizeof header)) ::_exit(0);
    std::uint64_t length = 0;
    // A length past the cap means the stream is out of step: nothing after
    // it can be read as a task, and the parent reports the worker lost.
    if (!DecodeTaskHeader(std::string_view(header, sizeof header), &length).ok()) ::_exit(1);
    std::string request(length, '\0');
    if (!ReadAll(fd, request.data(), request.size())) ::_exit(0);
    WorkerTask task;
    Status decoded = DecodeTaskPayload(request, &task);
    if (!decoded.ok()) {
      WriteFrame(fd, FrameType::kFailed,
                 EncodeFailurePayload(Status::Internal("the parent sent a damaged task: " + decoded.message())));
      continue;
    }

    bool out_of_memory = false;
    Status status;
    std::string payload;
    try {
      auto announce = [fd](int units) { WriteFrame(fd, FrameType::kAnnounce, EncodeAnnouncePayload(units)); };
      status = work(task, announce, &payload);
    } catch (const std::bad_alloc&) {
      out_of_memory = true;
    } catch (const std::exception& e) {
      status = Status::Internal(task.as_given + ": " + e.what());
    } catch (...) {
      status = Status::Internal(task.as_given + ": an unknown exception");
    }
    if (out_of_memory) {
      // The heap may be in pieces; a fresh worker takes the next file.
      WriteFrame(fd, FrameType::kOutOfMemory, task.as_given + ": " + MemoryLimitText(limits.max_memory));
      ::_exit(0);
    }
    if (status.ok() && payload.size() > kMaxAnswerBytes) {
      status = Status::Unsupported(task.as_given + ": the document is too large to hand to the writer (" +
                                   std::to_string(payload.size() >> 20) + " MiB)");
    }
    if (status.ok()) {
      WriteFrame(fd, FrameType::kDone, payload);
    } else {
      WriteFrame(fd, FrameType::kFailed, EncodeFailurePayload(status));
    }
  }
}

// Closes every descriptor the child inherited except stdio and `keep`: the
// index's lock and the other workers' sockets belong to the parent.
void CloseInheritedFds(int keep) {
  if (keep > 3) ::close_range(3, static_cast<unsigned>(keep - 1), 0);
  ::close_range(static_cast<unsigned>(keep + 1), ~0u, 0);
}

// "120 s", "0.3 s".
std::string SecondsText(double seconds) {
  char buf[32];
  if (std::fabs(seconds - std::round(seconds)) < 0.05) {
    std::snprintf(buf, sizeof buf, "%.0f s", seconds);
  } else {
    std::snprintf(buf, sizeof buf, "%.1f s", seconds);
  }
  return buf;
}

std::string SignalText(int sig) {
  const char* name = ::strsignal(sig);
  return "signal " + std::to_string(sig) + (name ? std::string(": ") + name : "");
}

}  // namespace

// ---- In the parent ---------------------------------------------------------

Status WorkerPool::Start(int workers, const WorkerLimits& limits, WorkFunction work,
                         std::unique_ptr<WorkerPool>* out) {
  std::unique_ptr<WorkerPool> pool(new WorkerPool(limits, std::move(work)));
  pool->workers_.resize(static_cast<std::size_t>(std::max(1, workers)));
  for (Worker& w : pool->workers_) {
    Status s = pool->Spawn(&w);
    if (!s.ok()) return s;
  }
  *out = std::move(pool);
  return Status::OK();
}

WorkerPool::~WorkerPool() {
  for (Worker& w : workers_) {
    if (w.pid < 0) continue;
    // An idle worker exits when its socket closes; a busy one is abandoned.
    ::close(w.fd);
    w.fd = -1;
    if (w.busy) ::kill(w.pid, SIGKILL);
  }
  for (Worker& w : workers_) {
    if (w.pid > 0) ::waitpid(w.pid, nullptr, 0);
  }
}

Status WorkerPool::Spawn(Worker* w) {
  int sv[2];
  if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0) {
    return Status::IOError(std::string("cannot create a socket for a worker: ") + std::strerror(errno));
  }
  pid_t parent = ::getpid();
  pid_t pid = ::fork();
  if (pid < 0) {
    int e = errno;
    ::close(sv[0]);
    ::close(sv[1]);
    return Status::IOError(std::string("cannot start a worker process: ") + std::strerror(e));
  }
  if (pid == 0) {
    CloseInheritedFds(sv[1]);
    WorkerMain(parent, sv[1], limits_, work_);
  }
  ::close(sv[1]);
  ::fcntl(sv[0], F_SETFL, ::fcntl(sv[0], F_GETFL) | O_NONBLOCK);
  ++forks_;
  w->pid = pid;
  w->fd = sv[0];
  w->busy = false;
  w->inbox.clear();
  return Status::OK();
}

void WorkerPool::Reap(Worker* w, bool kill_first, int* wait_status) {
  if (w->pid > 0) {
    if (kill_first) ::kill(w->pid, SIGKILL);
    int st = 0;
    while (::waitpid(w->pid, &st, 0) < 0 && errno == EINTR) {
    }
    if (wait_status) *wait_status = st;
  }
  if (w->fd >= 0) ::close(w->fd);
  w->pid = -1;
  w->fd = -1;
  w->busy = false;
  w->inbox.clear();
}

bool WorkerPool::Send(Worker* w, std::size_t index, const WorkerTask& task) {
  const std::string frame = EncodeTaskFrame(task);
  std::size_t sent = 0;
  while (sent < frame.size()) {
    // MSG_NOSIGNAL: a worker that died must not take the parent with it.
    ssize_t n = ::send(w->fd, frame.data() + sent, frame.size() - sent, MSG_NOSIGNAL);
    if (n > 0) {
      sent += static_cast<std::size_t>(n);
    } else if (n < 0 && errno == EINTR) {
      continue;
    } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      struct pollfd p = {w->fd, POLLOUT, 0};
      ::poll(&p, 1, 1000);
    } else {
      return false;
    }
  }
  w->busy = true;
  w->task = index;
  w->started = Clock::now();
  w->deadline = w->started + limits_.timeout;
  return true;
}

void WorkerPool::Lost(Worker* w, const std::vector<WorkerTask>& tasks, std::vector<Finished>* done) {
  std::size_t index = w->task;
  int st = 0;
  Reap(w, /*kill_first=*/false, &st);
  const std::string& name = tasks[index].as_given;
  std::string reason;
  if (WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL) {
    // Not ours (ours are timeouts): most likely the kernel's OOM killer.
    reason = "was killed (" + SignalText(SIGKILL) + "), probably for using too much memory";
  } else if (WIFSIGNALED(st)) {
    reason = "crashed (" + SignalText(WTERMSIG(st)) + ")";
  } else {
    reason = "crashed (the worker exited with status " + std::to_string(WEXITSTATUS(st)) + ")";
  }
  done->push_back({index, Status::Internal(name + ": " + reason), std::string()});
}

void WorkerPool::Receive(Worker* w, const std::vector<WorkerTask>& tasks, std::vector<Finished>* done) {
  static std::vector<char> buf(1 << 20);  // the parent has one thread
  bool eof = false;
  while (true) {
    ssize_t n = ::read(w->fd, buf.data(), buf.size());
    if (n > 0) {
      w->inbox.append(buf.data(), static_cast<std::size_t>(n));
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) break;
    eof = true;  // end of file, or a reset connection: the worker is gone
    break;
  }

  std::size_t at = 0;
  while (w->inbox.size() - at >= kFrameHeaderBytes) {
    FrameHeader header;
    Status framed = DecodeFrameHeader(std::string_view(w->inbox).substr(at), &header);
    if (!framed.ok()) {
      // Out of step: nothing after this can be read. The task (if any)
      // fails and the worker is replaced.
      if (w->busy) {
        done->push_back({w->task,
                         Status::Internal(tasks[w->task].as_given + ": the worker sent a damaged answer (" +
                                          framed.message() + ")"),
                         std::string()});
      }
      Reap(w, /*kill_first=*/true, nullptr);
      return;
    }
    if (w->inbox.size() - at - kFrameHeaderBytes < header.length) {
      // Bounded by kMaxAnswerBytes.
      if (at == 0) w->inbox.reserve(kFrameHeaderBytes + header.length);
      break;
    }
    std::string_view payload(w->inbox.data() + at + kFrameHeaderBytes, header.length);
    at += kFrameHeaderBytes + header.length;
    if (!w->busy) continue;  // nothing is expected from an idle worker
    const std::string& name = tasks[w->task].as_given;
    Finished f{w->task, Status::OK(), std::string()};
    Status decoded;
    switch (header.type) {
      case FrameType::kAnnounce: {
        std::int32_t units = 0;
        decoded = DecodeAnnouncePayload(payload, &units);
        if (decoded.ok()) {
          w->deadline += limits_.per_announced_unit * std::max<std::int32_t>(0, units);
          continue;
        }
        break;
      }
      case FrameType::kDone:
        f.result = payload;
        break;
      case FrameType::kFailed:
        decoded = DecodeFailurePayload(payload, &f.status);
        break;
      case FrameType::kOutOfMemory:
        f.status = Status::Internal(std::string(payload));
        break;
    }
    if (!decoded.ok()) f.status = Status::Internal(name + ": the worker sent a damaged answer (" + decoded.message() + ")");
    w->busy = false;
    done->push_back(std::move(f));
    if (header.type == FrameType::kOutOfMemory) eof = true;  // it exits now, to start again with a clean heap
  }
  w->inbox.erase(0, at);

  if (eof) {
    if (w->busy) {
      Lost(w, tasks, done);
    } else {
      Reap(w, /*kill_first=*/false, nullptr);
    }
  }
}

void WorkerPool::Run(const std::vector<WorkerTask>& tasks, const ResultCallback& on_result) {
  std::size_t next = 0;
  bool stop = false;
  std::vector<Finished> done;
  while (true) {
    // Give every idle worker a task. A worker found dead is replaced; a task
    // that cannot get a live worker at all fails on its own.
    for (Worker& w : workers_) {
      if (stop || w.busy || next >= tasks.size()) continue;
      bool sent = false;
      std::string why;
      for (int attempt = 0; attempt < 2 && !sent; ++attempt) {
        if (w.pid < 0) {
          Status s = Spawn(&w);
          if (!s.ok()) {
            why = s.message();
            break;
          }
        }
        sent = Send(&w, next, tasks[next]);
        if (!sent) {
          why = "cannot hand the file to a worker process";
          Reap(&w, /*kill_first=*/true, nullptr);
        }
      }
      if (!sent) done.push_back({next, Status::Internal(tasks[next].as_given + ": " + why), std::string()});
      ++next;
    }

    // The caller writes while the workers work.
    for (Finished& f : done) {
      if (stop) break;
      if (!on_result(f.task, std::move(f.status), std::move(f.result))) stop = true;
    }
    done.clear();

    std::vector<Worker*> busy;
    for (Worker& w : workers_) {
      if (w.busy) busy.push_back(&w);
    }
    if (stop) {
      for (Worker* w : busy) Reap(w, /*kill_first=*/true, nullptr);
      return;
    }
    if (busy.empty()) {
      if (next >= tasks.size()) return;
      continue;
    }

    auto now = Clock::now();
    auto soonest = busy[0]->deadline;
    for (Worker* w : busy) soonest = std::min(soonest, w->deadline);
    long wait_ms = std::chrono::duration_cast<std::chrono::milliseconds>(soonest - now).count() + 1;
    wait_ms = std::clamp(wait_ms, 0L, 1000L);
    std::vector<struct pollfd> fds;
    for (Worker* w : busy) fds.push_back({w->fd, POLLIN, 0});
    int ready = ::poll(fds.data(), fds.size(), static_cast<int>(wait_ms));
    if (ready < 0 && errno != EINTR) ready = 0;
    for (std::size_t i = 0; i < busy.size(); ++i) {
      if (ready > 0 && fds[i].revents != 0) Receive(busy[i], tasks, &done);
    }

    now = Clock::now();
    for (Worker* w : busy) {
      // A worker whose answer is arriving is not cut off in mid-sentence.
      if (!w->busy || now < w->deadline || !w->inbox.empty()) continue;
      double seconds = std::chrono::duration<double>(w->deadline - w->started).count();
      std::size_t index = w->task;
      Reap(w, /*kill_first=*/true, nullptr);
      done.push_back({index,
                      Status::Timeout(tasks[index].as_given + ": timed out after " + SecondsText(seconds) +
                                      " (see --timeout)"),
                      std::string()});
    }
  }
}

}  // namespace gcm
