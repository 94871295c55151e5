// The term scheme: every term prefix and value slot of the database, and the
// rules that the indexer, the query builder and the snippets must share
// (which terms a word gives, which of them carry positions, where a page's
// positions start and how a position maps back to token i of a page), in
// one module so that no rule lives only in comments. Prefixes follow
// Xapian's conventions (xapian-core/docs/termprefixes.rst) so that
// xapian-delve and quest users recognise them; ours start with X.
//
// The database records the scheme's version (kFormatVersion) in its user
// metadata; CheckFormatVersion refuses an index of another version.
#ifndef GCMSEARCH_INDEX_TERM_SCHEME_H_
#define GCMSEARCH_INDEX_TERM_SCHEME_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "core/status.h"
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

// ---- Format version ----

// The version of this scheme and of the stored-document codec. Raise it
// whenever a change means an index written before cannot be read right;
// an index records it under kFormatVersionKey. Indexes written before the
// key existed are version 1 (this scheme).
inline constexpr int kFormatVersion = 1;
inline constexpr char kFormatVersionKey[] = "gcmsearch:format";

// OK when `db` (which may be empty) was written with this format, or with
// no recorded version (version 1). Otherwise Unsupported with one line
// naming `where`, both versions and how to rebuild.
Status CheckFormatVersion(const Xapian::Database& db, const std::string& where);

// ---- Words ----

// The terms one word of body text gives in `language`: its folded form
// (empty when it folds to nothing or is longer than kMaxTermBytes: not
// indexed) and the Z-prefixed folded stem (empty without a stemmer for the
// language). The stem carries positions only when it differs from the
// folded word; where they are equal, the word's own positions serve and
// StemOccurrenceTerms names both. This takes a fifth off the position
// table, the bulk of the index.
struct WordTerms {
  std::string folded;
  std::string stem_term;
  bool stem_positional = false;
};
WordTerms TermsOfWord(std::string_view word, std::string_view language);

// The term a folded word is indexed under (as TermsOfWord's `folded`).
std::string WordTerm(std::string_view word);

// The stem term of an (unprefixed) stem.
std::string StemTerm(std::string_view stem);

// Where the occurrences of stem `stem` (unprefixed) have positions: the
// stem term, and the folded word that is the stem itself (see WordTerms).
std::vector<std::string> StemOccurrenceTerms(const std::string& stem);

// ---- Positions and pages ----

// Token i of a page sits at position page.first_position + i; every token
// takes a position, indexed or not. Pages follow each other with
// kPageGap unused positions between them, so that a phrase does not run
// across pages by chance.
inline constexpr Xapian::termpos kPageGap = 1;

// Hands out the positions of a document's body text in that order:
// StartPage() gives the page's first_position, NextToken() each token's
// position (consecutive), EndPage() leaves the gap.
class PositionCursor {
 public:
  Xapian::termpos StartPage() const { return last_ + 1; }
  Xapian::termpos NextToken() { return ++last_; }
  void EndPage() { last_ += kPageGap; }

 private:
  Xapian::termpos last_ = 0;
};

// The page (of `pages`, in order, first_position set) holding position
// `pos` and the token index in it; false when `pos` precedes every page.
bool LocatePosition(const std::vector<Page>& pages, Xapian::termpos pos, int* page_number,
                    std::uint32_t* token);

}  // namespace gcm

#endif  // GCMSEARCH_INDEX_TERM_SCHEME_H_
