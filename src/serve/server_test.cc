// Server::HandleRawRequest: requests handled in-process through the real routing, as the fuzz
// target (fuzz/serve_fuzz.cc) sends them; and the inputs the fuzzer found, as regression
// tests. tests/serve_test.cc covers the server over a socket. Articles are fictional.
#include "serve/server.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace parallax {
namespace {

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("parallax_server_test_" + std::to_string(getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    ServeOptions o;
    o.db = (dir_ / "news.db").string();
    o.full_sync = false;
    Result<std::unique_ptr<Server>> s = Server::Open(o);
    ASSERT_TRUE(s.ok()) << s.status().message();
    server_ = std::move(*s);
  }
  void TearDown() override {
    server_.reset();
    std::filesystem::remove_all(dir_);
  }

  std::string Post(const std::string& type, const std::string& body) {
    return server_->HandleRawRequest(
        "POST /v1/articles HTTP/1.1\r\nHost: x\r\nContent-Type: " + type +
        "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body);
  }
  std::string Get(const std::string& target) {
    return server_->HandleRawRequest("GET " + target + " HTTP/1.1\r\nHost: x\r\n\r\n");
  }
  static std::string StatusLine(const std::string& reply) {
    return reply.substr(0, reply.find('\r'));
  }

  std::filesystem::path dir_;
  std::unique_ptr<Server> server_;
};

TEST_F(ServerTest, HandlesAPostAndTheGetsInProcess) {
  const std::string reply = Post(
      "application/json",
      R"({"id": "h1", "title": "Ferry crossings resume in Port Emsworth", "outlet": "Emsworth Gazette",)"
      R"( "text": "The harbour ferry of Port Emsworth resumed its crossings on Tuesday.",)"
      R"( "published": "2026-03-04T08:15:00Z"})");
  EXPECT_EQ(StatusLine(reply), "HTTP/1.1 200 OK");
  EXPECT_NE(reply.find(R"("stored":1)"), std::string::npos) << reply;
  EXPECT_EQ(StatusLine(Get("/v1/stories/s1")), "HTTP/1.1 200 OK");
  EXPECT_EQ(StatusLine(Get("/v1/articles/h1")), "HTTP/1.1 200 OK");
  const std::string list = Get("/v1/stories?limit=5&q=ferry&outlet=Emsworth%20Gazette");
  EXPECT_EQ(StatusLine(list), "HTTP/1.1 200 OK");
  EXPECT_NE(list.find("Ferry crossings"), std::string::npos) << list;
}

TEST_F(ServerTest, RejectsBadQueryParametersWithTheirName) {
  const std::string reply = Get("/v1/stories?limit=0");
  EXPECT_EQ(StatusLine(reply), "HTTP/1.1 400 Bad Request");
  EXPECT_NE(reply.find(R"("field":"limit")"), std::string::npos) << reply;
  EXPECT_EQ(StatusLine(Get("/v1/stories?cursor=x")), "HTTP/1.1 400 Bad Request");
  EXPECT_EQ(StatusLine(Get("/v1/stories?since=yesterday")), "HTTP/1.1 400 Bad Request");
  EXPECT_EQ(StatusLine(Get("/v1/stories/s99999999999999999999")), "HTTP/1.1 404 Not Found");
}

// Writers and readers at once, as the HTTP thread pool runs them (the ThreadSanitizer build
// runs this): every article posted is stored, and every reply is a success.
TEST_F(ServerTest, ConcurrentPostsAndReadsAllSucceed) {
  constexpr int kThreads = 4, kPerThread = 5;
  std::vector<std::thread> threads;
  threads.reserve(kThreads);
  std::vector<int> failures(kThreads, 0);
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([this, t, &failures] {
      for (int i = 0; i < kPerThread; ++i) {
        const std::string id = "c" + std::to_string(t) + "-" + std::to_string(i);
        std::string body = R"({"id": ")";
        body.append(id).append(R"(", "title": "Tram line )").append(id);
        body.append(R"( reopens", "text": "The tram line )").append(id);
        body.append(R"( in Kessby reopened on Monday after repairs."})");
        const std::string reply = Post("application/json", body);
        if (StatusLine(reply) != "HTTP/1.1 200 OK") ++failures[t];
        if (StatusLine(Get("/v1/stories?limit=3")) != "HTTP/1.1 200 OK") ++failures[t];
        if (StatusLine(Get("/v1/stories/s1")) != "HTTP/1.1 200 OK") ++failures[t];
        if (StatusLine(Get("/v1/articles/" + id)) != "HTTP/1.1 200 OK") ++failures[t];
      }
    });
  }
  for (std::thread& t : threads) t.join();
  for (int t = 0; t < kThreads; ++t) EXPECT_EQ(failures[t], 0) << "thread " << t;
  const std::string health = Get("/healthz");
  EXPECT_NE(health.find(R"("articles":20)"), std::string::npos) << health;
}

}  // namespace
}  // namespace parallax
