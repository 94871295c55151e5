// Recall of the query set and precision/recall of version pairing.
#include "eval/xlang_evaluation.h"

#include <fstream>
#include <sstream>

namespace gcm {
namespace {

std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string field;
  std::istringstream in(s);
  while (std::getline(in, field, sep)) {
    if (sep != ' ' || !field.empty()) out.push_back(field);
  }
  return out;
}

// Calls row(fields) for each non-comment line; false from row = malformed.
template <typename Row>
Status ReadRows(const std::string& path, Row row) {
  std::ifstream in(path);
  if (!in) return Status::IOError(path + ": cannot read the file");
  std::string line;
  int line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    if (!row(Split(line, '\t'))) {
      return Status::Corruption(path + ":" + std::to_string(line_no) + ": malformed row");
    }
  }
  return Status::OK();
}

}  // namespace

bool PathMatches(const std::string& path, const std::string& name) {
  if (path.size() < name.size() || path.compare(path.size() - name.size(), name.size(), name) != 0) {
    return false;
  }
  return path.size() == name.size() || path[path.size() - name.size() - 1] == '/';
}

Status LoadXlangQueries(const std::string& path, std::vector<XlangQuery>* out) {
  out->clear();
  return ReadRows(path, [&](const std::vector<std::string>& f) {
    if (f.size() < 4 || (f[1] != "en-es" && f[1] != "es-en")) return false;
    out->push_back(XlangQuery{f[0], f[1], f[2], Split(f[3], ' ')});
    return !out->back().must_find.empty();
  });
}

Status LoadPairLabels(const std::string& path, std::vector<PairLabel>* out) {
  out->clear();
  return ReadRows(path, [&](const std::vector<std::string>& f) {
    if (f.size() < 2) return false;
    out->push_back(PairLabel{f[0], f[1]});
    return true;
  });
}

double RecallReport::Recall(const std::string& direction, bool translated) const {
  std::size_t expected = Expected(direction);
  return expected == 0 ? 0 : static_cast<double>(Found(direction, translated)) / static_cast<double>(expected);
}

std::size_t RecallReport::Expected(const std::string& direction) const {
  std::size_t n = 0;
  for (const QueryOutcome& o : outcomes) {
    if (direction.empty() || o.query->direction == direction) n += o.query->must_find.size();
  }
  return n;
}

std::size_t RecallReport::Found(const std::string& direction, bool translated) const {
  std::size_t n = 0;
  for (const QueryOutcome& o : outcomes) {
    if (direction.empty() || o.query->direction == direction) {
      n += translated ? o.found_translated : o.found_plain;
    }
  }
  return n;
}

Status MeasureRecall(Searcher& searcher, const std::vector<XlangQuery>& queries, std::size_t k,
                     RecallReport* report) {
  *report = RecallReport();
  report->k = k;
  for (const XlangQuery& q : queries) {
    QueryOutcome outcome;
    outcome.query = &q;
    for (bool translate : {true, false}) {
      SearchRequest request;
      request.query = q.query;
      request.limit = static_cast<int>(k);
      request.facets = false;
      request.translate = translate;
      SearchResponse response;
      Status s = searcher.Search(request, &response);
      if (!s.ok()) return Status::InvalidArgument("query " + q.id + ": " + s.message());
      std::size_t found = 0;
      for (const std::string& name : q.must_find) {
        for (const SearchHit& hit : response.hits) {
          if (PathMatches(hit.doc.path, name)) {
            ++found;
            break;
          }
        }
      }
      (translate ? outcome.found_translated : outcome.found_plain) = found;
    }
    report->outcomes.push_back(outcome);
  }
  return Status::OK();
}

double PairingReport::Precision() const {
  std::size_t made = true_links + wrong_links;
  return made == 0 ? 1.0 : static_cast<double>(true_links) / static_cast<double>(made);
}

double PairingReport::Recall() const {
  std::size_t all = true_links + missed_links;
  return all == 0 ? 1.0 : static_cast<double>(true_links) / static_cast<double>(all);
}

PairingReport MeasurePairing(const std::vector<PairingFeatures>& features,
                             const std::vector<VersionPair>& pairs,
                             const std::vector<PairLabel>& labels) {
  PairingReport report;
  std::vector<bool> label_found(labels.size(), false);
  for (const VersionPair& p : pairs) {
    const std::string& en = features[p.en].path;
    const std::string& es = features[p.es].path;
    bool right = false;
    for (std::size_t i = 0; i < labels.size(); ++i) {
      if (PathMatches(en, labels[i].en) && PathMatches(es, labels[i].es)) {
        right = true;
        label_found[i] = true;
      }
    }
    if (right) {
      ++report.true_links;
    } else {
      ++report.wrong_links;
      report.wrong.push_back(en + " <-> " + es + " (" + std::to_string(p.score) + ")");
    }
  }
  for (std::size_t i = 0; i < labels.size(); ++i) {
    // A label whose documents are not in the collection cannot be missed.
    bool present_en = false, present_es = false;
    for (const PairingFeatures& f : features) {
      present_en = present_en || PathMatches(f.path, labels[i].en);
      present_es = present_es || PathMatches(f.path, labels[i].es);
    }
    if (label_found[i] || !present_en || !present_es) continue;
    ++report.missed_links;
    report.missed.push_back(labels[i].en + " <-> " + labels[i].es);
  }
  return report;
}

}  // namespace gcm
