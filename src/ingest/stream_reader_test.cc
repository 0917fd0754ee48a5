#include "ingest/stream_reader.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "util/strings.h"

namespace parallax {
namespace {

using namespace std::string_literals;

struct Collected {
  std::vector<Article> articles;
  std::vector<Rejection> rejected;
};

Collected ReadFrom(const std::string& input, const ReadOptions& options = {}) {
  Collected out;
  ArticleSink on_article = [&](Article a) { out.articles.push_back(std::move(a)); };
  RejectSink on_reject = [&](Rejection r) { out.rejected.push_back(std::move(r)); };
  std::istringstream in(input);
  ReadStream(in, "<stdin>", "stdin", options, StreamSinks{on_article, on_reject});
  return out;
}

TEST(StreamReader, JsonLinesWhenFirstByteIsBrace) {
  Collected c = ReadFrom(
      "\n  \n{\"id\":\"a\",\"text\":\"Tide is high.\"}\r\n\n"
      "{\"id\":\"b\",\"text\":\"Boats stay in.\",\"outlet\":\"Quay Post\"}");
  ASSERT_EQ(c.articles.size(), 2u);
  EXPECT_TRUE(c.rejected.empty());
  EXPECT_EQ(c.articles[0].id, "a");
  EXPECT_EQ(c.articles[0].origin, "<stdin>:3");
  EXPECT_EQ(c.articles[0].text, "Tide is high.");
  EXPECT_EQ(c.articles[1].origin, "<stdin>:5");
  EXPECT_EQ(c.articles[1].outlet, "Quay Post");
}

TEST(StreamReader, PlainTextOtherwise) {
  Collected c = ReadFrom("Harbour reopens\n\nThe harbour reopened at dawn.\n");
  ASSERT_EQ(c.articles.size(), 1u);
  EXPECT_TRUE(c.rejected.empty());
  EXPECT_EQ(c.articles[0].id, "stdin");
  EXPECT_EQ(c.articles[0].origin, "<stdin>");
  EXPECT_EQ(c.articles[0].title, "Harbour reopens");
  EXPECT_EQ(c.articles[0].text, "The harbour reopened at dawn.\n");
}

TEST(StreamReader, EmptyInputIsOneRejection) {
  Collected c = ReadFrom("");
  EXPECT_TRUE(c.articles.empty());
  ASSERT_EQ(c.rejected.size(), 1u);
  EXPECT_EQ(c.rejected[0].input, "<stdin>");
  EXPECT_EQ(c.rejected[0].error, "empty file");
}

TEST(StreamReader, OversizedTextIsRejectedWithoutReadingItAll) {
  ReadOptions small;
  small.max_article_bytes = 100;
  Collected c = ReadFrom(std::string(5000, 'w'), small);
  EXPECT_TRUE(c.articles.empty());
  ASSERT_EQ(c.rejected.size(), 1u);
  EXPECT_EQ(c.rejected[0].error, "article larger than 100 bytes");
}

TEST(StreamReader, GzipStreamIsOneRejection) {
  Collected c = ReadFrom("\x1F\x8B\x08\0\0\0\0\0"s + std::string(100000, '\x7F'));
  ASSERT_EQ(c.rejected.size(), 1u);
  EXPECT_EQ(c.rejected[0].error, "gzip input is read only as WARC (.warc.gz) or HTML (.html.gz)");
}

// Each kind of bad row gives exactly one rejection at its line; every good row is still read.
TEST(StreamReader, EachBadRowIsOneRejectionAndTheRestIsRead) {
  const std::string deep = std::string(40, '[') + std::string(40, ']');
  const std::vector<std::string> rows = {
      R"({"id":"g1","text":"First good row."})",                // 1
      R"({"id":"m","text":"cut off)",                           // 2 malformed
      R"({"id":"t"})",                                          // 3 missing text
      R"({"id":"p","text":"x","published":7})",                 // 4 published not string
      "{\"id\":\"u\",\"text\":\"bad \xC0\xAF byte\"}",          // 5 invalid UTF-8
      R"({"id":"d","text":"x","n":)" + deep + "}",              // 6 too deep
      R"({"id":"l","text":")" + std::string(300, 'z') + "\"}",  // 7 too large
      R"({"id":"e","text":"   "})",                             // 8 no text
      R"({"text":"no id"})",                                    // 9 missing id
      R"({"id":"q","text":"x","published":"soon"})",            // 10 bad date
      "",                                                       // 11 blank: skipped
      R"({"id":"g2","text":"Last good row."})",                 // 12, no final newline
  };
  std::string input = Join(rows, "\n");
  ReadOptions options;
  options.max_article_bytes = 200;
  Collected c = ReadFrom(input, options);

  ASSERT_EQ(c.articles.size(), 2u);
  EXPECT_EQ(c.articles[0].id, "g1");
  EXPECT_EQ(c.articles[1].id, "g2");
  EXPECT_EQ(c.articles[1].origin, "<stdin>:12");

  std::vector<std::string> inputs, errors;
  for (const Rejection& r : c.rejected) {
    inputs.push_back(r.input);
    errors.push_back(r.error.substr(0, r.error.find_first_of(":(")));
  }
  EXPECT_EQ(inputs, (std::vector<std::string>{"<stdin>:2", "<stdin>:3", "<stdin>:4", "<stdin>:5",
                                              "<stdin>:6", "<stdin>:7", "<stdin>:8", "<stdin>:9",
                                              "<stdin>:10"}));
  EXPECT_EQ(errors, (std::vector<std::string>{
                        "malformed JSON", "missing field \"text\"",
                        "field \"published\" is not a string", "invalid UTF-8 at column 23 ",
                        "nesting deeper than 32", "article larger than 200 bytes",
                        "article has no text", "missing field \"id\"", "field \"published\""}));
}

TEST(StreamReader, JsonArrayIsOneRejection) {
  std::istringstream in("[\n{\"id\":\"a\",\"text\":\"x\"},\n{\"id\":\"b\",\"text\":\"y\"}\n]\n");
  LineReader reader(in, 1000);
  std::vector<Rejection> rejected;
  ArticleSink on_article = [](const Article&) { FAIL(); };
  RejectSink on_reject = [&](Rejection r) { rejected.push_back(std::move(r)); };
  ReadJsonLines(reader, "list.json", ReadOptions{}, StreamSinks{on_article, on_reject});
  ASSERT_EQ(rejected.size(), 1u);
  EXPECT_EQ(rejected[0].input, "list.json");
  EXPECT_EQ(rejected[0].error, "a JSON array, not JSON Lines (one object per line)");
}

TEST(StreamReader, PrettyPrintedObjectIsOneRejection) {
  Collected c = ReadFrom("{\n  \"id\": \"a\",\n  \"text\": \"x\"\n}\n");
  EXPECT_TRUE(c.articles.empty());
  ASSERT_EQ(c.rejected.size(), 1u);
  EXPECT_EQ(c.rejected[0].input, "<stdin>");
  EXPECT_EQ(c.rejected[0].error, "a JSON object spread over several lines, not JSON Lines");
}

TEST(StreamReader, HeadChecks) {
  EXPECT_TRUE(CheckJsonLinesHead("").ok());
  EXPECT_TRUE(CheckJsonLinesHead("{\"id\":1}\n{").ok());
  EXPECT_TRUE(CheckJsonLinesHead("\n\n{\"id\":1}").ok());
  EXPECT_FALSE(CheckJsonLinesHead("  [{\"id\":1}]").ok());
  EXPECT_FALSE(CheckJsonLinesHead("\r\n{\r\n").ok());
  EXPECT_FALSE(CheckJsonLinesHead("{\"a\":\0}"s).ok());
}

}  // namespace
}  // namespace parallax
