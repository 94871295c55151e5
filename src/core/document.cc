// Small helpers on the pipeline's plain data.
#include "core/document.h"

#include <algorithm>

namespace gcm {

const char* MentionKindName(MentionKind kind) {
  switch (kind) {
    case MentionKind::kNumber:
      return "number";
    case MentionKind::kTitle:
      return "title";
    case MentionKind::kLink:
      return "link";
  }
  return "number";
}

std::vector<int> Document::CitedObjectives() const {
  std::vector<int> out;
  for (const ObjectiveMention& m : mentions) {
    if (m.kind != MentionKind::kLink) out.push_back(m.objective);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::string Document::FullText() const {
  std::string out;
  for (const Page& p : pages) {
    if (!out.empty()) out += "\n\n";
    out += p.text;
  }
  return out;
}

}  // namespace gcm
