// LSH index over MinHash bands with exact verification. Tested by dedup_index_test.cc.
#include "dedup/dedup_index.h"

#include <algorithm>

#include "util/hash.h"

namespace parallax {

uint64_t DedupIndex::BandKey(const Signature& sig, int band) const {
  const int rows = options_.num_hashes / options_.bands;
  const char* data = reinterpret_cast<const char*>(sig.minhash.data() + band * rows);
  return Hash64(std::string_view(data, rows * sizeof(uint32_t)), static_cast<uint64_t>(band));
}

std::optional<uint32_t> DedupIndex::FindOrAdd(uint32_t id, Signature sig) {
  if (sig.empty()) return std::nullopt;
  if (bands_.empty()) bands_.resize(static_cast<size_t>(options_.bands));
  if (auto it = exact_.find(sig.exact); it != exact_.end()) return it->second;

  std::vector<uint32_t> candidates;
  for (int b = 0; b < options_.bands; ++b) {
    auto it = bands_[b].find(BandKey(sig, b));
    if (it != bands_[b].end()) candidates.insert(candidates.end(), it->second.begin(), it->second.end());
  }
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  std::optional<uint32_t> best;
  double best_j = options_.threshold;
  for (uint32_t c : candidates) {
    double j = Jaccard(sig.shingles, signatures_.at(c).shingles);
    if (j >= best_j) {
      best_j = j;
      best = c;
    }
  }
  if (best) return best;

  exact_.emplace(sig.exact, id);
  for (int b = 0; b < options_.bands; ++b) bands_[b][BandKey(sig, b)].push_back(id);
  signatures_.emplace(id, std::move(sig));
  return std::nullopt;
}

}  // namespace parallax
