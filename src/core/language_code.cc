// The ISO 639-1 table behind CanonicalLanguage (language_code.h).
#include "core/language_code.h"

#include <algorithm>
#include <array>

namespace gcm {
namespace {

// ISO 639-1 (184 codes, sorted), from the Library of Congress list cited in
// the header.
constexpr std::array<std::string_view, 184> kIso6391 = {
    "aa", "ab", "ae", "af", "ak", "am", "an", "ar", "as", "av", "ay", "az", "ba", "be", "bg", "bh",
    "bi", "bm", "bn", "bo", "br", "bs", "ca", "ce", "ch", "co", "cr", "cs", "cu", "cv", "cy", "da",
    "de", "dv", "dz", "ee", "el", "en", "eo", "es", "et", "eu", "fa", "ff", "fi", "fj", "fo", "fr",
    "fy", "ga", "gd", "gl", "gn", "gu", "gv", "ha", "he", "hi", "ho", "hr", "ht", "hu", "hy", "hz",
    "ia", "id", "ie", "ig", "ii", "ik", "io", "is", "it", "iu", "ja", "jv", "ka", "kg", "ki", "kj",
    "kk", "kl", "km", "kn", "ko", "kr", "ks", "ku", "kv", "kw", "ky", "la", "lb", "lg", "li", "ln",
    "lo", "lt", "lu", "lv", "mg", "mh", "mi", "mk", "ml", "mn", "mr", "ms", "mt", "my", "na", "nb",
    "nd", "ne", "ng", "nl", "nn", "no", "nr", "nv", "ny", "oc", "oj", "om", "or", "os", "pa", "pi",
    "pl", "ps", "pt", "qu", "rm", "rn", "ro", "ru", "rw", "sa", "sc", "sd", "se", "sg", "si", "sk",
    "sl", "sm", "sn", "so", "sq", "sr", "ss", "st", "su", "sv", "sw", "ta", "te", "tg", "th", "ti",
    "tk", "tl", "tn", "to", "tr", "ts", "tt", "tw", "ty", "ug", "uk", "ur", "uz", "ve", "vi", "vo",
    "wa", "wo", "xh", "yi", "yo", "za", "zh", "zu"};

}  // namespace

Status CanonicalLanguage(std::string_view typed, std::string_view what, std::string* code) {
  std::string lower;
  for (char c : typed) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    lower.push_back(c);
  }
  if (lower == "und" || std::binary_search(kIso6391.begin(), kIso6391.end(), lower)) {
    *code = std::move(lower);
    return Status::OK();
  }
  std::string shown(typed.substr(0, 40));
  return Status::InvalidArgument(std::string(what) + shown +
                                 " is not a language code (use a two-letter ISO 639-1 code such as "
                                 "en, es, fr or pt, or und)");
}

}  // namespace gcm
