// The protocol between the ingest parent and its worker processes
// (worker_pool.h), over one socket pair per worker. Both ends are the same
// program, so the format can change with it; it never reaches disk. Coded
// with core/coding.h (fixed64 is little-endian):
//
// From the parent, one frame per task:
//   fixed64 payload length, then the payload:
//     length-prefixed file, length-prefixed as_given, varint size,
//     fixed64 mtime (two's complement)
// From a worker, any number of frames per task, the last ending it:
//   one type byte, fixed64 payload length, then the payload:
//   'A'  fixed32 units of slow work announced (extends the deadline)
//   'D'  the work function's result (a built_document.h answer): success
//   'F'  one Status::Code byte (not kOk), then the message: the task failed
//   'M'  the message: the task ran out of memory; the worker then exits
//
// A frame that does not decode (an unknown type, a length over its cap, a
// payload of the wrong shape) is Corruption: the parent fails the task as
// "the worker sent a damaged answer" and replaces the worker, since the
// stream cannot be trusted past it.
#ifndef GCMSEARCH_INGEST_WORKER_PROTOCOL_H_
#define GCMSEARCH_INGEST_WORKER_PROTOCOL_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/status.h"
#include "ingest/worker_pool.h"

namespace gcm {

// Bytes before a task's payload (its length) and before an answer's (type
// and length).
inline constexpr std::size_t kTaskHeaderBytes = 8;
inline constexpr std::size_t kFrameHeaderBytes = 9;
// The largest payloads accepted: a task is two paths and two numbers; an
// answer is one document's terms and texts (a 16 MiB text file, the most
// extraction keeps of one, builds well under this).
inline constexpr std::uint64_t kMaxTaskBytes = 1 << 20;
inline constexpr std::uint64_t kMaxAnswerBytes = 1ull << 30;

enum class FrameType : char {
  kAnnounce = 'A',
  kDone = 'D',
  kFailed = 'F',
  kOutOfMemory = 'M',
};

// ---- Parent to worker ------------------------------------------------------

// The whole frame for `task`: header and payload.
std::string EncodeTaskFrame(const WorkerTask& task);
// The payload length from a task frame's kTaskHeaderBytes header;
// Corruption when it exceeds kMaxTaskBytes.
Status DecodeTaskHeader(std::string_view header, std::uint64_t* length);
// A task frame's payload back into *task; Corruption naming the field.
Status DecodeTaskPayload(std::string_view payload, WorkerTask* task);

// ---- Worker to parent ------------------------------------------------------

// The whole frame: type, length, payload.
std::string EncodeFrame(FrameType type, std::string_view payload);

struct FrameHeader {
  FrameType type = FrameType::kDone;
  std::uint64_t length = 0;  // of the payload that follows
};
// The header at the front of `data` (which must hold kFrameHeaderBytes);
// Corruption for an unknown type or a length over kMaxAnswerBytes.
Status DecodeFrameHeader(std::string_view data, FrameHeader* header);

// An 'A' payload.
std::string EncodeAnnouncePayload(std::int32_t units);
Status DecodeAnnouncePayload(std::string_view payload, std::int32_t* units);

// An 'F' payload for `failure` (not OK).
std::string EncodeFailurePayload(const Status& failure);
// Sets *failure to the Status sent: Corruption when the code byte is
// missing, kOk or unknown.
Status DecodeFailurePayload(std::string_view payload, Status* failure);

}  // namespace gcm

#endif  // GCMSEARCH_INGEST_WORKER_PROTOCOL_H_
