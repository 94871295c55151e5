// Reading labelled sets and scoring the tagger on them.
#include "eval/tag_evaluation.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "core/objectives.h"
#include "tag/objective_tagger.h"

namespace gcm {
namespace {

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    std::size_t tab = line.find('\t', start);
    out.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
    if (tab == std::string::npos) break;
    start = tab + 1;
  }
  return out;
}

std::string Unescape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size()) {
      char c = s[++i];
      if (c == 'n') {
        out.push_back('\n');
      } else if (c == 't') {
        out.push_back('\t');
      } else if (c == 'f') {
        out.push_back('\f');
      } else {
        out.push_back(c);
      }
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

std::vector<int> Difference(const std::vector<int>& a, const std::vector<int>& b) {
  std::vector<int> out;
  std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

}  // namespace

Status ParseObjectiveList(std::string_view field, std::vector<int>* out) {
  out->clear();
  std::istringstream in{std::string(field)};
  std::string token;
  while (in >> token) {
    int n = 0;
    for (char c : token) {
      if (c < '0' || c > '9') return Status::Corruption("not an objective number: " + token);
      n = n * 10 + (c - '0');
      if (n > 100) break;
    }
    if (n < 1 || n > kObjectiveCount)
      return Status::Corruption("not an objective number: " + token);
    out->push_back(n);
  }
  std::sort(out->begin(), out->end());
  out->erase(std::unique(out->begin(), out->end()), out->end());
  return Status::OK();
}

namespace {

// Calls row(fields, line number) for each data line of a labelled TSV file:
// the first non-comment line is its header; '#' lines and blank ones are
// skipped. Stops at the first error row returns.
template <typename Row>
Status ForEachDataRow(const std::filesystem::path& path, Row row) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError(path.string() + ": cannot open");
  std::string line;
  int number = 0;
  bool header = true;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    if (header) {
      header = false;
      continue;
    }
    Status s = row(SplitTabs(line), number);
    if (!s.ok()) return s;
  }
  return Status::OK();
}

// The lists of fields[first .. first + kMentionKindCount) into *out.
Status ParseKinds(const std::vector<std::string>& fields, std::size_t first, const std::filesystem::path& path,
                  int number, ObjectivesByKind* out) {
  for (int k = 0; k < kMentionKindCount; ++k) {
    Status s = ParseObjectiveList(fields[first + k], &(*out)[k]);
    if (!s.ok()) return Status::Corruption(path.string() + ":" + std::to_string(number) + ": " + s.message());
  }
  return Status::OK();
}

}  // namespace

Status ReadLabelledRows(const std::filesystem::path& path, std::vector<LabelledRow>* rows) {
  return ForEachDataRow(path, [&](std::vector<std::string> f, int number) {
    if (f.size() < 6) {
      return Status::Corruption(path.string() + ":" + std::to_string(number) + ": expected 7 tab-separated fields");
    }
    LabelledRow row;
    row.id = f[0];
    row.language = f[1];
    Status s = ParseKinds(f, 2, path, number, &row.expected);
    if (!s.ok()) return s;
    row.text = Unescape(f[5]);
    row.note = f.size() > 6 ? f[6] : "";
    row.line = number;
    rows->push_back(std::move(row));
    return Status::OK();
  });
}

Status ReadLabelledDocuments(const std::filesystem::path& path, std::vector<LabelledDocument>* documents) {
  return ForEachDataRow(path, [&](std::vector<std::string> f, int number) {
    f.resize(std::max<std::size_t>(f.size(), 1 + kMentionKindCount));
    LabelledDocument doc;
    doc.name = f[0];
    doc.line = number;
    Status s = ParseKinds(f, 1, path, number, &doc.expected);
    if (!s.ok()) return s;
    documents->push_back(std::move(doc));
    return Status::OK();
  });
}

double Score::Precision() const {
  const int found = true_positives + false_positives;
  return found == 0 ? 1.0 : static_cast<double>(true_positives) / found;
}

double Score::Recall() const {
  const int expected = true_positives + false_negatives;
  return expected == 0 ? 1.0 : static_cast<double>(true_positives) / expected;
}

void Score::Add(const Score& other) {
  true_positives += other.true_positives;
  false_positives += other.false_positives;
  false_negatives += other.false_negatives;
}

ObjectivesByKind ObjectivesOf(const std::vector<ObjectiveMention>& mentions) {
  ObjectivesByKind out;
  for (const ObjectiveMention& m : mentions) out[static_cast<int>(m.kind)].push_back(m.objective);
  for (std::vector<int>& v : out) {
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
  }
  return out;
}

bool ScoreKinds(const ObjectivesByKind& expected, const ObjectivesByKind& found,
                std::array<Score, kMentionKindCount>* by_kind) {
  bool same = true;
  for (int k = 0; k < kMentionKindCount; ++k) {
    const int missed = static_cast<int>(Difference(expected[k], found[k]).size());
    const int extra = static_cast<int>(Difference(found[k], expected[k]).size());
    (*by_kind)[k].true_positives += static_cast<int>(expected[k].size()) - missed;
    (*by_kind)[k].false_negatives += missed;
    (*by_kind)[k].false_positives += extra;
    same = same && missed == 0 && extra == 0;
  }
  return same;
}

Evaluation EvaluateRows(const std::vector<LabelledRow>& rows) {
  Evaluation e;
  for (const LabelledRow& row : rows) {
    RowOutcome outcome;
    outcome.row = &row;
    outcome.mentions = TagText(row.text, row.language, 1);
    outcome.found = ObjectivesOf(outcome.mentions);
    outcome.correct = ScoreKinds(row.expected, outcome.found, &e.by_kind);
    if (!outcome.correct) e.failures.push_back(std::move(outcome));
  }
  for (const Score& s : e.by_kind) e.overall.Add(s);
  return e;
}

std::vector<Page> PagesFromText(std::string_view text) {
  std::vector<Page> pages;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t ff = text.find('\f', start);
    std::string_view part =
        text.substr(start, ff == std::string_view::npos ? std::string_view::npos : ff - start);
    Page p;
    p.number = static_cast<int>(pages.size()) + 1;
    p.text = std::string(part);
    pages.push_back(std::move(p));
    if (ff == std::string_view::npos) break;
    start = ff + 1;
  }
  while (pages.size() > 1 && pages.back().text.find_first_not_of(" \n\r\t") == std::string::npos) {
    pages.pop_back();
  }
  return pages;
}

}  // namespace gcm
