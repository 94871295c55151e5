// Citations of GCM objectives by link: the UN Network on Migration's hub
// filters an objective with `gcm_objectives=NNN`, NNN = 278 + objective
// number (279..301). Found in page text, where PDF extraction breaks long
// URLs across lines ("https://migrationnetwork.un.org/hub?\n
// gcm_objectives=287&..."), and in link targets kept outside the text.
#ifndef GCMSEARCH_TAG_LINK_MATCHER_H_
#define GCMSEARCH_TAG_LINK_MATCHER_H_

#include <string_view>
#include <vector>

#include "core/document.h"

namespace gcm::tag {

// Appends the hub links in `text` to `out`, kind kLink, page `page`. Offset
// and length cover "gcm_objectives=NNN"; the evidence is the whole URL with
// its line breaks removed.
void FindLinkCitations(std::string_view text, int page, std::vector<ObjectiveMention>* out);

// The objectives a single URL filters on (usually one; none when it has no
// gcm_objectives parameter or its value is not a hub id).
std::vector<int> HubObjectivesInUrl(std::string_view url);

}  // namespace gcm::tag

#endif  // GCMSEARCH_TAG_LINK_MATCHER_H_
