// Documents and mentions built by hand, for tests that need an index whose
// objectives, pages and versions are known exactly (the server tests and
// the web page's fixture index).
#ifndef GCMSEARCH_TESTS_FIXTURE_DOCUMENTS_H_
#define GCMSEARCH_TESTS_FIXTURE_DOCUMENTS_H_

#include <string>
#include <utility>
#include <vector>

#include "core/document.h"

namespace gcm::fixture {

// A mention of `objective` on `page` whose evidence is `text`.
inline ObjectiveMention FixtureMention(int objective, MentionKind kind, int page, std::string text) {
  ObjectiveMention m;
  m.objective = objective;
  m.kind = kind;
  m.page = page;
  m.text = std::move(text);
  m.length = m.text.size();
  return m;
}

// A document with one page per element of `pages` (numbered from 1, in the
// document's language); its canonical path is "/fixture/" + path.
inline Document FixtureDocument(std::string id, std::string path, std::string format, std::string lang,
                                std::string title, std::string date, std::vector<std::string> pages) {
  Document d;
  d.id = std::move(id);
  d.path = std::move(path);
  d.canonical_path = "/fixture/" + d.path;
  d.format = std::move(format);
  d.language = std::move(lang);
  d.title = std::move(title);
  d.date = std::move(date);
  int n = 1;
  for (std::string& text : pages) {
    Page p;
    p.number = n++;
    p.text = std::move(text);
    p.language = d.language;
    d.pages.push_back(std::move(p));
  }
  return d;
}

// Records `a` and `b` as versions of each other.
inline void FixturePair(Document& a, Document& b, double score) {
  a.translations.push_back({b.id, b.path, b.language, score});
  b.translations.push_back({a.id, a.path, a.language, score});
}

}  // namespace gcm::fixture

#endif  // GCMSEARCH_TESTS_FIXTURE_DOCUMENTS_H_
