// The checks behind each fuzz target (see fuzz_targets.h).
#include "fuzz_targets.h"

#include <cstdio>
#include <cstdlib>
#include <string>

#include "core/document.h"
#include "extract/encoding.h"
#include "extract/formats.h"
#include "index/doc_codec.h"
#include "text/normaliser.h"
#include "text/text_fold.h"
#include "search/query_builder.h"
#include "search/query_parser.h"
#include "tag/objective_tagger.h"

// Like assert(), but also in release builds.
#define FUZZ_CHECK(cond)                                                            \
  do {                                                                              \
    if (!(cond)) {                                                                  \
      std::fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
      std::abort();                                                                 \
    }                                                                               \
  } while (0)

namespace gcm::fuzz {

void Tagger(std::string_view data) {
  if (data.empty()) return;
  static const char* const kLanguages[] = {"en", "es", "und", "pt"};
  const char* language = kLanguages[static_cast<unsigned char>(data[0]) % 4];
  std::string_view text = data.substr(1);
  for (const ObjectiveMention& m : TagText(text, language, 7)) {
    FUZZ_CHECK(m.objective >= 1 && m.objective <= 23);
    FUZZ_CHECK(m.page == 7);
    FUZZ_CHECK(m.offset <= text.size() && m.length <= text.size() - m.offset);
    FUZZ_CHECK(m.confidence >= 0.0 && m.confidence <= 1.0);
  }
}

void Normaliser(std::string_view text) {
  std::string normalised = NormaliseText(text);
  FUZZ_CHECK(IsValidUtf8(normalised));

  std::size_t previous_end = 0;
  for (const Token& t : Tokenize(text)) {
    FUZZ_CHECK(t.length > 0);
    FUZZ_CHECK(t.offset >= previous_end);
    FUZZ_CHECK(t.offset <= text.size() && t.length <= text.size() - t.offset);
    previous_end = t.offset + t.length;
    FUZZ_CHECK(IsValidUtf8(Fold(text.substr(t.offset, t.length))));
  }
  FUZZ_CHECK(IsValidUtf8(Fold(text)));
  FUZZ_CHECK(IsValidUtf8(LowerCase(text)));
  for (const Token& t : Tokenize(normalised)) {
    FUZZ_CHECK(t.offset + t.length <= normalised.size());
  }
}

void Html(std::string_view data) {
  Document doc;
  doc.path = "fuzz.html";
  Status s = ParseHtml(std::string(data), &doc);
  if (!s.ok()) return;
  FUZZ_CHECK(doc.pages.size() == 1);
  FUZZ_CHECK(IsValidUtf8(doc.pages[0].text));
  FUZZ_CHECK(IsValidUtf8(doc.title));
  FUZZ_CHECK(IsValidUtf8(doc.author));
  FUZZ_CHECK(doc.date.empty() || doc.date.size() == 4 || doc.date.size() == 10);
}

void QueryParser(std::string_view text) {
  ParsedQuery parsed;
  Status s = ParseQuery(text, &parsed);
  if (!s.ok()) {
    FUZZ_CHECK(s.code() == Status::Code::kInvalidArgument);
    FUZZ_CHECK(!s.message().empty());
    return;
  }
  FUZZ_CHECK(parsed.clauses.size() <= kMaxQueryClauses);
  for (const QueryClause& c : parsed.clauses) {
    FUZZ_CHECK(!c.words.empty());
    for (const std::string& w : c.words) FUZZ_CHECK(IsValidUtf8(w));
  }
  for (int n : parsed.objectives) FUZZ_CHECK(n >= 1 && n <= 23);
  SearchRequest request;
  HitTerms hits;
  Xapian::Query query = BuildQuery(parsed, request, &hits);
  (void)query.get_description();
}

void DocCodec(std::string_view data) {
  Document doc;
  Status s = DecodeDocumentData(std::string(data), &doc);
  if (!s.ok()) {
    FUZZ_CHECK(s.code() == Status::Code::kCorruption);
    return;
  }
  std::string once = EncodeDocumentData(doc);
  Document again;
  FUZZ_CHECK(DecodeDocumentData(once, &again).ok());
  FUZZ_CHECK(EncodeDocumentData(again) == once);
}

void Encoding(std::string_view bytes) {
  std::string encoding = DetectEncoding(bytes);
  FUZZ_CHECK(!encoding.empty());
  FUZZ_CHECK(IsValidUtf8(ToUtf8(bytes, encoding)));
  FUZZ_CHECK(IsValidUtf8(ScrubUtf8(bytes)));
  for (const char* e : {"UTF-16LE", "UTF-16BE", "WINDOWS-1252", "ISO-8859-1", "SHIFT_JIS", "nonsense"}) {
    FUZZ_CHECK(IsValidUtf8(ToUtf8(bytes, e)));
  }
}

}  // namespace gcm::fuzz
