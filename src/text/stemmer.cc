// Stemmers per thread and language, since Xapian::Stem objects must not be
// shared between threads.
#include "text/stemmer.h"

#include <map>

#include "text/text_fold.h"
#include "xapian.h"

namespace gcm {
namespace {

const char* StemmerName(std::string_view language) {
  // string_view keys: this runs once per word indexed, so no strlen here.
  static constexpr std::pair<std::string_view, const char*> kStemmers[] = {
      {"en", "english"}, {"es", "spanish"}, {"pt", "portuguese"}, {"fr", "french"},
      {"it", "italian"}, {"de", "german"},  {"nl", "dutch"},      {"sv", "swedish"},
      {"no", "norwegian"}, {"da", "danish"}, {"fi", "finnish"},   {"ru", "russian"},
      {"ro", "romanian"}, {"hu", "hungarian"}, {"tr", "turkish"}, {"ca", "catalan"},
      {"eu", "basque"},  {"ar", "arabic"},  {"id", "indonesian"}, {"ga", "irish"},
      {"lt", "lithuanian"}, {"ne", "nepali"}, {"ta", "tamil"},    {"el", "greek"},
      {"hy", "armenian"}};
  for (const auto& [code, name] : kStemmers) {
    if (language == code) return name;
  }
  return nullptr;
}

}  // namespace

bool HasStemmer(std::string_view language) { return StemmerName(language) != nullptr; }

std::string StemWord(std::string_view word, std::string_view language) {
  const char* name = StemmerName(language);
  if (!name) return {};
  thread_local std::map<std::string, Xapian::Stem, std::less<>> stemmers;
  auto it = stemmers.find(language);
  if (it == stemmers.end()) {
    // Asked first rather than caught: Xapian::Stem throws for a stemmer this
    // Xapian build lacks, and Xapian's exceptions belong to index/'s adapter.
    static const std::string available = " " + Xapian::Stem::get_available_languages() + " ";
    if (available.find(" " + std::string(name) + " ") == std::string::npos) return {};
    it = stemmers.emplace(std::string(language), Xapian::Stem(name)).first;
  }
  return Fold(it->second(LowerCase(word)));
}

}  // namespace gcm
