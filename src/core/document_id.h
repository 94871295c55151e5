// Where a file is and the id its document gets: shared by ingestion and by
// the reading commands (`show FILE`), in a unit of its own so that reading
// does not link the extractors.
#ifndef GCMSEARCH_CORE_DOCUMENT_ID_H_
#define GCMSEARCH_CORE_DOCUMENT_ID_H_

#include <filesystem>
#include <string>

namespace gcm {

// `file` as an absolute path with symlinks resolved (as far as it exists).
std::string CanonicalPath(const std::filesystem::path& file);

// The stable document id of a file: 16 hex digits of a hash of its canonical
// absolute path, so the same file ingested from another directory keeps its id.
std::string DocumentIdFor(const std::filesystem::path& file);

}  // namespace gcm

#endif  // GCMSEARCH_CORE_DOCUMENT_ID_H_
