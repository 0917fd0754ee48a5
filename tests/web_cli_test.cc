// End-to-end: `parallax digest` on a folder of HTML pages gives the same stories as on the text
// `parallax extract` took out of them. The pages are made here from the fictional example
// corpus (examples/README.md), each wrapped in page furniture (navigation, cookie banner,
// related links, footer) that must not reach the articles.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string Escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '<')
      out += "&lt;";
    else if (c == '>')
      out += "&gt;";
    else if (c == '&')
      out += "&amp;";
    else if (c == '"')
      out += "&quot;";
    else
      out += c;
  }
  return out;
}

// One example article as a web page: paragraphs in <p>, single newlines as <br>.
std::string ToHtml(const json& a) {
  std::string body;
  std::string text = a["text"].get<std::string>();
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t end = text.find("\n\n", pos);
    if (end == std::string::npos) end = text.size();
    std::string para = Escape(text.substr(pos, end - pos));
    for (size_t nl; (nl = para.find('\n')) != std::string::npos;) para.replace(nl, 1, "<br>");
    if (!para.empty()) body += "<p>" + para + "</p>\n";
    pos = end + 2;
  }
  const std::string outlet = Escape(a.value("outlet", "")), title = Escape(a.value("title", ""));
  return "<!DOCTYPE html><html lang=en><head><meta charset=utf-8><title>" + title + " | " + outlet +
         R"(</title><meta property="og:site_name" content=")" + outlet +
         R"("><meta property="article:published_time" content=")" + a.value("published", "") +
         "\"><link rel=canonical href=\"" + Escape(a.value("url", "")) +
         "\"></head><body><div class=cookie-banner><p>We use cookies to run this site, to "
         "measure it, and to show you offers you may like.</p><button>Accept</button></div>"
         "<header><a href=/>" +
         outlet +
         "</a><nav><ul><li><a href=/news>News</a></li>"
         "<li><a href=/sport>Sport</a></li><li><a href=/weather>Weather</a></li></ul></nav>"
         "</header><main><article><h1>" +
         title + "</h1><div class=article-body>\n" + body +
         "</div></article><div class=related><h2>Related</h2><ul><li><a href=/r1>Lighthouse "
         "keeper retires after forty years on Vindholm</a></li><li><a href=/r2>Ferry fares "
         "to rise again in the spring</a></li></ul></div></main><footer><p>&copy; " +
         outlet + ". All rights reserved.</p></footer></body></html>";
}

int RunCli(const std::string& args, const fs::path& out) {
  std::string cmd =
      std::string(PARALLAX_BIN) + " " + args + " >" + out.string() + " 2>" + out.string() + ".err";
  int status = std::system(cmd.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// Each story as the sorted ids of its articles (copies included).
std::multiset<std::vector<std::string>> Stories(const json& report) {
  std::multiset<std::vector<std::string>> stories;
  for (const json& s : report["stories"]) {
    std::vector<std::string> ids;
    for (const json& a : s["articles"]) ids.push_back(a["id"].get<std::string>());
    std::sort(ids.begin(), ids.end());
    stories.insert(ids);
  }
  return stories;
}

TEST(WebCli, DigestOnHtmlPagesEqualsDigestOnTheirExtractedText) {
  const fs::path dir = fs::temp_directory_path() / ("parallax_web_cli_" + std::to_string(getpid()));
  const fs::path pages = dir / "pages";
  fs::remove_all(dir);
  fs::create_directories(pages);
  size_t written = 0;
  for (const auto& e : fs::directory_iterator(fs::path(PARALLAX_SOURCE_DIR) / "examples/corpus")) {
    if (e.path().extension() != ".jsonl") continue;
    std::ifstream in(e.path());
    for (std::string line; std::getline(in, line);) {
      if (line.empty()) continue;
      json a = json::parse(line);
      std::ofstream(pages / (a["id"].get<std::string>() + ".html")) << ToHtml(a);
      ++written;
    }
  }
  ASSERT_GT(written, 40u);

  ASSERT_EQ(RunCli("extract " + pages.string(), dir / "extracted.jsonl"), 0)
      << Slurp(dir / "extracted.jsonl.err");
  std::ifstream extracted(dir / "extracted.jsonl");
  size_t n = 0;
  for (std::string line; std::getline(extracted, line); ++n) {
    json a = json::parse(line);
    const std::string text = a["text"];
    for (const char* noise : {"cookies", "Weather", "Lighthouse keeper", "All rights reserved"}) {
      EXPECT_EQ(text.find(noise), std::string::npos) << a["id"] << ": " << noise;
    }
    EXPECT_FALSE(a["outlet"].get<std::string>().empty());
    EXPECT_FALSE(a["published"].is_null());
  }
  EXPECT_EQ(n, written);

  ASSERT_EQ(RunCli("digest --format json " + pages.string(), dir / "html.json"), 0)
      << Slurp(dir / "html.json.err");
  ASSERT_EQ(RunCli("digest --format json " + (dir / "extracted.jsonl").string(), dir / "text.json"),
            0);
  json from_html = json::parse(Slurp(dir / "html.json"));
  json from_text = json::parse(Slurp(dir / "text.json"));
  EXPECT_EQ(from_html["articles_read"], written);
  EXPECT_EQ(Stories(from_html), Stories(from_text));
  size_t multi = 0;
  for (const auto& s : Stories(from_html)) multi += s.size() > 1;
  EXPECT_GE(multi, 8u);  // the corpus's events are found, not one story per page
  fs::remove_all(dir);
}

}  // namespace
