// text-agreement: how far a text agrees, word for word, with a reference.
// A measuring tool for the text-quality units (extraction, normalisation,
// OCR), not part of gcmsearch; tools/text-agreement builds and runs it.
//
//   text-agreement pdf FILE.pdf|DIR... [--sample N]
//       Our text of each PDF page (poppler::page::text(), then NormaliseText)
//       against `pdftotext` of the same page, raw and normalised alike.
//   text-agreement ocr SCANNED.pdf REFERENCE.pdf [--threads N] [--dpi D]
//       OcrPdfPages on every page of SCANNED (normalised) against the text
//       of REFERENCE, the text PDF it was rasterised from; with timings.
//   text-agreement text HYPOTHESIS.txt REFERENCE.txt
//
// Words are Tokenize() tokens compared folded (Fold: no case, no accents:
// what the index sees) and exact. Figures, summed over pages:
//   word accuracy  = words in the longest common subsequence / reference words
//                    (order matters; the usual OCR word accuracy up to how
//                    insertions are counted);
//   bag F1         = F1 of the word multisets (order does not matter, so it
//                    separates reading-order differences from word errors).
#include <poppler-document.h>
#include <poppler-page.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "extract/ocr.h"
#include "text/normaliser.h"
#include "text/text_fold.h"

namespace {

using Words = std::vector<std::string>;

Words WordsOf(std::string_view text, bool folded) {
  Words out;
  for (const gcm::Token& t : gcm::Tokenize(text)) {
    std::string_view w = text.substr(t.offset, t.length);
    out.push_back(folded ? gcm::Fold(w) : std::string(w));
  }
  return out;
}

std::size_t LcsLength(const Words& a, const Words& b) {
  std::vector<std::size_t> row(b.size() + 1, 0);
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = 0;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t up = row[j];
      row[j] = a[i - 1] == b[j - 1] ? diagonal + 1 : std::max(row[j], row[j - 1]);
      diagonal = up;
    }
  }
  return row[b.size()];
}

std::size_t BagOverlap(const Words& a, const Words& b) {
  std::map<std::string, long> counts;
  for (const std::string& w : b) ++counts[w];
  std::size_t common = 0;
  for (const std::string& w : a) {
    if (auto it = counts.find(w); it != counts.end() && it->second > 0) {
      --it->second;
      ++common;
    }
  }
  return common;
}

struct Tally {
  std::size_t ref = 0, hyp = 0, lcs = 0, bag = 0, pages = 0, identical_pages = 0;

  void Add(std::string_view hyp_text, std::string_view ref_text, bool folded) {
    Words h = WordsOf(hyp_text, folded);
    Words r = WordsOf(ref_text, folded);
    ref += r.size();
    hyp += h.size();
    lcs += LcsLength(h, r);
    bag += BagOverlap(h, r);
    ++pages;
    identical_pages += h == r;
  }

  std::string Report() const {
    double accuracy = ref ? 100.0 * lcs / ref : 100.0;
    double p = hyp ? static_cast<double>(bag) / hyp : 1.0;
    double r = ref ? static_cast<double>(bag) / ref : 1.0;
    double f1 = p + r > 0 ? 200.0 * p * r / (p + r) : 0.0;
    char buf[256];
    std::snprintf(buf, sizeof buf,
                  "word accuracy %6.2f%%  bag F1 %6.2f%%  (%zu ref words, %zu ours; "
                  "%zu/%zu pages identical)",
                  accuracy, f1, ref, hyp, identical_pages, pages);
    return buf;
  }
};

std::vector<std::string> PopplerPages(const std::string& path) {
  std::vector<std::string> pages;
  std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(path));
  if (!doc || doc->is_locked()) return pages;
  for (int i = 0; i < doc->pages(); ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    if (!page) {
      pages.emplace_back();
      continue;
    }
    poppler::byte_array utf8 = page->text().to_utf8();
    pages.emplace_back(utf8.begin(), utf8.end());
  }
  return pages;
}

std::string ShellQuote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// pdftotext's text, one string per page (it ends each page with "\f").
std::vector<std::string> PdftotextPages(const std::string& path) {
  std::string cmd = "pdftotext -q -enc UTF-8 " + ShellQuote(path) + " -";
  std::vector<std::string> pages;
  FILE* pipe = popen(cmd.c_str(), "r");
  if (pipe == nullptr) return pages;
  std::string all;
  char buf[65536];
  for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, pipe)) > 0;) all.append(buf, n);
  pclose(pipe);
  std::size_t start = 0;
  for (std::size_t ff; (ff = all.find('\f', start)) != std::string::npos; start = ff + 1) {
    pages.push_back(all.substr(start, ff - start));
  }
  if (start < all.size() && all.find_first_not_of(" \n", start) != std::string::npos) {
    pages.push_back(all.substr(start));
  }
  return pages;
}

// `text` without its lines of links and query strings, where OCR and text
// layers disagree on "_" and "&" rather than on words.
std::string WithoutLinkLines(std::string_view text) {
  std::string out;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    bool link = false;
    for (std::string_view mark : {"http", "://", "www.", "=", "_", "&"}) {
      link = link || line.find(mark) != std::string_view::npos;
    }
    if (!link) {
      out.append(line);
      out.push_back('\n');
    }
    start = end + 1;
  }
  return out;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

int Pdf(const std::vector<std::string>& args) {
  std::vector<std::string> files;
  std::size_t sample = 0;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--sample" && i + 1 < args.size()) {
      sample = std::stoul(args[++i]);
    } else if (std::filesystem::is_directory(args[i])) {
      std::vector<std::string> in_dir;
      for (const auto& e : std::filesystem::recursive_directory_iterator(args[i])) {
        if (e.is_regular_file() && e.path().extension() == ".pdf") in_dir.push_back(e.path());
      }
      std::sort(in_dir.begin(), in_dir.end());
      files.insert(files.end(), in_dir.begin(), in_dir.end());
    } else {
      files.push_back(args[i]);
    }
  }
  if (sample > 0 && sample < files.size()) {
    // Every k-th file: a fixed, reproducible subset.
    std::vector<std::string> picked;
    double step = static_cast<double>(files.size()) / sample;
    for (std::size_t i = 0; i < sample; ++i) picked.push_back(files[std::size_t(i * step)]);
    files = picked;
  }
  Tally raw_folded, raw_exact, norm_folded, norm_exact;
  std::size_t page_count_mismatch = 0, unreadable = 0;
  const bool verbose = files.size() <= 10;
  for (const std::string& file : files) {
    std::vector<std::string> ours = PopplerPages(file);
    std::vector<std::string> theirs = PdftotextPages(file);
    if (ours.empty()) {
      ++unreadable;
      continue;
    }
    if (ours.size() != theirs.size()) ++page_count_mismatch;
    Tally file_tally;
    for (std::size_t p = 0; p < std::min(ours.size(), theirs.size()); ++p) {
      const std::string our_text = gcm::NormaliseText(ours[p]);
      const std::string their_norm = gcm::NormaliseText(theirs[p]);
      raw_folded.Add(our_text, theirs[p], true);
      raw_exact.Add(our_text, theirs[p], false);
      norm_folded.Add(our_text, their_norm, true);
      norm_exact.Add(our_text, their_norm, false);
      file_tally.Add(our_text, theirs[p], true);
    }
    if (verbose) std::printf("%s\n  vs pdftotext, folded:  %s\n", file.c_str(),
                             file_tally.Report().c_str());
  }
  std::printf("%zu PDFs (%zu unreadable, %zu with a different page count)\n", files.size(),
              unreadable, page_count_mismatch);
  std::printf("ours vs raw pdftotext,        folded: %s\n", raw_folded.Report().c_str());
  std::printf("ours vs raw pdftotext,        exact:  %s\n", raw_exact.Report().c_str());
  std::printf("ours vs normalised pdftotext, folded: %s\n", norm_folded.Report().c_str());
  std::printf("ours vs normalised pdftotext, exact:  %s\n", norm_exact.Report().c_str());
  return 0;
}

int Ocr(const std::vector<std::string>& args) {
  if (args.size() < 2) return 2;
  gcm::OcrOptions options;
  for (std::size_t i = 2; i + 1 < args.size(); i += 2) {
    if (args[i] == "--threads") options.threads = std::stoi(args[i + 1]);
    if (args[i] == "--dpi") options.dpi = std::stoi(args[i + 1]);
  }
  std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(args[0]));
  if (!doc) {
    std::fprintf(stderr, "%s: cannot open\n", args[0].c_str());
    return 1;
  }
  std::vector<int> indices;
  for (int i = 0; i < doc->pages(); ++i) indices.push_back(i);
  std::vector<std::string> texts;
  auto start = std::chrono::steady_clock::now();
  const std::clock_t cpu_start = std::clock();
  gcm::Status s = gcm::OcrPdfPages(args[0], indices, options, &texts);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  double cpu_seconds = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
  if (!s.ok()) {
    std::fprintf(stderr, "%s\n", s.ToString().c_str());
    return 1;
  }
  std::vector<std::string> ref = PopplerPages(args[1]);
  Tally folded, exact, prose;
  for (std::size_t p = 0; p < texts.size() && p < ref.size(); ++p) {
    std::string ours = gcm::NormaliseText(texts[p]);
    std::string theirs = gcm::NormaliseText(ref[p]);
    folded.Add(ours, theirs, true);
    exact.Add(ours, theirs, false);
    prose.Add(WithoutLinkLines(ours), WithoutLinkLines(theirs), true);
  }
  std::printf("OCR of %zu pages at %d dpi with %d thread(s): %.1f s wall (%.1f s per page), "
              "%.1f s CPU (%.1f s per page)\n",
              texts.size(), options.dpi, options.threads, seconds, seconds / texts.size(),
              cpu_seconds, cpu_seconds / texts.size());
  std::printf("OCR vs text PDF, folded:            %s\n", folded.Report().c_str());
  std::printf("OCR vs text PDF, exact:             %s\n", exact.Report().c_str());
  std::printf("OCR vs text PDF, folded, no links:  %s\n", prose.Report().c_str());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) {
    std::fprintf(stderr,
                 "usage: text-agreement pdf FILE.pdf|DIR... [--sample N]\n"
                 "       text-agreement ocr SCANNED.pdf REFERENCE.pdf [--threads N] [--dpi D]\n"
                 "       text-agreement text HYPOTHESIS.txt REFERENCE.txt\n");
    return 2;
  }
  std::string mode = args[0];
  args.erase(args.begin());
  if (mode == "pdf") return Pdf(args);
  if (mode == "ocr") return Ocr(args);
  if (mode == "text" && args.size() == 2) {
    Tally folded, exact;
    std::string hyp = gcm::NormaliseText(ReadFile(args[0]));
    std::string ref = ReadFile(args[1]);
    folded.Add(hyp, ref, true);
    exact.Add(hyp, ref, false);
    std::printf("folded: %s\nexact:  %s\n", folded.Report().c_str(), exact.Report().c_str());
    return 0;
  }
  std::fprintf(stderr, "text-agreement: unknown mode or arguments\n");
  return 2;
}
