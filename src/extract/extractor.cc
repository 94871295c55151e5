// Extract(): sniff the format, fill in the file's identity, hand over to the
// format's extractor.
#include "extract/extractor.h"

#include <sys/stat.h>

#include <algorithm>
#include <cstdio>
#include <fstream>

#include "extract/formats.h"

namespace gcm {
namespace {

bool LooksLikeHtml(std::string_view head) {
  std::string lower = AsciiLower(std::string(head.substr(0, 2048)));
  for (const char* marker : {"<!doctype html", "<html", "<head", "<body", "<title", "<meta "}) {
    if (lower.find(marker) != std::string::npos) return true;
  }
  return false;
}

bool LooksLikeText(std::string_view head) {
  // UTF-16 with a BOM is text even though it is full of NUL bytes.
  if (head.size() >= 2 && (head.substr(0, 2) == "\xFF\xFE" || head.substr(0, 2) == "\xFE\xFF")) {
    return true;
  }
  // Compressed or binary data (a PDF whose header is damaged, an image) is
  // full of control characters, NUL among them; text has next to none
  // besides tabs, line and page breaks. A stray one (a flipped bit) does not
  // make a text binary.
  std::size_t control = 0;
  for (unsigned char c : head) {
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1B) {
      ++control;
    }
  }
  return control * 50 <= head.size();  // at most 2%
}

// A title for a document whose metadata has none: its first line of text
// with some letters in it, cut at a word near 150 bytes.
std::string FirstLine(const Document& doc) {
  for (const Page& page : doc.pages) {
    std::size_t pos = 0;
    while (pos < page.text.size()) {
      std::size_t nl = page.text.find('\n', pos);
      std::string line = page.text.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
      pos = nl == std::string::npos ? page.text.size() : nl + 1;
      int letters = 0;
      for (unsigned char c : line) letters += std::isalpha(c) || c >= 0xC0;
      if (letters < 8) continue;
      std::size_t b = line.find_first_not_of(" \t\r");
      line = line.substr(b);
      while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.pop_back();
      if (line.size() > 150) {
        std::size_t cut = line.rfind(' ', 150);
        line = line.substr(0, cut == std::string::npos ? 150 : cut) + " …";
      }
      return line;
    }
  }
  return {};
}

}  // namespace

std::string AsciiLower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

Status ReadBoundedText(const std::filesystem::path& file, const ExtractOptions& options,
                       Document* doc, std::string* bytes) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return Status::IOError(doc->path + ": cannot open the file");
  bytes->resize(std::min<std::uint64_t>(doc->file_size, options.max_text_bytes));
  in.read(bytes->data(), static_cast<std::streamsize>(bytes->size()));
  bytes->resize(static_cast<std::size_t>(in.gcount()));
  if (doc->file_size > options.max_text_bytes) {
    doc->warnings.push_back("only the first " + std::to_string(options.max_text_bytes >> 20) +
                            " MiB were read");
  }
  return Status::OK();
}

std::string SniffFormat(const std::filesystem::path& file, std::string_view head) {
  if (head.substr(0, std::min<std::size_t>(head.size(), 1024)).find("%PDF-") !=
      std::string_view::npos) {
    return "pdf";
  }
  std::string ext = AsciiLower(file.extension().string());
  if (!LooksLikeText(head)) return "";
  if (ext == ".md" || ext == ".markdown") return "md";
  if (LooksLikeHtml(head)) return "html";
  if (ext == ".html" || ext == ".htm" || ext == ".xhtml") return "html";
  return "txt";
}

Status Extract(const std::filesystem::path& file, const std::string& as_given,
               const ExtractOptions& options, Document* doc) {
  *doc = Document();
  doc->path = as_given;
  doc->canonical_path = CanonicalPath(file);
  doc->id = DocumentIdFor(file);
  struct stat st;
  if (::stat(file.c_str(), &st) != 0) {
    return Status::IOError(as_given + ": cannot read the file");
  }
  if (!S_ISREG(st.st_mode)) return Status::Unsupported(as_given + ": not a regular file");
  doc->file_size = static_cast<std::uint64_t>(st.st_size);
  doc->file_mtime = static_cast<std::int64_t>(st.st_mtime);

  std::string head(4096, '\0');
  {
    std::ifstream in(file, std::ios::binary);
    if (!in) return Status::IOError(as_given + ": cannot open the file");
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
  }
  if (head.empty()) return Status::Corruption(as_given + ": the file is empty");
  doc->format = SniffFormat(file, head);
  Status s;
  if (doc->format == "pdf") {
    s = ExtractPdf(file, options, doc);
  } else if (doc->format == "html") {
    s = ExtractHtml(file, options, doc);
  } else if (doc->format == "md" || doc->format == "txt") {
    s = ExtractText(file, options, doc);
  } else {
    return Status::Unsupported(as_given + ": not PDF, HTML, Markdown or text (binary content)");
  }
  if (!s.ok()) return s;
  if (doc->pages.empty()) doc->pages.push_back(Page{});
  if (doc->title.empty()) doc->title = FirstLine(*doc);
  return Status::OK();
}

}  // namespace gcm
