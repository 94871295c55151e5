// Language identification with CLD2, Google's Compact Language Detector 2
// (Debian's libcld2). CLD2 is table-driven and keeps no mutable global state,
// so DetectLanguage may be called from many ingestion threads at once.
//
// CLD2 answers with its own codes, mostly ISO 639-1 but with a few legacy
// ones ("iw" for Hebrew, "jw" for Javanese) and some regional or script
// variants ("zh-Hant", "sr-ME"); they are mapped to ISO 639-1 here. Languages
// without a 639-1 code keep CLD2's three-letter code ("ceb", "haw"), which is
// the ISO 639-2/3 one.
//
// One correction is made on top of CLD2. Spanish whose accents were lost
// (OCR, or text typed without them: "la consolidacion de cuatro Mesas de
// Trabajo por area tematica") scores as Galician, and sometimes Catalan or
// Portuguese, with CLD2 sure of itself. Those languages do not share Spanish's
// commonest function words ("y", "los", "las", "su", "el", "del"), so when
// CLD2 says gl/pt/ca and those words clearly outnumber the rival's own
// ("o", "os", "do", "da", "e", "unha", "els", "amb", ...), the answer is
// Spanish. Real Galician, Portuguese or Catalan has almost none of them and
// keeps its own code.
#include "text/language.h"

// CLD2's public header uses FILE without including <cstdio>.
#include <cstdio>

#include <cld2/public/compact_lang_det.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <string>
#include <string_view>

#include "text/text_fold.h"

namespace gcm {
namespace {

// Below this many letters a text is "und". Measured on windows of the sample
// fact sheets: under ~24 letters (four or five words) CLD2 is wrong or unsure
// about a third of the time; above it, it is right or says it is unsure.
constexpr int kMinLetters = 24;

// Texts longer than this are judged on their first kMaxBytes bytes: a page
// of prose is settled long before, and CLD2's cost grows with the input.
constexpr std::size_t kMaxBytes = 64 * 1024;

// True for a whitespace-delimited chunk that is an address or code rather
// than words: URLs and their wrapped continuations
// ("gcm_objectives=293&cross_cutting_theme=All&region=All"), e-mail
// addresses, file and domain names. CLD2 reads their pieces as English.
bool IsNotProse(std::string_view chunk) {
  // Every mark below holds one of these characters; most words hold none.
  if (chunk.find_first_of(":=&@_%.") == std::string_view::npos) return false;
  for (std::string_view mark : {"://", "www.", "WWW.", "=", "&", "@", "_", "%2", "%3"}) {
    if (chunk.find(mark) != std::string_view::npos) return true;
  }
  for (std::string_view end : {".org", ".int", ".com", ".net", ".gov", ".edu", ".pdf", ".html",
                               ".htm", ".php", ".aspx"}) {
    if (chunk.find(end) != std::string_view::npos) return true;
  }
  return false;
}

bool IsAsciiSpace(char ch) { return ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r'; }

// Interchange-valid UTF-8 as CLD2 requires (its CheckUTF8 entry points give
// up on the first bad byte): invalid sequences, C0/C1 controls other than
// tab and newlines, and noncharacters become spaces, and addresses are
// dropped (IsNotProse). Counts the letters kept.
std::string CleanForCld2(std::string_view text, int* letters) {
  std::string out;
  out.reserve(text.size());
  *letters = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    if (IsAsciiSpace(text[pos])) {
      out.push_back(text[pos++]);
      continue;
    }
    std::size_t end = pos;
    while (end < text.size() && !IsAsciiSpace(text[end])) ++end;
    std::string_view chunk = text.substr(pos, end - pos);
    pos = end;
    if (IsNotProse(chunk)) {
      out.push_back(' ');
      continue;
    }
    const char* s = chunk.data();
    const int32_t n = static_cast<int32_t>(chunk.size());
    for (int32_t i = 0; i < n;) {
      int32_t start = i;
      UChar32 c;
      U8_NEXT(s, i, n, c);
      bool control = c < 0x20 || (c >= 0x7F && c < 0xA0);
      if (c < 0 || control || U_IS_UNICODE_NONCHAR(c)) {
        out.push_back(' ');
        continue;
      }
      if (u_isalpha(c)) ++*letters;
      out.append(s + start, static_cast<std::size_t>(i - start));
    }
  }
  return out;
}

// Cuts at a UTF-8 character boundary at or before `max` bytes.
std::string_view Prefix(std::string_view text, std::size_t max) {
  if (text.size() <= max) return text;
  std::size_t end = max;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end);
}

// ISO 639-1 (or 639-2/3 where there is no 639-1 code) for a CLD2 language,
// "und" for UNKNOWN_LANGUAGE and for CLD2's script-only pseudo-languages.
std::string IsoCode(CLD2::Language lang) {
  if (lang == CLD2::UNKNOWN_LANGUAGE) return "und";
  const char* code = CLD2::LanguageCode(lang);
  if (code == nullptr || *code == '\0') return "und";
  std::string c = code;
  if (c == "un" || c.rfind("xx", 0) == 0) return "und";  // "xx-Latn" and the like
  if (c == "iw") return "he";
  if (c == "jw") return "jv";
  if (c == "in") return "id";
  if (c == "ji") return "yi";
  if (c == "mo") return "ro";
  // Regional and script variants: "zh-Hant" -> "zh", "sr-ME" -> "sr".
  if (auto dash = c.find('-'); dash != std::string::npos) c.resize(dash);
  return c;
}

bool OneOf(std::string_view word, std::initializer_list<std::string_view> words) {
  for (std::string_view w : words) {
    if (word == w) return true;
  }
  return false;
}

// The accentless-Spanish correction described at the top of the file.
// `rival` is "gl", "pt" or "ca"; words are compared folded (no case, no
// accents). Each set holds only words the rival language does not write.
bool LooksSpanishRatherThan(std::string_view text, std::string_view rival) {
  int spanish = 0;
  int other = 0;
  for (const Token& t : Tokenize(text)) {
    std::string w = Fold(text.substr(t.offset, t.length));
    if (OneOf(w, {"y", "los", "las", "su", "sus"})) {
      ++spanish;
    } else if (rival == "ca") {
      if (OneOf(w, {"con", "por", "pero"})) ++spanish;
      if (OneOf(w, {"els", "i", "amb", "dels", "pel", "pels", "aquesta", "aquest", "per"})) ++other;
    } else {
      if (OneOf(w, {"el", "del", "al", "la", "lo", "una"})) ++spanish;
      if (rival == "pt" && OneOf(w, {"un", "en", "con"})) ++spanish;
      if (OneOf(w, {"o", "os", "do", "da", "dos", "das", "ao", "aos", "um", "uma", "unha", "em",
                    "com", "nao", "seu", "sua", "dun", "dunha", "coa", "polo", "pola"})) {
        ++other;
      }
    }
  }
  return spanish >= 3 && spanish >= 3 * other;
}

}  // namespace

LanguageGuess DetectLanguage(std::string_view text) {
  int letters = 0;
  std::string clean = CleanForCld2(Prefix(text, kMaxBytes), &letters);
  if (letters < kMinLetters) return {};

  CLD2::Language language3[3];
  int percent3[3];
  double normalized_score3[3];
  int text_bytes = 0;
  bool is_reliable = false;
  int valid_prefix_bytes = 0;
  CLD2::Language lang = CLD2::ExtDetectLanguageSummaryCheckUTF8(
      clean.data(), static_cast<int>(clean.size()), /*is_plain_text=*/true,
      /*cld_hints=*/nullptr, /*flags=*/0, language3, percent3, normalized_score3,
      /*resultchunkvector=*/nullptr, &text_bytes, &is_reliable, &valid_prefix_bytes);
  LanguageGuess guess;
  guess.code = IsoCode(lang);
  guess.confidence = percent3[0] / 100.0;
  // CLD2 is often unsure of accentless Spanish too; the function words decide.
  bool iberian = guess.code == "gl" || guess.code == "pt" || guess.code == "ca";
  if ((iberian || !is_reliable) &&
      LooksSpanishRatherThan(clean, iberian ? guess.code : std::string_view("gl"))) {
    return {"es", is_reliable ? guess.confidence : 0.5};
  }
  // An unreliable answer is CLD2 saying two languages scored about the same,
  // or that the text is mostly not language: callers want "und" then.
  if (!is_reliable || guess.code == "und") return {};
  return guess;
}

}  // namespace gcm
