// Tests of WarcReader and ParseHttpResponse on WARC files written here, including truncated,
// corrupt and oversized records, plain and gzip-compressed.
#include "web/warc.h"

#include "web/test_util.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <sstream>

namespace parallax {
namespace {

std::string Record(const std::string& type, int n, const std::string& block) {
  return WarcRecordText(type, "0000-" + std::to_string(n), block,
                        "2026-03-0" + std::to_string(n) + "T10:00:00Z");
}

std::string Page(int n) {
  std::string body = "<html><body><p>Page " + std::to_string(n) + "</p></body></html>";
  return "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: " +
         std::to_string(body.size()) + "\r\n\r\n" + body;
}

struct Read {
  std::vector<WarcRecord> records;
  std::vector<std::string> errors;
};

Read ReadAll(const std::string& data, WarcBudget budget = {}) {
  std::istringstream in(data);
  WarcReader reader(in, budget);
  Read r;
  WarcRecord rec;
  for (int guard = 0; guard < 100; ++guard) {
    Result<bool> more = reader.Next(&rec);
    if (!more.ok()) {
      r.errors.push_back(more.status().message());
      continue;
    }
    if (!*more) break;
    r.records.push_back(rec);
  }
  return r;
}

TEST(Warc, PlainRecordsInOrder) {
  Read r = ReadAll(Record("warcinfo", 1, "software: test") + Record("request", 2, "GET /") +
                   Record("response", 3, Page(3)));
  ASSERT_TRUE(r.errors.empty());
  ASSERT_EQ(r.records.size(), 3u);
  EXPECT_EQ(r.records[0].type, "warcinfo");
  EXPECT_EQ(r.records[2].type, "response");
  EXPECT_EQ(r.records[2].record_id, "0000-3");
  EXPECT_EQ(r.records[2].target_uri, "https://tidings.example/0000-3");
  EXPECT_EQ(r.records[2].date, "2026-03-03T10:00:00Z");
  EXPECT_EQ(r.records[2].block, Page(3));
  EXPECT_EQ(r.records[2].number, 3u);
}

TEST(Warc, GzipOneMemberPerRecord) {
  std::string a = Gzip(Record("response", 1, Page(1))), b = Gzip(Record("response", 2, Page(2)));
  Read r = ReadAll(a + b);
  ASSERT_TRUE(r.errors.empty());
  ASSERT_EQ(r.records.size(), 2u);
  EXPECT_EQ(r.records[1].block, Page(2));
  EXPECT_EQ(r.records[0].offset, 0u);
  EXPECT_EQ(r.records[1].offset, a.size());
}

TEST(Warc, TruncatedGzipRecordIsReportedAndEndsTheFile) {
  std::string a = Gzip(Record("response", 1, Page(1))), b = Gzip(Record("response", 2, Page(2)));
  Read r = ReadAll(a + b.substr(0, b.size() / 2));
  ASSERT_EQ(r.records.size(), 1u);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0], "at byte " + std::to_string(a.size()) + ": truncated gzip member");
}

TEST(Warc, CorruptGzipMemberIsSkipped) {
  std::string a = Gzip(Record("response", 1, Page(1))), b = Gzip(Record("response", 2, Page(2))),
              c = Gzip(Record("response", 3, Page(3)));
  for (size_t i = 12; i < b.size() - 10; i += 7) b[i] = static_cast<char>(b[i] ^ 0x5a);
  Read r = ReadAll(a + b + c);
  ASSERT_EQ(r.records.size(), 2u);
  EXPECT_EQ(r.records[1].record_id, "0000-3");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_NE(r.errors[0].find("at byte " + std::to_string(a.size())), std::string::npos);
  EXPECT_NE(r.errors[0].find("corrupt gzip member"), std::string::npos);
}

TEST(Warc, GarbageBetweenGzipMembersIsSkipped) {
  Read r = ReadAll(Gzip(Record("response", 1, Page(1))) + "garbage!" +
                   Gzip(Record("response", 2, Page(2))));
  ASSERT_EQ(r.records.size(), 2u);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_NE(r.errors[0].find("not a gzip member"), std::string::npos);
}

TEST(Warc, PlainBadHeaderResumesAtNextRecord) {
  std::string bad = "WARC/1.1\r\nWARC-Type: response\r\n\r\nno length here\r\n\r\n";
  Read r = ReadAll(Record("response", 1, Page(1)) + bad + Record("response", 3, Page(3)));
  ASSERT_EQ(r.records.size(), 2u);
  EXPECT_EQ(r.records[1].record_id, "0000-3");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_NE(r.errors[0].find("missing or invalid Content-Length"), std::string::npos);
}

TEST(Warc, PlainTruncatedRecord) {
  std::string whole = Record("response", 1, Page(1)) + Record("response", 2, Page(2));
  Read r = ReadAll(whole.substr(0, whole.size() - 40));
  ASSERT_EQ(r.records.size(), 1u);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_NE(r.errors[0].find("truncated record"), std::string::npos);
}

TEST(Warc, NotAWarcFile) {
  Read r = ReadAll("just some text\nthat is not a crawl\n");
  EXPECT_TRUE(r.records.empty());
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_NE(r.errors[0].find("expected a WARC/1.x version line"), std::string::npos);
  EXPECT_TRUE(ReadAll("").records.empty());
  EXPECT_TRUE(ReadAll("").errors.empty());
}

TEST(Warc, RecordBudgetSkipsOversizedRecords) {
  WarcBudget budget;
  budget.max_record_bytes = 300;
  std::string big = Page(2) + std::string(1000, 'x');
  for (bool gz : {false, true}) {
    std::string r1 = Record("response", 1, Page(1)), r2 = Record("response", 2, big),
                r3 = Record("response", 3, Page(3));
    Read r = gz ? ReadAll(Gzip(r1).append(Gzip(r2)).append(Gzip(r3)), budget)
                : ReadAll(std::string(r1).append(r2).append(r3), budget);
    ASSERT_EQ(r.records.size(), 2u) << gz;
    EXPECT_EQ(r.records[1].record_id, "0000-3");
    ASSERT_EQ(r.errors.size(), 1u);
    EXPECT_NE(r.errors[0].find("record larger than 300 bytes"), std::string::npos) << r.errors[0];
  }
}

TEST(Http, ChunkedAndGzipEncodedBody) {
  std::string body = "<html><p>Hello</p></html>";
  std::string gz = Gzip(body);
  char size[16];
  snprintf(size, sizeof size, "%zx", gz.size());
  std::string block =
      "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n"
      "Content-Encoding: gzip\r\n\r\n" +
      std::string(size) + "\r\n" + gz + "\r\n0\r\n\r\n";
  auto r = ParseHttpResponse(block, 1 << 20);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body, body);
  EXPECT_EQ(r->content_type, "text/html");
}

TEST(Http, Errors) {
  EXPECT_FALSE(ParseHttpResponse("not http", 100).ok());
  auto br = ParseHttpResponse("HTTP/1.1 200 OK\r\nContent-Encoding: br\r\n\r\nxx", 100);
  ASSERT_FALSE(br.ok());
  EXPECT_EQ(br.status().message(), "unsupported Content-Encoding: br");
  auto big = ParseHttpResponse("HTTP/1.1 200 OK\r\n\r\n" + std::string(200, 'x'), 100);
  EXPECT_EQ(big.status().code(), StatusCode::kResourceExhausted);
  auto bomb = ParseHttpResponse(
      "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n" + Gzip(std::string(1 << 20, 'a')), 1000);
  EXPECT_EQ(bomb.status().code(), StatusCode::kResourceExhausted);
}

TEST(Http, IsHtml) {
  EXPECT_TRUE(IsHtml("text/html; charset=utf-8", ""));
  EXPECT_TRUE(IsHtml("application/xhtml+xml", ""));
  EXPECT_FALSE(IsHtml("application/pdf", "<html>"));
  EXPECT_TRUE(IsHtml("", "  <!DOCTYPE html><html>"));
  EXPECT_FALSE(IsHtml("", "%PDF-1.4"));
}

}  // namespace
}  // namespace parallax
