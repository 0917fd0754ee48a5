#include "parallax/reader.h"

#include "ingest/test_util.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace parallax {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> Ids(const Collected& c) {
  std::vector<std::string> ids;
  for (const Article& a : c.articles) ids.push_back(a.id);
  return ids;
}

TEST(Reader, TextFileIdOriginAndExactBody) {
  TempDir dir;
  std::string content = "Bridge closed for repairs\n\nThe Old Span bridge closed today.\n";
  std::string path = dir.Write("bridge-2026.v2.txt", content);
  Collected c = Read({path});
  ASSERT_EQ(c.articles.size(), 1u);
  EXPECT_TRUE(c.rejected.empty());
  const Article& a = c.articles[0];
  EXPECT_EQ(a.id, "bridge-2026.v2");
  EXPECT_EQ(a.origin, path);
  EXPECT_EQ(a.title, "Bridge closed for repairs");
  EXPECT_EQ(a.text, content.substr(content.find("The Old Span")));
}

TEST(Reader, JsonLinesFileGoodAndBadRows) {
  TempDir dir;
  std::string path = dir.Write("feed.JSONL",
                               "{\"id\":\"r1\",\"text\":\"Rain stops play.\"}\n"
                               "{\"id\":\"r2\",\"text\":\"Rain\n"
                               "\n"
                               "{\"id\":\"r3\",\"text\":\"Play resumes.\",\"published\":"
                               "\"2026-03-04\"}\n");
  Collected c = Read({path});
  EXPECT_EQ(Ids(c), (std::vector<std::string>{"r1", "r3"}));
  EXPECT_EQ(c.articles[1].origin, path + ":4");
  EXPECT_EQ(c.articles[1].published, 1772582400);
  ASSERT_EQ(c.rejected.size(), 1u);
  EXPECT_EQ(c.rejected[0].input, path + ":2");
  EXPECT_EQ(c.rejected[0].error.rfind("malformed JSON: ", 0), 0u);
}

TEST(Reader, FolderIsWalkedInSortedOrderSkippingHiddenAndLoops) {
  TempDir dir;
  dir.Write("b.txt", "Second story body.");
  dir.Write("a/z.txt", "First story body.");
  dir.Write("a/m/deep.txt", "Deep story body.");
  dir.Write("c.ndjson", "{\"id\":\"j1\",\"text\":\"x\"}\n{\"id\":\"j2\",\"text\":\"y\"}\n");
  dir.Write(".hidden.txt", "Not read.");
  dir.Write(".git/objects/x.txt", "Not read.");
  dir.Write("a/.cache.jsonl", "not read");
  fs::create_directory_symlink(dir.Path("a"), dir.Path("a/m/loop"));  // a loop
  fs::create_symlink(dir.Path("b.txt"), dir.Path("d-link.txt"));      // a link to a file
  Collected c = Read({dir.Path()});
  EXPECT_TRUE(c.rejected.empty());
  EXPECT_EQ(Ids(c), (std::vector<std::string>{"deep", "z", "b", "j1", "j2", "d-link"}));
  EXPECT_EQ(c.articles[0].origin, dir.Path("a/m/deep.txt"));
}

TEST(Reader, PathsAreReadInTheGivenOrder) {
  TempDir dir;
  std::string b = dir.Write("b.txt", "Body b.");
  std::string a = dir.Write("a.txt", "Body a.");
  EXPECT_EQ(Ids(Read({b, a})), (std::vector<std::string>{"b", "a"}));
}

TEST(Reader, MissingPathIsRejectedWithOsError) {
  TempDir dir;
  std::string good = dir.Write("good.txt", "Body.");
  Collected c = Read({dir.Path("missing.txt"), good});
  EXPECT_EQ(Ids(c), (std::vector<std::string>{"good"}));
  ASSERT_EQ(c.rejected.size(), 1u);
  EXPECT_EQ(c.rejected[0].input, dir.Path("missing.txt"));
  EXPECT_EQ(c.rejected[0].error, "cannot open: No such file or directory");
}

TEST(Reader, DanglingSymlinkInFolderIsRejected) {
  TempDir dir;
  dir.Write("good.txt", "Body.");
  fs::create_symlink(dir.Path("gone.txt"), dir.Path("link.txt"));
  Collected c = Read({dir.Path()});
  EXPECT_EQ(Ids(c), (std::vector<std::string>{"good"}));
  ASSERT_EQ(c.rejected.size(), 1u);
  EXPECT_EQ(c.rejected[0].input, dir.Path("link.txt"));
  EXPECT_EQ(c.rejected[0].error, "cannot open: No such file or directory");
}

// Unreadable paths that even root cannot open (CI runs as root, so permission bits would not
// do): a path through a regular file fails with ENOTDIR, the rest of the input is still read.
TEST(Reader, UnopenablePathIsRejectedAndTheRestRead) {
  TempDir dir;
  std::string open = dir.Write("open.txt", "Body.");
  std::string through_file = open + "/inside.txt";
  Collected c = Read({through_file, open});
  EXPECT_EQ(Ids(c), (std::vector<std::string>{"open"}));
  ASSERT_EQ(c.rejected.size(), 1u);
  EXPECT_EQ(c.rejected[0].input, through_file);
  EXPECT_EQ(c.rejected[0].error, "cannot open: Not a directory");
}

TEST(Reader, FileBudgets) {
  TempDir dir;
  ReadOptions options;
  options.max_file_bytes = 1000;
  options.max_article_bytes = 100;
  std::string big_jsonl = dir.Write("big.jsonl", std::string(1001, '\n'));
  std::string big_text = dir.Write("big.txt", std::string(101, 'w'));
  std::string ok_text = dir.Write("ok.txt", std::string(100, 'w'));
  Collected c = Read({big_jsonl, big_text, ok_text}, options);
  EXPECT_EQ(Ids(c), (std::vector<std::string>{"ok"}));
  ASSERT_EQ(c.rejected.size(), 2u);
  EXPECT_EQ(c.rejected[0].input, big_jsonl);
  EXPECT_EQ(c.rejected[0].error, "file larger than 1000 bytes");
  EXPECT_EQ(c.rejected[1].input, big_text);
  EXPECT_EQ(c.rejected[1].error, "article larger than 100 bytes");
}

TEST(Reader, LargeJsonLinesFileIsStreamedAcrossChunks) {
  TempDir dir;
  std::string content;
  const int kRows = 3000;  // ~1.5 MB: more than one read chunk
  for (int i = 0; i < kRows; ++i) {
    content += "{\"id\":" + std::to_string(i) + R"(,"text":")" +
               std::string(500, static_cast<char>('a' + i % 26)) + "\"}\n";
  }
  std::string path = dir.Write("many.jsonl", content);
  Collected c = Read({path});
  EXPECT_TRUE(c.rejected.empty());
  ASSERT_EQ(c.articles.size(), static_cast<size_t>(kRows));
  for (int i = 0; i < kRows; ++i) {
    ASSERT_EQ(c.articles[i].id, std::to_string(i));
    ASSERT_EQ(c.articles[i].text, std::string(500, 'a' + i % 26));
    ASSERT_EQ(c.articles[i].origin, path + ":" + std::to_string(i + 1));
  }
}

// tests/data/bad holds one file per kind of unreadable input: each is exactly one rejection.
TEST(Reader, BadFixturesAreOneRejectionEach) {
  const std::string bad = std::string(PARALLAX_SOURCE_DIR) + "/tests/data/bad";
  Collected c = Read({bad});
  EXPECT_TRUE(c.articles.empty());
  std::vector<std::pair<std::string, std::string>> got;
  for (const Rejection& r : c.rejected) {
    got.emplace_back(fs::path(r.input).filename().string(), r.error);
  }
  std::vector<std::pair<std::string, std::string>> want = {
      {"array.json", "a JSON array, not JSON Lines (one object per line)"},
      {"binary.dat", "binary file"},
      {"empty.txt", "empty file"},
      {"gzipped.txt.gz", "gzip input is read only as WARC (.warc.gz) or HTML (.html.gz)"},
      {"invalid_utf8.txt", "invalid UTF-8 at line 3, column 11 (byte 23)"},
      {"pretty.json", "a JSON object spread over several lines, not JSON Lines"},
      {"utf16.txt", "UTF-16 input is not supported"},
  };
  EXPECT_EQ(got, want);
}

}  // namespace
}  // namespace parallax
