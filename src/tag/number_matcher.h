// Citations of GCM objectives by number: "objective 13", "GCM objective 4",
// "objectives 4 (legal identity), 8 (saving lives), and 13", "Compact
// objectives: 1, 8, 23", "objectives 1 to 3", "objetivo 8 del PMM", "GCM 13",
// "OBJECTIVE 20 - REMITTANCES", "el primer objetivo del Pacto Mundial",
// "20 - Remittances" (a short label next to its number).
//
// A number counts when something ties it to the GCM:
//   - the words before or after it name the GCM ("GCM objective 4",
//     "objective 8 of the Global Compact", "objetivo 8 del PMM", "GCM 13"):
//     confidence 1;
//   - its sentence names the GCM: 0.9 (0.85 for an ordinal);
//   - a label next to it fits its number ("Objective 8 (saving lives)",
//     "OBJECTIVE 20 - REMITTANCES"), or clearly names another objective, or
//     an earlier citation in the same sentence counted: 0.8;
//   - otherwise the document (for TagText, the text) names the GCM
//     unmistakably somewhere ("GCM", "PMM", "Global Compact for ...
//     Migration", "Pacto Mundial para la Migración", "A/RES/73/195"): 0.75.
// With none of these it is dropped. Ordinals ("the first objective") need
// the GCM named in their own sentence. It never counts when the words around
// it name another framework: "Specific Objective 2", "IOM Strategic Plan
// Objective 1", "objective 2 of the Global Compact on Refugees", "objetivo 3
// del Pacto sobre Migración y Asilo", "objective 10 of the 2030 Agenda", an
// unrecognised "of the X" ("objective 3 of the workshop"), or a sentence
// about SDGs, the GCR or the EU Pact that does not name the GCM.
//
// Also never counted: "objetivo 10.7" (a decimal is an SDG target), counts
// ("the 23 objectives", "GCM 23 objectives": numbers before the keyword are
// not read, a number followed by "objectives" or a unit is a quantity),
// numbered lists under a generic heading ("OBJECTIVES\n1. Improve ..." where
// the words after "1." do not describe objective 1), and "Objective 1: To
// support the GCM", where the words after the colon describe no objective.
//
// A label next to a number ("8 (saving lives)", "20 - Remittances") is
// checked against the objective's title, short label and synonyms. When it
// describes another objective and not this one ("objective 8
// (remittances)", "20 (social protection)"), the number is still reported,
// with confidence at most 0.5, rather than silently guessed.
//
// A short label alone ("Save lives", "Remesas") is not a citation; at the
// start of a line next to its own number ("20 - Remittances") it is one
// (0.8), in a text that names the GCM.
#ifndef GCMSEARCH_TAG_NUMBER_MATCHER_H_
#define GCMSEARCH_TAG_NUMBER_MATCHER_H_

#include <string_view>
#include <vector>

#include "core/document.h"
#include "tag/compact_context.h"
#include "tag/words.h"

namespace gcm::tag {

// Appends the number citations in `text` (whose words are `words`) to `out`,
// with kind kNumber and page `page`. `context` is what the whole document
// says (see DocumentContext).
void FindNumberCitations(std::string_view text, const std::vector<Word>& words, int page,
                         const DocumentContext& context, std::vector<ObjectiveMention>* out);

}  // namespace gcm::tag

#endif  // GCMSEARCH_TAG_NUMBER_MATCHER_H_
