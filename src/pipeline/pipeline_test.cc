#include "parallax/pipeline.h"

#include <gtest/gtest.h>

#include <set>
#include <thread>

namespace parallax {
namespace {

Article Make(std::string id, std::string outlet, std::string title, std::string text, int64_t t) {
  Article a;
  a.id = std::move(id);
  a.outlet = std::move(outlet);
  a.title = std::move(title);
  a.text = std::move(text);
  a.published = t;
  a.origin = "test:" + a.id;
  return a;
}

const char kFire[] =
    "A fire destroyed a grain warehouse in the port of Tarnby on Tuesday night, the fire "
    "service said.\nFifty firefighters fought the blaze for six hours before bringing it under "
    "control.\nNo one was injured, but the warehouse and its grain stores were lost.\n";
const char kVote[] =
    "The Valdmark parliament approved the new fisheries budget by 88 votes to 61 on Wednesday.\n"
    "The budget raises quotas for coastal fleets and funds two new harbour inspectors.\n"
    "Opposition members said the vote ignored warnings from marine scientists.\n";

TEST(Pipeline, GroupsStoriesFoldsCopiesAndRejectsBadArticles) {
  Pipeline p(PipelineOptions{});
  std::vector<Article> batch;
  batch.push_back(Make("f1", "Courier", "Fire destroys Tarnby grain warehouse", kFire, 1000));
  batch.push_back(Make("v1", "Post", "Parliament passes fisheries budget", kVote, 2000));
  batch.push_back(Make("f2", "Ledger", "Tarnby warehouse lost in blaze",
                       std::string("READ: Other news\n") + kFire, 3000));  // a syndicated copy
  batch.push_back(Make("v2", "Herald", "Fisheries budget approved",
                       "Parliament in Valdmark passed the fisheries budget on Wednesday by 88 "
                       "votes to 61.\nOpposition members said marine scientists were ignored.\n",
                       4000));
  batch.push_back(Make("f1", "Dup", "same id", "Some other text here.", 5000));
  batch.push_back(Make("empty", "Post", " ", "   \n ", 6000));
  batch.push_back(Make("bad", "Post", "Bad bytes", "caf\xC3", 7000));
  p.Add(std::move(batch));
  p.Reject({"x.jsonl:3", "malformed JSON"});
  Report r = p.Finish();

  ASSERT_EQ(r.stories.size(), 2u);
  EXPECT_EQ(r.articles_read, 4u);
  ASSERT_EQ(r.rejected.size(), 4u);
  EXPECT_NE(r.rejected[0].error.find("duplicate id"), std::string::npos);
  EXPECT_EQ(r.rejected[1].error, "article has no text and no title");
  EXPECT_NE(r.rejected[2].error.find("invalid UTF-8"), std::string::npos);
  EXPECT_EQ(r.rejected[3].input, "x.jsonl:3");

  const Story& fire = r.stories[0].articles[0].id == "f1" ? r.stories[0] : r.stories[1];
  ASSERT_EQ(fire.articles.size(), 2u);
  EXPECT_EQ(fire.articles[1].duplicate_of, "f1");
  EXPECT_EQ(fire.articles[0].copies, (std::vector<std::string>{"f2"}));
  // The copy is not independent confirmation: nothing is "agreed" by f1 and f2 alone.
  EXPECT_TRUE(fire.agreements.empty());
  for (const Statement& s : fire.digest) EXPECT_EQ(s.sources, (std::vector<std::string>{"f1"}));

  const Story& vote = &fire == &r.stories[0] ? r.stories[1] : r.stories[0];
  EXPECT_EQ(vote.articles.size(), 2u);
  EXPECT_FALSE(vote.agreements.empty());
  EXPECT_EQ(r.stories[0].id, "s1");
}

TEST(Pipeline, EmptyInputGivesEmptyReport) {
  Pipeline p(PipelineOptions{});
  Report r = p.Finish();
  EXPECT_TRUE(r.stories.empty());
  EXPECT_EQ(r.articles_read, 0u);
}

TEST(Pipeline, ArticleOfOnlyNoiseIsRejected) {
  Pipeline p(PipelineOptions{});
  p.Add({Make("n", "Post", "", "READ: something else\nShare this article\n", 1)});
  Report r = p.Finish();
  ASSERT_EQ(r.rejected.size(), 1u);
  EXPECT_NE(r.rejected[0].error.find("no article text"), std::string::npos);
  EXPECT_TRUE(r.stories.empty());
}

TEST(Pipeline, HeadlinesWithoutTextAreClusteredOnTheirTitles) {
  Pipeline p(PipelineOptions{});
  p.Add({Make("h1", "Post", "Ferry strike in Estvik ends after nine days", "", 1000),
         Make("h2", "Herald", "Vestlinje ferry strike ends, crews return in Estvik", "", 1300),
         Make("h3", "Courier", "Korsholm council approves new harbour budget", "", 1600),
         Make("h4", "Ledger", "Estvik ferry strike over as crews accept deal", "", 1900)});
  Report r = p.Finish();
  EXPECT_TRUE(r.rejected.empty());
  EXPECT_EQ(r.articles_read, 4u);
  ASSERT_EQ(r.stories.size(), 2u);
  std::vector<std::string> ids;
  for (const StoryArticle& a : r.stories[0].articles) ids.push_back(a.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"h1", "h2", "h4"}));
}

TEST(Pipeline, WithoutSummariesStoriesListTheirArticlesOnly) {
  PipelineOptions o;
  o.summarize = false;
  Pipeline p(o);
  p.Add({Make("f1", "Courier", "Fire destroys Tarnby grain warehouse", kFire, 1000),
         Make("f2", "Ledger", "Tarnby warehouse lost in blaze", kFire, 2000)});
  Report r = p.Finish();
  ASSERT_EQ(r.stories.size(), 1u);
  EXPECT_EQ(r.stories[0].title, "Fire destroys Tarnby grain warehouse");
  ASSERT_EQ(r.stories[0].articles.size(), 2u);
  EXPECT_EQ(r.stories[0].articles[1].duplicate_of, "f1");
  EXPECT_TRUE(r.stories[0].digest.empty());
  EXPECT_TRUE(r.stories[0].agreements.empty());
}

// The fictional batch of the first test, ids renamed per call.
std::vector<Article> MixedBatch() {
  std::vector<Article> b;
  b.push_back(Make("f1", "Courier", "Fire destroys Tarnby grain warehouse", kFire, 1000));
  b.push_back(Make("v1", "Post", "Parliament passes fisheries budget", kVote, 2000));
  b.push_back(Make("f2", "Ledger", "Tarnby warehouse lost in blaze",
                   std::string("READ: Other news\n") + kFire, 3000));
  b.push_back(Make("n", "Post", "", "READ: something else\nShare this article\n", 3500));
  b.push_back(Make("v2", "Herald", "Fisheries budget approved",
                   "Parliament in Valdmark passed the fisheries budget on Wednesday by 88 votes "
                   "to 61.\nOpposition members said marine scientists were ignored.\n",
                   4000));
  b.push_back(Make("f1", "Dup", "same id", "Some other text here.", 5000));
  return b;
}

TEST(Pipeline, AddReportsEachArticlesStoryOrError) {
  Pipeline p(PipelineOptions{});
  std::vector<Filing> f = p.Add(MixedBatch());
  ASSERT_EQ(f.size(), 6u);
  ASSERT_TRUE(f[0].story && f[1].story && f[2].story && f[4].story);
  EXPECT_EQ(*f[0].story, *f[2].story);  // the copy joins its original's story
  EXPECT_EQ(*f[1].story, *f[4].story);
  EXPECT_NE(*f[0].story, *f[1].story);
  EXPECT_TRUE(f[0].error.empty() && f[0].kept);
  EXPECT_FALSE(f[3].story);  // kept (its id is taken) but only noise: in no story
  EXPECT_TRUE(f[3].kept);
  EXPECT_NE(f[3].error.find("no article text"), std::string::npos);
  EXPECT_FALSE(f[5].story);
  EXPECT_FALSE(f[5].kept);
  EXPECT_NE(f[5].error.find("duplicate id"), std::string::npos);
  EXPECT_EQ(p.story_count(), 2u);
}

TEST(Pipeline, ReplayingOneByOneFilesIntoTheSameStories) {
  Pipeline whole(PipelineOptions{});
  std::vector<Filing> expected = whole.Add(MixedBatch());
  Pipeline replay(PipelineOptions{});
  std::vector<Article> batch = MixedBatch();
  for (size_t i = 0; i < batch.size(); ++i) {
    std::vector<Filing> got = replay.Add({batch[i]});
    ASSERT_EQ(got.size(), 1u);
    EXPECT_EQ(got[0].story, expected[i].story) << batch[i].id;
    EXPECT_EQ(got[0].error, expected[i].error) << batch[i].id;
  }
}

TEST(Pipeline, PreparedApartAndFiledInOrderIsTheSameAsAdd) {
  std::vector<Article> batch = MixedBatch();
  batch.push_back(Make("e1", "Empty", "", "  \n", 6000));  // invalid: found by Prepare
  Pipeline whole(PipelineOptions{});
  std::vector<Filing> expected = whole.Add(batch);
  // Prepared last to first, each on its own thread: Prepare depends on nothing but its article.
  std::vector<PreparedArticle> prepared(batch.size());
  std::vector<std::thread> threads;
  for (size_t i = batch.size(); i-- > 0;) {
    threads.emplace_back([&, i] { prepared[i] = Pipeline::Prepare(batch[i], PipelineOptions{}); });
  }
  for (auto& t : threads) t.join();
  Pipeline filed(PipelineOptions{});
  for (size_t i = 0; i < batch.size(); ++i) {
    Filing got = filed.File(std::move(prepared[i]));
    EXPECT_EQ(got.story, expected[i].story) << batch[i].id;
    EXPECT_EQ(got.error, expected[i].error) << batch[i].id;
    EXPECT_EQ(got.kept, expected[i].kept) << batch[i].id;
  }
  EXPECT_NE(expected.back().error.find("no text and no title"), std::string::npos);
  ASSERT_EQ(filed.story_count(), whole.story_count());
  for (uint32_t s = 0; s < whole.story_count(); ++s) {
    Story a = whole.BuildStory(s), b = filed.BuildStory(s);
    EXPECT_EQ(a.title, b.title);
    ASSERT_EQ(a.articles.size(), b.articles.size());
    for (size_t i = 0; i < a.articles.size(); ++i) {
      EXPECT_EQ(a.articles[i].id, b.articles[i].id);
      EXPECT_EQ(a.articles[i].duplicate_of, b.articles[i].duplicate_of);
    }
    EXPECT_EQ(a.digest.size(), b.digest.size());
    EXPECT_EQ(a.conflicts.size(), b.conflicts.size());
  }
  // The same rejections (Add lists the invalid and duplicate ones of a batch first).
  auto errors = [](const Report& r) {
    std::multiset<std::string> e;
    for (const Rejection& x : r.rejected) e.insert(x.input + ": " + x.error);
    return e;
  };
  EXPECT_EQ(errors(whole.Finish()), errors(filed.Finish()));
}

TEST(Pipeline, BuildStoryMatchesTheStoryOfFinish) {
  Pipeline p(PipelineOptions{});
  std::vector<Filing> f = p.Add(MixedBatch());
  Story one = p.BuildStory(*f[1].story);
  EXPECT_EQ(one.id, "s" + std::to_string(*f[1].story + 1));
  Report r = p.Finish();
  const Story* same = nullptr;
  for (const Story& s : r.stories) {
    if (s.articles[0].id == "v1") same = &s;
  }
  ASSERT_NE(same, nullptr);
  ASSERT_EQ(one.articles.size(), same->articles.size());
  for (size_t i = 0; i < one.articles.size(); ++i)
    EXPECT_EQ(one.articles[i].id, same->articles[i].id);
  EXPECT_EQ(one.title, same->title);
  EXPECT_EQ(one.digest.size(), same->digest.size());
  EXPECT_EQ(one.agreements.size(), same->agreements.size());
  EXPECT_EQ(one.conflicts.size(), same->conflicts.size());
  EXPECT_TRUE(p.BuildStory(999).articles.empty());
}

}  // namespace
}  // namespace parallax
