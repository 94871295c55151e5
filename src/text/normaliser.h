// The normalisation stage: makes extracted text clean for display and for
// indexing, and decides each page's and the document's language.
#ifndef GCMSEARCH_TEXT_NORMALISER_H_
#define GCMSEARCH_TEXT_NORMALISER_H_

#include <string>
#include <string_view>

#include "core/document.h"

namespace gcm {

// Cleans one extracted text: Unicode compatibility forms where they help
// (ligatures, full-width forms), soft hyphens and control characters removed
// (newlines and tabs kept), words split by a hyphen at a line end joined
// ("apren-\ndidas" -> "aprendidas") while real compounds keep their hyphen
// ("Secretary-\nGeneral" -> "Secretary-General"). Invalid UTF-8 becomes U+FFFD.
// "\r\n", "\r" and "\v" become "\n", "\f" becomes "\n\n"; spaces at line ends
// go. Superscripts, ordinals ("1.º") and fractions keep their look. The
// de-hyphenation rules are listed at the top of normaliser.cc; where a text
// shows both forms of a word, it follows the text. Pure, never fails, and
// NormaliseText(NormaliseText(t)) == NormaliseText(t).
std::string NormaliseText(std::string_view text);

// Normalises every page's text (and the title) in place, taking the
// de-hyphenation evidence from the whole document, and sets each page's
// language and the document's (ISO 639-1, or "und" when there is too little
// text to tell). The document's language is that of most of its letters
// among the pages that have one; when no page alone has enough text, the
// pages are judged together.
void Normalise(Document& doc);

}  // namespace gcm

#endif  // GCMSEARCH_TEXT_NORMALISER_H_
