// Report: what parallax produces for a batch of articles — the stories, each with its
// articles, digest, agreements, unique facts and conflicts, and the inputs it rejected.
//
// Every text shown to an analyst is the source's own sentence; `SourceRef` points back to the
// article and the byte range of `Article::text` it came from.
// Thread-safety: plain value types.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace parallax {

// One sentence of one article: Article::text.substr(begin, end - begin) == the quoted text
// (Article::title when `in_title`: conflicts also read the headline).
struct SourceRef {
  std::string article;    // article id
  uint32_t sentence = 0;  // index of the sentence in the cleaned article (0 in the title)
  uint32_t begin = 0;     // byte offsets into Article::text, or Article::title when in_title
  uint32_t end = 0;
  bool in_title = false;  // the evidence is the article's title
};

// A statement made by one or more articles (digest sentence, agreement).
struct Statement {
  std::string text;                  // the first source's own sentence
  std::vector<std::string> sources;  // every independent article that states it (copies folded)
  std::vector<SourceRef> evidence;   // per source, the sentence that states it
};

// A fact only one article reports.
struct UniqueFact {
  std::string text;
  std::string source;
  SourceRef evidence;
};

enum class ConflictKind { kName, kTitle, kNumber, kDate, kQuote, kOther };
const char* ConflictKindName(ConflictKind kind);  // "name", "title", ...

struct ConflictValue {
  std::string value;                 // as written by the sources ("Vedant Patel")
  std::vector<std::string> sources;  // articles that give this value
  std::string evidence;              // the first source's sentence giving it
  std::vector<SourceRef> refs;       // per source, the evidence sentence
};

// The same subject given different values by different articles.
struct Conflict {
  ConflictKind kind = ConflictKind::kOther;
  std::string subject;                // who or what the values are about
  std::vector<ConflictValue> values;  // two or more
  // 0..1: how sure parallax is that the values contradict each other. 0.9 and above: the same
  // sentence copied with one value changed, or one person spelled two ways with the same role;
  // 0.8: aligned sentences (the same claim); 0.6-0.7: looser evidence (similar sentences, the
  // leads of two reports). CompareOptions::min_confidence (--min-confidence) filters.
  double confidence = 0.0;
};

// What the cleaner removed from an article, for --explain.
struct Removal {
  uint32_t begin = 0;  // byte offsets into Article::text
  uint32_t end = 0;
  std::string reason;  // "caption", "credit", "promo", "repeated", "byline", "share prompt", ...
  std::string text;    // the removed text, filled when explain is on
};

struct StoryArticle {
  std::string id;
  std::string outlet;
  std::string title;
  std::string url;
  std::optional<int64_t> published;  // seconds since the epoch, UTC
  std::string duplicate_of;          // set when this article is a copy of another in the story
  std::vector<std::string> copies;   // ids of the copies folded into this one
  std::vector<Removal> removed;      // filled when explain is on
};

struct Story {
  std::string id;                      // "s1", "s2", ... in report order
  std::string title;                   // the title of the story's most central article
  std::vector<StoryArticle> articles;  // in arrival order
  std::vector<Statement> digest;       // in reading order
  std::vector<Statement> agreements;   // reported by two or more independent articles
  std::vector<UniqueFact> unique;      // reported by one article only
  std::vector<Conflict> conflicts;
};

// An input item that could not be used, and why.
struct Rejection {
  std::string input;  // "path:line", "path", "<stdin>:line"
  std::string error;
};

struct Report {
  std::vector<Story> stories;  // largest first, then by first arrival
  std::vector<Rejection> rejected;
  uint64_t articles_read = 0;  // accepted articles, copies included
};

}  // namespace parallax
