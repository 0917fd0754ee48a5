#include "text/utf8.h"

#include <gtest/gtest.h>

namespace parallax {
namespace {

TEST(Utf8, ValidatesAndLocatesBadBytes) {
  EXPECT_TRUE(ValidateUtf8("plain ascii").ok());
  EXPECT_TRUE(ValidateUtf8("Søren Ålund “quoted”").ok());
  Status s = ValidateUtf8("line one\nab\xC3(");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kDataLoss);
  EXPECT_NE(s.message().find("line 2, column 3"), std::string::npos) << s.message();
  EXPECT_FALSE(ValidateUtf8("\xED\xA0\x80").ok());  // UTF-16 surrogate
  EXPECT_FALSE(ValidateUtf8("\xC0\xAF").ok());      // overlong
}

TEST(Utf8, FoldsCaseAndAccents) {
  EXPECT_EQ(FoldCase("Iran’s"), "iran's");
  EXPECT_EQ(FoldCase("ÅLUND"), "ålund");
  EXPECT_EQ(FoldCase("ﬁle"), "file");
  EXPECT_EQ(FoldAccents("Ibáñez"), "ibanez");
}

TEST(Utf8, CharacterClasses) {
  EXPECT_TRUE(IsLetter(0x00C5));  // Å
  EXPECT_TRUE(IsUpper(0x00C5));
  EXPECT_FALSE(IsUpper('a'));
  EXPECT_TRUE(IsDigit('7'));
  EXPECT_TRUE(IsSpace(0x00A0));
  EXPECT_FALSE(IsLetter('-'));
}

}  // namespace
}  // namespace parallax
