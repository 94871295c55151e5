// Markers of the GCM and of other frameworks, and the owner of a numbered
// objective. Everything here looks at a handful of words around a position,
// so it costs nothing on pages without citations.
#include "tag/compact_context.h"

#include <algorithm>
#include <string_view>

namespace gcm::tag {
namespace {

bool In(std::string_view w, std::initializer_list<std::string_view> set) {
  return std::find(set.begin(), set.end(), w) != set.end();
}

// Adjacent words that make "objective N" someone else's: "Specific
// Objective 2", "Strategic Objective 3", "IOM Strategic Plan Objective 1".
bool IsQualifier(std::string_view w) {
  return In(w, {"specific",  "strategic",      "operational",    "general",     "overall",
                "immediate", "development",    "institutional",  "programme",   "program",
                "project",   "plan",           "strategy",       "sustainable", "millennium",
                "national",  "organizational", "organisational", "corporate",   "learning",
                "research"});
}

// Bodies and frameworks with numbered objectives of their own.
bool IsOtherBody(std::string_view w) {
  return In(w, {"iom",    "oim",    "unhcr",  "acnur",    "eu",         "ue",     "sdg",   "sdgs",
                "ods",    "gcr",    "pact",   "refugees", "refugiados", "asylum", "asilo", "undaf",
                "unsdcf", "agenda", "sendai", "mdg",      "mdgs",       "odm"});
}

// Nouns after "of the" that make an objective some other body's.
bool IsOtherOwnerNoun(std::string_view w) {
  return IsOtherBody(w) ||
         In(w, {"plan",       "strategy",     "estrategia",   "programme",    "program",
                "programa",   "project",      "proyecto",     "mechanism",    "mecanismo",
                "network",    "red",          "workshop",     "taller",       "forum",
                "foro",       "organization", "organisation", "organizacion", "agency",
                "agencia",    "initiative",   "iniciativa",   "fund",         "fondo",
                "policy",     "politica",     "law",          "ley",          "convention",
                "convencion", "framework",    "marco",        "report",       "informe",
                "document",   "documento",    "event",        "evento",       "meeting",
                "reunion",    "principles",   "principios",   "goals",        "metas"});
}

bool IsHardPunctuation(char c) {
  return c == '.' || c == ';' || c == ':' || c == '(' || c == ')' || c == '?' || c == '!' ||
         c == '[' || c == ']';
}

// True when the gap keeps two words in one clause.
bool SameClause(std::string_view gap, bool allow_comma) {
  if (EndsSentence(gap)) return false;
  for (char c : gap) {
    if (IsHardPunctuation(c)) return false;
    if (c == ',' && !allow_comma) return false;
  }
  return true;
}

std::string_view At(const std::vector<Word>& words, std::size_t k) {
  return k < words.size() ? BaseForm(words[k].folded) : std::string_view();
}

bool IsMigrationWord(std::string_view w) {
  return In(w, {"migration", "migrations", "migrants", "migrant", "migracion", "migraciones",
                "migrantes"});
}

// One past the last word of the clause holding word i, looking at most
// `max` words ahead: "Pacto Mundial, los socios" ends at the comma.
std::size_t ClauseEnd(std::string_view text, const std::vector<Word>& words, std::size_t i,
                      std::size_t max) {
  std::size_t k = i + 1;
  while (k < words.size() && k <= i + max && SameClause(GapBefore(text, words, k), false)) ++k;
  return k;
}

Marker CompactMarker(std::string_view text, const std::vector<Word>& words, std::size_t i) {
  std::string_view next = At(words, i + 1);
  if (In(next, {"on", "for"})) {
    const std::size_t end = ClauseEnd(text, words, i, 7);
    for (std::size_t k = i + 2; k < end; ++k) {
      std::string_view w = At(words, k);
      if (In(w, {"refugees", "refugee"})) return Marker::kForeign;
      if (IsMigrationWord(w)) return Marker::kGcmStrong;
    }
  }
  if (i > 0 && IsMigrationWord(At(words, i - 1))) return Marker::kGcmStrong;  // "Migration Compact"
  if (i >= 2 && At(words, i - 1) == "global" &&
      (At(words, i - 2) == "un" || At(words, i - 2) == "nations")) {
    return Marker::kForeign;  // the UN Global Compact of businesses
  }
  return Marker::kGcmWeak;
}

Marker PactoMarker(std::string_view text, const std::vector<Word>& words, std::size_t i) {
  std::size_t k = i + 1;
  const bool mundial = At(words, k) == "mundial";
  if (mundial) ++k;
  const std::size_t end = ClauseEnd(text, words, i, 7);
  for (std::size_t m = k; m < k + 6 && m < end; ++m) {
    std::string_view w = At(words, m);
    if (In(w, {"refugiados", "refugiado", "asilo", "europeo", "ue", "naciones", "onu"})) {
      return Marker::kForeign;
    }
  }
  for (std::size_t m = k; m < k + 4 && m < end; ++m) {
    if (IsMigrationWord(At(words, m))) return Marker::kGcmStrong;
  }
  return Marker::kGcmWeak;
}

}  // namespace

Marker MarkerAt(std::string_view text, const std::vector<Word>& words, std::size_t i) {
  std::string_view w = At(words, i);
  if (w.size() < 3) return Marker::kNone;
  switch (w[0]) {
    case 'g':
      if (w == "gcm") return Marker::kGcmStrong;
      if (w == "gcr") return Marker::kForeign;
      if ((w == "goals" || w == "goal") && i > 0 && At(words, i - 1) == "development") {
        return Marker::kForeign;
      }
      break;
    case 'p':
      if (w == "pmm") return Marker::kGcmStrong;
      if (w == "pacto") return PactoMarker(text, words, i);
      if (w == "pact" || w == "pacts") return Marker::kForeign;
      if (w == "plan" &&
          ((i > 0 && At(words, i - 1) == "strategic") || At(words, i + 1) == "estrategico")) {
        return Marker::kForeign;
      }
      break;
    case 'c':
      if (w == "compact") return CompactMarker(text, words, i);
      break;
    case 's':
      if (w == "sdg" || w == "sdgs") return Marker::kForeign;
      if (w == "sostenible" && i >= 3 && At(words, i - 1) == "desarrollo" &&
          At(words, i - 2) == "de" && At(words, i - 3).substr(0, 8) == "objetivo") {
        return Marker::kForeign;  // "Objetivos de Desarrollo Sostenible"
      }
      break;
    case 'o':
      if (w == "ods") return Marker::kForeign;
      break;
    case 'r':
      // A/RES/73/195, the resolution that adopted the GCM.
      if (w == "res" && At(words, i + 1) == "73" && At(words, i + 2) == "195") {
        return Marker::kGcmStrong;
      }
      break;
    case 'a':
      if (w == "agenda" && (At(words, i + 1) == "2030" || (i > 0 && At(words, i - 1) == "2030"))) {
        return Marker::kForeign;
      }
      break;
    default:
      break;
  }
  return Marker::kNone;
}

DocumentContext ContextOf(std::string_view text, const std::vector<Word>& words) {
  DocumentContext context;
  for (std::size_t i = 0; i < words.size(); ++i) {
    char c = words[i].folded.empty() ? '\0' : words[i].folded[0];
    if (c != 'g' && c != 'p' && c != 'c' && c != 'r') continue;
    Marker m = MarkerAt(text, words, i);
    if (m == Marker::kGcmStrong) context.names_gcm = true;
    if (m == Marker::kForeign &&
        (At(words, i) == "gcr" || At(words, i) == "compact" || At(words, i) == "pacto")) {
      // Only the refugee compacts make a bare "the Compact" doubtful.
      for (std::size_t k = i; k < i + 8 && k < words.size(); ++k) {
        if (In(At(words, k), {"refugees", "refugee", "refugiados", "gcr"})) {
          context.names_refugees = true;
        }
      }
    }
  }
  return context;
}

namespace {

Owner FromMarker(Marker m, const DocumentContext& context) {
  switch (m) {
    case Marker::kGcmStrong:
      return Owner::kGcm;
    case Marker::kGcmWeak:
      return context.names_refugees && !context.names_gcm ? Owner::kUnknown : Owner::kGcm;
    case Marker::kForeign:
      return Owner::kOther;
    case Marker::kNone:
      break;
  }
  return Owner::kUnknown;
}

}  // namespace

Owner OwnerBefore(std::string_view text, const std::vector<Word>& words, std::size_t keyword,
                  const DocumentContext& context) {
  for (std::size_t step = 1; step <= 4 && step <= keyword; ++step) {
    const std::size_t k = keyword - step;
    if (!SameClause(GapBefore(text, words, k + 1), /*allow_comma=*/false)) break;
    std::string_view w = At(words, k);
    // "SDG 10 and objective 8 of the PMM": a conjunction or a number ends
    // the words that qualify this keyword.
    if (words[k].value >= 0 || In(w, {"and", "or", "y", "e", "o", "u"})) break;
    if (step == 1 && IsQualifier(w)) return Owner::kOther;
    Owner owner = FromMarker(MarkerAt(text, words, k), context);
    if (owner != Owner::kUnknown) return owner;
    if (IsOtherBody(w)) return Owner::kOther;
  }
  return Owner::kUnknown;
}

Owner OwnerAfter(std::string_view text, const std::vector<Word>& words, std::size_t i,
                 const DocumentContext& context) {
  if (i >= words.size()) return Owner::kUnknown;
  if (!SameClause(GapBefore(text, words, i), /*allow_comma=*/false)) return Owner::kUnknown;
  std::string_view prep = At(words, i);
  const bool of = In(prep, {"of", "del", "de"});
  const bool in = In(prep, {"in", "under", "within", "en", "bajo"});
  if (!of && !in) return Owner::kUnknown;
  std::size_t k = i + 1;
  bool article = prep == "del";
  if (In(At(words, k),
         {"the", "its", "this", "their", "la", "los", "las", "el", "este", "esta", "su", "sus"})) {
    article = true;
    ++k;
  }
  for (std::size_t m = k; m < k + 6 && m < words.size(); ++m) {
    if (m > k && !SameClause(GapBefore(text, words, m), /*allow_comma=*/false)) break;
    if (m == k && !SameClause(GapBefore(text, words, m), /*allow_comma=*/false)) {
      return Owner::kUnknown;
    }
    Owner owner = FromMarker(MarkerAt(text, words, m), context);
    if (owner != Owner::kUnknown) return owner;
    std::string_view w = At(words, m);
    if (IsOtherOwnerNoun(w)) return Owner::kOther;
    if ((w == "sustainable" && At(words, m + 1) == "development") ||
        (w == "desarrollo" && At(words, m + 1) == "sostenible")) {
      return Owner::kOther;
    }
    if (words[m].value == 23) return Owner::kGcm;  // "objective 3 of the 23 objectives"
  }
  return of && article ? Owner::kOther : Owner::kUnknown;
}

int SentenceLeaning(std::string_view text, const std::vector<Word>& words, std::size_t begin_offset,
                    std::size_t end_offset, const DocumentContext& context) {
  auto first = std::lower_bound(words.begin(), words.end(), begin_offset,
                                [](const Word& w, std::size_t off) { return w.offset < off; });
  bool foreign = false;
  for (auto it = first; it != words.end() && it->offset < end_offset; ++it) {
    Owner owner =
        FromMarker(MarkerAt(text, words, static_cast<std::size_t>(it - words.begin())), context);
    if (owner == Owner::kGcm) return 1;
    if (owner == Owner::kOther) foreign = true;
  }
  return foreign ? -1 : 0;
}

}  // namespace gcm::tag
