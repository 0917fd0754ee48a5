// Words, shingles and one-permutation MinHash with optimal densification. See minhash.h.
// Tested by minhash_test.cc.
#include "dedup/minhash.h"

#include <xxhash.h>

#include <algorithm>
#include <limits>
#include <string>

#include "text/utf8.h"

namespace parallax {
namespace {

// Pinned seeds: changing one changes every signature (bump kSignatureVersion).
constexpr uint64_t kWordSeed = 0x70a11a7'0000'0001ULL;
constexpr uint64_t kShingleSeed = 0x70a11a7'0000'0002ULL;
constexpr uint64_t kExactSeed = 0x70a11a7'0000'0003ULL;
constexpr uint64_t kDensifySeed = 0x70a11a7'0000'0004ULL;

bool IsAsciiWordByte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

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

uint64_t HashAsciiWord(std::string_view word) {
  // Lower-cases into a stack buffer: most words are short ASCII, and this path is the hot loop
  // of `parallax dedup`. Longer words (URLs run together, base64) take the string path.
  char buf[64];
  if (word.size() > sizeof buf) return XXH3_64bits_withSeed(FoldCase(word).data(), word.size(), kWordSeed);
  for (size_t i = 0; i < word.size(); ++i) {
    char c = word[i];
    buf[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return XXH3_64bits_withSeed(buf, word.size(), kWordSeed);
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
// (Shrivastava 2017). The choice depends only on the bin and which bins are empty, so two
// similar texts borrow alike. At least one bin is non-empty when this is called.
void Densify(const std::vector<bool>& filled, std::vector<uint32_t>* bins) {
  const auto n = static_cast<uint32_t>(bins->size());
  for (uint32_t i = 0; i < n; ++i) {
    if (filled[i]) continue;
    for (uint64_t attempt = 1;; ++attempt) {
      uint64_t h = SplitMix64(kDensifySeed ^ (static_cast<uint64_t>(i) << 32 | attempt));
      uint32_t j = Reduce(static_cast<uint32_t>(h >> 32), n);
      if (filled[j]) {
        (*bins)[i] = (*bins)[j];
        break;
      }
    }
  }
}

}  // namespace

Status ValidateDedupOptions(const DedupOptions& o) {
  if (o.shingle < 1 || o.shingle > 64) return InvalidArgument("shingle must be 1..64 words");
  if (o.num_hashes < 1 || o.num_hashes > 4096) return InvalidArgument("hashes must be 1..4096");
  if (o.bands < 1 || o.num_hashes % o.bands != 0) {
    return InvalidArgument("bands must divide hashes (" + std::to_string(o.num_hashes) + ")");
  }
  if (!(o.threshold >= 0.0 && o.threshold <= 1.0)) return InvalidArgument("threshold must be in [0, 1]");
  if (o.max_candidates < 1) return InvalidArgument("max candidates must be at least 1");
  return Status::Ok();
}

void AppendWordHashes(std::string_view text, std::vector<uint64_t>* out) {
  size_t pos = 0;
  while (pos < text.size()) {
    auto c = static_cast<unsigned char>(text[pos]);
    int32_t cp = c;
    int len = 1;
    if (c >= 0x80) len = DecodeAt(text, pos, &cp);
    if (!(c < 0x80 ? IsAsciiWordByte(c) : IsWordCodePoint(cp))) {
      pos += static_cast<size_t>(len);
      continue;
    }
    bool ascii;
    size_t end = WordEnd(text, pos, &ascii);
    std::string_view word = text.substr(pos, end - pos);
    if (ascii) {
      out->push_back(HashAsciiWord(word));
    } else {
      std::string folded = FoldCase(word);
      out->push_back(XXH3_64bits_withSeed(folded.data(), folded.size(), kWordSeed));
    }
    pos = end;
  }
}

Signature SignatureOfWords(const std::vector<uint64_t>& words, const DedupOptions& options) {
  Signature sig;
  if (words.empty()) return sig;
  sig.exact = XXH3_64bits_withSeed(words.data(), words.size() * sizeof(uint64_t), kExactSeed);
  std::vector<uint64_t> shingles = ShingleHashes(words, static_cast<size_t>(options.shingle));

  const auto n = static_cast<uint32_t>(options.num_hashes);
  sig.minhash.assign(n, std::numeric_limits<uint32_t>::max());
  std::vector<bool> filled(n, false);
  sig.fingerprints.reserve(shingles.size());
  for (uint64_t h : shingles) {
    const auto high = static_cast<uint32_t>(h >> 32);
    const uint32_t bin = Reduce(high, n);
    sig.minhash[bin] = std::min(sig.minhash[bin], static_cast<uint32_t>(h));
    filled[bin] = true;
    sig.fingerprints.push_back(high);
  }
  Densify(filled, &sig.minhash);
  std::sort(sig.fingerprints.begin(), sig.fingerprints.end());
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
