// Rice-coded fingerprint sets. See fingerprint_set.h. Tested by fingerprint_set_test.cc.
#include "dedup/fingerprint_set.h"

#include <algorithm>
#include <bit>
#include <cmath>

namespace parallax {

static_assert(std::endian::native == std::endian::little, "BitWriter stores 32-bit words as bytes");

namespace {

constexpr size_t kMaxSetSize = 1u << 26;  // 64 M shingles: far above the 4 MiB article budget

class BitWriter {
 public:
  explicit BitWriter(std::string* out) : out_(out) {}
  void Put(uint64_t value, int n) {  // n <= 32
    acc_ |= value << used_;
    used_ += n;
    if (used_ >= 32) {  // four bytes at a time
      const auto word = static_cast<uint32_t>(acc_);
      out_->append(reinterpret_cast<const char*>(&word), 4);
      acc_ >>= 32;
      used_ -= 32;
    }
  }
  void PutUnary(uint64_t q) {
    for (; q >= 32; q -= 32) Put(0xffffffffu, 32);
    Put((uint64_t{1} << q) - 1, static_cast<int>(q));
    Put(0, 1);
  }
  void Flush() {
    for (; used_ > 0; used_ -= 8) {
      out_->push_back(static_cast<char>(acc_ & 0xff));
      acc_ >>= 8;
    }
    acc_ = 0;
    used_ = 0;
  }

 private:
  std::string* out_;
  uint64_t acc_ = 0;
  int used_ = 0;
};

class BitReader {
 public:
  BitReader(std::string_view data, size_t pos) : data_(data), pos_(pos) {}
  // Next `n` (<= 32) bits; false past the end.
  bool Get(int n, uint64_t* v) {
    if (!Fill(n)) return false;
    *v = acc_ & ((uint64_t{1} << n) - 1);
    Drop(n);
    return true;
  }
  bool GetUnary(uint64_t* q) {
    *q = 0;
    while (true) {
      Fill(32);
      if (used_ == 0) return false;
      uint64_t window = used_ == 64 ? acc_ : acc_ & ((uint64_t{1} << used_) - 1);
      int ones = std::countr_one(window);
      if (ones < used_) {
        *q += static_cast<uint64_t>(ones);
        Drop(ones + 1);
        return true;
      }
      *q += static_cast<uint64_t>(used_);
      acc_ = 0;
      used_ = 0;
      if (*q > (uint64_t{1} << 33)) return false;
    }
  }
  // First byte after the set: whole bytes loaded but not consumed go back (the encoder pads
  // the last byte, so fewer than 8 bits are left of it).
  size_t End() const { return pos_ - static_cast<size_t>(used_ / 8); }

 private:
  void Drop(int n) {
    acc_ = n >= 64 ? 0 : acc_ >> n;
    used_ -= n;
  }
  bool Fill(int n) {
    while (used_ < n && used_ <= 56 && pos_ < data_.size()) {
      acc_ |= static_cast<uint64_t>(static_cast<uint8_t>(data_[pos_++])) << used_;
      used_ += 8;
    }
    return used_ >= n;
  }

  std::string_view data_;
  size_t pos_;
  uint64_t acc_ = 0;
  int used_ = 0;
};

}  // namespace

void PutVarint(uint64_t v, std::string* out) {
  while (v >= 0x80) {
    out->push_back(static_cast<char>(v | 0x80));
    v >>= 7;
  }
  out->push_back(static_cast<char>(v));
}

bool GetVarint(std::string_view data, size_t* pos, uint64_t* v) {
  *v = 0;
  for (int shift = 0; shift < 64 && *pos < data.size(); shift += 7) {
    auto b = static_cast<uint8_t>(data[(*pos)++]);
    *v |= static_cast<uint64_t>(b & 0x7f) << shift;
    if (b < 0x80) return true;
  }
  return false;
}

int FingerprintBits(size_t n) {
  return std::clamp(static_cast<int>(std::bit_width(n)) + 10, 20, 32);
}

void ReduceFingerprints(const std::vector<uint32_t>& fingerprints, int bits,
                        std::vector<uint32_t>* out) {
  out->clear();
  const int shift = 32 - bits;
  for (uint32_t f : fingerprints) {
    uint32_t v = shift >= 32 ? 0 : f >> shift;
    if (out->empty() || out->back() != v) out->push_back(v);
  }
}

void EncodeFingerprints(const std::vector<uint32_t>& fingerprints, std::string* out) {
  const int bits = FingerprintBits(fingerprints.size());
  std::vector<uint32_t> values;
  ReduceFingerprints(fingerprints, bits, &values);
  // Rice parameter for geometric gaps of mean 2^bits/n: log2(mean * ln 2) (Gallager & van
  // Voorhis 1975), rounded down.
  const double mean =
      std::ldexp(1.0, bits) / static_cast<double>(std::max<size_t>(values.size(), 1));
  const int k = std::clamp(static_cast<int>(std::floor(std::log2(mean * 0.69314718))), 0, 31);
  out->reserve(out->size() + values.size() * static_cast<size_t>(k + 3) / 8 + 16);
  PutVarint(values.size(), out);
  out->push_back(static_cast<char>(bits));
  out->push_back(static_cast<char>(k));
  BitWriter w(out);
  uint64_t prev = 0;
  for (size_t i = 0; i < values.size(); ++i) {
    uint64_t gap = i == 0 ? values[i] : values[i] - prev - 1;
    w.PutUnary(gap >> k);
    w.Put(gap & ((uint64_t{1} << k) - 1), k);
    prev = values[i];
  }
  w.Flush();
}

bool DecodeFingerprints(std::string_view data, size_t* pos, std::vector<uint32_t>* out, int* bits) {
  uint64_t n;
  if (!GetVarint(data, pos, &n) || n > kMaxSetSize || *pos + 2 > data.size()) return false;
  *bits = static_cast<uint8_t>(data[*pos]);
  const int k = static_cast<uint8_t>(data[*pos + 1]);
  *pos += 2;
  if (*bits < 1 || *bits > 32 || k > 31) return false;
  out->clear();
  out->reserve(n);
  BitReader r(data, *pos);
  const uint64_t limit = uint64_t{1} << *bits;
  uint64_t value = 0;
  for (uint64_t i = 0; i < n; ++i) {
    uint64_t q, low;
    if (!r.GetUnary(&q) || !r.Get(k, &low)) return false;
    value = (i == 0 ? 0 : value + 1) + ((q << k) | low);
    if (value >= limit) return false;
    out->push_back(static_cast<uint32_t>(value));
  }
  *pos = r.End();
  return true;
}

bool PeekFingerprints(std::string_view data, size_t pos, uint64_t* n, int* bits) {
  if (!GetVarint(data, &pos, n) || *n > kMaxSetSize || pos + 2 > data.size()) return false;
  *bits = static_cast<uint8_t>(data[pos]);
  return *bits >= 1 && *bits <= 32 && static_cast<uint8_t>(data[pos + 1]) <= 31;
}

std::optional<double> JaccardAtLeast(std::string_view data, size_t pos,
                                     const std::vector<uint32_t>& query, double floor) {
  uint64_t n;
  if (!GetVarint(data, &pos, &n) || n > kMaxSetSize || pos + 2 > data.size()) return std::nullopt;
  const int bits = static_cast<uint8_t>(data[pos]);
  const int k = static_cast<uint8_t>(data[pos + 1]);
  pos += 2;
  if (bits < 1 || bits > 32 || k > 31) return std::nullopt;
  const uint64_t q_size = query.size();
  if (q_size == 0 && n == 0) return floor <= 1.0 ? std::optional<double>(1.0) : std::nullopt;
  const uint64_t total = q_size + n;
  // The value Jaccard() gives for an intersection of m; it grows with m.
  auto jaccard = [total](uint64_t m) {
    return static_cast<double>(m) / static_cast<double>(total - m);
  };
  // need: the smallest intersection whose Jaccard reaches `floor` (found with the very
  // arithmetic of the final value, so that no set at `floor` is turned away by rounding).
  const uint64_t most = std::min(q_size, n);
  auto need = static_cast<uint64_t>(
      std::max(0.0, std::floor(floor * static_cast<double>(total) / (1.0 + floor)) - 2));
  while (need <= most && jaccard(need) < floor) ++need;
  if (need > most) return std::nullopt;  // too different in size: no decoding at all
  BitReader r(data, pos);
  const uint64_t limit = uint64_t{1} << bits;
  uint64_t value = 0, inter = 0;
  size_t qi = 0;
  for (uint64_t i = 0; i < n; ++i) {
    uint64_t q, low;
    if (!r.GetUnary(&q) || !r.Get(k, &low)) return std::nullopt;
    value = (i == 0 ? 0 : value + 1) + ((q << k) | low);
    if (value >= limit) return std::nullopt;
    while (qi < q_size && query[qi] < value) ++qi;
    if (qi < q_size && query[qi] == value) {
      ++inter;
      ++qi;
    }
    // At most min(stored left, query left) more shared values.
    if (inter + std::min(n - i - 1, q_size - qi) < need) return std::nullopt;
  }
  return jaccard(inter);
}

}  // namespace parallax
