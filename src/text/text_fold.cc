// Tokenizer and folding on ICU's character properties and its NFKC_Casefold
// normaliser. Folding a code point is done once and cached: the index folds
// every word of every document, so this is a hot path.
#include "text/text_fold.h"

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>
#include <unicode/utf16.h>

#include <array>
#include <memory>
#include <mutex>

namespace gcm {
namespace {

void AppendUtf8(UChar32 c, std::string* out) {
  char buf[4];
  int32_t len = 0;
  UBool error = false;
  U8_APPEND(buf, len, 4, c, error);
  if (!error) out->append(buf, static_cast<std::size_t>(len));
}

bool IsMark(UChar32 c) {
  int8_t t = u_charType(c);
  return t == U_NON_SPACING_MARK || t == U_COMBINING_SPACING_MARK || t == U_ENCLOSING_MARK;
}

bool IsLatin(UChar32 c) {
  UErrorCode err = U_ZERO_ERROR;
  return uscript_getScript(c, &err) == USCRIPT_LATIN;
}

// The folded UTF-8 of one code point, computed without the cache.
std::string FoldCodePointSlow(UChar32 c) {
  if (u_charType(c) == U_FORMAT_CHAR) return "";  // soft hyphen, ZWJ, ZWSP, BOM
  UErrorCode err = U_ZERO_ERROR;
  const UNormalizer2* nfkc_cf = unorm2_getNFKCCasefoldInstance(&err);
  const UNormalizer2* nfd = unorm2_getNFDInstance(&err);
  if (U_FAILURE(err)) return {};
  UChar in[2];
  int32_t in_len = 0;
  U16_APPEND_UNSAFE(in, in_len, c);
  UChar folded[32];
  int32_t folded_len = unorm2_normalize(nfkc_cf, in, in_len, folded, 32, &err);
  if (U_FAILURE(err)) return {};
  UChar decomposed[64];
  int32_t dec_len = unorm2_normalize(nfd, folded, folded_len, decomposed, 64, &err);
  if (U_FAILURE(err)) return {};
  UChar kept[64];
  int32_t kept_len = 0;
  bool after_latin = false;
  for (int32_t i = 0; i < dec_len;) {
    UChar32 d;
    U16_NEXT(decomposed, i, dec_len, d);
    // Accents are dropped from Latin letters only: in other scripts a mark
    // can change the letter itself.
    if (u_charType(d) == U_NON_SPACING_MARK && after_latin) continue;
    after_latin = IsLatin(d);
    U16_APPEND_UNSAFE(kept, kept_len, d);
  }
  // Recompose what is left (Greek and other scripts keep their accents).
  const UNormalizer2* nfc = unorm2_getNFCInstance(&err);
  UChar composed[64];
  int32_t comp_len = unorm2_normalize(nfc, kept, kept_len, composed, 64, &err);
  if (U_FAILURE(err)) return {};
  std::string out;
  for (int32_t i = 0; i < comp_len;) {
    UChar32 d;
    U16_NEXT(composed, i, comp_len, d);
    AppendUtf8(d, &out);
  }
  return out;
}

constexpr UChar32 kCachedRange = 0x3000;
constexpr UChar32 kBlockSize = 256;

// Folded forms of the code points below kCachedRange, computed one block of
// 256 at first use: a process that only meets Latin text pays for a few
// blocks, not for all of them at start-up.
class FoldTable {
 public:
  const std::string& Folded(UChar32 c) {
    EnsureBlock(c);
    return folded_[c];
  }
  bool Latin(UChar32 c) {
    EnsureBlock(c);
    return latin_[c];
  }

 private:
  void EnsureBlock(UChar32 c) {
    std::size_t block = static_cast<std::size_t>(c / kBlockSize);
    std::call_once(ready_[block], [&] {
      for (UChar32 d = static_cast<UChar32>(block) * kBlockSize; d < static_cast<UChar32>(block + 1) * kBlockSize;
           ++d) {
        if (U_IS_SURROGATE(d)) continue;
        folded_[d] = FoldCodePointSlow(d);
        latin_[d] = IsLatin(d);
      }
    });
  }

  std::array<std::string, kCachedRange> folded_;
  std::array<bool, kCachedRange> latin_{};
  std::array<std::once_flag, kCachedRange / kBlockSize> ready_;
};

FoldTable& Table() {
  static auto* table = new FoldTable();
  return *table;
}

bool IsWordChar(UChar32 c) {
  if (c < 0x80) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }
  if (u_isalnum(c) || IsMark(c)) return true;
  return c == 0x00AD;  // a soft hyphen inside a word joins it
}

bool IsDigit(UChar32 c) { return c < 0x80 ? (c >= '0' && c <= '9') : u_isdigit(c); }

}  // namespace

std::vector<Token> Tokenize(std::string_view text, std::size_t max_tokens) {
  std::vector<Token> tokens;
  const char* s = text.data();
  const int32_t n = static_cast<int32_t>(text.size());
  int32_t i = 0;
  int32_t start = -1;     // start of the current token, or -1
  UChar32 last = 0;       // last word character of the current token
  while (i < n) {
    int32_t at = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c >= 0 && IsWordChar(c)) {
      if (start < 0) start = at;
      last = c;
      continue;
    }
    if (start >= 0 && c >= 0 && i < n) {
      // Joiners: an apostrophe between letters, a point or comma between digits.
      int32_t j = i;
      UChar32 next;
      U8_NEXT(s, j, n, next);
      bool apostrophe = (c == '\'' || c == 0x2019) && u_isalpha(last) && next >= 0 && u_isalpha(next);
      bool separator = (c == '.' || c == ',') && IsDigit(last) && next >= 0 && IsDigit(next);
      if (apostrophe || separator) {
        last = next;
        i = j;
        continue;
      }
    }
    if (start >= 0) {
      tokens.push_back({static_cast<std::size_t>(start), static_cast<std::size_t>(at - start)});
      start = -1;
      if (tokens.size() >= max_tokens) return tokens;
    }
  }
  if (start >= 0) {
    tokens.push_back({static_cast<std::size_t>(start), static_cast<std::size_t>(n - start)});
  }
  return tokens;
}

std::string Fold(std::string_view text) {
  FoldTable& table = Table();
  std::string out;
  out.reserve(text.size());
  const char* s = text.data();
  const int32_t n = static_cast<int32_t>(text.size());
  bool after_latin = false;
  for (int32_t i = 0; i < n;) {
    unsigned char b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      out.push_back(b >= 'A' && b <= 'Z' ? static_cast<char>(b + 32) : static_cast<char>(b));
      after_latin = (b | 0x20) >= 'a' && (b | 0x20) <= 'z';
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) continue;
    if (u_charType(c) == U_NON_SPACING_MARK && after_latin) continue;  // e + U+0301
    if (c < kCachedRange) {
      out += table.Folded(c);
      after_latin = table.Latin(c);
    } else {
      out += FoldCodePointSlow(c);
      after_latin = IsLatin(c);
    }
  }
  return out;
}

std::string LowerCase(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  const char* s = text.data();
  const int32_t n = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < n;) {
    unsigned char b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      out.push_back(b >= 'A' && b <= 'Z' ? static_cast<char>(b + 32) : static_cast<char>(b));
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0 || c == 0x00AD) continue;
    AppendUtf8(u_tolower(c), &out);
  }
  return out;
}

}  // namespace gcm
