// Serialisation of documents, results and objectives.
#include "search/json_output.h"

namespace gcm {

using nlohmann::json;

json DocumentJson(const Document& doc) {
  json translations = json::array();
  for (const Translation& t : doc.translations) {
    translations.push_back({{"id", t.id}, {"path", t.path}, {"lang", t.language}, {"score", t.score}});
  }
  json ocr_pages = json::array();
  for (const Page& p : doc.pages) {
    if (p.from_ocr) ocr_pages.push_back(p.number);
  }
  return {{"id", doc.id},
          {"path", doc.path},
          {"title", doc.title},
          {"lang", doc.language.empty() ? "und" : doc.language},
          {"format", doc.format},
          {"date", doc.date},
          {"author", doc.author},
          {"objectives", doc.CitedObjectives()},
          {"translations", std::move(translations)},
          {"page_count", doc.pages.size()},
          {"ocr_pages", std::move(ocr_pages)}};
}

json MentionJson(const ObjectiveMention& m) {
  return {{"objective", m.objective}, {"kind", MentionKindName(m.kind)},
          {"page", m.page},           {"text", m.text},
          {"confidence", m.confidence}, {"offset", m.offset},
          {"length", m.length}};
}

json DocumentDetailJson(const Document& doc) {
  json j = DocumentJson(doc);
  json mentions = json::array();
  for (const ObjectiveMention& m : doc.mentions) mentions.push_back(MentionJson(m));
  j["mentions"] = std::move(mentions);
  j["warnings"] = doc.warnings;
  json pages = json::array();
  for (const Page& p : doc.pages) {
    pages.push_back({{"number", p.number}, {"lang", p.language}, {"ocr", p.from_ocr},
                     {"chars", p.text.size()}});
  }
  j["pages"] = std::move(pages);
  return j;
}

json SearchJson(const SearchResponse& response) {
  json results = json::array();
  for (const SearchHit& hit : response.hits) {
    json r = DocumentJson(hit.doc);
    r["score"] = hit.score;
    r["pages"] = hit.pages;
    r["snippet"] = hit.snippet;
    r["snippet_page"] = hit.snippet_page;
    r["via_translation"] = hit.via_translation;
    results.push_back(std::move(r));
  }
  json facets = json::object();
  for (const char* name : {"objective", "lang", "format", "year"}) facets[name] = json::object();
  for (const auto& [name, values] : response.facets) {
    for (const auto& [value, count] : values) facets[name][value] = count;
  }
  return {{"total", response.total}, {"results", std::move(results)}, {"facets", std::move(facets)}};
}

json ObjectiveJson(int n, const std::vector<Citation>& citations) {
  const Objective* o = FindObjective(n);
  json docs = json::array();
  for (const Citation& c : citations) {
    json d = DocumentJson(c.doc);
    json mentions = json::array();
    for (const ObjectiveMention& m : c.mentions) mentions.push_back(MentionJson(m));
    d["mentions"] = std::move(mentions);
    docs.push_back(std::move(d));
  }
  return {{"objective", n},
          {"title_en", o ? o->title_en : ""},
          {"title_es", o ? o->title_es : ""},
          {"short_en", o ? o->short_en : ""},
          {"short_es", o ? o->short_es : ""},
          {"hub_id", o ? o->hub_id : 0},
          {"documents", std::move(docs)}};
}

json ObjectivesJson(const std::array<std::uint64_t, kObjectiveCount + 1>& counts) {
  json list = json::array();
  for (const Objective& o : Objectives()) {
    list.push_back({{"number", o.number}, {"title_en", o.title_en}, {"title_es", o.title_es},
                    {"short_en", o.short_en}, {"short_es", o.short_es}, {"hub_id", o.hub_id},
                    {"documents", counts[static_cast<std::size_t>(o.number)]}});
  }
  return {{"objectives", std::move(list)}};
}

json TagJson(const Document& doc) {
  json mentions = json::array();
  for (const ObjectiveMention& m : doc.mentions) mentions.push_back(MentionJson(m));
  return {{"lang", doc.language.empty() ? "und" : doc.language},
          {"objectives", doc.CitedObjectives()},
          {"mentions", std::move(mentions)}};
}

std::string Dump(const json& j, int indent) {
  return j.dump(indent, ' ', false, json::error_handler_t::replace);
}

}  // namespace gcm
