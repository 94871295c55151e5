// Coding: the one place where gcmsearch turns integers and strings into
// bytes and back, in the manner of LevelDB's util/coding.h. Every binary
// format of the program is written with the Put* functions and read with a
// Decoder:
//
//   the stored document's body sections   index/doc_codec.cc
//   the version-pairing features           pair/pairing_codec.cc
//   an ingest worker's answer              ingest/built_document.cc
//   the ingest parent/worker protocol      ingest/worker_protocol.cc
//
// Encodings (all little-endian, whatever the host):
//   fixed32, fixed64   4 and 8 bytes
//   varint             7 bits a byte, low group first, the high bit set on
//                      every byte but the last (at most 5 bytes for 32 bits,
//                      10 for 64)
//   length-prefixed    varint length, then that many bytes
//
// A Decoder reads such bytes from a string_view it never reads past. Bytes
// are untrusted: a read that would run out of bytes, a length or count
// larger than the bytes left or than the cap the caller gives, and a value
// out of its range each fail with Status::Corruption, whose message names
// the format, the field being read and the offset where it starts, e.g.
//
//   pairing features: the path's length at offset 5: 900 exceeds the 12 bytes left
//
// No read throws, and no read allocates more than the bytes it was given,
// so a caller that reserves by a count read with ReadCount (each element
// taking at least one byte) cannot be made to claim unbounded memory.
#ifndef GCMSEARCH_CORE_CODING_H_
#define GCMSEARCH_CORE_CODING_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/status.h"

namespace gcm {

// ---- Writing: each appends to *dst ----------------------------------------

void PutFixed32(std::string* dst, std::uint32_t value);
void PutFixed64(std::string* dst, std::uint64_t value);
void PutVarint32(std::string* dst, std::uint32_t value);
void PutVarint64(std::string* dst, std::uint64_t value);
// Varint length, then the bytes.
void PutLengthPrefixed(std::string* dst, std::string_view value);

// The bytes PutVarint64 writes for `value` (1..10).
int VarintLength(std::uint64_t value);

// Fixed-width forms in place: `dst` / `src` must hold 4 (or 8) bytes.
void EncodeFixed32(char* dst, std::uint32_t value);
void EncodeFixed64(char* dst, std::uint64_t value);
std::uint32_t DecodeFixed32(const char* src);
std::uint64_t DecodeFixed64(const char* src);

// ---- Reading ---------------------------------------------------------------

// A bounded reader over bytes it does not own (they must outlive it).
//
// Each Read* takes `field`, a phrase naming what is read ("the path",
// "page 3's text"), used in the message when it fails. On success it stores
// the value, advances past it and returns true. On failure it returns false,
// leaves the output and the position untouched, and records a Corruption
// (status()); the first failure sticks: every later read fails at once and
// status() keeps naming the first. So a run of reads can be chained with &&
// and checked once:
//
//   Decoder d(data, "pairing features");
//   if (!d.ReadLengthPrefixed("the id", kMaxId, &f.id) || !d.ReadVarint64("pages", &pages)) {
//     return d.status();
//   }
class Decoder {
 public:
  // `format` begins every message ("pairing features", "a worker's answer").
  // `base_offset` is added to the offsets reported, for bytes that are a
  // part of a larger whole (the body after a stored document's header).
  explicit Decoder(std::string_view data, std::string_view format, std::size_t base_offset = 0)
      : data_(data), format_(format), base_(base_offset) {}

  bool ReadByte(std::string_view field, std::uint8_t* value);
  // A byte that must equal `expected` (a magic number, a version); any
  // other value fails ("is 0x51, expected 0x50").
  bool ExpectByte(std::string_view field, std::uint8_t expected);
  bool ReadFixed32(std::string_view field, std::uint32_t* value);
  bool ReadFixed64(std::string_view field, std::uint64_t* value);
  // Fails on a varint cut short, longer than 5 (10) bytes, or holding more
  // than 32 (64) bits.
  bool ReadVarint32(std::string_view field, std::uint32_t* value);
  bool ReadVarint64(std::string_view field, std::uint64_t* value);
  // A varint64 that must be <= max ("out of range").
  bool ReadVarint64AtMost(std::string_view field, std::uint64_t max, std::uint64_t* value);
  // A varint count of elements that each take at least one byte: fails when
  // it exceeds `max` or the bytes left, so reserving by it is safe.
  bool ReadCount(std::string_view field, std::size_t max, std::size_t* count);
  // Exactly `n` bytes, as a view into the data (no copy).
  bool ReadBytes(std::string_view field, std::size_t n, std::string_view* bytes);
  // A length-prefixed string whose length must be <= max and <= the bytes
  // left; the view form does not copy.
  bool ReadLengthPrefixed(std::string_view field, std::size_t max, std::string_view* bytes);
  bool ReadLengthPrefixed(std::string_view field, std::size_t max, std::string* bytes);
  // Every byte left, as a view; never fails unless an earlier read did.
  bool ReadRest(std::string_view field, std::string_view* bytes);
  // Fails when bytes are left over ("3 bytes left over"): the end of a
  // format that must fill its data exactly.
  bool ExpectEnd(std::string_view field);

  // Records a Corruption for a value that read well but means nothing (an
  // unknown type, a count that disagrees with another): `field` at `offset`
  // (relative to this decoder's data) and why. Returns false, for chaining.
  bool Fail(std::string_view field, std::size_t offset, std::string_view why);

  // OK until a read fails; then the first failure.
  const Status& status() const { return status_; }
  bool ok() const { return status_.ok(); }
  // Where the next read starts, relative to the data given (not base_offset).
  std::size_t offset() const { return at_; }
  std::size_t remaining() const { return data_.size() - at_; }

 private:
  // Fails unless `n` bytes remain at the current position.
  bool Need(std::string_view field, std::size_t n);
  bool ReadVarint(std::string_view field, int max_bits, std::uint64_t* value);

  std::string_view data_;
  std::string_view format_;
  std::size_t base_ = 0;
  std::size_t at_ = 0;
  Status status_;
};

}  // namespace gcm

#endif  // GCMSEARCH_CORE_CODING_H_
