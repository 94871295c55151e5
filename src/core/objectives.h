// The 23 objectives of the Global Compact for Safe, Orderly and Regular
// Migration, with official English and Spanish titles, short labels and the
// id the UN Network on Migration's hub uses in its links. The table is
// data/gcm-objectives.tsv, compiled into the library so that no run depends
// on where it is started from.
//
// Source of the titles: the GCM (A/RES/73/195, para. 16) in its English and
// Spanish versions; hub ids: the UN Network on Migration's hub filter
// `gcm_objectives=NNN`, NNN = 278 + objective number.
#ifndef GCMSEARCH_CORE_OBJECTIVES_H_
#define GCMSEARCH_CORE_OBJECTIVES_H_

#include <string>
#include <vector>

namespace gcm {

constexpr int kObjectiveCount = 23;
constexpr int kHubIdOffset = 278;  // hub id = 278 + objective number

struct Objective {
  int number = 0;        // 1..23
  int hub_id = 0;        // 279..301
  std::string title_en;  // official English title
  std::string title_es;  // official Spanish title
  std::string short_en;  // short label without its number, e.g. "Data"
  std::string short_es;  // e.g. "Datos"
};

// All 23, in order: Objectives()[n - 1].number == n.
const std::vector<Objective>& Objectives();

// The objective numbered n, or nullptr when n is not in 1..23.
const Objective* FindObjective(int n);

}  // namespace gcm

#endif  // GCMSEARCH_CORE_OBJECTIVES_H_
