// Clean: which lines of an article body are the article, and which are scraped noise.
//
// Works on lines (paragraphs as scraped). A line is removed only on positive evidence — a credit
// marker, a promo or share prefix, a byline shape, an exact repeat, a caption printed twice, a
// teaser that the body repeats in full — so article sentences are not lost.
// Pure function; thread-safe. Tested by clean_test.cc.
#pragma once

#include <vector>

#include "parallax/article.h"
#include "parallax/options.h"
#include "parallax/report.h"
#include "util/strings.h"

namespace parallax {

struct CleanResult {
  std::vector<Span> paragraphs;  // kept lines, trimmed, in order (bytes into Article::text)
  std::vector<Removal> removed;  // in text order
};

CleanResult Clean(const Article& article, const CleanOptions& options);

}  // namespace parallax
