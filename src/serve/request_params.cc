// Request validation for the HTTP layer: bytes first (length, encoding),
// then typed values. Messages quote the offending value, cut short, so a
// user sees what was wrong without the answer echoing a huge input.
#include "serve/request_params.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <vector>

#include "core/objectives.h"
#include "core/language_code.h"
#include "core/utf8.h"

namespace gcm {
namespace {

bool IsHex(char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; }

bool IsLowerAlpha(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

bool IsLowerAlnum(std::string_view s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); });
}

bool IsDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The value as it may appear in a message: valid UTF-8 (checked before any
// typed parsing), at most 40 bytes.
std::string Quote(std::string_view value) {
  std::string v(value.substr(0, 40));
  if (value.size() > 40) v += "...";
  return "\"" + ScrubUtf8(v) + "\"";
}

// Every value of `name`, comma-separated lists split, empty items dropped.
Status Values(const QueryParams& params, const std::string& name, std::vector<std::string>* out) {
  out->clear();
  auto [begin, end] = params.equal_range(name);
  for (auto it = begin; it != end; ++it) {
    std::string_view v = it->second;
    while (!v.empty()) {
      std::size_t comma = v.find(',');
      std::string_view item = v.substr(0, comma);
      while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
      while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
      if (!item.empty()) out->emplace_back(item);
      if (comma == std::string_view::npos) break;
      v.remove_prefix(comma + 1);
    }
  }
  if (out->size() > kMaxRepeats) {
    return Status::InvalidArgument("too many " + name + " values (at most " + std::to_string(kMaxRepeats) +
                                   ")");
  }
  return Status::OK();
}

// The one value of a single-valued parameter; *present false when absent.
Status Single(const QueryParams& params, const std::string& name, std::string* value, bool* present) {
  *present = false;
  auto count = params.count(name);
  if (count > 1) return Status::InvalidArgument(name + " is given " + std::to_string(count) + " times");
  auto it = params.find(name);
  if (it == params.end()) return Status::OK();
  *present = true;
  *value = it->second;
  return Status::OK();
}

// A decimal integer in [lo, hi]; InvalidArgument naming `name` otherwise.
Status BoundedInt(const std::string& name, std::string_view text, int lo, int hi, int* out) {
  std::string range = " (use " + std::to_string(lo) + " to " + std::to_string(hi) + ")";
  if (text.empty()) return Status::InvalidArgument(name + " is empty" + range);
  long long v = 0;
  const char* first = text.data();
  const char* last = text.data() + text.size();
  if (*first == '+') ++first;
  auto [ptr, ec] = std::from_chars(first, last, v);
  if (ec == std::errc::result_out_of_range) {
    return Status::InvalidArgument(name + "=" + Quote(text) + " is out of range" + range);
  }
  if (ec != std::errc() || ptr != last) {
    return Status::InvalidArgument(name + "=" + Quote(text) + " is not a whole number" + range);
  }
  if (v < lo || v > hi) return Status::InvalidArgument(name + "=" + Quote(text) + " is out of range" + range);
  *out = static_cast<int>(v);
  return Status::OK();
}

}  // namespace

Status ValidateTarget(std::string_view target) {
  if (target.size() > kMaxTargetBytes) {
    return Status::InvalidArgument("the request is too long (at most " + std::to_string(kMaxTargetBytes) +
                                   " bytes of path and query)");
  }
  for (std::size_t i = 0; i < target.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(target[i]);
    if (c < 0x20 || c == 0x7f) return Status::InvalidArgument("the request contains control characters");
    if (c != '%') continue;
    if (i + 2 >= target.size() || !IsHex(target[i + 1]) || !IsHex(target[i + 2])) {
      return Status::InvalidArgument("malformed percent-encoding at byte " + std::to_string(i) +
                                     " of the request (a % must be followed by two hex digits)");
    }
    i += 2;
  }
  return Status::OK();
}

Status ValidateDecoded(const std::string& path, const QueryParams& params) {
  if (!IsValidUtf8(path)) return Status::InvalidArgument("the path is not valid UTF-8");
  if (params.size() > kMaxParamCount) {
    return Status::InvalidArgument("too many parameters (at most " + std::to_string(kMaxParamCount) + ")");
  }
  for (const auto& [name, value] : params) {
    if (!IsValidUtf8(name)) return Status::InvalidArgument("a parameter name is not valid UTF-8");
    if (!IsValidUtf8(value)) return Status::InvalidArgument("parameter " + name + " is not valid UTF-8");
    if (name == "q" && value.size() > kMaxQueryBytes) {
      return Status::InvalidArgument("the query is too long (at most " + std::to_string(kMaxQueryBytes) +
                                     " bytes)");
    }
    if (value.size() > kMaxParamValueBytes) {
      return Status::InvalidArgument("parameter " + name + " is too long (at most " +
                                     std::to_string(kMaxParamValueBytes) + " bytes)");
    }
  }
  return Status::OK();
}

Status ParseSearchParams(const QueryParams& params, SearchRequest* out) {
  *out = SearchRequest();
  bool present = false;
  Status s = Single(params, "q", &out->query, &present);
  if (!s.ok()) return s;
  if (out->query.size() > kMaxQueryBytes) {
    return Status::InvalidArgument("the query is too long (at most " + std::to_string(kMaxQueryBytes) +
                                   " bytes)");
  }

  std::vector<std::string> values;
  if (!(s = Values(params, "lang", &values)).ok()) return s;
  for (const std::string& v : values) {
    std::string code;
    if (Status c = CanonicalLanguage(v, "lang=", &code); !c.ok()) return c;
    out->languages.push_back(code);
  }

  if (!(s = Values(params, "objective", &values)).ok()) return s;
  for (const std::string& v : values) {
    int n = 0;
    if (!(s = BoundedInt("objective", v, 1, kObjectiveCount, &n)).ok()) return s;
    if (std::find(out->objectives.begin(), out->objectives.end(), n) == out->objectives.end()) {
      out->objectives.push_back(n);
    }
  }

  if (!(s = Values(params, "format", &values)).ok()) return s;
  for (const std::string& v : values) {
    if (v.empty() || v.size() > 8 || !IsLowerAlnum(v)) {
      return Status::InvalidArgument("format=" + Quote(v) + " is not a format (use pdf, html, md or txt)");
    }
    out->formats.push_back(v);
  }

  if (!(s = Values(params, "year", &values)).ok()) return s;
  for (const std::string& v : values) {
    if (v.size() != 4 || !IsDigits(v)) {
      return Status::InvalidArgument("year=" + Quote(v) + " is not a year (use four digits)");
    }
    out->years.push_back(v);
  }

  std::string text;
  if (!(s = Single(params, "limit", &text, &present)).ok()) return s;
  if (present && !(s = BoundedInt("limit", text, 0, kMaxLimit, &out->limit)).ok()) return s;
  if (!(s = Single(params, "offset", &text, &present)).ok()) return s;
  if (present && !(s = BoundedInt("offset", text, 0, kMaxOffset, &out->offset)).ok()) return s;
  if (!(s = Single(params, "facets", &text, &present)).ok()) return s;
  if (present) {
    if (text == "0" || text == "false" || text == "no") {
      out->facets = false;
    } else if (text == "1" || text == "true" || text == "yes" || text.empty()) {
      out->facets = true;
    } else {
      return Status::InvalidArgument("facets=" + Quote(text) + " is not a yes/no value (use 1 or 0)");
    }
  }
  if (!(s = Single(params, "translate", &text, &present)).ok()) return s;
  if (present) {
    if (text == "0" || text == "false" || text == "no") {
      out->translate = false;
    } else if (text == "1" || text == "true" || text == "yes" || text.empty()) {
      out->translate = true;
    } else {
      return Status::InvalidArgument("translate=" + Quote(text) + " is not a yes/no value (use 1 or 0)");
    }
  }
  return Status::OK();
}

Status ParseObjectiveNumber(std::string_view text, int* out) {
  if (!IsDigits(text) || text.size() > 9) {
    return Status::InvalidArgument(Quote(text) + " is not an objective number (use 1 to 23)");
  }
  int n = 0;
  std::from_chars(text.data(), text.data() + text.size(), n);
  if (!FindObjective(n)) {
    return Status::NotFound("there is no objective " + std::to_string(n) +
                            " (the GCM has objectives 1 to 23)");
  }
  *out = n;
  return Status::OK();
}

}  // namespace gcm
