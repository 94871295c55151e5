// The words of a text as index terms: the folded word (case and accents
// ignored) and its folded stem in the text's language. The indexer and the
// query parser both use these, so a query meets the terms the index holds.
#ifndef GCMSEARCH_TEXT_STEMMER_H_
#define GCMSEARCH_TEXT_STEMMER_H_

#include <string>
#include <string_view>

namespace gcm {

// True when Xapian has a Snowball stemmer for this ISO 639-1 code.
bool HasStemmer(std::string_view language);

// The folded stem of one word in `language`, without prefix; empty when the
// language has no stemmer. Stemming runs on the lower-cased, still accented
// word (Xapian 1.4's Spanish stemmer expects accents) and the stem is folded
// afterwards. Thread-safe (one stemmer per thread and language).
std::string StemWord(std::string_view word, std::string_view language);

}  // namespace gcm

#endif  // GCMSEARCH_TEXT_STEMMER_H_
