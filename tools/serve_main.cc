// `parallax serve`: the HTTP API, durable store and live web page (src/serve, docs/api.md).
#include "serve_main.h"

#include <unistd.h>

#include <csignal>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <thread>

#include "common.h"

namespace parallax::cli {

void AddServeCommand(CLI::App& app, ServeFlags* f) {
  ServeOptions& o = f->options;
  CLI::App* cmd = app.add_subcommand(
      "serve",
      "Serve the HTTP API (docs/api.md) and the live web page at /: POST articles as they come; "
      "each is stored durably in an SQLite file and filed into its story at once. Restarting "
      "replays the store; every acknowledged article stays in its story.");
  cmd->add_option("--db", o.db, "SQLite store; created when absent.")->required();
  cmd->add_option("--host", o.host,
                  "Address to listen on (default 127.0.0.1: this machine only; 0.0.0.0 opens the "
                  "server to the network).");
  cmd->add_option("-p,--port", o.port, "TCP port (default 8080; 0 picks a free one).")
      ->check(CLI::Range(0, 65535));
  cmd->add_option("--write-token", o.write_token,
                  "POSTs need `Authorization: Bearer TOKEN` (default: no token). Also read from "
                  "the PARALLAX_WRITE_TOKEN environment variable, which `ps` does not show.")
      ->envname("PARALLAX_WRITE_TOKEN");
  cmd->add_option("--max-body-bytes", o.max_body_bytes,
                  "Largest request body in bytes; larger gets 413 (default 67108864 = 64 MiB).")
      ->check(CLI::Range(size_t{1024}, size_t{1} << 34));
  cmd->add_option("--max-batch", o.max_batch,
                  "Most articles in one POST; more gets 413, nothing stored (default 10000).")
      ->check(CLI::Range(size_t{1}, size_t{1000000}));
  cmd->add_option("--http-threads", o.http_threads,
                  "Threads answering requests; each open keep-alive connection holds one "
                  "(default 64).")
      ->check(CLI::Range(1, 4096));
  cmd->add_option("--story-cache-bytes", o.story_cache_bytes,
                  "Bytes of story JSON kept ready for GET /v1/stories/{id}, rebuilt when a story "
                  "changes (default 268435456 = 256 MiB).");
  cmd->add_option("--sync", f->sync,
                  "full (default): an acknowledged article survives power loss; normal: it "
                  "survives a crash of the process only, faster commits.")
      ->check(CLI::IsMember({"full", "normal"}));
  AddPipelineFlags(cmd, &o.pipeline);
  cmd->footer(
      "Exit codes: 0 stopped by SIGINT/SIGTERM; 1 the store could not be opened or replayed, or "
      "the address could not be bound; 2 bad command line.");
}

int RunServe(ServeFlags& f) {
  f.options.full_sync = f.sync == "full";
  // SIGINT/SIGTERM are taken by a thread that stops the server; blocked before any other
  // thread starts so that they all inherit the mask.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  std::cerr << "parallax serve: opening " << f.options.db << "\n";
  Result<std::unique_ptr<Server>> server = Server::Open(f.options);
  if (!server.ok()) {
    std::cerr << "parallax serve: " << server.status().message() << "\n";
    return kExitFailure;
  }
  Result<int> port = (*server)->Bind();
  if (!port.ok()) {
    std::cerr << "parallax serve: " << port.status().message() << "\n";
    return kExitFailure;
  }
  // One line on stdout, flushed: scripts and tests read the port from it.
  std::cout << "parallax serve: " << (*server)->replayed()
            << " articles replayed; listening on http://" << f.options.host << ":" << *port << "/"
            << std::endl;
  Server* raw = server->get();
  std::atomic<bool> listening_ended = false;
  std::thread stopper([raw, stop_signals, &listening_ended] {
    int sig = 0;
    sigwait(&stop_signals, &sig);
    // A stop that lands before the server loop has started is lost (cpp-httplib ignores it),
    // so repeat it until Listen returns.
    while (!listening_ended) {
      raw->Stop();
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  });
  Status s = raw->Listen();
  listening_ended = true;
  if (stopper.joinable()) {
    // Listen returned without a signal (an error): wake the waiting thread.
    // (to the process: every thread blocks SIGTERM, so the waiting one takes it)
    kill(getpid(), SIGTERM);
    stopper.join();
  }
  if (!s.ok()) {
    std::cerr << "parallax serve: " << s.message() << "\n";
    return kExitFailure;
  }
  return kExitOk;
}

}  // namespace parallax::cli
