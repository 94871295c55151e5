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

#include "fixture_documents.h"
#include "index/indexer.h"

namespace {

using gcm::Document;
using gcm::MentionKind;
using gcm::ObjectiveMention;

using gcm::fixture::FixtureDocument;
using gcm::fixture::FixtureMention;
using gcm::fixture::FixturePair;

std::vector<Document> Fixture() {
  Document detention =
      FixtureDocument("f000000000000001", "fixture/detention-alternatives-en.pdf", "pdf", "en",
          "Alternatives to immigration detention: a regional review", "2023-05-15",
          {"This review looks at how states in the region use immigration detention.",
           "Objective 13 of the Global Compact asks states to use migration detention only as a measure of "
           "last resort and to work towards alternatives. Community-based alternatives to detention were "
           "piloted in three countries.",
           "Children should never be detained for immigration purposes. Regular pathways (objective 5) "
           "reduce the use of detention."});
  detention.mentions = {
      FixtureMention(13, MentionKind::kNumber, 2,
              "Objective 13 of the Global Compact asks states to use migration detention only as a measure "
              "of last resort and to work towards alternatives."),
      FixtureMention(13, MentionKind::kTitle, 3, "Children should never be detained for immigration purposes."),
      FixtureMention(5, MentionKind::kNumber, 3, "Regular pathways (objective 5) reduce the use of detention.")};

  Document detencion = FixtureDocument(
      "f000000000000002", "fixture/alternativas-detencion-es.pdf", "pdf", "es",
      "Alternativas a la detención de inmigrantes: examen regional", "2023-05-15",
      {"Este examen analiza cómo los Estados de la región utilizan la detención de inmigrantes.",
       "El objetivo 13 del Pacto Mundial pide utilizar la detención de migrantes solo como último recurso "
       "y buscar alternativas. Se ensayaron alternativas comunitarias a la detención en tres países.",
       "Las vías de migración regular (objetivo 5) reducen el uso de la detención."});
  detencion.mentions = {
      FixtureMention(13, MentionKind::kNumber, 2,
              "El objetivo 13 del Pacto Mundial pide utilizar la detención de migrantes solo como último "
              "recurso y buscar alternativas."),
      FixtureMention(5, MentionKind::kNumber, 3,
              "Las vías de migración regular (objetivo 5) reducen el uso de la detención.")};
  FixturePair(detention, detencion, 0.94);

  Document data = FixtureDocument("f000000000000003", "fixture/migration-data-en.html", "html", "en",
                      "Better migration data for evidence-based policies", "2024-02-01",
                      {"Collect and utilize accurate and disaggregated data as a basis for evidence-based "
                       "policies: objective 1. Data on missing migrants also supports objective 8, saving "
                       "lives. See https://migrationnetwork.un.org/hub?gcm_objectives=279"});
  data.mentions = {
      FixtureMention(1, MentionKind::kTitle, 1,
              "Collect and utilize accurate and disaggregated data as a basis for evidence-based policies: "
              "objective 1."),
      FixtureMention(8, MentionKind::kNumber, 1,
              "Data on missing migrants also supports objective 8, saving lives."),
      FixtureMention(1, MentionKind::kLink, 1, "https://migrationnetwork.un.org/hub?gcm_objectives=279")};

  Document datos = FixtureDocument("f000000000000004", "fixture/datos-migracion-es.html", "html", "es",
                       "Mejores datos sobre migración para políticas basadas en pruebas", "2024-02-01",
                       {"Recopilar y utilizar datos exactos y desglosados para formular políticas con base "
                        "empírica: objetivo 1 del PMM."});
  datos.mentions = {
      FixtureMention(1, MentionKind::kNumber, 1,
              "Recopilar y utilizar datos exactos y desglosados para formular políticas con base "
              "empírica: objetivo 1 del PMM.")};
  FixturePair(data, datos, 0.88);

  Document discourse =
      FixtureDocument("f000000000000005", "fixture/public-discourse-en.txt", "txt", "en",
          "Public discourse on migration <script>alert(1)</script> & the media", "2022-11-30",
          {"Eliminate all forms of discrimination and promote evidence-based public discourse "
           "to shape perceptions of migration (objective 17). Migration detention is rarely "
           "covered."});
  discourse.mentions = {FixtureMention(17, MentionKind::kNumber, 1,
                                "Eliminate all forms of discrimination and promote evidence-based public "
                                "discourse to shape perceptions of migration (objective 17).")};

  Document cooperation = FixtureDocument("f000000000000006", "fixture/cooperacion-internacional-es.txt", "txt", "es",
                             "Cooperación internacional y alianzas mundiales", "2025-03-10",
                             {"Fortalecer la cooperación internacional y las alianzas mundiales para la "
                              "migración segura, ordenada y regular: objetivo 23. También el objetivo 13."});
  cooperation.mentions = {
      FixtureMention(23, MentionKind::kNumber, 1,
              "Fortalecer la cooperación internacional y las alianzas mundiales para la migración segura, "
              "ordenada y regular: objetivo 23."),
      FixtureMention(13, MentionKind::kNumber, 1, "También el objetivo 13.")};
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
