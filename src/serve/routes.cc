// The route table and the hooks around it. Handlers stay thin: parameters
// in, one Searcher call, JSON out; everything shared (borrowing a
// Searcher, mapping a Status to an HTTP status, retrying once when the
// Status says the index changed under the read) lives in Api() below.
#include "serve/routes.h"

#include <array>
#include <functional>
#include <string>
#include <vector>

#include "core/objectives.h"
#include "search/citation_matrix.h"
#include "core/utf8.h"
#include "search/json_output.h"
#include "serve/request_params.h"
#include "serve/web_page.h"

namespace gcm {
namespace {

using httplib::Request;
using httplib::Response;
using nlohmann::json;

// A JSON API handler: reads `req`, asks `searcher`, fills *out on success.
using ApiHandler = std::function<Status(const Request& req, Searcher& searcher, json* out)>;

enum class Caching {
  kNone,         // cheap, or answers that must be fresh (health)
  kPerRevision,  // a pure function of the target and the index revision
};

// Wraps an ApiHandler into an httplib handler: borrows a Searcher reopened
// on the latest revision, answers from the cache when it may, else runs
// the handler and writes its JSON or error.
httplib::Server::Handler Api(const ServeContext& context, Caching caching, ApiHandler handler) {
  return [context, caching, handler = std::move(handler)](const Request& req, Response& res) {
    SearcherPool::Lease searcher;
    Status s = context.searchers->Acquire(&searcher);
    if (!s.ok()) return WriteError(&res, s);
    const bool cached = caching == Caching::kPerRevision && context.cache != nullptr;
    if (cached) {
      if (auto body = context.cache->Get(searcher.revision(), req.target)) {
        res.set_content(*body, "application/json; charset=utf-8");
        res.set_header("Cache-Control", "no-store");
        res.set_header("X-Cache", "hit");
        return;
      }
    }
    json body;
    s = handler(req, *searcher, &body);
    if (s.IsRetryable()) {
      // The index moved on during the read more often than the Searcher
      // retries by itself: once more on the newest revision.
      searcher->Reopen();
      body = json();
      s = handler(req, *searcher, &body);
    }
    if (!s.ok()) return WriteError(&res, s);
    WriteJson(&res, 200, body);
    if (cached) {
      res.set_header("X-Cache", "miss");
      context.cache->Put(searcher.revision(), req.target, res.body);
    }
  };
}

// Serves a file of the page from memory.
httplib::Server::Handler Asset(std::string_view body, const char* content_type) {
  return [body, content_type](const Request&, Response& res) {
    res.set_content(body.data(), body.size(), content_type);
    res.set_header("Cache-Control", "no-cache");
    res.set_header("Content-Security-Policy",
                   "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                   "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
    res.set_header("Referrer-Policy", "no-referrer");
  };
}

// The text of the first regex group of the matched path.
std::string PathGroup(const Request& req) { return req.matches.size() > 1 ? req.matches[1].str() : ""; }

const char* ReasonFor(int status) {
  switch (status) {
    case 400:
      return "the request is malformed";
    case 404:
      return "no such route";
    case 405:
      return "method not allowed";
    case 413:
      return "the request body is too large";
    case 414:
      return "the request URI is too long";
    case 416:
      return "the requested range cannot be satisfied";
    default:
      return status >= 500 ? "internal server error" : "the request failed";
  }
}

bool IsApiPath(const std::string& path) { return path == "/healthz" || path.rfind("/api/", 0) == 0; }

}  // namespace

void WriteJson(Response* res, int http_status, const json& body) {
  res->status = http_status;
  res->set_content(Dump(body), "application/json; charset=utf-8");
  res->set_header("Cache-Control", "no-store");
}

void WriteError(Response* res, const Status& status) {
  WriteJson(res, status.ok() ? 500 : status.HttpStatus(), {{"error", status.message()}});
}

Status MatrixJson(Searcher& searcher, json* out) {
  std::vector<Document> docs;
  Status s = searcher.AllDocuments(&docs);
  if (!s.ok()) return s;
  std::array<std::uint64_t, kObjectiveCount + 1> counts{};
  json documents = json::array();
  for (const Document& doc : docs) {
    const CitationRow row = CountCitations(doc);
    const auto& cites = row.cites;
    const std::vector<int>& linked = row.linked;
    json d = DocumentJson(doc);
    json citations = json::object();
    for (int n = 1; n <= kObjectiveCount; ++n) {
      auto c = cites[static_cast<std::size_t>(n)];
      if (c == 0) continue;
      citations[std::to_string(n)] = c;
      counts[static_cast<std::size_t>(n)]++;
    }
    d["citations"] = std::move(citations);
    d["linked_objectives"] = linked;
    documents.push_back(std::move(d));
  }
  json objectives = ObjectivesJson(counts)["objectives"];
  *out = {{"documents", std::move(documents)}, {"objectives", std::move(objectives)}};
  return Status::OK();
}

void RegisterRoutes(httplib::Server* server, const ServeContext& context) {
  // ---- JSON API (INTERFACE.md) ----
  server->Get("/healthz", Api(context, Caching::kNone, [](const Request&, Searcher& s, json* out) {
                *out = {{"status", "ok"}, {"documents", s.DocumentCount()}};
                return Status::OK();
              }));

  server->Get("/api/search",
              Api(context, Caching::kPerRevision, [](const Request& req, Searcher& s, json* out) {
                SearchRequest request;
                Status st = ParseSearchParams(req.params, &request);
                SearchResponse response;
                if (st.ok()) st = s.Search(request, &response);
                if (st.ok()) *out = SearchJson(response);
                return st;
              }));

  server->Get(R"(/api/documents/(.+))",
              Api(context, Caching::kPerRevision, [](const Request& req, Searcher& s, json* out) {
                Document doc;
                Status st = s.Show(PathGroup(req), &doc);
                if (st.ok()) *out = DocumentDetailJson(doc);
                return st;
              }));

  server->Get("/api/objectives",
              Api(context, Caching::kPerRevision, [](const Request&, Searcher& s, json* out) {
                std::array<std::uint64_t, kObjectiveCount + 1> counts;
                Status st = s.ObjectiveCounts(&counts);
                if (st.ok()) *out = ObjectivesJson(counts);
                return st;
              }));

  server->Get(R"(/api/objectives/([^/]*))",
              Api(context, Caching::kPerRevision, [](const Request& req, Searcher& s, json* out) {
                int n = 0;
                Status st = ParseObjectiveNumber(PathGroup(req), &n);
                std::vector<Citation> citations;
                if (st.ok()) st = s.DocumentsCiting(n, &citations);
                if (st.ok()) *out = ObjectiveJson(n, citations);
                return st;
              }));

  server->Get("/api/matrix", Api(context, Caching::kPerRevision,
                                 [](const Request&, Searcher& s, json* out) { return MatrixJson(s, out); }));

  // ---- The page, from memory (web_page.h); its state lives in "/?...". ----
  server->Get("/", Asset(kIndexHtml, "text/html; charset=utf-8"));
  server->Get("/static/helpers.js", Asset(kHelpersJs, "text/javascript; charset=utf-8"));
  server->Get("/static/app.js", Asset(kAppJs, "text/javascript; charset=utf-8"));
  server->Get("/static/app.css", Asset(kAppCss, "text/css; charset=utf-8"));
  server->Get("/favicon.ico", Asset(kFaviconSvg, "image/svg+xml"));
  server->Get(R"(/objectives/(\d{1,2}))", [](const Request& req, Response& res) {
    res.set_redirect("/?objective_page=" + PathGroup(req), 302);
  });
}

void InstallHooks(httplib::Server* server) {
  // Only the API is checked here: the page itself reads no parameter on
  // the server, and a bookmarked malformed address still opens it (the API
  // call it then makes explains what is wrong).
  server->set_pre_routing_handler([](const Request& req, Response& res) {
    if (!IsApiPath(req.path)) return httplib::Server::HandlerResponse::Unhandled;
    Status s = ValidateTarget(req.target);
    if (s.ok()) s = ValidateDecoded(req.path, req.params);
    if (s.ok()) return httplib::Server::HandlerResponse::Unhandled;
    WriteError(&res, s);
    return httplib::Server::HandlerResponse::Handled;
  });

  // Runs for every answer with status >= 400; fills in only those that no
  // handler wrote (unknown route, request cpp-httplib could not parse).
  server->set_error_handler(httplib::Server::HandlerWithResponse([](const Request& req, Response& res) {
    if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
    std::string message = ReasonFor(res.status);
    if (res.status == 413 || res.status == 414) {
      // The API answers a malformed request with 400 only (INTERFACE.md).
      message += " (at most " + std::to_string(kMaxTargetBytes) + " bytes of path and query)";
      res.status = 400;
    }
    if (res.status == 404) {
      std::string path = IsValidUtf8(req.path) ? req.path.substr(0, 200) : "(not UTF-8)";
      message = "no route " + req.method + " " + path +
                " (try GET /api/search?q=..., /api/documents/ID, /api/objectives, /api/objectives/N, "
                "/api/matrix, /healthz or /)";
    }
    WriteJson(&res, res.status, {{"error", message}});
    return httplib::Server::HandlerResponse::Handled;
  }));

  server->set_exception_handler([](const Request&, Response& res, std::exception_ptr ep) {
    std::string what = "unknown exception";
    try {
      if (ep) std::rethrow_exception(ep);
    } catch (const std::exception& e) {
      what = e.what();
    } catch (...) {
    }
    WriteJson(&res, 500, {{"error", "internal error: " + what}});
  });
}

}  // namespace gcm
