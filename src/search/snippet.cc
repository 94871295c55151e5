// Page mapping by binary search over page start positions; snippets by
// re-tokenising only the one page that is shown.
#include "search/snippet.h"

#include "index/term_scheme.h"
#include "index/xapian_status.h"

#include <algorithm>

#include "text/text_fold.h"

namespace gcm {
namespace {

void AppendEscaped(std::string_view s, std::string* out) {
  bool space = false;
  for (char c : s) {
    if (c == '\n' || c == '\t' || c == '\r' || c == ' ') {
      space = true;
      continue;
    }
    if (space && !out->empty() && out->back() != ' ') out->push_back(' ');
    space = false;
    switch (c) {
      case '<': *out += "&lt;"; break;
      case '>': *out += "&gt;"; break;
      case '&': *out += "&amp;"; break;
      case '"': *out += "&quot;"; break;
      default: out->push_back(c);
    }
  }
  if (space && !out->empty() && out->back() != ' ') out->push_back(' ');
}

}  // namespace

std::map<int, std::vector<std::uint32_t>> HitsByPage(const Xapian::Database& db, Xapian::docid did,
                                                     const Document& doc, const HitTerms& hits) {
  std::map<int, std::vector<std::uint32_t>> out;
  if (doc.pages.empty()) return out;
  for (const std::string& term : hits.terms) {
    // A term the document lacks, or a backend without positions, gives no
    // hits: the Status is not needed.
    (void)GuardXapian("positions", [&] {
      for (auto p = db.positionlist_begin(did, term); p != db.positionlist_end(did, term); ++p) {
        int page_number = 0;
        std::uint32_t token = 0;
        if (LocatePosition(doc.pages, *p, &page_number, &token)) out[page_number].push_back(token);
      }
    });
  }
  for (auto& [page, tokens] : out) {
    std::sort(tokens.begin(), tokens.end());
    tokens.erase(std::unique(tokens.begin(), tokens.end()), tokens.end());
  }
  return out;
}

std::string MakeSnippet(const Document& doc, int page_number, const std::vector<std::uint32_t>& hit_tokens,
                        std::size_t max_chars) {
  const Page* page = nullptr;
  for (const Page& p : doc.pages) {
    if (p.number == page_number) page = &p;
  }
  if (!page) {
    for (const Page& p : doc.pages) {
      if (p.text.find_first_not_of(" \n\t") != std::string::npos) {
        page = &p;
        break;
      }
    }
  }
  if (!page) return {};
  const std::string& text = page->text;
  // Only the tokens up to a window past the last hit are needed.
  std::size_t needed = hit_tokens.empty() ? 80 : hit_tokens.back() + 80;
  std::vector<Token> tokens = Tokenize(text, needed);
  if (tokens.empty()) return {};
  std::vector<bool> hit(tokens.size(), false);
  for (std::uint32_t i : hit_tokens) {
    if (i < tokens.size()) hit[i] = true;
  }
  // The window of ~max_chars bytes holding the most hits (distinct words
  // count more than repeats of one).
  std::size_t best_start = 0, best_score = 0;
  std::size_t j = 0, score = 0;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (i > 0 && hit[i - 1]) --score;
    if (j < i) {
      j = i;
      score = 0;
    }
    while (j < tokens.size() && tokens[j].offset + tokens[j].length - tokens[i].offset <= max_chars) {
      if (hit[j]) ++score;
      ++j;
    }
    if (score > best_score) {
      best_score = score;
      best_start = i;
    }
  }
  // Centre the hits: spend half the room left after the last hit on
  // context before the first.
  std::size_t first = best_start;
  if (best_score > 0) {
    std::size_t last_hit = best_start;
    for (std::size_t k = best_start;
         k < tokens.size() && tokens[k].offset + tokens[k].length - tokens[best_start].offset <= max_chars; ++k) {
      if (hit[k]) last_hit = k;
    }
    std::size_t span = tokens[last_hit].offset + tokens[last_hit].length - tokens[best_start].offset;
    std::size_t slack = max_chars > span ? (max_chars - span) / 2 : 0;
    while (first > 0 && tokens[best_start].offset - tokens[first - 1].offset <= slack) --first;
  }
  std::size_t begin = tokens[first].offset;
  std::size_t limit = begin + max_chars;
  std::string out;
  if (first > 0) out += "… ";
  std::size_t cursor = begin;
  std::size_t last = first;
  for (std::size_t i = first; i < tokens.size() && tokens[i].offset + tokens[i].length <= limit; ++i) {
    AppendEscaped(std::string_view(text).substr(cursor, tokens[i].offset - cursor), &out);
    std::string_view word(text.data() + tokens[i].offset, tokens[i].length);
    if (hit[i]) out += "<mark>";
    AppendEscaped(word, &out);
    if (hit[i]) out += "</mark>";
    cursor = tokens[i].offset + tokens[i].length;
    last = i;
  }
  // Closing punctuation right after the last word.
  if (cursor < text.size() && std::string_view(".,;:)!?").find(text[cursor]) != std::string_view::npos) {
    out.push_back(text[cursor]);
  }
  if (last + 1 < tokens.size()) out += " …";
  return out;
}

}  // namespace gcm
