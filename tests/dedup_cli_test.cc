// End-to-end tests of `parallax dedup` and of copy folding in `parallax digest`: the example
// corpus and its planted syndicated copies (examples/expected.json), streaming from stdin, the
// persistent index across runs, parameter mismatches and bad input. All texts here are
// fictional (the Valdmark setting of examples/README.md).
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>
#include <nlohmann/json.hpp>

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "cli_util.h"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

using parallax_test::RunCli;
using parallax_test::RunResult;
using parallax_test::Slurp;
using parallax_test::TempDir;

// id -> output line of `parallax dedup`.
std::map<std::string, json> Lines(const std::string& out) {
  std::map<std::string, json> m;
  std::istringstream in(out);
  for (std::string line; std::getline(in, line);) {
    json j = json::parse(line);
    m[j["id"]] = j;
  }
  return m;
}

std::string Examples() { return std::string(PARALLAX_SOURCE_DIR) + "/examples"; }

// A fictional wire story and a light syndicated copy of it.
std::string Story(int n) {
  std::string s;
  for (int i = 0; i < 12; ++i) {
    s += "Sentence " + std::to_string(i) + " of report " + std::to_string(n) +
         " says the Korsholm ferry board met harbour pilots from Estvik about route " +
         std::to_string(n * 100 + i) + ". ";
  }
  return s;
}

std::string Row(const std::string& id, const std::string& text) {
  return json{{"id", id}, {"text", text}, {"outlet", "Fictional Outlet"}}.dump() + "\n";
}

TEST(DedupCli, PlantedCopiesOfTheExampleCorpusShareTheirOriginalsGroup) {
  RunResult r = RunCli("dedup " + Examples() + "/corpus");
  ASSERT_EQ(r.code, 0) << r.err;
  auto lines = Lines(r.out);
  EXPECT_EQ(lines.size(), 55u);
  json expected = json::parse(Slurp(Examples() + "/expected.json"));
  std::set<std::string> in_pair;
  for (const json& c : expected["copies"]) {
    const std::string copy = c["id"], original = c["of"];
    EXPECT_EQ(lines[copy]["group"], lines[original]["group"]) << copy << " / " << original;
    in_pair.insert(copy);
    in_pair.insert(original);
  }
  int copies = 0;
  for (const auto& [id, line] : lines) {
    if (line["match"] != "original") {
      ++copies;
      EXPECT_TRUE(in_pair.count(id)) << id << " wrongly matched to " << line["group"];
      EXPECT_GE(line["jaccard"].template get<double>(), 0.6);
    }
  }
  EXPECT_EQ(copies, 5);
}

TEST(DedupCli, DigestNeverCountsACopyAsIndependentConfirmation) {
  RunResult r = RunCli("digest --format json " + Examples() + "/corpus");
  ASSERT_EQ(r.code, 0) << r.err;
  json report = json::parse(r.out);
  int folded = 0;
  for (const json& story : report["stories"]) {
    std::set<std::string> copies;
    for (const json& a : story["articles"]) {
      if (!a.value("duplicate_of", std::string()).empty())
        copies.insert(a["id"].get<std::string>());
    }
    folded += static_cast<int>(copies.size());
    for (const char* field : {"digest", "agreements"}) {
      for (const json& s : story[field]) {
        for (const json& src : s["sources"])
          EXPECT_FALSE(copies.count(src)) << field << " counts copy " << src;
      }
    }
    for (const json& c : story["conflicts"]) {
      for (const json& v : c["values"]) {
        for (const json& src : v["sources"])
          EXPECT_FALSE(copies.count(src)) << "conflict counts copy " << src;
      }
    }
  }
  EXPECT_EQ(folded, 5);
}

TEST(DedupCli, StreamsFromStdinAndContinuesFromAnIndexFile) {
  const std::string index = (TempDir() / "crawl.pdx").string();
  fs::remove(index);
  std::string shouted = Story(1);
  for (char& c : shouted)
    c = c == '.' ? '!' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  std::string day1 = Row("a1", Story(1)) + Row("a2", Story(2)) + Row("a3", "-- " + shouted);
  RunResult first = RunCli("dedup --index " + index + " -", day1);
  ASSERT_EQ(first.code, 0) << first.err;
  auto l1 = Lines(first.out);
  EXPECT_EQ(l1["a1"]["match"], "original");
  EXPECT_EQ(l1["a3"]["match"], "exact");  // same words, other case and punctuation
  EXPECT_EQ(l1["a3"]["group"], "a1");
  ASSERT_TRUE(fs::exists(index));

  // Day 2: a trimmed copy of day 1's a2 is found through the saved index.
  std::string copy = Story(2);
  copy.erase(copy.size() / 2, 90);
  RunResult second =
      RunCli("dedup --stats --index " + index + " -", Row("b1", copy) + Row("b2", Story(3)));
  ASSERT_EQ(second.code, 0) << second.err;
  auto l2 = Lines(second.out);
  EXPECT_EQ(l2["b1"]["match"], "near");
  EXPECT_EQ(l2["b1"]["group"], "a2");
  EXPECT_EQ(l2["b1"]["duplicate_of"], "a2");
  EXPECT_EQ(l2["b2"]["group"], "b2");
  EXPECT_NE(second.err.find("index 2 -> 3 texts"), std::string::npos) << second.err;

  // Other parameters: refused, the file is untouched.
  RunResult mismatch = RunCli("dedup --shingle 4 --index " + index + " -", Row("c1", Story(4)));
  EXPECT_EQ(mismatch.code, 2);
  EXPECT_NE(mismatch.err.find("index built with shingle=5"), std::string::npos) << mismatch.err;
  EXPECT_TRUE(mismatch.out.empty());

  // A damaged file is refused with its reason.
  std::string bytes = Slurp(index);
  std::ofstream(index, std::ios::binary | std::ios::trunc) << bytes.substr(0, bytes.size() - 9);
  RunResult damaged = RunCli("dedup --index " + index + " -", Row("c1", Story(4)));
  EXPECT_EQ(damaged.code, 1);
  EXPECT_NE(damaged.err.find("truncated"), std::string::npos) << damaged.err;
}

TEST(DedupCli, BadRowsAreRejectedWithTheirLineAndTheRestGoesOn) {
  const fs::path file = TempDir() / "mixed.jsonl";
  std::ofstream(file) << Row("x1", Story(5)) << "{\"id\": \"x2\", \"text\": \n"
                      << Row("x3", "... -- !!!") << "{\"id\":\"x4\",\"text\":\"caf\xC3\"}\n"
                      << Row("x5", Story(5));
  RunResult r = RunCli("dedup " + file.string());
  EXPECT_EQ(r.code, 3) << r.err;
  auto lines = Lines(r.out);
  EXPECT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines["x5"]["group"], "x1");
  EXPECT_NE(r.err.find("mixed.jsonl:2"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("mixed.jsonl:3: article has no words"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("mixed.jsonl:4"), std::string::npos) << r.err;

  EXPECT_EQ(RunCli("dedup --hashes 64 --bands 7 -", Row("y", Story(1))).code, 2);
  EXPECT_EQ(RunCli("dedup -", "").code, 4);
}

TEST(DedupCli, HelpListsTheOptions) {
  RunResult r = RunCli("dedup --help");
  EXPECT_EQ(r.code, 0);
  for (const char* opt :
       {"--index", "--shingle", "--hashes", "--bands", "--threshold", "--threads"}) {
    EXPECT_NE(r.out.find(opt), std::string::npos) << opt;
  }
}

}  // namespace
