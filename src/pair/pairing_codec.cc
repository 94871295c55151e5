// The stored form of PairingFeatures (see pairing.h), kept in each
// document's value slot kSlotPairing and coded with core/coding.h
// (str = length-prefixed):
//
//   'P' 1                      magic and version
//   str id, path, language, format
//   varint pages, chars
//   varint count, then each objective as a varint (<= 1000)
//   anchors, then words: varint count, then per entry (keys ascending)
//     varint bytes shared with the previous key, str rest of the key,
//     varint round(weight * 60)
//
// Sixtieths hold the weights exactly (counts, and shares 1/k of an English
// word translated k ways, k <= 6). The bytes are those written before
// core/coding.h existed: indexes built then read the same.
#include <cmath>
#include <cstdint>
#include <functional>

#include "core/coding.h"
#include "pair/pairing.h"

namespace gcm {
namespace {

constexpr std::uint8_t kMagic = 'P';
constexpr std::uint8_t kVersion = 1;
constexpr double kWeightScale = 60.0;

// What a decoder accepts; the encoder never writes more (ids are 16 hex
// digits, paths under PATH_MAX, languages "en", "es" or "und", formats
// "pdf" and the like). Keys have no cap but the bytes left: a URL anchor is
// as long as the URL in the text.
constexpr std::size_t kMaxIdBytes = 1 << 10;
constexpr std::size_t kMaxPathBytes = 1 << 20;
constexpr std::size_t kMaxNameBytes = 64;  // language, format
constexpr std::size_t kMaxObjectives = 1000;
constexpr std::uint64_t kMaxObjective = 1000;
constexpr std::size_t kMaxKeyBytes = SIZE_MAX;
constexpr std::size_t kMaxEntries = std::size_t{1} << 24;

void PutWeighted(const std::map<std::string, double>& entries, std::string* out) {
  PutVarint64(out, entries.size());
  std::string_view previous;
  for (const auto& [key, weight] : entries) {
    std::size_t shared = 0;
    while (shared < previous.size() && shared < key.size() && previous[shared] == key[shared]) ++shared;
    PutVarint64(out, shared);
    PutLengthPrefixed(out, std::string_view(key).substr(shared));
    PutVarint64(out, static_cast<std::uint64_t>(std::llround(std::max(0.0, weight) * kWeightScale)));
    previous = key;
  }
}

// One front-coded list; `what` is "anchor" or "word".
bool ReadWeighted(Decoder& d, const char* what,
                  const std::function<void(std::string_view key, double weight)>& entry) {
  const std::string name(what);
  std::size_t count = 0;
  if (!d.ReadCount("the count of " + name + "s", kMaxEntries, &count)) return false;
  std::string key;
  for (std::size_t i = 0; i < count; ++i) {
    const std::string nth = name + " " + std::to_string(i + 1);
    std::uint64_t shared = 0, weight = 0;
    std::string_view rest;
    if (!d.ReadVarint64AtMost(nth + "'s shared prefix", key.size(), &shared) ||
        !d.ReadLengthPrefixed(nth + "'s key", kMaxKeyBytes, &rest) || !d.ReadVarint64(nth + "'s weight", &weight)) {
      return false;
    }
    key.resize(static_cast<std::size_t>(shared));
    key += rest;
    entry(key, static_cast<double>(weight) / kWeightScale);
  }
  return true;
}

}  // namespace

std::string EncodePairingFeatures(const PairingFeatures& f) {
  std::string out;
  out.push_back(static_cast<char>(kMagic));
  out.push_back(static_cast<char>(kVersion));
  PutLengthPrefixed(&out, f.id);
  PutLengthPrefixed(&out, f.path);
  PutLengthPrefixed(&out, f.language);
  PutLengthPrefixed(&out, f.format);
  PutVarint64(&out, f.pages);
  PutVarint64(&out, f.chars);
  PutVarint64(&out, f.objectives.size());
  for (int n : f.objectives) PutVarint64(&out, static_cast<std::uint64_t>(std::max(0, n)));
  PutWeighted(f.anchors, &out);
  PutWeighted(f.words, &out);
  return out;
}

Status DecodePairingFeatures(std::string_view data, PairingFeatures* f) {
  auto into = [](std::map<std::string, double>* m) {
    return [m](std::string_view key, double weight) { m->emplace_hint(m->end(), key, weight); };
  };
  return DecodePairingFeatures(data, f, into(&f->anchors), into(&f->words));
}

Status DecodePairingFeatures(std::string_view data, PairingFeatures* f,
                             const std::function<void(std::string_view key, double weight)>& on_anchor,
                             const std::function<void(std::string_view key, double weight)>& on_word) {
  *f = PairingFeatures();
  Decoder d(data, "pairing features");
  std::size_t objectives = 0;
  std::uint64_t pages = 0, chars = 0;
  if (!d.ExpectByte("the magic byte", kMagic) || !d.ExpectByte("the version", kVersion) ||
      !d.ReadLengthPrefixed("the id", kMaxIdBytes, &f->id) ||
      !d.ReadLengthPrefixed("the path", kMaxPathBytes, &f->path) ||
      !d.ReadLengthPrefixed("the language", kMaxNameBytes, &f->language) ||
      !d.ReadLengthPrefixed("the format", kMaxNameBytes, &f->format) || !d.ReadVarint64("the page count", &pages) ||
      !d.ReadVarint64("the character count", &chars) ||
      !d.ReadCount("the count of objectives", kMaxObjectives, &objectives)) {
    return d.status();
  }
  f->pages = static_cast<std::size_t>(pages);
  f->chars = static_cast<std::size_t>(chars);
  f->objectives.reserve(objectives);  // bounded by the bytes left
  for (std::size_t i = 0; i < objectives; ++i) {
    std::uint64_t n = 0;
    if (!d.ReadVarint64AtMost("objective " + std::to_string(i + 1), kMaxObjective, &n)) return d.status();
    f->objectives.push_back(static_cast<int>(n));
  }
  if (!ReadWeighted(d, "anchor", on_anchor) || !ReadWeighted(d, "word", on_word) ||
      !d.ExpectEnd("the end of the features")) {
    return d.status();
  }
  return Status::OK();
}

}  // namespace gcm
