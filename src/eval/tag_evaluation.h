// Measuring the objective tagger against labelled text: the labelled set of
// tests/data/objective_mentions.tsv (one phrase per row, with the objectives
// it cites by number, by title and by link) and the whole documents of
// tests/data/objective_documents.tsv. Used by tools/tag_eval.cc and by the
// tagger's tests, so that both report the same figures.
//
// objective_mentions.tsv: a header line, then rows of
//   id <TAB> lang <TAB> number <TAB> title <TAB> link <TAB> text <TAB> note
// where number/title/link are space-separated objective numbers (empty when
// none: traps have all three empty) and text uses \n, \t and \\ escapes.
// Lines starting with '#' are comments.
#ifndef GCMSEARCH_EVAL_TAG_EVALUATION_H_
#define GCMSEARCH_EVAL_TAG_EVALUATION_H_

#include <array>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "core/status.h"

namespace gcm {

constexpr int kMentionKindCount = 3;  // number, title, link: MentionKind's values

// Objective numbers per kind, indexed by static_cast<int>(MentionKind).
using ObjectivesByKind = std::array<std::vector<int>, kMentionKindCount>;

struct LabelledRow {
  std::string id;
  std::string language;
  ObjectivesByKind expected;
  std::string text;  // escapes decoded
  std::string note;
  int line = 0;  // in the file, for messages
};

// Reads a labelled set. Fails with kIOError when the file cannot be read and
// kCorruption (naming the line) when a row is malformed.
Status ReadLabelledRows(const std::filesystem::path& path, std::vector<LabelledRow>* rows);

// A labelled sample document (tests/data/objective_documents.tsv): its
// name (the text is in tests/data/tag/<name>.txt) and every objective it
// cites, by kind.
struct LabelledDocument {
  std::string name;
  ObjectivesByKind expected;
  int line = 0;  // in the file, for messages
};

// Reads the sample documents' labels (a header line, then name <TAB>
// numbers <TAB> titles <TAB> links; '#' comments). kIOError when the file
// cannot be read, kCorruption naming the line when a list is malformed.
Status ReadLabelledDocuments(const std::filesystem::path& path, std::vector<LabelledDocument>* documents);

// Counts for precision and recall over (row, objective) pairs.
struct Score {
  int true_positives = 0;
  int false_positives = 0;
  int false_negatives = 0;

  double Precision() const;  // 1 when nothing was found
  double Recall() const;     // 1 when nothing was expected
  void Add(const Score& other);
};

struct RowOutcome {
  const LabelledRow* row = nullptr;
  ObjectivesByKind found;  // sorted, unique
  std::vector<ObjectiveMention> mentions;
  bool correct = true;  // found == expected for every kind
};

struct Evaluation {
  std::array<Score, kMentionKindCount> by_kind;
  Score overall;
  std::vector<RowOutcome> failures;  // rows with any difference, in file order
};

// The distinct objectives of `mentions`, per kind.
ObjectivesByKind ObjectivesOf(const std::vector<ObjectiveMention>& mentions);

// Scores `found` against `expected` and adds to *by_kind.
bool ScoreKinds(const ObjectivesByKind& expected, const ObjectivesByKind& found,
                std::array<Score, kMentionKindCount>* by_kind);

// Runs TagText over each row (page 1) and scores it.
Evaluation EvaluateRows(const std::vector<LabelledRow>& rows);

// "1 8 23" -> {1, 8, 23}; fails on anything but numbers in 1..23.
Status ParseObjectiveList(std::string_view field, std::vector<int>* out);

// Splits extracted text into pages at form feeds (as `pdftotext` writes
// them), numbering them from 1; a trailing empty page is dropped.
std::vector<Page> PagesFromText(std::string_view text);

}  // namespace gcm

#endif  // GCMSEARCH_EVAL_TAG_EVALUATION_H_
