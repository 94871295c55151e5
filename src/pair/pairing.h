// Version pairing: finds which English and Spanish documents of the
// collection are versions of each other (a fact sheet and its translation,
// whatever the two files' formats), from the content alone:
//
//   - language-independent anchors: numbers, URLs, names (capitalised words
//     the dictionary does not know), each weighted by its rarity;
//   - translated vocabulary: the English document's words mapped into
//     Spanish stems through the bilingual lexicon, compared with the
//     Spanish document's stems (tf-idf cosine);
//   - the GCM objectives both cite;
//   - structure: length ratio and page count.
//
// Candidates come from shared rare anchors and words (an inverted list),
// so the cost grows with the collection, not its square. A link needs its
// score to reach the threshold and each side to be the other's best match;
// a second version in the same language (a scanned copy of the Spanish PDF
// beside the PDF itself) is linked too when it scores above the threshold,
// prefers the same partner, and is a near-duplicate of the first version:
// both are right, and the user holding either copy should see the other
// language. A document without such a partner gets no translation: a wrong
// link is worse than a missing one.
#ifndef GCMSEARCH_PAIR_PAIRING_H_
#define GCMSEARCH_PAIR_PAIRING_H_

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "core/status.h"
#include "xapian.h"
#include "xlang/bilingual_lexicon.h"

namespace gcm {

struct PairingOptions {
  // The least score (0..1) of a link, chosen with tools/xlang-eval --sweep:
  // the labelled pairs of corpus/ and tests/data/xlang/ score 0.39-0.69,
  // their best wrong candidate 0.24; the 1,000 unpaired documents of the
  // bench corpus (machine-translated paragraphs shared across languages)
  // make wrong links up to 0.33. 0.36 lies between.
  double threshold = 0.36;
  // How many other-language candidates each document is scored against.
  std::size_t max_candidates = 25;
  // The least same-language similarity (0..1) for a second version to count
  // as a copy of the first.
  double duplicate_similarity = 0.8;
};

// What pairing needs to know of one document; no text is kept.
struct PairingFeatures {
  std::string id, path, language, format;
  std::size_t pages = 0;
  std::size_t chars = 0;
  std::vector<int> objectives;
  std::map<std::string, double> anchors;  // numbers "N...", URLs "U...", names "C..."
  std::map<std::string, double> words;    // Spanish stems (English words translated)
};

// The features of `doc` (language "en" or "es"; others, and documents with
// under 200 bytes of text, get empty ones with language "und").
PairingFeatures ComputePairingFeatures(const Document& doc, const BilingualLexicon& lexicon);

// The stored form of `f` (binary, compact: sorted keys front-coded, weights
// in sixtieths; the layout is in pairing_codec.cc, coded with core/coding.h), kept in each document's value slot kSlotPairing so that
// pairing reads every document's features instead of recomputing them from
// the texts: ingestion's workers compute them, and a run that changes one
// file of 10,000 compares stored features only.
std::string EncodePairingFeatures(const PairingFeatures& f);

// Stores what version pairing compares in `xdoc`'s pairing slot, computed
// once here (in the ingest workers) rather than from the texts each time
// pairing runs. Documents in languages other than en/es get nothing.
void AttachPairingFeatures(const Document& doc, Xapian::Document* xdoc);

// Reads a stored form back. Corruption naming the field and its offset
// when `data` is not one (cut short, a length or count over its cap or the
// bytes left, a value out of range, another magic byte or version, bytes
// left over); *f is then unspecified.
Status DecodePairingFeatures(std::string_view data, PairingFeatures* f);

// The same without building maps: the other fields into *f (its anchors
// and words left empty), each anchor and word to the callbacks, keys in
// ascending order. On Corruption the callbacks may already have had some
// entries.
Status DecodePairingFeatures(std::string_view data, PairingFeatures* f,
                             const std::function<void(std::string_view key, double weight)>& on_anchor,
                             const std::function<void(std::string_view key, double weight)>& on_word);

struct VersionPair {
  std::size_t en = 0;  // index into the features given
  std::size_t es = 0;
  double score = 0;    // 0..1
};

// Every English/Spanish version pair among `docs`, best first.
std::vector<VersionPair> FindVersionPairs(const std::vector<PairingFeatures>& docs,
                                          const PairingOptions& options = PairingOptions());

// The score (0..1) of `a` and `b` as versions of one document, in the
// context of `docs` (for rarity); exposed for tests and the eval tool.
double PairScore(const std::vector<PairingFeatures>& docs, std::size_t a, std::size_t b);

struct PairingSummary {
  std::size_t documents = 0;  // en and es documents considered
  std::size_t pairs = 0;      // links made
  std::size_t updated = 0;    // documents whose stored translations changed
};

// Pairs the versions among every document of `db` and stores each
// document's translations (Document::translations, best first) in its
// data, rewriting only the documents whose translations changed. Does not
// commit. Internal on a Xapian error.
Status PairVersions(Xapian::WritableDatabase& db, const BilingualLexicon& lexicon,
                    const PairingOptions& options, PairingSummary* summary);

// The same for one shard of a sharded collection: the pairs are found among
// every document of `collection` (a stub listing all the shards, `db`'s
// included), and only `db`'s documents are rewritten. Run on each shard
// once all are ingested (`gcmsearch pair --collection STUB`), so that a
// document and its version in another shard know each other.
Status PairVersions(Xapian::WritableDatabase& db, const Xapian::Database& collection,
                    const BilingualLexicon& lexicon, const PairingOptions& options,
                    PairingSummary* summary);

// Opens the index at `index_dir` for writing and pairs it (with the
// documents of the stub or database `collection` when not empty), then
// commits: `gcmsearch pair`. IOError when either cannot be opened.
Status PairIndex(const std::string& index_dir, const std::string& collection, PairingSummary* summary);

}  // namespace gcm

#endif  // GCMSEARCH_PAIR_PAIRING_H_
