// A hand-written scanner over the folded words for objectives cited by
// number. It walks the words once; at a keyword ("objective", "objetivos"),
// at "GCM"/"PMM" followed by a number, at an ordinal before a keyword, or at a
// number opening a line, it reads the citing phrase forwards: the numbers
// (lists, ranges, labels in parentheses or after a dash), then the owner
// ("of the Global Compact"), then decides.
#include "tag/number_matcher.h"

#include <algorithm>
#include <initializer_list>
#include <string>

#include "core/objectives.h"
#include "tag/lexicon.h"

namespace gcm::tag {
namespace {

constexpr double kExplicitConfidence = 1.0;
constexpr double kSentenceConfidence = 0.9;
constexpr double kDocumentConfidence = 0.75;
constexpr double kShortLabelConfidence = 0.8;
constexpr double kLabelConfidence = 0.8;
constexpr double kOrdinalSentenceConfidence = 0.85;
constexpr double kDisagreementConfidence = 0.5;

// Longest gap between a keyword and its number ("Compact objectives:\n  1").
constexpr std::size_t kMaxKeywordGap = 40;
// Longest parenthesised label read after a number.
constexpr std::size_t kMaxParenLabel = 200;
// Most words in a label in parentheses.
constexpr std::size_t kMaxParenLabelWords = 12;
// Most words read as a label after "N -" or "N:".
constexpr std::size_t kMaxDashLabelWords = 12;

bool In(std::string_view w, std::initializer_list<std::string_view> set) {
  return std::find(set.begin(), set.end(), w) != set.end();
}

// Levenshtein distance of two short words is at most 1.
bool WithinOneEdit(std::string_view a, std::string_view b) {
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() - a.size() > 1) return false;
  std::size_t i = 0;
  while (i < a.size() && a[i] == b[i]) ++i;
  if (i == a.size()) return true;
  if (a.size() == b.size()) return a.substr(i + 1) == b.substr(i + 1);
  return a.substr(i) == b.substr(i + 1);
}

bool IsKeyword(std::string_view w) {
  if (In(w, {"objective", "objectives", "objetivo", "objetivos", "obj"})) return true;
  // OCR: "objetlvo", "0bjective", "objectlves".
  if (w.size() < 8 || w.size() > 10 || (w[0] != 'o' && w[0] != '0')) return false;
  for (std::string_view k : {"objective", "objectives", "objetivo", "objetivos"}) {
    if (WithinOneEdit(w, k)) return true;
  }
  return false;
}
bool IsNumberSign(std::string_view w) {
  return In(w, {"no", "n", "nr", "nro", "num", "numero", "number", "o"});
}
bool IsConnector(std::string_view w) {
  return In(w, {"and", "y", "e", "or", "o", "as", "well", "plus"});
}
// Verbs that may follow "GCM N" as the subject of a sentence ("GCM 13 was
// discussed", "PMM 8 busca..."), unlike a noun ("GCM 5 years").
bool IsVerbAfterSubject(std::string_view w) {
  return In(w, {"is", "was", "were", "are", "has", "have", "had", "will", "calls", "aims",
                "seeks", "focuses", "es", "fue", "son", "fueron", "ha", "han", "busca", "tiene",
                "se"});
}
bool IsRangeWord(std::string_view w) {
  return In(w, {"to", "through", "thru", "until", "al", "a", "hasta"});
}
bool IsOwnerPreposition(std::string_view w) {
  return In(w, {"of", "del", "de", "in", "under", "within", "en", "bajo"});
}

// Words that make the number before them a quantity.
bool IsMeasureWord(std::string_view w) {
  return In(w, {"years",   "year",          "months",        "month",          "days",
                "weeks",   "hours",         "partners",      "countries",      "states",
                "people",  "persons",       "million",       "millions",       "billion",
                "percent", "per",           "times",         "pages",          "participants",
                "members", "organizations", "organisations", "agencies",       "anos",
                "ano",     "meses",         "dias",          "semanas",        "horas",
                "paises",  "socios",        "personas",      "millones",       "por",
                "veces",   "participantes", "miembros",      "organizaciones", "agencias",
                "goals",   "metas",         "principles",    "principios"});
}

bool IsObjectiveNumber(int v) { return v >= 1 && v <= kObjectiveCount; }

bool IsSpaceByte(char c) { return c == ' ' || c == '\t' || c == '\r'; }

// True when every character of `gap` is white space, a line break (when
// `newline_ok`), or one of `allowed`; "-" in `allowed` admits the Unicode
// dashes, '"' the curly quotes.
bool GapOnly(std::string_view gap, std::string_view allowed, bool newline_ok) {
  for (std::size_t i = 0; i < gap.size();) {
    char c = gap[i];
    if (IsSpaceByte(c)) {
      ++i;
      continue;
    }
    if (c == '\n' || c == '\f' || c == '\v') {
      if (!newline_ok) return false;
      ++i;
      continue;
    }
    if (static_cast<unsigned char>(c) < 0x80) {
      if (allowed.find(c) == std::string_view::npos) return false;
      ++i;
      continue;
    }
    std::string_view rest = gap.substr(i);
    auto starts = [&](std::string_view p) { return rest.substr(0, p.size()) == p; };
    if (starts("\u00a0")) {  // no-break space
      i += 2;
      continue;
    }
    const bool dash = starts("\u2013") || starts("\u2014") || starts("\u2010") || starts("\u2011");
    const bool quote = starts("\u201c") || starts("\u201d") || starts("\u2018") || starts("\u2019");
    if ((dash && allowed.find('-') != std::string_view::npos) ||
        (quote && allowed.find('"') != std::string_view::npos)) {
      i += 3;
      continue;
    }
    return false;
  }
  return true;
}

// White space and list bullets only: what may open a line before "20 - Remittances".
bool IsIndent(std::string_view s) {
  for (std::string_view bullet : {"\u2022", "\u00b7", "\u25cf", "\u25aa"}) {
    for (std::size_t at = s.find(bullet); at != std::string_view::npos; at = s.find(bullet)) {
      if (!GapOnly(s.substr(0, at), "*-#|", false)) return false;
      s.remove_prefix(at + bullet.size());
    }
  }
  return GapOnly(s, "*-#|", false);
}

bool HasDash(std::string_view gap) {
  return gap.find('-') != std::string_view::npos || gap.find("\u2013") != std::string_view::npos ||
         gap.find("\u2014") != std::string_view::npos;
}

// "1,8,23" as one token (no spaces after the commas): the numbers, else empty.
std::vector<int> CommaList(std::string_view w) {
  std::vector<int> out;
  int value = 0;
  int digits = 0;
  for (std::size_t i = 0; i <= w.size(); ++i) {
    if (i == w.size() || w[i] == ',') {
      if (digits == 0 || digits > 2 || !IsObjectiveNumber(value)) return {};
      out.push_back(value);
      value = 0;
      digits = 0;
    } else if (w[i] >= '0' && w[i] <= '9') {
      // Objectives have one or two digits; stop before a long run overflows.
      if (++digits > 2) return {};
      value = value * 10 + (w[i] - '0');
    } else {
      return {};
    }
  }
  return out.size() >= 2 ? out : std::vector<int>{};
}

struct OrdinalWord {
  std::string_view word;
  int value;
};
// English and Spanish ordinals up to 23; "twenty-third" and "vigésimo tercero"
// are read as two words (see OrdinalAt).
constexpr OrdinalWord kOrdinals[] = {
    // clang-format off
    {"first", 1}, {"second", 2}, {"third", 3}, {"fourth", 4}, {"fifth", 5}, {"sixth", 6},
    {"seventh", 7}, {"eighth", 8}, {"ninth", 9}, {"tenth", 10}, {"eleventh", 11}, {"twelfth", 12},
    {"thirteenth", 13}, {"fourteenth", 14}, {"fifteenth", 15}, {"sixteenth", 16},
    {"seventeenth", 17}, {"eighteenth", 18}, {"nineteenth", 19}, {"twentieth", 20}, {"primer", 1},
    {"primero", 1}, {"primera", 1}, {"segundo", 2}, {"segunda", 2}, {"tercer", 3}, {"tercero", 3},
    {"tercera", 3}, {"cuarto", 4}, {"cuarta", 4}, {"quinto", 5}, {"quinta", 5}, {"sexto", 6},
    {"sexta", 6}, {"septimo", 7}, {"setimo", 7}, {"septima", 7}, {"octavo", 8}, {"octava", 8},
    {"noveno", 9}, {"novena", 9}, {"decimo", 10}, {"decima", 10}, {"undecimo", 11},
    {"decimoprimero", 11}, {"decimoprimer", 11}, {"duodecimo", 12}, {"decimosegundo", 12},
    {"decimotercero", 13}, {"decimotercer", 13}, {"decimocuarto", 14}, {"decimoquinto", 15},
    {"decimosexto", 16}, {"decimoseptimo", 17}, {"decimoctavo", 18}, {"decimooctavo", 18},
    {"decimonoveno", 19}, {"decimonono", 19}, {"vigesimo", 20}, {"vigesima", 20},
    {"vigesimoprimero", 21}, {"vigesimoprimer", 21}, {"vigesimosegundo", 22},
    {"vigesimotercero", 23}, {"vigesimotercer", 23},
    // clang-format on
};

int OrdinalWordValue(std::string_view w) {
  for (const OrdinalWord& o : kOrdinals) {
    if (o.word == w) return o.value;
  }
  return 0;
}

// "1st", "23rd", "8th", "1er", "8o" ("8º" folded), "3ero".
int DigitOrdinalValue(std::string_view w) {
  std::size_t d = 0;
  int value = 0;
  while (d < w.size() && d < 2 && w[d] >= '0' && w[d] <= '9') value = value * 10 + (w[d++] - '0');
  if (d == 0 || d == w.size()) return 0;
  std::string_view suffix = w.substr(d);
  if (!In(suffix, {"st", "nd", "rd", "th", "o", "er", "ero", "do", "to", "vo", "no", "mo"}))
    return 0;
  return IsObjectiveNumber(value) ? value : 0;
}

// What a number is followed by.
struct Label {
  enum Kind { kNone, kParen, kDash, kEnumerator } kind = kNone;
  std::size_t begin = 0;   // first label word
  std::size_t end = 0;     // one past the last label word
  std::size_t resume = 0;  // first word after the label
  std::size_t after = 0;   // byte offset just after the label
};

struct Item {
  int objective = 0;
  std::size_t offset = 0;
  std::size_t end = 0;
  bool has_label = false;       // a label in parentheses or after a dash
  bool fitting_period = false;  // "Objective 23. Strengthen ...": words that fit it
  LabelFit fit;
};

struct Parse {
  std::vector<Item> items;
  std::size_t resume = 0;  // first word after the citing phrase
  Label first_label;
  LabelFit first_fit;
};

class Scanner {
 public:
  Scanner(std::string_view text, const std::vector<Word>& words, int page,
          const DocumentContext& context, std::vector<ObjectiveMention>* out)
      : text_(text), words_(words), page_(page), context_(context), out_(out) {}

  void Run() {
    // Which words are keywords, decided once: several checks look ahead.
    keyword_.resize(words_.size());
    for (std::size_t i = 0; i < words_.size(); ++i) {
      const std::string& f = words_[i].folded;
      if (f.empty() || (f[0] != 'o' && f[0] != '0')) continue;
      const std::string_view base = BaseForm(f);
      if (!IsKeyword(base)) continue;
      keyword_[i] = base == "objective" || base == "objetivo" ? 2 : 1;
    }
    std::size_t i = 0;
    while (i < words_.size()) {
      std::size_t next = i + 1;
      const char first = words_[i].folded[0];
      if (keyword_[i]) {
        next = FromKeyword(i);
      } else if ((first == 'g' || first == 'p') && In(Base(i), {"gcm", "pmm"})) {
        next = FromCompactNumber(i);
      } else if (std::size_t used = 0; BeforeKeyword(i) && OrdinalAt(i, &used) > 0) {
        next = FromOrdinal(i, used);
      } else if (IsObjectiveNumber(words_[i].value)) {
        next = FromShortLabel(i);
      }
      i = std::max(next, i + 1);
    }
  }

 private:
  std::string_view Base(std::size_t i) const {
    return i < words_.size() ? BaseForm(words_[i].folded) : std::string_view();
  }
  std::string_view Gap(std::size_t i) const { return GapBefore(text_, words_, i); }
  // True when a singular keyword follows within three words: only then can
  // word i be an ordinal worth reading ("first objective", "twenty-third GCM
  // objective").
  bool BeforeKeyword(std::size_t i) const {
    for (std::size_t k = i + 1; k <= i + 3 && k < words_.size(); ++k) {
      if (keyword_[k] == 2) return true;
    }
    return false;
  }
  bool IsNumberWord(std::size_t i) const {
    return i < words_.size() &&
           (IsObjectiveNumber(words_[i].value) || !CommaList(words_[i].folded).empty());
  }
  bool IsLetterWord(std::size_t i) const {
    if (i >= words_.size()) return false;
    unsigned char c =
        static_cast<unsigned char>(words_[i].folded.empty() ? '0' : words_[i].folded[0]);
    return !(c >= '0' && c <= '9');
  }

  // The value of an ordinal at word i ("first", "twenty-third", "vigésimo
  // tercero", "8th"), with the number of words it takes; 0 when none.
  int OrdinalAt(std::size_t i, std::size_t* used) const {
    std::string_view w = Base(i);
    if (w.empty()) return 0;
    if (w[0] >= '0' && w[0] <= '9') {
      *used = 1;
      return DigitOrdinalValue(words_[i].folded);
    }
    int tens = w == "twenty" ? 20 : (w == "decimo" ? 10 : (w == "vigesimo" ? 20 : 0));
    if (tens > 0 && i + 1 < words_.size() && GapOnly(Gap(i + 1), "-", false)) {
      int unit = OrdinalWordValue(Base(i + 1));
      if (unit >= 1 && unit <= 9 && IsObjectiveNumber(tens + unit)) {
        *used = 2;
        return tens + unit;
      }
    }
    *used = 1;
    return OrdinalWordValue(w);
  }

  // Reads what follows the number at word `last`: "(legal identity)",
  // "- REMITTANCES", ": Save lives ...", or "1. Improve ..." (a list item).
  Label ReadLabel(std::size_t last) const {
    Label label;
    label.resume = last + 1;
    label.after = words_[last].end();
    std::size_t p = words_[last].end();
    bool newline = false;
    while (p < text_.size() && (IsSpaceByte(text_[p]) || text_[p] == '\n')) {
      newline = newline || text_[p] == '\n';
      ++p;
    }
    if (p >= text_.size()) return label;
    std::size_t next = last + 1;
    if (text_[p] == '(') {
      std::size_t close = text_.find(')', p);
      if (close == std::string_view::npos || close - p > kMaxParenLabel) return label;
      std::size_t end = next;
      while (end < words_.size() && words_[end].offset < close) ++end;
      // An unclosed parenthesis must not swallow what follows: a label is a
      // few words, with no parenthesis or citation of its own inside.
      if (end - next > kMaxParenLabelWords ||
          text_.substr(p + 1, close - p - 1).find('(') != std::string_view::npos) {
        return label;
      }
      for (std::size_t m = next; m < end; ++m) {
        if (keyword_[m]) return label;
      }
      label.kind = Label::kParen;
      label.begin = next;
      label.end = end;
      label.resume = end;
      label.after = close + 1;
      return label;
    }
    if (newline || next >= words_.size()) return label;
    std::string_view gap = Gap(next);
    std::string_view rest = text_.substr(p);
    const bool dash = rest[0] == '-' || rest[0] == ':' || rest.substr(0, 3) == "\u2013" ||
                      rest.substr(0, 3) == "\u2014";
    if (dash && GapOnly(gap, "-:", false) && IsLetterWord(next)) {
      std::size_t end = next + 1;
      while (end < words_.size() && end - next < kMaxDashLabelWords &&
             GapOnly(Gap(end), ",-'\"/", false)) {
        ++end;
      }
      label.kind = Label::kDash;
      label.begin = next;
      label.end = end;
      label.resume = end;
      label.after = words_[end - 1].end();
      return label;
    }
    if ((rest[0] == '.' || rest[0] == ')') && rest.size() > 1 && IsSpaceByte(rest[1]) &&
        GapOnly(gap, ".)", false) && IsLetterWord(next)) {
      std::size_t end = next + 1;
      while (end < words_.size() && end - next < kMaxDashLabelWords && !HasLineBreak(Gap(end))) {
        ++end;
      }
      label.kind = Label::kEnumerator;
      label.begin = next;
      label.end = end;
    }
    return label;
  }

  // Reads the numbers of a citation from word `first`: lists, ranges and
  // their labels. `head_offset` is where the citing phrase starts (the
  // keyword); `strict_first` rejects a first number followed by a plain word
  // ("GCM 5 years", "PMM 5 años"), as "GCM N" needs; `heading` says a line
  // break or colon came between keyword and number, so that "1." followed by
  // words that are not objective 1's is a list item, not a citation.
  Parse ReadItems(std::size_t first, std::size_t head_offset, bool strict_first,
                  bool heading) const {
    Parse parse;
    parse.resume = first;
    std::size_t pos = first;
    bool is_first = true;
    bool newline_before = false;
    while (pos < words_.size()) {
      std::vector<int> values;
      std::size_t last = pos;
      const int v = words_[pos].value;
      if (IsObjectiveNumber(v)) {
        values.push_back(v);
        const std::size_t a = pos + 1;
        if (a < words_.size()) {
          std::string_view g = Gap(a);
          if (HasDash(g) && GapOnly(g, "-", false) && words_[a].value > v &&
              IsObjectiveNumber(words_[a].value)) {
            last = a;
          } else if (IsRangeWord(Base(a)) && GapOnly(g, "", false) && a + 1 < words_.size() &&
                     GapOnly(Gap(a + 1), "", false) && words_[a + 1].value > v &&
                     IsObjectiveNumber(words_[a + 1].value)) {
            last = a + 1;
          }
          if (last != pos) {
            for (int n = v + 1; n <= words_[last].value; ++n) values.push_back(n);
          }
        }
      } else {
        values = CommaList(words_[pos].folded);
        if (values.empty()) break;
      }

      // What follows the number decides whether it is one.
      const std::size_t after = last + 1;
      if (after < words_.size()) {
        std::string_view g = Gap(after);
        if (!g.empty() && g[0] == '%') break;  // "objective 10%"
        const bool plain_word = GapOnly(g, "", false) && !g.empty() && IsLetterWord(after);
        // A count or a quantity: "GCM 23 objectives", "GCM 5 years on",
        // "objectives 4 and 8 partners".
        if (plain_word && (IsKeyword(Base(after)) || IsMeasureWord(Base(after)))) break;
        if (plain_word && strict_first && is_first && !IsConnector(Base(after)) &&
            !IsOwnerPreposition(Base(after)) && !IsVerbAfterSubject(Base(after))) {
          break;
        }
      }
      Label label = ReadLabel(last);
      if (label.kind == Label::kEnumerator && !is_first && newline_before) break;
      LabelFit fit;
      const bool labelled = label.kind == Label::kParen || label.kind == Label::kDash ||
                            label.kind == Label::kEnumerator;
      if (labelled) fit = FitLabel(words_, label.begin, label.end, values.front());
      if (is_first) {
        parse.first_label = label;
        parse.first_fit = fit;
        if (heading && label.kind == Label::kEnumerator && fit.own == 0) {
          parse.items.clear();  // a numbered list under a heading
          return parse;
        }
      }
      for (int n : values) {
        Item item;
        item.objective = n;
        item.offset = is_first ? head_offset : words_[pos].offset;
        item.end = words_[last].end();
        item.has_label =
            values.size() == 1 && (label.kind == Label::kParen || label.kind == Label::kDash);
        item.fitting_period = values.size() == 1 && label.kind == Label::kEnumerator &&
                              fit.own > 0 && fit.own >= fit.best_other;
        item.fit = fit;
        parse.items.push_back(item);
      }
      is_first = false;
      const bool consumed_label = label.kind == Label::kParen || label.kind == Label::kDash;
      parse.resume = consumed_label ? label.resume : last + 1;

      // Does the list go on? "4 (...), 8 (...), and 13", "1, 8, 23", "16 (...); 19".
      std::size_t c = parse.resume;
      std::size_t region_begin = consumed_label ? label.after : words_[last].end();
      bool separated = false;
      bool newline = false;
      int connectors = 0;
      bool ok = true;
      while (c < words_.size()) {
        std::string_view region = text_.substr(region_begin, words_[c].offset - region_begin);
        if (!GapOnly(region, ",;&/", true)) {
          ok = false;
          break;
        }
        newline = newline || HasLineBreak(region);
        if (region.find_first_of(",;&/") != std::string_view::npos) separated = true;
        if (IsConnector(Base(c)) && connectors < 3) {
          ++connectors;
          separated = true;
          region_begin = words_[c].end();
          ++c;
          continue;
        }
        break;
      }
      if (!ok || c >= words_.size() || !IsNumberWord(c) || (newline && !separated)) break;
      newline_before = newline;
      pos = c;
    }
    return parse;
  }

  // Emits the items of a parsed citation whose head (keyword, "GCM" or
  // ordinal) starts at word `head`, when the owner and context allow.
  void Emit(const Parse& parse, std::size_t head, Owner owner, bool ordinal) {
    if (parse.items.empty() || owner == Owner::kOther) return;
    const std::size_t begin = words_[head].offset;
    const std::size_t end = parse.items.back().end;
    double confidence = kExplicitConfidence;
    if (owner != Owner::kGcm) {
      // "Objective 1: To support the implementation of the GCM" is a plan's
      // own objective 1: the words after the colon are not objective 1's.
      if (parse.first_label.kind == Label::kDash && parse.first_fit.own == 0 &&
          parse.first_fit.best_other < 2) {
        return;
      }
      const Span s = SentenceAround(text_, begin, end - begin);
      const int leaning = SentenceLeaning(text_, words_, s.begin, s.end, context_);
      // A label that fits its number ("8 (saving lives)") says these are the
      // GCM's objectives; so does an earlier citation in the same sentence.
      // A label that clearly names another objective ("Objective 20: Save
      // lives and establish ...") says so too, though the number is then
      // doubtful.
      bool confirmed = s.begin + 1 == confirmed_sentence_;
      for (const Item& item : parse.items) {
        confirmed = confirmed || item.fitting_period ||
                    (item.has_label && (item.fit.own > 0 || item.fit.best_other >= 2));
      }
      if (leaning < 0) return;
      if (leaning > 0) {
        confidence = ordinal ? kOrdinalSentenceConfidence : kSentenceConfidence;
      } else if (confirmed && !ordinal) {
        confidence = kLabelConfidence;
      } else if (context_.names_gcm && !ordinal) {
        confidence = kDocumentConfidence;
      } else {
        return;
      }
      confirmed_sentence_ = s.begin + 1;
    } else {
      confirmed_sentence_ = SentenceAround(text_, begin, end - begin).begin + 1;
    }
    const std::string evidence = Evidence(text_, begin, end - begin);
    for (const Item& item : parse.items) {
      ObjectiveMention m;
      m.objective = item.objective;
      m.kind = MentionKind::kNumber;
      m.page = page_;
      m.offset = item.offset;
      m.length = item.end - item.offset;
      m.text = evidence;
      m.confidence = confidence;
      if (item.has_label && item.fit.Disagrees()) {
        m.confidence = std::min(confidence, kDisagreementConfidence);
      }
      out_->push_back(std::move(m));
    }
  }

  // True when the gaps between words (from, to] are fit for "keyword ...
  // number": spaces, a colon, "#", quotes, dashes; a period only after "No".
  bool KeywordGapOk(std::size_t from, std::size_t to, bool* heading) const {
    std::size_t total = 0;
    for (std::size_t m = from + 1; m <= to; ++m) {
      std::string_view g = Gap(m);
      total += g.size();
      // "No. 8", "n.º 8", "Obj. 8".
      const bool after_abbreviation =
          (IsNumberSign(Base(m - 1)) && m - 1 != from) || Base(m - 1) == "obj";
      if (!GapOnly(g, after_abbreviation ? ":#*\"'-()." : ":#*\"'-()", true)) return false;
      if (HasLineBreak(g) || g.find(':') != std::string_view::npos) *heading = true;
    }
    return total <= kMaxKeywordGap;
  }

  std::size_t FromKeyword(std::size_t k) {
    const Owner before = OwnerBefore(text_, words_, k, context_);
    if (before == Owner::kOther) return k + 1;
    Owner owner = before;
    std::size_t j = k + 1;
    std::size_t gap_from = k;
    // "Objectives of the GCM: 1, 8", "Objetivos del Pacto: 4, 8".
    if (In(Base(j), {"of", "del", "de"})) {
      std::size_t m = j;
      while (m < j + 7 && m + 1 < words_.size() && Gap(m + 1).find(':') == std::string_view::npos) {
        ++m;
      }
      if (m < j + 7 && m + 1 < words_.size() && IsNumberWord(m + 1)) {
        if (OwnerAfter(text_, words_, j, context_) != Owner::kGcm) return m + 1;
        owner = Owner::kGcm;
        gap_from = m;
        j = m + 1;
      }
    }
    // "objective(s) 4, 15"
    if (j < words_.size() && In(Base(j), {"s", "es"}) && Gap(j) == "(" && j + 1 < words_.size() &&
        !Gap(j + 1).empty() && Gap(j + 1)[0] == ')') {
      gap_from = j;
      ++j;
    }
    // "objetivo primero del PMM"
    if (std::size_t used = 0; j < words_.size() && !IsNumberWord(j) && OrdinalAt(j, &used) > 0) {
      const int value = OrdinalAt(j, &used);
      bool heading = false;
      if (!KeywordGapOk(k, j, &heading) || heading) return k + 1;
      Parse parse;
      Item item;
      item.objective = value;
      item.offset = words_[k].offset;
      item.end = words_[j + used - 1].end();
      parse.items.push_back(item);
      parse.resume = j + used;
      Owner after = OwnerAfter(text_, words_, parse.resume, context_);
      Emit(parse, k, after == Owner::kUnknown ? owner : after, /*ordinal=*/true);
      return parse.resume;
    }
    // "objective No. 8", "objetivo nº 8", "objetivos del 1 al 3".
    for (int signs = 0;
         signs < 2 && j + 1 < words_.size() && IsNumberSign(Base(j)) && !IsNumberWord(j); ++signs) {
      ++j;
    }
    if (In(Base(j), {"from", "del", "de"}) && j + 3 < words_.size() && IsNumberWord(j + 1) &&
        IsRangeWord(Base(j + 2)) && IsNumberWord(j + 3)) {
      ++j;
    }
    if (!IsNumberWord(j)) return k + 1;
    bool heading = false;
    if (!KeywordGapOk(gap_from, j, &heading)) return k + 1;
    Parse parse = ReadItems(j, words_[k].offset, /*strict_first=*/false, heading);
    if (parse.items.empty()) return j + 1;
    const Owner after = OwnerAfter(text_, words_, parse.resume, context_);
    if (after != Owner::kUnknown) owner = after;  // "of the Global Compact on Refugees" wins
    Emit(parse, k, owner, /*ordinal=*/false);
    return parse.resume;
  }

  // "GCM 13", "PMM 8", "GCM-4".
  std::size_t FromCompactNumber(std::size_t g) {
    const std::size_t j = g + 1;
    if (!IsNumberWord(j)) return g + 1;
    std::string_view gap = Gap(j);
    if (gap.empty() || !GapOnly(gap, "-#", false)) return g + 1;
    Parse parse = ReadItems(j, words_[g].offset, /*strict_first=*/true, /*heading=*/false);
    if (parse.items.empty()) return j + 1;
    Owner after = OwnerAfter(text_, words_, parse.resume, context_);
    Emit(parse, g, after == Owner::kOther ? Owner::kOther : Owner::kGcm, /*ordinal=*/false);
    return parse.resume;
  }

  // "the first objective of the Global Compact", "el primer objetivo del
  // PMM", "the GCM's third objective".
  std::size_t FromOrdinal(std::size_t i, std::size_t used) {
    std::size_t used_again = 0;
    const int value = OrdinalAt(i, &used_again);
    std::size_t k = i + used;
    Owner owner = Owner::kUnknown;
    if (k < words_.size() && MarkerAt(text_, words_, k) != Marker::kNone &&
        GapOnly(Gap(k), "", false)) {
      owner = MarkerAt(text_, words_, k) == Marker::kForeign ? Owner::kOther : Owner::kGcm;
      ++k;
    }
    if (k >= words_.size() || !In(Base(k), {"objective", "objetivo"}) ||
        !GapOnly(Gap(k), "", true)) {
      return i + 1;
    }
    const Owner before = OwnerBefore(text_, words_, i, context_);
    if (before == Owner::kOther) return k + 1;
    if (before == Owner::kGcm && owner == Owner::kUnknown) owner = Owner::kGcm;
    const Owner after = OwnerAfter(text_, words_, k + 1, context_);
    if (after == Owner::kOther) return k + 1;
    if (after == Owner::kGcm) owner = Owner::kGcm;
    Parse parse;
    Item item;
    item.objective = value;
    item.offset = words_[i].offset;
    item.end = words_[k].end();
    parse.items.push_back(item);
    parse.resume = k + 1;
    Emit(parse, i, owner, /*ordinal=*/true);
    return k + 1;
  }

  // "20 - Remittances", "8: Salvar vidas" at the start of a line.
  std::size_t FromShortLabel(std::size_t i) {
    const int v = words_[i].value;
    std::string_view before = Gap(i);
    const std::size_t line = before.rfind('\n');
    if (i > 0 && line == std::string_view::npos) return i + 1;
    std::string_view indent = line == std::string_view::npos ? before : before.substr(line + 1);
    if (!IsIndent(indent)) return i + 1;
    if (i + 1 >= words_.size()) return i + 1;
    std::string_view sep = Gap(i + 1);
    if (!GapOnly(sep, "-:.", false) || sep.find_first_of("-:.") == std::string_view::npos) {
      if (!(HasDash(sep) && GapOnly(sep, "-", false))) return i + 1;
    }
    const std::size_t length = MatchShortLabel(words_, i + 1, v);
    if (length == 0) return i + 1;
    const std::size_t end = i + 1 + length;
    if (end < words_.size()) {
      std::string_view after = Gap(end);
      if (!HasLineBreak(after) && after.find_first_of(".;,)") == std::string_view::npos) {
        return i + 1;  // "1 - Data collection": the label is part of a longer phrase
      }
    }
    Span s = SentenceAround(text_, words_[i].offset, words_[end - 1].end() - words_[i].offset);
    const int leaning = SentenceLeaning(text_, words_, s.begin, s.end, context_);
    if (leaning < 0 || (leaning == 0 && !context_.names_gcm)) return i + 1;
    ObjectiveMention m;
    m.objective = v;
    m.kind = MentionKind::kNumber;
    m.page = page_;
    m.offset = words_[i].offset;
    m.length = words_[end - 1].end() - m.offset;
    m.text = Evidence(text_, m.offset, m.length);
    m.confidence = kShortLabelConfidence;
    out_->push_back(std::move(m));
    return end;
  }

  std::string_view text_;
  const std::vector<Word>& words_;
  int page_;
  const DocumentContext& context_;
  std::vector<ObjectiveMention>* out_;
  // 1 + the start of the sentence of the last accepted citation; 0 for none.
  std::size_t confirmed_sentence_ = 0;
  // Per word: 0, 1 for a keyword, 2 for a singular one ("objective", "objetivo").
  std::vector<unsigned char> keyword_;
};

}  // namespace

void FindNumberCitations(std::string_view text, const std::vector<Word>& words, int page,
                         const DocumentContext& context, std::vector<ObjectiveMention>* out) {
  Scanner(text, words, page, context, out).Run();
}

}  // namespace gcm::tag
