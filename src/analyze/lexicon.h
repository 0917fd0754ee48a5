// Closed word lists and small phrase parsers shared by the extractors (entities, roles,
// numbers, dates, quotes).
//
// Every list is a static set of folded words (Word::norm) built once on first use; lookups
// hash the word and allocate nothing. The lists are English news vocabulary: on other
// languages the extractors find fewer mentions, not wrong ones. The phrase parsers look at a
// bounded window of one sentence's words, so each call is O(1) in the sentence length.
// Thread-safe. Tested through entities_test.cc, roles_test.cc, numbers_test.cc and
// dates_test.cc.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string_view>
#include <utility>

#include <absl/container/flat_hash_map.h>

#include "analyze/document.h"

namespace parallax {

// A static table of words with a cheap filter (length range, first letters) in front of the
// hash lookup. Most words of a text are in none of the lists, and the filter rejects them
// without hashing: the extractors ask several lists about every word. Immutable after
// construction; thread-safe.
template <typename V>
class WordMap {
 public:
  WordMap(std::initializer_list<std::pair<const std::string_view, V>> entries)
      : WordMap(entries.begin(), entries.end()) {}
  template <typename It>
  WordMap(It begin, It end) : map_(begin, end) {
    for (const auto& [word, value] : map_) {
      if (word.empty()) continue;
      min_ = word.size() < min_ ? word.size() : min_;
      max_ = word.size() > max_ ? word.size() : max_;
      first_ |= Bit(word[0]);
    }
  }
  // The value of `word`, or nullptr.
  const V* Find(std::string_view word) const {
    if (word.size() < min_ || word.size() > max_ || !(first_ & Bit(word[0]))) return nullptr;
    auto it = map_.find(word);
    return it == map_.end() ? nullptr : &it->second;
  }

 private:
  static uint64_t Bit(char c) { return uint64_t{1} << (static_cast<unsigned char>(c) & 63); }

  absl::flat_hash_map<std::string_view, V> map_;  // flat: one probe, no node per word
  size_t min_ = ~size_t{0}, max_ = 0;
  uint64_t first_ = 0;  // bit (c & 63) set for each first byte c
};

// A static set of words; see WordMap.
class WordList {
 public:
  WordList(std::initializer_list<std::string_view> words) : map_(Entries(words)) {}
  bool Contains(std::string_view word) const { return map_.Find(word) != nullptr; }

 private:
  static WordMap<bool> Entries(std::initializer_list<std::string_view> words);
  WordMap<bool> map_;
};

// ---- Calendar words --------------------------------------------------------------------

// "march", "mar", "sept" -> 3, 3, 9; 0 when `norm` is not a month name or abbreviation.
int MonthNumber(std::string_view norm);
// "tuesday" -> 2 (0 = Sunday .. 6 = Saturday); -1 when `norm` is not a weekday.
int WeekdayNumber(std::string_view norm);
// The month named by s.words[i] when it is used as a month: capitalised, and for the words
// that are also common English ("May", "March") or abbreviations ("Jan") only next to a day,
// a year or a time preposition. 0 otherwise.
int MonthAt(const Sentence& s, uint32_t i);
// "am", "pm", "a.m.", "p.m." (after a clock time).
bool IsClockSuffix(std::string_view norm);

// ---- Numbers -----------------------------------------------------------------------------

// "two" -> 2, "forty-two" -> 42, "twelve" -> 12; -1 when `norm` is not a cardinal word.
double NumberWordValue(std::string_view norm);
// "hundred" -> 100, "million" -> 1e6, "bn" -> 1e9, "dozen" -> 12; 0 when not a scale word.
double ScaleValue(std::string_view norm);
// True for the digits of a number token that parses as one value: "300", "1,200", "4.5",
// "4,5". False for lists and codes ("1,2,3,4", "1.2.3").
bool IsWellFormedNumber(std::string_view norm);
// The noun a number counts: the first non-stopword within three words after `from` (not
// crossing punctuation or another number), extended over directly following lowercase nouns
// ("two Biden administration officials" -> officials). -1 when none.
int FindCountedNoun(const Sentence& s, uint32_t from);
// True when the number token s.words[i] is a year rather than a count: four digits in
// 1900..2100, not money or a measure, and after "in"/"since"/a month..., or counting nothing
// ("in 2024", "the 2024 election"; not "2000 people").
bool LooksLikeYear(const Sentence& s, uint32_t i);
// "$", "€", "£", "¥", "₹" -> "usd", "eur", "gbp", "jpy", "inr"; "" otherwise.
std::string_view CurrencySymbol(std::string_view norm);

// ---- People, titles, organisations, places ------------------------------------------------

// Head nouns of titles: "envoy", "spokesman", "minister", "general", "gen", "vice-president".
bool IsRoleNoun(std::string_view norm);
// The head a role noun stands for: "gen" -> "general", "vice-president" -> "president".
std::string_view RoleHeadWord(std::string_view norm);
// True when two role nouns make one title ("attorney general", "lieutenant colonel"), so the
// first is a modifier of the second rather than a title of its own ("commander General").
bool IsCompoundTitle(std::string_view first, std::string_view second);
// The rank a word or a hyphen prefix gives a title: "acting", "deputy", "ex" -> "former";
// "" when none.
std::string_view RankOf(std::string_view norm);
// Words that sit inside a title before its head ("foreign", "top", "harbour", "prime").
bool IsRoleModifier(std::string_view norm);
// "mr", "mrs", "dr", "sir": mark the next words as a name but are not a role.
bool IsHonorific(std::string_view norm);
// Verbs that attribute speech: "said", "told", "added", "warned".
bool IsSpeechVerb(std::string_view norm);
// A word that makes a capitalised run an organisation ("ministry", "corps", "police").
bool IsOrgKeyword(std::string_view norm);
// A word that makes a capitalised run a place ("city", "province", "island", "strait").
bool IsPlaceKeyword(std::string_view norm);
// A word that makes a capitalised run an event, a law or a thing ("operation", "treaty").
bool IsThingKeyword(std::string_view norm);
// Nationality and other adjectives that are capitalised but never a person's name
// ("iranian", "islamic", "national").
bool IsNameAdjective(std::string_view norm);
// Name particles that may sit lowercase inside a person's name ("bin", "van", "de").
bool IsNameParticle(std::string_view norm);
// Countries, regions and major cities, by folded key ("oman", "saudi arabia", "us").
bool IsPlaceName(std::string_view key);
// Organisations whose names carry no keyword ("hezbollah", "nato", "reuters").
bool IsKnownOrganization(std::string_view key);

// A title in the words of one sentence: words [begin, end), `head` its head noun.
struct RolePhrase {
  uint32_t begin = 0;
  uint32_t head = 0;
  uint32_t end = 0;
};

// Parses an appositive title after a name: s.words[comma] is the comma after the name and
// the title follows it (", the acting US envoy for Iran", ", who is the US envoy",
// ", President Joe Biden's top Middle East adviser" -> "top Middle East adviser").
// The phrase excludes the leading "the"/"a"/"who is the".
bool ParseAppositiveRole(const Sentence& s, uint32_t comma, RolePhrase* out);

// first[si] = index of the first entity in sentence si or later (entities are in sentence
// order), first[sentences] = entities.size(): sentence si's entities are [first[si], first[si+1]).
std::vector<uint32_t> FirstEntityPerSentence(const Document& doc);

}  // namespace parallax
