// The term scheme's rules (term_scheme.h), with Xapian's database metadata
// for the format version.
#include "index/term_scheme.h"

#include <algorithm>

#include "index/xapian_status.h"
#include "text/stemmer.h"
#include "text/text_fold.h"

namespace gcm {

Status CheckFormatVersion(const Xapian::Database& db, const std::string& where) {
  std::string recorded;
  Status s = GuardXapian(where + ": cannot read the index's format version",
                         [&] { recorded = db.get_metadata(kFormatVersionKey); });
  if (!s.ok()) return s;
  int version = 1;  // written before the key existed
  if (!recorded.empty()) {
    version = 0;
    for (char c : recorded) {
      if (c < '0' || c > '9' || version > 100000) {
        version = -1;
        break;
      }
      version = version * 10 + (c - '0');
    }
  }
  if (version == kFormatVersion) return Status::OK();
  return Status::Unsupported(
      where + ": this index was written in gcmsearch index format " +
      (version < 0 ? "'" + recorded + "'" : std::to_string(version)) +
      " and this gcmsearch reads format " + std::to_string(kFormatVersion) +
      ": rebuild it (remove the folder, then gcmsearch ingest --index " + where + " PATH...)");
}

WordTerms TermsOfWord(std::string_view word, std::string_view language) {
  WordTerms t;
  t.folded = WordTerm(word);
  if (t.folded.empty() || !HasStemmer(language)) return t;
  std::string stemmed = StemWord(word, language);
  if (!stemmed.empty()) {
    t.stem_term = StemTerm(stemmed);
    t.stem_positional = stemmed != t.folded;
  }
  return t;
}

std::string WordTerm(std::string_view word) {
  std::string folded = Fold(word);
  if (folded.size() > kMaxTermBytes) folded.clear();
  return folded;
}

std::string StemTerm(std::string_view stem) { return kPrefixStem + std::string(stem); }

std::vector<std::string> StemOccurrenceTerms(const std::string& stem) {
  return {StemTerm(stem), stem};
}

bool LocatePosition(const std::vector<Page>& pages, Xapian::termpos pos, int* page_number,
                    std::uint32_t* token) {
  // The last page whose first position is <= pos.
  auto page = std::upper_bound(pages.begin(), pages.end(), pos,
                               [](Xapian::termpos p, const Page& pg) { return p < pg.first_position; });
  if (page == pages.begin()) return false;
  --page;
  *page_number = page->number;
  *token = static_cast<std::uint32_t>(pos - page->first_position);
  return true;
}

}  // namespace gcm
