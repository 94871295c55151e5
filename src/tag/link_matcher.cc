// Hub links: a byte scanner for "gcm_objectives=NNN" that lets line breaks
// sit anywhere inside, as PDF text extraction leaves them.
#include "tag/link_matcher.h"

#include <string>

#include "core/objectives.h"

namespace gcm::tag {
namespace {

constexpr std::size_t kMaxUrlEvidence = 300;

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

// Skips a line break and the spaces around it; spaces alone are not skipped
// (they end a URL).
std::size_t SkipBreak(std::string_view text, std::size_t i) {
  std::size_t j = i;
  while (j < text.size() && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r')) ++j;
  if (j >= text.size() || text[j] != '\n') return i;
  ++j;
  while (j < text.size() && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r')) ++j;
  return j;
}

// Matches lower-case ASCII `pattern` at text[i] case-insensitively, line
// breaks allowed between its characters; the end, or npos.
std::size_t MatchLoose(std::string_view text, std::size_t i, std::string_view pattern) {
  for (std::size_t k = 0; k < pattern.size(); ++k) {
    if (k > 0) i = SkipBreak(text, i);
    if (i >= text.size() || Lower(text[i]) != pattern[k]) return std::string_view::npos;
    ++i;
  }
  return i;
}

// Characters a URL broken across lines ends its first line with.
bool ContinuesUrl(char c) {
  return c == '?' || c == '&' || c == '/' || c == '=' || c == '_' || c == '-' || c == '%' ||
         c == '.';
}

// The URL around text[begin, end), rejoined across line breaks.
std::string UrlAround(std::string_view text, std::size_t begin, std::size_t end) {
  std::size_t s = begin;
  while (s > 0 && !IsSpace(text[s - 1])) --s;
  for (int joins = 0; joins < 4 && s > 0; ++joins) {
    std::size_t p = s;
    while (p > 0 && (text[p - 1] == ' ' || text[p - 1] == '\t' || text[p - 1] == '\r')) --p;
    if (p == 0 || text[p - 1] != '\n') break;
    --p;
    while (p > 0 && (text[p - 1] == ' ' || text[p - 1] == '\t' || text[p - 1] == '\r')) --p;
    if (p == 0 || !ContinuesUrl(text[p - 1])) break;
    std::size_t chunk = p;
    while (chunk > 0 && !IsSpace(text[chunk - 1])) --chunk;
    if (text.substr(chunk, p - chunk).find("://") == std::string_view::npos &&
        text.substr(chunk, p - chunk).find_first_of("/=&") == std::string_view::npos) {
      break;
    }
    s = chunk;
  }
  std::size_t e = end;
  while (e < text.size() && !IsSpace(text[e])) ++e;
  for (int joins = 0; joins < 4 && e < text.size(); ++joins) {
    if (!ContinuesUrl(text[e - 1])) break;
    std::size_t next = SkipBreak(text, e);
    if (next == e || next >= text.size() || IsSpace(text[next])) break;
    if (text.substr(next, 4) == "http") break;
    e = next;
    while (e < text.size() && !IsSpace(text[e])) ++e;
  }
  std::string url;
  for (std::size_t i = s; i < e && url.size() < kMaxUrlEvidence; ++i) {
    if (!IsSpace(text[i])) url.push_back(text[i]);
  }
  return url;
}

// Reads "gcm_objectives=NNN" at text[i] (just past "gcm"). Sets *end past the
// digits and returns the objective, or 0.
int ReadHubParameter(std::string_view text, std::size_t i, std::size_t* end) {
  i = MatchLoose(text, i, "_objectives");
  if (i == std::string_view::npos || i >= text.size()) return 0;
  // Array forms: gcm_objectives[]=287, gcm_objectives%5B0%5D=287.
  if (text[i] == '[') {
    std::size_t close = text.find(']', i);
    if (close == std::string_view::npos || close - i > 6) return 0;
    i = close + 1;
  } else if (MatchLoose(text, i, "%5b") != std::string_view::npos) {
    std::size_t close = text.find("%5D", i);
    if (close == std::string_view::npos) close = text.find("%5d", i);
    if (close == std::string_view::npos || close - i > 10) return 0;
    i = close + 3;
  }
  if (i < text.size() && text[i] == '=') {
    ++i;
  } else if (std::size_t j = MatchLoose(text, i, "%3d"); j != std::string_view::npos) {
    i = j;
  } else {
    return 0;
  }
  int value = 0;
  int digits = 0;
  while (digits < 3) {
    i = SkipBreak(text, i);
    if (i >= text.size() || !IsDigit(text[i])) break;
    value = value * 10 + (text[i] - '0');
    ++digits;
    ++i;
  }
  if (digits != 3 || (i < text.size() && IsDigit(text[i]))) return 0;
  const int objective = value - kHubIdOffset;
  if (objective < 1 || objective > kObjectiveCount) return 0;
  *end = i;
  return objective;
}

}  // namespace

void FindLinkCitations(std::string_view text, int page, std::vector<ObjectiveMention>* out) {
  std::size_t from = 0;
  while (from < text.size()) {
    std::size_t pos = text.find("gcm", from);
    if (pos == std::string_view::npos) break;
    std::size_t end = 0;
    const int objective = ReadHubParameter(text, pos + 3, &end);
    if (objective == 0) {
      from = pos + 3;
      continue;
    }
    ObjectiveMention m;
    m.objective = objective;
    m.kind = MentionKind::kLink;
    m.page = page;
    m.offset = pos;
    m.length = end - pos;
    m.text = UrlAround(text, pos, end);
    m.confidence = 1.0;
    out->push_back(std::move(m));
    from = end;
  }
}

std::vector<int> HubObjectivesInUrl(std::string_view url) {
  std::vector<int> out;
  std::size_t from = 0;
  while (from < url.size()) {
    std::size_t pos = url.find("gcm", from);
    if (pos == std::string_view::npos) break;
    std::size_t end = 0;
    const int objective = ReadHubParameter(url, pos + 3, &end);
    if (objective == 0) {
      from = pos + 3;
      continue;
    }
    out.push_back(objective);
    from = end;
  }
  return out;
}

}  // namespace gcm::tag
