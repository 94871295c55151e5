// Xapian's exception classes (xapian/error.h) mapped to Status codes.
// Xapian::Error has no virtual functions, so the class is told by
// get_type(), the class name without "Xapian::".
#include "index/xapian_status.h"

#include <string_view>

namespace gcm {

Status FromXapianError(const Xapian::Error& e, const std::string& what) {
  const std::string_view type = e.get_type();
  std::string message = what + ": " + e.get_description();
  if (type == "DatabaseModifiedError") return Status::DatabaseChanged(std::move(message));
  if (type == "DatabaseLockError") {
    return Status::IOError(what + ": another ingest is writing to this index (" + e.get_msg() + ")");
  }
  if (type == "DatabaseNotFoundError" || type == "DatabaseOpeningError") {
    return Status::NotFound(std::move(message));
  }
  if (type == "DatabaseCorruptError") return Status::Corruption(std::move(message));
  if (type == "DatabaseVersionError") return Status::Unsupported(std::move(message));
  if (type == "NetworkError" || type == "NetworkTimeoutError" || type == "DatabaseError" ||
      type == "DatabaseClosedError") {
    return Status::IOError(std::move(message));
  }
  if (type == "QueryParserError" || type == "InvalidArgumentError" || type == "RangeError") {
    return Status::InvalidArgument(std::move(message));
  }
  return Status::Internal(std::move(message));
}

}  // namespace gcm
