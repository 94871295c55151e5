// The tagger's lexicon, built from the objectives table, and its tolerant
// word comparison.
#include "tag/lexicon.h"

#include <algorithm>
#include <array>
#include <unordered_set>

#include "core/objectives.h"
#include "text/text_fold.h"

namespace gcm::tag {
namespace {

const std::unordered_set<std::string_view>& Stopwords() {
  static const auto* words = new std::unordered_set<std::string_view>{
      // English
      "a", "an", "the", "and", "or", "of", "in", "on", "for", "to", "as", "at", "all", "that", "by",
      "with", "their", "its", "from", "into", "only", "well", "towards", "throughout", "is", "are",
      "be", "this", "these", "those", "such", "have", "has",
      // Spanish
      "y", "e", "o", "u", "de", "del", "la", "las", "el", "los", "lo", "para", "por", "al", "en",
      "que", "su", "sus", "con", "como", "asi", "todo", "toda", "todos", "todas", "largo", "sobre",
      "un", "una", "unos", "unas", "se", "ni"};
  return *words;
}

const std::unordered_set<std::string_view>& GenericWords() {
  static const auto* words = new std::unordered_set<std::string_view>{
      "migration", "migrations",    "migrant",       "migrants",       "migracion",   "migraciones",
      "migrante",  "migrantes",     "migratorio",    "migratoria",     "migratorios", "migratorias",
      "people",    "persons",       "personas",      "countries",      "country",     "paises",
      "pais",      "international", "internacional", "internacionales"};
  return *words;
}

// Words of the Compact's own name: never anchors, or "Global Compact for Safe,
// Orderly and Regular Migration" would start a match on objective 23.
bool IsCompactNameWord(std::string_view w) {
  return w == "safe" || w == "orderly" || w == "regular" || w == "segura" || w == "ordenada";
}

// Words that often stand for an objective without being in its title.
struct Synonyms {
  int objective;
  const char* words;
};
constexpr Synonyms kSynonyms[] = {
    {1, "data datos statistics estadisticas evidence"},
    {2, "drivers adverse structural climate clima factores"},
    {3, "information informacion"},
    {4,
     "identity identidad documentation documentacion documents documentos registration "
     "registro"},
    {5, "pathways vias regularization regularizacion visas"},
    {6, "recruitment contratacion decent decente labour labor laboral employment empleo"},
    {7, "vulnerabilities vulnerabilidades vulnerability vulnerabilidad vulnerable"},
    {8, "lives vidas missing desaparecidos rescue rescate search busqueda"},
    {9, "smuggling trafico"},
    {10, "trafficking trata"},
    {11, "borders border fronteras frontera"},
    {12, "screening referral verificacion derivacion procedures procedimientos"},
    {13, "detention detencion alternatives alternativas"},
    {14, "consular consulares"},
    {15, "services servicios health salud education educacion"},
    {16, "inclusion cohesion integration integracion"},
    {17, "discrimination discriminacion xenophobia xenofobia discourse discurso perceptions"},
    {18, "skills aptitudes competencias qualifications recognition reconocimiento"},
    {19, "diaspora diasporas contributions contribucion contribuciones development desarrollo"},
    {20, "remittances remesas financial financiera"},
    {21, "return retorno regreso readmission readmision reintegration reintegracion"},
    {22, "portability portabilidad security seguridad benefits prestaciones"},
    {23, "cooperation cooperacion partnerships alianzas"},
};

std::vector<std::string> FoldedWordsOf(std::string_view text) {
  std::vector<std::string> out;
  for (const Token& t : Tokenize(text)) out.push_back(Fold(text.substr(t.offset, t.length)));
  return out;
}

// Levenshtein distance between a and b, or max + 1 when it exceeds max.
int EditDistance(std::string_view a, std::string_view b, int max) {
  const int n = static_cast<int>(a.size());
  const int m = static_cast<int>(b.size());
  if (std::abs(n - m) > max) return max + 1;
  std::array<int, 64> prev{};
  std::array<int, 64> cur{};
  if (m >= 63) return a == b ? 0 : max + 1;
  for (int j = 0; j <= m; ++j) prev[j] = j;
  for (int i = 1; i <= n; ++i) {
    cur[0] = i;
    int row_min = cur[0];
    for (int j = 1; j <= m; ++j) {
      int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      row_min = std::min(row_min, cur[j]);
    }
    if (row_min > max) return max + 1;
    std::swap(prev, cur);
  }
  return prev[m];
}

void AddUnique(std::vector<std::string>* v, std::string s) {
  if (std::find(v->begin(), v->end(), s) == v->end()) v->push_back(std::move(s));
}

Lexicon Build() {
  Lexicon lex;
  lex.vocabulary.resize(kObjectiveCount + 1);
  lex.short_labels.resize(kObjectiveCount + 1);
  for (const Objective& o : Objectives()) {
    for (int l = 0; l < 2; ++l) {
      TitleForm t;
      t.objective = o.number;
      t.language = l == 0 ? "en" : "es";
      t.words = FoldedWordsOf(l == 0 ? o.title_en : o.title_es);
      for (const std::string& w : t.words) {
        bool content = !IsStopword(w);
        t.content.push_back(content);
        if (content) ++t.content_count;
      }
      const int index = static_cast<int>(lex.titles.size());
      for (std::size_t p = 0; p < t.words.size(); ++p) {
        const std::string& w = t.words[p];
        if (t.content[p] && w.size() >= 4 && !IsGenericWord(w) && !IsCompactNameWord(w)) {
          lex.anchors[w].emplace_back(index, static_cast<int>(p));
        }
      }
      for (const std::string& w : t.words) {
        if (!IsStopword(w) && !IsGenericWord(w)) AddUnique(&lex.vocabulary[o.number], Stem(w));
      }
      lex.titles.push_back(std::move(t));
    }
    for (const std::string& label : {o.short_en, o.short_es}) {
      std::vector<std::string> words = FoldedWordsOf(label);
      for (const std::string& w : words) {
        if (!IsStopword(w) && !IsGenericWord(w)) AddUnique(&lex.vocabulary[o.number], Stem(w));
      }
      lex.short_labels[o.number].push_back(std::move(words));
    }
  }
  for (const Synonyms& s : kSynonyms) {
    for (const std::string& w : FoldedWordsOf(s.words))
      AddUnique(&lex.vocabulary[s.objective], Stem(w));
  }
  for (int n = 1; n <= kObjectiveCount; ++n) {
    for (const std::string& stem : lex.vocabulary[n]) lex.vocabulary_index[stem] |= 1u << n;
  }
  lex.vocabulary_by_letter.resize(256);
  for (const auto& [stem, mask] : lex.vocabulary_index) {
    lex.vocabulary_by_letter[static_cast<unsigned char>(stem[0])].emplace_back(stem, mask);
  }
  lex.anchor_shape.assign(256, {});
  for (const auto& [word, places] : lex.anchors) {
    lex.anchor_shape[static_cast<unsigned char>(word[0])][std::min<std::size_t>(word.size(), 31)] =
        true;
  }
  return lex;
}

}  // namespace

const Lexicon& GetLexicon() {
  static const auto* lexicon = new Lexicon(Build());
  return *lexicon;
}

bool IsStopword(std::string_view folded) { return Stopwords().count(folded) > 0; }

bool IsGenericWord(std::string_view folded) { return GenericWords().count(folded) > 0; }

namespace {

// The length of `folded` without its suffix, as Stem() cuts it.
std::size_t StemLength(std::string_view folded) {
  static constexpr std::string_view kSuffixes[] = {"aciones", "ciones", "ations", "mente", "ation",
                                                   "cion",    "tion",   "ing",    "es",    "ed",
                                                   "s",       "e",      "a",      "o"};
  for (std::string_view suffix : kSuffixes) {
    if (folded.size() >= suffix.size() + 4 &&
        folded.compare(folded.size() - suffix.size(), suffix.size(), suffix) == 0) {
      return folded.size() - suffix.size();
    }
  }
  return folded.size();
}

}  // namespace

std::string Stem(std::string_view folded) {
  return std::string(folded.substr(0, StemLength(folded)));
}

bool WordsAlike(std::string_view a, std::string_view b) {
  if (a == b) return true;
  const std::size_t shorter = std::min(a.size(), b.size());
  const std::size_t longer = std::max(a.size(), b.size());
  // Cheap rejections first: this runs for every neighbour of every anchor.
  // OCR noise rarely hits a word's first letter.
  if (shorter < 5 || longer - shorter > 4 || a[0] != b[0]) return false;
  // Digits must match exactly: "2023" is not "2022".
  for (std::string_view w : {a, b}) {
    for (char c : w) {
      if (c >= '0' && c <= '9') return false;
    }
  }
  const std::size_t sa = StemLength(a);
  if (sa >= 4 && a.substr(0, sa) == b.substr(0, StemLength(b))) return true;
  const int max = shorter >= 9 ? 2 : 1;
  return EditDistance(a, b, max) <= max;
}

LabelFit FitLabel(const std::vector<Word>& words, std::size_t begin, std::size_t end,
                  int objective) {
  const Lexicon& lex = GetLexicon();
  std::array<int, kObjectiveCount + 1> score{};
  for (std::size_t i = begin; i < end && i < words.size(); ++i) {
    const std::string& w = words[i].folded;
    if (w.size() < 3 || IsStopword(w) || IsGenericWord(w) || words[i].value >= 0) continue;
    const std::string stem = Stem(w);
    std::uint32_t mask = 0;
    if (auto it = lex.vocabulary_index.find(stem); it != lex.vocabulary_index.end()) {
      mask = it->second;
    } else {
      for (const auto& [v, m] : lex.vocabulary_by_letter[static_cast<unsigned char>(stem[0])]) {
        if (WordsAlike(v, stem)) mask |= m;
      }
    }
    for (int n = 1; n <= kObjectiveCount; ++n) {
      if (mask & (1u << n)) ++score[n];
    }
  }
  LabelFit fit;
  if (objective >= 1 && objective <= kObjectiveCount) fit.own = score[objective];
  for (int n = 1; n <= kObjectiveCount; ++n) {
    if (n != objective && score[n] > fit.best_other) {
      fit.best_other = score[n];
      fit.other_objective = n;
    }
  }
  return fit;
}

std::size_t MatchShortLabel(const std::vector<Word>& words, std::size_t begin, int objective) {
  if (objective < 1 || objective > kObjectiveCount) return 0;
  for (const std::vector<std::string>& label : GetLexicon().short_labels[objective]) {
    if (label.empty() || begin + label.size() > words.size()) continue;
    bool all = true;
    for (std::size_t k = 0; k < label.size() && all; ++k) {
      all = WordsAlike(label[k], words[begin + k].folded);
    }
    if (all) return label.size();
  }
  return 0;
}

}  // namespace gcm::tag
