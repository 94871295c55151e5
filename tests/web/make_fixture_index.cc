// Builds a small index for the browser test whose objective mentions and
// translations are set here (not by the tagger), so that the objective
// pages, the evidence and the collection map have something to show
// whatever the tagger does: six documents in English and Spanish, three
// pairs of translations, citations of objectives 1, 5, 8, 13, 17 and 23,
// and a title with markup in it that the page must show as text.
//
//   serve_web_fixture INDEX_DIR
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "index/indexer.h"

namespace {

using gcm::Document;
using gcm::MentionKind;
using gcm::ObjectiveMention;

ObjectiveMention Mention(int objective, MentionKind kind, int page, std::string text) {
  ObjectiveMention m;
  m.objective = objective;
  m.kind = kind;
  m.page = page;
  m.text = std::move(text);
  m.length = m.text.size();
  return m;
}

Document Doc(std::string id, std::string path, std::string format, std::string lang, std::string title,
             std::string date, std::vector<std::string> pages) {
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
    gcm::Page p;
    p.number = n++;
    p.text = std::move(text);
    p.language = d.language;
    d.pages.push_back(std::move(p));
  }
  return d;
}

void Pair(Document& a, Document& b, double score) {
  a.translations.push_back({b.id, b.path, b.language, score});
  b.translations.push_back({a.id, a.path, a.language, score});
}

std::vector<Document> Fixture() {
  Document detention =
      Doc("f000000000000001", "fixture/detention-alternatives-en.pdf", "pdf", "en",
          "Alternatives to immigration detention: a regional review", "2023-05-15",
          {"This review looks at how states in the region use immigration detention.",
           "Objective 13 of the Global Compact asks states to use migration detention only as a measure of "
           "last resort and to work towards alternatives. Community-based alternatives to detention were "
           "piloted in three countries.",
           "Children should never be detained for immigration purposes. Regular pathways (objective 5) "
           "reduce the use of detention."});
  detention.mentions = {
      Mention(13, MentionKind::kNumber, 2,
              "Objective 13 of the Global Compact asks states to use migration detention only as a measure "
              "of last resort and to work towards alternatives."),
      Mention(13, MentionKind::kTitle, 3, "Children should never be detained for immigration purposes."),
      Mention(5, MentionKind::kNumber, 3, "Regular pathways (objective 5) reduce the use of detention.")};

  Document detencion = Doc(
      "f000000000000002", "fixture/alternativas-detencion-es.pdf", "pdf", "es",
      "Alternativas a la detención de inmigrantes: examen regional", "2023-05-15",
      {"Este examen analiza cómo los Estados de la región utilizan la detención de inmigrantes.",
       "El objetivo 13 del Pacto Mundial pide utilizar la detención de migrantes solo como último recurso "
       "y buscar alternativas. Se ensayaron alternativas comunitarias a la detención en tres países.",
       "Las vías de migración regular (objetivo 5) reducen el uso de la detención."});
  detencion.mentions = {
      Mention(13, MentionKind::kNumber, 2,
              "El objetivo 13 del Pacto Mundial pide utilizar la detención de migrantes solo como último "
              "recurso y buscar alternativas."),
      Mention(5, MentionKind::kNumber, 3,
              "Las vías de migración regular (objetivo 5) reducen el uso de la detención.")};
  Pair(detention, detencion, 0.94);

  Document data = Doc("f000000000000003", "fixture/migration-data-en.html", "html", "en",
                      "Better migration data for evidence-based policies", "2024-02-01",
                      {"Collect and utilize accurate and disaggregated data as a basis for evidence-based "
                       "policies: objective 1. Data on missing migrants also supports objective 8, saving "
                       "lives. See https://migrationnetwork.un.org/hub?gcm_objectives=279"});
  data.mentions = {
      Mention(1, MentionKind::kTitle, 1,
              "Collect and utilize accurate and disaggregated data as a basis for evidence-based policies: "
              "objective 1."),
      Mention(8, MentionKind::kNumber, 1,
              "Data on missing migrants also supports objective 8, saving lives."),
      Mention(1, MentionKind::kLink, 1, "https://migrationnetwork.un.org/hub?gcm_objectives=279")};

  Document datos = Doc("f000000000000004", "fixture/datos-migracion-es.html", "html", "es",
                       "Mejores datos sobre migración para políticas basadas en pruebas", "2024-02-01",
                       {"Recopilar y utilizar datos exactos y desglosados para formular políticas con base "
                        "empírica: objetivo 1 del PMM."});
  datos.mentions = {
      Mention(1, MentionKind::kNumber, 1,
              "Recopilar y utilizar datos exactos y desglosados para formular políticas con base "
              "empírica: objetivo 1 del PMM.")};
  Pair(data, datos, 0.88);

  Document discourse =
      Doc("f000000000000005", "fixture/public-discourse-en.txt", "txt", "en",
          "Public discourse on migration <script>alert(1)</script> & the media", "2022-11-30",
          {"Eliminate all forms of discrimination and promote evidence-based public discourse "
           "to shape perceptions of migration (objective 17). Migration detention is rarely "
           "covered."});
  discourse.mentions = {Mention(17, MentionKind::kNumber, 1,
                                "Eliminate all forms of discrimination and promote evidence-based public "
                                "discourse to shape perceptions of migration (objective 17).")};

  Document cooperation = Doc("f000000000000006", "fixture/cooperacion-internacional-es.txt", "txt", "es",
                             "Cooperación internacional y alianzas mundiales", "2025-03-10",
                             {"Fortalecer la cooperación internacional y las alianzas mundiales para la "
                              "migración segura, ordenada y regular: objetivo 23. También el objetivo 13."});
  cooperation.mentions = {
      Mention(23, MentionKind::kNumber, 1,
              "Fortalecer la cooperación internacional y las alianzas mundiales para la migración segura, "
              "ordenada y regular: objetivo 23."),
      Mention(13, MentionKind::kNumber, 1, "También el objetivo 13.")};
  return {detention, detencion, data, datos, discourse, cooperation};
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s INDEX_DIR\n", argv[0]);
    return 1;
  }
  std::unique_ptr<gcm::Indexer> indexer;
  gcm::Status s = gcm::Indexer::Open(argv[1], &indexer);
  for (Document& d : Fixture()) {
    if (s.ok()) s = indexer->Add(d);
  }
  if (s.ok()) s = indexer->Commit();
  if (!s.ok()) {
    std::fprintf(stderr, "serve_web_fixture: %s\n", s.ToString().c_str());
    return 1;
  }
  return 0;
}
