// The adapter for Xapian's exceptions: every call into Xapian that may
// throw, in any layer from index/ up, runs inside GuardXapian, which turns
// Xapian::Error (told apart by get_type(): the class has no virtual
// functions) into a Status whose code says what the caller must tell
// apart: the index changed under the read (DatabaseChanged: reopen and
// retry), it is locked by another writer or unreachable (IOError), missing
// (NotFound), damaged (Corruption), the query is bad (InvalidArgument),
// anything else (Internal). No other file catches Xapian::Error.
#ifndef GCMSEARCH_INDEX_XAPIAN_STATUS_H_
#define GCMSEARCH_INDEX_XAPIAN_STATUS_H_

#include <string>
#include <type_traits>
#include <utility>

#include "core/status.h"
#include "xapian.h"

namespace gcm {

// The Status for `e`, its message "<what>: <Xapian's description>".
Status FromXapianError(const Xapian::Error& e, const std::string& what);

// Runs `f` (returning void or Status); a Xapian::Error it throws becomes
// FromXapianError(e, what). Other exceptions pass through.
template <typename F>
Status GuardXapian(const std::string& what, F&& f) {
  try {
    if constexpr (std::is_same_v<decltype(f()), Status>) {
      return std::forward<F>(f)();
    } else {
      std::forward<F>(f)();
      return Status::OK();
    }
  } catch (const Xapian::Error& e) {
    return FromXapianError(e, what);
  }
}

}  // namespace gcm

#endif  // GCMSEARCH_INDEX_XAPIAN_STATUS_H_
