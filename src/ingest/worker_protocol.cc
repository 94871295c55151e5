// The parent/worker frames (worker_protocol.h), coded with core/coding.h.
#include "ingest/worker_protocol.h"

#include "core/coding.h"

namespace gcm {
namespace {

// Paths are at most PATH_MAX (4096) on Linux; as_given joins what the user
// typed with the walk, which may be longer. Either fits a task frame.
constexpr std::size_t kMaxPathBytes = kMaxTaskBytes;

Status FromCode(Status::Code code, std::string message) {
  switch (code) {
    case Status::Code::kOk:
      break;
    case Status::Code::kNotFound:
      return Status::NotFound(std::move(message));
    case Status::Code::kInvalidArgument:
      return Status::InvalidArgument(std::move(message));
    case Status::Code::kCorruption:
      return Status::Corruption(std::move(message));
    case Status::Code::kUnsupported:
      return Status::Unsupported(std::move(message));
    case Status::Code::kIOError:
      return Status::IOError(std::move(message));
    case Status::Code::kTimeout:
      return Status::Timeout(std::move(message));
    case Status::Code::kResourceLimit:
      return Status::ResourceLimit(std::move(message));
    case Status::Code::kDatabaseChanged:
      return Status::DatabaseChanged(std::move(message));
    case Status::Code::kInternal:
      return Status::Internal(std::move(message));
  }
  return Status::Internal(std::move(message));
}

}  // namespace

std::string EncodeTaskFrame(const WorkerTask& task) {
  std::string payload;
  PutLengthPrefixed(&payload, task.file.string());
  PutLengthPrefixed(&payload, task.as_given);
  PutVarint64(&payload, task.size);
  PutFixed64(&payload, static_cast<std::uint64_t>(task.mtime));
  std::string frame;
  PutFixed64(&frame, payload.size());
  return frame + payload;
}

Status DecodeTaskHeader(std::string_view header, std::uint64_t* length) {
  Decoder d(header, "a task frame");
  std::uint64_t n = 0;
  if (!d.ReadFixed64("the payload length", &n)) return d.status();
  if (n > kMaxTaskBytes) {
    d.Fail("the payload length", 0, std::to_string(n) + " exceeds the cap of " + std::to_string(kMaxTaskBytes));
    return d.status();
  }
  *length = n;
  return Status::OK();
}

Status DecodeTaskPayload(std::string_view payload, WorkerTask* task) {
  Decoder d(payload, "a task frame", kTaskHeaderBytes);
  std::string file;
  std::uint64_t mtime = 0;
  if (!d.ReadLengthPrefixed("the file", kMaxPathBytes, &file) ||
      !d.ReadLengthPrefixed("the path as given", kMaxPathBytes, &task->as_given) ||
      !d.ReadVarint64("the size", &task->size) || !d.ReadFixed64("the mtime", &mtime) ||
      !d.ExpectEnd("the end of the task")) {
    return d.status();
  }
  task->file = file;
  task->mtime = static_cast<std::int64_t>(mtime);
  return Status::OK();
}

std::string EncodeFrame(FrameType type, std::string_view payload) {
  std::string frame(1, static_cast<char>(type));
  PutFixed64(&frame, payload.size());
  frame.append(payload);
  return frame;
}

Status DecodeFrameHeader(std::string_view data, FrameHeader* header) {
  Decoder d(data.substr(0, kFrameHeaderBytes), "a worker's frame");
  std::uint8_t type = 0;
  std::uint64_t length = 0;
  if (!d.ReadByte("the frame type", &type)) return d.status();
  switch (static_cast<FrameType>(type)) {
    case FrameType::kAnnounce:
    case FrameType::kDone:
    case FrameType::kFailed:
    case FrameType::kOutOfMemory:
      break;
    default:
      d.Fail("the frame type", 0, "unknown type byte " + std::to_string(type));
      return d.status();
  }
  if (!d.ReadFixed64("the payload length", &length)) return d.status();
  if (length > kMaxAnswerBytes) {
    d.Fail("the payload length", 1,
           std::to_string(length) + " exceeds the cap of " + std::to_string(kMaxAnswerBytes));
    return d.status();
  }
  header->type = static_cast<FrameType>(type);
  header->length = length;
  return Status::OK();
}

std::string EncodeAnnouncePayload(std::int32_t units) {
  std::string p;
  PutFixed32(&p, static_cast<std::uint32_t>(units));
  return p;
}

Status DecodeAnnouncePayload(std::string_view payload, std::int32_t* units) {
  Decoder d(payload, "an announce frame", kFrameHeaderBytes);
  std::uint32_t u = 0;
  if (!d.ReadFixed32("the units", &u) || !d.ExpectEnd("the end of the frame")) return d.status();
  *units = static_cast<std::int32_t>(u);
  return Status::OK();
}

std::string EncodeFailurePayload(const Status& failure) {
  std::string p(1, static_cast<char>(failure.ok() ? Status::Code::kInternal : failure.code()));
  p += failure.message();
  return p;
}

Status DecodeFailurePayload(std::string_view payload, Status* failure) {
  Decoder d(payload, "a failure frame", kFrameHeaderBytes);
  std::uint8_t code = 0;
  std::string_view message;
  if (!d.ReadByte("the status code", &code)) return d.status();
  if (code == static_cast<std::uint8_t>(Status::Code::kOk) || code > static_cast<std::uint8_t>(Status::Code::kInternal)) {
    d.Fail("the status code", 0, std::to_string(code) + " is out of range (1 to " +
                                     std::to_string(static_cast<int>(Status::Code::kInternal)) + ")");
    return d.status();
  }
  d.ReadRest("the message", &message);
  *failure = FromCode(static_cast<Status::Code>(code), std::string(message));
  return Status::OK();
}

}  // namespace gcm
