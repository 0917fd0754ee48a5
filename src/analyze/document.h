// Document: one article after cleaning and analysis — what every later stage reads.
//
// All offsets are bytes into Article::text (the title's own document: into Article::title).
// Sentences are in reading order and index the mention lists. A Document is immutable once Analyze
// returns and may be shared across threads for reading.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "parallax/article.h"
#include "parallax/report.h"
#include "text/tokenizer.h"
#include "util/strings.h"

namespace parallax {

// A token with its stem and flags for the stages that weigh words.
struct Word {
  uint32_t begin = 0, end = 0;  // bytes into Article::text
  TokenKind kind = TokenKind::kPunct;
  bool upper_initial = false;
  bool all_upper = false;
  bool stop = false;  // stopword or punctuation
  std::string norm;   // case-folded
  std::string stem;   // Snowball stem of norm (== norm for numbers and punctuation)
};

struct Sentence {
  Span span;               // bytes into Article::text
  uint32_t paragraph = 0;  // index of the kept paragraph (line) it belongs to
  std::vector<Word> words;
};

enum class EntityType : uint8_t { kPerson, kOrganization, kPlace, kOther };

// A named entity mention: a run of capitalised words ("Abram Paley", "Islamic Revolutionary
// Guard Corps", "Oman").
struct EntityMention {
  uint32_t sentence = 0;
  uint32_t first_word = 0, last_word = 0;  // word indexes [first, last) in the sentence
  Span span;
  EntityType type = EntityType::kOther;
  std::string text;  // as written
  std::string key;   // case- and accent-folded words joined by ' '
};

// A title or role attached to a person ("acting US envoy for Iran" -> "Abram Paley").
struct RoleMention {
  uint32_t sentence = 0;
  uint32_t entity = 0;            // index into Document::entities (a kPerson mention)
  Span span;                      // the role text
  std::string text;               // as written, without leading "the"/"a"
  std::string head;               // stem of the head noun ("envoy")
  std::vector<std::string> rank;  // rank modifiers, folded and sorted ("acting", "deputy")
};

// A number and what it counts ("over 300 missiles", "€4.5 million", "42 passengers").
struct NumberMention {
  uint32_t sentence = 0;
  Span span;  // the number expression as written ("over 300")
  std::string text;
  double value = 0;       // 300; "4.5 million" -> 4500000; "two" -> 2
  std::string qualifier;  // "", "about", "over", "under", "at least", "at most", "nearly"
  std::string unit;       // "%", "eur", "usd", "km", ... ("" when none)
  std::string counted;    // stem of the counted noun ("missil"), "" when none found
  bool is_year = false;   // 1900..2100 written alone (a year, not a count)
};

// A date or time expression, resolved to a day when possible.
struct DateMention {
  enum class Kind : uint8_t { kWeekday, kCalendar, kRelative, kMonth, kYear, kClockTime };
  uint32_t sentence = 0;
  Span span;
  std::string text;  // as written ("on Tuesday", "March 3", "last week")
  Kind kind = Kind::kCalendar;
  // Resolved day (days since 1970-01-01) when the expression names one day and the article
  // date makes it resolvable ("yesterday", "Tuesday" before the publication day, "March 3").
  std::optional<int64_t> day;
  int weekday = -1;          // 0 = Sunday .. 6 = Saturday, when written or resolved
  int written_weekday = -1;  // the weekday as written ("Tuesday, 8 October"), -1 when none
  int month = 0;             // 1..12 when written
  int day_of_month = 0;      // 1..31 when written
  int year = 0;              // when written
  bool future = false;       // written with a future cue ("will meet on Tuesday", "next
                             // Friday", "scheduled for May 15")
  std::string normalized;    // canonical form for comparison: "2026-03-03" when resolved,
                             // else "weekday:tuesday", "--03-03", "week:-1", "month:1",
                             // "month:+1", "year:2024", "time:15:00"
};

// A quotation and its speaker.
struct QuoteMention {
  uint32_t sentence = 0;  // sentence holding the opening mark
  Span span;              // the quoted words, without the marks
  std::string text;
  int speaker = -1;         // index into Document::entities, -1 when unknown
  std::string speaker_key;  // folded name ("patel"), or a pronoun/role resolved to a name
};

struct Document {
  const Article* article = nullptr;  // not owned; outlives the Document
  std::string lang = "en";
  std::vector<Removal> removed;   // what the cleaner took out
  std::vector<Span> paragraphs;   // kept paragraphs (lines), in order
  std::vector<Word> title_words;  // tokens of Article::title (offsets into the title)
  std::vector<Sentence> sentences;
  std::vector<EntityMention> entities;
  std::vector<RoleMention> roles;
  std::vector<NumberMention> numbers;
  std::vector<DateMention> dates;
  std::vector<QuoteMention> quotes;
  // The title analysed on its own, as a document of one sentence (null when there is no title).
  // Its `article` is `title_article`, a copy of the article whose `text` is the title, so its
  // offsets are bytes into Article::title. Compare reads it: a headline often states the name,
  // the day or the count that the body only refers back to ("Lindqvist", "the vote").
  std::unique_ptr<Article> title_article;
  std::unique_ptr<Document> title;
  bool is_title = false;  // true for the title document itself

  std::string_view Text(Span s) const { return s.Of(article->text); }
};

}  // namespace parallax
