// Fixed-width and varint coding, and the bounded Decoder (coding.h).
#include "core/coding.h"

#include <cstdio>

namespace gcm {

void EncodeFixed32(char* dst, std::uint32_t value) {
  for (int i = 0; i < 4; ++i) dst[i] = static_cast<char>(value >> (8 * i));
}

void EncodeFixed64(char* dst, std::uint64_t value) {
  for (int i = 0; i < 8; ++i) dst[i] = static_cast<char>(value >> (8 * i));
}

std::uint32_t DecodeFixed32(const char* src) {
  std::uint32_t v = 0;
  for (int i = 0; i < 4; ++i) v |= static_cast<std::uint32_t>(static_cast<unsigned char>(src[i])) << (8 * i);
  return v;
}

std::uint64_t DecodeFixed64(const char* src) {
  std::uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v |= static_cast<std::uint64_t>(static_cast<unsigned char>(src[i])) << (8 * i);
  return v;
}

void PutFixed32(std::string* dst, std::uint32_t value) {
  char buf[4];
  EncodeFixed32(buf, value);
  dst->append(buf, sizeof buf);
}

void PutFixed64(std::string* dst, std::uint64_t value) {
  char buf[8];
  EncodeFixed64(buf, value);
  dst->append(buf, sizeof buf);
}

void PutVarint64(std::string* dst, std::uint64_t value) {
  while (value >= 0x80) {
    dst->push_back(static_cast<char>((value & 0x7f) | 0x80));
    value >>= 7;
  }
  dst->push_back(static_cast<char>(value));
}

void PutVarint32(std::string* dst, std::uint32_t value) { PutVarint64(dst, value); }

void PutLengthPrefixed(std::string* dst, std::string_view value) {
  PutVarint64(dst, value.size());
  dst->append(value);
}

int VarintLength(std::uint64_t value) {
  int n = 1;
  while (value >= 0x80) {
    value >>= 7;
    ++n;
  }
  return n;
}

bool Decoder::Fail(std::string_view field, std::size_t offset, std::string_view why) {
  if (status_.ok()) {
    std::string msg(format_);
    msg += ": ";
    msg += field;
    msg += " at offset " + std::to_string(base_ + offset) + ": ";
    msg += why;
    status_ = Status::Corruption(std::move(msg));
  }
  return false;
}

bool Decoder::Need(std::string_view field, std::size_t n) {
  if (!status_.ok()) return false;
  if (n <= remaining()) return true;
  return Fail(field, at_,
              "cut short (needs " + std::to_string(n) + " bytes, " + std::to_string(remaining()) + " left)");
}

bool Decoder::ReadByte(std::string_view field, std::uint8_t* value) {
  if (!Need(field, 1)) return false;
  *value = static_cast<std::uint8_t>(data_[at_++]);
  return true;
}

bool Decoder::ExpectByte(std::string_view field, std::uint8_t expected) {
  const std::size_t start = at_;
  std::uint8_t b;
  if (!ReadByte(field, &b)) return false;
  if (b == expected) return true;
  at_ = start;
  char why[48];
  std::snprintf(why, sizeof why, "is 0x%02x, expected 0x%02x", b, expected);
  return Fail(field, start, why);
}

bool Decoder::ReadFixed32(std::string_view field, std::uint32_t* value) {
  if (!Need(field, 4)) return false;
  *value = DecodeFixed32(data_.data() + at_);
  at_ += 4;
  return true;
}

bool Decoder::ReadFixed64(std::string_view field, std::uint64_t* value) {
  if (!Need(field, 8)) return false;
  *value = DecodeFixed64(data_.data() + at_);
  at_ += 8;
  return true;
}

bool Decoder::ReadVarint(std::string_view field, int max_bits, std::uint64_t* value) {
  if (!status_.ok()) return false;
  const std::size_t start = at_;
  std::uint64_t v = 0;
  for (std::size_t i = start; i < data_.size(); ++i) {
    const int shift = static_cast<int>(i - start) * 7;
    if (shift >= max_bits) break;  // a continuation byte too many
    const std::uint64_t group = static_cast<unsigned char>(data_[i]) & 0x7f;
    // The last group may hold only the bits that are left.
    if (max_bits - shift < 7 && (group >> (max_bits - shift)) != 0) {
      return Fail(field, start, "varint out of range (over " + std::to_string(max_bits) + " bits)");
    }
    v |= group << shift;
    if (!(static_cast<unsigned char>(data_[i]) & 0x80)) {
      at_ = i + 1;
      *value = v;
      return true;
    }
  }
  if (data_.size() - start >= static_cast<std::size_t>((max_bits + 6) / 7)) {
    return Fail(field, start,
                "varint longer than " + std::to_string((max_bits + 6) / 7) + " bytes");
  }
  return Fail(field, start, "cut short (a varint with " + std::to_string(data_.size() - start) + " of its bytes)");
}

bool Decoder::ReadVarint32(std::string_view field, std::uint32_t* value) {
  std::uint64_t v;
  if (!ReadVarint(field, 32, &v)) return false;
  *value = static_cast<std::uint32_t>(v);
  return true;
}

bool Decoder::ReadVarint64(std::string_view field, std::uint64_t* value) { return ReadVarint(field, 64, value); }

bool Decoder::ReadVarint64AtMost(std::string_view field, std::uint64_t max, std::uint64_t* value) {
  const std::size_t start = at_;
  std::uint64_t v;
  if (!ReadVarint64(field, &v)) return false;
  if (v > max) {
    at_ = start;
    return Fail(field, start, std::to_string(v) + " is out of range (at most " + std::to_string(max) + ")");
  }
  *value = v;
  return true;
}

bool Decoder::ReadCount(std::string_view field, std::size_t max, std::size_t* count) {
  const std::size_t start = at_;
  std::uint64_t v;
  if (!ReadVarint64(field, &v)) return false;
  if (v > max) {
    at_ = start;
    return Fail(field, start, std::to_string(v) + " exceeds the cap of " + std::to_string(max));
  }
  if (v > remaining()) {
    const std::size_t left = remaining();  // after the count itself
    at_ = start;
    return Fail(field, start, std::to_string(v) + " exceeds the " + std::to_string(left) + " bytes left");
  }
  *count = static_cast<std::size_t>(v);
  return true;
}

bool Decoder::ReadBytes(std::string_view field, std::size_t n, std::string_view* bytes) {
  if (!Need(field, n)) return false;
  *bytes = data_.substr(at_, n);
  at_ += n;
  return true;
}

bool Decoder::ReadLengthPrefixed(std::string_view field, std::size_t max, std::string_view* bytes) {
  // ReadCount's checks are a length's: <= max, <= the bytes left.
  std::size_t n;
  std::string length_field(field);
  length_field += "'s length";
  if (!ReadCount(length_field, max, &n)) return false;
  *bytes = data_.substr(at_, n);
  at_ += n;
  return true;
}

bool Decoder::ReadLengthPrefixed(std::string_view field, std::size_t max, std::string* bytes) {
  std::string_view view;
  if (!ReadLengthPrefixed(field, max, &view)) return false;
  bytes->assign(view);
  return true;
}

bool Decoder::ReadRest(std::string_view field, std::string_view* bytes) {
  if (!Need(field, 0)) return false;
  *bytes = data_.substr(at_);
  at_ = data_.size();
  return true;
}

bool Decoder::ExpectEnd(std::string_view field) {
  if (!status_.ok()) return false;
  if (remaining() == 0) return true;
  return Fail(field, at_, std::to_string(remaining()) + " bytes left over");
}

}  // namespace gcm
