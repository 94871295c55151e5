// PLACEHOLDER while the normaliser is written on its own branch.
#include "normalise/normaliser.h"

#include "normalise/language.h"

namespace gcm {

std::string NormaliseText(std::string_view text) { return std::string(text); }

void Normalise(Document& doc) {
  for (Page& p : doc.pages) {
    p.text = NormaliseText(p.text);
    p.language = DetectLanguage(p.text).code;
  }
  doc.language = DetectLanguage(doc.FullText()).code;
}

}  // namespace gcm
