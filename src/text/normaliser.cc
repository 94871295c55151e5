// The normaliser: character-level cleaning on ICU, then the joining of words
// hyphenated across line ends, then language identification per page.
//
// Character cleaning keeps what a reader sees and removes what only gets in
// the way of search:
//   - invalid UTF-8 becomes U+FFFD, one per maximal bad subsequence (ICU's
//     U8_NEXT), so one broken byte never swallows its neighbours;
//   - "\r\n" and a lone "\r" become "\n"; "\v" (a manual line break in word
//     processors) becomes "\n"; "\f" (a page or section break) becomes a
//     paragraph break "\n\n"; U+2028/U+2029 likewise; every other C0/C1
//     control character is dropped; "\t" stays;
//   - the invisible U+200B, U+2060 and U+FEFF are dropped; soft hyphens
//     (U+00AD) are dropped after they have been used to join line-end words;
//   - compatibility forms are folded (NFKC) only for the decomposition types
//     that are pure presentation: ligatures and other <compat> forms
//     ("ﬁ" -> "fi", "…" -> "..."), <font> (mathematical bold letters),
//     <wide>/<narrow> (full-width "ＧＣＭ"), <noBreak> (NBSP -> space) and
//     Arabic presentation forms. Superscripts, subscripts, fractions and
//     circled forms keep their look: NFKC would turn the Spanish ordinals
//     "1.º", "Nº" into "1.o", "No" and glue footnote marks to words
//     ("migrants¹" -> "migrants1"). The result is then NFC;
//   - a spacing accent inside a word, as some PDF producers (TeX) emit it
//     ("informaci´on", "Espa˜na"), is put back on its letter ("información");
//   - spaces and tabs at line ends are dropped.
//
// De-hyphenation. A line that ends in a hyphen right after a letter, followed
// by a line that starts with a letter or digit, is one of: a word broken into
// syllables ("apren-\ndidas"), or a hyphenated compound that happens to break
// at its hyphen ("Secretary-\nGeneral", "follow-\nup"). One blank line
// between the parts is crossed when the second starts in lower case, since
// Tesseract splits paragraphs that way ("apren-\n\ndidas"). The line break goes
// either way; the hyphen stays or goes by these rules, first match wins:
//   1. a soft hyphen (U+00AD) always goes: it marks a syllable break;
//   2. a digit on either side keeps it ("2023-\n24", "COVID-\n19");
//   3. the text itself decides when it can: if the joined word ("aprendidas")
//      occurs elsewhere more often than the hyphenated form ("long-term" on
//      one line), join; if the hyphenated form is the commoner, keep it.
//      Normalise(doc) gathers these counts over the whole document;
//   4. a capital after the hyphen keeps it ("Secretary-General",
//      "América Latina-Caribe"): syllable breaks do not start with capitals,
//      except in all-capital headings, where rule 3 catches the words that
//      also occur in running text;
//   5. a single letter before the hyphen keeps it ("e-\nmail"): hyphenation
//      never leaves one letter behind; so does a first part that is itself
//      after a hyphen ("state-of-the-\nart", "up-to-\ndate");
//   6. an English compound: a first part that English hyphenates ("self",
//      "non", "well", "long", "short", "cross", "cost", "half") unless the
//      second part is only a suffix ("cross-\ning"), or a second part that is
//      a word English hyphenates compounds with ("based", "related", "term",
//      "making", "up", "level", "led", ...) keeps the hyphen. None of these is
//      a Spanish syllable, so Spanish is not affected;
//   7. otherwise the hyphen goes: in typeset English and Spanish a hyphen at
//      a line end is far more often a syllable break, and Spanish writes
//      almost no compounds with a hyphen.
// So "long-\nterm" becomes "long-term" (rule 6, both by "long" and by "term")
// unless the document writes "longterm" more often than "long-term".
#include "text/normaliser.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "text/language.h"
#include "text/text_fold.h"

namespace gcm {
namespace {

constexpr UChar32 kReplacement = 0xFFFD;
constexpr UChar32 kSoftHyphen = 0x00AD;

// True for decomposition types whose NFKC form looks the same to a reader.
bool FoldsForDisplay(UChar32 c) {
  switch (u_getIntPropertyValue(c, UCHAR_DECOMPOSITION_TYPE)) {
    case U_DT_COMPAT:
    case U_DT_FONT:
    case U_DT_NOBREAK:
    case U_DT_WIDE:
    case U_DT_NARROW:
    case U_DT_INITIAL:
    case U_DT_MEDIAL:
    case U_DT_FINAL:
    case U_DT_ISOLATED:
      return true;
    default:
      return false;
  }
}

// The combining mark for a spacing accent that PDF producers put before the
// letter it belongs to, or 0.
UChar32 CombiningFormOfSpacingAccent(UChar32 c) {
  switch (c) {
    case 0x00B4: return 0x0301;  // ´ acute
    case 0x00A8: return 0x0308;  // ¨ diaeresis
    case 0x02DC: return 0x0303;  // ˜ tilde
    case 0x02C6: return 0x0302;  // ˆ circumflex
    default: return 0;
  }
}

// The NFC composition of `letter` + `mark` when it is one code point, else 0.
UChar32 Compose(UChar32 letter, UChar32 mark) {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
  if (U_FAILURE(err)) return 0;
  UChar32 composed = nfc->composePair(letter, mark);
  return composed < 0 ? 0 : composed;
}

// Decodes UTF-8 into code points, replacing bad bytes with U+FFFD.
std::vector<UChar32> Decode(std::string_view text) {
  std::vector<UChar32> out;
  out.reserve(text.size());
  const char* s = text.data();
  const int32_t n = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(s, i, n, c);
    out.push_back(c < 0 ? kReplacement : c);
  }
  return out;
}

// Character-level cleaning (see the top of the file). Soft hyphens are kept
// for the de-hyphenation that follows.
std::string CleanCharacters(std::string_view text) {
  const std::vector<UChar32> in = Decode(text);
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(err);
  icu::UnicodeString u;
  const std::size_t n = in.size();
  for (std::size_t i = 0; i < n; ++i) {
    const UChar32 c = in[i];
    if (c == '\n' || c == '\t') {
      u.append(c);
    } else if (c == '\r') {
      if (i + 1 < n && in[i + 1] == '\n') continue;  // "\r\n": the "\n" follows
      u.append(UChar32{'\n'});
    } else if (c == '\v' || c == 0x0085 || c == 0x2028) {
      u.append(UChar32{'\n'});
    } else if (c == '\f' || c == 0x2029) {
      u.append(u"\n\n");
    } else if (c < 0x20 || (c >= 0x7F && c < 0xA0)) {
      // Other control characters carry nothing a reader sees.
    } else if (c == 0x200B || c == 0x2060 || c == 0xFEFF) {
      // Zero-width space, word joiner, BOM: invisible, and they split words.
    } else if (U_IS_UNICODE_NONCHAR(c)) {
      u.append(kReplacement);
    } else if (UChar32 mark = CombiningFormOfSpacingAccent(c);
               mark != 0 && i > 0 && i + 1 < n && u_isalpha(in[i - 1]) && u_isalpha(in[i + 1]) &&
               Compose(in[i + 1], mark) != 0) {
      u.append(Compose(in[i + 1], mark));  // "informaci´on" -> "información"
      ++i;
    } else if (c >= 0x80 && U_SUCCESS(err) && FoldsForDisplay(c)) {
      icu::UnicodeString decomposition;
      // Spacing accents ("´" -> " ́") would become a space and a mark that
      // lands on whatever follows.
      if (nfkc->getDecomposition(c, decomposition) &&
          !(decomposition.length() > 1 && decomposition.charAt(0) == u' ')) {
        u.append(decomposition);
      } else {
        u.append(c);
      }
    } else {
      u.append(c);
    }
  }
  icu::UnicodeString composed = u;
  if (U_SUCCESS(err)) {
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
    if (U_SUCCESS(err)) {
      UErrorCode nerr = U_ZERO_ERROR;
      icu::UnicodeString result = nfc->normalize(u, nerr);
      if (U_SUCCESS(nerr)) composed = result;
    }
  }
  std::string utf8;
  composed.toUTF8String(utf8);

  // Spaces and tabs before a newline or the end go.
  std::string out;
  out.reserve(utf8.size());
  std::size_t pending = 0;  // start of a run of spaces/tabs not yet copied
  bool in_run = false;
  for (std::size_t i = 0; i < utf8.size(); ++i) {
    char ch = utf8[i];
    if (ch == ' ' || ch == '\t') {
      if (!in_run) {
        pending = i;
        in_run = true;
      }
      continue;
    }
    if (in_run && ch != '\n') out.append(utf8, pending, i - pending);
    in_run = false;
    out.push_back(ch);
  }
  return out;
}

bool IsWordPart(UChar32 c) {
  if (c < 0) return false;
  int8_t t = u_charType(c);
  return u_isalnum(c) || t == U_NON_SPACING_MARK || t == U_COMBINING_SPACING_MARK;
}

bool IsHyphen(UChar32 c) { return c == '-' || c == 0x2010 || c == kSoftHyphen; }

bool EndsWithHyphen(std::string_view text) {
  return text.ends_with("-") || text.ends_with("\u2010") || text.ends_with("\u2011");
}

bool OneOf(std::string_view word, std::initializer_list<std::string_view> words) {
  for (std::string_view w : words) {
    if (word == w) return true;
  }
  return false;
}

// English first parts that English hyphenates and that no Spanish word
// begins with as a syllable.
bool IsCompoundHead(std::string_view folded) {
  return OneOf(folded, {"self", "non", "well", "long", "short", "cross", "cost", "half"});
}

// English second parts of hyphenated compounds: whole words, which a
// syllable break would not leave on a line of their own.
bool IsCompoundTail(std::string_view folded) {
  return OneOf(folded, {"based", "related", "term", "making", "up", "level", "led", "owned",
                        "scale", "specific", "sensitive", "responsive", "oriented", "centred",
                        "centered", "driven", "friendly", "income", "called", "depth"});
}

bool IsSuffix(std::string_view folded) {
  return OneOf(folded, {"ing", "ed", "er", "ers", "est", "ness", "ly", "ment", "ments", "tion",
                        "tions", "ish", "es", "s"});
}

// What the text says about its own words, for rule 3.
class HyphenEvidence {
 public:
  // Counts the words of `text`, and its hyphenated pairs within a line.
  void Add(std::string_view text) {
    const std::vector<Token> tokens = Tokenize(text);
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      const Token& t = tokens[i];
      ++words_[Fold(text.substr(t.offset, t.length))];
      if (i + 1 == tokens.size()) continue;
      const Token& next = tokens[i + 1];
      std::string_view between = text.substr(t.offset + t.length,
                                             next.offset - t.offset - t.length);
      if (between == "-" || between == "\u2010" || between == "\u2011") {
        ++hyphenated_[Fold(text.substr(t.offset, t.length)) + "-" +
                      Fold(text.substr(next.offset, next.length))];
      }
    }
  }

  // Times `joined` occurs as a word, and `first`-`second` as a hyphenated pair.
  int Joined(const std::string& joined) const { return Count(words_, joined); }
  int Hyphenated(const std::string& first, const std::string& second) const {
    return Count(hyphenated_, first + "-" + second);
  }

 private:
  static int Count(const std::unordered_map<std::string, int>& m, const std::string& key) {
    auto it = m.find(key);
    return it == m.end() ? 0 : it->second;
  }

  std::unordered_map<std::string, int> words_;
  std::unordered_map<std::string, int> hyphenated_;
};

enum class LineEndHyphen { kJoin, kKeep };

int CountCodePoints(std::string_view text) {
  int count = 0;
  for (char ch : text) count += (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
  return count;
}

// Rules 1-7 at the top of the file. `first` and `second` are the word parts
// before the hyphen and after the line break, as written; `after_hyphen`
// says `first` is itself the end of a hyphenated chain ("state-of-the-").
LineEndHyphen Decide(UChar32 hyphen, std::string_view first, std::string_view second,
                     bool after_hyphen, const HyphenEvidence& evidence) {
  if (hyphen == kSoftHyphen) return LineEndHyphen::kJoin;
  UChar32 last = 0;
  {
    int32_t end = static_cast<int32_t>(first.size());
    U8_PREV(first.data(), 0, end, last);
  }
  UChar32 head = 0;
  {
    int32_t i = 0;
    U8_NEXT(second.data(), i, static_cast<int32_t>(second.size()), head);
  }
  if (u_isdigit(last) || u_isdigit(head)) return LineEndHyphen::kKeep;

  const std::string a = Fold(first);
  const std::string b = Fold(second);
  const int joined = evidence.Joined(a + b);
  const int hyphenated = evidence.Hyphenated(a, b);
  if (joined > hyphenated) return LineEndHyphen::kJoin;
  if (hyphenated > joined) return LineEndHyphen::kKeep;

  if (u_isupper(head) || u_istitle(head)) return LineEndHyphen::kKeep;
  if (after_hyphen || CountCodePoints(first) == 1) return LineEndHyphen::kKeep;
  if ((IsCompoundHead(a) && !IsSuffix(b)) || IsCompoundTail(b)) return LineEndHyphen::kKeep;
  return LineEndHyphen::kJoin;
}

// Applies the de-hyphenation rules and drops the soft hyphens left over.
std::string JoinLineEndHyphens(std::string_view text, const HyphenEvidence& evidence) {
  std::string out;
  out.reserve(text.size());
  const char* s = text.data();
  const int32_t n = static_cast<int32_t>(text.size());
  int32_t word_start = -1;  // byte offset in `out` where the current word began
  for (int32_t i = 0; i < n;) {
    const int32_t at = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);  // the text is valid UTF-8 by now
    if (IsHyphen(c) && word_start >= 0) {
      // A hyphen right after a word: is it at a line end, before a word?
      int32_t j = i;
      while (j < n && (s[j] == ' ' || s[j] == '\t')) ++j;
      if (j < n && s[j] == '\n') {
        int32_t k = j + 1;
        while (k < n && (s[k] == ' ' || s[k] == '\t')) ++k;
        // Tesseract often puts a blank line inside a paragraph
        // ("apren-\n\ndidas"); one blank line is crossed when a lowercase
        // letter follows it, which a new paragraph would not start with.
        bool across_blank_line = false;
        if (k < n && s[k] == '\n') {
          ++k;
          while (k < n && (s[k] == ' ' || s[k] == '\t')) ++k;
          across_blank_line = true;
        }
        int32_t second_end = k;
        while (second_end < n) {
          int32_t next = second_end;
          UChar32 d;
          U8_NEXT(s, next, n, d);
          if (!IsWordPart(d)) break;
          second_end = next;
        }
        std::string_view first(out.data() + word_start, out.size() - word_start);
        std::string_view second(s + k, static_cast<std::size_t>(second_end - k));
        bool lowercase_next = false;
        if (second_end > k) {
          int32_t h = k;
          UChar32 d;
          U8_NEXT(s, h, n, d);
          lowercase_next = u_islower(d);
        }
        if (second_end > k && !first.empty() && (!across_blank_line || lowercase_next)) {
          bool after_hyphen = EndsWithHyphen(std::string_view(out).substr(0, word_start));
          if (Decide(c, first, second, after_hyphen, evidence) == LineEndHyphen::kKeep) {
            out.append(s + at, static_cast<std::size_t>(i - at));
            word_start = -1;
          }
          i = k;  // continue with the second part, on this line
          continue;
        }
      }
    }
    if (c == kSoftHyphen) continue;  // inside a line: invisible, and in the way
    if (IsWordPart(c)) {
      if (word_start < 0) word_start = static_cast<int32_t>(out.size());
    } else {
      word_start = -1;
    }
    out.append(s + at, static_cast<std::size_t>(i - at));
  }
  return out;
}

int CountLetters(std::string_view text) {
  int letters = 0;
  const char* s = text.data();
  const int32_t n = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c >= 0 && u_isalpha(c)) ++letters;
  }
  return letters;
}

}  // namespace

std::string NormaliseText(std::string_view text) {
  std::string clean = CleanCharacters(text);
  HyphenEvidence evidence;
  evidence.Add(clean);
  return JoinLineEndHyphens(clean, evidence);
}

void Normalise(Document& doc) {
  std::vector<std::string> clean;
  clean.reserve(doc.pages.size());
  HyphenEvidence evidence;
  for (const Page& page : doc.pages) {
    clean.push_back(CleanCharacters(page.text));
    evidence.Add(clean.back());
  }
  // The document's language is the one most of its letters are in.
  std::map<std::string, long> letters_by_language;
  for (std::size_t i = 0; i < doc.pages.size(); ++i) {
    Page& page = doc.pages[i];
    page.text = JoinLineEndHyphens(clean[i], evidence);
    page.language = DetectLanguage(page.text).code;
    if (page.language != "und") letters_by_language[page.language] += CountLetters(page.text);
  }
  doc.title = NormaliseText(doc.title);
  std::string best;
  long best_letters = -1;
  for (const auto& [language, letters] : letters_by_language) {
    if (letters > best_letters) {
      best = language;
      best_letters = letters;
    }
  }
  // Pages each too short to tell may still tell together (slides, forms).
  doc.language = best.empty() ? DetectLanguage(doc.FullText()).code : best;
}

}  // namespace gcm
