// Online clustering with an inverted index over story centroids and a calibrated logistic
// model over pair similarities. Tested by online_clusterer_test.cc.
#include "cluster/online_clusterer.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <sstream>
#include <utility>

#include <absl/container/flat_hash_set.h>

#include "text/similarity.h"
#include "text/stemmer.h"
#include "util/hash.h"
#include "util/strings.h"

namespace parallax {
namespace {

// Query terms used for candidate retrieval, and terms a story is listed under. The top terms
// by weight carry most of the cosine, so candidates sharing none of them cannot pass the
// threshold in practice.
constexpr size_t kQueryTerms = 24;
constexpr size_t kPostedTerms = 32;
// Terms kept per title and entity centroid.
constexpr size_t kSmallCentroid = 64;
// Latest articles kept per story for kMemberCosine, and the terms kept of each.
constexpr size_t kRecentMembers = 8;
constexpr size_t kMemberTerms = 32;
// Candidates (by index votes) whose people are matched with misspellings too.
constexpr size_t kFuzzyCandidates = 4;
// Surnames kept per story (the most mentioned).
constexpr size_t kStoryPeople = 32;
// Count/amount keys kept per story.
constexpr size_t kStoryNumbers = 128;
// Splits (MaybeSplit): a story is looked at up to this many articles, each group must keep
// at least kSplitMinSide of them, and each member's terms are kept to its kSplitTerms
// strongest (most of an article's weight; 96 x 12 bytes, not the whole article).
constexpr size_t kSplitMembers = 48;
constexpr size_t kSplitMinSide = 4;
constexpr size_t kSplitTerms = 96;

// The built-in model, embedded from cluster_model.txt by CMake (cluster_model.inc).
constexpr char kDefaultModel[] = {
#include "cluster_model.inc"
    , 0};
// The background document frequencies, embedded from cluster_background.txt.
constexpr char kBackground[] = {
#include "cluster_background.inc"
    , 0};

// IDF prior: the stream is treated as if it began with a general news collection whose
// document frequencies are known (cluster_background.txt). Without it, at the start of a
// stream every word looks equally rare, so the generic words two unrelated reports share
// weigh as much as the names two reports of one event share, and a small batch (two
// articles, a folder) splits or merges at random; the stream's own counts take over as it grows.
}  // namespace

const ClusterBackground& DefaultClusterBackground() {
  static const ClusterBackground background = [] {
    ClusterBackground b;
    std::string_view text = kBackground;
    bool header = false;
    for (Span span : SplitLines(text)) {
      std::string_view line = Trim(text.substr(span.begin, span.size()));
      if (line.empty() || line[0] == '#') continue;
      if (!header) {
        // The build embeds the file and a unit test checks it, so a bad header is a build bug.
        if (line != "parallax-cluster-background 1")
          throw std::runtime_error("built-in cluster background: bad header");
        header = true;
        continue;
      }
      std::string s(line);
      if (s.starts_with("documents ")) {
        b.documents = std::stod(s.substr(10));
        continue;
      }
      size_t space = s.find(' ');
      if (space == std::string::npos) continue;
      b.df.emplace(std::stoull(s.substr(0, space), nullptr, 16),
                   static_cast<uint32_t>(std::stoul(s.substr(space + 1))));
    }
    return b;
  }();
  return background;
}

namespace {

// Dot product of two term vectors sorted by term.
double Dot(const TermWeights& a, const TermWeights& b) {
  // A short vector against a long one (an article's top terms against a story centroid):
  // binary-search each short term instead of walking the long one.
  if (a.size() > 8 * b.size() || b.size() > 8 * a.size()) {
    const TermWeights& small = a.size() < b.size() ? a : b;
    const TermWeights& big = a.size() < b.size() ? b : a;
    double dot = 0;
    auto from = big.begin();
    for (const auto& [term, x] : small) {
      from = std::lower_bound(from, big.end(), term,
                              [](const auto& p, uint64_t t) { return p.first < t; });
      if (from == big.end()) break;
      if (from->first == term) dot += static_cast<double>(x) * from->second;
    }
    return dot;
  }
  double dot = 0;
  auto i = a.begin(), j = b.begin();
  while (i != a.end() && j != b.end()) {
    if (i->first < j->first) {
      ++i;
    } else if (j->first < i->first) {
      ++j;
    } else {
      dot += static_cast<double>(i->second) * j->second;
      ++i, ++j;
    }
  }
  return dot;
}

// An article's terms, looked up by term. `Candidates` takes the dot product of one article
// with up to 32 story centroids and 8 recent members of each; a probe of Abseil's flat table
// for each term of the other side costs less than walking two sorted runs side by side (a
// mispredicted branch a step; `perf`: that merge was a third of clustering time). Measured
// against a hand-written open-addressing table too: Abseil's was faster, most probes miss and
// its SIMD group match rejects a miss in one step.
class TermLookup {
 public:
  explicit TermLookup(const TermWeights& v) {
    weights_.reserve(v.size());
    for (const auto& [term, x] : v) weights_.emplace(term, x);
  }
  // The dot product with `b`, summed in b's (term) order: equal to Dot(v, b) to the bit.
  double Dot(const TermWeights& b) const {
    double dot = 0;
    for (const auto& [term, y] : b) {
      auto it = weights_.find(term);
      if (it != weights_.end()) dot += static_cast<double>(it->second) * y;
    }
    return dot;
  }

 private:
  absl::flat_hash_map<uint64_t, float> weights_;
};

// The `k` heaviest terms of `v`, re-normalised, sorted by term.
TermWeights Top(const TermWeights& v, size_t k) {
  TermWeights top = v;
  if (top.size() > k) {
    std::nth_element(top.begin(), top.begin() + static_cast<long>(k), top.end(),
                     [](const auto& x, const auto& y) { return x.second > y.second; });
    top.resize(k);
  }
  double norm = 0;
  for (const auto& [term, x] : top) norm += static_cast<double>(x) * x;
  norm = std::sqrt(norm);
  for (auto& [term, x] : top) x = norm > 0 ? static_cast<float>(x / norm) : 0;
  std::sort(top.begin(), top.end());
  return top;
}

// Adds `v` to a centroid (both sorted by term), prunes it to its `keep` heaviest terms when it
// doubles past that, and returns the new norm.
double AddTo(TermWeights& c, const TermWeights& v, size_t keep) {
  TermWeights sum;
  sum.reserve(c.size() + v.size());
  auto i = c.cbegin(), j = v.cbegin();
  while (i != c.end() || j != v.end()) {
    if (j == v.end() || (i != c.end() && i->first < j->first)) {
      sum.push_back(*i++);
    } else if (i == c.end() || j->first < i->first) {
      sum.push_back(*j++);
    } else {
      sum.emplace_back(i->first, i->second + j->second);
      ++i, ++j;
    }
  }
  if (sum.size() > 2 * keep) {
    std::nth_element(sum.begin(), sum.begin() + static_cast<long>(keep), sum.end(),
                     [](const auto& x, const auto& y) { return x.second > y.second; });
    sum.resize(keep);
    std::sort(sum.begin(), sum.end());
  }
  c = std::move(sum);
  double norm = 0;
  for (const auto& [term, x] : c) norm += static_cast<double>(x) * x;
  return std::sqrt(norm);
}

using Names = std::vector<std::pair<std::string, float>>;  // sorted by name

// One person under two spellings? Exact, or near-identical (text/similarity.h) when the
// lengths are close: the cheap length test spares most Jaro-Winkler calls.
bool SamePerson(const std::string& a, const std::string& b) {
  if (a == b) return true;
  size_t la = a.size(), lb = b.size();
  if (std::min(la, lb) < 4 || (la > lb ? la - lb : lb - la) > 2) return false;
  // Misspellings keep the first or the last letter ("Lindqvist"/"Lindqvast", "Kristoffer"/
  // "Christoffer"); a name that changes both is another name, and the test is cheap.
  if (a.front() != b.front() && a.back() != b.back()) return false;
  return NearSpelling(a, b);
}

// Share of the article's people, by weight, that the story names too; misspelled names count
// when `fuzzy` (the near-spelling test costs a few microseconds a pair, so the clusterer asks
// for it only on its most promising candidates), and each such (article, story) spelling pair
// is added to `respelled`.
double SharedPeople(const Names& article, const Names& story, bool fuzzy,
                    std::vector<std::pair<std::string_view, std::string_view>>* respelled) {
  double shared = 0, total = 0;
  for (const auto& [name, w] : article) {
    total += w;
    bool found =
        std::binary_search(story.begin(), story.end(), std::pair<std::string, float>(name, 0),
                           [](const auto& x, const auto& y) { return x.first < y.first; });
    for (size_t i = 0; fuzzy && !found && i < story.size(); ++i) {
      found = SamePerson(name, story[i].first);
      if (found) respelled->emplace_back(name, story[i].first);
    }
    if (found) shared += w;
  }
  return total > 0 ? shared / total : 0;
}

// The weight of `term` in a vector sorted by term, 0 when absent.
float WeightOf(const TermWeights& v, uint64_t term) {
  auto it = std::lower_bound(v.begin(), v.end(), term,
                             [](const auto& p, uint64_t t) { return p.first < t; });
  return it != v.end() && it->first == term ? it->second : 0.0f;
}

// What the dot products of terms and of entities miss when one name is spelled two ways
// ("Lindqvist" in one report, "Lindqvast" in the other, throughout): the product of the two
// spellings' weights, as if they were one term. Clustering must keep such reports together,
// since their spelling is the very conflict the comparison is there to show.
std::pair<double, double> RespelledDots(
    const std::vector<std::pair<std::string_view, std::string_view>>& respelled,
    const TermWeights& a_terms, const TermWeights& s_terms, const TermWeights& a_entities,
    const TermWeights& s_entities) {
  double terms = 0, entities = 0;
  for (auto [an, sn] : respelled) {
    entities += static_cast<double>(WeightOf(a_entities, EntityTerm(an))) *
                WeightOf(s_entities, EntityTerm(sn));
    terms += static_cast<double>(WeightOf(a_terms, Hash64(Stem(an)))) *
             WeightOf(s_terms, Hash64(Stem(sn)));
  }
  return {terms, entities};
}

// Adds an article's surnames to a story's, keeping the kStoryPeople most mentioned.
void AddSurnames(Names& story, const Names& article) {
  for (const auto& [name, w] : article) {
    auto it = std::lower_bound(story.begin(), story.end(), name,
                               [](const auto& x, const std::string& n) { return x.first < n; });
    if (it != story.end() && it->first == name) {
      it->second += w;
    } else {
      story.insert(it, {name, w});
    }
  }
  if (story.size() > kStoryPeople) {
    std::nth_element(story.begin(), story.begin() + static_cast<long>(kStoryPeople), story.end(),
                     [](const auto& x, const auto& y) { return x.second > y.second; });
    story.resize(kStoryPeople);
    std::sort(story.begin(), story.end());
  }
}

// Adds count/amount keys to a story's (sorted, unique), up to kStoryNumbers.
void AddNumbers(std::vector<uint64_t>& story, const std::vector<uint64_t>& more) {
  if (story.size() >= kStoryNumbers) return;
  std::vector<uint64_t> merged;
  std::set_union(story.begin(), story.end(), more.begin(), more.end(), std::back_inserter(merged));
  if (merged.size() > kStoryNumbers) merged.resize(kStoryNumbers);
  story = std::move(merged);
}

// Counts `n` more articles mentioning `year` in a story's (year, articles) list.
void AddYear(std::vector<std::pair<int16_t, uint32_t>>& years, int16_t year, uint32_t n) {
  auto it =
      std::find_if(years.begin(), years.end(), [&](const auto& y) { return y.first == year; });
  if (it == years.end()) {
    years.emplace_back(year, n);
  } else {
    it->second += n;
  }
}

// Story sizes at which a story is checked for a merge: 2, 3, 4, 6, 8, 12, 16, ... (a power
// of two or 1.5 times one), so the checks cost O(1) per article amortised and a story is
// looked at again as its evidence doubles.
bool CheckpointSize(uint32_t n) {
  if (n < 2) return false;
  if ((n & (n - 1)) == 0) return true;
  return n % 3 == 0 && ((n / 3) & (n / 3 - 1)) == 0;
}

// Two groups of `items` (indexes into the n x n similarity matrix `sim`) by average-link
// agglomeration, the larger first, with the mean similarity across them and the mean within
// the less cohesive one. O(items³), items <= kSplitMembers. Ties go to the lower index, so a
// replay splits alike. The batch clustering this stands for is hand-written: a Debian library
// would want the whole matrix in its own types for a 48-article problem.
struct TwoGroups {
  std::vector<size_t> big, small;
  double across = 0, within = 0;
};
TwoGroups SplitInTwo(const std::vector<size_t>& items, const std::vector<double>& sim, size_t n) {
  const size_t k = items.size();
  std::vector<std::vector<size_t>> groups(k);
  std::vector<double> sums(k * k);  // similarity summed over the pairs of two groups
  for (size_t i = 0; i < k; ++i) {
    groups[i] = {items[i]};
    for (size_t j = 0; j < k; ++j) sums[i * k + j] = sim[items[i] * n + items[j]];
  }
  std::vector<bool> alive(k, true);
  for (size_t left = k; left > 2; --left) {
    size_t bx = 0, by = 0;
    double best = -1;
    for (size_t x = 0; x < k; ++x) {
      if (!alive[x]) continue;
      for (size_t y = x + 1; y < k; ++y) {
        if (!alive[y]) continue;
        double mean = sums[x * k + y] / static_cast<double>(groups[x].size() * groups[y].size());
        if (mean > best) {
          best = mean;
          bx = x;
          by = y;
        }
      }
    }
    for (size_t z = 0; z < k; ++z) {
      sums[bx * k + z] += sums[by * k + z];
      sums[z * k + bx] = sums[bx * k + z];
    }
    groups[bx].insert(groups[bx].end(), groups[by].begin(), groups[by].end());
    groups[by].clear();
    alive[by] = false;
  }
  TwoGroups t;
  for (size_t x = 0; x < k; ++x) {
    if (!alive[x]) continue;
    (t.big.empty() ? t.big : t.small) = groups[x];
  }
  if (t.small.size() > t.big.size()) std::swap(t.big, t.small);
  auto mean_within = [&](const std::vector<size_t>& g) {
    double sum = 0;
    for (size_t i = 0; i < g.size(); ++i)
      for (size_t j = i + 1; j < g.size(); ++j) sum += sim[g[i] * n + g[j]];
    size_t pairs = g.size() * (g.size() - 1) / 2;
    return pairs > 0 ? sum / static_cast<double>(pairs) : 1.0;
  };
  double across = 0;
  for (size_t i : t.big)
    for (size_t j : t.small) across += sim[i * n + j];
  if (!t.small.empty()) t.across = across / static_cast<double>(t.big.size() * t.small.size());
  t.within = std::min(mean_within(t.big), mean_within(t.small));
  return t;
}

}  // namespace

const std::array<std::string_view, kNumClusterFeatures>& ClusterFeatureNames() {
  static const std::array<std::string_view, kNumClusterFeatures> names = {
      "bias",           "cosine",         "title_cosine",   "entity_cosine",   "entities_both",
      "years_disjoint", "years_shared",   "headline_only",  "headline_cosine", "log_size",
      "member_cosine",  "same_day",       "cosine_squared", "cosine_entity",   "people_cosine",
      "people_both",    "years_one_side", "numbers_shared"};
  return names;
}

Result<ClusterModel> ParseClusterModel(std::string_view text) {
  ClusterModel model;
  int line_no = 0, next = -1, version = 0;
  bool merge = false;
  for (Span span : SplitLines(text)) {
    std::string_view line = text.substr(span.begin, span.size());
    ++line_no;
    line = Trim(line);
    if (line.empty()) continue;
    if (line[0] == '#') {
      model.description += std::string(Trim(line.substr(1))) + "\n";
      continue;
    }
    std::istringstream in{std::string(line)};
    std::string name;
    in >> name;
    auto where = [&] { return "cluster model line " + std::to_string(line_no) + ": "; };
    if (next < 0) {
      if (name != "parallax-cluster-model" || !(in >> version)) {
        return InvalidArgument(where() + "expected \"parallax-cluster-model 2\"");
      }
      if (version != 1 && version != 2) {
        return InvalidArgument(where() + "version " + std::to_string(version) +
                               " (this parallax reads 1 and 2)");
      }
      next = 0;
      continue;
    }
    double w = 0;
    if (next == kNumClusterFeatures && version == 2 && name == "headline_merge" && !merge) {
      if (!(in >> w) || !std::isfinite(w))
        return InvalidArgument(where() + "headline_merge is not a number");
      model.headline_merge = w;
      merge = true;
      continue;
    }
    if (next >= kNumClusterFeatures)
      return InvalidArgument(where() + "more lines than this parallax knows");
    if (name != ClusterFeatureNames()[static_cast<size_t>(next)]) {
      return InvalidArgument(where() + "expected feature \"" +
                             std::string(ClusterFeatureNames()[static_cast<size_t>(next)]) +
                             "\", found \"" + name + "\"");
    }
    if (!(in >> w) || !std::isfinite(w)) return InvalidArgument(where() + "weight is not a number");
    model.weights[static_cast<size_t>(next++)] = w;
  }
  if (next != kNumClusterFeatures)
    return InvalidArgument("cluster model: missing features (has " +
                           std::to_string(std::max(next, 0)) + " of " +
                           std::to_string(kNumClusterFeatures) + ")");
  if (version == 2 && !merge)
    return InvalidArgument("cluster model: version 2 needs a headline_merge line");
  return model;
}

const ClusterModel& DefaultClusterModel() {
  static const ClusterModel model = [] {
    Result<ClusterModel> m = ParseClusterModel(kDefaultModel);
    // The build embeds cluster_model.txt and a unit test parses it, so this cannot fail in a
    // tested build; fail loudly rather than cluster with zero weights.
    if (!m.ok()) throw std::runtime_error("built-in " + m.status().message());
    return *m;
  }();
  return model;
}

OnlineClusterer::OnlineClusterer(const ClusterOptions& options, ClusterModel model)
    : options_(options), model_(std::move(model)) {
  if (options_.headline_merge_threshold < 0)
    options_.headline_merge_threshold = model_.headline_merge;
  if (options_.fragment_merge_threshold < 0) options_.fragment_merge_threshold = options_.threshold;
}

TermWeights OnlineClusterer::Weigh(const TermWeights& raw) const {
  TermWeights v;
  v.reserve(raw.size());
  double norm = 0;
  const ClusterBackground& bg = DefaultClusterBackground();
  for (const auto& [term, w] : raw) {
    auto it = df_.find(term);
    double df = it == df_.end() ? 0 : it->second;
    auto b = bg.df.find(term);
    if (b != bg.df.end()) df += b->second;
    double idf = std::log((static_cast<double>(docs_) + bg.documents + 1.0) / (df + 1.0));
    auto x = static_cast<float>(w * idf);
    v.emplace_back(term, x);
    norm += static_cast<double>(x) * x;
  }
  norm = std::sqrt(norm);
  if (norm > 0) {
    for (auto& [term, x] : v) x = static_cast<float>(x / norm);
  }
  return v;
}

OnlineClusterer::Prepared OnlineClusterer::Prepare(const ArticleFeatures& f) {
  ++docs_;
  for (const auto& [term, w] : f.terms) ++df_[term];
  for (const auto& [term, w] : f.entities) {  // single-word entity keys are not among the terms
    if (!std::binary_search(f.terms.begin(), f.terms.end(), std::pair<uint64_t, float>(term, 0),
                            [](const auto& x, const auto& y) { return x.first < y.first; })) {
      ++df_[term];
    }
  }
  if (f.time && (!now_ || *f.time > *now_)) now_ = f.time;
  Prepared p;
  p.terms = Weigh(f.terms);
  p.title = Weigh(f.title);
  p.entities = Weigh(f.entities);
  p.surnames = f.surnames;
  p.numbers = f.numbers;
  p.years = f.years;
  p.time = f.time;
  p.headline_only = f.headline_only;
  return p;
}

std::vector<OnlineClusterer::Candidate> OnlineClusterer::Candidates(const Prepared& a) const {
  TermWeights top = a.terms;
  size_t q = std::min(kQueryTerms, top.size());
  std::partial_sort(top.begin(), top.begin() + static_cast<long>(q), top.end(),
                    [](const auto& x, const auto& y) { return x.second > y.second; });
  absl::flat_hash_map<uint32_t, float> votes;  // ranked below in an order of their own
  for (size_t i = 0; i < q; ++i) {
    auto it = postings_.find(top[i].first);
    if (it == postings_.end()) continue;
    for (uint32_t s : it->second) votes[s] += top[i].second;
  }
  std::vector<std::pair<float, uint32_t>> ranked;
  ranked.reserve(votes.size());
  for (auto [s, w] : votes) ranked.emplace_back(w, s);
  size_t keep = std::min(options_.max_candidates, ranked.size());
  std::partial_sort(ranked.begin(), ranked.begin() + static_cast<long>(keep), ranked.end(),
                    [](const auto& x, const auto& y) {
                      return x.first > y.first || (x.first == y.first && x.second < y.second);
                    });
  std::vector<Candidate> out;
  out.reserve(keep);
  const TermLookup terms(a.terms);
  for (size_t i = 0; i < keep; ++i) {
    const uint32_t id = ranked[i].second;
    const Story& s = live_.at(id);
    Candidate c;
    c.story = id;
    auto& x = c.x;
    x[kBias] = 1;
    const bool people = !a.surnames.empty() && !s.surnames.empty();
    std::vector<std::pair<std::string_view, std::string_view>> respelled;
    x[kPeopleCosine] = people ? static_cast<float>(SharedPeople(a.surnames, s.surnames,
                                                                i < kFuzzyCandidates, &respelled))
                              : 0;
    x[kPeopleBoth] = people ? 1 : 0;
    auto [respelled_terms, respelled_entities] =
        RespelledDots(respelled, a.terms, s.terms, a.entities, s.entities);
    x[kCosine] =
        s.norm > 0 ? static_cast<float>((terms.Dot(s.terms) + respelled_terms) / s.norm) : 0;
    x[kTitleCosine] =
        s.title_norm > 0 ? static_cast<float>(Dot(a.title, s.title) / s.title_norm) : 0;
    const bool entities = !a.entities.empty() && s.entity_norm > 0;
    x[kEntityCosine] =
        entities
            ? static_cast<float>((Dot(a.entities, s.entities) + respelled_entities) / s.entity_norm)
            : 0;
    x[kEntitiesBoth] = entities ? 1 : 0;
    x[kCosineSquared] = x[kCosine] * x[kCosine];
    x[kCosineEntity] = x[kCosine] * x[kEntityCosine];
    x[kYearsOneSide] = a.years.empty() != s.years.empty() ? 1 : 0;
    size_t shared_numbers = 0;
    for (uint64_t n : a.numbers)
      shared_numbers += std::binary_search(s.numbers.begin(), s.numbers.end(), n);
    x[kNumbersShared] = static_cast<float>(std::min<size_t>(shared_numbers, 3)) / 3.0f;
    if (!a.years.empty() && !s.years.empty()) {
      bool shared = false;
      for (const auto& [year, n] : s.years)
        shared |= std::binary_search(a.years.begin(), a.years.end(), year);
      x[shared ? kYearsShared : kYearsDisjoint] = 1;
    }
    x[kHeadlineOnly] = a.headline_only ? 1 : 0;
    x[kHeadlineCosine] = a.headline_only ? x[kCosine] : 0;
    x[kLogSize] = static_cast<float>(std::log1p(s.size));
    double member = 0;
    for (const TermWeights& m : s.recent) member = std::max(member, terms.Dot(m));
    x[kMemberCosine] = static_cast<float>(member);
    if (a.time && s.last_time) {
      double dt = std::fabs(static_cast<double>(*a.time - *s.last_time));
      x[kSameDay] = dt < 24 * 3600 ? 1 : 0;
      c.decay = dt > static_cast<double>(options_.retire_after_seconds)
                    ? 0
                    : std::pow(0.5, dt / static_cast<double>(
                                             std::max<int64_t>(1, options_.half_life_seconds)));
    }
    out.push_back(c);
  }
  return out;
}

double OnlineClusterer::Probability(const Candidate& c) const {
  if (c.decay <= 0) return 0;
  double z = 0;
  for (size_t i = 0; i < kNumClusterFeatures; ++i) z += model_.weights[i] * c.x[i];
  double odds = std::exp(std::clamp(z, -50.0, 50.0)) * c.decay;
  return odds / (1 + odds);
}

void OnlineClusterer::Repost(uint32_t id, Story& s) {
  std::vector<std::pair<float, uint64_t>> terms;
  terms.reserve(s.terms.size());
  for (const auto& [term, x] : s.terms) terms.emplace_back(x, term);
  size_t k = std::min(kPostedTerms, terms.size());
  std::partial_sort(terms.begin(), terms.begin() + static_cast<long>(k), terms.end(),
                    [](const auto& a, const auto& b) { return a.first > b.first; });
  for (size_t i = 0; i < k; ++i) {
    uint64_t term = terms[i].second;
    if (std::find(s.posted.begin(), s.posted.end(), term) != s.posted.end()) continue;
    s.posted.push_back(term);
    postings_[term].push_back(id);
  }
}

void OnlineClusterer::AddContent(Story& s, const TermWeights& terms, const TermWeights& title,
                                 const TermWeights& entities, const Names& surnames,
                                 const std::vector<uint64_t>& numbers) const {
  s.norm = AddTo(s.terms, terms, options_.centroid_terms);
  s.title_norm = AddTo(s.title, title, kSmallCentroid);
  s.entity_norm = AddTo(s.entities, entities, kSmallCentroid);
  AddSurnames(s.surnames, surnames);
  AddNumbers(s.numbers, numbers);
}

uint32_t OnlineClusterer::File(const Prepared& a, std::optional<uint32_t> story) {
  uint32_t id;
  if (story && live_.count(*story)) {
    id = *story;
  } else {
    id = next_id_++;
    live_.emplace(id, Story{});
  }
  Story& s = live_.at(id);
  AddArticle(s, a);
  const uint64_t article = filed_++;
  if (options_.split_ratio > 0 && s.members.size() + 1 == s.size && s.size <= kSplitMembers) {
    // The member, its terms cut to the strongest (not a copy of all of them, then cut).
    Prepared kept{Top(a.terms, kSplitTerms),
                  a.title,
                  a.entities,
                  a.numbers,
                  a.surnames,
                  a.years,
                  a.time,
                  a.headline_only};
    s.members.emplace_back(article, std::move(kept));
  } else {  // past the size looked at (or splits off): never split, so keep no members
    std::vector<std::pair<uint64_t, Prepared>>().swap(s.members);
  }
  Repost(id, s);
  Touch(id, a.time);
  if (MaySplit(s) && CheckpointSize(s.size)) MaybeSplit(id);
  // Only stories of headlines: a headline alone is too short to place surely, so headline feeds
  // fragment and their stories are re-read as their evidence grows; a full article is placed
  // on its own evidence, and merging story centroids of full articles was measured to join two
  // events of one kind (ECB+ BCubed F1 0.871 -> 0.862 at 0.9).
  if (options_.headline_merge_threshold <= 1 && s.headlines == s.size && CheckpointSize(s.size))
    id = MaybeMerge(id, options_.headline_merge_threshold);
  RetireIdle();
  return id;
}

bool OnlineClusterer::MaySplit(const Story& s) {
  return s.members.size() == s.size && s.headlines < s.size && s.size >= 2 * kSplitMinSide;
}

uint32_t OnlineClusterer::ResolveArticle(uint64_t article, uint32_t filed) const {
  auto it = moved_.find(article);
  return Resolve(it == moved_.end() ? filed : it->second);
}

void OnlineClusterer::Refill(Story& s, std::vector<std::pair<uint64_t, Prepared>> members) const {
  const std::vector<uint64_t> posted = std::move(s.posted);
  const std::optional<int64_t> last_time = s.last_time;
  const uint64_t last_seq = s.last_seq;
  s = Story{};  // emptied, but still listed where it was in the index and the queues
  s.posted = posted;
  s.last_time = last_time;
  s.last_seq = last_seq;
  for (const auto& member : members) AddArticle(s, member.second);
  s.members = std::move(members);
}

void OnlineClusterer::AddArticle(Story& s, const Prepared& a) const {
  AddContent(s, a.terms, a.title, a.entities, a.surnames, a.numbers);
  for (int16_t year : a.years) AddYear(s.years, year, 1);
  ++s.size;
  if (a.headline_only) ++s.headlines;
  s.recent.push_back(Top(a.terms, kMemberTerms));
  if (s.recent.size() > kRecentMembers) s.recent.pop_front();
}

// Why split, and how: an article of a second event of one kind (a second earthquake, another
// player's arrest) is placed against a story of one or two articles, where the words of the
// kind weigh as much as the names and numbers of the event, and it joins; every later report
// of the second event then follows it. With a dozen members the two events show as two groups,
// each alike within and less alike across (ECB+: topics with 3 or more articles of each event
// in one story, 14 -> 2; docs/benchmarks.md). A group of fewer than kSplitMinSide articles is not
// an event; one such group of outliers is set aside once and the rest looked at again.
void OnlineClusterer::MaybeSplit(uint32_t id) {
  Story& s = live_.at(id);
  const size_t n = s.members.size();
  std::vector<double> sim(n * n, 1.0);
  for (size_t i = 0; i < n; ++i)
    for (size_t j = i + 1; j < n; ++j)
      sim[i * n + j] = sim[j * n + i] = Dot(s.members[i].second.terms, s.members[j].second.terms);
  std::vector<size_t> all(n);
  for (size_t i = 0; i < n; ++i) all[i] = i;
  auto apart = [&](const TwoGroups& t) {
    return t.small.size() >= kSplitMinSide && t.across < options_.split_ratio * t.within;
  };
  TwoGroups t = SplitInTwo(all, sim, n);
  std::vector<size_t> stay, leave;
  if (apart(t)) {
    stay = t.big;
    leave = t.small;
  } else if (t.small.size() < kSplitMinSide && t.big.size() >= 2 * kSplitMinSide) {
    TwoGroups rest = SplitInTwo(t.big, sim, n);
    if (!apart(rest)) return;
    stay = rest.big;
    leave = rest.small;
    // Each outlier set aside goes with the group it is more like on average (the larger on a
    // tie): a headline merged into the story goes with the reports of its event.
    auto mean = [&](size_t i, const std::vector<size_t>& g) {
      double sum = 0;
      for (size_t j : g) sum += sim[i * n + j];
      return sum / static_cast<double>(g.size());
    };
    std::vector<size_t> to_stay, to_leave;
    for (size_t i : t.small) (mean(i, leave) > mean(i, stay) ? to_leave : to_stay).push_back(i);
    stay.insert(stay.end(), to_stay.begin(), to_stay.end());
    leave.insert(leave.end(), to_leave.begin(), to_leave.end());
    if (leave.size() > stay.size()) std::swap(stay, leave);
  } else {
    return;
  }
  // Each group keeps its articles in arrival order.
  std::sort(stay.begin(), stay.end());
  std::sort(leave.begin(), leave.end());
  std::vector<std::pair<uint64_t, Prepared>> kept, gone;
  std::optional<int64_t> last_time;
  for (size_t i : stay) kept.push_back(std::move(s.members[i]));
  for (size_t i : leave) {
    const std::optional<int64_t>& t = s.members[i].second.time;
    if (t && (!last_time || *t > *last_time)) last_time = t;
    gone.push_back(std::move(s.members[i]));
  }
  Refill(s, std::move(kept));
  Repost(id, s);
  const uint32_t other = next_id_++;
  Story& o = live_.emplace(other, Story{}).first->second;
  for (const auto& member : gone) moved_[member.first] = other;
  Refill(o, std::move(gone));
  Repost(other, o);
  Touch(other, last_time);
}

void OnlineClusterer::EndOfInput() {
  // Fragments first, so a story a fragment joins is read for a split with it. In creation
  // order, for a replay to merge alike; a fragment another one absorbed is gone by its turn.
  absl::flat_hash_set<uint32_t> grown;  // stories that took a fragment in
  if (options_.fragment_merge_threshold <= 1) {
    std::vector<uint32_t> fragments;
    for (const auto& [id, s] : live_)
      if (s.size < kSplitMinSide && s.headlines < s.size) fragments.push_back(id);
    std::sort(fragments.begin(), fragments.end());
    for (uint32_t id : fragments) {
      if (!live_.count(id)) continue;
      // A fragment that absorbed another is still under 8 articles: it cannot split.
      if (uint32_t into = MaybeMerge(id, options_.fragment_merge_threshold); into != id)
        grown.insert(into);
    }
  }
  if (options_.split_ratio <= 0) return;
  std::vector<uint32_t> ids;
  // A story at a checkpoint size was read when it reached it, unless a fragment made it so.
  for (const auto& [id, s] : live_)
    if (MaySplit(s) && (!CheckpointSize(s.size) || grown.contains(id))) ids.push_back(id);
  std::sort(ids.begin(), ids.end());  // new story numbers in a replayable order
  for (uint32_t id : ids) MaybeSplit(id);
}

uint32_t OnlineClusterer::Resolve(uint32_t story) const {
  for (auto it = merged_into_.find(story); it != merged_into_.end(); it = merged_into_.find(story))
    story = it->second;
  return story;
}

OnlineClusterer::Prepared OnlineClusterer::AsArticle(const Story& s) const {
  auto unit = [](const TermWeights& c, double norm) {
    TermWeights v = c;
    for (auto& [term, x] : v) x = norm > 0 ? static_cast<float>(x / norm) : 0;
    return v;
  };
  Prepared p;
  p.terms = unit(s.terms, s.norm);
  p.title = unit(s.title, s.title_norm);
  p.entities = unit(s.entities, s.entity_norm);
  p.surnames = s.surnames;
  p.numbers = s.numbers;
  for (const auto& [year, n] : s.years) p.years.push_back(year);
  std::sort(p.years.begin(), p.years.end());
  p.time = s.last_time;
  p.headline_only = s.headlines == s.size;
  return p;
}

uint32_t OnlineClusterer::MaybeMerge(uint32_t id, double threshold) {
  std::optional<uint32_t> best;
  double best_p = threshold;
  for (const Candidate& c : Candidates(AsArticle(live_.at(id)))) {
    if (c.story == id) continue;
    double p = Probability(c);
    if (p >= best_p) {
      best_p = p;
      best = c.story;
    }
  }
  if (!best) return id;
  // The larger story absorbs the smaller (the older on a tie), so most articles keep their number.
  uint32_t into = *best, from = id;
  const Story& a = live_.at(into);
  const Story& b = live_.at(from);
  if (b.size > a.size || (b.size == a.size && from < into)) std::swap(into, from);
  Story f = live_.at(from);
  Retire(from);
  Story& t = live_.at(into);
  AddContent(t, f.terms, f.title, f.entities, f.surnames, f.numbers);
  for (const auto& year_count : f.years) AddYear(t.years, year_count.first, year_count.second);
  t.size += f.size;
  t.headlines += f.headlines;
  for (TermWeights& m : f.recent) t.recent.push_back(std::move(m));
  while (t.recent.size() > kRecentMembers) t.recent.pop_front();
  // Members stay those of every article in the story, or none: a split refills a story from
  // its members alone, so a story whose members are partial must never split.
  if (t.members.size() + f.members.size() == t.size && t.size <= kSplitMembers) {
    for (auto& member : f.members) t.members.push_back(std::move(member));
    std::sort(t.members.begin(), t.members.end(),
              [](const auto& x, const auto& y) { return x.first < y.first; });
  } else {
    std::vector<std::pair<uint64_t, Prepared>>().swap(t.members);
  }
  Repost(into, t);
  Touch(into, f.last_time);
  merged_into_[from] = into;
  merges_.emplace_back(from, into);
  return into;
}

uint32_t OnlineClusterer::Add(const ArticleFeatures& features) {
  Prepared a = Prepare(features);
  std::optional<uint32_t> best;
  double best_p = -1;
  for (const Candidate& c : Candidates(a)) {
    double p = Probability(c);
    if (p > best_p) {
      best_p = p;
      best = c.story;
    }
  }
  if (best_p < options_.threshold) best.reset();
  return File(a, best);
}

void OnlineClusterer::Touch(uint32_t story, std::optional<int64_t> time) {
  auto it = live_.find(story);
  if (it == live_.end()) return;  // retired: a late copy changes nothing
  Story& s = it->second;
  if (time && (!now_ || *time > *now_)) now_ = time;
  if (time && (!s.last_time || *time > *s.last_time)) {
    s.last_time = time;
    by_time_.emplace(*time, story);
  }
  s.last_seq = docs_;
  by_seq_.emplace_back(docs_, story);
}

void OnlineClusterer::Retire(uint32_t id) {
  auto it = live_.find(id);
  if (it == live_.end()) return;
  for (uint64_t term : it->second.posted) {
    auto p = postings_.find(term);
    if (p == postings_.end()) continue;
    std::erase(p->second, id);
    if (p->second.empty()) postings_.erase(p);
  }
  live_.erase(it);
}

void OnlineClusterer::RetireIdle() {
  // By stream time: a story whose newest article is older than the window.
  while (now_ && !by_time_.empty() &&
         *now_ - by_time_.top().first > options_.retire_after_seconds) {
    auto [time, id] = by_time_.top();
    by_time_.pop();
    auto it = live_.find(id);
    if (it != live_.end() && it->second.last_time == time) Retire(id);
  }
  // By article count, for stories without dates (or a stream without timestamps).
  while (!by_seq_.empty() && docs_ - by_seq_.front().first > options_.retire_after_articles) {
    auto [seq, id] = by_seq_.front();
    by_seq_.pop_front();
    auto it = live_.find(id);
    if (it != live_.end() && it->second.last_seq == seq) Retire(id);
  }
}

}  // namespace parallax
