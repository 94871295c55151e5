// The HTTP endpoint: the JSON API of INTERFACE.md and the search page, on
// cpp-httplib. Each worker thread has its own Searcher (Xapian handles are
// not thread-safe), reopened when the index changes.
#ifndef GCMSEARCH_SERVE_SERVER_H_
#define GCMSEARCH_SERVE_SERVER_H_

#include <cstddef>
#include <functional>
#include <string>

#include "core/status.h"

namespace gcm {

struct ServerOptions {
  std::string index_dir = "index";
  std::string host = "127.0.0.1";  // loopback unless told otherwise
  int port = 8080;                 // 0 = any free port
  int threads = 0;                 // 0 = a sensible default for the machine
  // Bytes of JSON answers kept per index revision (response_cache.h);
  // 0 turns the cache off.
  std::size_t cache_bytes = 32u << 20;
};

// Serves until the process is signalled (SIGINT/SIGTERM) or StopServer() is
// called from another thread. With GCMSEARCH_LOG_REQUESTS set in the
// environment, each request is logged to stderr ("200 GET /api/search?q="). `on_listening` is called with the
// bound port once the server accepts connections. Fails when the port cannot be bound or the index cannot be
// opened.
Status RunServer(const ServerOptions& options, const std::function<void(int port)>& on_listening);

// Asks a running RunServer to return.
void StopServer();

}  // namespace gcm

#endif  // GCMSEARCH_SERVE_SERVER_H_
