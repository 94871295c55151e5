// Loading and lookups of the bilingual lexicon. The compiled-in texts are
// defined in files CMake generates from data/.
#include "xlang/bilingual_lexicon.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "core/objectives.h"
#include "index/terms.h"
#include "normalise/text_fold.h"

namespace gcm {

extern const char* const kThesaurusTsv;
extern const char* const kDictionaryTsv;

namespace {

int Side(std::string_view language) { return language == "es" ? 1 : 0; }

std::vector<std::string> SplitOn(std::string_view s, char sep) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    std::size_t end = s.find(sep, start);
    out.emplace_back(s.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) return out;
    start = end + 1;
  }
}

// The words of a term as the tokenizer cuts them, lower case, accents kept.
std::vector<std::string> TermWords(std::string_view text) {
  std::vector<std::string> out;
  for (const Token& t : Tokenize(text)) out.push_back(LowerCase(text.substr(t.offset, t.length)));
  return out;
}

// The key of a word sequence read in `language`: stems joined by spaces
// (the folded word when the stemmer leaves nothing).
std::string StemKey(const std::vector<std::string>& words, std::size_t n, std::string_view language) {
  std::string key;
  for (std::size_t i = 0; i < n; ++i) {
    std::string stem = StemWord(words[i], language);
    if (stem.empty()) stem = Fold(words[i]);
    if (i) key += ' ';
    key += stem;
  }
  return key;
}

void AddUnique(std::vector<LexiconTranslation>* list, LexiconTranslation t) {
  for (const LexiconTranslation& have : *list) {
    if (have.words == t.words) return;
  }
  list->push_back(std::move(t));
}

void AddUnique(std::vector<std::string>* list, const std::string& s) {
  if (std::find(list->begin(), list->end(), s) == list->end()) list->push_back(s);
}

// Reads lines, skipping blank ones and '#' comments; calls row(fields,
// line number) for the others.
template <typename Row>
Status ForEachRow(std::string_view text, const char* what, Row row) {
  std::size_t line_no = 0, start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> fields = SplitOn(line, '\t');
    if (!row(fields)) {
      return Status::Corruption(std::string(what) + " line " + std::to_string(line_no) +
                                ": expected more tab-separated fields");
    }
  }
  return Status::OK();
}

}  // namespace

std::string OtherLanguage(std::string_view language) {
  if (language == "en") return "es";
  if (language == "es") return "en";
  return {};
}

void BilingualLexicon::AddThesaurusTerm(const std::string& en, const std::string& es) {
  std::vector<std::string> words[2] = {TermWords(en), TermWords(es)};
  if (words[0].empty() || words[1].empty()) return;
  const char* langs[2] = {"en", "es"};
  for (int side = 0; side < 2; ++side) {
    std::string key = StemKey(words[side], words[side].size(), langs[side]);
    AddUnique(&thesaurus_[side][key], LexiconTranslation{langs[1 - side], words[1 - side], true});
    longest_term_ = std::max(longest_term_, words[side].size());
  }
  ++thesaurus_terms_;
}

void BilingualLexicon::AddDictionaryWord(const std::string& language, const std::string& word,
                                const std::vector<std::string>& targets) {
  int side = Side(language);
  std::string folded = Fold(word);
  std::string stem = StemWord(word, language);
  for (const std::string& t : targets) {
    if (!t.empty()) AddUnique(&exact_[side][folded], t);
  }
  if (!stem.empty()) AddUnique(&stemmed_[side][stem], folded);
  ++dictionary_words_;
}

Status BilingualLexicon::FromText(std::string_view thesaurus_tsv, std::string_view dictionary_tsv,
                         std::unique_ptr<BilingualLexicon>* out) {
  std::unique_ptr<BilingualLexicon> lex(new BilingualLexicon());
  Status s = ForEachRow(thesaurus_tsv, "thesaurus", [&](const std::vector<std::string>& f) {
    if (f.size() < 2) return false;
    lex->AddThesaurusTerm(f[0], f[1]);
    return true;
  });
  if (!s.ok()) return s;
  // The objectives: official titles and short labels, in both languages.
  for (const Objective& o : Objectives()) {
    lex->AddThesaurusTerm(o.title_en, o.title_es);
    lex->AddThesaurusTerm(o.short_en, o.short_es);
  }
  s = ForEachRow(dictionary_tsv, "dictionary", [&](const std::vector<std::string>& f) {
    if (f.size() < 3 || (f[0] != "en" && f[0] != "es")) return false;
    lex->AddDictionaryWord(f[0], f[1], SplitOn(f[2], '|'));
    return true;
  });
  if (!s.ok()) return s;
  *out = std::move(lex);
  return Status::OK();
}

Status BilingualLexicon::FromFiles(const std::string& thesaurus_path, const std::string& dictionary_path,
                          std::unique_ptr<BilingualLexicon>* out) {
  std::string texts[2];
  const std::string* paths[2] = {&thesaurus_path, &dictionary_path};
  for (int i = 0; i < 2; ++i) {
    if (paths[i]->empty()) continue;
    std::ifstream in(*paths[i], std::ios::binary);
    if (!in) return Status::IOError(*paths[i] + ": cannot read the file");
    std::ostringstream buf;
    buf << in.rdbuf();
    texts[i] = buf.str();
  }
  return FromText(texts[0], texts[1], out);
}

const BilingualLexicon& BilingualLexicon::BuiltIn() {
  static const BilingualLexicon* const lexicon = [] {
    std::unique_ptr<BilingualLexicon> lex;
    Status s = FromText(kThesaurusTsv, kDictionaryTsv, &lex);
    if (!s.ok()) throw std::runtime_error("compiled-in lexicon: " + s.message());
    return lex.release();
  }();
  return *lexicon;
}

std::vector<ThesaurusMatch> BilingualLexicon::MatchThesaurus(const std::vector<std::string>& words) const {
  std::vector<ThesaurusMatch> out;
  const char* langs[2] = {"en", "es"};
  std::vector<std::string> lower;
  for (const std::string& w : words) lower.push_back(LowerCase(w));
  for (int side = 0; side < 2; ++side) {
    for (std::size_t n = std::min(longest_term_, lower.size()); n > 0; --n) {
      auto it = thesaurus_[side].find(StemKey(lower, n, langs[side]));
      if (it == thesaurus_[side].end()) continue;
      out.push_back(ThesaurusMatch{langs[side], n, it->second});
      break;
    }
  }
  return out;
}

bool BilingualLexicon::Knows(std::string_view word, std::string_view language) const {
  if (language != "en" && language != "es") return false;
  int side = Side(language);
  if (exact_[side].count(Fold(word))) return true;  // a word that translates to itself too
  std::string stem = StemWord(word, language);
  return stemmed_[side].count(stem) > 0 || thesaurus_[side].count(stem) > 0;
}

std::vector<LexiconTranslation> BilingualLexicon::TranslateWord(std::string_view word, std::string_view language,
                                                       std::size_t max) const {
  std::vector<LexiconTranslation> out;
  if (language != "en" && language != "es") return out;
  int side = Side(language);
  const std::string folded = Fold(word);
  auto exact = exact_[side].find(folded);
  if (exact == exact_[side].end()) {
    auto stemmed = stemmed_[side].find(StemWord(word, language));
    if (stemmed == stemmed_[side].end()) return out;
    std::size_t best_shared = 0;
    for (const std::string& other : stemmed->second) {
      std::size_t shared = 0;
      while (shared < other.size() && shared < folded.size() && other[shared] == folded[shared]) ++shared;
      if (shared > best_shared) {
        best_shared = shared;
        exact = exact_[side].find(other);
      }
    }
    if (exact == exact_[side].end()) return out;
  }
  std::string target_language = OtherLanguage(language);
  for (const std::string& t : exact->second) {
    if (out.size() >= max) break;
    std::vector<std::string> words = TermWords(t);
    if (words.empty() || (words.size() == 1 && Fold(words[0]) == folded)) continue;
    out.push_back(LexiconTranslation{target_language, std::move(words), false});
  }
  return out;
}

}  // namespace gcm
