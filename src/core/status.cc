// Status rendering and its mapping to HTTP statuses.
#include "core/status.h"

namespace gcm {

std::string Status::ToString() const {
  const char* what = "";
  switch (code_) {
    case Code::kOk:
      return "OK";
    case Code::kNotFound:
      what = "not found: ";
      break;
    case Code::kInvalidArgument:
      what = "invalid argument: ";
      break;
    case Code::kCorruption:
      what = "unreadable: ";
      break;
    case Code::kUnsupported:
      what = "unsupported: ";
      break;
    case Code::kIOError:
      what = "I/O error: ";
      break;
    case Code::kTimeout:
      what = "timed out: ";
      break;
    case Code::kResourceLimit:
      what = "limit reached: ";
      break;
    case Code::kDatabaseChanged:
      what = "index changed: ";
      break;
    case Code::kInternal:
      what = "internal error: ";
      break;
  }
  return what + message_;
}

int Status::HttpStatus() const {
  switch (code_) {
    case Code::kOk:
      return 200;
    case Code::kNotFound:
      return 404;
    case Code::kInvalidArgument:
      return 400;
    case Code::kDatabaseChanged:
    case Code::kResourceLimit:
      return 503;
    default:
      return 500;
  }
}

}  // namespace gcm
