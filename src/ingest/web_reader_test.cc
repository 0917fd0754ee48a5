// Tests of reading HTML files and WARC crawls through ReadInputs (and ReadStdin): dispatch by
// name and by content, ids and origins, WARC fallbacks, bad files and records, every budget,
// and the same articles in the same order whatever the thread count. All pages are fictional.
#include "ingest/web_reader.h"

#include <gtest/gtest.h>
#include <unistd.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "ingest/test_util.h"
#include "parallax/reader.h"
#include "web/test_util.h"

namespace parallax {
namespace {

// A fictional news page; `n` varies its words so pages differ.
std::string Page(int n, const std::string& head = "") {
  std::string s = std::to_string(n);
  return "<!DOCTYPE html><html lang=en><head><title>Story " + s + " | Estvik Tidings</title>" +
         head + "</head><body><nav><a href=/>Home</a></nav><h1>Story " + s +
         "</h1><div class=article-body><p>Story " + s +
         " begins here: the harbour board of Estvik met on Tuesday, and it voted, after a long "
         "debate, to rebuild the north mole.</p><p>The vote in story " +
         s +
         " was seven to two, the chair said, and work starts in the spring, weather "
         "permitting.</p></div><footer>Estvik Tidings</footer></body></html>";
}

std::string HttpResponse(const std::string& body, const std::string& type = "text/html",
                         int status = 200) {
  return "HTTP/1.1 " + std::to_string(status) + " X\r\nContent-Type: " + type +
         "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

std::string Record(const std::string& type, const std::string& id, const std::string& block) {
  return WarcRecordText(type, id, block);
}

// A crawl of five records, two of them HTML articles.
std::string Crawl(bool gz) {
  std::vector<std::string> records = {
      Record("warcinfo", "info", "software: test"),
      Record("request", "req", "GET / HTTP/1.1\r\n\r\n"),
      Record("response", "p1", HttpResponse(Page(1))),
      Record("response", "img", HttpResponse("\x89PNG....", "image/png")),
      Record("response", "gone", HttpResponse("<html>Not found</html>", "text/html", 404)),
      Record("response", "p2", HttpResponse(Page(2))),
  };
  std::string out;
  for (const std::string& r : records) out += gz ? Gzip(r) : r;
  return out;
}

TEST(WebReader, HtmlFilesByNameAndByContent) {
  TempDir dir;
  dir.Write("a.html", Page(1));
  dir.Write("b.htm.gz", Gzip(Page(2)));
  dir.Write("c", Page(3));  // no extension: sniffed
  Collected c = Read({dir.Path()});
  ASSERT_TRUE(c.rejected.empty()) << c.rejected[0].error;
  ASSERT_EQ(c.articles.size(), 3u);
  EXPECT_EQ(c.articles[0].id, "a");
  EXPECT_EQ(c.articles[1].id, "b");
  EXPECT_EQ(c.articles[2].id, "c");
  EXPECT_EQ(c.articles[1].title, "Story 2");
  EXPECT_EQ(c.articles[1].lang, "en");
  EXPECT_EQ(c.articles[1].origin, dir.Path() + "/b.htm.gz");
  EXPECT_NE(c.articles[1].text.find("The vote in story 2"), std::string::npos);
  EXPECT_EQ(c.articles[1].text.find("Home"), std::string::npos);
}

TEST(WebReader, WarcResponsesBecomeArticlesWithCrawlFallbacks) {
  TempDir dir;
  for (bool gz : {false, true}) {
    std::string path = dir.Write(gz ? "crawl.warc.gz" : "crawl.warc", Crawl(gz));
    Collected c = Read({path});
    ASSERT_TRUE(c.rejected.empty()) << c.rejected[0].error;
    ASSERT_EQ(c.articles.size(), 2u);
    EXPECT_EQ(c.articles[0].id, "p1");
    EXPECT_EQ(c.articles[0].url, "https://tidings.example/p1");
    ASSERT_TRUE(c.articles[0].published.has_value());
    EXPECT_EQ(*c.articles[0].published, 1772618400);  // the WARC-Date
    EXPECT_EQ(c.articles[0].origin, path + "#record 3");
    EXPECT_EQ(c.articles[1].id, "p2");
  }
}

TEST(WebReader, WarcSniffedWithoutItsExtension) {
  TempDir dir;
  Collected c = Read({dir.Write("crawl.dat", Crawl(false))});
  EXPECT_EQ(c.articles.size(), 2u);
}

TEST(WebReader, BadFilesAndRecordsAreRejectedAndTheRestIsRead) {
  TempDir dir;
  std::string gz = Gzip(Page(1));
  dir.Write("a-truncated.html.gz", gz.substr(0, gz.size() / 2));
  dir.Write("b-empty.html", "");
  dir.Write("c-nav-only.html", "<html><body><nav><a href=/>Home</a></nav></body></html>");
  std::string crawl = Crawl(true);
  dir.Write("d-truncated.warc.gz", crawl.substr(0, crawl.size() - 30));
  dir.Write("e-good.html", Page(5));
  Collected c = Read({dir.Path()});
  ASSERT_EQ(c.rejected.size(), 4u);
  EXPECT_EQ(c.rejected[0].input, dir.Path() + "/a-truncated.html.gz");
  EXPECT_EQ(c.rejected[0].error, "truncated gzip data");
  EXPECT_EQ(c.rejected[1].error, "empty file");
  EXPECT_EQ(c.rejected[2].error, "no article text found in the page");
  EXPECT_EQ(c.rejected[3].input, dir.Path() + "/d-truncated.warc.gz#record 6");
  EXPECT_NE(c.rejected[3].error.find("truncated gzip member"), std::string::npos);
  ASSERT_EQ(c.articles.size(), 2u);  // p1 of the crawl, and e-good
  EXPECT_EQ(c.articles[0].id, "p1");
  EXPECT_EQ(c.articles[1].id, "e-good");
}

TEST(WebReader, EveryBudgetIsARejection) {
  TempDir dir;
  std::string page = dir.Write("p.html", Page(1));
  ReadOptions bytes;
  bytes.max_page_bytes = 100;
  Collected c = Read({page}, bytes);
  ASSERT_EQ(c.rejected.size(), 1u);
  EXPECT_EQ(c.rejected[0].error, "page larger than 100 bytes");

  ReadOptions nodes;
  nodes.max_html_nodes = 10;
  c = Read({page}, nodes);
  ASSERT_EQ(c.rejected.size(), 1u);
  EXPECT_EQ(c.rejected[0].error, "HTML has more than 10 nodes");

  ReadOptions depth;
  depth.max_html_depth = 3;
  c = Read({page}, depth);
  ASSERT_EQ(c.rejected.size(), 1u);
  EXPECT_EQ(c.rejected[0].error, "HTML nested deeper than 3 elements");

  ReadOptions record;
  record.max_warc_record_bytes = 200;
  c = Read({dir.Write("c.warc", Crawl(false))}, record);
  EXPECT_TRUE(c.articles.empty());
  ASSERT_EQ(c.rejected.size(), 2u);  // the two HTML responses; small records pass
  EXPECT_NE(c.rejected[0].error.find("record larger than 200 bytes"), std::string::npos);

  ReadOptions article;
  article.max_article_bytes = 50;
  c = Read({page}, article);
  ASSERT_EQ(c.rejected.size(), 1u);
  EXPECT_EQ(c.rejected[0].error, "article larger than 50 bytes");
}

TEST(WebReader, SameArticlesInSameOrderWhateverTheThreads) {
  TempDir dir;
  for (int i = 0; i < 40; ++i) {
    char name[32];
    snprintf(name, sizeof name, "p%02d.html", i);
    dir.Write(name, i % 7 == 3 ? "<html><body></body></html>" : Page(i));
  }
  dir.Write("z.warc.gz", Crawl(true));
  auto ids = [](const Collected& c) {
    std::vector<std::string> out;
    for (const Article& a : c.articles) out.push_back(a.id + "|" + a.text);
    for (const Rejection& r : c.rejected) out.push_back("!" + r.input);
    return out;
  };
  ReadOptions one, four;
  one.threads = 1;
  four.threads = 4;
  Collected a = Read({dir.Path()}, one), b = Read({dir.Path()}, four);
  EXPECT_EQ(a.articles.size(), 36u);
  EXPECT_EQ(ids(a), ids(b));
}

TEST(WebReader, StdinWarcHtmlAndText) {
  ReadOptions options;
  for (const std::string& input : {Crawl(true), Crawl(false)}) {
    std::istringstream in(input);
    std::vector<Article> articles;
    std::vector<Rejection> rejected;
    ArticleSink on_article = [&](Article a) { articles.push_back(std::move(a)); };
    RejectSink on_reject = [&](Rejection r) { rejected.push_back(std::move(r)); };
    std::vector<PageJob> jobs;
    ReadStdin(in, options, StreamSinks{on_article, on_reject},
              [&](PageJob j) { jobs.push_back(std::move(j)); });
    ASSERT_EQ(jobs.size(), 2u);
    EXPECT_EQ(jobs[0].origin, "<stdin>#record 3");
    auto article = ExtractArticle(std::move(jobs[0]), options);
    ASSERT_TRUE(article.ok());
    EXPECT_EQ(article->title, "Story 1");
  }
  std::istringstream html(Page(7));
  std::vector<PageJob> jobs;
  ArticleSink on_article = [](const Article&) {};
  RejectSink on_reject = [](const Rejection&) {};
  ReadStdin(html, options, StreamSinks{on_article, on_reject},
            [&](PageJob j) { jobs.push_back(std::move(j)); });
  ASSERT_EQ(jobs.size(), 1u);
  EXPECT_EQ(jobs[0].id, "stdin");
  std::istringstream text("A title\n\nA plain-text body, as before.");
  std::vector<Article> articles;
  ArticleSink keep = [&](Article a) { articles.push_back(std::move(a)); };
  ReadStdin(text, options, StreamSinks{keep, on_reject}, [](const PageJob&) {});
  ASSERT_EQ(articles.size(), 1u);
  EXPECT_EQ(articles[0].title, "A title");
}

}  // namespace
}  // namespace parallax
