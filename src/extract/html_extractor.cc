// HTML extraction with libxml2's forgiving HTML parser: the visible text
// with block structure kept as line breaks, the <title>, <html lang>, a
// publication date from common <meta> names, and link targets.
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <iterator>
#include <memory>
#include <sstream>
#include <vector>

#include "extract/encoding.h"
#include "extract/formats.h"

namespace gcm {
namespace {

bool NameIs(const xmlNode* node, const char* name) {
  return node->name && xmlStrcasecmp(node->name, reinterpret_cast<const xmlChar*>(name)) == 0;
}

std::string Attr(const xmlNode* node, const char* name) {
  xmlChar* v = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
  if (!v) return {};
  std::string s(reinterpret_cast<const char*>(v));
  xmlFree(v);
  return s;
}

bool IsHidden(const xmlNode* node) {
  static const char* const kHidden[] = {"script", "style", "noscript", "template", "head",
                                        "iframe", "object", "svg", "canvas", "select"};
  for (const char* name : kHidden) {
    if (NameIs(node, name)) return true;
  }
  return !Attr(node, "hidden").empty() || xmlHasProp(node, BAD_CAST "hidden") != nullptr;
}

bool IsBlock(const xmlNode* node) {
  static const char* const kBlocks[] = {
      "p",      "div",    "br",     "li",   "ul",   "ol",    "h1",         "h2",
      "h3",     "h4",     "h5",     "h6",   "tr",   "table", "section",    "article",
      "header", "footer", "nav",    "main", "aside", "blockquote", "pre", "dd",
      "dt",     "dl",     "hr",     "figure", "figcaption", "form", "address", "td", "th"};
  for (const char* name : kBlocks) {
    if (NameIs(node, name)) return true;
  }
  return false;
}

// Appends a text node's content with runs of white space collapsed.
void AppendCollapsed(const char* text, std::string* out) {
  for (const char* p = text; *p; ++p) {
    char c = *p;
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
      if (!out->empty() && out->back() != ' ' && out->back() != '\n') out->push_back(' ');
    } else {
      out->push_back(c);
    }
  }
}

void NewLine(std::string* out) {
  while (!out->empty() && out->back() == ' ') out->pop_back();
  if (!out->empty() && out->back() != '\n') out->push_back('\n');
}

// The charset the document declares in its first bytes, or empty.
std::string DeclaredCharset(std::string_view bytes) {
  std::string head = AsciiLower(std::string(bytes.substr(0, 4096)));
  std::size_t at = head.find("charset=");
  if (at == std::string::npos) {
    at = head.find("encoding=");  // <?xml version="1.0" encoding="...">
    if (at == std::string::npos) return {};
    at += 9;
  } else {
    at += 8;
  }
  while (at < head.size() && (head[at] == '"' || head[at] == '\'' || head[at] == ' ')) ++at;
  std::size_t end = at;
  while (end < head.size() && (std::isalnum(static_cast<unsigned char>(head[end])) ||
                               head[end] == '-' || head[end] == '_' || head[end] == ':')) {
    ++end;
  }
  return head.substr(at, end - at);
}

std::string Collapse(const std::string& s) {
  std::string out;
  AppendCollapsed(s.c_str(), &out);
  while (!out.empty() && (out.back() == ' ' || out.back() == '\n')) out.pop_back();
  std::size_t b = out.find_first_not_of(" \n");
  return b == std::string::npos ? std::string() : out.substr(b);
}

std::string NodeText(const xmlNode* node) {
  xmlChar* c = xmlNodeGetContent(node);
  if (!c) return {};
  std::string s = Collapse(reinterpret_cast<const char*>(c));
  xmlFree(c);
  return s;
}

// A date "YYYY-MM-DD" (or "YYYY") at the start of `value`, or empty.
std::string LeadingDate(const std::string& value) {
  auto digits = [&](std::size_t from, std::size_t count) {
    if (value.size() < from + count) return false;
    for (std::size_t i = from; i < from + count; ++i) {
      if (!std::isdigit(static_cast<unsigned char>(value[i]))) return false;
    }
    return true;
  };
  if (digits(0, 4) && value.size() >= 10 && value[4] == '-' && digits(5, 2) && value[7] == '-' &&
      digits(8, 2)) {
    return value.substr(0, 10);
  }
  if (digits(0, 4) && (value.size() == 4 || !std::isdigit(static_cast<unsigned char>(value[4])))) {
    return value.substr(0, 4);
  }
  return {};
}

struct Walker {
  Document* doc;
  std::string text;
  std::string first_heading;

  void ReadHead(const xmlNode* node) {
    if (NameIs(node, "title") && doc->title.empty()) doc->title = NodeText(node);
    if (NameIs(node, "meta") && doc->date.empty()) {
      std::string name = AsciiLower(Attr(node, "name") + Attr(node, "property") + Attr(node, "itemprop"));
      static const char* const kDateNames[] = {"date", "dc.date", "dcterms.date", "dcterms.created",
                                               "article:published_time", "og:published_time",
                                               "citation_publication_date", "citation_date",
                                               "pubdate", "datepublished"};
      for (const char* n : kDateNames) {
        if (name == n) doc->date = LeadingDate(Attr(node, "content"));
      }
    }
    if (NameIs(node, "meta") && doc->author.empty() && AsciiLower(Attr(node, "name")) == "author") {
      doc->author = Collapse(Attr(node, "content"));
    }
  }

  // Depth-first over the tree without recursion: deeply nested HTML must not
  // exhaust the stack.
  void Walk(xmlNode* root) {
    struct Frame {
      xmlNode* node;
      bool leaving;
    };
    std::vector<Frame> stack{{root, false}};
    while (!stack.empty()) {
      Frame f = stack.back();
      stack.pop_back();
      xmlNode* node = f.node;
      if (f.leaving) {
        if (IsBlock(node)) NewLine(&text);
        continue;
      }
      if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
        if (node->content) AppendCollapsed(reinterpret_cast<const char*>(node->content), &text);
        continue;
      }
      if (node->type != XML_ELEMENT_NODE && node->type != XML_DOCUMENT_NODE &&
          node->type != XML_HTML_DOCUMENT_NODE) {
        continue;
      }
      if (node->type == XML_ELEMENT_NODE) {
        if (NameIs(node, "head")) {
          for (xmlNode* c = node->children; c; c = c->next) ReadHead(c);
          continue;
        }
        if (NameIs(node, "title") || NameIs(node, "meta")) {
          ReadHead(node);
          continue;
        }
        if (NameIs(node, "html") && doc->declared_language.empty()) {
          doc->declared_language = AsciiLower(Attr(node, "lang"));
          if (doc->declared_language.empty()) doc->declared_language = AsciiLower(Attr(node, "xml:lang"));
        }
        if (IsHidden(node)) continue;
        if (NameIs(node, "a") && doc->links.size() < 10000) {
          std::string href = Attr(node, "href");
          if (!href.empty()) doc->links.push_back(href);
        }
        if (NameIs(node, "time") && doc->date.empty()) doc->date = LeadingDate(Attr(node, "datetime"));
        if (NameIs(node, "h1") && first_heading.empty()) first_heading = NodeText(node);
        if (NameIs(node, "img")) {
          std::string alt = Attr(node, "alt");
          if (!alt.empty()) AppendCollapsed((" " + alt + " ").c_str(), &text);
        }
        if (IsBlock(node)) NewLine(&text);
        if (NameIs(node, "td") || NameIs(node, "th")) text.push_back(' ');
        stack.push_back({node, true});
      }
      // Children in reverse so the first child is handled first.
      std::vector<xmlNode*> children;
      for (xmlNode* c = node->children; c; c = c->next) children.push_back(c);
      for (auto it = children.rbegin(); it != children.rend(); ++it) stack.push_back({*it, false});
    }
  }
};

}  // namespace

Status ExtractHtml(const std::filesystem::path& file, const ExtractOptions& options,
                   Document* doc) {
  std::string bytes;
  Status read = ReadBoundedText(file, options, doc, &bytes);
  if (!read.ok()) return read;
  return ParseHtml(std::move(bytes), doc);
}

Status ParseHtml(std::string bytes, Document* doc) {
  // Give libxml2 the encoding explicitly: its own default for undeclared
  // documents is Latin-1, which garbles UTF-8 pages.
  std::string encoding = DeclaredCharset(bytes);
  std::string utf8;
  if (bytes.size() >= 2 && (bytes.compare(0, 2, "\xFF\xFE") == 0 || bytes.compare(0, 2, "\xFE\xFF") == 0)) {
    encoding = DetectEncoding(bytes);
  }
  if (encoding.empty() || (encoding == "utf-8" && !IsValidUtf8(bytes))) {
    encoding = DetectEncoding(bytes);
  }
  // Convert with ICU (which knows more names and never fails) and hand
  // libxml2 UTF-8.
  utf8 = ToUtf8(bytes, encoding == "utf-8" ? "UTF-8" : encoding);
  bytes.clear();
  bytes.shrink_to_fit();

  int opts = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET;
  std::unique_ptr<xmlDoc, void (*)(xmlDocPtr)> tree(
      htmlReadMemory(utf8.data(), static_cast<int>(utf8.size()), nullptr, "UTF-8", opts),
      xmlFreeDoc);
  if (!tree) return Status::Corruption(doc->path + ": the HTML parser could not read it");
  xmlNode* root = xmlDocGetRootElement(tree.get());
  if (!root) return Status::Corruption(doc->path + ": the HTML has no content");

  Walker walker{doc, {}, {}};
  walker.Walk(reinterpret_cast<xmlNode*>(tree.get()));
  if (doc->title.empty()) doc->title = walker.first_heading;
  Page page;
  page.number = 1;
  page.text = std::move(walker.text);
  doc->pages.push_back(std::move(page));
  return Status::OK();
}

}  // namespace gcm
