// Status: the outcome of an operation that can fail for expected reasons (a
// bad file, an unknown document, a malformed query), in the manner of
// LevelDB's Status. Library exceptions are caught in the one file that wraps
// that library and turned into a Status; callers test ok() and print
// ToString(), which is one line naming what failed and why.
#ifndef GCMSEARCH_CORE_STATUS_H_
#define GCMSEARCH_CORE_STATUS_H_

#include <string>
#include <utility>

namespace gcm {

class Status {
 public:
  enum class Code {
    kOk = 0,
    kNotFound,         // no such document, file or objective
    kInvalidArgument,  // a malformed query or option: the caller's fault
    kCorruption,       // a file that cannot be read as what it claims to be
    kUnsupported,      // a format or feature this build does not handle
    kIOError,          // the operating system refused
    kTimeout,          // a per-file time limit ran out
    kResourceLimit,    // a configured limit (memory, size) was reached: not a verdict on the input
    kDatabaseChanged,  // the index moved on during a read: reopen and retry
    kInternal,         // a bug or an unexpected library failure
  };

  Status() = default;  // OK

  static Status OK() { return Status(); }
  static Status NotFound(std::string msg) { return {Code::kNotFound, std::move(msg)}; }
  static Status InvalidArgument(std::string msg) {
    return {Code::kInvalidArgument, std::move(msg)};
  }
  static Status Corruption(std::string msg) { return {Code::kCorruption, std::move(msg)}; }
  static Status Unsupported(std::string msg) { return {Code::kUnsupported, std::move(msg)}; }
  static Status IOError(std::string msg) { return {Code::kIOError, std::move(msg)}; }
  static Status Timeout(std::string msg) { return {Code::kTimeout, std::move(msg)}; }
  static Status ResourceLimit(std::string msg) { return {Code::kResourceLimit, std::move(msg)}; }
  static Status DatabaseChanged(std::string msg) {
    return {Code::kDatabaseChanged, std::move(msg)};
  }
  static Status Internal(std::string msg) { return {Code::kInternal, std::move(msg)}; }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }

  // "corrupt: <message>" and the like; "OK" for success.
  std::string ToString() const;

  // True for an outcome worth one retry after reopening the index.
  bool IsRetryable() const { return code_ == Code::kDatabaseChanged; }

  // The HTTP status that answers this outcome: 200, 400 (invalid
  // argument), 404 (not found), 503 (the index changed twice during the
  // read, or a limit was reached) or 500.
  int HttpStatus() const;

 private:
  Status(Code code, std::string msg) : code_(code), message_(std::move(msg)) {}

  Code code_ = Code::kOk;
  std::string message_;
};

}  // namespace gcm

#endif  // GCMSEARCH_CORE_STATUS_H_
