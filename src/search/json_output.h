// The JSON shapes of ../shared/INTERFACE.md, shared by the command line
// (--json) and the HTTP API so the two never drift apart. Field names there
// are a contract with users' scripts: add fields, never rename.
#ifndef GCMSEARCH_SEARCH_JSON_OUTPUT_H_
#define GCMSEARCH_SEARCH_JSON_OUTPUT_H_

#include <array>
#include <nlohmann/json.hpp>
#include <vector>

#include "core/document.h"
#include "core/objectives.h"
#include "search/searcher.h"

namespace gcm {

// {"id","path","title","lang","format","date","author","objectives",
//  "translations","page_count","ocr_pages"}
nlohmann::json DocumentJson(const Document& doc);

// One mention: {"objective","kind","page","text","confidence","offset","length"}.
nlohmann::json MentionJson(const ObjectiveMention& m);

// DocumentJson plus "mentions" (all of them) and "warnings": `show`.
nlohmann::json DocumentDetailJson(const Document& doc);

// {"total","results":[document + score, pages, snippet, snippet_page,
//  via_translation],"facets"}; via_translation is true for a result that
// only the query's translation into the other language matched.
nlohmann::json SearchJson(const SearchResponse& response);

// {"objective","title_en","title_es","short_en","short_es","documents":[document + mentions]}.
nlohmann::json ObjectiveJson(int n, const std::vector<Citation>& citations);

// {"objectives":[{"number","title_en","title_es","short_en","short_es","hub_id","documents"}]}.
nlohmann::json ObjectivesJson(const std::array<std::uint64_t, kObjectiveCount + 1>& counts);

// `tag`: {"lang","objectives","mentions"}.
nlohmann::json TagJson(const Document& doc);

// A JSON text that never throws on odd bytes (invalid UTF-8 is replaced).
std::string Dump(const nlohmann::json& j, int indent = -1);

}  // namespace gcm

#endif  // GCMSEARCH_SEARCH_JSON_OUTPUT_H_
