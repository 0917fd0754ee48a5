// Builds the clustering background: in how many documents of a general news collection each
// term occurs (document frequency), so that IDF is meaningful from a stream's first article.
//
//   cluster_background --out FILE INPUT...
//
// Terms are the clusterer's own (cluster/features.h: stem and entity hashes), so the file holds
// 64-bit hashes and counts, no text. Terms in fewer than kMinDf documents are left out: the
// clusterer treats an absent term as unseen, which is what a rare term nearly is. Run through
// bench/calibrate_cluster.sh.

#include <cinttypes>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "cluster/features.h"
#include "cluster_features.h"
#include "parallax/reader.h"

int main(int argc, char** argv) {
  using namespace parallax;
  constexpr uint32_t kMinDf = 5;
  std::string out_path;
  std::vector<std::string> inputs;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--out" && i + 1 < argc) {
      out_path = argv[++i];
    } else {
      inputs.push_back(a);
    }
  }
  if (out_path.empty() || inputs.empty()) {
    std::cerr << "usage: cluster_background --out FILE INPUT...\n";
    return 2;
  }
  std::vector<Article> articles;
  std::set<std::string> ids;
  ReadInputs(
      inputs, ReadOptions{},
      [&](Article a) {
        if (ids.insert(a.id).second && !a.text.empty())
          articles.push_back(std::move(a));  // a text once
      },
      [](const Rejection&) {});
  std::vector<ArticleFeatures> features = FeaturesOf(articles);
  std::map<uint64_t, uint32_t> df;
  for (const ArticleFeatures& f : features) {
    std::set<uint64_t> terms;
    for (const auto& [t, w] : f.terms) terms.insert(t);
    for (const auto& [t, w] : f.entities) terms.insert(t);
    for (uint64_t t : terms) ++df[t];
  }
  std::ofstream out(out_path, std::ios::trunc);
  out << "# Document frequencies of clustering terms (64-bit hashes) in " << features.size()
      << " general news documents, written by bench/calibrate_cluster.sh; terms in fewer than "
      << kMinDf << " are left out.\n";
  out << "parallax-cluster-background 1\n"
      << "documents " << features.size() << "\n";
  size_t kept = 0;
  for (const auto& [t, n] : df) {
    if (n < kMinDf) continue;
    char line[48];
    std::snprintf(line, sizeof line, "%016" PRIx64 " %u\n", t, n);
    out << line;
    ++kept;
  }
  if (!out) {
    std::cerr << "cannot write " << out_path << "\n";
    return 1;
  }
  std::cout << "background: " << features.size() << " documents, " << kept << " terms kept of "
            << df.size() << "\n";
  return 0;
}
