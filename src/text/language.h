// Language identification behind one small interface, so the detector can
// change without touching its callers.
#ifndef GCMSEARCH_TEXT_LANGUAGE_H_
#define GCMSEARCH_TEXT_LANGUAGE_H_

#include <string>
#include <string_view>

namespace gcm {

struct LanguageGuess {
  std::string code = "und";  // ISO 639-1 ("en", "es", "pt", "fr", ...) or "und"
  double confidence = 0.0;   // 0..1
};

// The language of a UTF-8 text (CLD2); "und" with confidence 0 when there
// is too little text to tell (under 24 letters once URLs and other addresses
// are set aside) or the detector is unsure. Languages other than English and
// Spanish are named as they are. Invalid UTF-8 is tolerated. Thread-safe.
LanguageGuess DetectLanguage(std::string_view text);

}  // namespace gcm

#endif  // GCMSEARCH_TEXT_LANGUAGE_H_
