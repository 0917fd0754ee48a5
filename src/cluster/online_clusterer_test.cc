#include "cluster/online_clusterer.h"

#include <gtest/gtest.h>

#include <map>
#include <random>

#include "util/hash.h"

namespace parallax {
namespace {

// Synthetic articles: each event has its own vocabulary; articles draw mostly from it plus
// shared filler, as real reports of one event share names and key words.
ArticleFeatures Make(int event, std::mt19937& rng, int64_t time) {
  std::uniform_int_distribution<int> own(0, 11), filler(0, 199);
  std::map<uint64_t, float> tf;
  for (int i = 0; i < 20; ++i) tf[Hash64("e" + std::to_string(event) + "w" + std::to_string(own(rng)))] += 1;
  for (int i = 0; i < 12; ++i) tf[Hash64("f" + std::to_string(filler(rng)))] += 1;
  ArticleFeatures f;
  for (auto [t, c] : tf) f.terms.emplace_back(t, 1.0f + std::log(c));
  f.time = time;
  return f;
}

TEST(OnlineClusterer, SeparatesEventsAndGroupsTheirArticles) {
  std::mt19937 rng(3);
  OnlineClusterer c(ClusterOptions{});
  std::map<int, std::set<uint32_t>> stories_of_event;
  std::map<uint32_t, std::set<int>> events_of_story;
  for (int i = 0; i < 200; ++i) {
    int event = i % 10;
    uint32_t s = c.Add(Make(event, rng, 1000 + i * 60));
    stories_of_event[event].insert(s);
    events_of_story[s].insert(event);
  }
  for (auto& [s, events] : events_of_story) EXPECT_EQ(events.size(), 1u) << "story " << s;
  for (auto& [e, stories] : stories_of_event) EXPECT_EQ(stories.size(), 1u) << "event " << e;
  EXPECT_EQ(c.stories(), 10u);
}

TEST(OnlineClusterer, TimeGapStartsANewStoryAndRetiresTheOld) {
  std::mt19937 rng(5);
  ClusterOptions o;
  o.retire_after_seconds = 86400;
  OnlineClusterer c(o);
  uint32_t first = c.Add(Make(1, rng, 0));
  EXPECT_EQ(c.Add(Make(1, rng, 3600)), first);
  // The same topic ten days later is a different story.
  uint32_t later = 0;
  for (int i = 0; i < 600; ++i) later = c.Add(Make(2 + i % 50, rng, 10 * 86400 + i));
  EXPECT_NE(c.Add(Make(1, rng, 10 * 86400 + 700)), first);
  EXPECT_LT(c.live_stories(), c.stories());
  (void)later;
}

TEST(OnlineClusterer, NoTimestampsMeansNoDecay) {
  std::mt19937 rng(9);
  OnlineClusterer c(ClusterOptions{});
  ArticleFeatures a = Make(4, rng, 0), b = Make(4, rng, 0);
  a.time.reset();
  b.time.reset();
  EXPECT_EQ(c.Add(a), c.Add(b));
}

}  // namespace
}  // namespace parallax
