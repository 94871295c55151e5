// core/coding.h: the encodings round-trip, and a Decoder refuses every kind
// of damage with a Corruption that names the field, the offset and the
// reason (each test asserts on the reason, so none passes for another).
#include "core/coding.h"

#include <gtest/gtest.h>

#include <limits>
#include <vector>

namespace gcm {
namespace {

// The message when it is a Corruption; a marker otherwise, so that an
// expectation on the text cannot match a wrong code.
std::string CorruptionMessage(const Status& s) {
  return s.code() == Status::Code::kCorruption ? s.message() : "<not a corruption: " + s.ToString() + ">";
}

TEST(Coding, FixedWidthIsLittleEndianWhateverTheHost) {
  std::string s;
  PutFixed32(&s, 0x04030201u);
  PutFixed64(&s, 0x0807060504030201ull);
  EXPECT_EQ(s, std::string("\x01\x02\x03\x04\x01\x02\x03\x04\x05\x06\x07\x08", 12));
  EXPECT_EQ(DecodeFixed32(s.data()), 0x04030201u);
  EXPECT_EQ(DecodeFixed64(s.data() + 4), 0x0807060504030201ull);
}

TEST(Coding, Fixed32And64RoundTrip) {
  std::string s;
  for (std::uint32_t v = 0; v < 100000; ++v) PutFixed32(&s, v);
  for (int power = 0; power <= 63; ++power) {
    const std::uint64_t v = std::uint64_t{1} << power;
    PutFixed64(&s, v - 1);
    PutFixed64(&s, v);
    PutFixed64(&s, v + 1);
  }
  Decoder d(s, "test");
  for (std::uint32_t v = 0; v < 100000; ++v) {
    std::uint32_t got = 0;
    ASSERT_TRUE(d.ReadFixed32("a fixed32", &got));
    ASSERT_EQ(got, v);
  }
  for (int power = 0; power <= 63; ++power) {
    const std::uint64_t v = std::uint64_t{1} << power;
    std::uint64_t a, b, c;
    ASSERT_TRUE(d.ReadFixed64("a", &a) && d.ReadFixed64("b", &b) && d.ReadFixed64("c", &c));
    EXPECT_EQ(a, v - 1);
    EXPECT_EQ(b, v);
    EXPECT_EQ(c, v + 1);
  }
  EXPECT_TRUE(d.ExpectEnd("the end"));
}

TEST(Coding, VarintsRoundTripAndTakeTheBytesVarintLengthSays) {
  std::vector<std::uint64_t> values = {0, 1, 127, 128, 255, 16383, 16384, std::numeric_limits<std::uint32_t>::max(),
                                       std::numeric_limits<std::uint64_t>::max()};
  for (int power = 0; power < 64; ++power) {
    values.push_back((std::uint64_t{1} << power) - 1);
    values.push_back(std::uint64_t{1} << power);
  }
  std::string s;
  for (std::uint64_t v : values) {
    const std::size_t before = s.size();
    PutVarint64(&s, v);
    EXPECT_EQ(s.size() - before, static_cast<std::size_t>(VarintLength(v))) << v;
  }
  Decoder d(s, "test");
  for (std::uint64_t v : values) {
    std::uint64_t got = 0;
    ASSERT_TRUE(d.ReadVarint64("a varint", &got)) << d.status().ToString();
    EXPECT_EQ(got, v);
  }
  EXPECT_TRUE(d.ExpectEnd("the end"));
  EXPECT_EQ(VarintLength(std::numeric_limits<std::uint64_t>::max()), 10);

  std::string s32;
  for (std::uint32_t v : {0u, 1u, 300u, 1u << 28, std::numeric_limits<std::uint32_t>::max()}) PutVarint32(&s32, v);
  Decoder d32(s32, "test");
  for (std::uint32_t v : {0u, 1u, 300u, 1u << 28, std::numeric_limits<std::uint32_t>::max()}) {
    std::uint32_t got = 0;
    ASSERT_TRUE(d32.ReadVarint32("a varint32", &got));
    EXPECT_EQ(got, v);
  }
}

TEST(Coding, LengthPrefixedStringsRoundTripWithAnyBytes) {
  const std::string binary("a\0b\xff", 4);
  std::string s;
  PutLengthPrefixed(&s, "");
  PutLengthPrefixed(&s, binary);
  PutLengthPrefixed(&s, std::string(300, 'x'));  // a two-byte length
  Decoder d(s, "test");
  std::string a, b;
  std::string_view c;
  ASSERT_TRUE(d.ReadLengthPrefixed("a", 10, &a) && d.ReadLengthPrefixed("b", 10, &b) &&
              d.ReadLengthPrefixed("c", 300, &c));
  EXPECT_EQ(a, "");
  EXPECT_EQ(b, binary);
  EXPECT_EQ(c, std::string(300, 'x'));
  EXPECT_TRUE(d.ExpectEnd("the end"));
}

// ---- Damage: one row per reason --------------------------------------------

TEST(CodingCorruption, AFixedWidthValueCutShortSaysSoWithTheFieldAndOffset) {
  std::string s = "\x07";
  PutFixed64(&s, 42);
  for (std::size_t n = 1; n < s.size(); ++n) {
    Decoder d(std::string_view(s).substr(0, n), "a record");
    std::uint8_t b;
    std::uint64_t v = 99;
    ASSERT_TRUE(d.ReadByte("the type", &b));
    EXPECT_FALSE(d.ReadFixed64("the length", &v));
    EXPECT_EQ(v, 99u) << "the output is untouched";
    EXPECT_EQ(d.offset(), 1u) << "the position is untouched";
    EXPECT_EQ(CorruptionMessage(d.status()),
              "a record: the length at offset 1: cut short (needs 8 bytes, " + std::to_string(n - 1) + " left)");
  }
}

TEST(CodingCorruption, AVarintCutAtEveryByteIsCutShort) {
  std::string s;
  PutVarint64(&s, std::numeric_limits<std::uint64_t>::max());
  for (std::size_t n = 0; n < s.size(); ++n) {
    Decoder d(std::string_view(s).substr(0, n), "a record");
    std::uint64_t v;
    EXPECT_FALSE(d.ReadVarint64("the count", &v));
    EXPECT_EQ(CorruptionMessage(d.status()),
              "a record: the count at offset 0: cut short (a varint with " + std::to_string(n) + " of its bytes)");
  }
}

TEST(CodingCorruption, AVarintWithTooManyBytesIsRefused) {
  const std::string eleven(11, '\x80');
  Decoder d(eleven, "a record");
  std::uint64_t v;
  EXPECT_FALSE(d.ReadVarint64("the count", &v));
  EXPECT_EQ(CorruptionMessage(d.status()), "a record: the count at offset 0: varint longer than 10 bytes");
  const std::string six = std::string(5, '\x81') + '\x01';
  Decoder d32(six, "a record");
  std::uint32_t v32;
  EXPECT_FALSE(d32.ReadVarint32("the count", &v32));
  EXPECT_EQ(CorruptionMessage(d32.status()), "a record: the count at offset 0: varint longer than 5 bytes");
}

TEST(CodingCorruption, AVarintOverItsBitsIsOutOfRange) {
  // 2^64: the tenth byte holds a bit beyond 64.
  const std::string over64 = std::string(9, '\x80') + '\x02';
  Decoder d(over64, "a record");
  std::uint64_t v;
  EXPECT_FALSE(d.ReadVarint64("the count", &v));
  EXPECT_EQ(CorruptionMessage(d.status()), "a record: the count at offset 0: varint out of range (over 64 bits)");
  std::string over32;
  PutVarint64(&over32, std::uint64_t{1} << 32);
  Decoder d32(over32, "a record");
  std::uint32_t v32;
  EXPECT_FALSE(d32.ReadVarint32("the count", &v32));
  EXPECT_EQ(CorruptionMessage(d32.status()), "a record: the count at offset 0: varint out of range (over 32 bits)");
}

TEST(CodingCorruption, AValueOverItsMaximumIsOutOfRange) {
  std::string s = "xy";
  PutVarint64(&s, 1001);
  Decoder d(s, "a record");
  std::string_view skip;
  std::uint64_t v = 7;
  ASSERT_TRUE(d.ReadBytes("the prefix", 2, &skip));
  EXPECT_FALSE(d.ReadVarint64AtMost("objective 1", 1000, &v));
  EXPECT_EQ(v, 7u);
  EXPECT_EQ(CorruptionMessage(d.status()), "a record: objective 1 at offset 2: 1001 is out of range (at most 1000)");
}

TEST(CodingCorruption, AHugeLengthExceedsTheBytesLeftAndClaimsNoMemory) {
  std::string s;
  PutVarint64(&s, std::numeric_limits<std::uint64_t>::max());
  s += "abc";
  Decoder d(s, "a record");
  std::string out = "untouched";
  EXPECT_FALSE(d.ReadLengthPrefixed("the path", std::numeric_limits<std::size_t>::max(), &out));
  EXPECT_EQ(out, "untouched");
  EXPECT_EQ(CorruptionMessage(d.status()),
            "a record: the path's length at offset 0: 18446744073709551615 exceeds the 3 bytes left");
}

TEST(CodingCorruption, ALengthOverTheCallersCapIsRefusedEvenWhenTheBytesAreThere) {
  std::string s;
  PutLengthPrefixed(&s, std::string(100, 'x'));
  Decoder d(s, "a record");
  std::string_view out;
  EXPECT_FALSE(d.ReadLengthPrefixed("the language", 64, &out));
  EXPECT_EQ(CorruptionMessage(d.status()), "a record: the language's length at offset 0: 100 exceeds the cap of 64");
}

TEST(CodingCorruption, ACountIsBoundedByTheBytesLeftAndItsCap) {
  std::string s;
  PutVarint64(&s, 5);
  s += "abcd";  // four bytes cannot hold five elements
  std::size_t count = 0;
  Decoder d(s, "a record");
  EXPECT_FALSE(d.ReadCount("the count of warnings", 1000, &count));
  EXPECT_EQ(CorruptionMessage(d.status()), "a record: the count of warnings at offset 0: 5 exceeds the 4 bytes left");
  Decoder capped(s, "a record");
  EXPECT_FALSE(capped.ReadCount("the count of warnings", 3, &count));
  EXPECT_EQ(CorruptionMessage(capped.status()), "a record: the count of warnings at offset 0: 5 exceeds the cap of 3");
}

TEST(CodingCorruption, ABytesReadPastTheEndIsCutShort) {
  Decoder d("abc", "a record");
  std::string_view out;
  EXPECT_FALSE(d.ReadBytes("page 2's text", 4, &out));
  EXPECT_EQ(CorruptionMessage(d.status()), "a record: page 2's text at offset 0: cut short (needs 4 bytes, 3 left)");
}

TEST(CodingCorruption, AnUnexpectedByteNamesBoth) {
  Decoder d("Q\x01", "pairing features");
  EXPECT_FALSE(d.ExpectByte("the magic byte", 'P'));
  EXPECT_EQ(d.offset(), 0u);
  EXPECT_EQ(CorruptionMessage(d.status()), "pairing features: the magic byte at offset 0: is 0x51, expected 0x50");
}

TEST(CodingCorruption, BytesLeftOverAreRefusedWhereTheFormatMustEnd) {
  Decoder d("ab", "a record");
  std::uint8_t b;
  ASSERT_TRUE(d.ReadByte("the type", &b));
  EXPECT_FALSE(d.ExpectEnd("the end of the record"));
  EXPECT_EQ(CorruptionMessage(d.status()), "a record: the end of the record at offset 1: 1 bytes left over");
}

TEST(CodingCorruption, TheFirstFailureSticksAndLaterReadsFail) {
  std::string s;
  PutVarint64(&s, 1);
  Decoder d(std::string_view(s).substr(0, 0), "a record");
  std::uint64_t v;
  std::string_view rest;
  EXPECT_FALSE(d.ReadVarint64("the first", &v));
  EXPECT_FALSE(d.ReadRest("the rest", &rest));
  EXPECT_FALSE(d.ExpectEnd("the end"));
  EXPECT_EQ(CorruptionMessage(d.status()), "a record: the first at offset 0: cut short (a varint with 0 of its bytes)");
}

TEST(CodingCorruption, OffsetsCountFromTheWholeWhenABaseIsGiven) {
  Decoder d("", "stored document body", 120);
  std::string_view out;
  EXPECT_FALSE(d.ReadBytes("the mentions", 10, &out));
  EXPECT_EQ(CorruptionMessage(d.status()),
            "stored document body: the mentions at offset 120: cut short (needs 10 bytes, 0 left)");
}

TEST(CodingCorruption, EveryTruncationOfARecordFailsAsCutShort) {
  // A record of each kind of field; cut at every byte, the decode fails
  // naming the field the cut falls in.
  std::string s;
  s.push_back('R');
  PutFixed32(&s, 7);
  PutVarint64(&s, 300);
  PutLengthPrefixed(&s, "hello");
  PutFixed64(&s, 9);
  struct Field {
    const char* name;
    std::size_t end;  // offset just past it
  };
  const Field fields[] = {{"the magic byte", 1}, {"the units", 5}, {"the size", 7}, {"the name", 13}, {"the mtime", 21}};
  ASSERT_EQ(s.size(), 21u);
  auto decode = [](std::string_view data) {
    Decoder d(data, "a record");
    std::uint32_t units;
    std::uint64_t size, mtime;
    std::string name;
    d.ExpectByte("the magic byte", 'R') && d.ReadFixed32("the units", &units) && d.ReadVarint64("the size", &size) &&
        d.ReadLengthPrefixed("the name", 100, &name) && d.ReadFixed64("the mtime", &mtime) && d.ExpectEnd("the end");
    return d.status();
  };
  ASSERT_TRUE(decode(s).ok());
  for (std::size_t n = 0; n < s.size(); ++n) {
    const Field* cut = nullptr;
    for (const Field& f : fields) {
      if (n < f.end) {
        cut = &f;
        break;
      }
    }
    const std::string message = CorruptionMessage(decode(std::string_view(s).substr(0, n)));
    // The name's bytes (a length of 5 with fewer left) fail as its length.
    const std::string field = std::string(cut->name) + (n >= 7 && n < 13 ? "'s length" : "");
    EXPECT_EQ(message.find("a record: " + field + " at offset "), 0u) << "cut at " << n << ": " << message;
    const bool short_or_over = message.find("cut short") != std::string::npos ||
                               message.find("exceeds the " + std::to_string(n - 8) + " bytes left") != std::string::npos;
    EXPECT_TRUE(short_or_over) << "cut at " << n << ": " << message;
  }
}

}  // namespace
}  // namespace gcm
