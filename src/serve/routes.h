// Every HTTP route of gcmsearch serve, in one table (as Typesense's
// master_server_routes): the JSON API of INTERFACE.md, the collection
// matrix the page draws, and the page itself, served from memory. Each
// handler is a small lambda that parses its parameters, calls the search
// library through a borrowed Searcher and serialises with the same
// functions as the command line's --json, so both answer the same JSON.
#ifndef GCMSEARCH_SERVE_ROUTES_H_
#define GCMSEARCH_SERVE_ROUTES_H_

#include <httplib.h>

#include <nlohmann/json.hpp>

#include "core/status.h"
#include "serve/response_cache.h"
#include "serve/searcher_pool.h"

namespace gcm {

// What the handlers share; both must outlive the server's last request.
struct ServeContext {
  SearcherPool* searchers = nullptr;
  ResponseCache* cache = nullptr;  // answers per index revision
};

// Registers every route on `server`.
void RegisterRoutes(httplib::Server* server, const ServeContext& context);

// Installs the cross-cutting hooks: request validation before routing
// (percent-encoding, UTF-8, sizes: 400), JSON bodies for errors that no
// handler wrote (unknown route: 404, unparsable request: 400, ...), and
// exceptions escaping a handler as a 500 JSON answer.
void InstallHooks(httplib::Server* server);

// Sets `res` to the JSON `body` with HTTP status `http_status`.
void WriteJson(httplib::Response* res, int http_status, const nlohmann::json& body);

// Sets `res` to {"error": message} with the HTTP status of `status`.
void WriteError(httplib::Response* res, const Status& status);

// The JSON behind the page's picture of the collection: every document
// (as DocumentJson) with "citations": {"<n>": count of number/title
// mentions} and "linked_objectives", plus the 23 objectives with their
// document counts. Fails as Searcher::AllDocuments.
Status MatrixJson(Searcher& searcher, nlohmann::json* out);

}  // namespace gcm

#endif  // GCMSEARCH_SERVE_ROUTES_H_
