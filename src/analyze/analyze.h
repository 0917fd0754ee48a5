// Analysis of one cleaned article: sentences, words and stems, then the extractors (entities,
// roles, numbers, dates, quotes). Pure function of its inputs; thread-safe.
// Tested by analyze_test.cc and the extractors' own tests.
#pragma once

#include <vector>

#include "analyze/document.h"
#include "parallax/options.h"

namespace parallax {

// `paragraphs` are the kept byte ranges of article.text (from Clean), in order; `removed` is
// carried into the Document for --explain. The Document points at `article`.
Document Analyze(const Article& article, const std::vector<Span>& paragraphs,
                 std::vector<Removal> removed, const AnalyzeOptions& options);

// The stages Analyze runs, exposed for tests. Each reads doc->sentences (and earlier results)
// and fills its own list.
void BuildSentences(const std::vector<Span>& paragraphs, const AnalyzeOptions& options,
                    Document* doc);
void ExtractEntities(Document* doc);  // fills doc->entities
void ExtractRoles(Document* doc);     // needs entities; fills doc->roles
void ExtractNumbers(Document* doc);   // fills doc->numbers
void ExtractDates(Document* doc);     // fills doc->dates (resolved against article->published)
void ExtractQuotes(Document* doc);    // needs entities; fills doc->quotes

// Words of a sentence-like text (the title) with stems, offsets relative to `text`.
std::vector<Word> AnalyzeWords(std::string_view text, std::string_view lang);

}  // namespace parallax
