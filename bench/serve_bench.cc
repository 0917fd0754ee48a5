// serve_bench: `parallax serve` end to end over loopback HTTP (db_bench-style driver; run it
// with bench/run_serve_bench.sh, figures in docs/benchmarks.md).
//
//   serve_bench ingest --bin B --db F [--articles N] [--batch B] [--writers W] [--readers R]
//                      [--read-rate Q] [--keep-alive 0|1]
//     Starts `B serve --db F` on a free port and POSTs the example corpus replicated to N
//     articles (bench/replica.h) as JSON Lines batches from W connections, while R connections
//     read. With --read-rate 0 (the default) they read without pause (a page of 20 of the
//     story list, then one of its stories): they take whatever CPU the server leaves. With
//     --read-rate Q they issue Q reads per second between them, on a schedule (a read that
//     falls behind is sent at once), in the page's mix: of every 10 reads, 6 story lists (the
//     page polls the list), 3 views of a listed story, 1 search for a word of a listed title.
//     --keep-alive 1 (the default) reuses each connection, as browsers and API clients do; 0
//     opens one per request. Reports articles acknowledged per second, reads per second (and
//     their latency when paced), the CPU time (user + system) of the server (reads served
//     included) and of this client, and the load average before and after. Check: every
//     article acknowledged and stored, one story per planted event per replica (give or take
//     one), every read 200.
//   serve_bench crash --bin B --db F [--kills K] [--batch B]
//     K times: start the server, POST batches without pause, `kill -9` it 0-0.5 s after its
//     first acknowledged batch; after each restart every article acknowledged so far must be
//     there in the story it was acknowledged with. Check: 0 acknowledged articles lost or moved.
#include <httplib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <csignal>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <mutex>
#include <random>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include "parallax/render.h"
#include "replica.h"
#include "serve_process.h"

namespace {

using Json = nlohmann::json;

struct Flags {
  std::string mode, bin, db, corpus = "examples/corpus";
  size_t articles = 20000, batch = 500, writers = 2, readers = 2, kills = 20;
  double read_rate = 0;  // reads per second between the readers; 0 = without pause
  bool keep_alive = true;
};

// `bin serve --db db --port 0`.
class Server : public parallax_test::ServeProcess {
 public:
  explicit Server(const Flags& f) : ServeProcess(f.bin, {"--db", f.db, "--port", "0"}) {}
  ~Server() { Stop(SIGTERM); }
};

// CPU seconds (user + system) the process `pid` has used so far, from /proc/PID/stat; -1 when
// unreadable. The machine is shared, so the rate in wall time also counts other people's jobs.
double ProcessCpuSeconds(pid_t pid) {
  FILE* f = std::fopen(("/proc/" + std::to_string(pid) + "/stat").c_str(), "r");
  if (!f) return -1;
  char buf[2048];
  const size_t n = std::fread(buf, 1, sizeof buf - 1, f);
  std::fclose(f);
  buf[n] = '\0';
  // Fields after the command name (which may hold spaces, so find its closing parenthesis):
  // state is field 3; utime and stime are fields 14 and 15.
  const char* p = std::strrchr(buf, ')');
  unsigned long utime = 0, stime = 0;
  if (!p || std::sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu", &utime,
                        &stime) != 2)
    return -1;
  return static_cast<double>(utime + stime) / static_cast<double>(sysconf(_SC_CLK_TCK));
}

// CPU seconds (user + system) of this process, all its threads (the bench client).
double SelfCpuSeconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + t.tv_usec / 1e6; };
  return seconds(u.ru_utime) + seconds(u.ru_stime);
}

// The 1-minute load average (other engineers' builds share the machine).
double Load() {
  double l[1] = {-1};
  return getloadavg(l, 1) == 1 ? l[0] : -1;
}

std::string ArticleLine(const parallax::Article& a) {
  Json j{{"id", a.id}, {"title", a.title}, {"text", a.text}, {"outlet", a.outlet}, {"url", a.url}};
  if (a.published) j["published"] = parallax::FormatIsoTime(*a.published);
  return j.dump() + "\n";
}

int Ingest(const Flags& f) {
  size_t bytes = 0, base_size = 0;
  std::vector<parallax::Article> all =
      parallax_bench::ReplicatedCorpus(f.corpus, f.articles, &bytes, &base_size);
  if (all.empty())
    return std::fprintf(stderr, "serve_bench: cannot read %s\n", f.corpus.c_str()), 1;
  std::vector<std::string> bodies;
  for (size_t i = 0; i < all.size(); i += f.batch) {
    std::string body;
    for (size_t j = i; j < std::min(all.size(), i + f.batch); ++j) body += ArticleLine(all[j]);
    bodies.push_back(std::move(body));
  }
  Server server(f);
  if (server.port() == 0) return std::fprintf(stderr, "serve_bench: the server did not start\n"), 1;
  std::atomic<size_t> next_body = 0, acknowledged = 0, reads = 0, bad_reads = 0;
  std::atomic<bool> done = false, failed = false;
  const double load_start = Load();
  const double cpu_start = ProcessCpuSeconds(server.pid());
  const double client_cpu_start = SelfCpuSeconds();
  const auto start = std::chrono::steady_clock::now();
  std::vector<std::thread> threads;
  for (size_t w = 0; w < f.writers; ++w) {
    threads.emplace_back([&] {
      httplib::Client c = server.Client();
      c.set_keep_alive(f.keep_alive);
      for (size_t b; (b = next_body++) < bodies.size();) {
        auto r = c.Post("/v1/articles", bodies[b], "application/x-ndjson");
        if (!r || r->status != 200) {
          std::fprintf(stderr, "serve_bench: batch %zu: %s\n", b,
                       r ? r->body.substr(0, 300).c_str() : "no reply");
          failed = true;
          return;
        }
        acknowledged += Json::parse(r->body)["stored"].get<size_t>();
      }
    });
  }
  std::vector<std::thread> readers;
  std::atomic<size_t> next_read = 0;  // paced: the index of the next read due
  std::mutex latency_mutex;
  std::vector<double> latencies_ms;  // paced reads
  for (size_t i = 0; i < f.readers; ++i) {
    readers.emplace_back([&] {
      httplib::Client c = server.Client();
      c.set_keep_alive(f.keep_alive);
      // One read; its reply parsed only when `parse` (the lists, whose stories are read next).
      auto counted = [&](const std::string& path, bool parse) {
        auto r = c.Get(path.c_str());
        ++reads;
        if (!r || r->status != 200) {
          ++bad_reads;
          return Json();
        }
        return parse ? Json::parse(r->body) : Json();
      };
      if (f.read_rate <= 0) {
        while (!done) {
          Json stories = counted("/v1/stories?limit=20", true)["stories"];
          if (!stories.is_array() || stories.empty()) continue;
          counted("/v1/stories/" + stories[reads % stories.size()]["id"].get<std::string>(), false);
        }
        return;
      }
      Json listed = Json::array();  // this reader's last story list
      std::vector<double> mine;
      while (!done) {
        const size_t k = next_read++;
        const auto due = start + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                     std::chrono::duration<double>(k / f.read_rate));
        while (!done && std::chrono::steady_clock::now() < due) {
          std::this_thread::sleep_for(std::min<std::chrono::steady_clock::duration>(
              due - std::chrono::steady_clock::now(), std::chrono::milliseconds(50)));
        }
        if (done) break;
        const auto sent = std::chrono::steady_clock::now();
        if (k % 10 < 6 || listed.empty()) {
          Json page = counted("/v1/stories", true);
          if (page.contains("stories") && !page["stories"].empty()) listed = page["stories"];
        } else if (k % 10 < 9) {
          counted("/v1/stories/" + listed[k % listed.size()]["id"].get<std::string>(), false);
        } else {
          // A word of a listed title (its longest), as someone searching the list would.
          std::string title = listed[k % listed.size()]["title"].get<std::string>(), word, w;
          for (char ch : title + " ") {
            if (std::isalnum(static_cast<unsigned char>(ch))) {
              w += ch;
            } else {
              if (w.size() > word.size()) word = w;
              w.clear();
            }
          }
          counted("/v1/stories?q=" + httplib::detail::encode_query_param(word), false);
        }
        mine.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - sent)
                .count());
      }
      std::lock_guard lock(latency_mutex);
      latencies_ms.insert(latencies_ms.end(), mine.begin(), mine.end());
    });
  }
  for (auto& t : threads) t.join();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const double cpu = ProcessCpuSeconds(server.pid()) - cpu_start;
  const double client_cpu = SelfCpuSeconds() - client_cpu_start;
  const size_t reads_during = reads;
  done = true;
  for (auto& t : readers) t.join();
  std::sort(latencies_ms.begin(), latencies_ms.end());
  // Latency is only timed for paced reads; unpaced ones print "-" rather than a false 0.
  auto quantile = [&](double q) -> std::string {
    if (latencies_ms.empty()) return "-";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f",
                  latencies_ms[std::min(latencies_ms.size() - 1,
                                        static_cast<size_t>(q * latencies_ms.size()))]);
    return buf;
  };
  httplib::Client c = server.Client();
  Json health = Json::parse(c.Get("/healthz")->body);
  const size_t replicas = (f.articles + base_size - 1) / base_size;
  const size_t stories = health["stories"].get<size_t>();
  const bool ok = !failed && acknowledged == all.size() &&
                  health["articles"].get<size_t>() == all.size() && stories >= replicas * 11 &&
                  stories <= replicas * 13 && bad_reads == 0;
  const double per_article = 1000.0 / static_cast<double>(std::max<size_t>(acknowledged, 1));
  std::printf(
      "mode=ingest articles=%zu MB=%.1f batch=%zu writers=%zu readers=%zu read_rate=%s "
      "keep_alive=%d stories=%zu seconds=%.2f articles_per_s=%.0f reads=%zu reads_per_s=%.0f "
      "read_p50_ms=%s read_p99_ms=%s server_cpu_s=%.2f server_cpu_ms_per_article=%.3f "
      "client_cpu_s=%.2f client_cpu_ms_per_article=%.3f load_before=%.1f load_after=%.1f "
      "check=%s\n",
      static_cast<size_t>(acknowledged), bytes / 1e6, f.batch, f.writers, f.readers,
      f.read_rate > 0 ? std::to_string(static_cast<int>(f.read_rate)).c_str() : "unpaced",
      f.keep_alive ? 1 : 0, stories, seconds, acknowledged / seconds, reads_during,
      reads_during / seconds, quantile(0.5).c_str(), quantile(0.99).c_str(), cpu, cpu * per_article,
      client_cpu, client_cpu * per_article, load_start, Load(), ok ? "ok" : "FAILED");
  return ok ? 0 : 1;
}

int Crash(const Flags& f) {
  size_t bytes = 0, base_size = 0;
  std::vector<parallax::Article> all =
      parallax_bench::ReplicatedCorpus(f.corpus, 100000, &bytes, &base_size);
  if (all.empty())
    return std::fprintf(stderr, "serve_bench: cannot read %s\n", f.corpus.c_str()), 1;
  std::map<std::string, std::string> acknowledged;  // id -> story
  std::vector<std::string> unchecked;
  std::mt19937 rng(20);
  size_t next = 0, lost = 0, moved = 0;
  for (size_t round = 0; round <= f.kills; ++round) {
    Server server(f);
    if (server.port() == 0)
      return std::fprintf(stderr,
                          "serve_bench: round %zu: the server did not start (store damaged?)\n",
                          round),
             1;
    httplib::Client check = server.Client();
    for (const std::string& id : unchecked) {
      auto r = check.Get(("/v1/articles/" + httplib::detail::encode_query_param(id)).c_str());
      if (!r || r->status != 200) {
        ++lost;
        std::fprintf(stderr, "serve_bench: round %zu: acknowledged article %s is missing\n", round,
                     id.c_str());
      } else if (Json::parse(r->body)["story"] != acknowledged[id]) {
        ++moved;
        std::fprintf(stderr, "serve_bench: round %zu: article %s moved story\n", round, id.c_str());
      }
    }
    unchecked.clear();
    if (round == f.kills) break;
    std::atomic<bool> stop = false, writer_done = false;
    std::atomic<size_t> round_batches = 0;
    std::thread writer([&] {
      httplib::Client c = server.Client();
      while (!stop && next < all.size()) {
        std::string body;
        for (size_t j = 0; j < f.batch && next < all.size(); ++j) body += ArticleLine(all[next++]);
        auto r = c.Post("/v1/articles", body, "application/x-ndjson");
        if (!r || r->status != 200) break;  // killed mid-request: this batch is not acknowledged
        const Json reply = Json::parse(r->body);
        for (const Json& item : reply["items"]) {
          acknowledged[item["id"]] = item["story"];
          unchecked.push_back(item["id"]);
        }
        ++round_batches;
      }
      writer_done = true;
    });
    // The kill lands 0-500 ms after the round's first acknowledged batch, so that every round
    // has something to lose however loaded the machine is (a fixed delay from the start found
    // nothing acknowledged yet at a load average of 18).
    for (int waited = 0; round_batches == 0 && !writer_done && waited < 120000; waited += 5) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(rng() % 500));
    server.Stop(SIGKILL);
    stop = true;
    writer.join();
  }
  const bool ok = lost == 0 && moved == 0 && !acknowledged.empty();
  std::printf("mode=crash kills=%zu acknowledged=%zu lost=%zu moved=%zu check=%s\n", f.kills,
              acknowledged.size(), lost, moved, ok ? "ok" : "FAILED");
  return ok ? 0 : 1;
}

}  // namespace

int Main(int argc, char** argv) {
  Flags f;
  if (argc > 1) f.mode = argv[1];
  for (int i = 2; i + 1 < argc; i += 2) {
    const std::string k = argv[i], v = argv[i + 1];
    if (k == "--bin")
      f.bin = v;
    else if (k == "--db")
      f.db = v;
    else if (k == "--corpus")
      f.corpus = v;
    else if (k == "--articles")
      f.articles = std::stoul(v);
    else if (k == "--batch")
      f.batch = std::stoul(v);
    else if (k == "--writers")
      f.writers = std::stoul(v);
    else if (k == "--readers")
      f.readers = std::stoul(v);
    else if (k == "--kills")
      f.kills = std::stoul(v);
    else if (k == "--read-rate")
      f.read_rate = std::stod(v);
    else if (k == "--keep-alive")
      f.keep_alive = v != "0";
    else
      return std::fprintf(stderr, "serve_bench: unknown option %s\n", k.c_str()), 2;
  }
  signal(SIGPIPE, SIG_IGN);
  if (f.bin.empty() || f.db.empty())
    return std::fprintf(stderr, "usage: serve_bench ingest|crash --bin PARALLAX --db FILE ...\n"),
           2;
  if (f.mode == "ingest") return Ingest(f);
  if (f.mode == "crash") return Crash(f);
  return std::fprintf(stderr, "serve_bench: mode is ingest or crash\n"), 2;
}

// An exception that escapes (out of memory, a library's) ends the run with a message, not an
// abort.
int main(int argc, char** argv) {
  try {
    return Main(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "serve_bench: %s\n", e.what());
  } catch (...) {
    std::fprintf(stderr, "serve_bench: unexpected exception\n");
  }
  return 1;
}
