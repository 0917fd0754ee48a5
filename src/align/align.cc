// Greedy cross-article sentence alignment. Tested by align_test.cc.
#include "align/align.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <unordered_set>

namespace parallax {
namespace {

class TermTable {
 public:
  uint32_t Id(const std::string& term) {
    auto [it, inserted] = ids_.emplace(term, static_cast<uint32_t>(terms_.size()));
    if (inserted) terms_.push_back(term);
    return it->second;
  }
  std::vector<std::string> Release() { return std::move(terms_); }

 private:
  std::unordered_map<std::string, uint32_t> ids_;
  std::vector<std::string> terms_;
};

// Term ids of one sentence: content stems, numbers, and the entity keys it mentions.
std::vector<uint32_t> SentenceTerms(const Document& doc, uint32_t si, TermTable* table) {
  std::vector<uint32_t> ids;
  for (const Word& w : doc.sentences[si].words) {
    if (w.kind == TokenKind::kNumber) {
      ids.push_back(table->Id("#" + w.norm));
    } else if (w.kind == TokenKind::kWord && !w.stop && w.stem.size() >= 2) {
      ids.push_back(table->Id(w.stem));
    }
  }
  for (const EntityMention& e : doc.entities) {
    if (e.sentence == si && e.key.find(' ') != std::string::npos)
      ids.push_back(table->Id("e:" + e.key));
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

SentenceVector Weigh(const std::vector<uint32_t>& ids, const std::vector<uint32_t>& df,
                     double sentences) {
  SentenceVector v;
  double norm = 0;
  for (uint32_t id : ids) {
    auto w = static_cast<float>(std::log(1.0 + sentences / df[id]));
    v.emplace_back(id, w);
    norm += static_cast<double>(w) * w;
  }
  norm = std::sqrt(norm);
  for (auto& [id, w] : v) w = static_cast<float>(w / std::max(norm, 1e-9));
  return v;
}

}  // namespace

size_t ContentWords(const Sentence& s) {
  size_t n = 0;
  for (const Word& w : s.words)
    n += (w.kind == TokenKind::kWord && !w.stop) || w.kind == TokenKind::kNumber;
  return n;
}

double Cosine(const SentenceVector& a, const SentenceVector& b) {
  double dot = 0;
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i].first == b[j].first) {
      dot += static_cast<double>(a[i++].second) * b[j++].second;
    } else if (a[i].first < b[j].first) {
      ++i;
    } else {
      ++j;
    }
  }
  return dot;
}

Statement MakeStatement(const std::vector<const Document*>& docs, const Fact& fact) {
  Statement st;
  for (const SentenceRef& m : fact.members) {
    const Document& d = *docs[m.doc];
    const Sentence& s = d.sentences[m.sentence];
    if (st.text.empty()) st.text = std::string(d.Text(s.span));
    st.sources.push_back(d.article->id);
    st.evidence.push_back({d.article->id, m.sentence, s.span.begin, s.span.end});
  }
  return st;
}

Alignment Align(const std::vector<const Document*>& docs, const AlignOptions& options) {
  Alignment out;
  TermTable table;
  // 1. Terms per sentence, and their document and sentence frequencies in the story.
  std::vector<std::vector<std::vector<uint32_t>>> ids(docs.size());
  std::vector<uint32_t> sentence_df;
  double sentences = 0;
  out.content_terms.resize(docs.size());
  for (size_t d = 0; d < docs.size(); ++d) {
    for (uint32_t s = 0; s < docs[d]->sentences.size(); ++s) {
      ids[d].push_back(SentenceTerms(*docs[d], s, &table));
      for (uint32_t id : ids[d].back()) {
        if (id >= sentence_df.size()) sentence_df.resize(id + 1, 0);
        ++sentence_df[id];
        out.content_terms[d].push_back(id);
      }
      ++sentences;
    }
    auto& ct = out.content_terms[d];
    std::sort(ct.begin(), ct.end());
    ct.erase(std::unique(ct.begin(), ct.end()), ct.end());
  }
  out.terms = table.Release();
  out.term_docs.assign(out.terms.size(), 0);
  for (const auto& ct : out.content_terms) {
    for (uint32_t id : ct) ++out.term_docs[id];
  }
  // 2. Vectors.
  out.vectors.resize(docs.size());
  for (size_t d = 0; d < docs.size(); ++d) {
    for (const auto& sid : ids[d]) out.vectors[d].push_back(Weigh(sid, sentence_df, sentences));
  }
  // 3. Greedy assignment with a term -> facts index for candidates.
  std::unordered_map<uint32_t, std::vector<uint32_t>> facts_with_term;
  out.fact_of.resize(docs.size());
  for (uint32_t d = 0; d < docs.size(); ++d) {
    out.fact_of[d].assign(docs[d]->sentences.size(), 0);
    for (uint32_t s = 0; s < docs[d]->sentences.size(); ++s) {
      const SentenceVector& v = out.vectors[d][s];
      std::unordered_set<uint32_t> seen;
      uint32_t best = 0;
      double best_sim = options.threshold;
      bool found = false;
      for (const auto& [term, w] : v) {
        auto it = facts_with_term.find(term);
        if (it == facts_with_term.end()) continue;
        for (uint32_t f : it->second) {
          if (!seen.insert(f).second) continue;
          const Fact& fact = out.facts[f];
          if (fact.members.back().doc == d) continue;  // one sentence per article
          for (const SentenceRef& m : fact.members) {
            double sim = Cosine(v, out.Vector(m));
            if (sim >= best_sim) {
              best_sim = sim;
              best = f;
              found = true;
            }
          }
        }
      }
      if (!found) {
        best = static_cast<uint32_t>(out.facts.size());
        out.facts.emplace_back();
      }
      out.facts[best].members.push_back({d, s});
      out.fact_of[d][s] = best;
      for (const auto& [term, w] : v) {
        auto& list = facts_with_term[term];
        if (list.empty() || list.back() != best) list.push_back(best);
      }
    }
  }
  return out;
}

}  // namespace parallax
