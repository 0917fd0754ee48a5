// The HTTP side of `parallax serve`, over cpp-httplib (Debian libcpp-httplib-dev): routing,
// request parsing, keep-alive and the thread pool are the library's; this file maps requests
// to the Store and the Pipeline. Tested by tests/serve_test.cc against a real server process.
//
// Locks: `write_mutex_` serialises writers (Pipeline::Add + Store::Append); `pipeline_mutex_`
// is held exclusively while Add changes the pipeline and shared while a story is built;
// `cache_mutex_` guards the per-story versions and the rendered-story cache, so that a read of
// an unchanged story takes no pipeline lock at all. SQLite reads use a pool of read-only
// connections (WAL lets them run beside the writer).
#include "serve/server.h"

#include <httplib.h>
#include <tbb/parallel_pipeline.h>
#include <tbb/task_arena.h>

#include <nlohmann/json.hpp>

#include <atomic>
#include <chrono>
#include <ctime>
#include <map>
#include <mutex>
#include <optional>
#include <regex>
#include <shared_mutex>
#include <unordered_map>
#include <utility>

#include "parallax/pipeline.h"
#include "parallax/reader.h"
#include "parallax/render.h"
#include "serve/metrics.h"
#include "serve/page.h"
#include "serve/store.h"
#include "util/strings.h"
#include "util/tsan.h"

namespace parallax {
namespace {

using Json = nlohmann::ordered_json;

constexpr size_t kReplayBatch = 2000;
constexpr size_t kDefaultPageSize = 50;
constexpr size_t kMaxPageSize = 500;

std::string StoryId(uint32_t story) { return "s" + std::to_string(story + 1); }

// "s12" -> 11; anything else -> nullopt.
std::optional<uint32_t> ParseStoryId(const std::string& id) {
  if (id.size() < 2 || id.size() > 11 || id[0] != 's') return std::nullopt;
  uint64_t n = 0;
  for (size_t i = 1; i < id.size(); ++i) {
    if (id[i] < '0' || id[i] > '9') return std::nullopt;
    n = n * 10 + static_cast<uint64_t>(id[i] - '0');
  }
  if (n == 0 || n > UINT32_MAX) return std::nullopt;
  return static_cast<uint32_t>(n - 1);
}

std::string Dump(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

void SendJson(httplib::Response& res, int status, const Json& body) {
  res.status = status;
  res.set_content(Dump(body) + "\n", "application/json; charset=utf-8");
}

// {"error": message, "field": name} — `field` only when the error is about one.
void SendError(httplib::Response& res, int status, std::string message, std::string field = {}) {
  Json body{{"error", std::move(message)}};
  if (!field.empty()) body["field"] = std::move(field);
  SendJson(res, status, body);
}

// The field an article error is about, read from ParseJsonArticle's message
// ("missing field \"id\"", "field \"title\" is not a string", "field \"published\": ...").
std::string FieldOf(const std::string& message) {
  static const std::regex kField(R"re(field "([^"]+)")re");
  std::smatch m;
  if (std::regex_search(message, m, kField)) return m[1];
  if (message.find("has no text") != std::string::npos) return "text";
  return {};
}

// The items of a POST body: one JSON object, or JSON Lines (one object per non-blank line).
// Each item keeps its 1-based line number for error messages.
struct Item {
  size_t line = 0;
  std::string_view text;
};

std::vector<Item> SplitItems(std::string_view body, bool json_lines) {
  std::vector<Item> items;
  if (!json_lines) {
    // One JSON document (it may span lines) unless it is visibly several objects.
    if (Json::accept(body.begin(), body.end())) return {{1, body}};
  }
  size_t line = 0, at = 0;
  while (at <= body.size()) {
    size_t end = body.find('\n', at);
    if (end == std::string_view::npos) end = body.size();
    ++line;
    std::string_view row = body.substr(at, end - at);
    if (!Trim(row).empty()) items.push_back({line, row});
    at = end + 1;
  }
  return items;
}

// One item of a POST on its way through the write path.
struct Pending {
  std::string parse_error, field;  // the item is not a valid article (field: the one at fault)
  StoredArticle row;               // the article as stored (seq set once written)
  PreparedArticle prepared;
  Filing filing;
};

Json ArticleJson(const StoredArticle& s) {
  const Article& a = s.article;
  return Json{{"id", a.id},
              {"title", a.title},
              {"text", a.text},
              {"outlet", a.outlet},
              {"url", a.url},
              {"published", a.published ? Json(FormatIsoTime(*a.published)) : Json(nullptr)},
              {"lang", a.lang},
              {"story", s.story ? Json(StoryId(*s.story)) : Json(nullptr)},
              {"received", FormatIsoTime(s.received)},
              {"seq", s.seq}};
}

Json StoryRowJson(const StoryRow& r) {
  return Json{{"id", StoryId(r.story)},
              {"title", r.title},
              {"articles", r.articles},
              {"outlets", r.outlets},
              {"first_seen", FormatIsoTime(r.first_seen)},
              {"updated", FormatIsoTime(r.updated)}};
}

// Compares in time independent of where the strings differ (the write token); only the
// length of `given` can be learnt from the timing.
bool SameSecret(std::string_view given, std::string_view expected) {
  unsigned diff = given.size() == expected.size() ? 0u : 1u;
  for (size_t i = 0; i < given.size(); ++i) {
    const char e = i < expected.size() ? expected[i] : '\0';
    diff |= static_cast<unsigned char>(given[i] ^ e);
  }
  return diff == 0;
}

// The library's server with its request processing reachable without a socket: the request
// is read from and the response appended to one in-memory stream (HandleRawRequest).
class LocalServer : public httplib::Server {
 public:
  std::string Handle(std::string_view request) {
    httplib::detail::BufferStream stream;
    stream.write(request.data(), request.size());
    bool closed = false;
    process_request(stream, /*close_connection=*/true, closed, [](httplib::Request&) {});
    return stream.get_buffer().substr(request.size());
  }
};

}  // namespace

class Server::Impl {
 public:
  explicit Impl(const ServeOptions& o)
      : options_(o),
        arena_(o.pipeline.threads > 0 ? o.pipeline.threads : tbb::task_arena::automatic),
        pipeline_(std::make_unique<Pipeline>(o.pipeline)) {}

  Status Open();
  Result<int> Bind();
  Status Listen();
  void Stop() { http_.stop(); }
  size_t replayed() const { return replayed_; }
  std::string HandleRawRequest(std::string_view request) { return http_.Handle(request); }

 private:
  // A read-only store connection borrowed from the pool for one request.
  class Reader {
   public:
    Reader(Impl* impl, std::unique_ptr<Store> s) : impl_(impl), store_(std::move(s)) {}
    Reader(Reader&&) = default;
    ~Reader() {
      if (store_) impl_->ReturnReader(std::move(store_));
    }
    Store* operator->() { return store_.get(); }

   private:
    Impl* impl_;
    std::unique_ptr<Store> store_;
  };
  Result<Reader> BorrowReader();
  void ReturnReader(std::unique_ptr<Store> s);

  Status Replay(Pipeline* pipeline, size_t* count);
  void Routes();
  bool Authorized(const httplib::Request& req, httplib::Response& res);
  void PostArticles(const httplib::Request& req, httplib::Response& res);
  void ListStories(const httplib::Request& req, httplib::Response& res);
  void GetStory(const httplib::Request& req, httplib::Response& res);
  void GetArticle(const httplib::Request& req, httplib::Response& res);
  void Health(httplib::Response& res);
  // After a failed commit the pipeline holds articles the store does not: rebuild it.
  void RebuildAfterFailedCommit();
  // Files and stores the items of one POST (filling `pending`, one per item); the error that
  // kept the batch from committing (nothing of it stored), or nullopt.
  std::optional<Status> FileAndStore(const std::vector<Item>& items, std::vector<Pending>& pending);

  ServeOptions options_;
  LocalServer http_;
  std::unique_ptr<Store> writer_;
  std::mutex readers_mutex_;
  std::vector<std::unique_ptr<Store>> readers_;

  tbb::task_arena arena_;  // the write path's workers (--threads)
  std::mutex write_mutex_;
  std::shared_mutex pipeline_mutex_;
  std::unique_ptr<Pipeline> pipeline_;

  std::mutex cache_mutex_;
  std::vector<uint32_t> story_version_;  // story number -> articles filed into it
  struct Cached {
    uint32_t version = 0;
    std::string json;
  };
  std::unordered_map<uint32_t, Cached> cache_;
  size_t cache_bytes_ = 0;  // JSON bytes in cache_

  std::atomic<int64_t> articles_ = 0;
  size_t replayed_ = 0;
  Metrics metrics_;
};

Status Server::Impl::Open() {
  StoreOptions so;
  so.full_sync = options_.full_sync;
  ASSIGN_OR_RETURN(writer_, Store::Open(options_.db, so));
  RETURN_IF_ERROR(Replay(pipeline_.get(), &replayed_));
  articles_ = static_cast<int64_t>(replayed_);
  Routes();
  return Status::Ok();
}

// Replays the store into `pipeline`, checking every article lands in its stored story; fills
// the story versions.
Status Server::Impl::Replay(Pipeline* pipeline, size_t* count) {
  *count = 0;
  std::vector<uint32_t> versions;
  Status s = writer_->Replay(kReplayBatch, [&](std::vector<StoredArticle> batch) -> Status {
    std::vector<Article> articles;
    articles.reserve(batch.size());
    for (const StoredArticle& a : batch) articles.push_back(a.article);
    std::vector<Filing> filings = pipeline->Add(std::move(articles));
    for (size_t i = 0; i < batch.size(); ++i) {
      const StoredArticle& a = batch[i];
      if (filings[i].story != a.story) {
        auto name = [](std::optional<uint32_t> s) { return s ? StoryId(*s) : std::string("none"); };
        return Internal("replaying the store: article \"" + a.article.id + "\" (seq " +
                        std::to_string(a.seq) + ") is stored in story " + name(a.story) +
                        " but is now filed into " + name(filings[i].story) +
                        (filings[i].error.empty() ? "" : " (" + filings[i].error + ")") +
                        "; was the store written with other clustering options or another "
                        "parallax version?");
      }
      if (a.story) {
        if (*a.story >= versions.size()) versions.resize(*a.story + 1);
        ++versions[*a.story];
      }
    }
    *count += batch.size();
    return Status::Ok();
  });
  RETURN_IF_ERROR(s);
  std::lock_guard lock(cache_mutex_);
  story_version_ = std::move(versions);
  cache_.clear();
  cache_bytes_ = 0;
  return Status::Ok();
}

Result<Server::Impl::Reader> Server::Impl::BorrowReader() {
  {
    std::lock_guard lock(readers_mutex_);
    if (!readers_.empty()) {
      std::unique_ptr<Store> s = std::move(readers_.back());
      readers_.pop_back();
      return Reader(this, std::move(s));
    }
  }
  StoreOptions so;
  so.read_only = true;
  ASSIGN_OR_RETURN(std::unique_ptr<Store> s, Store::Open(options_.db, so));
  return Reader(this, std::move(s));
}

void Server::Impl::ReturnReader(std::unique_ptr<Store> s) {
  std::lock_guard lock(readers_mutex_);
  readers_.push_back(std::move(s));
}

bool Server::Impl::Authorized(const httplib::Request& req, httplib::Response& res) {
  if (options_.write_token.empty()) return true;
  const std::string expected = "Bearer " + options_.write_token;
  if (SameSecret(req.get_header_value("Authorization"), expected)) return true;
  res.set_header("WWW-Authenticate", "Bearer");
  SendError(res, 401, "this server needs a write token: Authorization: Bearer <token>",
            "Authorization");
  return false;
}

void Server::Impl::PostArticles(const httplib::Request& req, httplib::Response& res) {
  if (!Authorized(req, res)) return;
  const std::string type = req.get_header_value("Content-Type");
  const bool json_lines =
      type.rfind("application/x-ndjson", 0) == 0 || type.rfind("application/jsonl", 0) == 0;
  // Only JSON types: a web page elsewhere can make the analyst's browser send a text/plain or
  // form POST here without asking, but not one of these (CORS preflight, which is refused).
  if (!json_lines && type.rfind("application/json", 0) != 0) {
    return SendError(res, 415,
                     "Content-Type must be application/json (one article) or "
                     "application/x-ndjson (JSON Lines)",
                     "Content-Type");
  }
  std::vector<Item> items = SplitItems(req.body, json_lines);
  if (items.empty()) return SendError(res, 400, "the body holds no article", "body");
  if (items.size() > options_.max_batch) {
    return SendError(res, 413,
                     "batch of " + std::to_string(items.size()) + " articles; at most " +
                         std::to_string(options_.max_batch) + " per request",
                     "body");
  }
  // Parse, prepare, file and store each item, one writer at a time; acknowledged only after
  // the commit. Errors are per item, and the valid items go on.
  std::vector<Pending> pending(items.size());
  std::optional<Status> failed = FileAndStore(items, pending);
  if (failed)
    return SendError(res, 503,
                     "could not store the batch, nothing was stored: " + failed->message());
  Json results = Json::array();
  size_t stored = 0;
  for (size_t i = 0; i < items.size(); ++i) {
    const Pending& p = pending[i];
    Json r{{"item", i + 1}, {"line", items[i].line}};
    if (!p.parse_error.empty()) {
      r["error"] = p.parse_error;
      if (!p.field.empty()) r["field"] = p.field;
    } else if (!p.filing.kept) {
      r["id"] = p.row.article.id;
      r["error"] = p.row.article.origin + ": " + p.filing.error;
      if (p.filing.error.find("duplicate id") != std::string::npos) r["field"] = "id";
    } else {
      ++stored;
      r["id"] = p.row.article.id;
      r["seq"] = p.row.seq;
      r["story"] = p.filing.story ? Json(StoryId(*p.filing.story)) : Json(nullptr);
      if (!p.filing.error.empty()) r["warning"] = p.filing.error;
    }
    results.push_back(std::move(r));
  }
  articles_ += static_cast<int64_t>(stored);
  const size_t rejected = items.size() - stored;
  metrics_.CountArticles(stored, rejected);
  // 200: all stored; 400: none; 207: some (each item says which).
  const int status = rejected == 0 ? 200 : stored == 0 ? 400 : 207;
  Json body{{"stored", stored}, {"rejected", rejected}, {"items", std::move(results)}};
  if (stored == 0 && body["items"].size() == 1 && body["items"][0].contains("error")) {
    body["error"] = body["items"][0]["error"];
    if (body["items"][0].contains("field")) body["field"] = body["items"][0]["field"];
  }
  SendJson(res, status, body);
}

// The write path, as a pipeline over the items in arrival order (oneTBB): parsing and the
// per-article stages run on all cores with no lock held; each article is then filed under the
// pipeline's write lock (held for one article, so story reads go on between them), and its row
// written into the open store transaction, while the next articles are still being prepared
// and filed. The batch commits once every row is written.
std::optional<Status> Server::Impl::FileAndStore(const std::vector<Item>& items,
                                                 std::vector<Pending>& pending) {
  std::lock_guard write(write_mutex_);
  if (Status s = writer_->Begin(); !s.ok()) return s;
  const auto now = static_cast<int64_t>(std::time(nullptr));
  Status stored = Status::Ok();
  size_t next = 0;
  auto parse = [&](size_t i) {
    const Item& item = items[i];
    Pending& p = pending[i];
    const std::string where =
        "item " + std::to_string(i + 1) + " (line " + std::to_string(item.line) + ")";
    Result<Article> a = ParseJsonArticle(item.text, where, options_.pipeline.read);
    if (!a.ok()) {
      p.parse_error = where + ": " + a.status().message();
      p.field = FieldOf(a.status().message());
      return;
    }
    a->origin = where;
    p.row = StoredArticle{0, *a, std::nullopt, now};
    p.prepared = Pipeline::Prepare(std::move(*a), options_.pipeline);
  };
  auto file = [&](size_t i) {
    Pending& p = pending[i];
    if (!p.parse_error.empty()) return;
    std::unique_lock lock(pipeline_mutex_);
    p.filing = pipeline_->File(std::move(p.prepared));
    p.row.story = p.filing.story;
    if (!p.filing.story) return;
    // The version moves with the pipeline, under its lock: a story built from now on includes
    // this article (also before the commit), and a reader who sees the story in the store's
    // listing must find it here. A failed commit rebuilds both from the store.
    std::lock_guard cache_lock(cache_mutex_);
    if (*p.filing.story >= story_version_.size()) story_version_.resize(*p.filing.story + 1);
    ++story_version_[*p.filing.story];
  };
  auto store = [&](size_t i) {
    Pending& p = pending[i];
    if (p.parse_error.empty() && p.filing.kept && stored.ok()) stored = writer_->Insert(&p.row);
  };
  try {
    // Enough articles in flight to keep every worker busy while one files and one stores.
    const size_t in_flight = 4 * static_cast<size_t>(arena_.max_concurrency()) + 4;
    tsan::TbbHandoff run(items.size());
    arena_.execute([&] {
      using tbb::filter_mode;
      tbb::parallel_pipeline(
          in_flight,
          tbb::make_filter<void, size_t>(filter_mode::serial_in_order,
                                         run.Serial([&](tbb::flow_control& fc) {
                                           if (next == items.size()) fc.stop();
                                           return next++;
                                         })) &
              tbb::make_filter<size_t, size_t>(filter_mode::parallel, run.Parallel([&](size_t i) {
                parse(i);
                return i;
              })) &
              tbb::make_filter<size_t, size_t>(filter_mode::serial_in_order,
                                               run.Serial([&](size_t i) {
                                                 file(i);
                                                 return i;
                                               })) &
              tbb::make_filter<size_t, void>(filter_mode::serial_in_order, run.Serial(store)));
    });
    run.Join();
  } catch (...) {
    writer_->Rollback();
    RebuildAfterFailedCommit();
    throw;
  }
  const auto start = std::chrono::steady_clock::now();
  if (stored.ok()) {
    stored = writer_->Commit();
  } else {
    writer_->Rollback();
  }
  metrics_.ObserveCommit(
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  if (stored.ok()) return std::nullopt;
  RebuildAfterFailedCommit();
  return stored;
}

void Server::Impl::RebuildAfterFailedCommit() {
  std::unique_lock lock(pipeline_mutex_);
  auto fresh = std::make_unique<Pipeline>(options_.pipeline);
  size_t count = 0;
  if (Status s = Replay(fresh.get(), &count); !s.ok()) {
    // The store no longer replays: refusing writes is all that is safe.
    std::fprintf(stderr, "parallax serve: %s\n", s.message().c_str());
    std::abort();
  }
  pipeline_ = std::move(fresh);
  articles_ = static_cast<int64_t>(count);
}

void Server::Impl::ListStories(const httplib::Request& req, httplib::Response& res) {
  StoryQuery q;
  q.limit = kDefaultPageSize;
  if (req.has_param("limit")) {
    const std::string v = req.get_param_value("limit");
    char* end = nullptr;
    long n = std::strtol(v.c_str(), &end, 10);
    if (v.empty() || *end != '\0' || n < 1 || n > static_cast<long>(kMaxPageSize)) {
      return SendError(res, 400,
                       "limit must be a whole number from 1 to " + std::to_string(kMaxPageSize),
                       "limit");
    }
    q.limit = static_cast<size_t>(n);
  }
  if (req.has_param("cursor")) {
    const std::string v = req.get_param_value("cursor");
    char* end = nullptr;
    long long n = std::strtoll(v.c_str(), &end, 10);
    if (v.empty() || *end != '\0' || n < 1)
      return SendError(res, 400, "cursor is not one this server gave", "cursor");
    q.before_seq = n;
  }
  if (req.has_param("since")) {
    Result<int64_t> t = ParseIsoTime(req.get_param_value("since"));
    if (!t.ok())
      return SendError(res, 400, "since must be an ISO 8601 time (2026-03-04T08:15:00Z)", "since");
    q.since = *t;
  }
  q.outlet = req.get_param_value("outlet");
  q.text = req.get_param_value("q");
  Result<Reader> reader = BorrowReader();
  if (!reader.ok()) return SendError(res, 503, reader.status().message());
  Result<std::vector<StoryRow>> rows = (*reader)->ListStories(q);
  if (!rows.ok()) return SendError(res, 500, rows.status().message());
  Json stories = Json::array();
  for (const StoryRow& r : *rows) stories.push_back(StoryRowJson(r));
  Json body{{"stories", std::move(stories)}, {"next", nullptr}};
  if (rows->size() == q.limit) body["next"] = std::to_string(rows->back().last_seq);
  SendJson(res, 200, body);
}

void Server::Impl::GetStory(const httplib::Request& req, httplib::Response& res) {
  std::optional<uint32_t> story = ParseStoryId(req.matches[1]);
  uint32_t version = 0;
  if (story) {
    std::lock_guard lock(cache_mutex_);
    if (*story < story_version_.size()) version = story_version_[*story];
    auto it = cache_.find(*story);
    if (version > 0 && it != cache_.end() && it->second.version == version) {
      res.set_content(it->second.json, "application/json; charset=utf-8");
      return;
    }
  }
  if (version == 0) return SendError(res, 404, "no story " + std::string(req.matches[1]), "id");
  std::string json;
  {
    std::shared_lock lock(pipeline_mutex_);
    Story s = pipeline_->BuildStory(*story);
    json = RenderStoryJson(s, RenderOptions{}) + "\n";
    // The version under this lock is the one the story was built from.
    std::lock_guard cache_lock(cache_mutex_);
    version = story_version_[*story];
    auto [it, inserted] = cache_.try_emplace(*story);
    cache_bytes_ += json.size() - (inserted ? 0 : it->second.json.size());
    it->second = Cached{version, json};
    // Over budget: drop other stories (hash order, i.e. arbitrary) until under it.
    for (auto victim = cache_.begin();
         cache_bytes_ > options_.story_cache_bytes && victim != cache_.end();) {
      if (victim->first == *story) {
        ++victim;
        continue;
      }
      cache_bytes_ -= victim->second.json.size();
      victim = cache_.erase(victim);
    }
  }
  res.set_content(json, "application/json; charset=utf-8");
}

void Server::Impl::GetArticle(const httplib::Request& req, httplib::Response& res) {
  const std::string id = req.matches[1];
  Result<Reader> reader = BorrowReader();
  if (!reader.ok()) return SendError(res, 503, reader.status().message());
  Result<std::optional<StoredArticle>> a = (*reader)->GetArticle(id);
  if (!a.ok()) return SendError(res, 500, a.status().message());
  if (!a->has_value()) return SendError(res, 404, "no article \"" + id + "\"", "id");
  SendJson(res, 200, ArticleJson(**a));
}

void Server::Impl::Health(httplib::Response& res) {
  size_t stories;
  {
    std::lock_guard lock(cache_mutex_);
    stories = story_version_.size();
  }
  SendJson(res, 200, Json{{"status", "ok"}, {"articles", articles_.load()}, {"stories", stories}});
}

void Server::Impl::Routes() {
  http_.set_payload_max_length(options_.max_body_bytes);
  // Small replies must not wait for a delayed ACK (Nagle): 40 ms per keep-alive request else.
  http_.set_tcp_nodelay(true);
  const int threads = options_.http_threads > 0 ? options_.http_threads : 1;
  http_.new_task_queue = [threads] {
    return new httplib::ThreadPool(static_cast<size_t>(threads));
  };
  http_.Post("/v1/articles", [this](const httplib::Request& req, httplib::Response& res) {
    PostArticles(req, res);
  });
  http_.Get("/v1/stories",
            [this](const httplib::Request& req, httplib::Response& res) { ListStories(req, res); });
  http_.Get(R"(/v1/stories/([^/]+))",
            [this](const httplib::Request& req, httplib::Response& res) { GetStory(req, res); });
  http_.Get(R"(/v1/articles/(.+))",
            [this](const httplib::Request& req, httplib::Response& res) { GetArticle(req, res); });
  http_.Get("/healthz", [this](const httplib::Request&, httplib::Response& res) { Health(res); });
  http_.Get("/metrics", [this](const httplib::Request&, httplib::Response& res) {
    size_t stories;
    {
      std::lock_guard lock(cache_mutex_);
      stories = story_version_.size();
    }
    res.set_content(metrics_.Render(articles_.load(), static_cast<int64_t>(stories)),
                    "text/plain; version=0.0.4; charset=utf-8");
  });
  http_.Get("/", [](const httplib::Request&, httplib::Response& res) {
    res.set_header("Content-Security-Policy",
                   "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
                   "connect-src 'self'; img-src 'self' data:");
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_content(std::string(kPageHtml), "text/html; charset=utf-8");
  });
  // Errors the library answers itself (404 of an unknown path, 413 of a too large body) get a
  // JSON body too; handlers that already wrote one keep it.
  http_.set_error_handler([this](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;
    std::string message = res.status == 413 ? "request body larger than " +
                                                  std::to_string(options_.max_body_bytes) + " bytes"
                          : res.status == 404 ? "no such path: " + req.path
                                              : "HTTP status " + std::to_string(res.status);
    SendError(res, res.status, message, res.status == 413 ? "body" : "");
  });
  http_.set_exception_handler(
      [](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
        std::string what = "internal error";
        try {
          std::rethrow_exception(std::move(ep));
        } catch (const std::exception& e) {
          what += std::string(": ") + e.what();
        } catch (...) {
        }
        SendError(res, 500, what);
      });
  http_.set_logger([this](const httplib::Request& req, const httplib::Response& res) {
    metrics_.CountRequest(req.method, RouteOf(req.path), res.status);
  });
}

Result<int> Server::Impl::Bind() {
  int port = options_.port;
  if (port == 0) {
    port = http_.bind_to_any_port(options_.host);
    if (port < 0) return IoError("cannot listen on " + options_.host);
  } else if (!http_.bind_to_port(options_.host, port)) {
    return IoError("cannot listen on " + options_.host + ":" + std::to_string(port) + " (in use?)");
  }
  return port;
}

Status Server::Impl::Listen() {
  if (!http_.listen_after_bind()) return IoError("the HTTP server stopped with an error");
  return Status::Ok();
}

Result<std::unique_ptr<Server>> Server::Open(const ServeOptions& options) {
  auto impl = std::make_unique<Impl>(options);
  RETURN_IF_ERROR(impl->Open());
  return std::unique_ptr<Server>(new Server(std::move(impl)));
}

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Server::~Server() = default;
Result<int> Server::Bind() { return impl_->Bind(); }
Status Server::Listen() { return impl_->Listen(); }
void Server::Stop() { impl_->Stop(); }
size_t Server::replayed() const { return impl_->replayed(); }
std::string Server::HandleRawRequest(std::string_view request) {
  return impl_->HandleRawRequest(request);
}

}  // namespace parallax
