// Server: `parallax serve` — the HTTP API (docs/api.md) and the live web page over a durable
// Store and an in-memory Pipeline.
//
// Writes (POST /v1/articles) are serialised, one request at a time; within one, the items flow
// through a pipeline: parsed and prepared (Pipeline::Prepare) on all cores, then in arrival
// order filed (Pipeline::File) and written with their stories into one Store transaction, which
// commits before the reply. On start the pipeline is rebuilt by replaying the store in arrival
// order, and each article must land in the story it was stored with. Thread-safety: Listen() serves
// requests on a pool of threads; Stop() may be called from any thread (a signal handler's thread
// included).
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "parallax/options.h"
#include "parallax/status.h"

namespace parallax {

struct ServeOptions {
  // The SQLite store; created when absent. Required.
  std::string db;
  // Address to listen on. Default 127.0.0.1 (this machine only): opening the server to the
  // network is a decision, so it must be asked for (e.g. 0.0.0.0).
  std::string host = "127.0.0.1";
  // TCP port; 0 picks a free one (printed on start). Default 8080.
  int port = 8080;
  // When set, POST requests need `Authorization: Bearer <token>`. Default empty: no token.
  std::string write_token;
  // Largest request body, bytes; larger requests get 413. Default 64 MiB (a batch of 10,000
  // articles of 5 KB fits).
  size_t max_body_bytes = 64u << 20;
  // Most articles in one POST; more get 413 and nothing is stored. Default 10,000.
  size_t max_batch = 10000;
  // Threads answering HTTP requests; each keep-alive connection holds one while open.
  // Default 64.
  int http_threads = 64;
  // SQLite synchronous=FULL (true: acknowledged articles survive power loss) or NORMAL (false:
  // they survive a crash of the process only). Default true.
  bool full_sync = true;
  // Bytes of story JSON kept ready for GET /v1/stories/{id} (rebuilt when a story changes);
  // when full, stories are dropped from it one at a time. Default 256 MiB (~20,000 stories of
  // 12 KB, the average of bench/run_serve_bench.sh).
  size_t story_cache_bytes = 256u << 20;
  // The pipeline (digest, comparison, clustering). A store must be served with the clustering
  // options it was written with: the restart check catches a mismatch.
  // pipeline.read holds the budgets of each JSON article (bytes, nesting).
  PipelineOptions pipeline;
};

class Server {
 public:
  // Opens the store and replays it into a new pipeline. Fails when the store cannot be opened
  // or an article would land in a different story than the one stored.
  static Result<std::unique_ptr<Server>> Open(const ServeOptions& options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds the address; returns the port (the chosen one when options.port is 0).
  Result<int> Bind();
  // Serves until Stop(). Call after Bind().
  Status Listen();
  void Stop();

  // Articles replayed from the store when opening.
  size_t replayed() const;

  // Handles one raw HTTP/1.1 request in-process, as Listen() would over a connection (the
  // library's request parsing and routing, our handlers and error replies), and returns the
  // raw response. No Bind() needed. For the fuzz target (fuzz/serve_fuzz.cc) and tests.
  std::string HandleRawRequest(std::string_view request);

 private:
  class Impl;
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace parallax
