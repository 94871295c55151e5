// Sorted lookup tables of the bilingual dictionary: building them (once, at
// build time for the compiled-in dictionary) and searching them.
#include "xlang/dictionary_table.h"

#include <algorithm>
#include <cstring>
#include <map>

#include "text/stemmer.h"
#include "text/text_fold.h"

namespace gcm {
namespace {

void AddUnique(std::vector<std::string>* list, std::string_view s) {
  if (std::find(list->begin(), list->end(), s) == list->end()) list->emplace_back(s);
}

// "key<TAB>v|v|v\n" per entry, in key order (std::map's, bytewise).
std::string Serialise(const std::map<std::string, std::vector<std::string>>& table) {
  std::string out;
  for (const auto& [key, values] : table) {
    out += key;
    out += '\t';
    for (std::size_t i = 0; i < values.size(); ++i) {
      if (i) out += '|';
      out += values[i];
    }
    out += '\n';
  }
  return out;
}

}  // namespace

std::vector<std::string_view> SplitView(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (true) {
    std::size_t end = s.find(sep, start);
    out.push_back(s.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) return out;
    start = end + 1;
  }
}

Status ForEachTsvRow(std::string_view text, const char* what,
                     const std::function<bool(const std::vector<std::string_view>& fields)>& row) {
  std::size_t line_no = 0, start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    if (!row(SplitView(line, '\t'))) {
      return Status::Corruption(std::string(what) + " line " + std::to_string(line_no) +
                                ": expected more tab-separated fields");
    }
  }
  return Status::OK();
}

Status BuildDictionaryTables(std::string_view dictionary_tsv, DictionaryTables* out) {
  *out = DictionaryTables();
  std::map<std::string, std::vector<std::string>> exact[2], stemmed[2];
  std::size_t words = 0;
  Status s = ForEachTsvRow(dictionary_tsv, "dictionary", [&](const std::vector<std::string_view>& f) {
    if (f.size() < 3 || (f[0] != "en" && f[0] != "es")) return false;
    const int side = f[0] == "es" ? 1 : 0;
    const std::string folded = Fold(f[1]);
    // Keys and values are one line each: a tab or newline cannot be in a
    // folded word, and the targets were split on the TSV's own separators.
    for (std::string_view t : SplitView(f[2], '|')) {
      if (!t.empty()) AddUnique(&exact[side][folded], t);
    }
    std::string stem = StemWord(f[1], f[0]);
    if (!stem.empty()) AddUnique(&stemmed[side][stem], folded);
    ++words;
    return true;
  });
  if (!s.ok()) return s;
  for (int side = 0; side < 2; ++side) {
    out->exact[side] = Serialise(exact[side]);
    out->stemmed[side] = Serialise(stemmed[side]);
  }
  out->words = words;
  return Status::OK();
}

SortedTable::SortedTable(std::string_view text) : text_(text) {
  std::size_t start = 0;
  while (start < text.size()) {
    lines_.push_back(static_cast<std::uint32_t>(start));
    const void* nl = std::memchr(text.data() + start, '\n', text.size() - start);
    if (!nl) break;
    start = static_cast<const char*>(nl) - text.data() + 1;
  }
}

std::string_view SortedTable::Key(std::size_t line) const {
  std::string_view rest = text_.substr(lines_[line]);
  return rest.substr(0, rest.find('\t'));
}

std::optional<std::string_view> SortedTable::Find(std::string_view key) const {
  // The line's key runs to its tab; a tab (0x09) sorts before any byte a key
  // holds, so comparing up to it orders a key before its extensions, as the
  // build's std::map did.
  const char* const end = text_.data() + text_.size();
  auto line_less = [end](std::uint32_t start, std::string_view k, const char* base) {
    const char* p = base + start;
    for (unsigned char want : k) {
      if (p == end || *p == '\t') return true;  // the line's key is a proper prefix
      unsigned char have = static_cast<unsigned char>(*p++);
      if (have != want) return have < want;
    }
    return false;  // equal, or k is a proper prefix of the line's key
  };
  auto it = std::lower_bound(lines_.begin(), lines_.end(), key, [&](std::uint32_t start, std::string_view k) {
    return line_less(start, k, text_.data());
  });
  if (it == lines_.end() || Key(static_cast<std::size_t>(it - lines_.begin())) != key) return std::nullopt;
  std::string_view rest = text_.substr(*it + key.size());
  if (rest.empty() || rest[0] != '\t') return std::string_view();
  rest.remove_prefix(1);
  return rest.substr(0, rest.find('\n'));
}

}  // namespace gcm
