// The plain data that flows through the ingestion pipeline and back out of
// the index. Each stage fills in more of a Document:
//
//   Extract(file)         -> path, format, title, date, links, pages[].text
//   Normalise(doc)        -> pages[].text cleaned (NFKC, soft hyphens, joined
//                            line-end hyphenation), language per page and doc
//   TagObjectives(doc)    -> mentions
//   Indexer::Add(doc)     -> a Xapian document; id is fixed by then
//
// and search results read the same struct back from the database, so a
// reader can follow a document from file to result through these fields.
#ifndef GCMSEARCH_CORE_DOCUMENT_H_
#define GCMSEARCH_CORE_DOCUMENT_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace gcm {

// How a GCM objective is cited.
enum class MentionKind {
  kNumber,  // "objective 13", "objetivo 8 del PMM", "Compact objectives: 1, 8"
  kTitle,   // the official title, or enough of it, in English or Spanish
  kLink,    // a UN Network hub URL with gcm_objectives=NNN (NNN = 278 + n)
};

// "number", "title" or "link": the names used in JSON and on the command line.
const char* MentionKindName(MentionKind kind);

// One citation of one objective.
struct ObjectiveMention {
  int objective = 0;          // 1..23
  MentionKind kind = MentionKind::kNumber;
  int page = 1;               // 1-based page of the citing words
  std::size_t offset = 0;     // byte offset of the citing words in that page's text
  std::size_t length = 0;     // their byte length
  std::string text;           // the sentence or line that cites it: the evidence
  double confidence = 1.0;    // 0..1; lower when number and context disagree
};

// One page of a document. Formats without pages (HTML, text) have one page.
struct Page {
  int number = 1;             // 1-based
  std::string text;           // UTF-8; after Normalise, NFKC-clean
  bool from_ocr = false;      // read by Tesseract from a rendered image
  std::string language;       // ISO 639-1 code, or "und"; set by Normalise
  std::uint32_t first_position = 0;  // term position of its first word; set by the indexer
};

// A version of the document in another language, found in the collection.
struct Translation {
  std::string id;
  std::string path;
  std::string language;
  double score = 0.0;         // 0..1, how sure the pairing is
};

struct Document {
  std::string id;             // stable id: hex hash of the canonical absolute path
  std::string path;           // the path as given to `ingest` (relative stays relative)
  std::string canonical_path; // absolute, symlinks resolved: where the file really is
  std::string format;         // "pdf", "html", "md", "txt"
  std::string title;          // from metadata or <title>; else the first line
  std::string date;           // ISO 8601 "YYYY-MM-DD" (or "YYYY"), empty if unknown
  std::string author;         // from metadata when present
  std::string language;       // ISO 639-1 code, or "und"; set by Normalise
  std::string declared_language;  // what the file says (<html lang>), a hint only
  std::vector<std::string> links;  // link targets found outside the text (HTML href)
  std::vector<Page> pages;
  std::vector<ObjectiveMention> mentions;
  std::vector<Translation> translations;

  // What the file was when it was read, so that re-ingestion can skip it.
  std::uint64_t file_size = 0;
  std::int64_t file_mtime = 0;  // seconds since the epoch

  // Non-fatal problems worth telling the user ("page 3 has no text layer").
  std::vector<std::string> warnings;

  // The objectives cited by number or title (not link), sorted, unique.
  std::vector<int> CitedObjectives() const;

  // All page texts joined by "\n\n".
  std::string FullText() const;
};

}  // namespace gcm

#endif  // GCMSEARCH_CORE_DOCUMENT_H_
