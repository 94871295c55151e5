// The bilingual English/Spanish lexicon behind cross-language search and
// version pairing. Two layers:
//
//   - the field's thesaurus: data/thesaurus-en-es.tsv (terms of the GCM,
//     A/RES/73/195, and UN terminology, with their sources) plus the 23
//     objectives' official titles and short labels (gcm::Objectives()).
//     Multi-word terms translate as units: "legal identity" is the phrase
//     "identidad jurídica", never "legal" + "identity".
//   - a general word dictionary derived from a Debian package
//     (data/dict-apertium-en-es.tsv, built by tools/make-xlang-dict), used
//     for words the thesaurus does not have.
//
// Both are compiled into the library, so a run never depends on its working
// directory; the dictionary already folded and stemmed at build time, so
// loading the lexicon costs a process well under a millisecond; FromFiles() reads other files (tools/xlang-eval compares
// dictionaries with it). Terms are matched by their Snowball stems in the
// language they are read in, so "regular pathway" meets "regular pathways"
// and "fronteras" meets the dictionary's "frontera". A BilingualLexicon is immutable
// once built and safe to share between threads.
#ifndef GCMSEARCH_XLANG_BILINGUAL_LEXICON_H_
#define GCMSEARCH_XLANG_BILINGUAL_LEXICON_H_

#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "xlang/dictionary_table.h"

namespace gcm {

// One way to say a term in the other language.
struct LexiconTranslation {
  std::string language;            // of the words below: "en" or "es"
  std::vector<std::string> words;  // lower case, accents kept; several = a phrase
  bool from_thesaurus = false;     // else from the general dictionary
};

// A thesaurus term found at the start of a word sequence.
struct ThesaurusMatch {
  std::string language;  // the language the words were read in
  std::size_t length = 0;  // how many of the words the term covers
  std::vector<LexiconTranslation> translations;
};

class BilingualLexicon {
 public:
  // Builds a lexicon from the texts of a thesaurus TSV (en <TAB> es [<TAB>
  // source], '#' comments) and a dictionary TSV (lang <TAB> word <TAB>
  // target|target..., as tools/make-xlang-dict writes), adding the
  // objectives' titles and labels to the thesaurus. Either text may be empty.
  // Corruption naming the line when a row has too few fields.
  static Status FromText(std::string_view thesaurus_tsv, std::string_view dictionary_tsv,
                         std::unique_ptr<BilingualLexicon>* out);

  // FromText on the contents of two files; an empty path stands for no
  // file. IOError when a file cannot be read.
  static Status FromFiles(const std::string& thesaurus_path, const std::string& dictionary_path,
                          std::unique_ptr<BilingualLexicon>* out);

  BilingualLexicon(const BilingualLexicon&) = delete;  // tables view its own text
  BilingualLexicon& operator=(const BilingualLexicon&) = delete;

  // The lexicon compiled in from data/ (built on first use, then shared).
  static const BilingualLexicon& BuiltIn();

  // The longest thesaurus term that `words` (as typed, in order) start
  // with, once reading them as English and once as Spanish; a reading with
  // no term is left out, so the result has 0, 1 or 2 entries.
  std::vector<ThesaurusMatch> MatchThesaurus(const std::vector<std::string>& words) const;

  // Dictionary translations of one word read in `language` ("en" or "es"),
  // most usual first, at most `max`: those of the word itself, else those of
  // the word with the same stem that shares the longest beginning with it
  // ("equitativa" takes "equitativo"'s, not "equitación"'s). A word that
  // translates to itself yields nothing. Empty when the dictionary does not
  // know it.
  std::vector<LexiconTranslation> TranslateWord(std::string_view word, std::string_view language,
                                                std::size_t max = 3) const;

  // True when the dictionary or the thesaurus has `word` (or a word with
  // its stem) read in `language`: a common word, not a name.
  bool Knows(std::string_view word, std::string_view language) const;

  std::size_t thesaurus_terms() const { return thesaurus_terms_; }
  std::size_t dictionary_words() const { return dictionary_words_; }

 private:
  BilingualLexicon() = default;
  void AddThesaurusTerm(const std::string& en, const std::string& es);
  // Adds each row of a thesaurus TSV, then the objectives' titles and labels.
  Status AddThesaurus(std::string_view thesaurus_tsv);
  // Points the dictionary lookups at `tables` (owned_ or compiled-in text).
  void UseDictionary(const std::string_view exact[2], const std::string_view stemmed[2], std::size_t words);
  // The translations listed for folded word `folded`, if any.
  std::optional<std::string_view> ExactTargets(int side, std::string_view folded) const;

  // [0] read as English, [1] read as Spanish. Keys: the words' stems joined
  // by spaces.
  std::map<std::string, std::vector<LexiconTranslation>> thesaurus_[2];
  // The dictionary (see xlang/dictionary_table.h): folded word -> targets,
  // stem -> the folded words with that stem.
  SortedTable exact_[2];
  SortedTable stemmed_[2];
  DictionaryTables owned_;  // the tables' text when built at run time
  std::size_t longest_term_ = 0;  // in words
  std::size_t thesaurus_terms_ = 0;
  std::size_t dictionary_words_ = 0;
};

// "es" for "en" and "en" for "es"; empty for anything else.
std::string OtherLanguage(std::string_view language);

}  // namespace gcm

#endif  // GCMSEARCH_XLANG_BILINGUAL_LEXICON_H_
