// A small hand-written parser: the grammar is flat (clauses with an
// optional sign, OR between neighbours, field:value filters), which keeps
// every error message specific and the parser easy to fuzz.
#include "search/query_parser.h"

#include <algorithm>
#include <set>

#include "core/objectives.h"
#include "core/language_code.h"
#include "core/utf8.h"
#include "text/text_fold.h"

namespace gcm {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Words as the tokenizer sees them inside `text`.
std::vector<std::string> WordsOf(std::string_view text) {
  std::vector<std::string> out;
  for (const Token& t : Tokenize(text)) out.emplace_back(text.substr(t.offset, t.length));
  return out;
}

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

Status ApplyFilter(const std::string& field, const std::string& value, ParsedQuery* out) {
  std::string v = Fold(value);
  if (field == "objective" || field == "objetivo" || field == "obj") {
    // Decimal, leading zeros allowed: objective:013 is 13.
    if (AllDigits(v)) v.erase(0, std::min(v.find_first_not_of('0'), v.size() - 1));
    if (!AllDigits(v) || v.size() > 2 || !FindObjective(std::stoi(v))) {
      return Status::InvalidArgument("objective:" + value + " is not an objective (use 1 to 23)");
    }
    out->objectives.push_back(std::stoi(v));
  } else if (field == "lang" || field == "language" || field == "idioma") {
    std::string code;
    if (Status s = CanonicalLanguage(value, field + ":", &code); !s.ok()) return s;
    out->languages.push_back(code);
  } else if (field == "format" || field == "formato" || field == "type") {
    static const std::set<std::string> kFormats = {"pdf", "html", "md", "txt"};
    if (!kFormats.count(v)) {
      return Status::InvalidArgument("format:" + value + " is not a format (use pdf, html, md or txt)");
    }
    out->formats.push_back(v);
  } else if (field == "year" || field == "ano") {
    if (!AllDigits(v) || v.size() != 4) {
      return Status::InvalidArgument("year:" + value + " is not a year (use four digits)");
    }
    out->years.push_back(v);
  }
  return Status::OK();
}

bool IsFilterField(const std::string& f) {
  static const std::set<std::string> kFields = {"objective", "objetivo", "obj",  "lang",
                                                "language",  "idioma",   "format", "formato",
                                                "type",      "year",     "ano"};
  return kFields.count(f) > 0;
}

}  // namespace

bool IsStopWord(std::string_view folded) {
  static const std::set<std::string, std::less<>> kStop = {
      // English
      "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have", "in", "is",
      "it", "its", "of", "on", "or", "that", "the", "this", "to", "was", "were", "with",
      // Spanish (folded: accents removed)
      "al", "como", "con", "de", "del", "el", "en", "es", "la", "las", "lo", "los", "o", "para",
      "por", "que", "se", "su", "sus", "un", "una", "y"};
  return kStop.count(folded) > 0;
}

Status ParseQuery(std::string_view text, ParsedQuery* out) {
  *out = ParsedQuery();
  if (text.size() > kMaxQueryBytes) {
    return Status::InvalidArgument("the query is too long (at most " +
                                   std::to_string(kMaxQueryBytes) + " bytes)");
  }
  if (!IsValidUtf8(text)) return Status::InvalidArgument("the query is not valid UTF-8");

  std::size_t i = 0;
  bool pending_or = false;
  while (i < text.size()) {
    while (i < text.size() && IsSpace(text[i])) ++i;
    if (i >= text.size()) break;
    bool excluded = false;
    if (text[i] == '-' || text[i] == '+') {
      excluded = text[i] == '-';
      ++i;
      if (i >= text.size() || IsSpace(text[i])) continue;  // a lone sign
    }
    QueryClause clause;
    clause.excluded = excluded;
    if (text[i] == '"' || text.compare(i, 3, "\xE2\x80\x9C") == 0 ||
        text.compare(i, 2, "\xC2\xAB") == 0) {  // " “ «
      std::size_t open_len = text[i] == '"' ? 1 : (text[i] == '\xE2' ? 3 : 2);
      std::size_t start = i + open_len;
      std::size_t end = start;
      while (end < text.size() && text[end] != '"' && text.compare(end, 3, "\xE2\x80\x9D") != 0 &&
             text.compare(end, 2, "\xC2\xBB") != 0) {
        ++end;
      }
      clause.kind = QueryClause::Kind::kPhrase;
      clause.words = WordsOf(text.substr(start, end - start));
      if (end < text.size()) end += text[end] == '"' ? 1 : (text[end] == '\xE2' ? 3 : 2);
      i = end;
      if (clause.words.size() == 1) clause.kind = QueryClause::Kind::kWord;
    } else {
      std::size_t end = i;
      while (end < text.size() && !IsSpace(text[end])) ++end;
      std::string_view raw = text.substr(i, end - i);
      i = end;
      if (raw == "OR" || raw == "|") {
        pending_or = !out->clauses.empty();
        continue;
      }
      if (raw == "AND") continue;
      std::size_t colon = raw.find(':');
      if (colon != std::string_view::npos && colon > 0 && colon + 1 < raw.size()) {
        std::string field = Fold(raw.substr(0, colon));
        std::string value(raw.substr(colon + 1));
        if (IsFilterField(field)) {
          if (excluded) return Status::InvalidArgument("a filter cannot be negated: -" + std::string(raw));
          Status s = ApplyFilter(field, value, out);
          if (!s.ok()) return s;
          continue;
        }
        if (field == "title" || field == "titulo") {
          clause.kind = QueryClause::Kind::kTitleWord;
          raw = raw.substr(colon + 1);
        }
      }
      if (clause.kind != QueryClause::Kind::kTitleWord && raw.size() > 1 && raw.back() == '*') {
        std::vector<std::string> w = WordsOf(raw.substr(0, raw.size() - 1));
        // Two letters expand too (to the most frequent terms: see
        // BuildQuery); one letter would stand for a tenth of the
        // vocabulary, so it is refused rather than read as a word.
        if (w.size() == 1 && Fold(w[0]).size() >= kMinWildcardLetters) {
          clause.kind = QueryClause::Kind::kWildcard;
          clause.words = w;
        } else if (w.size() == 1) {
          return Status::InvalidArgument(std::string(raw) + ": a wildcard needs at least " +
                                         std::to_string(kMinWildcardLetters) + " letters before *");
        } else {
          clause.words = w;
        }
      } else {
        clause.words = WordsOf(raw);
      }
      // "Secretary-General" typed as one word is a phrase of its parts.
      if (clause.kind == QueryClause::Kind::kWord && clause.words.size() > 1) {
        clause.kind = QueryClause::Kind::kPhrase;
      }
    }
    if (clause.words.empty()) continue;
    clause.or_with_previous = pending_or;
    pending_or = false;
    out->clauses.push_back(std::move(clause));
    if (out->clauses.size() > kMaxQueryClauses) {
      return Status::InvalidArgument("the query has too many words (at most " +
                                     std::to_string(kMaxQueryClauses) + ")");
    }
  }
  return Status::OK();
}

}  // namespace gcm
