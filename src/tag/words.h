// The folded word stream the objective tagger scans, and the small pieces of
// text handling its matchers share: what lies between two words, where the
// sentence around a citation begins and ends, and the evidence string shown
// to users.
//
// The matchers never look at raw bytes for words: they see Tokenize()d words
// with their Fold()ed form ("OBJETIVOS" -> "objetivos", "Migración" ->
// "migracion") and byte offsets into the original text, so every mention can
// point back at the exact bytes that cite it. Punctuation and line breaks are
// read from the gaps between words.
#ifndef GCMSEARCH_TAG_WORDS_H_
#define GCMSEARCH_TAG_WORDS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace gcm::tag {

// One word of a page's text.
struct Word {
  std::size_t offset = 0;  // byte offset in the text
  std::size_t length = 0;  // byte length
  std::string folded;      // Fold()ed form
  int value = -1;          // the number when the word is 1-3 ASCII digits, else -1

  std::size_t end() const { return offset + length; }
};

// The words of `text`, in order (Tokenize + Fold, with an ASCII fast path).
std::vector<Word> FoldedWords(std::string_view text);

// The bytes between word i - 1 and word i (from the text start when i is 0,
// to the text end when i is words.size()).
std::string_view GapBefore(std::string_view text, const std::vector<Word>& words, std::size_t i);

// The folded word without what clings to it in real text: a possessive
// ("compact's" -> "compact") and footnote digits glued by PDF extraction
// ("compact1" -> "compact", "objectives2" -> "objectives"). Digit-only words
// are returned as they are.
std::string_view BaseForm(std::string_view folded);

// True when the gap holds a line break.
bool HasLineBreak(std::string_view gap);

// True when the gap ends a sentence: ". ", "? ", "! " followed by space, or
// a blank line.
bool EndsSentence(std::string_view gap);

// The byte range [begin, end) of the sentence (or line-bounded paragraph)
// holding text[offset, offset + length): it stops at sentence ends, blank
// lines and at most `max_each_side` bytes away on either side (cut at a
// space, never inside a UTF-8 sequence).
struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;
};
Span SentenceAround(std::string_view text, std::size_t offset, std::size_t length,
                    std::size_t max_each_side = 200);

// The evidence for a citation at text[offset, offset + length): its sentence,
// trimmed of list bullets and surrounding space, inner whitespace collapsed to
// single spaces, at most about 2 * max_each_side bytes.
std::string Evidence(std::string_view text, std::size_t offset, std::size_t length,
                     std::size_t max_each_side = 200);

// Collapses runs of whitespace to one space and trims both ends.
std::string CollapseSpace(std::string_view text);

}  // namespace gcm::tag

#endif  // GCMSEARCH_TAG_WORDS_H_
