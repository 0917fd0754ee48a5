// LSH index over MinHash bands with exact verification, and its file format.
// Tested by dedup_index_test.cc.
//
// File layout (little-endian), format version 1:
//   "PLXDEDUP"                         8-byte magic
//   u32 format version, u32 signature version (minhash.h kSignatureVersion)
//   u32 shingle, u32 num_hashes, u32 bands, f64 threshold
//   u64 number of entries
//   per entry: u64 exact hash, u32 group (slot of its original, <= its own slot),
//              u32 band key x bands, u32 payload length, payload
//              (varint id length, id bytes, fingerprint set as in fingerprint_set.h)
//   u64 XXH3-64 of every byte before it
// Bucket tables are not stored: Open rebuilds them from the band keys, so the file does not
// depend on the in-memory table layout.
#define XXH_INLINE_ALL  // band keys hash 16-byte inputs; see minhash.cc
#include <xxhash.h>

#include "dedup/dedup_index.h"

#include <algorithm>
#include <bit>
#include <cerrno>
#include <cstddef>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "dedup/fingerprint_set.h"

namespace parallax {

static_assert(std::endian::native == std::endian::little, "index files are little-endian");

namespace {

constexpr char kMagic[8] = {'P', 'L', 'X', 'D', 'E', 'D', 'U', 'P'};
constexpr uint32_t kFormatVersion = 1;
// Largest payload accepted from a file: a 4 MiB article's set is ~3 MB.
constexpr uint32_t kMaxPayload = 64u << 20;
// Slots scanned per bucket: a bucket shared by thousands of boilerplate texts is sampled
// (newest first) rather than walked.
constexpr size_t kMaxBucketScan = 1024;
constexpr size_t kFirstBlock = 1u << 20;
constexpr size_t kMaxBlock = 64u << 20;
constexpr double kMaxLoad = 0.7;

// Writes through a running checksum.
class FileWriter {
 public:
  explicit FileWriter(const std::string& path) : out_(path, std::ios::binary | std::ios::trunc) {
    XXH3_64bits_reset(state_);
  }
  ~FileWriter() { XXH3_freeState(state_); }
  bool ok() const { return static_cast<bool>(out_); }
  void Bytes(const void* p, size_t n) {
    XXH3_64bits_update(state_, p, n);
    out_.write(static_cast<const char*>(p), static_cast<std::streamsize>(n));
  }
  template <typename T>
  void Value(T v) {
    Bytes(&v, sizeof v);
  }
  bool Finish() {
    uint64_t sum = XXH3_64bits_digest(state_);
    out_.write(reinterpret_cast<const char*>(&sum), sizeof sum);
    out_.flush();
    out_.close();
    return !out_.fail();
  }

 private:
  std::ofstream out_;
  XXH3_state_t* state_ = XXH3_createState();
};

// Reads through a running checksum; every short read is "truncated".
class FileReader {
 public:
  FileReader(std::istream& in, std::string path) : in_(in), path_(std::move(path)) {
    XXH3_64bits_reset(state_);
  }
  ~FileReader() { XXH3_freeState(state_); }
  Status Bytes(void* p, size_t n) {
    in_.read(static_cast<char*>(p), static_cast<std::streamsize>(n));
    if (static_cast<size_t>(in_.gcount()) != n) {
      return DataLoss(path_ + ": truncated at byte " + std::to_string(offset_ + in_.gcount()));
    }
    XXH3_64bits_update(state_, p, n);
    offset_ += n;
    return Status::Ok();
  }
  template <typename T>
  Status Value(T* v) {
    return Bytes(v, sizeof *v);
  }
  Status CheckSum() {
    const uint64_t expected = XXH3_64bits_digest(state_);
    uint64_t stored = 0;
    in_.read(reinterpret_cast<char*>(&stored), sizeof stored);
    if (in_.gcount() != sizeof stored) return DataLoss(path_ + ": truncated (no checksum)");
    if (stored != expected) return DataLoss(path_ + ": checksum mismatch (damaged file)");
    if (in_.peek() != std::char_traits<char>::eof())
      return DataLoss(path_ + ": data after the checksum");
    return Status::Ok();
  }
  const std::string& path() const { return path_; }

 private:
  std::istream& in_;
  std::string path_;
  uint64_t offset_ = 0;
  XXH3_state_t* state_ = XXH3_createState();
};

std::string Params(uint32_t shingle, uint32_t hashes, uint32_t bands, double threshold) {
  char buf[160];
  std::snprintf(buf, sizeof buf, "shingle=%u hashes=%u bands=%u threshold=%g", shingle, hashes,
                bands, threshold);
  return buf;
}

}  // namespace

// ---------- BucketTable ----------

size_t BucketTable::Probe(uint32_t key) const {
  const size_t mask = cells_.size() - 1;
  // Keys are hash values already; the multiply spreads sequential test keys too.
  size_t i = static_cast<size_t>(key * 0x9E3779B1u) & mask;  // a 32-bit product, as before
  while (cells_[i].head != 0 && cells_[i].key != key) i = (i + 1) & mask;
  return i;
}

void BucketTable::Grow() {
  std::vector<Cell> old = std::move(cells_);
  cells_.assign(old.empty() ? 16 : old.size() * 2, Cell{});
  for (const Cell& c : old) {
    if (c.head != 0) cells_[Probe(c.key)] = c;
  }
}

void BucketTable::Insert(uint32_t key, uint32_t slot) {
  if (static_cast<double>(used_ + 1) > kMaxLoad * static_cast<double>(cells_.size())) Grow();
  if (next_.size() <= slot) next_.resize(slot + 1, 0);
  Cell& c = cells_[Probe(key)];
  if (c.head == 0) {
    c.key = key;
    ++used_;
  }
  next_[slot] = c.head;
  c.head = slot + 1;
}

// ---------- DedupIndex ----------

DedupIndex::DedupIndex(const DedupOptions& options)
    : options_(options), bands_(static_cast<size_t>(options.bands)) {}

uint32_t DedupIndex::BandKey(const Signature& sig, int band) const {
  const int rows = options_.num_hashes / options_.bands;
  const uint32_t* data = sig.minhash.data() + static_cast<std::ptrdiff_t>(band) * rows;
  return static_cast<uint32_t>(XXH3_64bits_withSeed(
      data, static_cast<size_t>(rows) * sizeof(uint32_t), static_cast<uint64_t>(band)));
}

std::string_view DedupIndex::Payload(uint64_t ref) const {
  const char* p = blocks_[ref >> 32].get() + (ref & 0xffffffffu);
  uint32_t n;
  std::memcpy(&n, p, sizeof n);
  return {p + sizeof n, n};
}

std::string_view DedupIndex::Id(uint32_t slot) const {
  std::string_view p = Payload(entries_[slot].ref);
  size_t pos = 0;
  uint64_t n = 0;
  GetVarint(p, &pos, &n);
  return p.substr(pos, n);
}

std::optional<double> DedupIndex::Verify(uint32_t slot, const std::vector<uint32_t>& fingerprints,
                                         ReducedQuery* query) const {
  std::string_view p = Payload(entries_[slot].ref);
  size_t pos = 0;
  uint64_t id_len = 0, n = 0;
  GetVarint(p, &pos, &id_len);
  pos += id_len;
  int bits = 32;
  if (!PeekFingerprints(p, pos, &n, &bits)) return std::nullopt;  // checked when stored or read
  // The query at the stored width, reduced once per width rather than once per candidate.
  if (query->bits != bits) {
    ReduceFingerprints(fingerprints, bits, &query->values);
    query->bits = bits;
  }
  return JaccardAtLeast(p, pos, query->values, options_.threshold);
}

std::optional<DedupMatch> DedupIndex::Find(const Signature& sig) const {
  if (sig.empty()) return std::nullopt;
  // 1. Exact duplicate: same normalised text; the oldest such original.
  std::optional<uint32_t> exact;
  exact_.ForEach(static_cast<uint32_t>(sig.exact), kMaxBucketScan, [&](uint32_t s) {
    if (entries_[s].exact == sig.exact) exact = s;
  });
  if (exact) return DedupMatch{entries_[*exact].group, *exact, 1.0, true};

  // 2. LSH candidates, most shared bands first, verified by exact Jaccard.
  std::vector<uint32_t> hits;
  for (int b = 0; b < options_.bands; ++b) {
    bands_[b].ForEach(BandKey(sig, b), kMaxBucketScan, [&](uint32_t s) { hits.push_back(s); });
  }
  if (hits.empty()) return std::nullopt;
  std::sort(hits.begin(), hits.end());
  std::vector<std::pair<uint32_t, uint32_t>> ranked;  // (bands shared, slot)
  for (size_t i = 0; i < hits.size();) {
    size_t j = i;
    while (j < hits.size() && hits[j] == hits[i]) ++j;
    ranked.emplace_back(static_cast<uint32_t>(j - i), hits[i]);
    i = j;
  }
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  if (ranked.size() > static_cast<size_t>(options_.max_candidates))
    ranked.resize(static_cast<size_t>(options_.max_candidates));

  std::optional<DedupMatch> best;
  ReducedQuery query;
  for (const auto& [shared, slot] : ranked) {
    std::optional<double> verified = Verify(slot, sig.fingerprints, &query);
    if (!verified) continue;  // below the threshold
    const double j = *verified;
    if (!best || j > best->jaccard || (j == best->jaccard && slot < best->nearest)) {
      best = DedupMatch{entries_[slot].group, slot, j, false};
    }
  }
  return best;
}

uint32_t DedupIndex::Insert(uint64_t exact, const uint32_t* band_keys, std::string_view payload,
                            std::optional<uint32_t> group) {
  const auto slot = static_cast<uint32_t>(entries_.size());
  // Store the payload (length-prefixed) in the current block, or a new, larger one.
  const size_t need = payload.size() + sizeof(uint32_t);
  if (blocks_.empty() || block_used_ + need > block_sizes_.back()) {
    size_t size = blocks_.empty() ? kFirstBlock : std::min(block_sizes_.back() * 2, kMaxBlock);
    size = std::max(size, need);
    blocks_.push_back(std::make_unique_for_overwrite<char[]>(size));
    block_sizes_.push_back(size);
    block_used_ = 0;
  }
  char* p = blocks_.back().get() + block_used_;
  const auto len = static_cast<uint32_t>(payload.size());
  std::memcpy(p, &len, sizeof len);
  std::memcpy(p + sizeof len, payload.data(), payload.size());
  entries_.push_back({exact, (static_cast<uint64_t>(blocks_.size() - 1) << 32) | block_used_,
                      group.value_or(slot)});
  block_used_ += need;

  exact_.Insert(static_cast<uint32_t>(exact), slot);
  for (int b = 0; b < options_.bands; ++b) {
    bands_[b].Insert(band_keys[b], slot);
    band_keys_.push_back(band_keys[b]);
  }
  return slot;
}

std::optional<uint32_t> DedupIndex::Add(std::string_view id, const Signature& sig) {
  return AddToGroup(id, sig, std::nullopt);
}

std::optional<DedupMatch> DedupIndex::FindOrAdd(std::string_view id, const Signature& sig) {
  std::optional<DedupMatch> m = Find(sig);
  if (!m) {
    (void)Add(id, sig);
  } else if (!m->exact && m->jaccard < options_.bridge_below) {
    (void)AddToGroup(id, sig, m->original);
  }
  return m;
}

std::optional<uint32_t> DedupIndex::AddToGroup(std::string_view id, const Signature& sig,
                                               std::optional<uint32_t> group) {
  if (sig.empty()) return std::nullopt;
  std::string payload;
  PutVarint(id.size(), &payload);
  payload.append(id);
  EncodeFingerprints(sig.fingerprints, &payload);
  std::vector<uint32_t> keys(static_cast<size_t>(options_.bands));
  for (int b = 0; b < options_.bands; ++b) keys[b] = BandKey(sig, b);
  return Insert(sig.exact, keys.data(), payload, group);
}

size_t DedupIndex::MemoryBytes() const {
  size_t n = exact_.MemoryBytes() + band_keys_.capacity() * sizeof(uint32_t) +
             entries_.capacity() * sizeof(Entry);
  for (const BucketTable& t : bands_) n += t.MemoryBytes();
  for (size_t s : block_sizes_) n += s;
  return n;
}

Status DedupIndex::Save(const std::string& path) const {
  const std::string tmp = path + ".tmp";
  {
    FileWriter w(tmp);
    if (!w.ok()) return IoError(tmp + ": cannot write: " + std::strerror(errno));
    w.Bytes(kMagic, sizeof kMagic);
    w.Value(kFormatVersion);
    w.Value(kSignatureVersion);
    w.Value(static_cast<uint32_t>(options_.shingle));
    w.Value(static_cast<uint32_t>(options_.num_hashes));
    w.Value(static_cast<uint32_t>(options_.bands));
    w.Value(options_.threshold);
    w.Value(static_cast<uint64_t>(entries_.size()));
    const auto bands = static_cast<size_t>(options_.bands);
    for (size_t s = 0; s < entries_.size(); ++s) {
      w.Value(entries_[s].exact);
      w.Value(entries_[s].group);
      w.Bytes(band_keys_.data() + s * bands, bands * sizeof(uint32_t));
      std::string_view p = Payload(entries_[s].ref);
      w.Value(static_cast<uint32_t>(p.size()));
      w.Bytes(p.data(), p.size());
    }
    if (!w.Finish()) return IoError(tmp + ": write failed: " + std::strerror(errno));
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) return IoError(path + ": cannot replace: " + ec.message());
  return Status::Ok();
}

Result<std::unique_ptr<DedupIndex>> DedupIndex::Open(const std::string& path,
                                                     const DedupOptions& options) {
  RETURN_IF_ERROR(ValidateDedupOptions(options));
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return NotFound(path + ": no such index file");
  if (std::filesystem::is_directory(path, ec))
    return InvalidArgument(path + ": is a folder, not an index file");
  std::ifstream in(path, std::ios::binary);
  if (!in) return IoError(path + ": cannot open: " + std::strerror(errno));
  FileReader r(in, path);

  char magic[8];
  RETURN_IF_ERROR(r.Bytes(magic, sizeof magic));
  if (std::memcmp(magic, kMagic, sizeof magic) != 0)
    return InvalidArgument(path + ": not a parallax dedup index");
  uint32_t format = 0, signature = 0, shingle = 0, hashes = 0, bands = 0;
  double threshold = 0;
  RETURN_IF_ERROR(r.Value(&format));
  RETURN_IF_ERROR(r.Value(&signature));
  if (format != kFormatVersion || signature != kSignatureVersion) {
    return InvalidArgument(path + ": index format " + std::to_string(format) + "/signature " +
                           std::to_string(signature) + ", this parallax reads " +
                           std::to_string(kFormatVersion) + "/" +
                           std::to_string(kSignatureVersion));
  }
  RETURN_IF_ERROR(r.Value(&shingle));
  RETURN_IF_ERROR(r.Value(&hashes));
  RETURN_IF_ERROR(r.Value(&bands));
  RETURN_IF_ERROR(r.Value(&threshold));
  if (shingle != static_cast<uint32_t>(options.shingle) ||
      hashes != static_cast<uint32_t>(options.num_hashes) ||
      bands != static_cast<uint32_t>(options.bands) || threshold != options.threshold) {
    return InvalidArgument(path + ": index built with " +
                           Params(shingle, hashes, bands, threshold) + ", this run uses " +
                           Params(static_cast<uint32_t>(options.shingle),
                                  static_cast<uint32_t>(options.num_hashes),
                                  static_cast<uint32_t>(options.bands), options.threshold));
  }
  uint64_t count = 0;
  RETURN_IF_ERROR(r.Value(&count));
  if (count > UINT32_MAX) return DataLoss(path + ": entry count out of range");

  auto index = std::make_unique<DedupIndex>(options);
  std::vector<uint32_t> keys(bands);
  std::string payload;
  std::vector<uint32_t> check;
  for (uint64_t s = 0; s < count; ++s) {
    uint64_t exact = 0;
    uint32_t group = 0, len = 0;
    RETURN_IF_ERROR(r.Value(&exact));
    RETURN_IF_ERROR(r.Value(&group));
    if (group > s || (group < s && index->entries_[group].group != group)) {
      return DataLoss(path + ": entry " + std::to_string(s) + " has a bad group");
    }
    RETURN_IF_ERROR(r.Bytes(keys.data(), keys.size() * sizeof(uint32_t)));
    RETURN_IF_ERROR(r.Value(&len));
    if (len > kMaxPayload) return DataLoss(path + ": entry " + std::to_string(s) + " too large");
    payload.resize(len);
    RETURN_IF_ERROR(r.Bytes(payload.data(), len));
    // The payload must decode: a bad one would otherwise fail silently at query time.
    size_t pos = 0;
    uint64_t id_len = 0;
    int bits = 0;
    if (!GetVarint(payload, &pos, &id_len) || id_len > len - pos ||
        (pos += id_len, !DecodeFingerprints(payload, &pos, &check, &bits)) || pos != len) {
      return DataLoss(path + ": entry " + std::to_string(s) + " is damaged");
    }
    index->Insert(exact, keys.data(), payload, group);
  }
  RETURN_IF_ERROR(r.CheckSum());
  return index;
}

}  // namespace parallax
