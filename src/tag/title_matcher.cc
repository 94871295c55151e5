// Title matching: exact lookups of distinctive title words ("anchors") find
// candidate places; each is grown word by word in both directions along the
// title with the tolerant comparison, and the run is judged by how much of the
// title it covers.
#include "tag/title_matcher.h"

#include <algorithm>
#include <cmath>

#include "core/objectives.h"
#include "tag/lexicon.h"

namespace gcm::tag {
namespace {

constexpr int kMinContentWords = 4;

// True when a gap keeps two words in one phrase: spaces, one line break,
// commas, dashes, quotes, Markdown emphasis; not sentence punctuation or a
// blank line.
bool SoftGap(std::string_view gap) {
  if (gap.size() > 80 || EndsSentence(gap)) return false;
  for (char c : gap) {
    if (c == '.' || c == ';' || c == ':' || c == '(' || c == ')' || c == '?' || c == '!' ||
        c == '[' || c == ']' || c == '|') {
      return false;
    }
  }
  return true;
}

// "apren-\ndidas": a word cut by a hyphen at a line end.
bool HyphenBreak(std::string_view gap) {
  std::size_t i = 0;
  while (i < gap.size() && (gap[i] == ' ' || gap[i] == '\t')) ++i;
  if (i >= gap.size() || gap[i] != '-') return false;
  ++i;
  while (i < gap.size() && (gap[i] == ' ' || gap[i] == '\t' || gap[i] == '\r')) ++i;
  if (i >= gap.size() || gap[i] != '\n') return false;
  for (++i; i < gap.size(); ++i) {
    if (gap[i] != ' ' && gap[i] != '\t') return false;
  }
  return true;
}

struct Run {
  std::size_t text_begin = 0;  // word indices [text_begin, text_end)
  std::size_t text_end = 0;
  std::size_t title_begin = 0;  // title word positions [title_begin, title_end)
  std::size_t title_end = 0;
};

// True when `word` is `first` and `second` written as one ("evidencebased"
// for "evidence-based" after de-hyphenation).
bool Joins(const std::string& first, const std::string& second, const std::string& word) {
  if (word.size() + 2 < first.size() + second.size() || word.compare(0, 3, first, 0, 3) != 0) {
    return false;
  }
  return WordsAlike(first + second, word);
}

class Aligner {
 public:
  Aligner(std::string_view text, const std::vector<Word>& words, const TitleForm& title)
      : text_(text), words_(words), title_(title.words) {}

  // The longest run through text word i = title word p (known equal).
  Run Grow(std::size_t i, std::size_t p) const {
    Run r{i, i + 1, p, p + 1};
    // Backwards.
    while (r.title_begin > 0 && r.text_begin > 0) {
      const std::size_t t = r.text_begin;
      const std::string& want = title_[r.title_begin - 1];
      if (!SoftGap(GapBefore(text_, words_, t))) break;
      if (WordsAlike(want, words_[t - 1].folded)) {
        --r.title_begin;
        --r.text_begin;
        continue;
      }
      if (t >= 2 && HyphenBreak(GapBefore(text_, words_, t - 1)) &&
          WordsAlike(want, words_[t - 2].folded + words_[t - 1].folded)) {
        --r.title_begin;
        r.text_begin -= 2;
        continue;
      }
      if (r.title_begin >= 2 && Joins(title_[r.title_begin - 2], want, words_[t - 1].folded)) {
        r.title_begin -= 2;
        --r.text_begin;
        continue;
      }
      break;
    }
    // Forwards.
    while (r.title_end < title_.size() && r.text_end < words_.size()) {
      const std::size_t t = r.text_end;
      const std::string& want = title_[r.title_end];
      if (!SoftGap(GapBefore(text_, words_, t))) break;
      if (WordsAlike(want, words_[t].folded)) {
        ++r.title_end;
        ++r.text_end;
        continue;
      }
      if (t + 1 < words_.size() && HyphenBreak(GapBefore(text_, words_, t + 1)) &&
          WordsAlike(want, words_[t].folded + words_[t + 1].folded)) {
        ++r.title_end;
        r.text_end += 2;
        continue;
      }
      if (r.title_end + 1 < title_.size() &&
          Joins(want, title_[r.title_end + 1], words_[t].folded)) {
        r.title_end += 2;
        ++r.text_end;
        continue;
      }
      break;
    }
    return r;
  }

 private:
  std::string_view text_;
  const std::vector<Word>& words_;
  const std::vector<std::string>& title_;
};

// The confidence of a run, or 0 when it is not enough of the title.
double Judge(const Run& r, const TitleForm& title) {
  int matched = 0;
  for (std::size_t p = r.title_begin; p < r.title_end; ++p) {
    if (title.content[p]) ++matched;
  }
  const int total = title.content_count;
  if (r.title_begin == 0 && r.title_end == title.words.size()) return 1.0;
  int need = total <= 6 ? total : static_cast<int>(std::ceil(0.7 * total));
  if (r.title_begin == 0) {
    need = std::min(need, static_cast<int>(std::ceil(0.5 * total)));
  }
  need = std::max(need, kMinContentWords);
  if (matched < need) return 0.0;
  return std::min(0.95, 0.6 + 0.4 * matched / total);
}

}  // namespace

void FindTitleCitations(std::string_view text, const std::vector<Word>& words, int page,
                        std::vector<ObjectiveMention>* out) {
  const Lexicon& lex = GetLexicon();
  // Per title form, the text word index up to which runs were already grown:
  // later anchors inside a run need no second look.
  std::vector<std::size_t> tried(lex.titles.size(), 0);
  std::vector<std::size_t> accepted_until(kObjectiveCount + 1, 0);
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (!MayBeAnchor(lex, words[i].folded)) continue;
    auto it = lex.anchors.find(words[i].folded);
    if (it == lex.anchors.end()) continue;
    for (const auto& [index, position] : it->second) {
      if (i < tried[index]) continue;
      const TitleForm& title = lex.titles[index];
      Run r = Aligner(text, words, title).Grow(i, static_cast<std::size_t>(position));
      tried[index] = r.text_end;
      const double confidence = Judge(r, title);
      if (confidence <= 0.0) continue;
      // One mention per objective per place, whichever language matched.
      if (r.text_begin < accepted_until[title.objective]) continue;
      accepted_until[title.objective] = r.text_end;
      ObjectiveMention m;
      m.objective = title.objective;
      m.kind = MentionKind::kTitle;
      m.page = page;
      m.offset = words[r.text_begin].offset;
      m.length = words[r.text_end - 1].end() - m.offset;
      m.text = Evidence(text, m.offset, m.length);
      m.confidence = confidence;
      out->push_back(std::move(m));
    }
  }
}

}  // namespace gcm::tag
