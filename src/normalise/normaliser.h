// The normalisation stage: makes extracted text clean for display and for
// indexing, and decides each page's and the document's language.
#ifndef GCMSEARCH_NORMALISE_NORMALISER_H_
#define GCMSEARCH_NORMALISE_NORMALISER_H_

#include <string>
#include <string_view>

#include "core/document.h"

namespace gcm {

// Cleans one extracted text: Unicode compatibility forms where they help
// (ligatures, full-width forms), soft hyphens and control characters removed
// (newlines and tabs kept), words split by a hyphen at a line end joined
// ("apren-\ndidas" -> "aprendidas") while real compounds keep their hyphen
// ("Secretary-\nGeneral" -> "Secretary-General"). Invalid UTF-8 becomes U+FFFD.
std::string NormaliseText(std::string_view text);

// Normalises every page's text in place, sets each page's language and the
// document's (ISO 639-1, or "und" when there is too little text to tell).
void Normalise(Document& doc);

}  // namespace gcm

#endif  // GCMSEARCH_NORMALISE_NORMALISER_H_
