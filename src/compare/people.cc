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

#include "compare/conflicts.h"
#include "compare/similarity.h"
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
    } else if (NearSpelling(a.words[i], b.words[i])) {
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
      s.docs.insert(d);
      s.mentions.emplace_back(d, e);
    }
  }
  return out;
}

// The roles given to the mentions of a group of spellings, per document.
std::map<uint32_t, std::vector<const RoleMention*>> RolesOf(const StoryView& view,
                                                             const std::vector<const Spelling*>& group) {
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
                  const std::map<uint32_t, std::vector<const RoleMention*>>& roles, ConflictSet* out) {
  // Corroboration: both spellings carry a role with the same head noun.
  std::map<std::string, std::set<const Spelling*>> heads;
  for (const Spelling* s : group) {
    for (uint32_t d : s->docs) {
      auto it = roles.find(d);
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
                    const std::map<uint32_t, std::vector<const RoleMention*>>& roles, ConflictSet* out) {
  // head -> rank key -> docs giving it
  std::map<std::string, std::map<std::string, std::set<uint32_t>>> by_head;
  for (const auto& [d, rs] : roles) {
    for (const RoleMention* r : rs) by_head[r->head][RankKey(*r)].insert(d);
  }
  for (const auto& [head, ranks] : by_head) {
    if (ranks.size() < 2) continue;
    // An article giving two ranks for one head contradicts itself or names two posts: skip.
    std::map<uint32_t, int> per_doc;
    for (const auto& [rank, docs] : ranks) {
      for (uint32_t d : docs) ++per_doc[d];
    }
    std::set<uint32_t> consistent;
    for (auto [d, n] : per_doc) {
      if (n == 1) consistent.insert(d);
    }
    std::string key = "title|" + group.front()->key + "|" + head;
    for (const auto& [d, rs] : roles) {
      if (!consistent.count(d)) continue;
      for (const RoleMention* r : rs) {
        if (r->head != head) continue;
        out->Add(key, ConflictKind::kTitle, group.front()->text, RankKey(*r), r->text, d, r->sentence, 0.8);
      }
    }
  }
}

}  // namespace

void FindPeopleConflicts(const StoryView& view, ConflictSet* out) {
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
