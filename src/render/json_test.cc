#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "parallax/render.h"
#include "render/test_report.h"

namespace parallax {
namespace {

using Json = nlohmann::ordered_json;

std::vector<std::string> Keys(const Json& object) {
  std::vector<std::string> keys;
  for (auto it = object.begin(); it != object.end(); ++it) keys.push_back(it.key());
  return keys;
}

using Keys_ = std::vector<std::string>;

Json Render(const Report& report, bool explain = false) {
  RenderOptions options;
  options.explain = explain;
  return Json::parse(RenderJson(report, options));
}

TEST(RenderJson, TopLevelAndStoryFieldsInContractOrder) {
  Json j = Render(testing::SampleReport());
  EXPECT_EQ(Keys(j), (Keys_{"stories", "rejected", "articles_read"}));
  EXPECT_EQ(j["articles_read"], 4);
  ASSERT_EQ(j["stories"].size(), 2u);
  const Json& s1 = j["stories"][0];
  EXPECT_EQ(Keys(s1),
            (Keys_{"id", "title", "articles", "digest", "agreements", "unique", "conflicts"}));
  EXPECT_EQ(s1["id"], "s1");
  EXPECT_EQ(s1["title"], "Harbour talks resume in Port Alder");
  EXPECT_EQ(j["rejected"], Json::parse(R"([{"input": "feeds/bad.jsonl:7",
      "error": "invalid JSON: unexpected end of input"}])"));
}

TEST(RenderJson, ArticlesHaveOptionalFieldsOnlyWhenSet) {
  Json j = Render(testing::SampleReport());
  const Json& articles = j["stories"][0]["articles"];
  ASSERT_EQ(articles.size(), 3u);
  EXPECT_EQ(Keys(articles[0]), (Keys_{"id", "outlet", "title", "url", "published", "copies"}));
  EXPECT_EQ(articles[0]["published"], "2026-03-04T08:15:00Z");
  EXPECT_EQ(articles[0]["copies"], Json::array({"a3"}));
  EXPECT_EQ(articles[0]["url"], "https://northwind.example/talks");
  EXPECT_EQ(Keys(articles[1]), (Keys_{"id", "outlet", "title", "url", "published"}));
  EXPECT_EQ(Keys(articles[2]),
            (Keys_{"id", "outlet", "title", "url", "published", "duplicate_of"}));
  EXPECT_EQ(articles[2]["duplicate_of"], "a1");
  const Json& undated = j["stories"][1]["articles"][0];
  EXPECT_TRUE(undated["published"].is_null());
}

TEST(RenderJson, ExplainAddsRemovals) {
  Json j = Render(testing::SampleReport(), /*explain=*/true);
  const Json& a1 = j["stories"][0]["articles"][0];
  EXPECT_EQ(Keys(a1), (Keys_{"id", "outlet", "title", "url", "published", "copies", "removed"}));
  EXPECT_EQ(a1["removed"], Json::parse(R"([{"begin": 120, "end": 168, "reason": "caption",
      "text": "Delegates arrive at the port. Photo: staff"}])"));
  EXPECT_EQ(j["stories"][0]["articles"][1]["removed"], Json::array());
}

TEST(RenderJson, StatementsUniqueAndConflicts) {
  Json s1 = Render(testing::SampleReport())["stories"][0];
  ASSERT_EQ(s1["digest"].size(), 2u);
  EXPECT_EQ(s1["digest"][0], Json::parse(R"({"text": "Talks on the harbour resumed on Tuesday.",
      "sources": ["a1", "a2"], "evidence": [
        {"article": "a1", "sentence": 0, "begin": 0, "end": 9},
        {"article": "a2", "sentence": 1, "begin": 10, "end": 19}]})"));
  EXPECT_EQ(Keys(s1["digest"][0]["evidence"][0]), (Keys_{"article", "sentence", "begin", "end"}));
  EXPECT_EQ(s1["agreements"].size(), 10u);  // all of them; only text output is capped
  EXPECT_EQ(Keys(s1["agreements"][0]), (Keys_{"text", "sources", "evidence"}));
  ASSERT_EQ(s1["unique"].size(), 3u);
  EXPECT_EQ(s1["unique"][0], Json::parse(R"({"text": "The ferry was late.", "source": "a1",
      "evidence": {"article": "a1", "sentence": 4, "begin": 200, "end": 219}})"));
  ASSERT_EQ(s1["conflicts"].size(), 2u);
  const Json& name = s1["conflicts"][0];
  EXPECT_EQ(Keys(name), (Keys_{"kind", "subject", "confidence", "values"}));
  EXPECT_EQ(name["kind"], "name");
  EXPECT_EQ(name["subject"], "spokesman");
  EXPECT_DOUBLE_EQ(name["confidence"].get<double>(), 0.9);
  EXPECT_EQ(Keys(name["values"][0]), (Keys_{"value", "sources", "evidence", "refs"}));
  EXPECT_EQ(name["values"][1]["value"], "Tobin Arkright");
  EXPECT_EQ(name["values"][1]["sources"], Json::array({"a2"}));
  EXPECT_EQ(name["values"][1]["evidence"], "Spokesman Tobin Arkright said talks went well.");
  EXPECT_EQ(name["values"][1]["refs"][0]["begin"], 500);
  EXPECT_EQ(s1["conflicts"][1]["kind"], "number");
}

TEST(RenderJson, PrettyPrintedWithTwoSpaces) {
  std::string out = RenderJson(testing::SampleReport(), {});
  EXPECT_EQ(out.substr(0, 16), "{\n  \"stories\": [");
  EXPECT_EQ(out.back(), '\n');
}

TEST(RenderJson, InvalidUtf8StillYieldsValidJson) {
  Report report = testing::SampleReport();
  report.stories[0].title = "bad \xC3( byte";
  report.rejected[0].error = "cut \xE2\x82";
  std::string out = RenderJson(report, {});
  Json j;
  ASSERT_NO_THROW(j = Json::parse(out));
  EXPECT_EQ(j["stories"][0]["title"], "bad \xEF\xBF\xBD( byte");
}

TEST(RenderJson, EmptyReport) {
  Json j = Render(Report{});
  EXPECT_EQ(j, Json::parse(R"({"stories": [], "rejected": [], "articles_read": 0})"));
}

TEST(RenderJson, OneStoryIsTheObjectOfTheFullReportOnOneLine) {
  Report report = testing::SampleReport();
  std::string one = RenderStoryJson(report.stories[1], RenderOptions{});
  EXPECT_EQ(one.find('\n'), std::string::npos);
  EXPECT_EQ(Json::parse(one), Render(report)["stories"][1]);
}

}  // namespace
}  // namespace parallax
