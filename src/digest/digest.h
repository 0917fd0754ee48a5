// Extractive digest of one story. Pure function; thread-safe. Tested by digest_test.cc.
#pragma once

#include <string>
#include <vector>

#include "align/align.h"
#include "parallax/options.h"
#include "parallax/report.h"

namespace parallax {

// `docs` are the story's independent articles in arrival order; `alignment` comes from Align.
std::vector<Statement> BuildDigest(const std::vector<const Document*>& docs,
                                   const Alignment& alignment, const DigestOptions& options);

// Number of words of a sentence as the budget counts them (whitespace-separated).
size_t BudgetWords(const Document& doc, const Sentence& s);

}  // namespace parallax
