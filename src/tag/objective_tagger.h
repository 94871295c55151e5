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
// The rules, in short (the matchers' headers say more: number_matcher.h,
// title_matcher.h, link_matcher.h):
//   - A number needs something tying it to the GCM. Confidence 1 when the
//     words next to it name the GCM ("GCM objective 4", "objective 8 of the
//     Global Compact", "objetivo 8 del PMM", "the Compact's Objective 13",
//     "GCM 13"); 0.9 when its sentence does; 0.8 when a label next to it
//     fits ("Objective 8 (saving lives)"); 0.75 when only the document does
//     elsewhere (TagObjectives looks at every page and the title; TagText at
//     its own text). A bare "objective 3" in a text that never names the GCM
//     is not reported: Document::CitedObjectives() does not filter by
//     confidence, and such numbers are mostly some project's or plan's own
//     objectives.
//   - Ordinals ("el primer objetivo del Pacto Mundial") need the GCM named
//     in their own sentence.
//   - A label that names another objective ("objective 8 (remittances)")
//     keeps the number but caps its confidence at 0.5.
//   - A short label alone ("Save lives", "Remesas") is never a citation;
//     next to its own number at the start of a line ("20 - Remittances") it
//     is a number citation (0.8) in a text about the GCM.
//   - Titles count when a run of consecutive words covers enough of an
//     official title (see title_matcher.h); links whenever the parameter
//     holds a hub id (279..301).
// Each mention carries the byte range of the citing words in its page's
// text, the sentence (or URL) as evidence, and a confidence in 0..1.
//
// Pure functions: no I/O, safe to call from many threads.
#ifndef GCMSEARCH_TAG_OBJECTIVE_TAGGER_H_
#define GCMSEARCH_TAG_OBJECTIVE_TAGGER_H_

#include <string_view>
#include <vector>

#include "core/document.h"

namespace gcm {

// The mentions in one page of text. `language` is "en", "es", another ISO
// 639-1 code or "und"; English and Spanish patterns are tried whatever it
// says, because documents in one language quote the other ("Objective 8"
// in a Spanish report, "Pacto Mundial" in an English one). `page` is copied
// into each mention. Offsets are byte offsets into `text`. Mentions come in
// text order; one citing phrase may yield several (one per objective it
// names). Whether the text names the GCM is judged from `text` alone.
std::vector<ObjectiveMention> TagText(std::string_view text, std::string_view language, int page);

// The mentions in a whole document: every page, in page order, with the
// document as context (a bare "objective 3" on page 5 counts when page 1 or
// the title names the GCM), plus doc.links: hub URLs found outside the text,
// reported as kind kLink on page 1 with offset and length 0 and the URL as
// evidence, unless the text already links to that objective.
std::vector<ObjectiveMention> TagObjectives(const Document& doc);

}  // namespace gcm

#endif  // GCMSEARCH_TAG_OBJECTIVE_TAGGER_H_
