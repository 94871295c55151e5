// query-bench: in-process search latency. Opens the index once, runs each
// query of a list (one per line) `--repeat` times through the same Searcher
// the CLI and server use (pages, snippets and facets included), and prints
// latency percentiles as JSON. Used by tools/bench.
#include <algorithm>
#include <chrono>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "search/searcher.h"

int main(int argc, char** argv) {
  std::string index = "index", queries_file;
  int repeat = 5;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string flag = argv[i];
    if (flag == "--index") index = argv[i + 1];
    else if (flag == "--queries") queries_file = argv[i + 1];
    else if (flag == "--repeat") repeat = std::stoi(argv[i + 1]);
  }
  std::vector<std::string> queries;
  std::ifstream in(queries_file);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line[0] != '#') queries.push_back(line);
  }
  if (queries.empty()) {
    std::cerr << "query-bench: no queries (use --queries FILE)\n";
    return 1;
  }
  std::unique_ptr<gcm::Searcher> searcher;
  gcm::Status s = gcm::Searcher::Open(index, &searcher);
  if (!s.ok()) {
    std::cerr << "query-bench: " << s.message() << "\n";
    return 1;
  }
  std::vector<double> ms;
  std::uint64_t hits = 0;
  for (int r = 0; r < repeat; ++r) {
    for (const std::string& q : queries) {
      gcm::SearchRequest request;
      request.query = q;
      gcm::SearchResponse response;
      auto t0 = std::chrono::steady_clock::now();
      s = searcher->Search(request, &response);
      auto t1 = std::chrono::steady_clock::now();
      if (!s.ok()) {
        std::cerr << "query-bench: " << q << ": " << s.message() << "\n";
        return 1;
      }
      hits += response.hits.size();
      if (r > 0) ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());  // first round warms caches
    }
  }
  std::sort(ms.begin(), ms.end());
  auto pct = [&](double p) { return ms[std::min(ms.size() - 1, static_cast<std::size_t>(p * ms.size()))]; };
  double sum = 0;
  for (double v : ms) sum += v;
  std::cout << "{\"queries\": " << queries.size() << ", \"timed\": " << ms.size() << ", \"p50_ms\": " << pct(0.5)
            << ", \"p99_ms\": " << pct(0.99) << ", \"mean_ms\": " << sum / ms.size() << ", \"hits\": " << hits
            << "}\n";
  return 0;
}
