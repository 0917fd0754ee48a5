// MinHash over word shingles. Tested by minhash_test.cc.
#include "dedup/minhash.h"

#include <algorithm>
#include <limits>
#include <memory>

#include "util/hash.h"

namespace parallax {
namespace {

uint64_t SplitMix64(uint64_t* state) {
  uint64_t z = (*state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

struct HashFamily {
  std::vector<uint64_t> a, b;
  explicit HashFamily(int n) {
    uint64_t state = 0x5eed'0f'9a7a11a7ULL;  // pinned: changing it changes every signature
    for (int i = 0; i < n; ++i) {
      a.push_back(SplitMix64(&state) | 1);  // odd multiplier
      b.push_back(SplitMix64(&state));
    }
  }
};

const HashFamily& Family(int n) {
  static const HashFamily kDefault(64);
  if (n == 64) return kDefault;
  thread_local std::vector<std::unique_ptr<HashFamily>> others;
  for (auto& f : others) {
    if (static_cast<int>(f->a.size()) == n) return *f;
  }
  others.push_back(std::make_unique<HashFamily>(n));
  return *others.back();
}

}  // namespace

std::vector<std::string_view> BodyWords(const Document& doc) {
  std::vector<std::string_view> words;
  for (const Sentence& s : doc.sentences) {
    for (const Word& w : s.words) {
      if (w.kind != TokenKind::kPunct) words.push_back(w.norm);
    }
  }
  return words;
}

Signature ComputeSignature(const std::vector<std::string_view>& words,
                           const DedupOptions& options) {
  Signature sig;
  uint64_t exact = 0;
  for (std::string_view w : words) exact = HashCombine(exact, Hash64(w));
  sig.exact = exact;
  const size_t k = static_cast<size_t>(std::max(1, options.shingle));
  if (words.empty()) return sig;
  size_t count = words.size() >= k ? words.size() - k + 1 : 1;
  sig.shingles.reserve(count);
  for (size_t i = 0; i < count; ++i) {
    uint64_t h = 0;
    for (size_t j = i; j < std::min(words.size(), i + k); ++j) h = HashCombine(h, Hash64(words[j]));
    sig.shingles.push_back(h);
  }
  std::sort(sig.shingles.begin(), sig.shingles.end());
  sig.shingles.erase(std::unique(sig.shingles.begin(), sig.shingles.end()), sig.shingles.end());

  const HashFamily& f = Family(options.num_hashes);
  sig.minhash.assign(static_cast<size_t>(options.num_hashes), std::numeric_limits<uint32_t>::max());
  for (uint64_t h : sig.shingles) {
    for (size_t i = 0; i < sig.minhash.size(); ++i) {
      uint32_t v = static_cast<uint32_t>((f.a[i] * h + f.b[i]) >> 32);
      sig.minhash[i] = std::min(sig.minhash[i], v);
    }
  }
  return sig;
}

Signature ComputeSignature(const Document& doc, const DedupOptions& options) {
  return ComputeSignature(BodyWords(doc), options);
}

double Jaccard(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
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
