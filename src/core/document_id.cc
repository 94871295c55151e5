// Canonical paths and document ids (FNV-1a of the canonical path).
#include "core/document_id.h"

#include <cstdint>
#include <cstdio>

namespace gcm {

std::string CanonicalPath(const std::filesystem::path& file) {
  std::error_code ec;
  std::filesystem::path canonical = std::filesystem::weakly_canonical(
      std::filesystem::absolute(file, ec), ec);
  return canonical.empty() ? file.string() : canonical.string();
}

std::string DocumentIdFor(const std::filesystem::path& file) {
  std::string key = CanonicalPath(file);
  // FNV-1a, 64 bits: stable across runs and builds, unlike std::hash.
  std::uint64_t h = 1469598103934665603ull;
  for (unsigned char c : key) {
    h ^= c;
    h *= 1099511628211ull;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

}  // namespace gcm
