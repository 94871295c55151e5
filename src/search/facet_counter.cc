// One pass over the facet slots of each matching document.
#include "search/facet_counter.h"

#include "index/term_scheme.h"

namespace gcm {

void FacetCounter::Count(const std::string& value, Counts* counts) {
  if (value.empty()) return;
  for (auto& [v, n] : *counts) {
    if (v == value) {
      ++n;
      return;
    }
  }
  counts->emplace_back(value, 1);
}

void FacetCounter::operator()(const Xapian::Document& doc, double) {
  Count(doc.get_value(kSlotLanguage), &lang_);
  Count(doc.get_value(kSlotFormat), &format_);
  Count(doc.get_value(kSlotYear), &year_);
  // "4,8,13": each objective once.
  const std::string objectives = doc.get_value(kSlotObjectives);
  int n = -1;
  for (char c : objectives) {
    if (c >= '0' && c <= '9') {
      n = (n < 0 ? 0 : n * 10) + (c - '0');
      if (n > kObjectiveCount) n = kObjectiveCount + 1;  // not an objective; ignored below
    } else {
      if (n >= 1 && n <= kObjectiveCount) ++objectives_[n];
      n = -1;
    }
  }
  if (n >= 1 && n <= kObjectiveCount) ++objectives_[n];
}

void FacetCounter::AddTo(std::map<std::string, std::map<std::string, std::uint64_t>>* facets) const {
  const std::pair<const char*, const Counts*> lists[] = {{"lang", &lang_}, {"format", &format_}, {"year", &year_}};
  for (const auto& [name, counts] : lists) {
    auto& facet = (*facets)[name];
    for (const auto& [v, n] : *counts) facet[v] += n;
  }
  auto& objectives = (*facets)["objective"];
  for (int k = 1; k <= kObjectiveCount; ++k) {
    if (objectives_[k]) objectives[std::to_string(k)] += objectives_[k];
  }
}

}  // namespace gcm
