#include "parallax/status.h"

#include <gtest/gtest.h>

namespace parallax {
namespace {

Status FailsWith(bool fail) { return fail ? DataLoss("bad byte") : Status::Ok(); }

Status Chain(bool fail) {
  RETURN_IF_ERROR(FailsWith(fail));
  return InvalidArgument("reached the end");
}

Result<int> Half(int x) {
  if (x % 2) return InvalidArgument("odd");
  return x / 2;
}

Result<int> Quarter(int x) {
  ASSIGN_OR_RETURN(int h, Half(x));
  return Half(h);
}

TEST(Status, OkAndErrorsCarryCodeAndMessage) {
  EXPECT_TRUE(Status::Ok().ok());
  Status s = DataLoss("bad byte");
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kDataLoss);
  EXPECT_EQ(s.ToString(), "data loss: bad byte");
}

TEST(Status, ReturnIfErrorStopsAtFirstError) {
  EXPECT_EQ(Chain(true).code(), StatusCode::kDataLoss);
  EXPECT_EQ(Chain(false).code(), StatusCode::kInvalidArgument);
}

TEST(Result, AssignOrReturnPropagates) {
  ASSERT_TRUE(Quarter(8).ok());
  EXPECT_EQ(*Quarter(8), 2);
  EXPECT_FALSE(Quarter(6).ok());
  EXPECT_EQ(Quarter(6).status().message(), "odd");
}

}  // namespace
}  // namespace parallax
