// The bodies of the fuzz targets, one function per target, so that the
// libFuzzer executables (tests/fuzz/<name>_fuzz.cc, built by tools/fuzz) and
// the ordinary regression suite (regressions_test.cc, which replays every
// input saved under tests/fuzz/regressions/<name>/) run the same checks.
// A failed check aborts with the file and line (FUZZ_CHECK), which libFuzzer
// saves as a finding and GoogleTest reports as a crashed test.
#ifndef GCMSEARCH_TESTS_FUZZ_FUZZ_TARGETS_H_
#define GCMSEARCH_TESTS_FUZZ_FUZZ_TARGETS_H_

#include <string_view>

namespace gcm::fuzz {

// The objective tagger: the first byte picks the language; every mention
// points inside the text at an objective that exists.
void Tagger(std::string_view data);

// NormaliseText, Tokenize, Fold, LowerCase: valid UTF-8 out, tokens inside
// the text and in order.
void Normaliser(std::string_view data);

// HTML extraction from memory (ParseHtml): valid UTF-8 text or a Status.
void Html(std::string_view data);

// The query language: parses or says why, and what parses builds a query.
void QueryParser(std::string_view data);

// The stored-document codec (search results, worker answers): decodes or
// reports corruption; whatever decodes re-encodes to a fixed point.
void DocCodec(std::string_view data);

// Encoding detection and conversion: UTF-8 out, whatever comes in.
void Encoding(std::string_view data);

}  // namespace gcm::fuzz

#endif  // GCMSEARCH_TESTS_FUZZ_FUZZ_TARGETS_H_
