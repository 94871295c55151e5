// The tagger's entry points: fold each page's words once, learn what the
// document is about, run the number, title and link matchers, and put the
// mentions in text order.
#include "tag/objective_tagger.h"

#include <algorithm>
#include <tuple>

#include "core/objectives.h"
#include "tag/compact_context.h"
#include "tag/link_matcher.h"
#include "tag/number_matcher.h"
#include "tag/title_matcher.h"
#include "tag/words.h"

namespace gcm {
namespace {

constexpr std::size_t kMaxLinkEvidence = 300;

void TagPage(std::string_view text, const std::vector<tag::Word>& words, int page,
             const tag::DocumentContext& context, std::vector<ObjectiveMention>* out) {
  const std::size_t first = out->size();
  tag::FindNumberCitations(text, words, page, context, out);
  tag::FindTitleCitations(text, words, page, out);
  tag::FindLinkCitations(text, page, out);
  std::stable_sort(out->begin() + static_cast<std::ptrdiff_t>(first), out->end(),
                   [](const ObjectiveMention& a, const ObjectiveMention& b) {
                     return std::tie(a.offset, a.kind, a.objective) <
                            std::tie(b.offset, b.kind, b.objective);
                   });
}

}  // namespace

std::vector<ObjectiveMention> TagText(std::string_view text, std::string_view /*language*/,
                                      int page) {
  std::vector<tag::Word> words = tag::FoldedWords(text);
  const tag::DocumentContext context = tag::ContextOf(text, words);
  std::vector<ObjectiveMention> out;
  TagPage(text, words, page, context, &out);
  return out;
}

std::vector<ObjectiveMention> TagObjectives(const Document& doc) {
  std::vector<std::vector<tag::Word>> words;
  words.reserve(doc.pages.size());
  tag::DocumentContext context = tag::ContextOf(doc.title, tag::FoldedWords(doc.title));
  for (const Page& page : doc.pages) {
    words.push_back(tag::FoldedWords(page.text));
    context.Merge(tag::ContextOf(page.text, words.back()));
  }
  std::vector<ObjectiveMention> out;
  for (std::size_t i = 0; i < doc.pages.size(); ++i) {
    TagPage(doc.pages[i].text, words[i], doc.pages[i].number, context, &out);
  }
  std::vector<bool> linked(kObjectiveCount + 1, false);
  for (const ObjectiveMention& m : out) {
    if (m.kind == MentionKind::kLink) linked[m.objective] = true;
  }
  for (const std::string& link : doc.links) {
    for (int n : tag::HubObjectivesInUrl(link)) {
      if (linked[n]) continue;
      linked[n] = true;
      ObjectiveMention m;
      m.objective = n;
      m.kind = MentionKind::kLink;
      m.page = 1;
      m.text = link.substr(0, kMaxLinkEvidence);
      out.push_back(std::move(m));
    }
  }
  return out;
}

}  // namespace gcm
