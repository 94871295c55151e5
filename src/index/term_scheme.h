// Every term prefix and value slot of the database, in one place. Prefixes
// follow Xapian's conventions (xapian-core/docs/termprefixes.rst) so that
// xapian-delve and quest users recognise them; ours start with X.
#ifndef GCMSEARCH_INDEX_TERM_SCHEME_H_
#define GCMSEARCH_INDEX_TERM_SCHEME_H_

#include <string>

#include "xapian.h"

namespace gcm {

inline constexpr char kPrefixId[] = "Q";         // unique id: Q + 16 hex digits
inline constexpr char kPrefixPath[] = "P";       // path as ingested (if it fits a term)
inline constexpr char kPrefixLanguage[] = "L";   // ISO 639-1 code or "und"
inline constexpr char kPrefixMimeType[] = "T";   // e.g. "Tapplication/pdf"
inline constexpr char kPrefixFormat[] = "XF";    // pdf, html, md, txt
inline constexpr char kPrefixYear[] = "Y";       // four digits
inline constexpr char kPrefixDate[] = "D";       // YYYYMMDD
inline constexpr char kPrefixTitle[] = "S";      // folded title words
inline constexpr char kPrefixAuthor[] = "A";     // folded author words
inline constexpr char kPrefixStem[] = "Z";       // folded stem of a word
inline constexpr char kPrefixObjective[] = "XO"; // cited objective (number or title): XO13
inline constexpr char kPrefixObjectiveLink[] = "XOL";  // hub link to objective: XOL13
inline constexpr char kPrefixOcr[] = "XOCR";     // "XOCR" present when any page came from OCR

// Value slots.
inline constexpr Xapian::valueno kSlotDate = 0;        // "YYYYMMDD" for sorting
inline constexpr Xapian::valueno kSlotLanguage = 1;    // facet
inline constexpr Xapian::valueno kSlotFormat = 2;      // facet
inline constexpr Xapian::valueno kSlotObjectives = 3;  // "4,8,13": facet, split by the reader
inline constexpr Xapian::valueno kSlotYear = 4;        // facet
inline constexpr Xapian::valueno kSlotFileStamp = 5;   // "size:mtime" for incremental ingest
inline constexpr Xapian::valueno kSlotPairing = 6;     // EncodePairingFeatures (pairing.h), en/es only

// Terms longer than this are not indexed (Xapian's limit is 245 bytes).
inline constexpr std::size_t kMaxTermBytes = 64;

inline std::string IdTerm(const std::string& id) { return kPrefixId + id; }
inline std::string ObjectiveTerm(int n) { return kPrefixObjective + std::to_string(n); }

}  // namespace gcm

#endif  // GCMSEARCH_INDEX_TERM_SCHEME_H_
