// Titles and roles attached to the people found by ExtractEntities.
//
// Two places hold a title: right before the name ("acting US envoy Abram Paley", "State
// Department Deputy Spokesman Vedant Patel", "harbour master Ole Drange", "US Secretary of
// State Mike Pompeo") and in an appositive after it ("Abram Paley, the acting US envoy for
// Iran", "Abram Paley, who is the US envoy for Iran", "Brett McGurk, President Joe Biden's top
// Middle East adviser" -> "top Middle East adviser"). A title is a head noun from a closed
// lexicon (lexicon.h), the modifiers before it (ranks, title words such as "foreign", and the
// organisations and places found as entities) and an optional "for X"/"of X" complement.
//
// `head` is the stem of the canonical head noun and `rank` the closed-list rank words, so
// "acting US envoy" and "US envoy" compare as one office held at different ranks, which is the
// distinction a fact-checker wants to see. Two role nouns in a row that are not one compound
// title ("IRGC commander General X") give two roles.
// Tested by roles_test.cc.
#include <algorithm>

#include "analyze/analyze.h"
#include "analyze/lexicon.h"
#include "text/stemmer.h"

namespace parallax {
namespace {

// Modifiers before a head noun ("State Department Deputy Spokesman" has 3 words before it).
constexpr uint32_t kMaxModifiers = 6;

bool IsDot(const Word& w) { return w.kind == TokenKind::kPunct && w.norm == "."; }

bool IsComma(const Word& w) { return w.kind == TokenKind::kPunct && w.norm == ","; }

// True when the name ending before word `i` closes its clause (", said", "said", ".").
bool EndsClause(const Sentence& s, uint32_t i) {
  if (i >= s.words.size()) return true;
  const Word& w = s.words[i];
  return (w.kind == TokenKind::kPunct && (w.norm == "," || w.norm == "." || w.norm == ";")) ||
         IsSpeechVerb(w.norm);
}

bool IsRoleNounWord(const Word& w) { return w.kind == TokenKind::kWord && IsRoleNoun(w.norm); }

// Stem of the canonical head noun. A compound title is one office: "Attorney General" is not
// "Major General"; "Detective" names a branch, not an office ("Detective Sergeant" is a
// sergeant).
std::string HeadOf(const Sentence& s, uint32_t begin, uint32_t head, std::string_view lang) {
  std::string stem = Stem(RoleHeadWord(s.words[head].norm), lang);
  if (head == begin) return stem;
  const std::string& before = s.words[head - 1].norm;
  if (!RankOf(before).empty() || before == "detective" ||
      !IsCompoundTitle(before, s.words[head].norm)) {
    return stem;
  }
  return Stem(RoleHeadWord(before), lang) + " " + stem;
}

// The closed-list ranks among the modifiers, folded, sorted and unique. The head itself gives
// a rank only through a prefix ("vice-president"), not as a word ("police chief").
std::vector<std::string> RanksOf(const Sentence& s, uint32_t begin, uint32_t head) {
  std::vector<std::string> ranks;
  for (uint32_t k = begin; k <= head; ++k) {
    const std::string& n = s.words[k].norm;
    if (k == head && n.find('-') == std::string::npos) break;
    std::string_view rank = RankOf(n);
    if (!rank.empty()) ranks.emplace_back(rank);
  }
  std::sort(ranks.begin(), ranks.end());
  ranks.erase(std::unique(ranks.begin(), ranks.end()), ranks.end());
  return ranks;
}

class RoleFinder {
 public:
  explicit RoleFinder(Document* doc);
  void FindFor(uint32_t entity);

 private:
  int EntityAt(uint32_t si, uint32_t word) const;
  bool IsModifier(uint32_t si, uint32_t word) const;
  uint32_t WalkBack(uint32_t si, uint32_t head, int* other_head) const;
  bool FindComplementHead(const Sentence& s, uint32_t last, uint32_t* head) const;
  void PreNameRoles(uint32_t entity);
  void AppositiveRole(uint32_t entity);
  bool CoversPerson(uint32_t si, uint32_t begin, uint32_t end) const;
  void Add(uint32_t entity, uint32_t si, uint32_t begin, uint32_t head, uint32_t end);

  Document* doc_;
  std::vector<uint32_t> first_entity_;  // per sentence, index of its first entity (+ sentinel)
};

RoleFinder::RoleFinder(Document* doc) : doc_(doc) { first_entity_ = FirstEntityPerSentence(*doc); }

// Index of the entity mention covering the word, or -1. A sentence's mentions are disjoint
// and in word order, so a binary search finds the only candidate.
int RoleFinder::EntityAt(uint32_t si, uint32_t word) const {
  auto first = doc_->entities.begin() + first_entity_[si];
  auto last = doc_->entities.begin() + first_entity_[si + 1];
  auto it = std::upper_bound(first, last, word,
                             [](uint32_t w, const EntityMention& m) { return w < m.first_word; });
  if (it == first) return -1;
  --it;
  return word < it->last_word ? static_cast<int>(it - doc_->entities.begin()) : -1;
}

// A word that can stand inside a title before its head: a rank, a title word, a nationality,
// or a capitalised organisation or place found as an entity ("US", "State Department").
bool RoleFinder::IsModifier(uint32_t si, uint32_t word) const {
  const Word& w = doc_->sentences[si].words[word];
  if (w.kind != TokenKind::kWord) return false;
  if (!RankOf(w.norm).empty() || IsRoleModifier(w.norm) || IsNameAdjective(w.norm)) return true;
  if (!w.upper_initial) return false;
  int e = EntityAt(si, word);
  return e >= 0 && doc_->entities[e].type != EntityType::kPerson;
}

// First word of the title whose head is `head`, walking back over modifiers. Stops at
// another role noun that does not compound with the title and returns it in `other_head`.
uint32_t RoleFinder::WalkBack(uint32_t si, uint32_t head, int* other_head) const {
  const Sentence& s = doc_->sentences[si];
  *other_head = -1;
  uint32_t begin = head;
  while (begin > 0 && head - begin < kMaxModifiers) {
    const Word& w = s.words[begin - 1];
    bool is_rank = !RankOf(w.norm).empty();
    if (!is_rank && IsRoleNounWord(w)) {
      if (!IsCompoundTitle(w.norm, s.words[begin].norm)) {
        *other_head = static_cast<int>(begin - 1);
        break;
      }
    } else if (!IsModifier(si, begin - 1)) {
      // A rank reaches over one plain noun modifier: "chief | shop steward", "acting | police
      // chief". Without it the rank would be lost and "steward" / "chief shop steward" would
      // look like two titles.
      const Word& before = begin >= 2 ? s.words[begin - 2] : w;
      if (begin >= 2 && !RankOf(before.norm).empty() && w.kind == TokenKind::kWord && !w.stop &&
          head - begin + 2 <= kMaxModifiers) {
        begin -= 2;
        continue;
      }
      break;
    }
    --begin;
  }
  return begin;
}

// "Secretary of State | Mike Pompeo": the name follows a complement. `last` is the word
// before the name; finds a role noun before an "of"/"for" within four capitalised words.
bool RoleFinder::FindComplementHead(const Sentence& s, uint32_t last, uint32_t* head) const {
  for (uint32_t k = last, steps = 0; k > 0 && steps < 5; --k, ++steps) {
    const Word& w = s.words[k];
    if (w.norm == "of" || w.norm == "for") {
      if (k == last || !IsRoleNounWord(s.words[k - 1])) return false;
      *head = k - 1;
      return true;
    }
    if (w.kind != TokenKind::kWord || (!w.upper_initial && w.norm != "the")) return false;
  }
  return false;
}

bool RoleFinder::CoversPerson(uint32_t si, uint32_t begin, uint32_t end) const {
  for (uint32_t k = begin; k < end; ++k) {
    int e = EntityAt(si, k);
    if (e >= 0 && doc_->entities[e].type == EntityType::kPerson) return true;
  }
  return false;
}

void RoleFinder::PreNameRoles(uint32_t entity) {
  const EntityMention& m = doc_->entities[entity];
  const Sentence& s = doc_->sentences[m.sentence];
  if (m.first_word == 0) return;
  uint32_t k = m.first_word - 1;
  // "Gen. Zahedi": the title is the abbreviation before the dot.
  if (IsDot(s.words[k]) && k > 0 && s.words[k - 1].end == s.words[k].begin) --k;
  // "its chief executive, Mette Holm, said": a title set off by commas.
  if (IsComma(s.words[k]) && k > 0 && IsRoleNounWord(s.words[k - 1]) &&
      EndsClause(s, m.last_word)) {
    --k;
  }
  uint32_t head = k, end = k + 1;
  if (!IsRoleNounWord(s.words[k])) {
    if (!FindComplementHead(s, k, &head)) return;
    end = k + 1;
  }
  if (CoversPerson(m.sentence, head, end)) return;
  int other = -1;
  uint32_t begin = WalkBack(m.sentence, head, &other);
  Add(entity, m.sentence, begin, head, end);
  if (other < 0) return;
  // "IRGC commander General X": a second title before the first.
  auto other_head = static_cast<uint32_t>(other);
  int none;
  uint32_t other_begin = WalkBack(m.sentence, other_head, &none);
  Add(entity, m.sentence, other_begin, other_head, other_head + 1);
}

void RoleFinder::AppositiveRole(uint32_t entity) {
  const EntityMention& m = doc_->entities[entity];
  const Sentence& s = doc_->sentences[m.sentence];
  RolePhrase phrase;
  if (m.last_word >= s.words.size() || !ParseAppositiveRole(s, m.last_word, &phrase)) return;
  if (CoversPerson(m.sentence, phrase.begin, phrase.end)) return;
  Add(entity, m.sentence, phrase.begin, phrase.head, phrase.end);
}

void RoleFinder::Add(uint32_t entity, uint32_t si, uint32_t begin, uint32_t head, uint32_t end) {
  const Sentence& s = doc_->sentences[si];
  RoleMention r;
  r.sentence = si;
  r.entity = entity;
  r.span = {s.words[begin].begin, s.words[end - 1].end};
  r.text = std::string(doc_->Text(r.span));
  r.head = HeadOf(s, begin, head, doc_->lang);
  r.rank = RanksOf(s, begin, head);
  doc_->roles.push_back(std::move(r));
}

void RoleFinder::FindFor(uint32_t entity) {
  if (doc_->entities[entity].type != EntityType::kPerson) return;
  PreNameRoles(entity);
  AppositiveRole(entity);
}

}  // namespace

void ExtractRoles(Document* doc) {
  doc->roles.clear();
  if (doc->article == nullptr) return;
  RoleFinder finder(doc);
  for (uint32_t i = 0; i < doc->entities.size(); ++i) finder.FindFor(i);
}

}  // namespace parallax
