// A nesting-depth pre-scan for JSON, shared by the JSON Lines reader (ingest) and the JSON-LD
// reader (web): nlohmann has no depth budget, and a pre-scan stops at the first excess instead
// of building the tree. Tested by json_depth_test.cc. Thread-safe: a pure function.
#pragma once

#include <string_view>

#include "parallax/status.h"

namespace parallax {

// OK when no '[' / '{' outside strings nests deeper than `max_depth`; else ResourceExhausted
// "nesting deeper than N".
Status CheckJsonDepth(std::string_view json, int max_depth);

}  // namespace parallax
