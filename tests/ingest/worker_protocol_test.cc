// The parent/worker frames (ingest/worker_protocol.h): each round-trips,
// and each kind of damage is a Corruption naming the field and why, so the
// parent fails the task and replaces the worker instead of misreading it.
#include "ingest/worker_protocol.h"

#include <gtest/gtest.h>

#include "core/coding.h"

namespace gcm {
namespace {

std::string CorruptionMessage(const Status& s) {
  return s.code() == Status::Code::kCorruption ? s.message() : "<not a corruption: " + s.ToString() + ">";
}

WorkerTask SampleTask() {
  return {"/data/informes/plan de trabajo.pdf", "informes/plan de trabajo.pdf", 123456789, -86400};
}

TEST(WorkerProtocol, ATaskFrameRoundTripsEveryField) {
  const std::string frame = EncodeTaskFrame(SampleTask());
  std::uint64_t length = 0;
  ASSERT_TRUE(DecodeTaskHeader(std::string_view(frame).substr(0, kTaskHeaderBytes), &length).ok());
  ASSERT_EQ(length, frame.size() - kTaskHeaderBytes);
  WorkerTask back;
  ASSERT_TRUE(DecodeTaskPayload(std::string_view(frame).substr(kTaskHeaderBytes), &back).ok());
  EXPECT_EQ(back.file, SampleTask().file);
  EXPECT_EQ(back.as_given, SampleTask().as_given);
  EXPECT_EQ(back.size, 123456789u);
  EXPECT_EQ(back.mtime, -86400) << "a negative mtime survives";
}

TEST(WorkerProtocol, AnswerFramesRoundTrip) {
  const std::string frame = EncodeFrame(FrameType::kAnnounce, EncodeAnnouncePayload(-3));
  FrameHeader header;
  ASSERT_TRUE(DecodeFrameHeader(frame, &header).ok());
  EXPECT_EQ(header.type, FrameType::kAnnounce);
  ASSERT_EQ(header.length, 4u);
  std::int32_t units = 0;
  ASSERT_TRUE(DecodeAnnouncePayload(std::string_view(frame).substr(kFrameHeaderBytes), &units).ok());
  EXPECT_EQ(units, -3);

  Status failure;
  ASSERT_TRUE(DecodeFailurePayload(EncodeFailurePayload(Status::Timeout("a.pdf: slow")), &failure).ok());
  EXPECT_EQ(failure.code(), Status::Code::kTimeout);
  EXPECT_EQ(failure.message(), "a.pdf: slow");
  // OK is not a failure; it travels as Internal.
  ASSERT_TRUE(DecodeFailurePayload(EncodeFailurePayload(Status::OK()), &failure).ok());
  EXPECT_EQ(failure.code(), Status::Code::kInternal);
}

TEST(WorkerProtocolCorruption, EveryCutOfATaskPayloadIsCutShortNamingTheField) {
  const std::string frame = EncodeTaskFrame(SampleTask());
  const std::string_view payload = std::string_view(frame).substr(kTaskHeaderBytes);
  for (std::size_t n = 0; n < payload.size(); ++n) {
    WorkerTask back;
    const std::string message = CorruptionMessage(DecodeTaskPayload(payload.substr(0, n), &back));
    bool named = false;
    for (const char* field : {"the file's length", "the path as given's length", "the size", "the mtime"}) {
      if (message.find(std::string("a task frame: ") + field + " at offset ") == 0) named = true;
    }
    EXPECT_TRUE(named) << "cut at " << n << ": " << message;
    const bool why = message.find("cut short") != std::string::npos ||
                     message.find("bytes left") != std::string::npos;
    EXPECT_TRUE(why) << "cut at " << n << ": " << message;
  }
}

TEST(WorkerProtocolCorruption, BytesAfterATaskAreLeftOver) {
  const std::string frame = EncodeTaskFrame(SampleTask()) + "x";
  WorkerTask back;
  const std::string message = CorruptionMessage(DecodeTaskPayload(std::string_view(frame).substr(kTaskHeaderBytes), &back));
  EXPECT_EQ(message, "a task frame: the end of the task at offset " + std::to_string(frame.size() - 1) +
                         ": 1 bytes left over");
}

TEST(WorkerProtocolCorruption, ATaskLengthOverTheCapIsRefusedBeforeAnyAllocation) {
  std::string header;
  PutFixed64(&header, ~std::uint64_t{0});
  std::uint64_t length = 0;
  EXPECT_EQ(CorruptionMessage(DecodeTaskHeader(header, &length)),
            "a task frame: the payload length at offset 0: 18446744073709551615 exceeds the cap of 1048576");
  EXPECT_EQ(CorruptionMessage(DecodeTaskHeader(header.substr(0, 5), &length)),
            "a task frame: the payload length at offset 0: cut short (needs 8 bytes, 5 left)");
}

TEST(WorkerProtocolCorruption, AHugePathLengthInATaskIsRefused) {
  std::string payload;
  PutVarint64(&payload, std::uint64_t{1} << 40);
  payload += "abc";
  WorkerTask back;
  EXPECT_EQ(CorruptionMessage(DecodeTaskPayload(payload, &back)),
            "a task frame: the file's length at offset 8: 1099511627776 exceeds the cap of 1048576");
}

TEST(WorkerProtocolCorruption, AnUnknownFrameTypeIsRefused) {
  std::string frame = EncodeFrame(FrameType::kDone, "result");
  frame[0] = 'Z';
  FrameHeader header;
  EXPECT_EQ(CorruptionMessage(DecodeFrameHeader(frame, &header)),
            "a worker's frame: the frame type at offset 0: unknown type byte 90");
}

TEST(WorkerProtocolCorruption, AnAnswerLengthOverTheCapIsRefused) {
  std::string frame = EncodeFrame(FrameType::kDone, "result");
  frame[8] = '\x7f';  // the length's top byte: about 9.2e18
  FrameHeader header;
  const std::string message = CorruptionMessage(DecodeFrameHeader(frame, &header));
  EXPECT_EQ(message.find("a worker's frame: the payload length at offset 1: "), 0u) << message;
  EXPECT_NE(message.find("exceeds the cap of 1073741824"), std::string::npos) << message;
}

TEST(WorkerProtocolCorruption, AFrameHeaderCutShortSaysSo) {
  const std::string frame = EncodeFrame(FrameType::kDone, "result");
  for (std::size_t n = 0; n < kFrameHeaderBytes; ++n) {
    FrameHeader header;
    const std::string message = CorruptionMessage(DecodeFrameHeader(frame.substr(0, n), &header));
    const std::string field = n == 0 ? "the frame type at offset 0" : "the payload length at offset 1";
    EXPECT_EQ(message.find("a worker's frame: " + field + ": cut short"), 0u) << "cut at " << n << ": " << message;
  }
}

TEST(WorkerProtocolCorruption, AnAnnouncePayloadOfTheWrongSizeIsRefused) {
  std::int32_t units = 0;
  EXPECT_EQ(CorruptionMessage(DecodeAnnouncePayload("abc", &units)),
            "an announce frame: the units at offset 9: cut short (needs 4 bytes, 3 left)");
  EXPECT_EQ(CorruptionMessage(DecodeAnnouncePayload("abcde", &units)),
            "an announce frame: the end of the frame at offset 13: 1 bytes left over");
}

TEST(WorkerProtocolCorruption, AFailureWithABadStatusCodeIsRefused) {
  Status failure;
  // Every code a Status can carry travels; kInternal is the last.
  const std::string kLast = std::to_string(static_cast<int>(Status::Code::kInternal));
  EXPECT_EQ(CorruptionMessage(DecodeFailurePayload("", &failure)),
            "a failure frame: the status code at offset 9: cut short (needs 1 bytes, 0 left)");
  EXPECT_EQ(CorruptionMessage(DecodeFailurePayload(std::string(1, '\0') + "ok?", &failure)),
            "a failure frame: the status code at offset 9: 0 is out of range (1 to " + kLast + ")");
  EXPECT_EQ(CorruptionMessage(DecodeFailurePayload("\x63oops", &failure)),
            "a failure frame: the status code at offset 9: 99 is out of range (1 to " + kLast + ")");
}

}  // namespace
}  // namespace gcm
