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

// `docs` are the story's independent articles (copies folded) in arrival order; `alignment`
// aligns them. `copies` are the syndicated copies folded into them: they never count as a
// second source of an agreement, but a copy that changed a value (a corrected count, a
// respelled name) disagrees with its original, so conflicts read them too.
Comparison Compare(const std::vector<const Document*>& docs, const Alignment& alignment,
                   const CompareOptions& options, const std::vector<const Document*>& copies = {});

}  // namespace parallax
