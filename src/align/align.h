// Alignment of the sentences of a story's articles into facts.
//
// Sentence vectors: binary bags of content stems, numbers ("#300") and multi-word entity keys,
// weighted by IDF over the story's sentences (what every sentence of the story says weighs
// little; the specific words of one claim weigh much). Greedy single pass in document order:
// a sentence joins the most similar fact that has no sentence of its article yet when the
// cosine to any member is at least `threshold`, else it starts a fact. Candidate facts come
// from a term index, so cost grows with overlaps, not with the square of the story's size.
// Pure function; thread-safe. Tested by align_test.cc.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "analyze/document.h"
#include "parallax/report.h"

namespace parallax {

struct SentenceRef {
  uint32_t doc = 0;       // index into the story's documents
  uint32_t sentence = 0;  // index into that document's sentences
  bool operator==(const SentenceRef&) const = default;
};

struct Fact {
  std::vector<SentenceRef> members;  // at most one per document, in document order
};

// A sparse sentence vector: (term id, weight), sorted by term id; unit length.
using SentenceVector = std::vector<std::pair<uint32_t, float>>;

struct Alignment {
  std::vector<Fact> facts;                           // in order of first appearance
  std::vector<std::vector<uint32_t>> fact_of;        // [doc][sentence] -> fact index
  std::vector<std::vector<SentenceVector>> vectors;  // [doc][sentence]
  std::vector<std::string> terms;                    // term id -> term ("stem", "#300", "e:key")
  std::vector<uint32_t> term_docs;                   // term id -> number of documents using it
  std::vector<std::vector<uint32_t>> content_terms;  // [doc] -> sorted unique term ids

  const SentenceVector& Vector(SentenceRef r) const { return vectors[r.doc][r.sentence]; }
};

struct AlignOptions {
  // Cosine at or above which two sentences of different articles state the same fact.
  // Default 0.45: paraphrases sharing the names, numbers and key words of one claim pass;
  // two claims about the same people with different verbs and objects do not.
  double threshold = 0.45;
};

Alignment Align(const std::vector<const Document*>& docs, const AlignOptions& options);

// The statement for a fact: the first member's sentence as its text, every member's article
// as a source, with the sentence's offsets as evidence.
Statement MakeStatement(const std::vector<const Document*>& docs, const Fact& fact);

// Cosine of two unit sentence vectors.
double Cosine(const SentenceVector& a, const SentenceVector& b);

// Number of content words (non-stop words and numbers) in a sentence.
size_t ContentWords(const Sentence& s);

}  // namespace parallax
