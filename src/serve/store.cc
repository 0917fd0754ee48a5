// Store over the SQLite C API (Debian libsqlite3). Tested by store_test.cc and, through a real
// server, tests/serve_test.cc (including kill -9 during ingest).
//
// Schema (version 2):
//   articles(seq PK, id UNIQUE, title, text, outlet, url, published, lang, story, received)
//   stories(id PK = story number + 1, title, first_seen, updated, last_seq, articles, outlets)
//     outlets: JSON array of the story's distinct non-empty outlets in order of first
//     appearance (version 2; before, each listing grouped the story's articles for them)
//   articles_fts: FTS5 over articles' title and text (external content), for `q=` searches
//   schema_migrations(version, applied): one row per migration applied
// An article row and its story's row are written in the same transaction, so after a crash the
// stories table always agrees with the articles.
#include "serve/store.h"

#include <nlohmann/json.hpp>

#include <cctype>
#include <ctime>
#include <map>
#include <utility>

namespace parallax {
namespace {

// Migrations in order; migration i brings the schema to version i + 1. Never edit one that
// has shipped: add the next.
const char* const kMigrations[] = {
    R"sql(
CREATE TABLE articles (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  text TEXT NOT NULL,
  outlet TEXT NOT NULL,
  url TEXT NOT NULL,
  published INTEGER,
  lang TEXT NOT NULL,
  story INTEGER,
  received INTEGER NOT NULL
);
CREATE INDEX articles_story ON articles(story, outlet);
CREATE TABLE stories (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  first_seen INTEGER NOT NULL,
  updated INTEGER NOT NULL,
  last_seq INTEGER NOT NULL,
  articles INTEGER NOT NULL
);
CREATE INDEX stories_last_seq ON stories(last_seq);
CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='seq');
)sql",
    // 2: the story's outlets on its row, kept up to date with each article (`Insert`), so a
    // listing reads them instead of grouping the story's articles for each story listed (that
    // subquery was 21% of the server's CPU with 2 readers listing without pause, `perf`).
    R"sql(
ALTER TABLE stories ADD COLUMN outlets TEXT NOT NULL DEFAULT '[]';
UPDATE stories SET outlets = (SELECT json_group_array(outlet) FROM (SELECT outlet FROM articles a
  WHERE a.story = stories.id AND outlet != '' GROUP BY outlet ORDER BY min(seq)));
)sql",
};
static_assert(std::size(kMigrations) == Store::kSchemaVersion);

Status SqliteError(sqlite3* db, std::string_view what) {
  return IoError(std::string(what) + ": " + sqlite3_errmsg(db));
}

}  // namespace

// Named, not anonymous: Store::Listings and Store::Transaction, declared in the header, hold
// Statements, and a class with external linkage should not have members of internal types.
namespace store_internal {

// A prepared statement, finalized on scope exit. Binds are 1-based, as in SQLite.
class Statement {
 public:
  Statement(sqlite3* db, const char* sql) : db_(db) {
    if (sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr) != SQLITE_OK) stmt_ = nullptr;
  }
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Status status() const { return stmt_ ? Status::Ok() : SqliteError(db_, "prepare"); }
  void Bind(int i, std::string_view s) {
    sqlite3_bind_text(stmt_, i, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
  }
  void Bind(int i, int64_t v) { sqlite3_bind_int64(stmt_, i, v); }
  void Bind(int i, std::optional<int64_t> v) {
    if (v) {
      Bind(i, *v);
    } else {
      sqlite3_bind_null(stmt_, i);
    }
  }
  // SQLITE_ROW, SQLITE_DONE or an error code.
  int Step() { return sqlite3_step(stmt_); }
  void Reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  std::string Text(int col) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
    return p ? std::string(p, static_cast<size_t>(sqlite3_column_bytes(stmt_, col)))
             : std::string();
  }
  int64_t Int(int col) const { return sqlite3_column_int64(stmt_, col); }
  std::optional<int64_t> MaybeInt(int col) const {
    if (sqlite3_column_type(stmt_, col) == SQLITE_NULL) return std::nullopt;
    return Int(col);
  }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

}  // namespace store_internal
using store_internal::Statement;

namespace {

// Runs a statement that returns no rows.
Status StepDone(Statement& s, sqlite3* db, std::string_view what) {
  if (s.Step() != SQLITE_DONE) return SqliteError(db, what);
  return Status::Ok();
}

constexpr const char* kArticleColumns =
    "seq, id, title, text, outlet, url, published, lang, story, received";

StoredArticle ReadArticle(const Statement& s) {
  StoredArticle a;
  a.seq = s.Int(0);
  a.article.id = s.Text(1);
  a.article.title = s.Text(2);
  a.article.text = s.Text(3);
  a.article.outlet = s.Text(4);
  a.article.url = s.Text(5);
  a.article.published = s.MaybeInt(6);
  a.article.lang = s.Text(7);
  a.article.origin = "article " + a.article.id;
  if (auto story = s.MaybeInt(8)) a.story = static_cast<uint32_t>(*story - 1);
  a.received = s.Int(9);
  return a;
}

constexpr const char* kStoryColumns =
    "s.id, s.title, s.first_seen, s.updated, s.last_seq, s.articles, s.outlets";

// Outlets are stored as a JSON array by SQLite's json1 (built in since 3.38).
std::vector<std::string> ParseOutlets(const std::string& json) {
  std::vector<std::string> out;
  nlohmann::json parsed = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (!parsed.is_array()) return out;
  for (const auto& v : parsed) {
    if (v.is_string()) out.push_back(v.get<std::string>());
  }
  return out;
}

StoryRow ReadStory(const Statement& s) {
  StoryRow r;
  r.story = static_cast<uint32_t>(s.Int(0) - 1);
  r.title = s.Text(1);
  r.first_seen = s.Int(2);
  r.updated = s.Int(3);
  r.last_seq = s.Int(4);
  r.articles = static_cast<uint32_t>(s.Int(5));
  r.outlets = ParseOutlets(s.Text(6));
  return r;
}

}  // namespace

std::string FtsAllWords(std::string_view text) {
  std::string out, word;
  auto flush = [&] {
    if (word.empty()) return;
    if (!out.empty()) out += ' ';
    out += '"' + word + '"';
    word.clear();
  };
  for (char c : text) {
    // Split where FTS5's unicode61 tokenizer would: ASCII spaces and punctuation; bytes of
    // multi-byte characters stay in the word.
    auto u = static_cast<unsigned char>(c);
    if (u < 0x80 && !std::isalnum(u)) {
      flush();
    } else {
      word += c;
    }
  }
  flush();
  return out;
}

Store::Store(sqlite3* db) : db_(db) {}
// The story list is read without pause by the page and by API clients; preparing its SQL on
// each request was ~3% of the server's CPU under reads (`perf`), so each connection keeps one
// prepared statement per query shape, reset after every use (a statement left mid-step would
// hold its read snapshot).
struct Store::Listings {
  std::map<std::string, std::unique_ptr<Statement>, std::less<>> by_sql;
};

Store::~Store() {
  transaction_.reset();  // statements before the connection
  listings_.reset();
  sqlite3_close_v2(db_);
}

Result<std::unique_ptr<Store>> Store::Open(const std::string& path, const StoreOptions& options) {
  sqlite3* db = nullptr;
  const int flags =
      options.read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  if (sqlite3_open_v2(path.c_str(), &db, flags | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
    Status s = IoError("cannot open " + path + ": " + (db ? sqlite3_errmsg(db) : "out of memory"));
    sqlite3_close_v2(db);
    return s;
  }
  std::unique_ptr<Store> store(new Store(db));
  // Readers wait for a writer's checkpoint instead of failing with SQLITE_BUSY.
  sqlite3_busy_timeout(db, 10000);
  if (!options.read_only) {
    // WAL: readers never block the writer, and a commit is one append to the log.
    RETURN_IF_ERROR(store->Exec("PRAGMA journal_mode=WAL"));
    RETURN_IF_ERROR(
        store->Exec(options.full_sync ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL"));
    RETURN_IF_ERROR(store->Migrate());
  } else {
    Statement v(db, "SELECT max(version) FROM schema_migrations");
    RETURN_IF_ERROR(v.status());
    if (v.Step() != SQLITE_ROW || v.Int(0) != kSchemaVersion) {
      return InvalidArgument(path + ": not a parallax store of schema version " +
                             std::to_string(kSchemaVersion));
    }
  }
  return store;
}

Status Store::Exec(const char* sql) {
  char* error = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &error) != SQLITE_OK) {
    std::string message = error ? error : sqlite3_errmsg(db_);
    sqlite3_free(error);
    return IoError(message);
  }
  return Status::Ok();
}

Status Store::Migrate() {
  RETURN_IF_ERROR(
      Exec("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
           "applied INTEGER NOT NULL)"));
  Statement v(db_, "SELECT coalesce(max(version), 0) FROM schema_migrations");
  RETURN_IF_ERROR(v.status());
  if (v.Step() != SQLITE_ROW) return SqliteError(db_, "reading the schema version");
  const int64_t version = v.Int(0);
  if (version < 0) {  // a damaged file (found by store_fuzz: it indexed the migrations with it)
    return InvalidArgument("the store has schema version " + std::to_string(version) +
                           ", which no parallax writes: the file is damaged");
  }
  if (version > kSchemaVersion) {
    return InvalidArgument("the store has schema version " + std::to_string(version) +
                           ", newer than this parallax reads (" + std::to_string(kSchemaVersion) +
                           ")");
  }
  for (int64_t next = version; next < kSchemaVersion; ++next) {
    RETURN_IF_ERROR(Exec("BEGIN IMMEDIATE"));
    Status s = Exec(kMigrations[next]);
    if (s.ok()) {
      Statement record(db_, "INSERT INTO schema_migrations(version, applied) VALUES (?, ?)");
      record.Bind(1, next + 1);
      record.Bind(2, static_cast<int64_t>(std::time(nullptr)));
      s = StepDone(record, db_, "recording migration");
    }
    if (!s.ok()) {
      (void)Exec("ROLLBACK");
      return IoError("migrating to schema version " + std::to_string(next + 1) + ": " +
                     s.message());
    }
    RETURN_IF_ERROR(Exec("COMMIT"));
  }
  return Status::Ok();
}

struct Store::Transaction {
  explicit Transaction(sqlite3* db)
      : insert(db,
               "INSERT INTO articles(seq, id, title, text, outlet, url, published, lang, story, "
               "received) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        fts(db, "INSERT INTO articles_fts(rowid, title, text) VALUES (?, ?, ?)"),
        // outlets: the article's outlet appended unless empty or already there (the same
        // distinct outlets, compared byte for byte, as GROUP BY outlet over the articles).
        story(db,
              "INSERT INTO stories(id, title, first_seen, updated, last_seq, articles, outlets) "
              "VALUES (?1, ?2, ?3, ?3, ?4, 1, CASE WHEN ?5 = '' THEN '[]' ELSE json_array(?5) END) "
              "ON CONFLICT(id) DO UPDATE SET "
              "updated = excluded.updated, last_seq = excluded.last_seq, "
              "articles = articles + 1, "
              "title = CASE WHEN title = '' THEN excluded.title ELSE title END, "
              "outlets = CASE WHEN ?5 = '' OR EXISTS (SELECT 1 FROM json_each(outlets) "
              "WHERE value = ?5) THEN outlets ELSE json_insert(outlets, '$[#]', ?5) END") {}
  Statement insert, fts, story;
  int64_t seq = 0;  // the last seq given
};

Status Store::Begin() {
  if (transaction_) return Internal("a store transaction is already open");
  RETURN_IF_ERROR(Exec("BEGIN IMMEDIATE"));
  auto t = std::make_unique<Transaction>(db_);
  Statement next(db_, "SELECT coalesce(max(seq), 0) FROM articles");
  Status s = next.status();
  if (s.ok()) s = t->insert.status();
  if (s.ok()) s = t->fts.status();
  if (s.ok()) s = t->story.status();
  if (s.ok() && next.Step() != SQLITE_ROW) s = SqliteError(db_, "reading the last seq");
  if (!s.ok()) {
    (void)Exec("ROLLBACK");
    return s;
  }
  t->seq = next.Int(0);
  transaction_ = std::move(t);
  return Status::Ok();
}

Status Store::Insert(StoredArticle* s) {
  if (!transaction_) return Internal("no store transaction is open");
  Transaction& t = *transaction_;
  s->seq = ++t.seq;
  const Article& a = s->article;
  std::optional<int64_t> story_id;
  if (s->story) story_id = int64_t{*s->story} + 1;
  t.insert.Reset();
  t.insert.Bind(1, s->seq);
  t.insert.Bind(2, a.id);
  t.insert.Bind(3, a.title);
  t.insert.Bind(4, a.text);
  t.insert.Bind(5, a.outlet);
  t.insert.Bind(6, a.url);
  t.insert.Bind(7, a.published);
  t.insert.Bind(8, a.lang);
  t.insert.Bind(9, story_id);
  t.insert.Bind(10, s->received);
  RETURN_IF_ERROR(StepDone(t.insert, db_, "storing article " + a.id));
  t.fts.Reset();
  t.fts.Bind(1, s->seq);
  t.fts.Bind(2, a.title);
  t.fts.Bind(3, a.text);
  RETURN_IF_ERROR(StepDone(t.fts, db_, "indexing article " + a.id));
  if (!story_id) return Status::Ok();
  t.story.Reset();
  t.story.Bind(1, *story_id);
  t.story.Bind(2, a.title);
  t.story.Bind(3, s->received);
  t.story.Bind(4, s->seq);
  t.story.Bind(5, a.outlet);
  return StepDone(t.story, db_, "storing story of article " + a.id);
}

Status Store::Commit() {
  if (!transaction_) return Internal("no store transaction is open");
  transaction_.reset();  // finalizes the statements
  Status s = Exec("COMMIT");
  if (!s.ok()) (void)Exec("ROLLBACK");
  return s;
}

void Store::Rollback() {
  if (!transaction_) return;
  transaction_.reset();
  (void)Exec("ROLLBACK");
}

Status Store::Append(std::vector<StoredArticle>* articles) {
  if (articles->empty()) return Status::Ok();
  RETURN_IF_ERROR(Begin());
  for (StoredArticle& s : *articles) {
    if (Status inserted = Insert(&s); !inserted.ok()) {
      Rollback();
      return inserted;
    }
  }
  return Commit();
}

Status Store::Replay(size_t batch_size,
                     const std::function<Status(std::vector<StoredArticle>)>& batch) {
  Statement s(db_,
              (std::string("SELECT ") + kArticleColumns + " FROM articles ORDER BY seq").c_str());
  RETURN_IF_ERROR(s.status());
  std::vector<StoredArticle> pending;
  int rc;
  while ((rc = s.Step()) == SQLITE_ROW) {
    pending.push_back(ReadArticle(s));
    if (pending.size() >= batch_size) {
      RETURN_IF_ERROR(batch(std::move(pending)));
      pending.clear();
    }
  }
  if (rc != SQLITE_DONE) return SqliteError(db_, "reading stored articles");
  if (!pending.empty()) RETURN_IF_ERROR(batch(std::move(pending)));
  return Status::Ok();
}

Result<std::vector<StoryRow>> Store::ListStories(const StoryQuery& q) {
  std::string sql = std::string("SELECT ") + kStoryColumns + " FROM stories s WHERE 1";
  if (q.before_seq) sql += " AND s.last_seq < ?1";
  if (q.since) sql += " AND s.updated >= ?2";
  if (!q.outlet.empty()) {
    sql +=
        " AND EXISTS (SELECT 1 FROM articles a WHERE a.story = s.id AND a.outlet = ?3 "
        "COLLATE NOCASE)";
  }
  const std::string match = FtsAllWords(q.text);
  if (!match.empty()) {
    sql +=
        " AND s.id IN (SELECT a.story FROM articles_fts f JOIN articles a ON a.seq = f.rowid "
        "WHERE articles_fts MATCH ?4)";
  }
  sql += " ORDER BY s.last_seq DESC LIMIT ?5";
  if (!listings_) listings_ = std::make_unique<Listings>();
  std::unique_ptr<Statement>& cached = listings_->by_sql[sql];
  if (!cached || !cached->status().ok()) cached = std::make_unique<Statement>(db_, sql.c_str());
  Statement& s = *cached;
  RETURN_IF_ERROR(s.status());
  s.Reset();
  if (q.before_seq) s.Bind(1, *q.before_seq);
  if (q.since) s.Bind(2, *q.since);
  if (!q.outlet.empty()) s.Bind(3, q.outlet);
  if (!match.empty()) s.Bind(4, match);
  s.Bind(5, static_cast<int64_t>(q.limit));
  std::vector<StoryRow> out;
  int rc;
  while ((rc = s.Step()) == SQLITE_ROW) out.push_back(ReadStory(s));
  Status failed = rc == SQLITE_DONE ? Status::Ok() : SqliteError(db_, "listing stories");
  s.Reset();
  RETURN_IF_ERROR(failed);
  return out;
}

Result<std::optional<StoryRow>> Store::GetStory(uint32_t story) {
  Statement s(db_,
              (std::string("SELECT ") + kStoryColumns + " FROM stories s WHERE s.id = ?").c_str());
  RETURN_IF_ERROR(s.status());
  s.Bind(1, int64_t{story} + 1);
  int rc = s.Step();
  if (rc == SQLITE_ROW) return std::optional<StoryRow>(ReadStory(s));
  if (rc != SQLITE_DONE) return SqliteError(db_, "reading a story");
  return std::optional<StoryRow>();
}

Result<std::optional<StoredArticle>> Store::GetArticle(std::string_view id) {
  Statement s(db_,
              (std::string("SELECT ") + kArticleColumns + " FROM articles WHERE id = ?").c_str());
  RETURN_IF_ERROR(s.status());
  s.Bind(1, id);
  int rc = s.Step();
  if (rc == SQLITE_ROW) return std::optional<StoredArticle>(ReadArticle(s));
  if (rc != SQLITE_DONE) return SqliteError(db_, "reading an article");
  return std::optional<StoredArticle>();
}

namespace {
Result<int64_t> CountRows(sqlite3* db, const char* sql) {
  Statement s(db, sql);
  RETURN_IF_ERROR(s.status());
  if (s.Step() != SQLITE_ROW) return SqliteError(db, "counting");
  return s.Int(0);
}
}  // namespace

Result<int64_t> Store::CountArticles() { return CountRows(db_, "SELECT count(*) FROM articles"); }
Result<int64_t> Store::CountStories() { return CountRows(db_, "SELECT count(*) FROM stories"); }

}  // namespace parallax
