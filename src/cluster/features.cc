// Term extraction for clustering. Tested by features_test.cc.
#include "cluster/features.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <unordered_map>

#include "util/hash.h"

namespace parallax {
namespace {

constexpr float kTitleWeight = 2.0f;
constexpr float kLeadWeight = 1.5f;
constexpr float kEntityWeight = 1.5f;
constexpr size_t kLeadSentences = 3;
// Sentences of the body that count as the event's lead (after the title). Two: a dateline or
// a kicker often takes the first.
constexpr size_t kEventLeadSentences = 2;
constexpr bool kLeadNamesInTerms = true;

bool Content(const Word& w) { return !w.stop && w.kind == TokenKind::kWord && w.stem.size() >= 2; }

void AddWords(const std::vector<Word>& words, float weight,
              std::unordered_map<uint64_t, float>* tf) {
  for (const Word& w : words) {
    if (Content(w)) (*tf)[Hash64(w.stem)] += weight;
  }
}

TermWeights Sorted(const std::unordered_map<uint64_t, float>& counts, bool log_scale) {
  TermWeights out;
  out.reserve(counts.size());
  for (const auto& [term, count] : counts)
    out.emplace_back(term, log_scale ? 1.0f + std::log(count) : count);
  std::sort(out.begin(), out.end());
  return out;
}

// The entity key of a mention as the clusterer matches it: people by surname.
std::string_view MatchKey(const EntityMention& e) {
  std::string_view key = e.key;
  if (e.type == EntityType::kPerson) key = key.substr(key.rfind(' ') + 1);
  return key;
}

// Adds the content stems of `words` that are not inside an entity mention of sentence
// `sentence` to `lead`, and those mentions' keys to `names`.
void AddLead(const std::vector<Word>& words, uint32_t sentence,
             const std::vector<EntityMention>& entities,
             std::unordered_map<uint64_t, float>* lead, std::vector<uint64_t>* names) {
  std::vector<bool> named(words.size(), false);
  for (const EntityMention& e : entities) {
    if (e.sentence != sentence) continue;
    for (uint32_t i = e.first_word; i < e.last_word && i < words.size(); ++i) named[i] = true;
    names->push_back(EntityTerm(MatchKey(e)));
  }
  for (size_t i = 0; i < words.size(); ++i) {
    if ((kLeadNamesInTerms || !named[i]) && Content(words[i])) (*lead)[Hash64(words[i].stem)] = 1.0f;
  }
}

// A count or amount with what it counts ("23 pirates", "€2 million"), hashed.
uint64_t NumberKey(const NumberMention& n) {
  char value[32];
  std::snprintf(value, sizeof value, "%.6g", n.value);
  return Hash64(std::string(value) + ' ' + n.unit + ' ' + n.counted, /*seed=*/2);
}

// What it counts, without the value.
uint64_t NumberKind(const NumberMention& n) { return Hash64(n.unit + ' ' + n.counted, /*seed=*/3); }

// The weekday a date expression writes ("on Saturday", "Tuesday, 8 October"), as a bit.
uint8_t WeekdayBit(const DateMention& d) {
  int day = d.written_weekday >= 0                                           ? d.written_weekday
            : d.kind == DateMention::Kind::kWeekday && d.weekday >= 0 ? d.weekday
                                                                           : -1;
  return day >= 0 && day < 7 ? static_cast<uint8_t>(1u << day) : 0;
}

}  // namespace

uint64_t EntityTerm(std::string_view key) { return Hash64(key, /*seed=*/1); }

ArticleFeatures ComputeFeatures(const Document& doc) {
  std::unordered_map<uint64_t, float> tf, title, entities;
  std::unordered_map<std::string, float> surnames;
  AddWords(doc.title_words, kTitleWeight, &tf);
  for (const Word& w : doc.title_words) {
    if (Content(w)) title[Hash64(w.stem)] = 1.0f;
  }
  for (size_t i = 0; i < doc.sentences.size(); ++i) {
    AddWords(doc.sentences[i].words, i < kLeadSentences ? kLeadWeight : 1.0f, &tf);
  }
  for (const EntityMention& e : doc.entities) {
    if (e.key.find(' ') != std::string::npos) tf[EntityTerm(e.key)] += kEntityWeight;
    // A person is named in full once and by surname after ("Tove Lindqvist" ... "Lindqvist"): the
    // surname is the key that matches across mentions and articles.
    std::string_view key = MatchKey(e);
    uint64_t term = EntityTerm(key);
    entities[term] += 1.0f;
    if (e.type == EntityType::kPerson) surnames[std::string(key)] += 1.0f;
  }
  std::unordered_map<uint64_t, float> lead;
  std::vector<uint64_t> lead_names;
  if (doc.title) {
    for (uint32_t i = 0; i < doc.title->sentences.size(); ++i)
      AddLead(doc.title->sentences[i].words, i, doc.title->entities, &lead, &lead_names);
  }
  for (uint32_t i = 0; i < doc.sentences.size() && i < kEventLeadSentences; ++i) {
    AddLead(doc.sentences[i].words, i, doc.entities, &lead, &lead_names);
  }
  ArticleFeatures f;
  f.lead = Sorted(lead, /*log_scale=*/false);
  std::sort(lead_names.begin(), lead_names.end());
  lead_names.erase(std::unique(lead_names.begin(), lead_names.end()), lead_names.end());
  f.lead_names = std::move(lead_names);
  f.time = doc.article->published;
  f.headline_only = doc.sentences.empty();
  f.terms = Sorted(tf, /*log_scale=*/true);
  f.title = Sorted(title, /*log_scale=*/false);
  f.entities = Sorted(entities, /*log_scale=*/true);
  for (const auto& [name, count] : surnames) f.surnames.emplace_back(name, 1.0f + std::log(count));
  std::sort(f.surnames.begin(), f.surnames.end());
  for (const NumberMention& n : doc.numbers) {
    if (n.is_year) {
      f.years.push_back(static_cast<int16_t>(n.value));
    } else if (!n.counted.empty() || !n.unit.empty()) {
      f.numbers.push_back(NumberKey(n));
      if (n.sentence < kEventLeadSentences) f.lead_numbers.emplace_back(NumberKind(n), NumberKey(n));
    }
  }
  if (doc.title) {
    for (const NumberMention& n : doc.title->numbers) {
      if (n.is_year || (n.counted.empty() && n.unit.empty())) continue;
      f.lead_numbers.emplace_back(NumberKind(n), NumberKey(n));
    }
    for (const DateMention& d : doc.title->dates) f.lead_weekdays |= WeekdayBit(d);
  }
  for (const DateMention& d : doc.dates) {
    if (d.sentence < kEventLeadSentences) f.lead_weekdays |= WeekdayBit(d);
  }
  std::sort(f.lead_numbers.begin(), f.lead_numbers.end());
  f.lead_numbers.erase(std::unique(f.lead_numbers.begin(), f.lead_numbers.end()),
                       f.lead_numbers.end());
  std::sort(f.numbers.begin(), f.numbers.end());
  f.numbers.erase(std::unique(f.numbers.begin(), f.numbers.end()), f.numbers.end());
  for (const DateMention& d : doc.dates) {
    if (d.year >= 1900 && d.year <= 2100) f.years.push_back(static_cast<int16_t>(d.year));
  }
  std::sort(f.years.begin(), f.years.end());
  f.years.erase(std::unique(f.years.begin(), f.years.end()), f.years.end());
  return f;
}

}  // namespace parallax
