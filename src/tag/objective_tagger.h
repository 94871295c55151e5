// The GCM objective tagger: finds where a text cites one of the 23
// objectives of the Global Compact for Migration, by number ("objective 13",
// "objetivos 16 y 19 del PMM", "Compact objectives: 1, 8, 23"), by title
// (the official English or Spanish title, or enough of it to be
// unmistakable) or by link (the UN Network hub's `gcm_objectives=NNN`).
// It ignores what only looks like a citation: SDGs ("SDG 10", "ODS 10",
// "objetivo 10.7"), other bodies' numbered objectives, counts ("the 23
// objectives"), the Global Compact on Refugees, the EU Pact, the UN Global
// Compact of businesses.
//
// Pure functions: no I/O, safe to call from many threads.
#ifndef GCMSEARCH_TAG_OBJECTIVE_TAGGER_H_
#define GCMSEARCH_TAG_OBJECTIVE_TAGGER_H_

#include <string_view>
#include <vector>

#include "core/document.h"

namespace gcm {

// The mentions in one page of text. `language` is "en", "es", another ISO
// 639-1 code or "und" (then both languages' patterns are tried); `page` is
// copied into each mention. Offsets are byte offsets into `text`. Mentions
// come in text order; one citing phrase may yield several (one per
// objective it names).
std::vector<ObjectiveMention> TagText(std::string_view text, std::string_view language,
                                      int page);

// The mentions in a whole document: every page, in page order, using each
// page's language (or the document's), plus doc.links (hub URLs found
// outside the text, reported as kind kLink on page 1).
std::vector<ObjectiveMention> TagObjectives(const Document& doc);

}  // namespace gcm

#endif  // GCMSEARCH_TAG_OBJECTIVE_TAGGER_H_
