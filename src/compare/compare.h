// The side-by-side of a story's sources: agreements, unique facts and conflicts.
// Pure function; thread-safe. Tested by compare_test.cc.
#pragma once

#include <vector>

#include "align/align.h"
#include "parallax/options.h"
#include "parallax/report.h"

namespace parallax {

struct Comparison {
  std::vector<Statement> agreements;  // most sources first
  std::vector<UniqueFact> unique;     // in article order (empty for a one-article story)
  std::vector<Conflict> conflicts;    // most confident first
};

// `docs` are the story's independent articles (copies folded) in arrival order.
Comparison Compare(const std::vector<const Document*>& docs, const Alignment& alignment,
                   const CompareOptions& options);

}  // namespace parallax
