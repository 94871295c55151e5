// The commands behind gcmsearch's subcommands: call the library, print text
// for people or JSON for scripts. Errors go to stderr as one line each.
#include "cli/commands.h"

#include "cli/arguments.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <iterator>
#include <sstream>

#include "pair/pairing.h"  // TranslationPairs for `translations`
#include "search/citation_matrix.h"
#include "search/json_output.h"

namespace gcm {

void Error(const std::string& message) { std::cerr << "gcmsearch: " << message << "\n"; }

int Fail(const Status& s) {
  Error(s.message());
  return kExitError;
}

std::string JoinInts(const std::vector<int>& v, const char* sep) {
  std::string out;
  for (int n : v) out += (out.empty() ? "" : sep) + std::to_string(n);
  return out;
}

std::string OneLine(std::string s, std::size_t max) {
  for (char& c : s) {
    if (c == '\n' || c == '\t' || c == '\r') c = ' ';
  }
  if (s.size() > max) {
    std::size_t cut = s.rfind(' ', max);
    s = s.substr(0, cut == std::string::npos ? max : cut) + " …";
  }
  return s;
}

namespace {



bool OpenSearcher(const CommonOptions& common, std::unique_ptr<Searcher>* searcher) {
  Status s = Searcher::Open(common.index_dir, searcher);
  if (!s.ok()) Error(s.message());
  return s.ok();
}

// "<mark>x</mark> &amp;" -> terminal text, marks as bold on a terminal and
// as [x] elsewhere.
std::string RenderSnippet(const std::string& html, bool tty) {
  std::string out;
  for (std::size_t i = 0; i < html.size();) {
    auto starts = [&](const char* s) { return html.compare(i, std::strlen(s), s) == 0; };
    if (starts("<mark>")) {
      out += tty ? "\x1b[1m" : "[";
      i += 6;
    } else if (starts("</mark>")) {
      out += tty ? "\x1b[0m" : "]";
      i += 7;
    } else if (starts("&lt;")) {
      out += '<';
      i += 4;
    } else if (starts("&gt;")) {
      out += '>';
      i += 4;
    } else if (starts("&amp;")) {
      out += '&';
      i += 5;
    } else if (starts("&quot;")) {
      out += '"';
      i += 6;
    } else {
      out += html[i++];
    }
  }
  return out;
}



void PrintDocumentLine(const Document& doc) {
  std::cout << "    " << doc.path << "  [" << doc.language << ", " << doc.format
            << (doc.date.empty() ? "" : ", " + doc.date) << ", " << doc.pages.size()
            << (doc.pages.size() == 1 ? " page" : " pages") << "]\n";
}

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}


}  // namespace

int RunFullProgram(char** argv) {
  std::error_code ec;
  std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) self = argv[0];
  const std::filesystem::path full = self.parent_path() / "gcmsearch-full";
  ::execv(full.c_str(), argv);
  Error("cannot run " + full.string() + ": " + std::strerror(errno) +
        " (ingest, tag and serve run in gcmsearch-full, built beside gcmsearch)");
  return kExitError;
}

std::string DefaultIndexDir() {
  const char* env = std::getenv("GCMSEARCH_INDEX");
  return env && *env ? env : "index";
}


int RunSearch(const CommonOptions& common, SearchRequest request) {
  std::unique_ptr<Searcher> searcher;
  if (!OpenSearcher(common, &searcher)) return kExitError;
  SearchResponse response;
  Status s = searcher->Search(request, &response);
  if (!s.ok()) return Fail(s);
  if (common.json) {
    std::cout << Dump(SearchJson(response)) << "\n";
    return kExitOk;
  }
  bool tty = isatty(STDOUT_FILENO);
  if (response.hits.empty()) {
    std::cout << "No documents match.\n";
    return kExitOk;
  }
  std::cout << "About " << response.total << (response.total == 1 ? " document" : " documents")
            << " match; showing " << request.offset + 1 << "-"
            << request.offset + static_cast<int>(response.hits.size()) << ".\n\n";
  int rank = request.offset;
  for (const SearchHit& hit : response.hits) {
    std::cout << ++rank << ". " << (hit.doc.title.empty() ? hit.doc.path : OneLine(hit.doc.title, 120))
              << "  (" << static_cast<int>(hit.score * 100) << "%"
              << (hit.via_translation ? ", via translation" : "") << ")\n";
    PrintDocumentLine(hit.doc);
    if (!hit.pages.empty() && hit.doc.pages.size() > 1) {
      std::vector<int> ocr;
      for (int n : hit.pages) {
        for (const Page& p : hit.doc.pages) {
          if (p.number == n && p.from_ocr) ocr.push_back(n);
        }
      }
      std::cout << "    pages " << JoinInts(hit.pages)
                << (ocr.empty() ? "" : "  (read by OCR: " + JoinInts(ocr) + ")") << "\n";
    }
    std::vector<int> objectives = hit.doc.CitedObjectives();
    if (!objectives.empty()) std::cout << "    objectives " << JoinInts(objectives) << "\n";
    for (const Translation& t : hit.doc.translations) {
      std::cout << "    " << t.language << " version: " << t.path << "\n";
    }
    if (!hit.snippet.empty()) {
      std::cout << "    " << (hit.snippet_page > 0 && hit.doc.pages.size() > 1
                                  ? "p. " + std::to_string(hit.snippet_page) + ": "
                                  : "")
                << RenderSnippet(hit.snippet, tty) << "\n";
    }
    std::cout << "\n";
  }
  return kExitOk;
}

int RunShow(const CommonOptions& common, const std::string& id) {
  std::unique_ptr<Searcher> searcher;
  if (!OpenSearcher(common, &searcher)) return kExitError;
  Document doc;
  Status s = searcher->Show(id, &doc);
  if (!s.ok()) return Fail(s);
  if (common.json) {
    std::cout << Dump(DocumentDetailJson(doc)) << "\n";
    return kExitOk;
  }
  std::cout << "id:           " << doc.id << "\n"
            << "path:         " << doc.path << "\n"
            << "title:        " << OneLine(doc.title) << "\n"
            << "language:     " << doc.language << "\n"
            << "format:       " << doc.format << "\n"
            << "date:         " << (doc.date.empty() ? "-" : doc.date) << "\n";
  if (!doc.author.empty()) std::cout << "author:       " << doc.author << "\n";
  std::vector<int> ocr;
  for (const Page& p : doc.pages) {
    if (p.from_ocr) ocr.push_back(p.number);
  }
  std::cout << "pages:        " << doc.pages.size()
            << (ocr.empty() ? "" : " (read by OCR: " + JoinInts(ocr) + ")") << "\n";
  std::cout << "objectives:   " << (doc.CitedObjectives().empty() ? "-" : JoinInts(doc.CitedObjectives()))
            << "\n";
  std::cout << "translations: ";
  if (doc.translations.empty()) std::cout << "-";
  for (const Translation& t : doc.translations) {
    std::cout << t.language << " " << t.path << " (score " << t.score << ") ";
  }
  std::cout << "\n";
  for (const std::string& w : doc.warnings) std::cout << "warning:      " << w << "\n";
  if (!doc.mentions.empty()) {
    std::cout << "\ncitations:\n";
    for (const ObjectiveMention& m : doc.mentions) {
      std::cout << "  objective " << m.objective << " (" << MentionKindName(m.kind) << ", p. " << m.page
                << "): " << OneLine(m.text) << "\n";
    }
  }
  return kExitOk;
}

int RunObjective(const CommonOptions& common, int n) {
  std::unique_ptr<Searcher> searcher;
  if (!OpenSearcher(common, &searcher)) return kExitError;
  std::vector<Citation> citations;
  Status s = searcher->DocumentsCiting(n, &citations);
  if (!s.ok()) return Fail(s);
  if (common.json) {
    std::cout << Dump(ObjectiveJson(n, citations)) << "\n";
    return kExitOk;
  }
  const Objective* o = FindObjective(n);
  std::cout << "Objective " << n << ": " << o->title_en << "\n"
            << "Objetivo " << n << ": " << o->title_es << "\n\n";
  if (citations.empty()) {
    std::cout << "No document in the index cites it.\n";
    return kExitOk;
  }
  std::cout << citations.size() << (citations.size() == 1 ? " document cites" : " documents cite")
            << " it:\n\n";
  for (const Citation& c : citations) {
    std::cout << (c.doc.title.empty() ? c.doc.path : OneLine(c.doc.title, 120)) << "\n";
    PrintDocumentLine(c.doc);
    for (const ObjectiveMention& m : c.mentions) {
      std::cout << "    p. " << m.page << " (" << MentionKindName(m.kind) << "): " << OneLine(m.text)
                << "\n";
    }
    std::cout << "\n";
  }
  return kExitOk;
}

int RunObjectives(const CommonOptions& common) {
  std::unique_ptr<Searcher> searcher;
  if (!OpenSearcher(common, &searcher)) return kExitError;
  std::array<std::uint64_t, kObjectiveCount + 1> counts;
  Status s = searcher->ObjectiveCounts(&counts);
  if (!s.ok()) return Fail(s);
  if (common.json) {
    std::cout << Dump(ObjectivesJson(counts)) << "\n";
    return kExitOk;
  }
  for (const Objective& o : Objectives()) {
    std::printf("%2d  %4llu  %s / %s\n", o.number,
                static_cast<unsigned long long>(counts[static_cast<std::size_t>(o.number)]),
                o.short_en.c_str(), o.short_es.c_str());
  }
  return kExitOk;
}


int RunTranslations(const CommonOptions& common) {
  std::unique_ptr<Searcher> searcher;
  if (!OpenSearcher(common, &searcher)) return kExitError;
  std::vector<Document> docs;
  Status s = searcher->AllDocuments(&docs);
  if (!s.ok()) return Fail(s);
  nlohmann::json pairs = nlohmann::json::array();
  for (const Document& d : docs) {
    if (d.language != "en") continue;
    for (const Translation& t : d.translations) {
      if (t.language != "es") continue;
      for (const Document& other : docs) {
        if (other.id != t.id) continue;
        pairs.push_back({{"en", DocumentJson(d)}, {"es", DocumentJson(other)}, {"score", t.score}});
      }
    }
  }
  if (common.json) {
    std::cout << Dump({{"pairs", pairs}}) << "\n";
    return kExitOk;
  }
  if (pairs.empty()) std::cout << "No English/Spanish version pairs found.\n";
  for (const auto& p : pairs) {
    std::cout << p["en"]["path"].get<std::string>() << "  <->  " << p["es"]["path"].get<std::string>()
              << "  (" << p["score"].get<double>() << ")\n";
  }
  return kExitOk;
}

int RunExport(const CommonOptions& common, const std::string& format) {
  std::unique_ptr<Searcher> searcher;
  if (!OpenSearcher(common, &searcher)) return kExitError;
  std::vector<Document> docs;
  Status s = searcher->AllDocuments(&docs);
  if (!s.ok()) return Fail(s);
  if (format == "csv") {
    std::cout << "id,path,title,lang,format,date,objectives";
    for (int n = 1; n <= kObjectiveCount; ++n) std::cout << ",objective_" << n;
    std::cout << ",linked_objectives\n";
  }
  for (const Document& d : docs) {
    const CitationRow row = CountCitations(d);
    const auto& cites = row.cites;
    const std::vector<int>& linked = row.linked;
    if (format == "csv") {
      std::cout << CsvField(d.id) << "," << CsvField(d.path) << "," << CsvField(OneLine(d.title, 1000))
                << "," << d.language << "," << d.format << "," << d.date << ","
                << CsvField(JoinInts(d.CitedObjectives(), " "));
      for (int n = 1; n <= kObjectiveCount; ++n) std::cout << "," << cites[static_cast<std::size_t>(n)];
      std::cout << "," << CsvField(JoinInts(linked, " ")) << "\n";
    } else {
      nlohmann::json j = DocumentJson(d);
      nlohmann::json counts = nlohmann::json::object();
      for (int n = 1; n <= kObjectiveCount; ++n) {
        if (cites[static_cast<std::size_t>(n)]) counts[std::to_string(n)] = cites[static_cast<std::size_t>(n)];
      }
      j["citations"] = counts;
      j["linked_objectives"] = linked;
      std::cout << Dump(j) << "\n";
    }
  }
  return kExitOk;
}


int RunReadingCommand(const ParsedCommand& p) {
  switch (p.command) {
    case Command::kSearch: return RunSearch(p.common, p.search);
    case Command::kShow: return RunShow(p.common, p.doc);
    case Command::kObjective: return RunObjective(p.common, p.objective);
    case Command::kObjectives: return RunObjectives(p.common);
    case Command::kTranslations: return RunTranslations(p.common);
    case Command::kExport: return RunExport(p.common, p.export_format);
    default: break;
  }
  Error("this command runs in gcmsearch-full");
  return kExitError;
}

}  // namespace gcm
