// Parses the compiled-in copy of data/gcm-objectives.tsv once.
#include "core/objectives.h"

#include <sstream>
#include <stdexcept>

namespace gcm {

// Defined in the file CMake generates from data/gcm-objectives.tsv.
extern const char* const kObjectivesTsv;

namespace {

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> out;
  std::string field;
  std::istringstream in(line);
  while (std::getline(in, field, '\t')) out.push_back(field);
  return out;
}

// "13 - Detention" -> "Detention".
std::string StripNumber(const std::string& label) {
  std::size_t dash = label.find(" - ");
  return dash == std::string::npos ? label : label.substr(dash + 3);
}

std::vector<Objective> Parse() {
  std::vector<Objective> out;
  std::istringstream in(kObjectivesTsv);
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    std::vector<std::string> f = SplitTabs(line);
    if (f.size() < 6) throw std::runtime_error("gcm-objectives.tsv: short row: " + line);
    Objective o;
    o.number = std::stoi(f[0]);
    o.hub_id = std::stoi(f[1]);
    o.title_en = f[2];
    o.title_es = f[3];
    o.short_en = StripNumber(f[4]);
    o.short_es = StripNumber(f[5]);
    out.push_back(std::move(o));
  }
  if (out.size() != kObjectiveCount) throw std::runtime_error("gcm-objectives.tsv: expected 23 rows");
  return out;
}

}  // namespace

const std::vector<Objective>& Objectives() {
  static const std::vector<Objective> table = Parse();
  return table;
}

const Objective* FindObjective(int n) {
  if (n < 1 || n > kObjectiveCount) return nullptr;
  return &Objectives()[n - 1];
}

}  // namespace gcm
