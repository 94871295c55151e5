// Citations of GCM objectives by title: the official English or Spanish
// title, whole or in part, tolerant of case, accents, line breaks, words cut
// by a hyphen at a line end, inflection and OCR noise ("informacién",
// "Didlogo").
//
// A run of consecutive text words that matches consecutive title words (word
// by word, with WordsAlike) is a citation when it holds enough of the title's
// content words (stopwords do not count):
//   - the whole title; or
//   - all content words of a title with six or fewer of them, 70% of a
//     longer one; or
//   - when the run starts at the title's first word (titles open with their
//     verb: "Save lives and establish coordinated ..."), half of them;
// and in every case at least four. So "Save lives and establish coordinated
// international efforts on missing migrants" counts (objective 8), while
// "access to basic services", "pathways for regular migration", "social
// cohesion", "reducing vulnerabilities in migration" and the Compact's own
// name ("for Safe, Orderly and Regular Migration", which ends objective 23's
// title) do not. Confidence is 1 for a whole title, else 0.6 + 0.4 x the
// share of content words matched.
#ifndef GCMSEARCH_TAG_TITLE_MATCHER_H_
#define GCMSEARCH_TAG_TITLE_MATCHER_H_

#include <string_view>
#include <vector>

#include "core/document.h"
#include "tag/words.h"

namespace gcm::tag {

// Appends the title citations in `text` (whose words are `words`) to `out`,
// with kind kTitle and page `page`.
void FindTitleCitations(std::string_view text, const std::vector<Word>& words, int page,
                        std::vector<ObjectiveMention>* out);

}  // namespace gcm::tag

#endif  // GCMSEARCH_TAG_TITLE_MATCHER_H_
