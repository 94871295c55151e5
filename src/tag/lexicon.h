// What the tagger knows about the words of the 23 objectives: their official
// titles as folded word sequences, which of those words can anchor a title
// match, a per-objective vocabulary to tell whether the label written next to
// a number ("objective 8 (remittances)") fits that number, and a word
// comparison tolerant of inflection and OCR noise ("Didlogo" ~ "dialogo").
//
// Built once from gcm::Objectives() on first use (a function-local static)
// and read-only afterwards, so it is safe to share between threads.
#ifndef GCMSEARCH_TAG_LEXICON_H_
#define GCMSEARCH_TAG_LEXICON_H_

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "tag/words.h"

namespace gcm::tag {

// One official title in one language.
struct TitleForm {
  int objective = 0;
  std::string language;            // "en" or "es"
  std::vector<std::string> words;  // folded, in order
  std::vector<bool> content;       // false for stopwords ("and", "de la")
  int content_count = 0;
};

struct Lexicon {
  std::vector<TitleForm> titles;  // two per objective: English, Spanish
  // Folded title word -> (index in titles, position in its words), for the
  // words distinctive enough to start a title match. "migration", "safe",
  // "regular" and the like are left out: they occur everywhere, and the
  // Compact's own name ("... for Safe, Orderly and Regular Migration") must
  // not look like the title of objective 23.
  std::unordered_map<std::string, std::vector<std::pair<int, int>>> anchors;
  // Per objective (index 1..23; 0 unused): stems of the words of its titles,
  // short labels and a few common synonyms.
  std::vector<std::vector<std::string>> vocabulary;
  // The same, inverted: stem -> bit n set for each objective n using it; and
  // the stems by first letter, for the tolerant comparison.
  std::unordered_map<std::string, std::uint32_t> vocabulary_index;
  std::vector<std::vector<std::pair<std::string, std::uint32_t>>> vocabulary_by_letter;
  // anchor_shape[c][len]: some anchor starts with byte c and has length len
  // (capped at 31); lets most words skip the hash lookup.
  std::vector<std::array<bool, 32>> anchor_shape;
  // Per objective: its short labels as folded words, English then Spanish.
  std::vector<std::vector<std::vector<std::string>>> short_labels;
};

// The lexicon, built on first use.
const Lexicon& GetLexicon();

// True when `folded` may be a title anchor (cheap test before the lookup).
inline bool MayBeAnchor(const Lexicon& lex, const std::string& folded) {
  if (folded.size() < 4) return false;
  return lex.anchor_shape[static_cast<unsigned char>(folded[0])]
                         [std::min<std::size_t>(folded.size(), 31)];
}

// True for English and Spanish function words ("the", "of", "de", "los").
bool IsStopword(std::string_view folded);

// True for words that say "migration" or "migrants" in either language: they
// occur in most titles, so they tell one objective from another poorly.
bool IsGenericWord(std::string_view folded);

// A crude English/Spanish stem: one common suffix removed ("-ing", "-es",
// "-s", "-cion"), keeping at least four letters.
std::string Stem(std::string_view folded);

// True when two folded words are the same word up to inflection ("mundial" ~
// "mundiales") or OCR noise (one wrong letter in words of five letters or
// more, two in words of nine or more). Words under five letters must be equal.
bool WordsAlike(std::string_view a, std::string_view b);

// How well the words [begin, end) describe objective `objective` compared
// with the other 22: the number of content words found in its vocabulary,
// and the best such count among the others with that objective's number.
struct LabelFit {
  int own = 0;
  int best_other = 0;
  int other_objective = 0;  // 0 when no other objective fits at all

  // The words name another objective and not this one.
  bool Disagrees() const { return own == 0 && best_other > 0; }
};
LabelFit FitLabel(const std::vector<Word>& words, std::size_t begin, std::size_t end,
                  int objective);

// How many words from `begin` spell out objective `objective`'s short label
// (English or Spanish, e.g. "Save lives", "Remesas"); 0 when they do not.
std::size_t MatchShortLabel(const std::vector<Word>& words, std::size_t begin, int objective);

}  // namespace gcm::tag

#endif  // GCMSEARCH_TAG_LEXICON_H_
