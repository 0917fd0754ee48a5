// Concept-coverage digest. Tested by digest_test.cc.
//
// Selection follows Gillick & Favre's concept model (the ICSI summariser, 2009): a digest is
// worth the summed weight of the concepts it covers, each counted once, so repeating a fact
// adds nothing. Concepts are stem bigrams of adjacent words (what ROUGE-2 and readers both
// notice: "north pier", "pier destroy"), skipping bigrams of two stopwords. A concept's
// weight is the number of the story's independent articles using it (source agreement), plus a
// bonus for each article using it in its first sentences (news leads state the event); concepts
// used by fewer than `MinSupport` articles are one article's detail and weigh almost nothing.
// Source agreement also counts whole sentences: each fact of the aligner (the sentences of
// different articles that state one claim) is a concept too, weighing `kFactWeight` per article
// stating it, so a claim most outlets make outweighs a sentence that merely shares their words.
// The ILP of the original is replaced by the greedy density rule of Lin & Bilmes (2010), with a
// mild preference for sentences near the top of their article, followed by a swap local search
// on the coverage objective: on DUC 2004 an exact branch-and-bound optimum of the same objective
// scored lower (R-1 38.4 vs 38.9), the lead preference of the greedy start matters, and the
// local search costs a millisecond, not a solver.
//
// Readability rules: no questions (nor the answers right after them), list items, enumerations,
// fragments or run-ons; a sentence opening with a dangling reference ("He said...", "The
// move...") is taken only right after the sentence before it in its article, its antecedent; one
// with a bare definite subject ("The tunnel will stay shut") only when a title, the story's
// common words or an earlier digest sentence name it.
// The digest opens with the story's event (WeighLeadEvent): outlets state it in their leads, each
// in its own words, so the aligner leaves those leads apart and the coverage objective may prefer
// a quote two outlets print verbatim; when no picked lead says enough of what the other
// articles' headlines say, the best first-day lead is put in first and the rest picked around it.
// After the opener, reading order is the chronology of events: the day a sentence names (resolved
// dates), else the day its earliest source was published, then the position in the article.
//
// Attribution: each digest sentence is one source's own sentence (offsets kept) and lists every
// article whose sentence the aligner put in the same fact.
#include "digest/digest.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <optional>
#include <ranges>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "util/hash.h"

namespace parallax {
namespace {

// Sentences shorter than this are fragments ("Two were hurt."), longer ones run-ons or
// lists. On DUC 2004 a floor of 8 scored best of 6, 8 and 10 (by 0.1-0.3 ROUGE-2).
constexpr size_t kMinWords = 8;
constexpr size_t kMaxWords = 70;
// Lead bonus of a concept, per article, by the first sentence of the article using it: 1.5 in
// the first sentence, falling linearly to 0 at the fifth (1.5, 1.125, 0.75, 0.375). On DUC 2004
// this form scored R-1 39.00 / R-2 10.35 (before the definite-subject rule); decays over 3 or 5
// sentences, or a flat +1 over the first 2 or 3, scored R-1 38.8-39.0 / R-2 10.2-10.4 (the
// differences are within the noise of 49 clusters); no lead bonus scores R-1 37.97 / R-2 10.03.
constexpr double kLeadBonus = 1.5;
constexpr double kLeadSentences = 4;
// Weight of an aligned fact per article stating it, for facts stated by at least `MinSupport`
// articles (a bigram used by n articles weighs n plus its lead bonus). Fitted on DUC 2004 by a
// one-dimensional sweep with every other setting fixed, taken from the middle of the plateau:
// R-1 at 0 / 1 / 2 / 2.5 / 3 / 3.5 / 4 / 5 / 6 = 39.14 / 39.34 / 39.40 / 39.48 / 39.53 / 39.54 /
// 39.56 / 39.43 / 39.15 (R-2 10.3-10.7 throughout); both halves of the clusters (odd, even) gain
// about 0.5 R-1 over no fact weight. Too large a weight prefers short sentences of widely shared
// facts to informative ones.
constexpr double kFactWeight = 3;
// A sentence with more commas than this is an enumeration ("APEC groups Australia, Brunei,
// Canada, ..."): background boilerplate that wires repeat, so its words look agreed on. A
// readability rule first; on DUC 2004 (fact weight 3) R-1 is 39.42 without it and 39.47 / 39.53 /
// 39.36 / 39.36 for more than 3 / 4 / 5 / 6 commas.
constexpr size_t kListCommas = 4;
constexpr size_t kListItemWords = 5;
// Weight of a concept below the support threshold: a tie-breaker, so that small stories whose
// articles share little still get a digest.
constexpr double kDetailWeight = 0.01;
// Greedy gain multiplier for position: 1.5 for an article's first sentence, 1.0 for its last.
constexpr double kPositionPrior = 0.5;
// A digest opens with the story's event (see `WeighLeadEvent`): when the picked sentences include
// a first-day lead that says at least this share of what the best one says, that lead opens the
// digest; otherwise the best lead is put in and the rest picked around it. On DUC 2004, R-1 / R-2
// at 0.5 / 0.6 / 0.7 / 0.8 / 1.0: see docs/benchmarks.md; 0.6 keeps ROUGE where it was, a higher
// share forces the lead in more often, which costs ROUGE (1.0: R-1 about 39.0).
constexpr double kEventShare = 0.6;
// Headlines a lead is compared with, at most (about): every other article's in a story of up to
// this many articles, an even sample in a larger one (a --one-story run over a crawl), so the
// scoring stays linear in the number of articles rather than quadratic.
constexpr size_t kEventPeers = 64;
// Swap rounds of the local search (each round tries every picked-out x candidate-in pair).
constexpr int kMaxSwaps = 10;
// Candidates the swaps consider: the densest ones, so a huge story (a --one-story run over a
// crawl) costs the swaps a bounded time. A 10-article story has about 200, all considered.
constexpr size_t kSwapPool = 1000;

// Articles that must use a concept for it to count. Three of ten on DUC 2004 (as in ICSI's
// concept pruning); two for small stories, where two articles agreeing is already support.
double MinSupport(size_t articles) { return articles >= 6 ? 3 : articles >= 2 ? 2 : 1; }

// Event nouns that, after "The", point back to something told before ("The move came...").
bool IsAnaphoricNoun(std::string_view w) {
  static const std::unordered_set<std::string_view> kNouns = {
      "move",        "decision",  "step",      "announcement", "incident", "remarks",  "comments",
      "comment",     "statement", "measure",   "development",  "news",     "attack",   "action",
      "case",        "issue",     "latter",    "former",       "same",     "two",      "three",
      "pair",        "trio",      "group",     "man",          "woman",    "official", "spokesman",
      "spokeswoman", "victim",    "suspect",   "company",      "ruling",   "report",   "plan",
      "deal",        "proposal",  "request",   "offer",        "event",    "episode",  "latest",
      "find",        "finding",   "discovery", "verdict",      "setback",  "blow",     "pain"};
  return kNouns.count(w) > 0;
}

// True when one of the first three words is "later" or "earlier": a time counted from
// something told before ("Two minutes later, ...", "A day earlier the ...").
bool OpensWithRelativeTime(const Sentence& s) {
  size_t seen = 0;
  for (const Word& w : s.words) {
    if (w.kind == TokenKind::kPunct) continue;
    if (w.norm == "later" || w.norm == "earlier") return true;
    if (++seen == 3) return false;
  }
  return false;
}

// True when a short opening phrase is followed by a pronoun: "Outside the court, his lawyer
// said ...", "In a statement, it said ...". The pronoun points back past the phrase.
bool PronounAfterOpeningPhrase(const Sentence& s) {
  static const std::unordered_set<std::string_view> kPronouns = {
      "he", "she", "it", "they", "his", "her", "their", "its", "him", "them", "we", "our"};
  size_t seen = 0;
  for (size_t i = 0; i < s.words.size(); ++i) {
    if (s.words[i].norm == ",") {
      for (size_t j = i + 1; j < s.words.size(); ++j) {
        if (s.words[j].kind != TokenKind::kPunct)
          return seen > 0 && kPronouns.count(s.words[j].norm);
      }
      return false;
    }
    if (s.words[i].kind != TokenKind::kPunct && ++seen > 4) return false;
  }
  return false;
}

// True when the sentence opens with a reference to something said before it.
bool OpensWithDanglingReference(const Sentence& s) {
  if (OpensWithRelativeTime(s) || PronounAfterOpeningPhrase(s)) return true;
  static const std::unordered_set<std::string_view> kOpeners = {
      "he",        "she",        "it",           "they",        "his",     "her",     "their",
      "its",       "this",       "that",         "these",       "those",   "such",    "but",
      "and",       "also",       "however",      "meanwhile",   "still",   "yet",     "there",
      "so",        "then",       "him",          "them",        "both",    "neither", "instead",
      "otherwise", "moreover",   "nevertheless", "furthermore", "besides", "thus",    "hence",
      "later",     "afterwards", "earlier",      "another",     "other",   "others",  "we",
      "i",         "you",        "our",          "my"};
  size_t seen = 0;
  for (size_t i = 0; i < s.words.size(); ++i) {
    const Word& w = s.words[i];
    if (w.kind == TokenKind::kPunct) continue;  // an opening quote or dash
    if (seen++ == 0) {
      if (kOpeners.count(w.norm)) return true;
      if (w.norm != "the") return false;
      continue;
    }
    // "The move ...", "The decision came ...", but not "The decision to close the pier ..."
    if (!IsAnaphoricNoun(w.norm)) return false;
    for (size_t j = i + 1; j < s.words.size(); ++j) {
      if (s.words[j].kind == TokenKind::kPunct) continue;
      return s.words[j].norm != "of" && s.words[j].norm != "to";
    }
    return true;
  }
  return false;
}

// Stems of a bare common-noun subject: a sentence opening "The", one or two lowercase words and
// an auxiliary ("The plane will return", "The situation is worse") -> {plane}, {situation}.
// Such a subject is a definite reference the reader must have met before. Empty for anything
// else, notably subjects that identify themselves ("The wife of ...", "The rebel group Hamas",
// "The decision to close ...").
std::vector<std::string_view> DefiniteSubject(const Sentence& s) {
  static const std::unordered_set<std::string_view> kAuxiliaries = {
      "is",  "was", "are",   "were",   "will", "would", "has",  "had",     "have",    "could",
      "can", "may", "might", "should", "must", "did",   "does", "remains", "remained"};
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.words.size() && s.words[i].kind == TokenKind::kPunct) ++i;
  if (i >= s.words.size() || s.words[i].norm != "the") return {};
  for (++i; i < s.words.size(); ++i) {
    const Word& w = s.words[i];
    if (kAuxiliaries.count(w.norm)) return out;
    if (w.kind != TokenKind::kWord || w.upper_initial || w.stop || out.size() == 2) return {};
    out.push_back(w.stem);
  }
  return {};
}

// A list written as a sentence: more than `kListCommas` short items (at most `kListItemWords`
// words) between commas. Counting only short items keeps a wire lead whose dateline and
// appositions add commas ("ESTVIK, Valdmark, March 8 (Northline) – Nils Ekdahl, a former harbour
// pilot ..., won ..., defeating ...") from reading as a list.
bool IsEnumeration(const Sentence& s) {
  size_t items = 0, words = 0;
  for (const Word& w : s.words) {
    if (w.norm == ",") {
      items += words <= kListItemWords;
      words = 0;
    } else if (w.kind != TokenKind::kPunct) {
      ++words;
    }
  }
  items += words <= kListItemWords;
  return items > kListCommas;
}

bool IsQuestion(const Document& doc, const Sentence& s) {
  return doc.Text(s.span).find('?') != std::string_view::npos;
}

// A list item or heading rather than a sentence: opens with a bullet or dash, or does not end
// with a full stop or exclamation mark (closing quotes and brackets aside).
bool IsFragment(const Sentence& s) {
  static const std::unordered_set<std::string_view> kBullets = {
      "-", "\xE2\x80\x93" /* – */, "\xE2\x80\x94" /* — */, "\xE2\x80\xA2" /* • */, "*"};
  if (s.words.empty() || kBullets.count(s.words.front().norm)) return true;
  for (size_t i = s.words.size(); i-- > 0;) {  // from the end
    const Word& word = s.words[i];
    if (word.kind != TokenKind::kPunct) return word.norm.back() != '.';  // "U.S." ends a sentence
    if (word.norm == "." || word.norm == "!" || word.norm == "\xE2\x80\xA6") return false;
  }
  return true;
}

// Story-wide dense ids for concept hashes, so coverage counts live in plain vectors.
class ConceptIds {
 public:
  std::vector<uint32_t> Of(const Sentence& s) {
    std::vector<uint32_t> out;
    const Word* prev = nullptr;
    for (const Word& w : s.words) {
      if (w.kind == TokenKind::kPunct) continue;  // as ROUGE, bigrams run across punctuation
      if (prev != nullptr && !(prev->stop && w.stop)) {
        uint64_t h = HashCombine(Hash64(prev->stem), Hash64(w.stem));
        out.push_back(ids_.emplace(h, static_cast<uint32_t>(ids_.size())).first->second);
      }
      prev = &w;
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }
  size_t size() const { return ids_.size(); }

 private:
  std::unordered_map<uint64_t, uint32_t> ids_;
};

struct Candidate {
  SentenceRef ref;
  uint32_t fact = 0;
  std::vector<uint32_t> concepts;
  size_t words = 0;
  double prior = 1;     // position preference of the greedy start
  int antecedent = -1;  // candidate that must be picked first (a dangling opener's), or -1
  double event = 0;     // how far it states the story's event (WeighLeadEvent); 0 unless a lead
};

// Concepts and their weights for the story; every sentence's concept ids.
struct ConceptModel {
  std::vector<double> weight;                           // concept id -> weight
  std::vector<std::vector<std::vector<uint32_t>>> ids;  // [doc][sentence] -> concept ids
  uint32_t first_fact = 0;                              // concept id of the aligner's fact 0
};

ConceptModel Weigh(const std::vector<const Document*>& docs, const Alignment& alignment) {
  ConceptModel m;
  ConceptIds table;
  m.ids.resize(docs.size());
  for (size_t d = 0; d < docs.size(); ++d) {
    for (const Sentence& s : docs[d]->sentences) m.ids[d].push_back(table.Of(s));
  }
  std::vector<double> support(table.size(), 0), lead(table.size(), 0);
  std::vector<uint32_t> last_doc(table.size(), UINT32_MAX), last_lead(table.size(), UINT32_MAX);
  for (uint32_t d = 0; d < docs.size(); ++d) {
    for (uint32_t s = 0; s < m.ids[d].size(); ++s) {
      for (uint32_t c : m.ids[d][s]) {
        // In a one-article story, repetition within the article is the only signal.
        if (docs.size() == 1 || last_doc[c] != d) support[c] += 1;
        last_doc[c] = d;
        // Sentences come in order, so the first occurrence in an article has the largest bonus.
        if (s < kLeadSentences && last_lead[c] != d) {
          lead[c] += kLeadBonus * (1.0 - s / kLeadSentences);
          last_lead[c] = d;
        }
      }
    }
  }
  const double min_support = MinSupport(docs.size());
  m.weight.resize(table.size());
  for (size_t c = 0; c < table.size(); ++c) {
    m.weight[c] = support[c] >= min_support ? support[c] + lead[c] : kDetailWeight * support[c];
  }
  // Facts follow the bigrams, one concept each (alignment.facts[f] is concept first_fact + f).
  m.first_fact = static_cast<uint32_t>(table.size());
  for (const Fact& f : alignment.facts) {
    const auto articles = static_cast<double>(f.members.size());
    m.weight.push_back(articles >= min_support ? kFactWeight * articles : 0);
  }
  return m;
}

std::vector<Candidate> Candidates(const std::vector<const Document*>& docs,
                                  const Alignment& alignment, ConceptModel& model) {
  std::vector<Candidate> out;
  for (uint32_t d = 0; d < docs.size(); ++d) {
    const Document& doc = *docs[d];
    int previous = -1;  // candidate index of sentence s - 1 of this article, if it is one
    for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
      const Sentence& sentence = doc.sentences[s];
      const size_t words = BudgetWords(doc, sentence);
      int antecedent = -1;
      // An explainer's answer ("On April 1, once the result is confirmed.") needs its question,
      // and questions are never digest sentences.
      if (s > 0 && IsQuestion(doc, doc.sentences[s - 1])) {
        previous = -1;
        continue;
      }
      if (OpensWithDanglingReference(sentence)) {
        antecedent = previous;
        if (antecedent < 0) {
          previous = -1;
          continue;
        }
      }
      if (words < kMinWords || words > kMaxWords || IsQuestion(doc, sentence) ||
          IsFragment(sentence) || IsEnumeration(sentence)) {
        previous = -1;
        continue;
      }
      double rel = static_cast<double>(s) / static_cast<double>(doc.sentences.size());
      model.ids[d][s].push_back(model.first_fact + alignment.fact_of[d][s]);
      out.push_back({{d, s},
                     alignment.fact_of[d][s],
                     std::move(model.ids[d][s]),
                     words,
                     1.0 + kPositionPrior * (1.0 - rel),
                     antecedent});
      previous = static_cast<int>(out.size() - 1);
    }
  }
  return out;
}

// The story's event, as its articles' leads state it. A news article states its event in its
// first sentence, and the articles of one story report one event, each in its own words
// ("sentenced ... to three years and six months in prison" / "gets three and a half years"), so
// the aligner, which groups sentences stating one claim, often leaves the leads apart as
// one-article facts worth nothing, while a quote two outlets print verbatim is a fact of two; the
// coverage objective then prefers the quote, and a digest may never say what happened.
// A lead here is an article's first candidate sentence, among its first two, of an article
// published on the story's first day (later ones report what followed). Its `event` value is the
// mean, over the story's other articles, of the share of that article's headline (its title,
// else its first sentence) that the lead says: headline terms weighted as the aligner weighs
// them (rare in the story = specific), names left out, since every article of a story names its
// people and places and what happened shows in the other words and the numbers.

// The aligner's key of a word ("#49" for a number, the stem of a content word), or "".
std::string TermKey(const Word& w) {
  if (w.kind == TokenKind::kNumber) return "#" + std::string(w.norm);
  if (w.kind == TokenKind::kWord && !w.stop && w.stem.size() >= 2) return w.stem;
  return {};
}

// Each article's headline as aligner term ids: its title's terms, else its first sentence's, less
// the names (stems the story's sentences mostly capitalise after their first word, and entity
// keys). Every article of a story names its people and places; whether a lead says what the
// others' headlines say shows in the other words (what happened) and the numbers.
std::vector<std::vector<uint32_t>> Headlines(const std::vector<const Document*>& docs,
                                             const Alignment& alignment) {
  // Title keys -> term ids, in one pass over the story's terms.
  std::unordered_map<std::string, uint32_t> wanted;
  for (const Document* doc : docs) {
    for (const Word& w : doc->title_words) {
      if (std::string key = TermKey(w); !key.empty()) wanted.emplace(std::move(key), UINT32_MAX);
    }
  }
  for (uint32_t t = 0; t < alignment.terms.size() && !wanted.empty(); ++t) {
    if (auto it = wanted.find(alignment.terms[t]); it != wanted.end()) it->second = t;
  }
  std::vector<std::vector<uint32_t>> headline(docs.size());
  for (uint32_t d = 0; d < docs.size(); ++d) {
    for (const Word& w : docs[d]->title_words) {
      auto it = wanted.find(TermKey(w));
      if (it != wanted.end() && it->second != UINT32_MAX) headline[d].push_back(it->second);
    }
    if (headline[d].empty() && !alignment.vectors[d].empty()) {
      for (const auto& [t, w] : alignment.vectors[d][0]) headline[d].push_back(t);
    }
    std::sort(headline[d].begin(), headline[d].end());
    headline[d].erase(std::unique(headline[d].begin(), headline[d].end()), headline[d].end());
  }
  // Capitalised minus lowercase uses, inside sentences, of the headlines' stems only.
  std::unordered_map<std::string_view, int> capitalised;
  for (const auto& h : headline) {
    for (uint32_t t : h) capitalised.emplace(alignment.terms[t], 0);
  }
  for (const Document* doc : docs) {
    for (const Sentence& sentence : doc->sentences) {
      for (size_t i = 1; i < sentence.words.size(); ++i) {
        const Word& w = sentence.words[i];
        if (w.kind != TokenKind::kWord || w.stop) continue;
        if (auto it = capitalised.find(w.stem); it != capitalised.end())
          it->second += w.upper_initial ? 1 : -1;
      }
    }
  }
  for (auto& h : headline) {
    std::erase_if(h, [&](uint32_t t) {
      return alignment.terms[t].starts_with("e:") || capitalised[alignment.terms[t]] > 0;
    });
  }
  return headline;
}

// The publication day of the story's earliest dated article, if any is dated.
std::optional<int64_t> FirstDay(const std::vector<const Document*>& docs) {
  std::optional<int64_t> day;
  for (const Document* doc : docs) {
    const auto& published = doc->article->published;
    if (published) day = std::min(day.value_or(INT64_MAX), *published / 86400);
  }
  return day;
}

// Share of a headline's weight (term weights as the aligner's: log(1 + sentences / sentences
// using the term)) that sentence vector `v` says.
double HeadlineShare(const SentenceVector& v, const std::vector<uint32_t>& headline,
                     const std::vector<double>& df, double sentences) {
  double total = 0, said = 0;
  for (uint32_t t : headline) {
    const double w = std::log(1.0 + sentences / std::max(df[t], 1.0));
    total += w;
    const bool used =
        std::binary_search(v.begin(), v.end(), std::make_pair(t, 0.0f),
                           [](const auto& x, const auto& y) { return x.first < y.first; });
    said += used ? w : 0;
  }
  return total > 0 ? said / total : 0;
}

void WeighLeadEvent(const std::vector<const Document*>& docs, const Alignment& alignment,
                    std::vector<Candidate>& candidates) {
  if (docs.size() < 2) return;
  std::vector<double> df(alignment.terms.size(), 0);
  double sentences = 0;
  for (const auto& doc : alignment.vectors) {
    for (const SentenceVector& v : doc) {
      sentences += 1;
      for (const auto& [t, w] : v) df[t] += 1;
    }
  }
  const std::vector<std::vector<uint32_t>> headline = Headlines(docs, alignment);
  const std::optional<int64_t> first_day = FirstDay(docs);
  // Every other article's headline, or an even sample of `kEventPeers` of them in a huge story.
  const size_t step = std::max<size_t>(1, docs.size() / kEventPeers);
  std::vector<bool> seen(docs.size(), false);
  for (Candidate& c : candidates) {
    const uint32_t d = c.ref.doc;
    if (seen[d]) continue;  // candidates come in document order: this is d's first one
    seen[d] = true;
    const auto& published = docs[d]->article->published;
    const bool later = first_day && (!published || *published / 86400 != *first_day);
    if (c.ref.sentence > 1 || c.antecedent >= 0 || later) continue;
    double said = 0, peers = 0;
    for (size_t o = 0; o < docs.size(); o += step) {
      if (o == d) continue;
      said += HeadlineShare(alignment.Vector(c.ref), headline[o], df, sentences);
      peers += 1;
    }
    c.event = peers > 0 ? said / peers : 0;
  }
}

// A set of picked candidates with its coverage counts, within a word budget.
class Selection {
 public:
  Selection(const std::vector<Candidate>& c, const std::vector<double>& weight, size_t budget)
      : c_(c),
        weight_(weight),
        budget_(budget),
        count_(weight.size(), 0),
        in_(c.size(), false),
        banned_(c.size(), false) {
    pool_.resize(c.size());
    for (uint32_t i = 0; i < c.size(); ++i) pool_[i] = i;
    if (pool_.size() > kSwapPool) {
      std::vector<double> density(c.size());
      for (uint32_t i = 0; i < c.size(); ++i)
        density[i] = Gain(i) / static_cast<double>(c[i].words);
      std::nth_element(pool_.begin(), pool_.begin() + kSwapPool, pool_.end(),
                       [&](uint32_t a, uint32_t b) { return density[a] > density[b]; });
      pool_.resize(kSwapPool);
    }
  }

  const std::vector<uint32_t>& picked() const { return picked_; }

  // Picks candidate i for good: the swaps keep it.
  void Fix(size_t i) {
    Add(i);
    fixed_ = static_cast<int>(i);
  }

  // Whether candidate i can join: not in, room left, no sentence of its fact yet, antecedent in.
  bool CanAdd(size_t i, size_t freed_words = 0, int leaving = -1) const {
    const Candidate& x = c_[i];
    if (in_[i] || banned_[i] || used_ + x.words > budget_ + freed_words) return false;
    if (x.antecedent >= 0 && (!in_[x.antecedent] || x.antecedent == leaving)) return false;
    for (uint32_t p : picked_) {
      if (static_cast<int>(p) != leaving && c_[p].fact == x.fact) return false;
    }
    return true;
  }
  // Weight candidate i would add.
  double Gain(size_t i) const {
    double g = 0;
    for (uint32_t k : c_[i].concepts) g += count_[k] == 0 ? weight_[k] : 0;
    return g;
  }
  void Add(size_t i) {
    in_[i] = true;
    picked_.push_back(static_cast<uint32_t>(i));
    used_ += c_[i].words;
    for (uint32_t k : c_[i].concepts) ++count_[k];
  }
  void Remove(size_t i) {
    in_[i] = false;
    picked_.erase(std::find(picked_.begin(), picked_.end(), i));
    used_ -= c_[i].words;
    for (uint32_t k : c_[i].concepts) --count_[k];
  }
  // Takes candidate i and its dependents out, for good.
  void Ban(size_t i) {
    banned_[i] = true;
    for (uint32_t p : std::vector<uint32_t>(picked_)) {
      if (c_[p].antecedent == static_cast<int>(i)) Ban(p);
    }
    if (in_[i]) Remove(i);
  }
  bool HasDependent(size_t i) const {
    for (uint32_t p : picked_) {
      if (c_[p].antecedent == static_cast<int>(i)) return true;
    }
    return false;
  }

  // Greedy by gain x prior / words until nothing fits or adds.
  void Fill(bool use_prior) {
    while (true) {
      double best = 0;
      size_t pick = c_.size();
      for (size_t i = 0; i < c_.size(); ++i) {
        if (!CanAdd(i)) continue;
        double g = Gain(i) * (use_prior ? c_[i].prior : 1.0) / static_cast<double>(c_[i].words);
        if (g > best) {
          best = g;
          pick = i;
        }
      }
      if (pick == c_.size()) return;
      Add(pick);
    }
  }

  // One round of swaps: the (out, in) pair, "out" possibly none, that raises the covered weight
  // most; then a refill. Returns false when no swap helps.
  bool Improve() {
    double best = 1e-9;
    int best_out = -1;
    size_t best_in = c_.size();
    const std::vector<uint32_t> current = picked_;
    for (int o = -1; o < static_cast<int>(current.size()); ++o) {
      const int out = o < 0 ? -1 : static_cast<int>(current[o]);
      if (out >= 0 && (HasDependent(out) || out == fixed_)) continue;
      double lost = 0;  // what only `out` covered
      if (out >= 0) {
        Remove(out);
        lost = Gain(out);
      }
      for (uint32_t i : pool_) {
        if (static_cast<int>(i) == out || !CanAdd(i)) continue;
        double delta = Gain(i) - lost;
        if (delta > best) {
          best = delta;
          best_out = out;
          best_in = i;
        }
      }
      if (out >= 0) Add(out);
    }
    if (best_in == c_.size()) return false;
    if (best_out >= 0) Remove(best_out);
    Add(best_in);
    Fill(false);
    return true;
  }

 private:
  const std::vector<Candidate>& c_;
  const std::vector<double>& weight_;
  size_t budget_;
  size_t used_ = 0;
  int fixed_ = -1;  // candidate the swaps keep (the event sentence), or -1
  std::vector<uint32_t> count_;
  std::vector<bool> in_;
  std::vector<bool> banned_;  // left out for good (a definite subject the reader has not met)
  std::vector<uint32_t> picked_;
  std::vector<uint32_t> pool_;  // candidates the swaps consider
};

// The day a sentence's event happened: the earliest past day it names ("struck the bridge on
// Monday"; a future one, "will walk out from March 18", is a plan announced at publication),
// else the publication day of the earliest article stating it; nullopt when neither is known.
std::optional<int64_t> EventDay(const std::vector<const Document*>& docs,
                                const Alignment& alignment, const Candidate& c) {
  std::optional<int64_t> day;
  const Document& doc = *docs[c.ref.doc];
  if (doc.article->published) {
    const int64_t published = *doc.article->published / 86400;
    for (const DateMention& m : doc.dates) {
      if (m.sentence == c.ref.sentence && m.day && *m.day <= published)
        day = std::min(day.value_or(*m.day), *m.day);
    }
  }
  if (day) return day;
  for (const SentenceRef& r : alignment.facts[c.fact].members) {
    const auto& published = docs[r.doc]->article->published;
    if (published) day = std::min(day.value_or(INT64_MAX), *published / 86400);
  }
  return day;
}

// Reading order: chronology of events, leads first within a day; a dangling sentence right after
// its antecedent.
std::vector<uint32_t> ReadingOrder(const std::vector<const Document*>& docs,
                                   const Alignment& alignment, const std::vector<Candidate>& c,
                                   const std::vector<uint32_t>& picked, int opener) {
  struct Key {
    int64_t day;
    double position;
    int64_t published;
    bool operator<(const Key& o) const {
      return std::tie(day, position, published) < std::tie(o.day, o.position, o.published);
    }
  };
  auto key = [&](uint32_t i) {
    const Document& d = *docs[c[i].ref.doc];
    return Key{EventDay(docs, alignment, c[i]).value_or(INT64_MAX),
               static_cast<double>(c[i].ref.sentence) / static_cast<double>(d.sentences.size()),
               d.article->published.value_or(INT64_MAX)};
  };
  std::vector<uint32_t> roots;
  for (uint32_t i : picked) {
    if (c[i].antecedent < 0) roots.push_back(i);
  }
  // The event sentence opens the digest, as a news story's lead opens it; then chronology.
  std::stable_sort(roots.begin(), roots.end(), [&](uint32_t a, uint32_t b) {
    return std::make_pair(static_cast<int>(a) != opener, key(a)) <
           std::make_pair(static_cast<int>(b) != opener, key(b));
  });
  std::vector<uint32_t> out;
  for (uint32_t r : roots) {
    // Follow the chain of dependents: each one's antecedent is the sentence just placed.
    for (int at = static_cast<int>(r); at >= 0;) {
      out.push_back(static_cast<uint32_t>(at));
      int next = -1;
      for (uint32_t p : picked) {
        if (c[p].antecedent == at) next = static_cast<int>(p);
      }
      at = next;
    }
  }
  return out;
}

// Whether most of a story's articles use the stem: the story's own subject needs no
// introduction ("The storm" in a story about one storm).
bool IsStoryWord(const std::vector<const Document*>& docs, std::string_view stem) {
  if (docs.size() < 2) return false;
  size_t using_it = 0;
  for (const Document* d : docs) {
    bool found = false;
    for (size_t s = 0; s < d->sentences.size() && !found; ++s) {
      for (const Word& w : d->sentences[s].words) found = found || w.stem == stem;
    }
    using_it += found;
  }
  return 2 * using_it > docs.size();
}

// Digest sentences, in reading order, whose definite subject ("The plane ...") the reader has
// not met: no word of it in a story title or an earlier digest sentence.
std::vector<uint32_t> UnmetSubjects(const std::vector<const Document*>& docs,
                                    const std::vector<Candidate>& c,
                                    const std::vector<uint32_t>& order) {
  std::unordered_set<std::string_view> known;
  for (const Document* d : docs) {
    for (const Word& w : d->title_words) known.insert(w.stem);
  }
  std::vector<uint32_t> unmet;
  for (uint32_t i : order) {
    const Sentence& s = docs[c[i].ref.doc]->sentences[c[i].ref.sentence];
    std::vector<std::string_view> subject = DefiniteSubject(s);
    bool met = subject.empty() || c[i].antecedent >= 0;
    for (std::string_view stem : subject) met = met || known.count(stem) || IsStoryWord(docs, stem);
    if (!met) unmet.push_back(i);
    for (const Word& w : s.words) known.insert(w.stem);
  }
  return unmet;
}

// The lead that states the story's event best (largest `event`, the earliest on ties) and fits
// the budget, among `among` if given, else among all candidates; -1 if none.
int EventSentence(const std::vector<Candidate>& c, size_t budget,
                  std::optional<std::vector<uint32_t>> among = std::nullopt) {
  if (!among) {
    among.emplace(c.size());
    for (uint32_t i = 0; i < c.size(); ++i) (*among)[i] = i;
  }
  int best = -1;
  for (uint32_t i : *among) {
    if (c[i].event > 0 && c[i].words <= budget && (best < 0 || c[i].event > c[best].event))
      best = static_cast<int>(i);
  }
  return best;
}

}  // namespace

size_t BudgetWords(const Document& doc, const Sentence& s) { return CountWords(doc.Text(s.span)); }

std::vector<Statement> BuildDigest(const std::vector<const Document*>& docs,
                                   const Alignment& alignment, const DigestOptions& options) {
  ConceptModel model = Weigh(docs, alignment);
  std::vector<Candidate> candidates = Candidates(docs, alignment, model);
  WeighLeadEvent(docs, alignment, candidates);
  // Greedy start and swaps, with `fixed` (if >= 0) picked first and kept.
  auto select = [&](int fixed) {
    auto sel = std::make_unique<Selection>(candidates, model.weight, options.words);
    if (fixed >= 0) sel->Fix(fixed);
    sel->Fill(/*use_prior=*/true);
    for (int round = 0; round < kMaxSwaps && sel->Improve(); ++round) {
    }
    return sel;
  };
  std::unique_ptr<Selection> sel = select(-1);
  // The digest opens with the story's event: a picked lead that says enough of it, else the best
  // lead, put in first (a second selection: one more greedy pass and its swaps).
  int opener = EventSentence(candidates, options.words);
  if (opener >= 0) {
    const int picked = EventSentence(candidates, options.words, sel->picked());
    if (picked >= 0 && candidates[picked].event >= kEventShare * candidates[opener].event) {
      opener = picked;
    } else {
      sel = select(opener);
    }
  }
  Selection& selection = *sel;
  std::vector<uint32_t> order =
      ReadingOrder(docs, alignment, candidates, selection.picked(), opener);
  for (int round = 0; round < kMaxSwaps; ++round) {
    std::vector<uint32_t> unmet = UnmetSubjects(docs, candidates, order);
    if (unmet.empty()) break;
    for (uint32_t i : unmet) selection.Ban(i);
    selection.Fill(/*use_prior=*/false);
    order = ReadingOrder(docs, alignment, candidates, selection.picked(), opener);
  }
  std::vector<Statement> digest;
  for (uint32_t i : order) {
    // The picked sentence is the statement's text; its fact's other members are its sources too.
    Fact fact = alignment.facts[candidates[i].fact];
    std::stable_partition(fact.members.begin(), fact.members.end(),
                          [&](const SentenceRef& r) { return r == candidates[i].ref; });
    digest.push_back(MakeStatement(docs, fact));
  }
  return digest;
}

}  // namespace parallax
