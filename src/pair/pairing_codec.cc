// The stored form of PairingFeatures (see pairing.h):
//
//   'P' 1                      magic and version
//   str id, path, language, format
//   varint pages, chars
//   varint count, then each objective as a varint
//   anchors, then words: varint count, then per entry (keys ascending)
//     varint bytes shared with the previous key, str rest of the key,
//     varint round(weight * 60)
//
// where str = varint length + bytes. Sixtieths hold the weights exactly
// (counts, and shares 1/k of an English word translated k ways, k <= 6).
#include <cmath>
#include <functional>

#include "pair/pairing.h"

namespace gcm {
namespace {

constexpr char kMagic = 'P';
constexpr char kVersion = 1;
constexpr double kWeightScale = 60.0;

void PutVarint(std::uint64_t v, std::string* out) {
  while (v >= 0x80) {
    out->push_back(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  out->push_back(static_cast<char>(v));
}

void PutString(std::string_view s, std::string* out) {
  PutVarint(s.size(), out);
  out->append(s);
}

void PutWeighted(const std::map<std::string, double>& entries, std::string* out) {
  PutVarint(entries.size(), out);
  std::string_view previous;
  for (const auto& [key, weight] : entries) {
    std::size_t shared = 0;
    while (shared < previous.size() && shared < key.size() && previous[shared] == key[shared]) ++shared;
    PutVarint(shared, out);
    PutString(std::string_view(key).substr(shared), out);
    PutVarint(static_cast<std::uint64_t>(std::llround(std::max(0.0, weight) * kWeightScale)), out);
    previous = key;
  }
}

class Reader {
 public:
  explicit Reader(std::string_view data) : data_(data) {}

  bool Varint(std::uint64_t* v) {
    *v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (at_ >= data_.size()) return false;
      unsigned char byte = static_cast<unsigned char>(data_[at_++]);
      *v |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
      if (!(byte & 0x80)) return true;
    }
    return false;
  }
  bool Size(std::size_t* n) {
    std::uint64_t v;
    if (!Varint(&v) || v > data_.size()) return false;  // no count can exceed the bytes left
    *n = static_cast<std::size_t>(v);
    return true;
  }
  bool String(std::string* s) {
    std::size_t n;
    if (!Size(&n) || data_.size() - at_ < n) return false;
    s->assign(data_.substr(at_, n));
    at_ += n;
    return true;
  }
  bool Weighted(const std::function<void(std::string_view key, double weight)>& entry) {
    std::size_t count;
    if (!Size(&count)) return false;
    std::string key, rest;
    for (std::size_t i = 0; i < count; ++i) {
      std::size_t shared;
      std::uint64_t weight;
      if (!Size(&shared) || shared > key.size() || !String(&rest) || !Varint(&weight)) return false;
      key.resize(shared);
      key += rest;
      entry(key, static_cast<double>(weight) / kWeightScale);
    }
    return true;
  }
  bool Byte(char* c) {
    if (at_ >= data_.size()) return false;
    *c = data_[at_++];
    return true;
  }
  bool AtEnd() const { return at_ == data_.size(); }

 private:
  std::string_view data_;
  std::size_t at_ = 0;
};

}  // namespace

std::string EncodePairingFeatures(const PairingFeatures& f) {
  std::string out{kMagic, kVersion};
  PutString(f.id, &out);
  PutString(f.path, &out);
  PutString(f.language, &out);
  PutString(f.format, &out);
  PutVarint(f.pages, &out);
  PutVarint(f.chars, &out);
  PutVarint(f.objectives.size(), &out);
  for (int n : f.objectives) PutVarint(static_cast<std::uint64_t>(std::max(0, n)), &out);
  PutWeighted(f.anchors, &out);
  PutWeighted(f.words, &out);
  return out;
}

bool DecodePairingFeatures(std::string_view data, PairingFeatures* f) {
  auto into = [](std::map<std::string, double>* m) {
    return [m](std::string_view key, double weight) { m->emplace_hint(m->end(), key, weight); };
  };
  return DecodePairingFeatures(data, f, into(&f->anchors), into(&f->words));
}

bool DecodePairingFeatures(std::string_view data, PairingFeatures* f,
                           const std::function<void(std::string_view key, double weight)>& on_anchor,
                           const std::function<void(std::string_view key, double weight)>& on_word) {
  *f = PairingFeatures();
  Reader r(data);
  char magic, version;
  if (!r.Byte(&magic) || magic != kMagic || !r.Byte(&version) || version != kVersion) return false;
  std::size_t objectives;
  std::uint64_t pages, chars;
  if (!r.String(&f->id) || !r.String(&f->path) || !r.String(&f->language) || !r.String(&f->format) ||
      !r.Varint(&pages) || !r.Varint(&chars) || !r.Size(&objectives)) {
    return false;
  }
  f->pages = static_cast<std::size_t>(pages);
  f->chars = static_cast<std::size_t>(chars);
  for (std::size_t i = 0; i < objectives; ++i) {
    std::size_t n;
    if (!r.Size(&n) || n > 1000) return false;
    f->objectives.push_back(static_cast<int>(n));
  }
  return r.Weighted(on_anchor) && r.Weighted(on_word) && r.AtEnd();
}

}  // namespace gcm
