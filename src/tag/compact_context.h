// Whose objectives are these? The words that tie a numbered objective to the
// Global Compact for Migration ("GCM", "PMM", "the Compact", "Pacto Mundial
// para la Migración") or to someone else (the Global Compact on Refugees,
// the EU Pact on Migration and Asylum, the UN Global Compact of businesses,
// the SDGs and the 2030 Agenda, IOM's Strategic Plan, a project's "specific
// objectives"), read from the folded word stream.
#ifndef GCMSEARCH_TAG_COMPACT_CONTEXT_H_
#define GCMSEARCH_TAG_COMPACT_CONTEXT_H_

#include <cstddef>
#include <string_view>
#include <vector>

#include "tag/words.h"

namespace gcm::tag {

// What a text as a whole is about, as far as the tagger cares.
struct DocumentContext {
  bool names_gcm = false;       // it names the GCM unmistakably somewhere
  bool names_refugees = false;  // it names the Global Compact on Refugees

  void Merge(const DocumentContext& other) {
    names_gcm = names_gcm || other.names_gcm;
    names_refugees = names_refugees || other.names_refugees;
  }
};

// Scans the words of `text` once for what DocumentContext records.
DocumentContext ContextOf(std::string_view text, const std::vector<Word>& words);

// Whom word i of `text` refers to. Looks a few words ahead within the same
// clause ("Global Compact on Refugees", "Pacto Mundial de las Naciones
// Unidas").
enum class Marker {
  kNone,
  kGcmWeak,    // "Compact", "Pacto", "Global Compact": the GCM unless the text is
               // about the Global Compact on Refugees
  kGcmStrong,  // "GCM", "PMM", "Global Compact for Migration", "Pacto Mundial para
               // la Migración", "Migration Compact"
  kForeign,    // another framework: GCR, EU Pact, UN Global Compact (business),
               // SDG/ODS, 2030 Agenda, a strategic plan
};
Marker MarkerAt(std::string_view text, const std::vector<Word>& words, std::size_t i);

// Whose objectives a phrase names.
enum class Owner { kUnknown, kGcm, kOther };

// The owner named by the words before a keyword ("GCM objective", "the
// Compact's Objective", "IOM Strategic Plan Objective", "Specific
// Objective"): looks back from word `keyword` - 1 over at most four words of
// the same clause.
Owner OwnerBefore(std::string_view text, const std::vector<Word>& words, std::size_t keyword,
                  const DocumentContext& context);

// The owner named by a phrase starting at word `i` that follows a citation:
// "of the Global Compact", "del PMM", "of the Global Compact on Refugees",
// "de la Agenda 2030", "of the IOM Strategic Plan". kUnknown when word i
// starts no such phrase. An "of the X" (or "del X") whose X is nothing the
// tagger recognises is kOther: it names some other body's objectives.
Owner OwnerAfter(std::string_view text, const std::vector<Word>& words, std::size_t i,
                 const DocumentContext& context);

// What the words inside text[begin_offset, end_offset) say: 1 when they
// name the GCM, -1 when they name only other frameworks, 0 when neither.
int SentenceLeaning(std::string_view text, const std::vector<Word>& words, std::size_t begin_offset,
                    std::size_t end_offset, const DocumentContext& context);

}  // namespace gcm::tag

#endif  // GCMSEARCH_TAG_COMPACT_CONTEXT_H_
