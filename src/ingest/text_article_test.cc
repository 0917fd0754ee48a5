#include "ingest/text_article.h"

#include <gtest/gtest.h>

#include <string>

#include "parallax/reader.h"

namespace parallax {
namespace {

using namespace std::string_literals;

Result<Article> Parse(std::string_view content, const ReadOptions& options = {}) {
  return ParseTextArticle(content, "talks", "news/talks.txt", options);
}

std::string Error(std::string_view content, const ReadOptions& options = {}) {
  Result<Article> a = Parse(content, options);
  EXPECT_FALSE(a.ok());
  return a.ok() ? "" : a.status().message();
}

// Article::text must be a byte-exact suffix of the file, so offsets can be mapped back.
void ExpectSuffixOf(const Article& a, std::string_view content) {
  ASSERT_LE(a.text.size(), content.size());
  EXPECT_EQ(content.substr(content.size() - a.text.size()), a.text);
}

TEST(TextArticle, TitleLineThenBlankLine) {
  std::string content =
      "Lighthouse keepers vote to strike\n\nKeepers on Tarn Isle voted.\n"
      "  The vote was close.\n\nA second paragraph.\n";
  Result<Article> a = Parse(content);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->title, "Lighthouse keepers vote to strike");
  EXPECT_EQ(a->text, "Keepers on Tarn Isle voted.\n  The vote was close.\n\nA second paragraph.\n");
  EXPECT_EQ(a->id, "talks");
  EXPECT_EQ(a->origin, "news/talks.txt");
  EXPECT_FALSE(a->published.has_value());
  ExpectSuffixOf(*a, content);
}

TEST(TextArticle, CrlfFileKeepsItsBytes) {
  std::string content = "Ferry fares rise\r\n\r\nFares rise on Monday.\r\nOperators agreed.\r\n";
  Result<Article> a = Parse(content);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->title, "Ferry fares rise");
  EXPECT_EQ(a->text, "Fares rise on Monday.\r\nOperators agreed.\r\n");
}

TEST(TextArticle, NoBlankLineMeansNoTitle) {
  std::string content = "Keepers on Tarn Isle voted.\nThe vote was close.\n";
  Result<Article> a = Parse(content);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->title, "");
  EXPECT_EQ(a->text, content);
}

TEST(TextArticle, SeveralBlankLinesAfterTitleAreSkipped) {
  std::string content = "Short title\n\n   \n\t\r\nBody starts here.";
  Result<Article> a = Parse(content);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->title, "Short title");
  EXPECT_EQ(a->text, "Body starts here.");
}

TEST(TextArticle, TitleLengthLimit) {
  std::string at_limit(kMaxTitleBytes, 't');
  Result<Article> a = Parse(at_limit + "\n\nBody.");
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->title, at_limit);
  EXPECT_EQ(a->text, "Body.");

  std::string over = at_limit + "t\n\nBody.";
  Result<Article> b = Parse(over);
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b->title, "");
  EXPECT_EQ(b->text, over);
}

TEST(TextArticle, LoneLineIsBodyNotTitle) {
  Result<Article> a = Parse("Only one sentence here.\n\n\n");
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->title, "");
  EXPECT_EQ(a->text, "Only one sentence here.\n\n\n");
}

TEST(TextArticle, LeadingBlankLineMeansNoTitle) {
  std::string content = "\nHeadline\n\nBody.";
  Result<Article> a = Parse(content);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->title, "");
  EXPECT_EQ(a->text, content);
}

TEST(TextArticle, BomIsStripped) {
  Result<Article> a = Parse("\xEF\xBB\xBFHeadline\n\nBody.");
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->title, "Headline");
  EXPECT_EQ(a->text, "Body.");

  Result<Article> b = Parse(
      "\xEF\xBB\xBF"
      "Body line one.\nline two.");
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b->text, "Body line one.\nline two.");
}

TEST(TextArticle, EmptyOrBlankFile) {
  EXPECT_EQ(Error(""), "empty file");
  EXPECT_EQ(Error(" \n\r\n\t"), "empty file");
  EXPECT_EQ(Error("\xEF\xBB\xBF\n"), "empty file");
}

TEST(TextArticle, InvalidUtf8NamesLineAndColumn) {
  EXPECT_EQ(Error("Title\n\nab\xC3(x"), "invalid UTF-8 at line 3, column 3 (byte 9)");
  // Positions count the byte-order mark: they are the file's.
  EXPECT_EQ(Error("\xEF\xBB\xBFok\xFF"), "invalid UTF-8 at line 1, column 6 (byte 5)");
}

TEST(TextArticle, BinaryAndGzipAreRejected) {
  EXPECT_EQ(Error("\x1F\x8B\x08\x00rest"s),
            "gzip input is read only as WARC (.warc.gz) or HTML (.html.gz)");
  EXPECT_EQ(Error("text\0more"s), "binary file");
}

TEST(TextArticle, SizeBudget) {
  ReadOptions small;
  small.max_article_bytes = 10;
  EXPECT_EQ(Error("0123456789A", small), "article larger than 10 bytes");
  EXPECT_TRUE(Parse("0123456789", small).ok());
}

TEST(TextArticle, MakeTextArticleMatchesParse) {
  std::string content = "Title\n\nBody.\n";
  Result<Article> a = MakeTextArticle(content, "id", "o", ReadOptions{});
  Result<Article> b = Parse(content);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->title, b->title);
  EXPECT_EQ(a->text, b->text);
}

}  // namespace
}  // namespace parallax
