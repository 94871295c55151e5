// Folded words with offsets, gaps between them, and sentence-bounded
// evidence. Folding every word of every page is the tagger's main cost, so
// ASCII words (most of them) are lower-cased here without calling Fold().
#include "tag/words.h"

#include <algorithm>

#include "text/text_fold.h"

namespace gcm::tag {
namespace {

bool IsSpace(char c) {
  return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\v';
}

bool IsUtf8Continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

std::string FoldWord(std::string_view word) {
  bool ascii = true;
  for (char c : word) {
    if (static_cast<unsigned char>(c) >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (!ascii) return Fold(word);
  std::string out(word);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}

int SmallNumber(std::string_view word) {
  if (word.empty() || word.size() > 3) return -1;
  int value = 0;
  for (char c : word) {
    if (c < '0' || c > '9') return -1;
    value = value * 10 + (c - '0');
  }
  return value;
}

// Bullets and dashes that open list items in PDF and Markdown text.
constexpr std::string_view kBullets[] = {"\u2022", "\u00b7", "\u25cf", "\u25aa", "\u00bb",
                                         "\u00a2", "\u2013", "\u2014", "\uf0b7", "*",
                                         "-",      "+",      ">",      "#"};

std::string_view TrimBullets(std::string_view s) {
  bool changed = true;
  while (changed) {
    changed = false;
    while (!s.empty() && IsSpace(s.front())) {
      s.remove_prefix(1);
      changed = true;
    }
    for (std::string_view b : kBullets) {
      if (s.substr(0, b.size()) == b) {
        s.remove_prefix(b.size());
        changed = true;
      }
    }
  }
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  // Markdown emphasis left at the end of a cut sentence.
  while (!s.empty() && s.back() == '*') s.remove_suffix(1);
  return s;
}

}  // namespace

std::vector<Word> FoldedWords(std::string_view text) {
  std::vector<Token> tokens = Tokenize(text);
  std::vector<Word> words;
  words.reserve(tokens.size());
  for (const Token& t : tokens) {
    std::string_view raw = text.substr(t.offset, t.length);
    Word w;
    w.offset = t.offset;
    w.length = t.length;
    w.folded = FoldWord(raw);
    w.value = SmallNumber(raw);
    words.push_back(std::move(w));
  }
  return words;
}

std::string_view GapBefore(std::string_view text, const std::vector<Word>& words, std::size_t i) {
  std::size_t begin = i == 0 ? 0 : words[i - 1].end();
  std::size_t end = i < words.size() ? words[i].offset : text.size();
  return text.substr(begin, end - begin);
}

std::string_view BaseForm(std::string_view folded) {
  std::string_view s = folded;
  for (std::string_view possessive : {std::string_view("'s"), std::string_view("\u2019s")}) {
    if (s.size() > possessive.size() && s.substr(s.size() - possessive.size()) == possessive) {
      s.remove_suffix(possessive.size());
      break;
    }
  }
  std::size_t letters = s.size();
  while (letters > 0 && s[letters - 1] >= '0' && s[letters - 1] <= '9') --letters;
  // Only a word with letters before one or two digits lost a footnote number.
  const std::size_t digits = s.size() - letters;
  if (letters >= 3 && digits >= 1 && digits <= 2) s = s.substr(0, letters);
  return s;
}

bool HasLineBreak(std::string_view gap) { return gap.find('\n') != std::string_view::npos; }

bool EndsSentence(std::string_view gap) {
  for (std::size_t i = 0; i + 1 < gap.size(); ++i) {
    char c = gap[i];
    if ((c == '.' || c == '?' || c == '!') && IsSpace(gap[i + 1])) return true;
    if (c == '\n') {
      std::size_t j = i + 1;
      while (j < gap.size() && (gap[j] == ' ' || gap[j] == '\t' || gap[j] == '\r')) ++j;
      if (j < gap.size() && (gap[j] == '\n' || gap[j] == '\f')) return true;
    }
  }
  return false;
}

Span SentenceAround(std::string_view text, std::size_t offset, std::size_t length,
                    std::size_t max_each_side) {
  const std::size_t n = text.size();
  std::size_t end_of_match = std::min(n, offset + length);

  // Backwards to the end of the previous sentence or a blank line.
  std::size_t low = offset > max_each_side ? offset - max_each_side : 0;
  std::size_t begin = offset;
  bool bounded = false;
  while (begin > low) {
    char c = text[begin - 1];
    if (c == '\f') break;
    if (c == '\n') {
      std::size_t k = begin - 1;
      while (k > 0 && (text[k - 1] == ' ' || text[k - 1] == '\t' || text[k - 1] == '\r')) --k;
      if (k > 0 && (text[k - 1] == '\n' || text[k - 1] == '\f')) break;
    }
    if (IsSpace(c) && begin >= 2 &&
        (text[begin - 2] == '.' || text[begin - 2] == '?' || text[begin - 2] == '!')) {
      break;
    }
    --begin;
  }
  if (begin == low && low > 0) bounded = true;
  if (bounded) {
    // Cut at a space so that no word is split.
    while (begin < offset && !IsSpace(text[begin])) ++begin;
  }

  // Forwards to the end of this sentence or a blank line.
  std::size_t high = std::min(n, end_of_match + max_each_side);
  std::size_t end = end_of_match;
  bool stopped = false;
  while (end < high) {
    char c = text[end];
    if (c == '\f') {
      stopped = true;
      break;
    }
    if ((c == '.' || c == '?' || c == '!') && (end + 1 == n || IsSpace(text[end + 1]))) {
      ++end;
      stopped = true;
      break;
    }
    if (c == '\n') {
      std::size_t k = end + 1;
      while (k < n && (text[k] == ' ' || text[k] == '\t' || text[k] == '\r')) ++k;
      if (k >= n || text[k] == '\n' || text[k] == '\f') {
        stopped = true;
        break;
      }
    }
    ++end;
  }
  if (!stopped && end < n) {
    while (end > end_of_match && !IsSpace(text[end - 1])) --end;
  }
  while (begin < offset && IsUtf8Continuation(text[begin])) ++begin;
  while (end < n && end > end_of_match && IsUtf8Continuation(text[end])) --end;
  return {begin, end};
}

std::string CollapseSpace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (char c : text) {
    if (IsSpace(c)) {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

std::string Evidence(std::string_view text, std::size_t offset, std::size_t length,
                     std::size_t max_each_side) {
  Span s = SentenceAround(text, offset, length, max_each_side);
  return CollapseSpace(TrimBullets(text.substr(s.begin, s.end - s.begin)));
}

}  // namespace gcm::tag
