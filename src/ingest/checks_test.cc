#include "ingest/checks.h"

#include <gtest/gtest.h>

#include <string>

namespace parallax {
namespace {

using namespace std::string_literals;

TEST(Checks, PlainTextPasses) {
  EXPECT_TRUE(CheckNotBinary("Harbour talks resume in Velmora.\n").ok());
  EXPECT_TRUE(CheckNotBinary("").ok());
  EXPECT_TRUE(CheckNotBinary("\xEF\xBB\xBF{\"id\":1}").ok());
}

TEST(Checks, GzipMagicIsRejected) {
  Status s = CheckNotBinary("\x1F\x8B\x08\x00"s);
  EXPECT_EQ(s.message(), "gzip input is read only as WARC (.warc.gz) or HTML (.html.gz)");
}

TEST(Checks, Utf16IsRejected) {
  EXPECT_EQ(CheckNotBinary("\xFF\xFEH\0i\0"s).message(), "UTF-16 input is not supported");
  EXPECT_EQ(CheckNotBinary("\xFE\xFF\0H\0i"s).message(), "UTF-16 input is not supported");
}

TEST(Checks, NulInFirstBlockIsBinary) {
  std::string head(100, 'a');
  head[50] = '\0';
  EXPECT_EQ(CheckNotBinary(head).message(), "binary file");
}

TEST(Checks, NulAfterFirstBlockIsNotLookedAt) {
  std::string head(kSniffBytes + 10, 'a');
  head[kSniffBytes + 1] = '\0';
  EXPECT_TRUE(CheckNotBinary(head).ok());
}

TEST(Checks, StripBom) {
  EXPECT_EQ(StripBom("\xEF\xBB\xBFtext"), "text");
  EXPECT_EQ(StripBom("text"), "text");
  EXPECT_EQ(StripBom("\xEF\xBB"), "\xEF\xBB");
}

TEST(Checks, BudgetMessages) {
  EXPECT_EQ(ArticleTooLarge(10).message(), "article larger than 10 bytes");
  EXPECT_EQ(FileTooLarge(20).message(), "file larger than 20 bytes");
  EXPECT_EQ(FileTooLarge(20).code(), StatusCode::kResourceExhausted);
}

}  // namespace
}  // namespace parallax
