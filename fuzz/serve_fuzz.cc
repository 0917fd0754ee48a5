// libFuzzer target for what `parallax serve` reads from its clients: POST /v1/articles bodies
// (one JSON article or a JSON Lines batch: splitting, per-item parsing, filing, storing) and
// the query parameters and path ids of the GET routes, handled in-process through the real
// routing (Server::HandleRawRequest), without a socket.
//
// Input: byte 0 picks the request (0 POST application/json, 1 POST application/x-ndjson,
// 2 GET /v1/stories?QUERY, 3 GET /v1/stories/ID, 4 GET /v1/articles/ID); the bytes up to the
// first newline are QUERY or ID (percent-encoded here so the request line stays valid: the
// HTTP parser is the library's); the rest is the body. A 500 reply (an internal error caused
// by a request) is a finding, as is any crash, hang or sanitizer report. See fuzz/README.md.
#include <array>
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

#include "fuzz_util.h"
#include "serve/server.h"

namespace {

// Percent-encodes every byte but unreserved ones and those in `keep`.
std::string Encode(std::string_view s, std::string_view keep) {
  constexpr std::string_view kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' ||
        keep.find(static_cast<char>(c)) != std::string_view::npos) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

// One server over a fresh store, replaced every kRunsPerServer runs so the store and the
// pipeline (which keep every valid article posted) stay small and runs stay fast.
constexpr int kRunsPerServer = 2000;

parallax::Server* CurrentServer() {
  static std::unique_ptr<parallax::Server> server;
  static int runs = 0;
  static const std::string db = parallax::fuzz::TempPath("parallax-serve-fuzz", ".db");
  if (!server || ++runs >= kRunsPerServer) {
    server.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) std::remove((db + suffix).c_str());
    parallax::ServeOptions options;
    options.db = db;
    options.full_sync = false;
    options.max_body_bytes = 1 << 20;
    options.max_batch = 64;
    options.pipeline.read = parallax::fuzz::SmallBudgets();
    auto opened = parallax::Server::Open(options);
    if (!opened.ok()) {
      std::fprintf(stderr, "serve_fuzz: %s\n", opened.status().message().c_str());
      std::abort();
    }
    server = std::move(*opened);
    runs = 0;
  }
  return server.get();
}

std::string Request(uint8_t kind, std::string_view part, std::string_view body) {
  constexpr std::array<std::string_view, 5> kTargets = {
      "/v1/articles", "/v1/articles", "/v1/stories?", "/v1/stories/", "/v1/articles/"};
  const bool post = kind < 2;
  std::string r = post ? "POST " : "GET ";
  r += kTargets[kind];
  if (!post) r += Encode(part, kind == 2 ? "=&%+" : "%");
  r += " HTTP/1.1\r\nHost: localhost\r\n";
  if (post) {
    r +=
        kind == 0 ? "Content-Type: application/json\r\n" : "Content-Type: application/x-ndjson\r\n";
    r += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  }
  r += "\r\n";
  if (post) r += body;
  return r;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const std::string_view input(reinterpret_cast<const char*>(data) + 1, size - 1);
  const size_t nl = input.find('\n');
  const std::string_view part = input.substr(0, nl);
  const std::string_view body = nl == std::string_view::npos ? "" : input.substr(nl + 1);
  const std::string reply = CurrentServer()->HandleRawRequest(Request(data[0] % 5, part, body));
  if (reply.rfind("HTTP/1.1 500", 0) == 0) {
    std::fprintf(stderr, "serve_fuzz: internal error:\n%s\n", reply.c_str());
    std::abort();
  }
  return 0;
}
