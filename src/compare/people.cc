// Name and title conflicts.
//
// Names: every multi-word person mention is a spelling (its folded words). Two spellings of the
// same length are one person written two ways when every word is identical or a near spelling
// (similarity.h), at least one word is identical and one differs, and no single article uses
// both (an article naming "Anna Kvist" and "Erik Kvist" is naming two people). Spellings are
// grouped with union-find so three outlets' variants make one conflict.
// Titles: roles attached to one person (any spelling of the group) with the same head noun but
// different rank modifiers ("acting US envoy" / "US envoy"), where neither article also gives
// the other's rank. Tested by compare_test.cc.
#include <algorithm>
#include <map>
#include <numeric>
#include <set>
#include <sstream>
#include <tuple>
#include <unordered_map>

#include "analyze/lexicon.h"
#include "compare/conflicts.h"
#include "text/similarity.h"
#include "text/utf8.h"
#include "util/strings.h"

namespace parallax {
namespace {

struct Spelling {
  std::string key;                 // folded words joined by ' '
  std::vector<std::string> words;  // folded words
  std::string text;                // as first written
  std::set<uint32_t> docs;
  std::vector<std::pair<uint32_t, uint32_t>> mentions;  // (doc, entity index)
};

std::vector<std::string> SplitWords(const std::string& key) {
  std::vector<std::string> out;
  std::istringstream in(key);
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

bool SamePersonSpelledTwoWays(const Spelling& a, const Spelling& b) {
  if (a.words.size() != b.words.size()) return false;
  size_t same = 0, near = 0;
  for (size_t i = 0; i < a.words.size(); ++i) {
    if (a.words[i] == b.words[i]) {
      ++same;
    } else if (Respelled(a.words[i], b.words[i])) {
      ++near;
    } else {
      return false;
    }
  }
  if (same == 0 || near == 0) return false;
  for (uint32_t d : a.docs) {
    if (b.docs.count(d)) return false;
  }
  return true;
}

struct UnionFind {
  std::vector<size_t> parent;
  explicit UnionFind(size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
  size_t Find(size_t x) { return parent[x] == x ? x : parent[x] = Find(parent[x]); }
  void Join(size_t a, size_t b) { parent[Find(a)] = Find(b); }
};

std::vector<Spelling> CollectSpellings(const StoryView& view) {
  std::map<std::string, size_t> index;
  std::vector<Spelling> out;
  for (uint32_t d = 0; d < view.docs.size(); ++d) {
    const auto& entities = view.docs[d]->entities;
    for (uint32_t e = 0; e < entities.size(); ++e) {
      const EntityMention& m = entities[e];
      if (m.type != EntityType::kPerson || m.key.find(' ') == std::string::npos) continue;
      auto [it, inserted] = index.try_emplace(m.key, out.size());
      if (inserted) out.push_back({m.key, SplitWords(m.key), m.text, {}, {}});
      Spelling& s = out[it->second];
      s.docs.insert(view.article_of[d]);
      s.mentions.emplace_back(d, e);
    }
  }
  return out;
}

// The roles given to the mentions of a group of spellings, per document.
std::map<uint32_t, std::vector<const RoleMention*>> RolesOf(
    const StoryView& view, const std::vector<const Spelling*>& group) {
  std::set<std::pair<uint32_t, uint32_t>> mentions;
  for (const Spelling* s : group) mentions.insert(s->mentions.begin(), s->mentions.end());
  std::map<uint32_t, std::vector<const RoleMention*>> out;
  for (uint32_t d = 0; d < view.docs.size(); ++d) {
    for (const RoleMention& r : view.docs[d]->roles) {
      if (mentions.count({d, r.entity})) out[d].push_back(&r);
    }
  }
  return out;
}

std::string RankKey(const RoleMention& r) { return Join(r.rank, " "); }

std::string FirstRoleWithHead(const std::map<uint32_t, std::vector<const RoleMention*>>& roles,
                              const std::string& head) {
  for (const auto& [d, rs] : roles) {
    for (const RoleMention* r : rs) {
      if (r->head == head) return r->text;
    }
  }
  return head;
}

void NameConflict(const StoryView& view, const std::vector<const Spelling*>& group,
                  const std::map<uint32_t, std::vector<const RoleMention*>>& roles,
                  ConflictSet* out) {
  // Corroboration: both spellings carry a role with the same head noun.
  std::map<std::string, std::set<const Spelling*>> heads;
  for (const Spelling* s : group) {
    std::set<uint32_t> units;
    for (auto [u, e] : s->mentions) units.insert(u);
    for (uint32_t u : units) {
      auto it = roles.find(u);
      if (it == roles.end()) continue;
      for (const RoleMention* r : it->second) heads[r->head].insert(s);
    }
  }
  // Subject: the shared role ("State Department Deputy Spokesman") or the shared word.
  double confidence = 0.7;
  const std::string& first = group.front()->text;
  std::string subject = first.substr(first.rfind(' ') + 1);
  for (const auto& [head, spellings] : heads) {
    if (spellings.size() < 2) continue;
    confidence = 0.9;
    subject = FirstRoleWithHead(roles, head);
    break;
  }
  std::string key = "name|" + group.front()->key;
  for (const Spelling* s : group) {
    for (auto [d, e] : s->mentions) {
      const EntityMention& m = view.docs[d]->entities[e];
      out->Add(key, ConflictKind::kName, subject, s->key, s->text, d, m.sentence, confidence);
    }
  }
}

void TitleConflicts(const StoryView& view, const std::vector<const Spelling*>& group,
                    const std::map<uint32_t, std::vector<const RoleMention*>>& roles,
                    ConflictSet* out) {
  // head -> rank key -> docs giving it
  std::map<std::string, std::map<std::string, std::set<uint32_t>>> by_head;
  for (const auto& [d, rs] : roles) {
    for (const RoleMention* r : rs) by_head[r->head][RankKey(*r)].insert(d);
  }
  for (const auto& [head, ranks] : by_head) {
    if (ranks.size() < 2) continue;
    // An article giving two ranks for one head contradicts itself or names two posts: skip.
    std::map<uint32_t, std::set<std::string>> per_article;
    for (const auto& [rank, docs] : ranks) {
      for (uint32_t d : docs) per_article[view.article_of[d]].insert(rank);
    }
    std::string key = "title|" + group.front()->key + "|" + head;
    for (const auto& [d, rs] : roles) {
      if (per_article[view.article_of[d]].size() != 1) continue;
      for (const RoleMention* r : rs) {
        if (r->head != head) continue;
        out->Add(key, ConflictKind::kTitle, group.front()->text, RankKey(*r), r->text, d,
                 r->sentence, 0.8);
      }
    }
  }
}

// ---- name words spelled two ways ----
//
// Entity runs are cut wrongly often enough in scraped news ("Quarterback Peyton Manning",
// "Los Angeles Angels GM Tony Reagans") that names are also compared word by word: a
// capitalised word one article writes and another article writes as a near spelling, where no
// article writes both, is one name spelled two ways when the two are used the same way: with
// the same neighbouring name word ("Peyton Manning" / "Peyton Mannang"), or in aligned
// sentences (the same claim). Places, months, weekdays, nationality adjectives and role words
// are left out ("Iran" / "Iraq", "Austrian" / "Australian").

struct NameWord {
  std::set<uint32_t> articles;
  // (unit, sentence, word index) of each capitalised use.
  std::vector<std::tuple<uint32_t, uint32_t, uint32_t>> uses;
  std::set<std::string> neighbours;  // capitalised words next to it, folded
  bool lowercase = false;            // also used as an ordinary word somewhere in the story
};

bool CandidateNameWord(const Word& w) {
  return w.kind == TokenKind::kWord && w.upper_initial && !w.all_upper && w.norm.size() >= 4 &&
         !w.stop && MonthNumber(w.norm) == 0 && WeekdayNumber(w.norm) < 0 && !IsPlaceName(w.norm) &&
         !IsNameAdjective(w.norm) && !IsRoleNoun(w.norm) && RankOf(w.norm).empty() &&
         !IsHonorific(w.norm) && !IsOrgKeyword(w.norm) && !IsPlaceKeyword(w.norm);
}

std::unordered_map<std::string, NameWord> CollectNameWords(const StoryView& view) {
  std::unordered_map<std::string, NameWord> out;
  for (uint32_t u = 0; u < view.docs.size(); ++u) {
    const Document& d = *view.docs[u];
    for (uint32_t si = 0; si < d.sentences.size(); ++si) {
      const auto& words = d.sentences[si].words;
      for (uint32_t i = 0; i < words.size(); ++i) {
        const Word& w = words[i];
        if (!CandidateNameWord(w)) continue;
        NameWord& n = out[w.norm];
        n.articles.insert(view.article_of[u]);
        n.uses.emplace_back(u, si, i);
        for (uint32_t j : {i - 1, i + 1}) {
          if (j < words.size() && words[j].kind == TokenKind::kWord && words[j].upper_initial) {
            n.neighbours.insert(words[j].norm);
          }
        }
      }
    }
  }
  // Second pass, lookups only: which candidates are also ordinary lowercase words.
  for (const Document* d : view.docs) {
    for (const Sentence& s : d->sentences) {
      for (const Word& w : s.words) {
        if (w.kind != TokenKind::kWord || w.upper_initial) continue;
        if (auto it = out.find(w.norm); it != out.end()) it->second.lowercase = true;
      }
    }
  }
  return out;
}

// "Manning" / "Mannang", "Gurbanguly" / "Gurbanguli": near spellings of close length, not a
// plural or possessive of one another ("Angel" / "Angels").
bool NearNameWords(const std::string& a, const std::string& b) {
  size_t la = a.size(), lb = b.size();
  if (la + 1 < lb || lb + 1 < la) return false;
  const std::string& shorter = la < lb ? a : b;
  const std::string& longer = la < lb ? b : a;
  if (la != lb && longer.compare(0, shorter.size(), shorter) == 0) return false;
  return EditDistance(a, b) <= 2 && Respelled(a, b);
}

bool Disjoint(const std::set<uint32_t>& a, const std::set<uint32_t>& b) {
  for (uint32_t x : a) {
    if (b.count(x)) return false;
  }
  return true;
}

bool SharedNeighbour(const NameWord& a, const NameWord& b) {
  for (const std::string& n : a.neighbours) {
    if (b.neighbours.count(n)) return true;
  }
  return false;
}

bool AlignedUse(const StoryView& view, const NameWord& a, const NameWord& b) {
  for (auto [ua, sa, ia] : a.uses) {
    for (auto [ub, sb, ib] : b.uses) {
      if (view.alignment.fact_of[ua][sa] == view.alignment.fact_of[ub][sb]) return true;
    }
  }
  return false;
}

// The name as written around a use: the word with its capitalised neighbours that both
// spellings share ("Peyton Mannang"), else the word alone.
std::string NameAround(const StoryView& view, const NameWord& n, const NameWord& other,
                       std::tuple<uint32_t, uint32_t, uint32_t> use) {
  auto [u, si, i] = use;
  const Document& d = *view.docs[u];
  const auto& words = d.sentences[si].words;
  uint32_t begin = i, end = i + 1;
  if (i > 0 && other.neighbours.count(words[i - 1].norm) && words[i - 1].upper_initial)
    begin = i - 1;
  if (i + 1 < words.size() && other.neighbours.count(words[i + 1].norm) &&
      words[i + 1].upper_initial)
    end = i + 2;
  (void)n;
  return d.article->text.substr(words[begin].begin, words[end - 1].end - words[begin].begin);
}

void NameWordConflicts(const StoryView& view, ConflictSet* out) {
  std::unordered_map<std::string, NameWord> names = CollectNameWords(view);
  // Candidates are blocked by first letter (a respelling keeps it; "Kristoffer" /
  // "Christoffer" is left to the entity-level comparison), so the cost is not quadratic in the
  // story's vocabulary.
  std::map<char, std::vector<const std::pair<const std::string, NameWord>*>> by_letter;
  for (const auto& entry : names) by_letter[entry.first[0]].push_back(&entry);
  for (auto& [letter, list] : by_letter) {
    // By length (then spelling, for a deterministic order), so each word meets only the words
    // one letter longer or shorter.
    std::sort(list.begin(), list.end(), [](auto* x, auto* y) {
      return x->first.size() != y->first.size() ? x->first.size() < y->first.size()
                                                : x->first < y->first;
    });
    for (size_t i = 0; i < list.size(); ++i) {
      for (size_t j = i + 1; j < list.size() && list[j]->first.size() <= list[i]->first.size() + 1;
           ++j) {
        const auto& [xa, a] = *list[i];
        const auto& [xb, b] = *list[j];
        if (!Disjoint(a.articles, b.articles) || !NearNameWords(xa, xb)) continue;
        bool neighbour = SharedNeighbour(a, b);
        // An ordinary word ("Read", "Bash") needs a shared name word to be read as a name.
        bool aligned = !a.lowercase && !b.lowercase && AlignedUse(view, a, b);
        if (!neighbour && !aligned) continue;
        double confidence = neighbour ? 0.85 : 0.7;
        std::string key = "name|";
        key.append(xa < xb ? xa : xb).append("|").append(xa < xb ? xb : xa);
        std::string subject = NameAround(view, a, b, a.uses.front());
        for (const NameWord* n : {&a, &b}) {
          const NameWord& other = n == &a ? b : a;
          const std::string& norm = n == &a ? xa : xb;
          std::set<uint32_t> seen;
          for (auto use : n->uses) {
            auto [u, si, wi] = use;
            if (!seen.insert(view.article_of[u]).second) continue;
            out->Add(key, ConflictKind::kName, subject, norm, NameAround(view, *n, other, use), u,
                     si, confidence);
          }
        }
      }
    }
  }
}

}  // namespace

bool Respelled(const std::string& a, const std::string& b) {
  return NearSpelling(a, b) && FoldAccents(a) != FoldAccents(b);
}

void FindPeopleConflicts(const StoryView& view, ConflictSet* out) {
  NameWordConflicts(view, out);
  std::vector<Spelling> spellings = CollectSpellings(view);
  UnionFind uf(spellings.size());
  for (size_t i = 0; i < spellings.size(); ++i) {
    for (size_t j = i + 1; j < spellings.size(); ++j) {
      if (SamePersonSpelledTwoWays(spellings[i], spellings[j])) uf.Join(i, j);
    }
  }
  std::map<size_t, std::vector<const Spelling*>> groups;
  for (size_t i = 0; i < spellings.size(); ++i) groups[uf.Find(i)].push_back(&spellings[i]);
  for (const auto& [root, group] : groups) {
    auto roles = RolesOf(view, group);
    if (group.size() >= 2) NameConflict(view, group, roles, out);
    TitleConflicts(view, group, roles, out);
  }
}

}  // namespace parallax
