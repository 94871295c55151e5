// Fuzz target: the query language. Any input parses or gets an
// InvalidArgument, and what parses builds a Xapian query.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_util.h"
#include "search/query_builder.h"
#include "search/query_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  gcm::ParsedQuery parsed;
  gcm::Status s = gcm::ParseQuery(text, &parsed);
  if (!s.ok()) {
    FUZZ_CHECK(s.code() == gcm::Status::Code::kInvalidArgument);
    FUZZ_CHECK(!s.message().empty());
    return 0;
  }
  FUZZ_CHECK(parsed.clauses.size() <= gcm::kMaxQueryClauses);
  for (const gcm::QueryClause& c : parsed.clauses) {
    FUZZ_CHECK(!c.words.empty());
    for (const std::string& w : c.words) FUZZ_CHECK(gcm::IsValidUtf8(w));
  }
  for (int n : parsed.objectives) FUZZ_CHECK(n >= 1 && n <= 23);
  gcm::SearchRequest request;
  gcm::HitTerms hits;
  Xapian::Query query = gcm::BuildQuery(parsed, request, &hits);
  (void)query.get_description();
  return 0;
}
