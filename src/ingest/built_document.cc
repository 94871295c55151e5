// The worker's answer (built_document.h), coded with core/coding.h.
#include "ingest/built_document.h"

#include "core/coding.h"

namespace gcm {
namespace {

// `w` cut to the decoder's cap, at a UTF-8 character boundary.
std::string_view Capped(std::string_view w) {
  if (w.size() <= kMaxBuiltWarningBytes) return w;
  std::size_t n = kMaxBuiltWarningBytes;
  while (n > 0 && (static_cast<unsigned char>(w[n]) & 0xc0) == 0x80) --n;
  return w.substr(0, n);
}

}  // namespace

std::string EncodeBuiltDocument(const std::vector<std::string>& warnings, std::string_view serialised) {
  std::string out;
  PutVarint64(&out, warnings.size());
  for (const std::string& w : warnings) {
    // A warning longer than the decoder's cap is cut rather than lost.
    PutLengthPrefixed(&out, Capped(w));
  }
  out.append(serialised);
  return out;
}

Status DecodeBuiltDocument(std::string_view data, BuiltDocument* out) {
  *out = BuiltDocument();
  Decoder d(data, "a worker's answer");
  std::size_t count = 0;
  if (!d.ReadCount("the count of warnings", kMaxBuiltWarnings, &count)) return d.status();
  out->warnings.reserve(count);  // bounded: each takes a byte at least
  for (std::size_t i = 0; i < count; ++i) {
    std::string w;
    if (!d.ReadLengthPrefixed("warning " + std::to_string(i + 1), kMaxBuiltWarningBytes, &w)) return d.status();
    out->warnings.push_back(std::move(w));
  }
  std::string_view rest;
  if (!d.ReadRest("the serialised document", &rest)) return d.status();
  out->serialised.assign(rest);
  return Status::OK();
}

}  // namespace gcm
