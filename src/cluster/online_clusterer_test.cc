#include "cluster/online_clusterer.h"

#include <gtest/gtest.h>

#include <map>
#include <random>
#include <set>

#include "util/hash.h"

namespace parallax {
namespace {

// Synthetic articles: each event has its own vocabulary and named entities; articles draw
// mostly from them plus shared filler, as real reports of one event share names and key words.
ArticleFeatures Make(int event, std::mt19937& rng, std::optional<int64_t> time) {
  std::uniform_int_distribution<int> own(0, 11), filler(0, 199), who(0, 2);
  std::map<uint64_t, float> tf, title, entities;
  auto word = [&](const std::string& w) { return Hash64(w); };
  for (int i = 0; i < 20; ++i)
    tf[word("e" + std::to_string(event) + "w" + std::to_string(own(rng)))] += 1;
  for (int i = 0; i < 12; ++i) tf[word("f" + std::to_string(filler(rng)))] += 1;
  for (int i = 0; i < 4; ++i)
    title[word("e" + std::to_string(event) + "w" + std::to_string(own(rng)))] = 1;
  for (int i = 0; i < 3; ++i)
    entities[EntityTerm("e" + std::to_string(event) + " person" + std::to_string(who(rng)))] += 1;
  ArticleFeatures f;
  for (auto [t, c] : tf) f.terms.emplace_back(t, 1.0f + std::log(c));
  for (auto [t, c] : title) f.title.emplace_back(t, c);
  for (auto [t, c] : entities) f.entities.emplace_back(t, 1.0f + std::log(c));
  f.time = time;
  return f;
}

TEST(ClusterModel, BuiltInModelParsesWithEveryFeature) {
  const ClusterModel& m = DefaultClusterModel();
  EXPECT_FALSE(m.description.empty());
  EXPECT_GT(m.weights[kCosine], 0);  // more similar means more likely the same story
  EXPECT_GT(m.weights[kEntityCosine], 0);
}

TEST(ClusterModel, BuiltInBackgroundKnowsCommonWords) {
  const ClusterBackground& b = DefaultClusterBackground();
  EXPECT_GT(b.documents, 1000);
  auto df = [&](const char* stem) {
    auto it = b.df.find(Hash64(stem));
    return it == b.df.end() ? 0u : it->second;
  };
  EXPECT_GT(df("report"), df("earthquak"));  // a generic news word is in more documents
  EXPECT_GT(df("report"), 100u);
}

TEST(ClusterModel, RefusesAnotherVersionOrFeatureList) {
  EXPECT_FALSE(ParseClusterModel("parallax-cluster-model 3\n").ok());
  EXPECT_FALSE(ParseClusterModel("parallax-cluster-model 1\nbias 1\n").ok());    // missing features
  EXPECT_FALSE(ParseClusterModel("parallax-cluster-model 1\ncosine 1\n").ok());  // wrong order
  std::string text = "# test\nparallax-cluster-model 1\n";
  for (std::string_view name : ClusterFeatureNames()) text += std::string(name) + " 0.5\n";
  Result<ClusterModel> ok = ParseClusterModel(text);
  ASSERT_TRUE(ok.ok()) << ok.status().message();
  EXPECT_EQ(ok->weights[kBias], 0.5);
  EXPECT_FALSE(ParseClusterModel(text + "extra 1\n").ok());
  EXPECT_FALSE(ParseClusterModel("parallax-cluster-model 1\nbias nan\n").ok());
  EXPECT_GT(ok->headline_merge, 1);  // version 1: stories never merge
  EXPECT_FALSE(ParseClusterModel(text + "headline_merge 0.7\n").ok());  // not in version 1
  std::string v2 = text;
  v2.replace(v2.find("model 1"), 7, "model 2");
  EXPECT_FALSE(ParseClusterModel(v2).ok());  // version 2 needs headline_merge
  Result<ClusterModel> merge = ParseClusterModel(v2 + "headline_merge 0.7\n");
  ASSERT_TRUE(merge.ok()) << merge.status().message();
  EXPECT_EQ(merge->headline_merge, 0.7);
  EXPECT_FALSE(ParseClusterModel(v2 + "headline_merge 0.7\nheadline_merge 0.7\n").ok());
}

TEST(OnlineClusterer, EveryArticleBelongsToExactlyOneStoryOfItsEvent) {
  std::mt19937 rng(3);
  OnlineClusterer c(ClusterOptions{});
  std::map<int, std::set<uint32_t>> stories_of_event;
  std::map<uint32_t, std::set<int>> events_of_story;
  std::vector<uint32_t> filed;
  filed.reserve(200);
  for (int i = 0; i < 200; ++i) {
    filed.push_back(c.Add(Make(i % 10, rng, 1000 + i * 60)));
    ASSERT_LT(filed.back(), c.stories());
  }
  c.EndOfInput();
  for (int i = 0; i < 200; ++i) {  // the story each article is in now
    uint32_t s = c.ResolveArticle(static_cast<uint64_t>(i), filed[static_cast<size_t>(i)]);
    ASSERT_LT(s, c.stories());
    stories_of_event[i % 10].insert(s);
    events_of_story[s].insert(i % 10);
  }
  for (auto& [s, events] : events_of_story) EXPECT_EQ(events.size(), 1u) << "story " << s;
  for (auto& [e, stories] : stories_of_event) EXPECT_EQ(stories.size(), 1u) << "event " << e;
  EXPECT_EQ(c.stories(), 10u);
}

TEST(OnlineClusterer, ReplayGivesTheSameStories) {
  auto run = [] {
    std::mt19937 rng(11);
    OnlineClusterer c(ClusterOptions{});
    std::vector<uint32_t> out;
    out.reserve(300);
    for (int i = 0; i < 300; ++i) out.push_back(c.Add(Make(i % 17, rng, 5000 + i * 30)));
    return out;
  };
  EXPECT_EQ(run(), run());
}

TEST(OnlineClusterer, TimeGapStartsANewStoryAndRetirementFreesTheOld) {
  std::mt19937 rng(5);
  ClusterOptions o;
  o.retire_after_seconds = 86400;
  OnlineClusterer c(o);
  uint32_t first = c.Add(Make(1, rng, 0));
  EXPECT_EQ(c.Add(Make(1, rng, 3600)), first);
  EXPECT_EQ(c.live_stories(), 1u);
  // Ten days later: other events, then the same topic again, which is a new story.
  for (int i = 0; i < 100; ++i) c.Add(Make(2 + i % 5, rng, 10 * 86400 + i));
  EXPECT_NE(c.Add(Make(1, rng, 10 * 86400 + 700)), first);
  EXPECT_EQ(c.live_stories(), 6u);  // the five new events and the new story; the old one is gone
  EXPECT_EQ(c.stories(), 7u);
  c.Touch(first, 10 * 86400 + 800);  // a late copy of a retired story changes nothing
  EXPECT_EQ(c.live_stories(), 6u);
}

TEST(OnlineClusterer, LiveStoriesStayBoundedOnAnEndlessStream) {
  std::mt19937 rng(7);
  ClusterOptions o;
  o.retire_after_seconds = 3600;
  OnlineClusterer c(o);
  size_t most = 0;
  for (int i = 0; i < 5000; ++i) {
    // A new event every 10 articles, one article a minute: ~6 events are live in any hour.
    c.Add(Make(i / 10, rng, i * 60));
    most = std::max(most, c.live_stories());
  }
  EXPECT_GT(c.stories(), 400u);
  EXPECT_LE(most, 10u);
}

// A headline: the title's few words and nothing else.
ArticleFeatures Headline(int event, std::mt19937& rng, int64_t time) {
  std::uniform_int_distribution<int> own(0, 7), filler(0, 199);
  std::map<uint64_t, float> title;
  for (int i = 0; i < 3; ++i)
    title[Hash64("e" + std::to_string(event) + "w" + std::to_string(own(rng)))] = 1;
  title[Hash64("f" + std::to_string(filler(rng)))] = 1;
  ArticleFeatures f;
  for (auto [t, c] : title) f.terms.emplace_back(t, c), f.title.emplace_back(t, c);
  f.time = time;
  f.headline_only = true;
  return f;
}

TEST(OnlineClusterer, StoriesOfHeadlinesMergeAsTheyGrowAndNeverAcrossEvents) {
  // A strict join threshold splits each event's headlines over several stories; re-reading
  // the stories as they grow merges them back, one story per event, none across events.
  auto run = [](double merge) {
    std::mt19937 rng(17);
    ClusterOptions o;
    o.threshold = 0.97;
    o.headline_merge_threshold = merge;
    OnlineClusterer c(o);
    std::vector<std::pair<int, uint32_t>> filed;  // event, story number handed out
    filed.reserve(240);
    for (int i = 0; i < 240; ++i) filed.emplace_back(i % 4, c.Add(Headline(i % 4, rng, 1000 + i)));
    std::map<int, std::set<uint32_t>> stories_of_event;
    std::map<uint32_t, std::set<int>> events_of_story;
    for (auto [event, story] : filed) {
      stories_of_event[event].insert(c.Resolve(story));
      events_of_story[c.Resolve(story)].insert(event);
    }
    for (auto& [s, events] : events_of_story) EXPECT_EQ(events.size(), 1u) << "story " << s;
    return std::make_pair(events_of_story.size(), c.merges().size());
  };
  auto [split, none] = run(2.0);  // never merge
  EXPECT_GT(split, 12u);
  EXPECT_EQ(none, 0u);
  auto [merged, merges] = run(-1);  // the calibrated threshold
  EXPECT_LE(4 * merged, 3 * split) << "merged " << merged << ", split " << split;  // >= 25% fewer
  EXPECT_GT(merges, 0u);
}

TEST(OnlineClusterer, StoriesOfFullArticlesNeverMergeAsTheyGrow) {
  std::mt19937 rng(19);
  ClusterOptions o;
  o.threshold = 1.01;  // every article starts a story
  o.headline_merge_threshold = 0.01;
  OnlineClusterer c(o);
  for (int i = 0; i < 100; ++i) c.Add(Make(i % 3, rng, 1000 + i));
  EXPECT_TRUE(c.merges().empty());
  EXPECT_GT(c.stories(), 3u);
}

TEST(OnlineClusterer, FragmentsJoinTheStoryTheyWouldJoinNowAtTheEnd) {
  // Each event's reports form a story; one early report of each was filed apart (by hand, as a
  // report from another angle starts a story of its own before its event's story is
  // recognisable), and event 0 has a second story of 4 reports besides. At the end of the
  // input the two one-article fragments merge into their event's story; the story of 4 is
  // an event's worth and stays; nothing merges across events.
  auto run = [](double fragment_merge) {
    std::mt19937 rng(37);
    ClusterOptions o;
    o.fragment_merge_threshold = fragment_merge;
    OnlineClusterer c(o);
    std::vector<std::pair<int, uint32_t>> filed;  // event, story number handed out
    filed.reserve(46);
    for (int i = 0; i < 40; ++i) filed.emplace_back(i % 2, c.Add(Make(i % 2, rng, 1000 + i)));
    for (int event : {0, 1})
      filed.emplace_back(event, c.File(c.Prepare(Make(event, rng, 1100)), std::nullopt));
    const uint32_t four = c.File(c.Prepare(Make(0, rng, 1200)), std::nullopt);
    filed.emplace_back(0, four);
    for (int i = 0; i < 3; ++i) filed.emplace_back(0, c.File(c.Prepare(Make(0, rng, 1200)), four));
    c.EndOfInput();
    std::map<int, std::set<uint32_t>> stories_of_event;
    std::map<uint32_t, std::set<int>> events_of_story;
    for (size_t i = 0; i < filed.size(); ++i) {
      uint32_t now = c.ResolveArticle(i, filed[i].second);
      stories_of_event[filed[i].first].insert(now);
      events_of_story[now].insert(filed[i].first);
    }
    for (auto& [story, events] : events_of_story) EXPECT_EQ(events.size(), 1u) << story;
    EXPECT_EQ(c.Resolve(four), four);  // 4 articles: not a fragment
    return std::make_pair(stories_of_event[0].size(), stories_of_event[1].size());
  };
  EXPECT_EQ(run(2.0), std::make_pair(size_t{3}, size_t{2}));  // never: the fragments stay apart
  EXPECT_EQ(run(-1), std::make_pair(size_t{2}, size_t{1}));   // the join threshold
}

// Two events of one kind ("a quake", "an arrest"): reports of both share the words of the
// kind; each event has its own words and people besides.
ArticleFeatures OfAKind(int event, std::mt19937& rng) {
  std::uniform_int_distribution<int> kind(0, 7), own(0, 9), filler(0, 199);
  std::map<uint64_t, float> tf, entities;
  for (int i = 0; i < 14; ++i) tf[Hash64("kind" + std::to_string(kind(rng)))] += 1;
  for (int i = 0; i < 10; ++i)
    tf[Hash64("e" + std::to_string(event) + "w" + std::to_string(own(rng)))] += 1;
  for (int i = 0; i < 8; ++i) tf[Hash64("f" + std::to_string(filler(rng)))] += 1;
  entities[EntityTerm("e" + std::to_string(event) + " person")] = 1;
  ArticleFeatures f;
  for (auto [t, c] : tf) f.terms.emplace_back(t, 1.0f + std::log(c));
  for (auto [t, c] : entities) f.entities.emplace_back(t, c);
  return f;
}

TEST(OnlineClusterer, AStoryOfTwoEventsOfOneKindSplitsInTwo) {
  // A join threshold of 0 files every article into the most probable story, as an early
  // report of a second event joins a story of the first when the words of the kind outweigh
  // its own; reading the story again as it grows takes the second event out.
  auto run = [](double split_ratio) {
    std::mt19937 rng(23);
    ClusterOptions o;
    o.threshold = 0;
    o.split_ratio = split_ratio;
    OnlineClusterer c(o);
    std::vector<uint32_t> now;
    now.reserve(30);
    for (int i = 0; i < 30; ++i) now.push_back(c.Add(OfAKind(i % 2, rng)));
    c.EndOfInput();
    for (size_t i = 0; i < now.size(); ++i) now[i] = c.ResolveArticle(i, now[i]);
    return std::make_pair(now, c.moved_articles());
  };
  auto [joined, none] = run(0);  // never split
  EXPECT_EQ(std::set<uint32_t>(joined.begin(), joined.end()).size(), 1u);
  EXPECT_EQ(none, 0u);
  auto [split, moved] = run(0.8);
  std::map<int, std::set<uint32_t>> stories_of_event;
  for (size_t i = 0; i < split.size(); ++i)
    stories_of_event[static_cast<int>(i % 2)].insert(split[i]);
  ASSERT_EQ(stories_of_event[0].size(), 1u);
  ASSERT_EQ(stories_of_event[1].size(), 1u);
  EXPECT_NE(*stories_of_event[0].begin(), *stories_of_event[1].begin());
  EXPECT_GE(moved, 4u);
  EXPECT_EQ(run(0.8).first, split);  // a replay splits alike
}

TEST(OnlineClusterer, HeadlinesMergedIntoAStoryThatSplitsGoWithTheirEvent) {
  // A story of two events of one kind (the first articles filed into it by hand, as a
  // calibration run does, the rest by a join threshold of 0) takes in a story of headlines of
  // the first event by a merge; the headlines' members come along, so when the story splits
  // they leave or stay with their event, and every article, merged or moved, still resolves
  // to one story.
  std::mt19937 rng(31);
  ClusterOptions o;
  o.threshold = 0;
  o.headline_merge_threshold = 0.01;  // the headline story merges into its best candidate
  OnlineClusterer c(o);
  std::vector<std::pair<int, uint32_t>> filed;  // event, story File returned
  filed.reserve(24);
  auto full = [&](int event, std::optional<uint32_t> story) {
    uint32_t id = c.File(c.Prepare(OfAKind(event, rng)), story);
    filed.emplace_back(event, id);
    return id;
  };
  const uint32_t mixed = full(0, std::nullopt);
  for (int i = 1; i < 6; ++i) full(i % 2, mixed);
  const uint32_t headlines = c.File(c.Prepare(Headline(0, rng, 0)), std::nullopt);
  filed.emplace_back(0, headlines);
  EXPECT_NE(headlines, mixed);
  filed.emplace_back(0, c.File(c.Prepare(Headline(0, rng, 0)), headlines));  // 2: merges
  ASSERT_EQ(c.merges().size(), 1u);
  EXPECT_EQ(c.Resolve(headlines), mixed);
  for (int i = 0; i < 16; ++i) filed.emplace_back(i % 2, c.Add(OfAKind(i % 2, rng)));
  c.EndOfInput();
  EXPECT_GE(c.moved_articles(), 4u);
  std::map<int, std::set<uint32_t>> stories_of_event;
  for (size_t i = 0; i < filed.size(); ++i) {
    uint32_t now = c.ResolveArticle(i, filed[i].second);
    ASSERT_LT(now, c.stories());
    stories_of_event[filed[i].first].insert(now);
  }
  ASSERT_EQ(stories_of_event[0].size(), 1u);  // the headlines are with the rest of event 0
  ASSERT_EQ(stories_of_event[1].size(), 1u);
  EXPECT_NE(*stories_of_event[0].begin(), *stories_of_event[1].begin());
}

TEST(OnlineClusterer, AStoryOfOneEventDoesNotSplit) {
  std::mt19937 rng(29);
  ClusterOptions o;
  o.threshold = 0;
  OnlineClusterer c(o);
  std::vector<uint32_t> now;
  now.reserve(60);
  for (int i = 0; i < 60; ++i) now.push_back(c.Add(OfAKind(7, rng)));  // past kSplitMembers
  c.EndOfInput();
  for (size_t i = 0; i < now.size(); ++i) EXPECT_EQ(c.ResolveArticle(i, now[i]), now[0]);
  EXPECT_EQ(c.moved_articles(), 0u);
  EXPECT_EQ(c.stories(), 1u);
}

TEST(OnlineClusterer, UndatedStreamsRetireByArticleCount) {
  std::mt19937 rng(13);
  ClusterOptions o;
  o.retire_after_articles = 50;
  OnlineClusterer c(o);
  for (int i = 0; i < 2000; ++i) c.Add(Make(i / 10, rng, std::nullopt));
  EXPECT_LE(c.live_stories(), 7u);
}

TEST(OnlineClusterer, NoTimestampsMeansNoDecay) {
  std::mt19937 rng(9);
  OnlineClusterer c(ClusterOptions{});
  EXPECT_EQ(c.Add(Make(4, rng, std::nullopt)), c.Add(Make(4, rng, std::nullopt)));
}

}  // namespace
}  // namespace parallax
