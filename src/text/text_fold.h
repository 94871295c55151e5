// Word tokens and the folded form under which they are indexed and searched.
//
// Folding is what makes "MIGRACIÓN", "Migración" and "migracion" one term:
// full Unicode case folding, compatibility forms (NFKC: the "ﬁ" ligature,
// full-width letters), and removal of the accents of Latin letters ("ñ" -> "n",
// "ç" -> "c"). Accents of other scripts are kept. Documents and queries use
// the same functions, so what a user types meets what the indexer stored.
#ifndef GCMSEARCH_TEXT_TEXT_FOLD_H_
#define GCMSEARCH_TEXT_TEXT_FOLD_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace gcm {

// A word in a UTF-8 text: letters and digits with the marks that belong to
// them; "10.7", "2023-24" stay apart at the hyphen but "10.7" and "1,000" are
// one token; an apostrophe between letters joins ("don't"), other
// punctuation and hyphens separate ("Secretary-General" is two tokens at
// consecutive positions, so a phrase finds it).
struct Token {
  std::size_t offset = 0;  // byte offset in the text
  std::size_t length = 0;  // byte length
};

// Splits text into word tokens, in order. Invalid UTF-8 bytes separate words.
// Stops after `max_tokens` tokens (snippets need only the start of a page).
std::vector<Token> Tokenize(std::string_view text, std::size_t max_tokens = SIZE_MAX);

// The folded form of a piece of text (usually one token): case-folded,
// NFKC-compatible, Latin accents removed, soft hyphens and other invisible
// format characters dropped. Pure; invalid UTF-8 bytes are dropped.
std::string Fold(std::string_view text);

// Lower case only (accents kept): what the Snowball stemmers want as input,
// since Xapian 1.4's Spanish stemmer expects accented words.
std::string LowerCase(std::string_view text);

}  // namespace gcm

#endif  // GCMSEARCH_TEXT_TEXT_FOLD_H_
