// End-to-end tests of the parallax CLI: the seeds, the example corpus and its answer key
// (examples/expected.json), the output formats, bad input and exit codes.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
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

json RunJson(const std::string& args) {
  RunResult r = RunCli("digest --format json " + args);
  EXPECT_TRUE(r.code == 0 || r.code == 3) << r.err;
  return json::parse(r.out);
}

std::string Shared() { return std::string(PARALLAX_SOURCE_DIR) + "/../shared"; }
std::string ExamplesDir() { return std::string(PARALLAX_SOURCE_DIR) + "/examples"; }

// Words of `old` not in `new` and the reverse, as ../shared/tools/score_conflicts.py counts a hit.
std::vector<std::string> DiffWords(const std::string& a, const std::string& b) {
  std::regex word(R"(\w+)");
  auto words = [&](const std::string& s) {
    std::vector<std::string> out;
    for (auto it = std::sregex_iterator(s.begin(), s.end(), word); it != std::sregex_iterator();
         ++it)
      out.push_back(it->str());
    return out;
  };
  auto wa = words(a), wb = words(b);
  std::vector<std::string> out;
  for (auto& w : wa)
    if (std::find(wb.begin(), wb.end(), w) == wb.end()) out.push_back(w);
  for (auto& w : wb)
    if (std::find(wa.begin(), wa.end(), w) == wa.end()) out.push_back(w);
  return out;
}

bool HasConflictWith(const json& story, const std::string& kind, const std::string& a,
                     const std::string& b) {
  auto needed = DiffWords(a, b);
  for (const json& c : story["conflicts"]) {
    if (!kind.empty() && c["kind"] != kind) continue;
    std::string dump = c.dump(-1, ' ', false, json::error_handler_t::replace);
    bool all = true;
    for (const auto& w : needed) all &= dump.find(w) != std::string::npos;
    if (all) return true;
  }
  return false;
}

// A conflict in which one value holds the words only `a` has and another the words only `b`
// has: the near-miss checks must not match on digits that happen to appear in offsets.
bool HasConflictBetween(const json& story, const std::string& a, const std::string& b) {
  std::regex word(R"(\w+)");
  auto only = [&](const std::string& x, const std::string& y) {
    std::vector<std::string> out;
    for (auto it = std::sregex_iterator(x.begin(), x.end(), word); it != std::sregex_iterator();
         ++it) {
      if (!std::regex_search(y, std::regex("\\b" + it->str() + "\\b"))) out.push_back(it->str());
    }
    return out;
  };
  auto holds = [](const std::string& value, const std::vector<std::string>& words) {
    for (const auto& w : words) {
      if (value.find(w) == std::string::npos) return false;
    }
    return true;
  };
  auto wa = only(a, b), wb = only(b, a);
  bool punctuation_only = wa.empty() && wb.empty();  // "3–1" / "3-1": compare whole values
  for (const json& c : story["conflicts"]) {
    for (const json& x : c["values"]) {
      for (const json& y : c["values"]) {
        if (&x == &y) continue;
        if (punctuation_only ? (x["value"] == a && y["value"] == b)
                             : (holds(x["value"], wa) && holds(y["value"], wb))) {
          return true;
        }
      }
    }
  }
  return false;
}

bool StoryTextContains(const json& story, const std::string& needle) {
  for (const char* field : {"digest", "agreements", "unique"}) {
    for (const json& s : story[field]) {
      if (s["text"].get<std::string>().find(needle) != std::string::npos) return true;
    }
  }
  return false;
}

// ---------- seeds ----------

TEST(Seeds, OneStoryWithTheSpellingAndTitleConflictsAndNoNoise) {
  ASSERT_TRUE(fs::exists(Shared() + "/seeds")) << "../shared must be beside the checkout";
  json r = RunJson(Shared() + "/seeds");
  ASSERT_EQ(r["stories"].size(), 1u) << r.dump(2);
  const json& s = r["stories"][0];
  EXPECT_EQ(s["articles"].size(), 2u);
  EXPECT_TRUE(HasConflictWith(s, "name", "Vedant Patel", "Vandante Patel"))
      << s["conflicts"].dump(2);
  EXPECT_TRUE(HasConflictWith(s, "title", "acting US envoy for Iran", "US envoy for Iran"))
      << s["conflicts"].dump(2);
  for (const char* noise : {"Iranians carry a model", "credit:", "READ:", "Former Iran President",
                            "Oman's Sultan Haitham", "The bigger picture"}) {
    EXPECT_FALSE(StoryTextContains(s, noise)) << noise;
  }
  ASSERT_FALSE(s["digest"].empty());
  for (const json& d : s["digest"]) EXPECT_GE(d["sources"].size(), 1u);
  EXPECT_TRUE(r["rejected"].empty());
}

// The body of a plain-text article as the reader defines it: the file minus an optional title
// line and the blank line after it.
std::string Body(const std::string& file) {
  size_t nl = file.find('\n');
  if (nl != std::string::npos && nl <= 300 && file.compare(nl + 1, 1, "\n") == 0)
    return file.substr(nl + 2);
  return file;
}

TEST(Seeds, EvidenceOffsetsQuoteTheSourceExactly) {
  json r = RunJson(Shared() + "/seeds");
  std::map<std::string, std::string> bodies;
  for (const auto& e : fs::directory_iterator(Shared() + "/seeds")) {
    bodies[e.path().stem().string()] = Body(Slurp(e.path()));
  }
  int checked = 0;
  for (const char* field : {"digest", "agreements"}) {
    for (const json& d : r["stories"][0][field]) {
      for (size_t i = 0; i < d["evidence"].size(); ++i) {
        const json& ev = d["evidence"][i];
        const std::string& body = bodies.at(ev["article"].get<std::string>());
        size_t begin = ev["begin"], end = ev["end"];
        ASSERT_LT(begin, end);
        ASSERT_LE(end, body.size());
        std::string quoted = body.substr(begin, end - begin);
        // The statement's text is its first source's sentence, byte for byte.
        if (i == 0) {
          EXPECT_EQ(quoted, d["text"].get<std::string>());
        }
        EXPECT_EQ(ev["article"], d["sources"][i]);
        ++checked;
      }
    }
  }
  EXPECT_GT(checked, 4);
}

// ---------- examples ----------

class Examples : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    expected_ = new json(json::parse(Slurp(ExamplesDir() + "/expected.json")));
    report_ = new json(RunJson(ExamplesDir() + "/corpus"));
    for (const json& s : (*report_)["stories"]) {
      for (const json& a : s["articles"]) story_of_[a["id"]] = s["id"];
    }
  }
  static const json* StoryOf(const std::string& article) {
    for (const json& s : (*report_)["stories"]) {
      if (s["id"] == story_of_[article]) return &s;
    }
    return nullptr;
  }
  static json* expected_;
  static json* report_;
  static std::map<std::string, std::string> story_of_;
};
json* Examples::expected_ = nullptr;
json* Examples::report_ = nullptr;
std::map<std::string, std::string> Examples::story_of_;

TEST_F(Examples, EveryPlantedStoryIsFoundWhole) {
  EXPECT_TRUE((*report_)["rejected"].empty()) << (*report_)["rejected"].dump();
  for (const json& e : (*expected_)["events"]) {
    std::set<std::string> stories;
    for (const json& id : e["articles"]) stories.insert(story_of_[id]);
    EXPECT_EQ(stories.size(), 1u) << e["event"];
    const json* s = StoryOf(e["articles"][0]);
    ASSERT_NE(s, nullptr);
    EXPECT_EQ((*s)["articles"].size(), e["articles"].size()) << e["event"] << " has extra articles";
  }
  EXPECT_EQ((*report_)["stories"].size(), (*expected_)["events"].size());
}

TEST_F(Examples, SyndicatedCopiesAreFolded) {
  for (const json& c : (*expected_)["copies"]) {
    const json* s = StoryOf(c["id"]);
    ASSERT_NE(s, nullptr) << c["id"];
    bool folded = false;
    for (const json& a : (*s)["articles"]) {
      if (a["id"] == c["id"]) folded = a.value("duplicate_of", "") == c["of"];
    }
    EXPECT_TRUE(folded) << c["id"] << " should be a copy of " << c["of"];
  }
}

TEST_F(Examples, PlantedConflictsAreReported) {
  for (const json& c : (*expected_)["conflicts"]) {
    const json* s = StoryOf(c["articles"][0]);
    ASSERT_NE(s, nullptr);
    EXPECT_TRUE(HasConflictWith(*s, c["kind"], c["values"][0], c["values"][1]))
        << c["kind"] << ": " << c["values"].dump() << "\nreported: " << (*s)["conflicts"].dump(2);
  }
}

TEST_F(Examples, NearMissesAreNotConflicts) {
  for (const json& c : (*expected_)["not_conflicts"]) {
    for (size_t i = 0; i < c["values"].size(); ++i) {
      for (size_t j = i + 1; j < c["values"].size(); ++j) {
        for (const json& s : (*report_)["stories"]) {
          EXPECT_FALSE(HasConflictBetween(s, c["values"][i], c["values"][j]))
              << c["values"].dump() << " reported in " << s["id"] << ": " << s["conflicts"].dump(2);
        }
      }
    }
  }
}

TEST_F(Examples, NoScrapedNoiseInDigestsOrComparisons) {
  for (const json& s : (*report_)["stories"]) {
    for (const char* noise :
         {"READ:", "Read more", "Share this article", "photo credit", "(Photo:", "Follow us"}) {
      EXPECT_FALSE(StoryTextContains(s, noise)) << noise << " in " << s["id"];
    }
  }
}

// ---------- formats ----------

TEST(Formats, TextAndHtmlRenderTheStories) {
  RunResult text = RunCli("digest " + Shared() + "/seeds");
  EXPECT_EQ(text.code, 0) << text.err;
  EXPECT_NE(text.out.find("Patel"), std::string::npos);
  RunResult html = RunCli("digest --format html " + Shared() + "/seeds");
  EXPECT_EQ(html.code, 0);
  EXPECT_NE(html.out.find("<html"), std::string::npos);
  EXPECT_EQ(html.out.find("<script src"), std::string::npos);
}

TEST(Formats, HtmlEscapesArticleFields) {
  std::string line =
      R"json({"id":"x1","title":"<script>alert(1)</script>","outlet":"\" onmouseover=\"x","url":"javascript:alert(1)","text":"A harmless sentence about <b>bold</b> claims and a long enough body."})json";
  RunResult r = RunCli("digest --format html -", line + "\n");
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out.find("<script>alert(1)"), std::string::npos);
  EXPECT_NE(r.out.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_EQ(r.out.find("href=\"javascript:"), std::string::npos);
}

TEST(Formats, DigestExplainListsRemovalsPerArticle) {
  RunResult r = RunCli("digest --format json --explain " + Shared() + "/seeds");
  EXPECT_EQ(r.code, 0) << r.err;
  json j = json::parse(r.out);
  std::set<std::string> reasons;
  for (const json& a : j["stories"][0]["articles"]) {
    for (const json& x : a["removed"]) {
      reasons.insert(x["reason"]);
      EXPECT_FALSE(x["text"].get<std::string>().empty());
    }
  }
  for (const char* want :
       {"promo", "caption", "caption (printed twice)", "credit", "teaser (repeated below)"}) {
    EXPECT_TRUE(reasons.count(want)) << want;
  }
  // Without --explain the contract carries no "removed".
  json quiet = RunJson(Shared() + "/seeds");
  EXPECT_FALSE(quiet["stories"][0]["articles"][0].contains("removed"));
}

TEST(Formats, CleanExplainShowsReasons) {
  RunResult r = RunCli("clean --explain " + Shared() + "/seeds");
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("- [promo] READ:"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("- [caption (printed twice)] Iranians carry"), std::string::npos);
  EXPECT_NE(r.out.find("- [credit] (photo credit:"), std::string::npos);
}

// ---------- parallax cluster ----------

TEST_F(Examples, ClusterGivesEachArticleTheStoryDigestGivesIt) {
  RunResult r = RunCli("cluster " + ExamplesDir() + "/corpus");
  ASSERT_EQ(r.code, 0) << r.err;
  std::map<std::string, std::string> story;
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);) {
    size_t tab = line.find('\t');
    ASSERT_NE(tab, std::string::npos) << line;
    EXPECT_TRUE(story.emplace(line.substr(0, tab), line.substr(tab + 1)).second)
        << "twice: " << line;
  }
  EXPECT_EQ(story.size(), story_of_.size());
  EXPECT_EQ(story, story_of_);  // same stories, same numbering (by size) as digest
}

TEST(Cluster, JsonLinesCarryStoryOutletTimeAndCopies) {
  RunResult r = RunCli(
      "cluster --format jsonl -",
      R"({"id":"a1","outlet":"Post","published":"2026-03-02T08:00:00Z","title":"Ferry strike in Estvik ends after nine days"})"
      "\n"
      R"({"id":"a2","outlet":"Herald","published":"2026-03-02T09:00:00Z","title":"Estvik ferry strike ends as crews accept deal"})"
      "\n"
      R"({"id":"a3","title":"  "})"
      "\n");
  EXPECT_EQ(r.code, 3) << r.err;  // a3 has neither text nor title
  EXPECT_NE(r.err.find("<stdin>:3"), std::string::npos) << r.err;
  std::istringstream lines(r.out);
  std::vector<json> rows;
  for (std::string line; std::getline(lines, line);) rows.push_back(json::parse(line));
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0]["id"], "a1");
  EXPECT_EQ(rows[0]["outlet"], "Post");
  EXPECT_EQ(rows[0]["published"], "2026-03-02T08:00:00Z");
  EXPECT_EQ(rows[0]["story"], rows[1]["story"]);
}

// ---------- one story ----------

TEST(OneStory, EveryArticleJoinsOneStoryAndCopiesAreStillFolded) {
  json r = RunJson("--one-story --words 60 " + ExamplesDir() + "/corpus");
  ASSERT_EQ(r["stories"].size(), 1u);
  const json& s = r["stories"][0];
  EXPECT_EQ(s["articles"].size(), r["articles_read"].get<size_t>());
  size_t copies = 0, words = 0;
  for (const json& a : s["articles"]) copies += a.contains("duplicate_of");
  EXPECT_GT(copies, 0u);  // the corpus has syndicated copies (examples/expected.json)
  ASSERT_FALSE(s["digest"].empty());
  for (const json& d : s["digest"]) {
    std::istringstream in(d["text"].get<std::string>());
    for (std::string w; in >> w;) ++words;
    EXPECT_FALSE(d["sources"].empty());
  }
  EXPECT_LE(words, 60u);
}

// ---------- bad input and exit codes ----------

TEST(BadInput, EachBadItemIsRejectedWithItsLocationAndTheRestIsUsed) {
  fs::path dir = TempDir() / "bad";
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "feed.jsonl")
      << R"({"id":"ok1","title":"Pier reopens","text":"The north pier in Korsholm reopened on Friday after repairs."})"
         "\n"
      << R"({"id":"broken", "text": )"
         "\n"
      << R"({"id":"notext","title":"  "})"
         "\n"
      << "{\"id\":\"badutf\",\"text\":\"caf\xC3 au lait\"}\n"
      << R"({"id":"ok2","text":"Ferry services resumed in Estvik on Saturday morning."})"
         "\n";
  std::ofstream(dir / "empty.txt") << "";
  std::ofstream(dir / "latin1.txt") << "Caf\xE9 owners in Tarnby protested.";
  RunResult r =
      RunCli("digest --format json " + dir.string() + " " + (dir / "missing.jsonl").string());
  EXPECT_EQ(r.code, 3) << r.err;
  json j = json::parse(r.out);
  std::set<std::string> inputs;
  for (const json& x : j["rejected"]) inputs.insert(x["input"]);
  EXPECT_TRUE(inputs.count((dir / "feed.jsonl").string() + ":2")) << j["rejected"].dump(2);
  EXPECT_TRUE(inputs.count((dir / "feed.jsonl").string() + ":3"));
  EXPECT_TRUE(inputs.count((dir / "feed.jsonl").string() + ":4"));
  EXPECT_TRUE(inputs.count((dir / "empty.txt").string()));
  EXPECT_TRUE(inputs.count((dir / "latin1.txt").string()));
  EXPECT_TRUE(inputs.count((dir / "missing.jsonl").string()));
  EXPECT_EQ(j["rejected"].size(), 6u);
  EXPECT_EQ(j["articles_read"], 2);
}

TEST(BadInput, TextModeListsRejectionsOnStderr) {
  RunResult r = RunCli("digest -", "{\"id\":1,\n");
  EXPECT_EQ(r.code, 4);
  EXPECT_NE(r.err.find("<stdin>:1"), std::string::npos) << r.err;
}

TEST(ExitCodes, UsageAndNothingUsable) {
  EXPECT_EQ(RunCli("digest").code, 2);
  EXPECT_EQ(RunCli("frobnicate x").code, 2);
  EXPECT_EQ(RunCli("digest --format pdf x").code, 2);
  EXPECT_EQ(RunCli("digest /nonexistent/path").code, 4);
  EXPECT_EQ(RunCli("--help").code, 0);
}

}  // namespace
