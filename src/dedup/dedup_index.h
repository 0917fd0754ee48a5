// DedupIndex: finds the earlier article an article is a copy of, at crawl scale.
//
// Exact duplicates first, by the 64-bit normalised-text hash; then near duplicates by LSH over
// MinHash bands (`bands` bands of num_hashes/bands rows: with 16x4, pairs at Jaccard 0.6
// become candidates with probability 1-(1-0.6^4)^16 = 0.89, at 0.8 with 0.9999), every
// candidate verified by exact Jaccard of the shingle sets against `threshold`. Originals are
// indexed, and near copies that drifted (Jaccard below `bridge_below`) as members of their
// original's group; other copies add nothing, so memory grows with the distinct texts, not
// the input. A group is named by its first article (the original).
//
// Memory per indexed text (docs/benchmarks.md: ~1.5 KB for 5 KB articles): its fingerprint
// set (fingerprint_set.h, ~1.3 KB), its id, a 24-byte entry, and per band (and for the exact
// hash) an 8-byte cell of an open-addressing table at load <= 0.7, a 4-byte chain link and the
// 4-byte band key kept for Save — no per-entry heap node.
//
// Persistence: Save/Open write and read a versioned file that records the format version, the
// signature version and the MinHash parameters; Open refuses a file whose parameters differ
// from the caller's, or that is truncated or damaged (checksum). See dedup_index.cc for the
// layout. Not thread-safe: one writer; Find may run concurrently with other Finds only.
// Tested by dedup_index_test.cc.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dedup/minhash.h"
#include "parallax/status.h"

namespace parallax {

// What an article was matched to.
struct DedupMatch {
  uint32_t original = 0;  // slot of the group's original (see DedupIndex::Id)
  uint32_t nearest = 0;   // slot of the indexed text matched (the original or a bridging copy)
  double jaccard = 0;     // verified shingle-set Jaccard to `nearest` (1 for an exact duplicate)
  bool exact = false;     // same normalised text as `nearest`
};

// Per-band bucket table: 32-bit key -> the slots inserted under it, newest first. Open
// addressing with linear probing; chains run through a per-slot `next` array, so an entry
// costs 8 bytes of table (at load <= 0.7) plus 4 bytes of link. Slots are inserted in
// increasing order, each once.
class BucketTable {
 public:
  void Insert(uint32_t key, uint32_t slot);
  // Calls f(slot) for up to `limit` slots under `key`, newest first.
  template <typename F>
  void ForEach(uint32_t key, size_t limit, F f) const;
  size_t MemoryBytes() const { return cells_.capacity() * sizeof(Cell) + next_.capacity() * 4; }

 private:
  struct Cell {
    uint32_t key = 0;
    uint32_t head = 0;  // newest slot + 1; 0 = empty cell
  };
  size_t Probe(uint32_t key) const;
  void Grow();

  std::vector<Cell> cells_;  // power-of-two size
  size_t used_ = 0;
  std::vector<uint32_t> next_;  // per slot: next older slot with the same key + 1; 0 = end
};

class DedupIndex {
 public:
  // `options` must pass ValidateDedupOptions.
  explicit DedupIndex(const DedupOptions& options);

  // The best verified original of `sig` (highest Jaccard, then oldest), or nullopt.
  std::optional<DedupMatch> Find(const Signature& sig) const;
  // Indexes `sig` as an original named `id`; returns its slot (0, 1, 2, ... in order).
  // An empty signature is not indexed and returns nullopt.
  std::optional<uint32_t> Add(std::string_view id, const Signature& sig);
  // Find, then Add when nothing matched, or when the match is a near copy below
  // `bridge_below` (indexed as a member of the match's group). The usual streaming step.
  std::optional<DedupMatch> FindOrAdd(std::string_view id, const Signature& sig);

  // The id given to Add for `slot`. The view lives as long as the index.
  std::string_view Id(uint32_t slot) const;
  size_t size() const { return entries_.size(); }
  const DedupOptions& options() const { return options_; }
  // Bytes held by the index (capacity of its tables and arenas).
  size_t MemoryBytes() const;

  // Writes the index to `path` (through a temporary file renamed over it).
  Status Save(const std::string& path) const;
  // Reads an index written by Save. NotFound when `path` does not exist; InvalidArgument when
  // it was built with other parameters or by another format/signature version; DataLoss when
  // it is truncated or damaged.
  static Result<std::unique_ptr<DedupIndex>> Open(const std::string& path,
                                                  const DedupOptions& options);

 private:
  struct Entry {
    uint64_t exact = 0;
    uint64_t ref = 0;    // arena position of: varint id length, id, fingerprint set
    uint32_t group = 0;  // slot of the group's original (itself for an original)
  };
  uint32_t BandKey(const Signature& sig, int band) const;
  std::optional<uint32_t> AddToGroup(std::string_view id, const Signature& sig,
                                     std::optional<uint32_t> group);
  uint32_t Insert(uint64_t exact, const uint32_t* band_keys, std::string_view payload,
                  std::optional<uint32_t> group);
  std::string_view Payload(uint64_t ref) const;
  struct ReducedQuery {
    int bits = 0;  // 0: not reduced yet
    std::vector<uint32_t> values;
  };
  // The verified Jaccard of the set in `slot` and `fingerprints` when it reaches the threshold,
  // else nullopt. `query` caches `fingerprints` reduced to a stored width across candidates.
  std::optional<double> Verify(uint32_t slot, const std::vector<uint32_t>& fingerprints,
                               ReducedQuery* query) const;

  DedupOptions options_;
  BucketTable exact_;
  std::vector<BucketTable> bands_;
  std::vector<uint32_t> band_keys_;  // slot * bands + band; kept to save the index
  std::vector<Entry> entries_;
  // Entries' payloads, in blocks of kBlockBytes so growth never copies what is stored.
  std::vector<std::unique_ptr<char[]>> blocks_;
  std::vector<size_t> block_sizes_;
  size_t block_used_ = 0;
};

template <typename F>
void BucketTable::ForEach(uint32_t key, size_t limit, F f) const {
  if (cells_.empty()) return;
  const Cell& c = cells_[Probe(key)];
  for (uint32_t s = c.head; s != 0 && limit > 0; s = next_[s - 1], --limit) f(s - 1);
}

}  // namespace parallax
