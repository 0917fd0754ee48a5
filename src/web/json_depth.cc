// CheckJsonDepth (see json_depth.h). Tested by json_depth_test.cc.
#include "web/json_depth.h"

#include <string>

namespace parallax {

// Counts '[' and '{' outside strings; JSON strings cannot contain raw brackets that matter.
Status CheckJsonDepth(std::string_view row, int max_depth) {
  int depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < row.size(); ++i) {
    char c = row[i];
    if (in_string) {
      if (c == '\\') {
        ++i;  // the escaped character cannot end the string
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > max_depth) {
        return ResourceExhausted("nesting deeper than " + std::to_string(max_depth));
      }
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return Status::Ok();
}

}  // namespace parallax
