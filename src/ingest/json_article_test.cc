#include <gtest/gtest.h>

#include <string>

#include "parallax/reader.h"

namespace parallax {
namespace {

Result<Article> Parse(std::string_view line, const ReadOptions& options = {}) {
  return ParseJsonArticle(line, "feed.jsonl:7", options);
}

std::string Error(std::string_view line, const ReadOptions& options = {}) {
  Result<Article> a = Parse(line, options);
  EXPECT_FALSE(a.ok()) << line;
  return a.ok() ? "" : a.status().message();
}

TEST(JsonArticle, ReadsEveryField) {
  Result<Article> a = Parse(
      R"({"id":"a1","title":"Ferry strike ends","text":"Crews in Velmora returned.\nPort reopens.",)"
      R"("outlet":"Harbour Gazette","url":"https://example.org/a1",)"
      R"("published":"2026-03-04T08:15:00Z","lang":"en","extra":{"x":[1,2]}})");
  ASSERT_TRUE(a.ok()) << a.status().message();
  EXPECT_EQ(a->id, "a1");
  EXPECT_EQ(a->title, "Ferry strike ends");
  EXPECT_EQ(a->text, "Crews in Velmora returned.\nPort reopens.");
  EXPECT_EQ(a->outlet, "Harbour Gazette");
  EXPECT_EQ(a->url, "https://example.org/a1");
  EXPECT_EQ(a->published, 1772612100);
  EXPECT_EQ(a->lang, "en");
  EXPECT_EQ(a->origin, "feed.jsonl:7");
}

TEST(JsonArticle, TextIsKeptExactlyAsDecoded) {
  Result<Article> a = Parse(R"({"id":"a","text":"  Caf\u00e9 \"quoted\"\ttab\n"})");
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->text, "  Caf\xC3\xA9 \"quoted\"\ttab\n");
}

TEST(JsonArticle, OptionalFieldsMayBeAbsentOrNull) {
  Result<Article> a = Parse(R"({"id":"b","text":"Body.","title":null,"published":""})");
  ASSERT_TRUE(a.ok()) << a.status().message();
  EXPECT_EQ(a->title, "");
  EXPECT_EQ(a->outlet, "");
  EXPECT_FALSE(a->published.has_value());
}

TEST(JsonArticle, PublishedWithOffsetIsUtc) {
  Result<Article> a = Parse(R"({"id":1,"text":"x","published":"2026-03-04T08:15:00+02:00"})");
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->published, 1772604900);
}

TEST(JsonArticle, NumericIdBecomesString) {
  EXPECT_EQ(Parse(R"({"id":42,"text":"x"})")->id, "42");
  EXPECT_EQ(Parse(R"({"id":-3,"text":"x"})")->id, "-3");
  EXPECT_EQ(Parse(R"({"id":18446744073709551615,"text":"x"})")->id, "18446744073709551615");
}

TEST(JsonArticle, MissingOrWrongFieldsAreNamed) {
  EXPECT_EQ(Error(R"({"id":"a"})"), "missing field \"text\"");
  EXPECT_EQ(Error(R"({"text":"x"})"), "missing field \"id\"");
  EXPECT_EQ(Error(R"({"id":"a","text":null})"), "missing field \"text\"");
  EXPECT_EQ(Error(R"({"id":"a","text":5})"), "field \"text\" is not a string");
  EXPECT_EQ(Error(R"({"id":true,"text":"x"})"), "field \"id\" is not a string");
  EXPECT_EQ(Error(R"({"id":" ","text":"x"})"), "field \"id\" is empty");
  EXPECT_EQ(Error(R"({"id":"a","text":"x","published":1772612100})"),
            "field \"published\" is not a string");
  EXPECT_EQ(Error(R"({"id":"a","text":"x","url":["u"]})"), "field \"url\" is not a string");
}

TEST(JsonArticle, BlankTextIsRejected) {
  EXPECT_EQ(Error(R"({"id":"a","text":" \n\t "})"), "article has no text");
  EXPECT_EQ(Error(R"({"id":"a","text":"","title":"  "})"), "article has no text");
}

TEST(JsonArticle, HeadlineWithoutTextIsAnArticle) {
  for (const char* row : {R"({"id":"h1","title":"Ferry strike ends in Norvik","text":""})",
                          R"({"id":"h1","title":"Ferry strike ends in Norvik"})"}) {
    Result<Article> a = ParseJsonArticle(row, "feed.jsonl:1", ReadOptions{});
    ASSERT_TRUE(a.ok()) << row;
    EXPECT_EQ(a->title, "Ferry strike ends in Norvik");
    EXPECT_TRUE(a->text.empty());
  }
}

TEST(JsonArticle, UnparsableDateRejectsTheRow) {
  EXPECT_EQ(Error(R"({"id":"a","text":"x","published":"last Tuesday"})"),
            "field \"published\": not an ISO 8601 time: \"last Tuesday\"");
}

TEST(JsonArticle, MalformedJsonSaysWhere) {
  std::string e = Error(R"({"id":"a","text":"x",})");
  EXPECT_EQ(e.rfind("malformed JSON: ", 0), 0u) << e;
  EXPECT_NE(e.find("column 22"), std::string::npos) << e;
  EXPECT_EQ(e.find("json.exception"), std::string::npos) << e;
  EXPECT_EQ(e.find("line 1"), std::string::npos) << e;
}

TEST(JsonArticle, MalformedJsonMessageIsBounded) {
  std::string e = Error(R"({"id":"a","text":")" + std::string(100000, 'x'));
  EXPECT_LT(e.size(), 400u);
}

TEST(JsonArticle, NotAnObject) {
  EXPECT_EQ(Error(R"(["id","text"])"), "not a JSON object");
  EXPECT_EQ(Error("17"), "not a JSON object");
}

TEST(JsonArticle, InvalidUtf8GivesColumn) {
  std::string e = Error("{\"id\":\"a\",\"text\":\"ab\xFF\"}");
  EXPECT_EQ(e, "invalid UTF-8 at column 21 (byte 20)");
}

TEST(JsonArticle, NestingBudget) {
  auto nested = [](int depth) {
    std::string v = "1";
    for (int i = 1; i < depth; ++i) v = std::string(1, '[').append(v).append("]");
    return std::string(R"({"id":"a","text":"x","deep":)").append(v).append("}");
  };
  EXPECT_TRUE(Parse(nested(32)).ok());
  EXPECT_EQ(Error(nested(33)), "nesting deeper than 32");
  ReadOptions shallow;
  shallow.max_json_depth = 2;
  EXPECT_EQ(Error(nested(3), shallow), "nesting deeper than 2");
}

TEST(JsonArticle, BracketsInStringsDoNotCount) {
  ReadOptions shallow;
  shallow.max_json_depth = 1;
  Result<Article> a = Parse(R"({"id":"a","text":"[[[{{{ \" [[[ \\"})", shallow);
  ASSERT_TRUE(a.ok()) << a.status().message();
  EXPECT_EQ(a->text, "[[[{{{ \" [[[ \\");
}

TEST(JsonArticle, SizeBudget) {
  ReadOptions small;
  small.max_article_bytes = 25;
  EXPECT_EQ(Error(R"({"id":"a","text":"0123456789"})", small), "article larger than 25 bytes");
  EXPECT_TRUE(Parse(R"({"id":"a","text":"01"})", small).ok());
}

TEST(JsonArticle, LeadingBomIsIgnored) {
  EXPECT_TRUE(Parse("\xEF\xBB\xBF{\"id\":\"a\",\"text\":\"x\"}").ok());
}

TEST(JsonArticle, ParseIsoTimeForms) {
  EXPECT_EQ(*ParseIsoTime("2026-03-04"), 1772582400);
  EXPECT_EQ(*ParseIsoTime("2026-03-04T08:15:00Z"), 1772612100);
  EXPECT_FALSE(ParseIsoTime("yesterday").ok());
}

}  // namespace
}  // namespace parallax
