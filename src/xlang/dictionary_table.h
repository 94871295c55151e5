// The general word dictionary of the bilingual lexicon in the form lookups
// use: per language, two sorted "key<TAB>value" tables,
//
//   exact:   folded word -> its translations, "target|target|..." (most
//            usual first, as the dictionary TSV lists them);
//   stemmed: folded stem -> the folded words with that stem, "w|w|...".
//
// Folding and stemming 44,000 words takes ~40 ms, too long for every
// `gcmsearch search`; so the build runs BuildDictionaryTables once
// (src/xlang/make_dictionary_tables.cc) and compiles the tables in, and a
// process only finds the line starts (one memchr pass) before its first
// lookup. FromText/FromFiles lexicons build the same tables at run time,
// through the same function, so both hold the same answers.
#ifndef GCMSEARCH_XLANG_DICTIONARY_TABLE_H_
#define GCMSEARCH_XLANG_DICTIONARY_TABLE_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace gcm {

// A read-only view of "key<TAB>value\n" lines sorted by key (bytewise, keys
// unique), looked up by binary search. The text must outlive the table.
class SortedTable {
 public:
  SortedTable() = default;
  // Indexes the line starts of `text` (which must be sorted, as
  // BuildDictionaryTables writes it).
  explicit SortedTable(std::string_view text);

  // The value of `key`, or nothing.
  std::optional<std::string_view> Find(std::string_view key) const;

  std::size_t size() const { return lines_.size(); }

 private:
  std::string_view Key(std::size_t line) const;

  std::string_view text_;
  std::vector<std::uint32_t> lines_;  // offsets of line starts
};

// The tables of one dictionary; [0] read as English, [1] read as Spanish.
struct DictionaryTables {
  std::string exact[2];
  std::string stemmed[2];
  std::size_t words = 0;  // dictionary rows read
};

// Builds the tables from a dictionary TSV (lang <TAB> word <TAB>
// target|target..., '#' comments, as tools/make-xlang-dict writes). A word
// listed twice keeps the targets of both, first ones first. Corruption
// naming the line when a row has too few fields or an unknown language.
Status BuildDictionaryTables(std::string_view dictionary_tsv, DictionaryTables* out);

// Splits "a|b|c" (or any separator); an empty text gives one empty part.
std::vector<std::string_view> SplitView(std::string_view s, char sep);

// Calls row(fields) for each line of a TSV text, skipping blank lines and
// '#' comments (a trailing CR is dropped). When row returns false: the
// Corruption "<what> line N: expected more tab-separated fields".
Status ForEachTsvRow(std::string_view text, const char* what,
                     const std::function<bool(const std::vector<std::string_view>& fields)>& row);

}  // namespace gcm

#endif  // GCMSEARCH_XLANG_DICTIONARY_TABLE_H_
