// Store: migrations, append/replay order, listing filters and cursor, search, read-only
// connections. Articles are fictional.
#include "serve/store.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

namespace parallax {
namespace {

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("parallax_store_test_" + std::to_string(getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    path_ = (dir_ / "news.db").string();
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::unique_ptr<Store> OpenStore(bool read_only = false) {
    StoreOptions o;
    o.read_only = read_only;
    Result<std::unique_ptr<Store>> s = Store::Open(path_, o);
    EXPECT_TRUE(s.ok()) << s.status().message();
    return s.ok() ? std::move(*s) : nullptr;
  }

  static StoredArticle Row(std::string id, std::string outlet, std::string title,
                           std::optional<uint32_t> story, int64_t received) {
    StoredArticle s;
    s.article.id = std::move(id);
    s.article.outlet = std::move(outlet);
    s.article.title = std::move(title);
    s.article.text = "Body of " + s.article.title + ".";
    s.article.published = received - 60;
    s.story = story;
    s.received = received;
    return s;
  }

  std::filesystem::path dir_;
  std::string path_;
};

TEST_F(StoreTest, AppendsAndReplaysInArrivalOrder) {
  auto store = OpenStore();
  std::vector<StoredArticle> batch{Row("a1", "Courier", "Ferry strike", 0, 100),
                                   Row("a2", "Post", "Harbour vote", 1, 101),
                                   Row("a3", "Herald", "", std::nullopt, 102)};
  ASSERT_TRUE(store->Append(&batch).ok());
  EXPECT_EQ(batch[0].seq, 1);
  EXPECT_EQ(batch[2].seq, 3);
  store.reset();

  auto again = OpenStore();  // reopening does not migrate twice
  std::vector<StoredArticle> replayed;
  ASSERT_TRUE(again
                  ->Replay(2,
                           [&](std::vector<StoredArticle> b) {
                             EXPECT_LE(b.size(), 2u);
                             for (auto& a : b) replayed.push_back(std::move(a));
                             return Status::Ok();
                           })
                  .ok());
  ASSERT_EQ(replayed.size(), 3u);
  EXPECT_EQ(replayed[0].article.id, "a1");
  EXPECT_EQ(replayed[1].story, std::optional<uint32_t>(1));
  EXPECT_EQ(replayed[2].story, std::nullopt);
  EXPECT_EQ(replayed[0].article.published, std::optional<int64_t>(40));
  EXPECT_EQ(replayed[0].article.text, "Body of Ferry strike.");
  EXPECT_EQ(*again->CountArticles(), 3);
  EXPECT_EQ(*again->CountStories(), 2);
}

TEST_F(StoreTest, DuplicateIdFailsTheWholeBatch) {
  auto store = OpenStore();
  std::vector<StoredArticle> first{Row("a1", "Courier", "Ferry strike", 0, 100)};
  ASSERT_TRUE(store->Append(&first).ok());
  std::vector<StoredArticle> batch{Row("a2", "Post", "Harbour vote", 1, 101),
                                   Row("a1", "Post", "Again", 1, 102)};
  EXPECT_FALSE(store->Append(&batch).ok());
  EXPECT_EQ(*store->CountArticles(), 1);  // a2 rolled back with it
  EXPECT_FALSE(store->GetArticle("a2")->has_value());
}

TEST_F(StoreTest, RowsOfAnOpenTransactionAreSeenOnlyAfterCommit) {
  auto store = OpenStore();
  auto reader = OpenStore(/*read_only=*/true);
  ASSERT_TRUE(store->Begin().ok());
  EXPECT_FALSE(store->Begin().ok());  // one transaction at a time
  StoredArticle a = Row("a1", "Courier", "Ferry strike", 0, 100);
  StoredArticle b = Row("a2", "Post", "Harbour vote", 1, 101);
  ASSERT_TRUE(store->Insert(&a).ok());
  ASSERT_TRUE(store->Insert(&b).ok());
  EXPECT_EQ(b.seq, 2);
  EXPECT_EQ(*reader->CountArticles(), 0);  // not committed yet
  store->Rollback();
  EXPECT_EQ(*store->CountArticles(), 0);
  EXPECT_FALSE(store->Insert(&a).ok());  // no transaction open

  ASSERT_TRUE(store->Begin().ok());
  ASSERT_TRUE(store->Insert(&b).ok());
  EXPECT_EQ(b.seq, 1);  // the rolled back seqs are given again
  ASSERT_TRUE(store->Commit().ok());
  EXPECT_EQ(*reader->CountArticles(), 1);
  EXPECT_EQ(*reader->CountStories(), 1);

  // A failed row (duplicate id) leaves the transaction to be rolled back: nothing of it stays.
  StoredArticle c = Row("a3", "Herald", "Ferry talks", 0, 102),
                again = Row("a2", "Post", "Again", 1, 103);
  ASSERT_TRUE(store->Begin().ok());
  ASSERT_TRUE(store->Insert(&c).ok());
  EXPECT_FALSE(store->Insert(&again).ok());
  store->Rollback();
  EXPECT_EQ(*reader->CountArticles(), 1);
  EXPECT_FALSE(reader->GetArticle("a3")->has_value());
}

TEST_F(StoreTest, ListsNewestActivityFirstWithFiltersAndCursor) {
  auto store = OpenStore();
  std::vector<StoredArticle> batch{Row("a1", "Courier", "Ferry strike in Estvik", 0, 100),
                                   Row("a2", "Post", "Harbour vote in Korsholm", 1, 200),
                                   Row("a3", "Herald", "Estvik ferry crews return", 0, 300),
                                   Row("a4", "Post", "Grain fire in Tarnby", 2, 400)};
  ASSERT_TRUE(store->Append(&batch).ok());
  auto ids = [](const std::vector<StoryRow>& rows) {
    std::vector<uint32_t> out;
    out.reserve(rows.size());
    for (const StoryRow& r : rows) out.push_back(r.story);
    return out;
  };
  StoryQuery all;
  auto rows = store->ListStories(all);
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(ids(*rows), (std::vector<uint32_t>{2, 0, 1}));
  EXPECT_EQ((*rows)[1].articles, 2u);
  EXPECT_EQ((*rows)[1].title, "Ferry strike in Estvik");
  EXPECT_EQ((*rows)[1].outlets, (std::vector<std::string>{"Courier", "Herald"}));
  EXPECT_EQ((*rows)[1].first_seen, 100);
  EXPECT_EQ((*rows)[1].updated, 300);

  StoryQuery page;
  page.limit = 2;
  rows = store->ListStories(page);
  ASSERT_EQ(rows->size(), 2u);
  page.before_seq = rows->back().last_seq;
  EXPECT_EQ(ids(*store->ListStories(page)), (std::vector<uint32_t>{1}));

  StoryQuery outlet;
  outlet.outlet = "post";  // any case
  EXPECT_EQ(ids(*store->ListStories(outlet)), (std::vector<uint32_t>{2, 1}));
  StoryQuery since;
  since.since = 250;
  EXPECT_EQ(ids(*store->ListStories(since)), (std::vector<uint32_t>{2, 0}));
  StoryQuery text;
  text.text = "estvik FERRY";
  EXPECT_EQ(ids(*store->ListStories(text)), (std::vector<uint32_t>{0}));
  text.text = "\"unbalanced OR ( NEAR";  // FTS5 syntax in user text is read as words
  EXPECT_TRUE(store->ListStories(text).ok());
}

TEST_F(StoreTest, ReadOnlyConnectionSeesCommittedRowsAndCannotWrite) {
  auto store = OpenStore();
  auto reader = OpenStore(/*read_only=*/true);
  std::vector<StoredArticle> batch{Row("a1", "Courier", "Ferry strike", 0, 100)};
  ASSERT_TRUE(store->Append(&batch).ok());
  auto a = reader->GetArticle("a1");
  ASSERT_TRUE(a.ok() && a->has_value());
  EXPECT_EQ((*a)->article.outlet, "Courier");
  std::vector<StoredArticle> more{Row("a2", "Post", "Vote", 1, 101)};
  EXPECT_FALSE(reader->Append(&more).ok());
}

// The listing's prepared statement is kept between calls: each call must still see what was
// committed since (no read snapshot is kept between calls), with its own bindings.
TEST_F(StoreTest, RepeatedListingsOnOneConnectionSeeNewCommits) {
  auto store = OpenStore();
  auto reader = OpenStore(/*read_only=*/true);
  std::vector<StoredArticle> first{Row("a1", "Courier", "Ferry strike in Estvik", 0, 100)};
  ASSERT_TRUE(store->Append(&first).ok());
  StoryQuery q;
  auto rows = reader->ListStories(q);
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 1u);
  std::vector<StoredArticle> second{Row("a2", "Post", "Harbour vote in Korsholm", 1, 200),
                                    Row("a3", "Herald", "Estvik ferry crews return", 0, 300)};
  ASSERT_TRUE(store->Append(&second).ok());
  rows = reader->ListStories(q);
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ((*rows)[0].story, 0u);
  EXPECT_EQ((*rows)[0].articles, 2u);
  q.limit = 1;  // same query shape, another binding
  rows = reader->ListStories(q);
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ((*rows)[0].story, 0u);
  std::vector<StoredArticle> third{Row("a4", "Post", "Grain fire in Tarnby", 2, 400)};
  ASSERT_TRUE(store->Append(&third).ok());
  q.limit = 50;
  rows = reader->ListStories(q);
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 3u);
  EXPECT_EQ((*rows)[0].story, 2u);
}

// The outlets a listing returns are kept on the story row (schema version 2); they must be
// what the articles say: distinct (byte for byte, as SQL's GROUP BY), non-empty, in order of
// first appearance. Checked against that query over the articles themselves.
TEST_F(StoreTest, StoryOutletsAreTheDistinctOutletsOfItsArticlesInOrder) {
  auto store = OpenStore();
  std::vector<StoredArticle> batch{Row("b1", "Herald", "Dam repairs in Orrin", 0, 100),
                                   Row("b2", "", "Dam repairs continue", 0, 110),
                                   Row("b3", "Courier", "Orrin dam reopens", 0, 120),
                                   Row("b4", "Herald", "Orrin dam: the cost", 0, 130),
                                   Row("b5", "herald", "Orrin dam, a week on", 0, 140),
                                   Row("b6", "", "Tram fares in Velde", 1, 150),
                                   Row("b7", "Post \"Evening\" [ed.]", "Velde trams", 1, 160),
                                   Row("b8", "Post \"Evening\" [ed.]", "Velde trams again", 1, 170),
                                   Row("b9", "Courier", "Unfiled note", std::nullopt, 180)};
  ASSERT_TRUE(store->Append(&batch).ok());
  std::vector<StoredArticle> later{Row("b10", "Gazette", "Orrin dam closes", 0, 190)};
  ASSERT_TRUE(store->Append(&later).ok());
  auto rows = store->ListStories(StoryQuery{});
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ((*rows)[0].outlets,
            (std::vector<std::string>{"Herald", "Courier", "herald", "Gazette"}));
  EXPECT_EQ((*rows)[1].outlets, (std::vector<std::string>{"Post \"Evening\" [ed.]"}));
  store.reset();
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* check = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db,
                               "SELECT count(*) FROM stories s WHERE s.outlets IS NOT "
                               "(SELECT json_group_array(outlet) FROM (SELECT outlet FROM "
                               "articles a WHERE a.story = s.id AND outlet != '' GROUP BY outlet "
                               "ORDER BY min(seq)))",
                               -1, &check, nullptr),
            SQLITE_OK);
  ASSERT_EQ(sqlite3_step(check), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_int(check, 0), 0);
  sqlite3_finalize(check);
  sqlite3_close(db);
}

// A store written by schema version 1 (no outlets on the story row) opens, is migrated, lists
// the same outlets as version 1 did, and keeps them up to date afterwards.
TEST_F(StoreTest, MigratesAVersion1StoreAndFillsTheStoriesOutlets) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  // Version 1's schema as shipped, and rows as version 1 wrote them.
  const char* v1 = R"sql(
CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied INTEGER NOT NULL);
INSERT INTO schema_migrations VALUES (1, 0);
CREATE TABLE articles (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, title TEXT NOT NULL,
  text TEXT NOT NULL, outlet TEXT NOT NULL, url TEXT NOT NULL, published INTEGER,
  lang TEXT NOT NULL, story INTEGER, received INTEGER NOT NULL);
CREATE INDEX articles_story ON articles(story, outlet);
CREATE TABLE stories (id INTEGER PRIMARY KEY, title TEXT NOT NULL, first_seen INTEGER NOT NULL,
  updated INTEGER NOT NULL, last_seq INTEGER NOT NULL, articles INTEGER NOT NULL);
CREATE INDEX stories_last_seq ON stories(last_seq);
CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='seq');
-- articles.story is the story's row id (story number + 1).
INSERT INTO articles VALUES
  (1, 'c1', 'Bridge shut in Amsel', 'Body.', 'Post', '', 40, '', 2, 100),
  (2, 'c2', 'Amsel bridge', 'Body.', '', '', 40, '', 2, 110),
  (3, 'c3', 'Lake ice in Brun', 'Body.', 'Herald', '', 40, '', 3, 120),
  (4, 'c4', 'Amsel bridge again', 'Body.', 'Courier', '', 40, '', 2, 130),
  (5, 'c5', 'Amsel bridge reopens', 'Body.', 'Post', '', 40, '', 2, 140),
  (6, 'c6', 'Unfiled', 'Body.', 'Gazette', '', 40, '', NULL, 150),
  (7, 'c7', 'Only unnamed outlets', 'Body.', '', '', 40, '', 4, 160);
INSERT INTO articles_fts(rowid, title, text) SELECT seq, title, text FROM articles;
INSERT INTO stories VALUES (2, 'Bridge shut in Amsel', 100, 140, 5, 4),
  (3, 'Lake ice in Brun', 120, 120, 3, 1), (4, 'Only unnamed outlets', 160, 160, 7, 1);
)sql";
  ASSERT_EQ(sqlite3_exec(db, v1, nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
  sqlite3_close(db);

  auto store = OpenStore();
  ASSERT_NE(store, nullptr);
  auto rows = store->ListStories(StoryQuery{});
  ASSERT_TRUE(rows.ok()) << rows.status().message();
  ASSERT_EQ(rows->size(), 3u);
  EXPECT_EQ((*rows)[0].story, 3u);
  EXPECT_EQ((*rows)[0].outlets, std::vector<std::string>{});
  EXPECT_EQ((*rows)[1].story, 1u);
  EXPECT_EQ((*rows)[1].outlets, (std::vector<std::string>{"Post", "Courier"}));
  EXPECT_EQ((*rows)[2].outlets, std::vector<std::string>{"Herald"});
  std::vector<StoredArticle> more{Row("c8", "Herald", "Amsel bridge: the vote", 1, 170),
                                  Row("c9", "Post", "Amsel bridge: after", 1, 180),
                                  Row("c10", "Gazette", "Unnamed no more", 3, 190)};
  ASSERT_TRUE(store->Append(&more).ok());
  auto story = store->GetStory(1);
  ASSERT_TRUE(story.ok() && story->has_value());
  EXPECT_EQ((*story)->outlets, (std::vector<std::string>{"Post", "Courier", "Herald"}));
  EXPECT_EQ((*story)->articles, 6u);
  story = store->GetStory(3);
  ASSERT_TRUE(story.ok() && story->has_value());
  EXPECT_EQ((*story)->outlets, std::vector<std::string>{"Gazette"});
  store.reset();
  // Recorded as version 2, and a read-only connection accepts it.
  EXPECT_NE(OpenStore(/*read_only=*/true), nullptr);
}

// Found by store_fuzz: a negative schema version indexed the migrations out of bounds.
TEST_F(StoreTest, RefusesADamagedStoreWithANegativeSchemaVersion) {
  {
    auto store = OpenStore();
    ASSERT_NE(store, nullptr);
  }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(
                db, "DELETE FROM schema_migrations; INSERT INTO schema_migrations VALUES (-5, 0)",
                nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  Result<std::unique_ptr<Store>> s = Store::Open(path_, StoreOptions{});
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.status().message().find("damaged"), std::string::npos);
}

TEST_F(StoreTest, RefusesAStoreFromANewerVersionAndNonStores) {
  {
    auto store = OpenStore();
    ASSERT_NE(store, nullptr);
  }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(
      sqlite3_exec(db, "INSERT INTO schema_migrations VALUES (99, 0)", nullptr, nullptr, nullptr),
      SQLITE_OK);
  sqlite3_close(db);
  Result<std::unique_ptr<Store>> s = Store::Open(path_, StoreOptions{});
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.status().message().find("newer"), std::string::npos);

  const std::string junk = (dir_ / "junk.db").string();
  FILE* f = std::fopen(junk.c_str(), "w");
  std::fputs("this is not a database, just text written by the test\n", f);
  std::fclose(f);
  EXPECT_FALSE(Store::Open(junk, StoreOptions{}).ok());
}

TEST(FtsAllWords, QuotesEachWord) {
  EXPECT_EQ(FtsAllWords("Estvik ferry"), "\"Estvik\" \"ferry\"");
  EXPECT_EQ(FtsAllWords("  \"a\" OR b* "), "\"a\" \"OR\" \"b\"");
  EXPECT_EQ(FtsAllWords(" ,. "), "");
}

}  // namespace
}  // namespace parallax
