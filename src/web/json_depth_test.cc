#include "web/json_depth.h"

#include <gtest/gtest.h>

namespace parallax {
namespace {

TEST(JsonDepth, CountsBracketsOutsideStrings) {
  EXPECT_TRUE(CheckJsonDepth(R"({"a":[{"b":"[[[[[[\"]]"}]})", 3).ok());
  Status s = CheckJsonDepth("[[[[", 3);
  EXPECT_EQ(s.code(), StatusCode::kResourceExhausted);
  EXPECT_EQ(s.message(), "nesting deeper than 3");
}

}  // namespace
}  // namespace parallax
