// What the fuzz targets share: a check that stops the run with a message
// (libFuzzer saves the input that got there), and a UTF-8 validity test.
#ifndef GCMSEARCH_TESTS_FUZZ_FUZZ_UTIL_H_
#define GCMSEARCH_TESTS_FUZZ_FUZZ_UTIL_H_

#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "extract/encoding.h"

// Like assert(), but also in release builds.
#define FUZZ_CHECK(cond)                                                        \
  do {                                                                          \
    if (!(cond)) {                                                              \
      std::fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
      std::abort();                                                             \
    }                                                                           \
  } while (0)

#endif  // GCMSEARCH_TESTS_FUZZ_FUZZ_UTIL_H_
