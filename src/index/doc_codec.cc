// The stored document (doc_codec.h): a JSON header (nlohmann/json), then
// the body's sections, read with core/coding.h's Decoder so that a length
// in the header that the body cannot hold is Corruption naming the section
// and its offset. Field names are short where they repeat per page or
// mention, to keep the database small. The bytes are those written before
// core/coding.h existed: indexes built then read the same.
#include "index/doc_codec.h"

#include <zlib.h>

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <utility>

#include "core/coding.h"

namespace gcm {

using nlohmann::json;

namespace {

// Sections of the body (the full mentions, each page's text) from this
// size on are stored zlib-compressed, each on its own so that a search
// result inflates only the page its snippet comes from; the header gives a
// compressed section's stored size ("mz" for the mentions, "z" per page).
// Xapian 1.4.22's glass backend compresses a document's data itself, but
// reading back a tag that compresses extremely well (a 16 MiB text file of
// repeated lines) sometimes fails with "DatabaseCorruptError: Too few
// chunks of compressed data", leaving a document no search can read
// (IngestTest.CapsAHugeTextFileWithAWarning failed 3 runs in 36). Data we
// compress ourselves does not compress again, so Xapian stores it as is;
// compressing in the ingest workers also takes that work off the writer.
constexpr std::size_t kCompressFrom = 512;


bool Deflate(const std::string& in, std::string* out) {
  uLongf size = compressBound(static_cast<uLong>(in.size()));
  out->resize(size);
  if (compress2(reinterpret_cast<Bytef*>(out->data()), &size, reinterpret_cast<const Bytef*>(in.data()),
                static_cast<uLong>(in.size()), Z_BEST_SPEED) != Z_OK) {
    return false;
  }
  out->resize(size);
  return true;
}

// Inflates `in`, which must hold exactly `expected` bytes once inflated;
// the output grows as data comes, so a damaged size claims no memory.
bool Inflate(std::string_view in, std::size_t expected, std::string* out) {
  z_stream z{};
  if (inflateInit(&z) != Z_OK) return false;
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(in.size());
  out->clear();
  char buffer[65536];
  int rc = Z_OK;
  while (rc == Z_OK) {
    z.next_out = reinterpret_cast<Bytef*>(buffer);
    z.avail_out = sizeof buffer;
    rc = inflate(&z, Z_NO_FLUSH);
    out->append(buffer, sizeof buffer - z.avail_out);
    if (out->size() > expected) break;
    if (rc == Z_OK && z.avail_in == 0 && z.avail_out != 0) break;  // input ended early
  }
  inflateEnd(&z);
  return rc == Z_STREAM_END && z.avail_in == 0 && out->size() == expected;
}

// Appends `section` to *body, compressed when that pays; returns the stored
// size when compressed, 0 when stored as it is.
std::size_t AppendSection(const std::string& section, std::string* body) {
  std::string compressed;
  if (section.size() >= kCompressFrom && Deflate(section, &compressed) && compressed.size() < section.size()) {
    *body += compressed;
    return compressed.size();
  }
  *body += section;
  return 0;
}

}  // namespace

std::string EncodeDocumentData(const Document& doc) {
  json j;
  j["v"] = 1;
  j["id"] = doc.id;
  j["path"] = doc.path;
  j["abs"] = doc.canonical_path;
  j["format"] = doc.format;
  j["title"] = doc.title;
  j["date"] = doc.date;
  j["author"] = doc.author;
  j["lang"] = doc.language;
  j["declared_lang"] = doc.declared_language;
  j["size"] = doc.file_size;
  j["mtime"] = doc.file_mtime;
  j["warnings"] = doc.warnings;
  // The body: the full mentions, then each page's text (AppendSection).
  std::string body;
  json pages = json::array();
  std::string mentions_json;
  {
    json mentions = json::array();
    for (const ObjectiveMention& m : doc.mentions) {
      mentions.push_back({{"o", m.objective}, {"k", MentionKindName(m.kind)}, {"pg", m.page},
                          {"off", m.offset}, {"len", m.length}, {"t", m.text},
                          {"c", m.confidence}});
    }
    // Invalid UTF-8 cannot reach here (the normaliser scrubs it) but a dump
    // must never throw on a user's file.
    mentions_json = mentions.dump(-1, ' ', false, json::error_handler_t::replace);
  }
  if (std::size_t stored = AppendSection(mentions_json, &body)) j["mz"] = stored;
  for (const Page& p : doc.pages) {
    json jp = {{"n", p.number}, {"len", p.text.size()}, {"l", p.language}, {"p", p.first_position}};
    if (p.from_ocr) jp["ocr"] = true;
    if (std::size_t stored = AppendSection(p.text, &body)) jp["z"] = stored;
    pages.push_back(std::move(jp));
  }
  j["pages"] = std::move(pages);
  // Each mention twice: in brief (objective and kind) in the header, and in
  // full (page, offsets, evidence, confidence) in the body, which search
  // results skip.
  json brief = json::array();
  for (const ObjectiveMention& m : doc.mentions) brief.push_back({m.objective, MentionKindName(m.kind)});
  j["mk"] = std::move(brief);
  j["mlen"] = mentions_json.size();
  json translations = json::array();
  for (const Translation& t : doc.translations) {
    translations.push_back({{"id", t.id}, {"path", t.path}, {"lang", t.language}, {"score", t.score}});
  }
  j["translations"] = std::move(translations);
  std::string out = j.dump(-1, ' ', false, json::error_handler_t::replace);
  out.push_back('\0');
  out += body;
  return out;
}

namespace {

// The integer at j[key], or `fallback` when there is none. A float, or an
// integer outside T's range, is corruption: casting it would be undefined
// behaviour (found by fuzz_doc_codec: "len": 3.3e30).
template <typename T>
T IntegerField(const json& j, const char* key, T fallback) {
  auto it = j.find(key);
  if (it == j.end()) return fallback;
  if (it->is_number_unsigned()) {
    std::uint64_t v = it->get<std::uint64_t>();
    if (std::in_range<T>(v)) return static_cast<T>(v);
  } else if (it->is_number_integer()) {
    std::int64_t v = it->get<std::int64_t>();
    if (std::in_range<T>(v)) return static_cast<T>(v);
  }
  throw json::other_error::create(501, std::string("\"") + key + "\" is not an integer in range", &*it);
}

// The integer element j[index], range-checked as IntegerField does.
int IntegerElement(const json& j, std::size_t index) {
  const json& v = j.at(index);
  if (v.is_number_integer()) {
    std::int64_t n = v.get<std::int64_t>();
    if (std::in_range<int>(n)) return static_cast<int>(n);
  }
  throw json::other_error::create(501, "an objective number is not an integer in range", &v);
}

MentionKind KindFromName(const std::string& kind) {
  return kind == "title" ? MentionKind::kTitle : kind == "link" ? MentionKind::kLink : MentionKind::kNumber;
}

}  // namespace

namespace {

// The stored data split: the header's JSON, and the body after the NUL.
struct Stored {
  json header;
  std::string_view body;
  std::size_t body_offset = 0;  // of the body in the data, for messages
};

Status SplitStored(const std::string& data, Stored* out) {
  std::size_t nul = data.find('\0');
  std::string_view header(data.data(), nul == std::string::npos ? data.size() : nul);
  out->header = json::parse(header.begin(), header.end(), nullptr, /*allow_exceptions=*/false);
  if (out->header.is_discarded() || !out->header.is_object()) {
    return Status::Corruption("stored document data is not JSON");
  }
  out->body = nul == std::string::npos ? std::string_view() : std::string_view(data).substr(nul + 1);
  out->body_offset = nul == std::string::npos ? data.size() : nul + 1;
  return Status::OK();
}

// A reader of the body's sections in order.
Decoder BodyDecoder(const Stored& stored) { return Decoder(stored.body, "stored document body", stored.body_offset); }

// One section of the body, as the header describes it.
struct Section {
  std::size_t length = 0;  // its bytes once read
  std::size_t stored = 0;  // its bytes in the body
  bool compressed = false;
};

Section MentionsSection(const json& j) {
  Section s;
  s.length = IntegerField(j, "mlen", std::size_t{0});
  s.compressed = j.contains("mz");
  s.stored = s.compressed ? IntegerField(j, "mz", std::size_t{0}) : s.length;
  return s;
}

Section PageSection(const json& jp) {
  Section s;
  s.length = IntegerField(jp, "len", std::size_t{0});
  s.compressed = jp.contains("z");
  s.stored = s.compressed ? IntegerField(jp, "z", std::size_t{0}) : s.length;
  return s;
}

// "page 3's text": the section's name in messages.
std::string PageField(const json& jp) { return "page " + std::to_string(IntegerField(jp, "n", 1)) + "'s text"; }

// Reads the next section of the body, `section`, into *out (inflated when
// it was stored compressed), or only skips it when `out` is null.
Status ReadSection(Decoder& body, const Section& section, std::string* out, const std::string& field) {
  const std::size_t start = body.offset();
  std::string_view bytes;
  if (!body.ReadBytes(field, section.stored, &bytes)) return body.status();
  if (!out) return Status::OK();
  if (!section.compressed) {
    out->assign(bytes);
    return Status::OK();
  }
  if (!Inflate(bytes, section.length, out)) {
    body.Fail(field, start, "does not inflate to its " + std::to_string(section.length) + " bytes");
    return body.status();
  }
  return Status::OK();
}

bool Blank(const std::string& text) { return text.find_first_not_of(" \n\t\r") == std::string::npos; }

}  // namespace

Status DecodePageText(const std::string& data, int page_number, std::string* text, int* found_page) {
  text->clear();
  Stored stored;
  Status s = SplitStored(data, &stored);
  if (!s.ok()) return s;
  try {
    Decoder body = BodyDecoder(stored);
    s = ReadSection(body, MentionsSection(stored.header), nullptr, "the mentions");
    if (!s.ok()) return s;
    for (const json& jp : stored.header.value("pages", json::array())) {
      const bool wanted = page_number == 0 ? PageSection(jp).length > 0 : IntegerField(jp, "n", 1) == page_number;
      s = ReadSection(body, PageSection(jp), wanted ? text : nullptr, PageField(jp));
      if (!s.ok()) return s;
      if (wanted && (page_number != 0 || !Blank(*text))) {
        if (found_page) *found_page = IntegerField(jp, "n", 1);
        return s;
      }
    }
  } catch (const json::exception& e) {
    return Status::Corruption(std::string("stored document data: ") + e.what());
  }
  text->clear();
  return Status::NotFound(page_number == 0 ? std::string("the document has no text")
                                           : "the document has no page " + std::to_string(page_number));
}

Status DecodeDocumentData(const std::string& data, Document* doc, DecodeDetail detail) {
  Stored stored;
  Status s = SplitStored(data, &stored);
  if (!s.ok()) return s;
  const json& j = stored.header;
  try {
    *doc = Document();
    doc->id = j.value("id", "");
    doc->path = j.value("path", "");
    doc->canonical_path = j.value("abs", "");
    doc->format = j.value("format", "");
    doc->title = j.value("title", "");
    doc->date = j.value("date", "");
    doc->author = j.value("author", "");
    doc->language = j.value("lang", "und");
    doc->declared_language = j.value("declared_lang", "");
    doc->file_size = IntegerField(j, "size", std::uint64_t{0});
    doc->file_mtime = IntegerField(j, "mtime", std::int64_t{0});
    if (j.contains("warnings")) doc->warnings = j["warnings"].get<std::vector<std::string>>();
    const bool full = detail == DecodeDetail::kFull;
    Decoder body = BodyDecoder(stored);
    std::string mentions_json;
    s = ReadSection(body, MentionsSection(j), full ? &mentions_json : nullptr, "the mentions");
    if (!s.ok()) return s;
    for (const json& jp : j.value("pages", json::array())) {
      Page p;
      p.number = IntegerField(jp, "n", 1);
      s = ReadSection(body, PageSection(jp), full ? &p.text : nullptr, PageField(jp));
      if (!s.ok()) return s;
      p.language = jp.value("l", "und");
      p.first_position = IntegerField(jp, "p", std::uint32_t{0});
      p.from_ocr = jp.value("ocr", false);
      doc->pages.push_back(std::move(p));
    }
    if (full) {
      json all = json::parse(mentions_json, nullptr, /*allow_exceptions=*/false);
      if (all.is_discarded() || !all.is_array()) return Status::Corruption("stored mentions are not JSON");
      for (const json& jm : all) {
        ObjectiveMention m;
        m.objective = IntegerField(jm, "o", 0);
        m.kind = KindFromName(jm.value("k", "number"));
        m.page = IntegerField(jm, "pg", 1);
        m.offset = IntegerField(jm, "off", std::size_t{0});
        m.length = IntegerField(jm, "len", std::size_t{0});
        m.text = jm.value("t", "");
        m.confidence = jm.value("c", 1.0);
        doc->mentions.push_back(std::move(m));
      }
    } else {
      for (const json& jm : j.value("mk", json::array())) {
        ObjectiveMention m;
        m.objective = IntegerElement(jm, 0);
        m.kind = KindFromName(jm.at(1).get<std::string>());
        m.page = 0;  // not decoded
        doc->mentions.push_back(std::move(m));
      }
    }
    for (const json& jt : j.value("translations", json::array())) {
      doc->translations.push_back(
          {jt.value("id", ""), jt.value("path", ""), jt.value("lang", ""), jt.value("score", 0.0)});
    }
  } catch (const json::exception& e) {
    return Status::Corruption(std::string("stored document data: ") + e.what());
  }
  return Status::OK();
}

}  // namespace gcm
