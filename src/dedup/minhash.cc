// Words, shingles and one-permutation MinHash with optimal densification. See minhash.h.
// Tested by minhash_test.cc.
// xxHash inlined (same functions and values as the library's): the word and shingle hashes
// are short fixed-size inputs, where the call into the shared library cost more than the hash.
#define XXH_INLINE_ALL
#include <xxhash.h>

#include "dedup/minhash.h"

#include <algorithm>
#include <limits>
#include <string>
#include <utility>

#include "text/utf8.h"

namespace parallax {
namespace {

// Pinned seeds: changing one changes every signature (bump kSignatureVersion).
constexpr uint64_t kWordSeed = 0x70a11a7'0000'0001ULL;
constexpr uint64_t kShingleSeed = 0x70a11a7'0000'0002ULL;
constexpr uint64_t kExactSeed = 0x70a11a7'0000'0003ULL;
constexpr uint64_t kDensifySeed = 0x70a11a7'0000'0004ULL;
// Bounds densification for tiny texts under many bins (e.g. 3 words, 4,096 hashes).
constexpr uint64_t kMaxDensifyAttempts = 256;

// Per byte: 0 separator, 1 ASCII letter or digit, 2 start or part of a multi-byte character.
struct ByteClasses {
  uint8_t kind[256] = {};
  char lower[256] = {};
  constexpr ByteClasses() {
    for (int c = 0; c < 256; ++c) {
      const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      kind[c] = c >= 0x80 ? 2 : alnum ? 1 : 0;
      lower[c] = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
  }
};
constexpr ByteClasses kBytes;

bool IsAsciiWordByte(unsigned char c) { return kBytes.kind[c] == 1; }

bool IsWordCodePoint(int32_t cp) { return IsLetter(cp) || IsDigit(cp) || IsMark(cp); }

// End of the word starting at `pos` (a word character); sets *ascii when it is all ASCII.
size_t WordEnd(std::string_view text, size_t pos, bool* ascii) {
  *ascii = true;
  while (pos < text.size()) {
    auto c = static_cast<unsigned char>(text[pos]);
    if (c < 0x80) {
      if (!IsAsciiWordByte(c)) break;
      ++pos;
      continue;
    }
    int32_t cp;
    int len = DecodeAt(text, pos, &cp);
    if (!IsWordCodePoint(cp)) break;
    *ascii = false;
    pos += static_cast<size_t>(len);
  }
  return pos;
}

uint64_t SplitMix64(uint64_t z) {
  z += 0x9e3779b97f4a7c15ULL;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

// x * n / 2^32: maps a uniform 32-bit value to [0, n) without division (Lemire 2016).
uint32_t Reduce(uint32_t x, uint32_t n) {
  return static_cast<uint32_t>((static_cast<uint64_t>(x) * n) >> 32);
}

std::vector<uint64_t> ShingleHashes(const std::vector<uint64_t>& words, size_t k) {
  // Texts shorter than one shingle get one shingle of all their words.
  const size_t width = std::min(k, words.size());
  const size_t count = words.size() - width + 1;
  std::vector<uint64_t> out(count);
  for (size_t i = 0; i < count; ++i) {
    out[i] = XXH3_64bits_withSeed(words.data() + i, width * sizeof(uint64_t), kShingleSeed);
  }
  return out;
}

// Empty bins borrow from the non-empty bin picked by hashing (bin, attempt) until one is found
// (Shrivastava 2017), at most kMaxDensifyAttempts times. The choice depends only on the bin
// and which bins are empty, so two similar texts borrow alike. At least one bin is non-empty
// when this is called.
void Densify(const std::vector<uint8_t>& filled, std::vector<uint32_t>* bins) {
  const auto n = static_cast<uint32_t>(bins->size());
  for (uint32_t i = 0; i < n; ++i) {
    if (filled[i]) continue;
    bool done = false;
    for (uint64_t attempt = 1; attempt <= kMaxDensifyAttempts && !done; ++attempt) {
      uint64_t h = SplitMix64(kDensifySeed ^ (static_cast<uint64_t>(i) << 32 | attempt));
      uint32_t j = Reduce(static_cast<uint32_t>(h >> 32), n);
      if (filled[j]) {
        (*bins)[i] = (*bins)[j];
        done = true;
      }
    }
    // Almost never reached (a few shingles over thousands of bins): the next filled bin.
    for (uint32_t j = (i + 1) % n; !done; j = (j + 1) % n) {
      if (filled[j]) {
        (*bins)[i] = (*bins)[j];
        done = true;
      }
    }
  }
}

// LSD radix sort, 4 passes of 8 bits. Hand-written because std::sort was a quarter of the
// signature time on 850-element sets (perf, docs/benchmarks.md); radix is ~4x faster there.
void RadixSort(std::vector<uint32_t>* v) {
  if (v->size() < 64) {
    std::sort(v->begin(), v->end());
    return;
  }
  thread_local std::vector<uint32_t> tmp;
  tmp.resize(v->size());
  uint32_t count[4][256] = {};
  for (uint32_t x : *v) {
    for (int d = 0; d < 4; ++d) ++count[d][(x >> (8 * d)) & 0xff];
  }
  std::vector<uint32_t>* from = v;
  std::vector<uint32_t>* to = &tmp;
  for (int d = 0; d < 4; ++d) {
    uint32_t sum = 0;
    for (uint32_t& c : count[d]) sum += std::exchange(c, sum);
    for (uint32_t x : *from) (*to)[count[d][(x >> (8 * d)) & 0xff]++] = x;
    std::swap(from, to);
  }
  // Four passes: the result is back in *v.
}

}  // namespace

Status ValidateDedupOptions(const DedupOptions& o) {
  if (o.shingle < 1 || o.shingle > 64) return InvalidArgument("shingle must be 1..64 words");
  if (o.num_hashes < 1 || o.num_hashes > 4096) return InvalidArgument("hashes must be 1..4096");
  if (o.bands < 1 || o.num_hashes % o.bands != 0) {
    return InvalidArgument("bands must divide hashes (" + std::to_string(o.num_hashes) + ")");
  }
  if (!(o.threshold >= 0.0 && o.threshold <= 1.0))
    return InvalidArgument("threshold must be in [0, 1]");
  if (!(o.bridge_below >= 0.0 && o.bridge_below <= 1.0))
    return InvalidArgument("bridge-below must be in [0, 1]");
  if (o.max_candidates < 1) return InvalidArgument("max candidates must be at least 1");
  return Status::Ok();
}

void AppendWordHashes(std::string_view text, std::vector<uint64_t>* out) {
  // Hot loop of `parallax dedup`: an ASCII word is lower-cased into a stack buffer while it is
  // scanned and hashed from there; a word with any non-ASCII character is rescanned by code
  // point and folded by utf8proc (FoldCase).
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  char buf[64];
  size_t pos = 0;
  while (pos < n) {
    const uint8_t kind = kBytes.kind[p[pos]];
    if (kind == 0) {
      ++pos;
      continue;
    }
    const size_t start = pos;
    size_t len = 0;
    while (pos < n && kBytes.kind[p[pos]] == 1) {
      if (len < sizeof buf) buf[len] = kBytes.lower[p[pos]];
      ++len;
      ++pos;
    }
    if (pos < n && kBytes.kind[p[pos]] == 2) {  // non-ASCII inside or at the start of the word
      int32_t cp;
      int cp_len = DecodeAt(text, pos, &cp);
      if (IsWordCodePoint(cp) || len == 0) {
        bool ascii;
        const size_t end = WordEnd(text, start, &ascii);
        if (end == start) {  // a non-word character (curly quote, dash): skip it
          pos += static_cast<size_t>(cp_len);
          continue;
        }
        std::string folded = FoldCase(text.substr(start, end - start));
        out->push_back(XXH3_64bits_withSeed(folded.data(), folded.size(), kWordSeed));
        pos = end;
        continue;
      }
    }
    if (len <= sizeof buf) {
      out->push_back(XXH3_64bits_withSeed(buf, len, kWordSeed));
    } else {  // a very long token (URLs run together, base64)
      std::string folded = FoldCase(text.substr(start, len));
      out->push_back(XXH3_64bits_withSeed(folded.data(), folded.size(), kWordSeed));
    }
  }
}

Signature SignatureOfWords(const std::vector<uint64_t>& words, const DedupOptions& options) {
  Signature sig;
  if (words.empty()) return sig;
  sig.exact = XXH3_64bits_withSeed(words.data(), words.size() * sizeof(uint64_t), kExactSeed);
  std::vector<uint64_t> shingles = ShingleHashes(words, static_cast<size_t>(options.shingle));

  const auto n = static_cast<uint32_t>(options.num_hashes);
  sig.minhash.assign(n, std::numeric_limits<uint32_t>::max());
  std::vector<uint8_t> filled(n, 0);
  sig.fingerprints.reserve(shingles.size());
  for (uint64_t h : shingles) {
    const auto high = static_cast<uint32_t>(h >> 32);
    const uint32_t bin = Reduce(high, n);
    sig.minhash[bin] = std::min(sig.minhash[bin], static_cast<uint32_t>(h));
    filled[bin] = 1;
    sig.fingerprints.push_back(high);
  }
  Densify(filled, &sig.minhash);
  RadixSort(&sig.fingerprints);
  sig.fingerprints.erase(std::unique(sig.fingerprints.begin(), sig.fingerprints.end()),
                         sig.fingerprints.end());
  return sig;
}

Signature ComputeSignature(std::string_view text, const DedupOptions& options) {
  std::vector<uint64_t> words;
  words.reserve(text.size() / 5);
  AppendWordHashes(text, &words);
  return SignatureOfWords(words, options);
}

Signature ComputeSignature(const Document& doc, const DedupOptions& options) {
  std::vector<uint64_t> words;
  for (const Sentence& s : doc.sentences) AppendWordHashes(doc.Text(s.span), &words);
  return SignatureOfWords(words, options);
}

double Jaccard(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) {
  if (a.empty() && b.empty()) return 1.0;
  size_t i = 0, j = 0, inter = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] == b[j]) {
      ++inter;
      ++i;
      ++j;
    } else if (a[i] < b[j]) {
      ++i;
    } else {
      ++j;
    }
  }
  return static_cast<double>(inter) / static_cast<double>(a.size() + b.size() - inter);
}

}  // namespace parallax
