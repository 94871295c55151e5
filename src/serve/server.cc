// RunServer: binds cpp-httplib to the requested address, registers the
// route table (routes.h) over a pool of Searchers, and serves until
// StopServer() or SIGINT/SIGTERM. The signal handler only sets a flag
// (async-signal-safe); a watcher thread per server turns that flag, or a
// StopServer() call, into httplib::Server::stop().
#include "serve/server.h"

#include <httplib.h>
#include <sys/socket.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <mutex>
#include <set>
#include <thread>

#include "serve/response_cache.h"
#include "serve/routes.h"
#include "serve/searcher_pool.h"

namespace gcm {
namespace {

// Set by SIGINT/SIGTERM; read by every watcher.
volatile std::sig_atomic_t g_signalled = 0;

extern "C" void OnStopSignal(int) { g_signalled = 1; }

// One running server, as the watcher and StopServer() see it.
struct Control {
  httplib::Server* server = nullptr;
  std::mutex mu;
  std::condition_variable cv;
  bool stop_requested = false;  // guarded by mu
  bool finished = false;        // guarded by mu
};

// The running servers, and the signal dispositions to restore when the
// last one returns.
std::mutex g_registry_mu;
std::set<Control*> g_running;  // guarded by g_registry_mu
struct sigaction g_old_int, g_old_term;

void Register(Control* control) {
  std::lock_guard<std::mutex> lock(g_registry_mu);
  if (g_running.empty()) {
    g_signalled = 0;
    struct sigaction action {};
    action.sa_handler = OnStopSignal;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, &g_old_int);
    sigaction(SIGTERM, &action, &g_old_term);
  }
  g_running.insert(control);
}

void Unregister(Control* control) {
  std::lock_guard<std::mutex> lock(g_registry_mu);
  g_running.erase(control);
  if (g_running.empty()) {
    sigaction(SIGINT, &g_old_int, nullptr);
    sigaction(SIGTERM, &g_old_term, nullptr);
  }
}

// Waits for a stop request or a signal, then stops the server. A stop can
// arrive before listen_after_bind() has marked the server running, when
// stop() would be lost: keep asking until the server is down.
void Watch(Control* control) {
  std::unique_lock<std::mutex> lock(control->mu);
  while (!control->finished) {
    control->cv.wait_for(lock, std::chrono::milliseconds(100));
    if (control->finished) break;
    if ((control->stop_requested || g_signalled) && control->server->is_running()) {
      control->server->stop();
    }
  }
}

int DefaultThreads() {
  // httplib serves one connection per worker while it is kept alive, so
  // there must be more workers than cores for many clients at once.
  unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  return static_cast<int>(std::clamp(cores * 8u, 16u, 64u));
}

}  // namespace

Status RunServer(const ServerOptions& options, const std::function<void(int port)>& on_listening) {
  if (options.port < 0 || options.port > 65535) {
    return Status::InvalidArgument("port " + std::to_string(options.port) + " is not in 0..65535");
  }
  SearcherPool searchers(options.index_dir);
  Status s = searchers.Check();
  if (!s.ok()) return s;

  int threads = options.threads > 0 ? options.threads : DefaultThreads();
  httplib::Server server;
  server.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<size_t>(threads)); };
  server.set_keep_alive_max_count(1000);
  server.set_keep_alive_timeout(5);
  server.set_read_timeout(10, 0);
  server.set_write_timeout(10, 0);
  server.set_payload_max_length(64 * 1024);  // every route is a GET
  server.set_default_headers({{"X-Content-Type-Options", "nosniff"}});
  server.set_tcp_nodelay(true);
  // cpp-httplib's default sets SO_REUSEPORT, which lets a second server
  // bind the same port and silently share its connections. SO_REUSEADDR
  // alone still allows a quick restart while old connections linger.
  server.set_socket_options([](int sock) {
    int yes = 1;
    ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  InstallHooks(&server);
  ResponseCache cache(options.cache_bytes);
  RegisterRoutes(&server, ServeContext{&searchers, &cache});
  if (std::getenv("GCMSEARCH_LOG_REQUESTS")) {
    server.set_logger([](const httplib::Request& req, const httplib::Response& res) {
      std::fprintf(stderr, "%d %s %s\n", res.status, req.method.c_str(), req.target.c_str());
    });
  }

  int port = options.port;
  if (port == 0) {
    port = server.bind_to_any_port(options.host);
    if (port < 0) port = 0;
  } else if (!server.bind_to_port(options.host, port)) {
    port = 0;
  }
  if (port <= 0) {
    return Status::IOError("cannot listen on " + options.host + ":" + std::to_string(options.port) +
                           " (address in use, not local, or not permitted): choose another --host or --port");
  }

  Control control;
  control.server = &server;
  Register(&control);
  std::thread watcher(Watch, &control);
  // The socket is listening already (bind_to_port listens): connections
  // made from here on wait in the backlog until the loop below accepts.
  if (on_listening) on_listening(port);
  bool clean = server.listen_after_bind();
  {
    std::lock_guard<std::mutex> lock(control.mu);
    control.finished = true;
  }
  control.cv.notify_all();
  watcher.join();
  Unregister(&control);
  bool asked;
  {
    std::lock_guard<std::mutex> lock(control.mu);
    asked = control.stop_requested || g_signalled;
  }
  if (!clean && !asked) {
    return Status::IOError("the server stopped accepting connections on " + options.host + ":" +
                           std::to_string(port));
  }
  return Status::OK();
}

void StopServer() {
  std::lock_guard<std::mutex> lock(g_registry_mu);
  for (Control* control : g_running) {
    {
      std::lock_guard<std::mutex> inner(control->mu);
      control->stop_requested = true;
    }
    control->cv.notify_all();
  }
}

}  // namespace gcm
