// The example corpus replicated to N articles, shared by the benchmark drivers.
//
// Replica r of an article gets a fresh id, a publication time shifted by r x 30 days, and
// every capitalised word suffixed with three letters chosen by the word and the replica
// ("Korsholm" -> "Korsholmxvd"), so replicas
// are new events with new names rather than copies that dedup would fold away: each replica
// costs the full clean, analyze, dedup, cluster, align, digest and compare path.
// Only the corpus's dated articles are replicated (a replica stream moves forward in time).
#pragma once

#include <cctype>
#include <string>
#include <vector>

#include "parallax/article.h"
#include "parallax/pipeline.h"
#include "parallax/reader.h"
#include "util/hash.h"

namespace parallax_bench {

inline std::string Tag(size_t r) {
  std::string tag;
  do {
    tag += static_cast<char>('a' + r % 26);
    r /= 26;
  } while (r > 0);
  return "q" + tag;
}

inline std::string Retag(const std::string& text, const std::string& tag) {
  std::string out;
  out.reserve(text.size() + text.size() / 6);
  for (size_t i = 0; i < text.size();) {
    if (text[i] >= 'A' && text[i] <= 'Z' &&
        (i == 0 || !std::isalpha(static_cast<unsigned char>(text[i - 1])))) {
      size_t j = i;
      while (j < text.size() && std::isalpha(static_cast<unsigned char>(text[j]))) ++j;
      out.append(text, i, j - i);
      if (j - i >= 3) {
        // Three letters chosen by the word and the replica: one suffix shared by every name of
        // a replica would make its names near spellings of one another ("Ekdahlqb" /
        // "Eklundqb"), which the clusterer and the comparison read as one misspelled name.
        uint64_t h = parallax::Hash64(text.substr(i, j - i) + tag);
        for (int k = 0; k < 3; ++k, h /= 26) out += static_cast<char>('a' + h % 26);
      }
      i = j;
    } else {
      out += text[i++];
    }
  }
  return out;
}

// The dated articles of `corpus` replicated to `target` articles in replay order; `*bytes` is
// their text size, `*base_size` the dated articles of one replica. Empty when the corpus cannot
// be read in full.
inline std::vector<parallax::Article> ReplicatedCorpus(const std::string& corpus, size_t target,
                                                       size_t* bytes, size_t* base_size) {
  std::vector<parallax::Article> base;
  size_t rejected = 0;
  // Dated articles only: a replayed stream moves replicas forward in time, which an undated
  // article cannot follow (the four undated clippings are covered by the end-to-end tests).
  parallax::ReadInputs(
      {corpus}, {},
      [&](parallax::Article a) {
        if (a.published) base.push_back(std::move(a));
      },
      [&](const parallax::Rejection&) { ++rejected; });
  *bytes = 0;
  *base_size = base.size();
  if (base.empty() || rejected) return {};
  std::vector<parallax::Article> all;
  for (size_t r = 0; all.size() < target; ++r) {
    for (const auto& a : base) {
      if (all.size() >= target) break;
      parallax::Article x = a;
      std::string tag = Tag(r);
      x.id = a.id + "-" + tag;
      if (r > 0) {
        x.text = Retag(a.text, tag);
        x.title = Retag(a.title, tag);
      }
      x.published = *a.published + static_cast<int64_t>(r) * 30 * 86400;
      *bytes += x.text.size();
      all.push_back(std::move(x));
    }
  }
  parallax::SortForReplay(all);  // as `parallax digest` does
  return all;
}

}  // namespace parallax_bench
