// Store: the durable record of what `parallax serve` was given — every accepted article in
// arrival order with the story it was filed into — in one SQLite file (WAL journal).
//
// The store is the source of truth; the pipeline's in-memory clustering state is rebuilt from
// it on start by replaying the articles in stored order (`Replay`). The schema is versioned
// in `schema_migrations` and migrated forward on open; a file written by a newer parallax is
// refused.
// Thread-safety: one Store is one SQLite connection and is not thread-safe; open one Store
// per thread. Several Stores (processes, too) may read while one writes (WAL).
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parallax/article.h"
#include "parallax/status.h"

namespace parallax {

struct StoreOptions {
  // Open for reading only (a reader connection of the server). Default off.
  bool read_only = false;
  // SQLite `synchronous` in WAL mode: true = FULL (a commit is on disk before it returns, so an
  // acknowledged article survives power loss), false = NORMAL (survives a crash of the process,
  // `kill -9`, but the last commits may be lost on power loss; faster). Default true.
  bool full_sync = true;
};

// One stored article.
struct StoredArticle {
  int64_t seq = 0;                // arrival order, 1, 2, ...
  Article article;                // origin is "article <id>"
  std::optional<uint32_t> story;  // pipeline story number; absent when filed into no story
  int64_t received = 0;           // when the server received it, seconds since the epoch
};

// One story in a listing.
struct StoryRow {
  uint32_t story = 0;      // pipeline story number ("s" + (story + 1) in the API)
  std::string title;       // the first title given by one of its articles
  int64_t first_seen = 0;  // received time of its first article
  int64_t updated = 0;     // received time of its latest article
  int64_t last_seq = 0;    // seq of its latest article (the listing order and cursor)
  uint32_t articles = 0;
  std::vector<std::string> outlets;  // distinct, in order of first appearance
};

struct StoryQuery {
  std::optional<int64_t> since;       // only stories updated at or after this time
  std::string outlet;                 // only stories with an article from this outlet (any case)
  std::string text;                   // only stories with an article matching all these words
  std::optional<int64_t> before_seq;  // cursor: only stories whose last_seq is below this
  size_t limit = 50;
};

class Store {
 public:
  // Opens (creating when absent and not read-only) and migrates the store at `path`.
  static Result<std::unique_ptr<Store>> Open(const std::string& path, const StoreOptions& options);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // The schema version of the file after opening.
  static constexpr int kSchemaVersion = 2;

  // Appends `articles` (seq is assigned here, in order) in one transaction; when this returns
  // OK the transaction has committed. On error nothing of the batch is stored.
  Status Append(std::vector<StoredArticle>* articles);

  // Append one article at a time, as a batch is filed: Begin a transaction, Insert each article
  // (its seq is assigned here, in order), then Commit. When Commit returns OK the batch has
  // committed; on any error, and on Rollback, nothing of the batch is stored. One transaction
  // at a time per Store.
  Status Begin();
  Status Insert(StoredArticle* article);
  Status Commit();
  void Rollback();

  // Calls `batch` with the stored articles in arrival order, `batch_size` at a time.
  Status Replay(size_t batch_size, const std::function<Status(std::vector<StoredArticle>)>& batch);

  Result<std::vector<StoryRow>> ListStories(const StoryQuery& query);
  Result<std::optional<StoryRow>> GetStory(uint32_t story);
  Result<std::optional<StoredArticle>> GetArticle(std::string_view id);
  // Articles and stories stored.
  Result<int64_t> CountArticles();
  Result<int64_t> CountStories();

 private:
  struct Transaction;  // the open transaction's statements and next seq
  struct Listings;     // ListStories's prepared statements, by SQL text (at most 16 shapes)
  explicit Store(sqlite3* db);
  Status Exec(const char* sql);
  Status Migrate();

  sqlite3* db_;
  std::unique_ptr<Transaction> transaction_;
  std::unique_ptr<Listings> listings_;
};

// The FTS5 query matching every word of `text` (each quoted, so no user text is read as FTS5
// syntax); empty when `text` has no words.
std::string FtsAllWords(std::string_view text);

}  // namespace parallax
