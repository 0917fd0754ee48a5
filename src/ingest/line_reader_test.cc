#include "ingest/line_reader.h"

#include <gtest/gtest.h>

#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace parallax {
namespace {

struct ReadLine {
  std::string text;
  uint64_t number;
  bool too_long;
  bool operator==(const ReadLine&) const = default;
};

std::vector<ReadLine> ReadLines(const std::string& input, size_t max_line, size_t chunk) {
  std::istringstream in(input);
  LineReader reader(in, max_line, chunk);
  std::vector<ReadLine> lines;
  LineReader::Line line;
  while (reader.Next(&line)) {
    lines.push_back({std::string(line.text), line.number, line.too_long});
  }
  EXPECT_FALSE(reader.failed());
  return lines;
}

// The obviously correct reference: split on "\n", drop one trailing "\r", no final empty line.
std::vector<ReadLine> Reference(const std::string& input, size_t max_line) {
  std::vector<ReadLine> lines;
  size_t pos = 0;
  uint64_t number = 0;
  while (pos < input.size()) {
    size_t nl = input.find('\n', pos);
    size_t end = nl == std::string::npos ? input.size() : nl;
    std::string text = input.substr(pos, end - pos);
    bool too_long = text.size() > max_line;
    if (too_long) text.clear();
    if (!text.empty() && text.back() == '\r') text.pop_back();
    lines.push_back({text, ++number, too_long});
    pos = end + 1;
  }
  return lines;
}

TEST(LineReader, SplitsLfAndCrlfLines) {
  auto lines = ReadLines("one\r\ntwo\n\nthree", 100, LineReader::kDefaultChunk);
  std::vector<ReadLine> want = {
      {"one", 1, false}, {"two", 2, false}, {"", 3, false}, {"three", 4, false}};
  EXPECT_EQ(lines, want);
}

TEST(LineReader, EmptyStreamHasNoLines) {
  EXPECT_TRUE(ReadLines("", 100, 16).empty());
  EXPECT_EQ(ReadLines("\n", 100, 16).size(), 1u);
}

TEST(LineReader, SkipsTooLongLinesAndGoesOn) {
  std::string long_line(50, 'x');
  for (size_t chunk : {3u, 8u, 64u, 4096u}) {
    auto lines = ReadLines(
        std::string("short\n").append(long_line).append("\nnext\n").append(long_line), 10, chunk);
    std::vector<ReadLine> want = {
        {"short", 1, false}, {"", 2, true}, {"next", 3, false}, {"", 4, true}};
    EXPECT_EQ(lines, want) << "chunk " << chunk;
  }
}

TEST(LineReader, LineAtExactlyTheBudgetIsKept) {
  auto lines = ReadLines("abcd\nabcde\n", 4, 2);
  std::vector<ReadLine> want = {{"abcd", 1, false}, {"", 2, true}};
  EXPECT_EQ(lines, want);
}

TEST(LineReader, MatchesReferenceForEveryChunkSize) {
  std::mt19937 rng(7);
  const char alphabet[] = "ab \r\n\n";
  for (int round = 0; round < 200; ++round) {
    std::string input;
    size_t n = rng() % 80;
    for (size_t i = 0; i < n; ++i) input += alphabet[rng() % 6];
    for (size_t chunk : {1u, 2u, 5u, 13u, 1024u}) {
      EXPECT_EQ(ReadLines(input, 6, chunk), Reference(input, 6))
          << "input \"" << input << "\" chunk " << chunk;
    }
  }
}

TEST(LineReader, PeekDoesNotConsume) {
  std::istringstream in("{\"a\":1}\nsecond\n");
  LineReader reader(in, 100, 4);
  EXPECT_EQ(reader.Peek(3), "{\"a");
  EXPECT_EQ(reader.Peek(100), "{\"a\":1}\nsecond\n");
  LineReader::Line line;
  ASSERT_TRUE(reader.Next(&line));
  EXPECT_EQ(line.text, "{\"a\":1}");
  ASSERT_TRUE(reader.Next(&line));
  EXPECT_EQ(line.text, "second");
  EXPECT_FALSE(reader.Next(&line));
}

TEST(LineReader, ReadAllReturnsEverythingLeft) {
  std::string body(5000, 'b');
  for (size_t chunk : {7u, 100u, 1u << 20}) {
    std::istringstream in("head\n" + body);
    LineReader reader(in, 100, chunk);
    EXPECT_EQ(reader.Peek(2), "he");
    std::string all;
    EXPECT_TRUE(reader.ReadAll(10000, &all));
    EXPECT_EQ(all, "head\n" + body) << "chunk " << chunk;
  }
}

TEST(LineReader, ReadAllStopsPastTheLimit) {
  std::istringstream in(std::string(1000, 'c'));
  LineReader reader(in, 100, 16);
  std::string all;
  EXPECT_FALSE(reader.ReadAll(999, &all));
  EXPECT_EQ(all.size(), 1000u);

  std::istringstream exact(std::string(999, 'c'));
  LineReader exact_reader(exact, 100, 16);
  EXPECT_TRUE(exact_reader.ReadAll(999, &all));
  EXPECT_EQ(all.size(), 999u);
}

}  // namespace
}  // namespace parallax
