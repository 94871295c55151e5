// Loading and lookups of the bilingual lexicon. The compiled-in texts are
// defined in files CMake generates from data/.
#include "xlang/bilingual_lexicon.h"

#include <algorithm>
#include <cstddef>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "core/objectives.h"
#include "text/stemmer.h"
#include "text/text_fold.h"

namespace gcm {

extern const char* const kThesaurusTsv;
// Written at build time by make-dictionary-tables (xlang/dictionary_table.h).
extern const char kDictionaryExactEn[];
extern const char kDictionaryExactEs[];
extern const char kDictionaryStemmedEn[];
extern const char kDictionaryStemmedEs[];
extern const std::size_t kDictionaryWords;

namespace {

int Side(std::string_view language) { return language == "es" ? 1 : 0; }

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

void BilingualLexicon::UseDictionary(const std::string_view exact[2], const std::string_view stemmed[2],
                                     std::size_t words) {
  for (int side = 0; side < 2; ++side) {
    exact_[side] = SortedTable(exact[side]);
    stemmed_[side] = SortedTable(stemmed[side]);
  }
  dictionary_words_ = words;
}

std::optional<std::string_view> BilingualLexicon::ExactTargets(int side, std::string_view folded) const {
  return exact_[side].Find(folded);
}

Status BilingualLexicon::FromText(std::string_view thesaurus_tsv, std::string_view dictionary_tsv,
                                  std::unique_ptr<BilingualLexicon>* out) {
  std::unique_ptr<BilingualLexicon> lex(new BilingualLexicon());
  Status s = lex->AddThesaurus(thesaurus_tsv);
  if (!s.ok()) return s;
  s = BuildDictionaryTables(dictionary_tsv, &lex->owned_);
  if (!s.ok()) return s;
  const std::string_view exact[2] = {lex->owned_.exact[0], lex->owned_.exact[1]};
  const std::string_view stemmed[2] = {lex->owned_.stemmed[0], lex->owned_.stemmed[1]};
  lex->UseDictionary(exact, stemmed, lex->owned_.words);
  *out = std::move(lex);
  return Status::OK();
}

Status BilingualLexicon::AddThesaurus(std::string_view thesaurus_tsv) {
  Status s = ForEachTsvRow(thesaurus_tsv, "thesaurus", [&](const std::vector<std::string_view>& f) {
    if (f.size() < 2) return false;
    AddThesaurusTerm(std::string(f[0]), std::string(f[1]));
    return true;
  });
  if (!s.ok()) return s;
  // The objectives: official titles and short labels, in both languages.
  for (const Objective& o : Objectives()) {
    AddThesaurusTerm(o.title_en, o.title_es);
    AddThesaurusTerm(o.short_en, o.short_es);
  }
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
    std::unique_ptr<BilingualLexicon> lex(new BilingualLexicon());
    Status s = lex->AddThesaurus(kThesaurusTsv);
    if (!s.ok()) throw std::runtime_error("compiled-in lexicon: " + s.message());
    const std::string_view exact[2] = {kDictionaryExactEn, kDictionaryExactEs};
    const std::string_view stemmed[2] = {kDictionaryStemmedEn, kDictionaryStemmedEs};
    lex->UseDictionary(exact, stemmed, kDictionaryWords);
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
  if (ExactTargets(side, Fold(word))) return true;  // a word that translates to itself too
  std::string stem = StemWord(word, language);
  return stemmed_[side].Find(stem).has_value() || thesaurus_[side].count(stem) > 0;
}

std::vector<LexiconTranslation> BilingualLexicon::TranslateWord(std::string_view word, std::string_view language,
                                                                std::size_t max) const {
  std::vector<LexiconTranslation> out;
  if (language != "en" && language != "es") return out;
  int side = Side(language);
  const std::string folded = Fold(word);
  std::optional<std::string_view> targets = ExactTargets(side, folded);
  if (!targets) {
    std::optional<std::string_view> same_stem = stemmed_[side].Find(StemWord(word, language));
    if (!same_stem) return out;
    std::size_t best_shared = 0;
    for (std::string_view other : SplitView(*same_stem, '|')) {
      std::size_t shared = 0;
      while (shared < other.size() && shared < folded.size() && other[shared] == folded[shared]) ++shared;
      if (shared > best_shared) {
        best_shared = shared;
        targets = ExactTargets(side, other);
      }
    }
    if (!targets) return out;
  }
  std::string target_language = OtherLanguage(language);
  for (std::string_view t : SplitView(*targets, '|')) {
    if (out.size() >= max) break;
    if (t.empty()) continue;
    std::vector<std::string> words = TermWords(t);
    if (words.empty() || (words.size() == 1 && Fold(words[0]) == folded)) continue;
    out.push_back(LexiconTranslation{target_language, std::move(words), false});
  }
  return out;
}

}  // namespace gcm
