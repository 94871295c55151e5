// An ingest worker's answer (ingest/built_document.h): what a worker
// encodes, the writer decodes; a damaged answer is a Corruption naming the
// field and why, never a crash or a huge allocation.
#include "ingest/built_document.h"

#include <gtest/gtest.h>

#include "core/coding.h"

namespace gcm {
namespace {

std::string CorruptionMessage(const Status& s) {
  return s.code() == Status::Code::kCorruption ? s.message() : "<not a corruption: " + s.ToString() + ">";
}

const std::vector<std::string> kWarnings = {"text cut at 16 MiB", "página 3: sin texto"};
// Stands in for Xapian's serialised document: any bytes, NULs included.
const std::string kSerialised("\x01xapian\0doc\xff", 12);

TEST(BuiltDocument, RoundTripsWarningsAndTheSerialisedDocument) {
  BuiltDocument back;
  ASSERT_TRUE(DecodeBuiltDocument(EncodeBuiltDocument(kWarnings, kSerialised), &back).ok());
  EXPECT_EQ(back.warnings, kWarnings);
  EXPECT_EQ(back.serialised, kSerialised);
  ASSERT_TRUE(DecodeBuiltDocument(EncodeBuiltDocument({}, ""), &back).ok());
  EXPECT_TRUE(back.warnings.empty());
  EXPECT_TRUE(back.serialised.empty());
}

TEST(BuiltDocument, AWarningOverTheCapIsCutAtACharacterNotLost) {
  std::string long_warning(kMaxBuiltWarningBytes - 1, 'x');
  long_warning += "ñ and more";  // the cap falls inside the two bytes of ñ
  BuiltDocument back;
  ASSERT_TRUE(DecodeBuiltDocument(EncodeBuiltDocument({long_warning}, kSerialised), &back).ok());
  ASSERT_EQ(back.warnings.size(), 1u);
  EXPECT_EQ(back.warnings[0], std::string(kMaxBuiltWarningBytes - 1, 'x'));
  EXPECT_EQ(back.serialised, kSerialised);
}

TEST(BuiltDocumentCorruption, EveryCutInsideTheWarningsIsCutShort) {
  const std::string data = EncodeBuiltDocument(kWarnings, kSerialised);
  const std::size_t warnings_end = data.size() - kSerialised.size();
  for (std::size_t n = 0; n < warnings_end; ++n) {
    BuiltDocument back;
    const std::string message = CorruptionMessage(DecodeBuiltDocument(std::string_view(data).substr(0, n), &back));
    // Cut in the count, in a warning's length, or in its bytes (which
    // its length then exceeds).
    const bool named = message.find("a worker's answer: the count of warnings at offset 0: ") == 0 ||
                       message.find("a worker's answer: warning 1's length at offset 1: ") == 0 ||
                       message.find("a worker's answer: warning 2's length at offset ") == 0;
    EXPECT_TRUE(named) << "cut at " << n << ": " << message;
    const bool why = message.find("cut short") != std::string::npos ||
                     message.find("bytes left") != std::string::npos;
    EXPECT_TRUE(why) << "cut at " << n << ": " << message;
  }
  // Cut in the serialised document: the answer decodes, and the document's
  // own check (Xapian::Document::unserialise) is the writer's to make.
  BuiltDocument back;
  EXPECT_TRUE(DecodeBuiltDocument(std::string_view(data).substr(0, warnings_end + 3), &back).ok());
}

TEST(BuiltDocumentCorruption, AHugeCountOfWarningsExceedsTheCapBeforeAnyAllocation) {
  std::string data;
  PutVarint64(&data, std::uint64_t{1} << 60);
  data += std::string(kMaxBuiltWarnings + 10, '\0');
  BuiltDocument back;
  EXPECT_EQ(CorruptionMessage(DecodeBuiltDocument(data, &back)),
            "a worker's answer: the count of warnings at offset 0: 1152921504606846976 exceeds the cap of 10000");
}

TEST(BuiltDocumentCorruption, ACountOfWarningsOverTheBytesLeftIsRefused) {
  std::string data;
  PutVarint64(&data, 50);
  data += "abc";
  BuiltDocument back;
  EXPECT_EQ(CorruptionMessage(DecodeBuiltDocument(data, &back)),
            "a worker's answer: the count of warnings at offset 0: 50 exceeds the 3 bytes left");
}

TEST(BuiltDocumentCorruption, AHugeWarningLengthIsRefused) {
  std::string data;
  PutVarint64(&data, 1);
  PutVarint64(&data, ~std::uint64_t{0});
  data += "some bytes";
  BuiltDocument back;
  EXPECT_EQ(CorruptionMessage(DecodeBuiltDocument(data, &back)),
            "a worker's answer: warning 1's length at offset 1: 18446744073709551615 exceeds the cap of 65536");
}

TEST(BuiltDocumentCorruption, AWarningOverItsCapIsRefusedEvenWhenTheBytesAreThere) {
  std::string data;
  PutVarint64(&data, 1);
  PutLengthPrefixed(&data, std::string(kMaxBuiltWarningBytes + 1, 'w'));
  BuiltDocument back;
  EXPECT_EQ(CorruptionMessage(DecodeBuiltDocument(data, &back)),
            "a worker's answer: warning 1's length at offset 1: 65537 exceeds the cap of 65536");
}

TEST(BuiltDocumentCorruption, AFlippedLengthByteIsCaughtAsTheLengthItBecomes) {
  std::string data = EncodeBuiltDocument({"short"}, "");
  data[1] = '\x7f';  // warning 1's length: 5 -> 127, with 5 bytes left
  BuiltDocument back;
  EXPECT_EQ(CorruptionMessage(DecodeBuiltDocument(data, &back)),
            "a worker's answer: warning 1's length at offset 1: 127 exceeds the 5 bytes left");
}

}  // namespace
}  // namespace gcm
