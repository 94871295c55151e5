// Markdown and plain-text extraction: decode to UTF-8, split pages at form
// feeds, take the title from the first heading (Markdown) or first line.
#include <fstream>

#include "extract/encoding.h"
#include "extract/formats.h"

namespace gcm {
namespace {

std::string Trim(std::string_view s) {
  std::size_t b = s.find_first_not_of(" \t\r\n#*_");
  if (b == std::string_view::npos) return {};
  std::size_t e = s.find_last_not_of(" \t\r\n#*_");
  return std::string(s.substr(b, e - b + 1));
}

// The first Markdown heading ("# Title" or a line underlined with ===), or
// else the first non-empty line, cut to a sensible length.
std::string TitleOf(std::string_view text, bool markdown) {
  std::string first_line;
  std::size_t pos = 0;
  std::string previous;
  for (int lines = 0; pos < text.size() && lines < 200; ++lines) {
    std::size_t nl = text.find('\n', pos);
    std::string_view line = text.substr(pos, nl == std::string_view::npos ? text.npos : nl - pos);
    pos = nl == std::string_view::npos ? text.size() : nl + 1;
    if (markdown && line.rfind("# ", 0) == 0) return Trim(line);
    if (markdown && line.rfind("===", 0) == 0 && !previous.empty()) return previous;
    std::string t = Trim(line);
    if (first_line.empty() && !t.empty()) first_line = t;
    previous = t;
    if (!markdown && !first_line.empty()) break;
  }
  if (first_line.size() > 200) {
    std::size_t cut = first_line.rfind(' ', 200);
    first_line = first_line.substr(0, cut == std::string::npos ? 200 : cut) + "…";
  }
  return first_line;
}

}  // namespace

Status ExtractText(const std::filesystem::path& file, const ExtractOptions& options,
                   Document* doc) {
  std::string bytes;
  Status read = ReadBoundedText(file, options, doc, &bytes);
  if (!read.ok()) return read;
  std::string encoding = DetectEncoding(bytes);
  std::string text = ToUtf8(bytes, encoding);
  bytes.clear();
  bytes.shrink_to_fit();
  if (encoding != "UTF-8" && encoding != "UTF-16LE" && encoding != "UTF-16BE") {
    doc->warnings.push_back("not UTF-8; read as " + encoding);
  }

  doc->title = TitleOf(text, doc->format == "md");
  std::size_t start = 0;
  int number = 1;
  while (true) {
    std::size_t ff = text.find('\f', start);
    Page page;
    page.number = number++;
    page.text = text.substr(start, ff == std::string::npos ? std::string::npos : ff - start);
    doc->pages.push_back(std::move(page));
    if (ff == std::string::npos) break;
    start = ff + 1;
  }
  // A trailing form feed makes no empty last page.
  if (doc->pages.size() > 1 && doc->pages.back().text.find_first_not_of(" \t\r\n") == std::string::npos) {
    doc->pages.pop_back();
  }
  return Status::OK();
}

}  // namespace gcm
