// Calibrates the clustering model on labelled news and measures it.
//
//   cluster_calibrate [options] SET.jsonl...   (--help lists them)
//
// Each SET is JSON Lines with "id" and a gold "event" label (../shared/data/ecbplus/dev.jsonl,
// ../shared/data/uci-headlines/dev.jsonl). For each set, replayed as parallax replays input
// (publication order; file order when undated) and in N shuffled orders (seeded, fixed), it
// files every article into its gold story ("teacher forcing") and records, for each candidate
// story the inverted index offers, the model features and whether the story is the article's.
// A logistic regression (liblinear, L2-regularised) is fitted on all rows; the decision bias is
// then shifted so that the threshold 0.5 maximises the mean BCubed F1 over the sets when the
// clusterer runs for real (with --pairs, also over folders of two reports of one event, each
// clustered alone: a stream's threshold must also keep a two-article input together), and the
// merge threshold of headline stories is chosen the same way. Prints BCubed P/R/F1 per set and
// order, and writes the model file.
// Run through bench/calibrate_cluster.sh.
//
// For trying features (docs/benchmarks.md, "The event of the lead"):
//   --holdout [--holdout-stride 2]  fit on half the topics of the sets that name topics (ECB+),
//                                   plus the other sets whole; score the other half; swap
//   --drop f1,f2                    leave features out of the fit (weight 0)
//   --explain                       print each article the final model files into a story of
//                                   another event (replay order), with its features
//   --size-search                   also search a shift of the story-size weight
//   --dump FILE                     the teacher-forced rows as TSV
#include <linear.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

#include "cluster/features.h"
#include "cluster/online_clusterer.h"
#include "cluster_features.h"
#include "parallax/pipeline.h"
#include "parallax/reader.h"

namespace parallax {
namespace {

struct Item {
  std::string id;
  std::string event;
  std::string topic;  // "topic" of the row when given (ECB+), else empty
  ArticleFeatures features;
};

struct Set {
  std::string path;
  std::vector<Item> items;  // in replay order
};

Set Load(const std::string& path) {
  std::unordered_map<std::string, std::string> gold, topic;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) {
    if (line.empty()) continue;
    nlohmann::json row = nlohmann::json::parse(line);
    std::string id = row["id"].is_string() ? row["id"].get<std::string>() : row["id"].dump();
    gold[id] = row["event"].dump();
    topic[id] = row.contains("topic") ? row["topic"].dump() : "";
  }
  std::vector<Article> articles;
  ReadInputs(
      {path}, ReadOptions{}, [&](Article a) { articles.push_back(std::move(a)); },
      [&](const Rejection& r) { std::cerr << "rejected " << r.input << ": " << r.error << "\n"; });
  SortForReplay(articles);
  Set set{path, {}};
  std::vector<ArticleFeatures> features = FeaturesOf(articles);
  for (size_t i = 0; i < articles.size(); ++i) {
    set.items.push_back(Item{articles[i].id, gold.at(articles[i].id), topic.at(articles[i].id),
                             std::move(features[i])});
  }
  return set;
}

// Pairs of articles on one event (../shared/data/conflicts-dev/real-pairs/*/{a,b}.txt): the
// smallest input a user gives, two reports in a folder, which should make one story.
struct Pairs {
  std::string path;
  std::vector<std::array<ArticleFeatures, 2>> pairs;
};

Pairs LoadPairs(const std::string& dir) {
  Pairs out{dir, {}};
  std::vector<std::filesystem::path> cases;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (e.is_directory()) cases.push_back(e.path());
  }
  std::sort(cases.begin(), cases.end());
  std::vector<Article> articles;
  for (const auto& c : cases) {
    size_t before = articles.size();
    ReadInputs(
        {(c / "a.txt").string(), (c / "b.txt").string()}, ReadOptions{},
        [&](Article a) { articles.push_back(std::move(a)); },
        [&](const Rejection& r) {
          std::cerr << "rejected " << r.input << ": " << r.error << "\n";
        });
    if (articles.size() - before != 2) articles.resize(before);
  }
  std::vector<ArticleFeatures> f = FeaturesOf(articles);
  for (size_t i = 0; i + 1 < f.size(); i += 2)
    out.pairs.push_back({std::move(f[i]), std::move(f[i + 1])});
  return out;
}

bool Dated(const Set& s) { return s.items.empty() || s.items.front().features.time.has_value(); }

std::vector<size_t> Order(const Set& s, int shuffle) {
  std::vector<size_t> order(s.items.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  if (shuffle > 0) {
    std::mt19937_64 rng(static_cast<uint64_t>(shuffle) * 7919);
    std::shuffle(order.begin(), order.end(), rng);
  }
  return order;
}

struct Score {
  double p = 0, r = 0, f1 = 0;
};

Score BCubed(const std::vector<std::string>& gold, const std::vector<uint32_t>& pred) {
  std::map<std::string, double> gsize;
  std::map<uint32_t, double> psize;
  std::map<std::pair<std::string, uint32_t>, double> both;
  for (size_t i = 0; i < gold.size(); ++i) {
    ++gsize[gold[i]];
    ++psize[pred[i]];
    ++both[{gold[i], pred[i]}];
  }
  Score s;
  for (size_t i = 0; i < gold.size(); ++i) {
    double b = both[{gold[i], pred[i]}];
    s.p += b / psize[pred[i]];
    s.r += b / gsize[gold[i]];
  }
  s.p /= static_cast<double>(gold.size());
  s.r /= static_cast<double>(gold.size());
  s.f1 = 2 * s.p * s.r / (s.p + s.r);
  return s;
}

size_t kTrainCandidates = 4;

std::ofstream* dump = nullptr;  // --dump FILE: the rows as TSV, for analysis
// --drop f1,f2: features left out of the fit (weight 0), to measure what each one does.
std::array<bool, kNumClusterFeatures> dropped{};

// Teacher-forced rows: (features, joins?) for every candidate of every article.
void Rows(const Set& s, int shuffle, std::vector<std::array<float, kNumClusterFeatures>>* x,
          std::vector<double>* y, size_t* missed) {
  ClusterOptions o;
  o.headline_merge_threshold = 2;  // teacher forcing files into gold stories: no merges,
  o.split_ratio = 0;               // no splits
  OnlineClusterer c(o);
  std::unordered_map<std::string, uint32_t> story_of_event;
  std::unordered_map<uint32_t, std::string> event_of_story;
  for (size_t i : Order(s, shuffle)) {
    const Item& item = s.items[i];
    OnlineClusterer::Prepared a = c.Prepare(item.features);
    auto gold = story_of_event.find(item.event);
    bool found = false;
    std::vector<OnlineClusterer::Candidate> cands = c.Candidates(a);
    // The decision hinges on the most similar stories; the long tail of unrelated candidates
    // would otherwise dominate the fit with easy negatives.
    std::sort(cands.begin(), cands.end(),
              [](const auto& p, const auto& q) { return p.x[kCosine] > q.x[kCosine]; });
    if (cands.size() > kTrainCandidates) cands.resize(kTrainCandidates);
    for (const OnlineClusterer::Candidate& cand : cands) {
      if (cand.decay <= 0) continue;
      bool join = gold != story_of_event.end() && cand.story == gold->second;
      found |= join;
      x->push_back(cand.x);
      for (int f = 0; f < kNumClusterFeatures; ++f)
        if (dropped[static_cast<size_t>(f)]) x->back()[static_cast<size_t>(f)] = 0;
      y->push_back(join ? 1 : -1);
      if (dump) {
        *dump << s.path << '\t' << shuffle << '\t' << item.id << '\t' << item.event << '\t'
              << event_of_story[cand.story] << '\t' << (join ? 1 : 0);
        for (float v : cand.x) *dump << '\t' << v;
        *dump << '\n';
      }
    }
    if (gold != story_of_event.end() && !found) ++*missed;
    std::optional<uint32_t> target;
    if (gold != story_of_event.end()) target = gold->second;
    story_of_event[item.event] = c.File(a, target);
    event_of_story[story_of_event[item.event]] = item.event;
  }
}

bool size_search = false;     // --size-search: also shift the story-size weight
bool explain = false;         // --explain: print each article filed into another event's story
bool explain_now = false;     // in the final report only
double merge_threshold = -1;  // --merge: ClusterOptions::headline_merge_threshold (-1: the model's)

Score Run(const Set& s, int shuffle, const ClusterModel& m, double threshold) {
  ClusterOptions o;
  o.threshold = threshold;
  o.headline_merge_threshold = merge_threshold;
  // The bias is fitted for the join alone. Fitted with splits on (ClusterOptions::split_ratio),
  // it rose by 2 logits: ECB+ 0.930, but distinct stories of the examples joined, which a
  // story under 8 articles never splits back (docs/benchmarks.md, "Splitting stories").
  // Fragments merging at the end of the input are left out too: the bias stays the join's.
  o.split_ratio = 0;
  o.fragment_merge_threshold = 2;
  OnlineClusterer c(o, m);
  std::vector<std::string> gold;
  std::vector<uint32_t> pred;
  std::unordered_map<uint32_t, std::string> first_event;  // --explain: a story's first event
  for (size_t i : Order(s, shuffle)) {
    gold.push_back(s.items[i].event);
    if (explain_now && shuffle == 0) {
      // The article's candidates before it is filed, as Add sees them.
      OnlineClusterer probe = c;
      OnlineClusterer::Prepared a = probe.Prepare(s.items[i].features);
      std::vector<OnlineClusterer::Candidate> cands = probe.Candidates(a);
      const OnlineClusterer::Candidate* best = nullptr;
      double best_p = -1;
      for (const auto& cand : cands) {
        double p = probe.Probability(cand);
        if (p > best_p) best_p = p, best = &cand;
      }
      if (best && best_p >= threshold && first_event[best->story] != s.items[i].event) {
        std::printf("JOIN-WRONG %s %s -> story %u of %s p=%.3f", s.items[i].id.c_str(),
                    s.items[i].event.c_str(), best->story, first_event[best->story].c_str(),
                    best_p);
        for (int f = 1; f < kNumClusterFeatures; ++f)
          std::printf(" %s=%.2f",
                      std::string(ClusterFeatureNames()[static_cast<size_t>(f)]).c_str(),
                      best->x[static_cast<size_t>(f)]);
        std::printf("\n");
      }
    }
    pred.push_back(c.Add(s.items[i].features));
    first_event.emplace(pred.back(), s.items[i].event);
  }
  c.EndOfInput();
  for (size_t i = 0; i < pred.size(); ++i) pred[i] = c.ResolveArticle(i, pred[i]);
  return BCubed(gold, pred);
}

// Mean BCubed F1 over the pairs (1 when the two share a story, 2/3 when split), and the
// number kept together.
double RunPairs(const Pairs& p, const ClusterModel& m, size_t* together) {
  ClusterOptions o;
  o.headline_merge_threshold = merge_threshold;
  double f1 = 0;
  *together = 0;
  for (const auto& pair : p.pairs) {
    OnlineClusterer c(o, m);
    bool one = c.Add(pair[0]) == c.Add(pair[1]);
    *together += one;
    f1 += one ? 1.0 : 2.0 / 3.0;
  }
  return p.pairs.empty() ? 0 : f1 / static_cast<double>(p.pairs.size());
}

ClusterModel Fit(const std::vector<std::array<float, kNumClusterFeatures>>& xs,
                 const std::vector<double>& ys, double C) {
  // liblinear wants sparse rows terminated by index -1; feature indexes start at 1.
  std::vector<std::vector<feature_node>> nodes(xs.size());
  std::vector<feature_node*> rows(xs.size());
  for (size_t i = 0; i < xs.size(); ++i) {
    for (int f = 0; f < kNumClusterFeatures; ++f) {
      if (xs[i][f] != 0) nodes[i].push_back({f + 1, xs[i][f]});
    }
    nodes[i].push_back({-1, 0});
    rows[i] = nodes[i].data();
  }
  problem prob{};
  prob.l = static_cast<int>(xs.size());
  prob.n = kNumClusterFeatures;
  prob.y = const_cast<double*>(ys.data());
  prob.x = rows.data();
  prob.bias = -1;  // the bias is feature 0
  parameter param{};
  param.solver_type = L2R_LR;
  param.C = C;
  param.eps = 1e-4;
  if (const char* err = check_parameter(&prob, &param)) {
    std::cerr << "liblinear: " << err << "\n";
    std::exit(1);
  }
  model* m = train(&prob, &param);
  ClusterModel out;
  // liblinear's decision is w·x > 0 for its first label; make "joins" (+1) the positive side.
  double sign = m->label[0] == 1 ? 1 : -1;
  for (int f = 0; f < kNumClusterFeatures; ++f)
    out.weights[static_cast<size_t>(f)] = sign * m->w[f];
  free_and_destroy_model(&m);
  return out;
}

std::string Format(const ClusterModel& m, const std::string& comment) {
  std::ostringstream out;
  out << comment << "parallax-cluster-model 2\n";
  for (int f = 0; f < kNumClusterFeatures; ++f) {
    char w[32];
    std::snprintf(w, sizeof w, "%.4f", m.weights[static_cast<size_t>(f)]);
    out << ClusterFeatureNames()[static_cast<size_t>(f)] << ' ' << w << '\n';
  }
  char merge[32];
  std::snprintf(merge, sizeof merge, "%.2f", m.headline_merge);
  out << "headline_merge " << merge << '\n';
  return out.str();
}

// Fits the model on `sets` (teacher-forced rows) and shifts its biases for the greedy
// decision; `best` gets the bias shift, headline shift and headline merge threshold.
ClusterModel Calibrate(const std::vector<Set>& sets, const std::vector<Pairs>& pairs, int shuffles,
                       double C, double best[4], bool verbose) {
  std::vector<std::array<float, kNumClusterFeatures>> xs;
  std::vector<double> ys;
  for (const Set& s : sets) {
    size_t missed = 0, before = xs.size();
    // Undated sets (no publication order) are also learned in shuffled orders.
    for (int k = 0; k <= (Dated(s) ? 0 : shuffles); ++k) Rows(s, k, &xs, &ys, &missed);
    if (verbose)
      std::cout << s.path << ": " << s.items.size() << " articles, " << xs.size() - before
                << " candidate rows, gold story not among candidates " << missed << " times\n";
  }
  ClusterModel model = Fit(xs, ys, C);

  // Shift the bias (and the headline-only bias) so that the default threshold 0.5 sits where
  // the mean F1 over the sets is highest: logistic regression is calibrated per pair, not for
  // the greedy decision. Full articles and headlines get their own shift, and stories of
  // headlines their merge threshold (ClusterModel::headline_merge; 2 = never).
  auto mean_f1 = [&](double shift, double headline, double merge, double size) {
    ClusterModel m = model;
    m.weights[kBias] += shift;
    m.weights[kHeadlineOnly] += headline - shift;  // headlines move by `headline` in all
    m.headline_merge = merge;
    m.weights[kLogSize] += size;
    // Each set counts once; an undated set is the mean over its replay and shuffled orders,
    // so the decision does not fit one arrival order.
    double sum = 0;
    for (const Set& s : sets) {
      int orders = Dated(s) ? 1 : 1 + shuffles;
      double f1 = 0;
      for (int k = 0; k < orders; ++k) f1 += Run(s, k, m, 0.5).f1;
      sum += f1 / orders;
    }
    size_t together = 0;
    for (const Pairs& p : pairs) sum += RunPairs(p, m, &together);
    return sum / static_cast<double>(sets.size() + pairs.size());
  };
  // Bias shift, headline shift, headline merge threshold (2: never), story-size shift.
  best[0] = 0;
  best[1] = 0;
  best[2] = 2;
  best[3] = 0;
  double best_f1 = mean_f1(best[0], best[1], best[2], best[3]);
  std::vector<double> grids[4];
  if (size_search)
    for (double v = -1.5; v <= 1.501; v += 0.25) grids[3].push_back(v);
  for (double v = -6; v <= 6.001; v += 0.5) grids[0].push_back(v), grids[1].push_back(v);
  for (double v = 0.5; v <= 0.951; v += 0.05) grids[2].push_back(v);
  grids[2].push_back(2);
  for (int round = 0; round < 2; ++round) {  // coordinate search over the four
    for (int which = 0; which < 4; ++which) {
      for (double v : grids[which]) {
        double trial[4] = {best[0], best[1], best[2], best[3]};
        trial[which] = v;
        double f1 = mean_f1(trial[0], trial[1], trial[2], trial[3]);
        if (f1 > best_f1 + 1e-9) {
          best_f1 = f1;
          best[which] = v;
        }
      }
    }
  }
  model.weights[kBias] += best[0];
  model.weights[kHeadlineOnly] += best[1] - best[0];
  model.headline_merge = best[2];
  model.weights[kLogSize] += best[3];
  return model;
}

void Silence(const char*) {}

}  // namespace
}  // namespace parallax

namespace {
constexpr const char* kUsage =
    "usage: cluster_calibrate [options] SET.jsonl...\n"
    "Fits the clustering model (liblinear logistic regression on teacher-forced candidate\n"
    "pairs of each labelled SET, then the bias shifts and headline merge threshold by the best\n"
    "mean BCubed F1) and prints the figures. bench/calibrate_cluster.sh runs it as shipped.\n"
    "  --write MODEL        write the fitted model file (src/cluster/cluster_model.txt)\n"
    "  --pairs DIR          folders of two-article same-event cases, scored in the bias search\n"
    "  --shuffles N         shuffled orders of an undated set scored besides file order (2)\n"
    "  --C c                liblinear's inverse regularisation (1)\n"
    "  --top K              candidates per article kept as training rows (4)\n"
    "  --headline-shift X   extra bias for headline-only articles before the search\n"
    "  --merge T            headline merge threshold before the search\n"
    "  --eval T1,T2,...     score the built-in model at these thresholds and exit\n"
    "  --holdout            fit on half the topics, score the other half, and swap\n"
    "  --holdout-stride N   halves of N-topic blocks (another split of the topics)\n"
    "  --drop F,...         leave these features out of the fit\n"
    "  --explain            print each article filed into another event's story, with its\n"
    "                       features (replay order)\n"
    "  --size-search        search a shift of the story-size weight too\n"
    "  --dump FILE          write the teacher-forced rows to FILE (TSV)\n"
    "  -h, --help           this text\n";
std::string option;  // the option being read, for the error of a value that is not a number
}  // namespace

int main(int argc, char** argv) try {
  using namespace parallax;
  std::string write;
  double headline_shift = 0;
  std::vector<std::string>
      pairs_dirs;  // --pairs DIR: folders of two-article cases, for the bias search
  // --eval "t1,t2,...": score the built-in model at these thresholds and exit
  std::vector<double> eval_thresholds;
  int shuffles = 2;
  bool holdout = false;    // --holdout: fit on half the topics, score the other half, and swap
  int holdout_stride = 1;  // --holdout-stride 2: halves of topic pairs (another split)
  double C = 1.0;
  std::vector<std::string> paths;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    option = a;
    if (a == "-h" || a == "--help") {
      std::cout << kUsage;
      return 0;
    }
    if (a == "--write" && i + 1 < argc) {
      write = argv[++i];
    } else if (a == "--shuffles" && i + 1 < argc) {
      shuffles = std::stoi(argv[++i]);
    } else if (a == "--dump" && i + 1 < argc) {
      dump = new std::ofstream(argv[++i]);
    } else if (a == "--top" && i + 1 < argc) {
      kTrainCandidates = std::stoul(argv[++i]);
    } else if (a == "--pairs" && i + 1 < argc) {
      pairs_dirs.emplace_back(argv[++i]);
    } else if (a == "--headline-shift" && i + 1 < argc) {
      headline_shift = std::stod(argv[++i]);
    } else if (a == "--merge" && i + 1 < argc) {
      merge_threshold = std::stod(argv[++i]);
    } else if (a == "--eval" && i + 1 < argc) {
      std::stringstream list(argv[++i]);
      for (std::string t; std::getline(list, t, ',');) eval_thresholds.push_back(std::stod(t));
    } else if (a == "--size-search") {
      size_search = true;
    } else if (a == "--explain") {
      explain = true;
    } else if (a == "--holdout-stride" && i + 1 < argc) {
      holdout_stride = std::max(1, std::stoi(argv[++i]));
    } else if (a == "--holdout") {
      holdout = true;
    } else if (a == "--drop" && i + 1 < argc) {
      std::stringstream list(argv[++i]);
      for (std::string f; std::getline(list, f, ',');) {
        auto& names = ClusterFeatureNames();
        auto it = std::find(names.begin(), names.end(), f);
        if (it == names.end()) {
          std::cerr << "unknown feature " << f << "\n";
          return 2;
        }
        dropped[static_cast<size_t>(it - names.begin())] = true;
      }
    } else if (a == "--C" && i + 1 < argc) {
      C = std::stod(argv[++i]);
    } else if (a.starts_with("-")) {
      std::cerr << "cluster_calibrate: unknown option or missing value: " << a << "\n" << kUsage;
      return 2;
    } else {
      paths.push_back(a);
    }
  }
  option.clear();  // options read: a logic_error from here on is not about them
  if (paths.empty()) {
    std::cerr << kUsage;
    return 2;
  }
  set_print_string_function(Silence);
  std::vector<Set> sets;
  sets.reserve(paths.size());
  for (const std::string& p : paths) sets.push_back(Load(p));
  std::vector<Pairs> pairs;
  pairs.reserve(pairs_dirs.size());
  for (const std::string& p : pairs_dirs) pairs.push_back(LoadPairs(p));

  if (!eval_thresholds.empty()) {
    for (double t : eval_thresholds) {
      for (const Set& s : sets) {
        for (int k = 0; k <= (Dated(s) ? 0 : shuffles); ++k) {
          ClusterModel m = DefaultClusterModel();
          m.weights[kHeadlineOnly] += headline_shift;
          Score sc = Run(s, k, m, t);
          std::printf("threshold %g merge %.2f %s order %d: P=%.3f R=%.3f F1=%.3f\n", t,
                      merge_threshold, s.path.c_str(), k, sc.p, sc.r, sc.f1);
        }
      }
    }
    return 0;
  }
  if (holdout) {
    // Held-out topics: fit (weights and shifts) on every other topic of the sets that name
    // topics, plus the sets that do not, and score the topics left out; then swap halves.
    for (int half = 0; half < 2; ++half) {
      std::vector<Set> train, test;
      for (const Set& s : sets) {
        std::unordered_map<std::string, int> index;
        for (const Item& it : s.items) index.emplace(it.topic, static_cast<int>(index.size()));
        bool topics = !s.items.empty() && !s.items.front().topic.empty();  // else train only
        Set a{s.path, {}}, b{s.path + " held-out half " + std::to_string(half), {}};
        for (const Item& it : s.items)
          (!topics || index[it.topic] / holdout_stride % 2 != half ? a : b).items.push_back(it);
        train.push_back(std::move(a));
        if (!b.items.empty()) test.push_back(std::move(b));
      }
      double best[4];
      ClusterModel m = Calibrate(train, pairs, shuffles, C, best, false);
      for (const Set& s : test) {
        double sum = 0;
        int orders = Dated(s) ? 1 : 1 + shuffles;
        for (int k = 0; k < orders; ++k) {
          Score sc = Run(s, k, m, 0.5);
          sum += sc.f1;
          std::printf("%s order %d: P=%.3f R=%.3f F1=%.3f\n", s.path.c_str(), k, sc.p, sc.r, sc.f1);
        }
        std::printf("%s mean F1 %.4f (bias shift %.1f, size shift %.2f)\n", s.path.c_str(),
                    sum / orders, best[0], best[3]);
      }
    }
    return 0;
  }
  double best[4];
  ClusterModel model = Calibrate(sets, pairs, shuffles, C, best, true);
  const double best_shift = best[0], best_headline = best[1];

  explain_now = explain;
  std::ostringstream report;
  report << "# Calibrated by bench/calibrate_cluster.sh (liblinear L2 logistic regression, C=" << C
         << ", bias shift " << best_shift << ", headline shift " << best_headline
         << ", headline merge " << best[2] << ") on:\n";
  for (const Set& s : sets) {
    bool dated = s.items.empty() || s.items.front().features.time.has_value();
    for (int k = 0; k <= (dated ? 0 : shuffles); ++k) {
      Score sc = Run(s, k, model, 0.5);
      char line[256];
      std::snprintf(line, sizeof line, "#   %s %s: BCubed P=%.3f R=%.3f F1=%.3f\n", s.path.c_str(),
                    k == 0 ? "replay order" : ("shuffle " + std::to_string(k)).c_str(), sc.p, sc.r,
                    sc.f1);
      report << line;
    }
  }
  for (const Pairs& p : pairs) {
    size_t together = 0;
    RunPairs(p, model, &together);
    report << "#   " << p.path << ": " << together << " of " << p.pairs.size()
           << " pairs in one story\n";
  }
  std::string text = Format(model, report.str());
  std::cout << text;
  if (!write.empty()) {
    std::ofstream out(write, std::ios::trunc);
    out << text;
    if (!out) {
      std::cerr << "cannot write " << write << "\n";
      return 1;
    }
  }
  return 0;
} catch (const std::logic_error& e) {  // std::stoi and the like: a value that is not a number
  if (option.empty()) throw;
  std::cerr << "cluster_calibrate: " << option << " wants a number (" << e.what() << ")\n"
            << kUsage;
  return 2;
}
