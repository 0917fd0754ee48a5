#include "text/stopwords.h"

#include <string_view>

#include <absl/container/flat_hash_set.h>

namespace parallax {

bool IsStopword(std::string_view w) {
  // The common English function words (after the SMART/Snowball lists), plus reporting verbs
  // and time words that every news article uses whatever its story.
  static const absl::flat_hash_set<std::string_view> kWords = {
      "a",         "about",     "above",    "after",      "again",     "against", "all",
      "also",      "am",        "an",       "and",        "any",       "are",     "as",
      "at",        "be",        "because",  "been",       "before",    "being",   "below",
      "between",   "both",      "but",      "by",         "can",       "could",   "did",
      "do",        "does",      "doing",    "down",       "during",    "each",    "either",
      "few",       "for",       "from",     "further",    "had",       "has",     "have",
      "having",    "he",        "her",      "here",       "hers",      "herself", "him",
      "himself",   "his",       "how",      "i",          "if",        "in",      "into",
      "is",        "it",        "its",      "itself",     "just",      "me",      "more",
      "most",      "my",        "myself",   "no",         "nor",       "not",     "now",
      "of",        "off",       "on",       "once",       "only",      "or",      "other",
      "our",       "ours",      "out",      "over",       "own",       "same",    "she",
      "should",    "so",        "some",     "such",       "than",      "that",    "the",
      "their",     "theirs",    "them",     "themselves", "then",      "there",   "these",
      "they",      "this",      "those",    "through",    "to",        "too",     "under",
      "until",     "up",        "upon",     "very",       "was",       "we",      "were",
      "what",      "when",      "where",    "which",      "while",     "who",     "whom",
      "whose",     "why",       "will",     "with",       "would",     "you",     "your",
      "yours",     "'s",        "'",        "said",       "says",      "say",     "told",
      "according", "may",       "might",    "must",       "shall",     "since",   "among",
      "within",    "without",   "across",   "per",        "via",       "yet",     "however",
      "although",  "though",    "whether",  "another",    "many",      "much",    "several",
      "one",       "also",      "still",    "even",       "ever",      "already", "around",
      "near",      "new",       "like",     "well",       "back",      "later",   "earlier",
      "today",     "yesterday", "tomorrow", "week",       "weeks",     "month",   "months",
      "year",      "years",     "day",      "days",       "time",      "mr",      "mrs",
      "ms",        "monday",    "tuesday",  "wednesday",  "thursday",  "friday",  "saturday",
      "sunday",    "last",      "next",     "first",      "two",       "three",   "get",
      "got",       "made",      "make",     "go",         "went",      "come",    "came",
      "take",      "took",      "added",    "adding",     "including", "include", "includes"};
  return kWords.count(w) > 0;
}

}  // namespace parallax
