// Validation of what an HTTP client sends, before any of it reaches the
// search library: the raw request target (percent-encoding), every
// parameter's bytes (UTF-8, length), and the typed values of the search
// parameters (lang, objective, format, year, limit, offset). Each function
// is pure and answers InvalidArgument with a sentence the caller can act on,
// so that a malformed query is a 400 and never a 500.
#ifndef GCMSEARCH_SERVE_REQUEST_PARAMS_H_
#define GCMSEARCH_SERVE_REQUEST_PARAMS_H_

#include <map>
#include <string>
#include <string_view>

#include "core/status.h"
#include "search/searcher.h"

namespace gcm {

// The decoded query parameters of one request, as cpp-httplib gives them
// (httplib::Params is this multimap): a name may repeat.
using QueryParams = std::multimap<std::string, std::string>;

// Bounds on what one request may carry.
inline constexpr std::size_t kMaxTargetBytes = 4096;      // path + query string
inline constexpr std::size_t kMaxParamValueBytes = 1024;  // one value (q included)
inline constexpr std::size_t kMaxParamCount = 64;         // all parameters together
inline constexpr std::size_t kMaxRepeats = 23;            // values of one repeatable filter

// Checks the raw request target ("/api/search?q=a%20b"): at most
// kMaxTargetBytes, no control bytes, and every '%' followed by two hex
// digits. InvalidArgument naming the fault otherwise.
Status ValidateTarget(std::string_view target);

// Checks the decoded path and parameters: each valid UTF-8 and at most
// kMaxParamValueBytes, at most kMaxParamCount parameters.
Status ValidateDecoded(const std::string& path, const QueryParams& params);

// Fills *out from the parameters of GET /api/search:
//   q         the query (query_parser.h syntax); may be empty
//   lang      ISO 639-1 code, repeatable, or comma-separated ("en,es")
//   objective 1..23, repeatable or comma-separated (documents citing all)
//   format    pdf|html|md|txt..., repeatable or comma-separated
//   year      four digits, repeatable or comma-separated
//   limit     0..kMaxLimit (default 10); offset 0..kMaxOffset (default 0)
//   facets    "0"/"false" to skip facet counts (default on)
//   translate "0"/"false" to search only the query's own words, not its
//             English/Spanish translation (default on)
// Unknown parameters are ignored. InvalidArgument for a bad value, a
// single-valued parameter given twice, or more than kMaxRepeats values.
Status ParseSearchParams(const QueryParams& params, SearchRequest* out);

// An objective number from a path segment or parameter: InvalidArgument
// unless `text` is a decimal number; NotFound when it is not in 1..23.
Status ParseObjectiveNumber(std::string_view text, int* out);

}  // namespace gcm

#endif  // GCMSEARCH_SERVE_REQUEST_PARAMS_H_
