#include "analyze/analyze.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "util/time.h"

namespace parallax {
namespace {

// A fictional two-outlet-style report: a lede, an attributed quote, numbers, dates, titles.
constexpr char kText[] =
    "Harbour master Tor Eidsvik said the ferry Nordlys ran aground near Skarvik on Tuesday "
    "night with 42 passengers on board.\n"
    "\n"
    "“Everyone stayed calm, and the crew did an excellent job,” Eidsvik told reporters. The "
    "Norwegian Coastal Administration said about 1,200 litres of diesel had leaked.\n"
    "Transport Minister Lena Ström, who is the minister for transport, will visit on Friday.";

std::vector<Span> Paragraphs(const std::string& text) {
  std::vector<Span> out;
  for (Span line : SplitLines(text)) {
    if (!TrimSpan(text, line).empty()) out.push_back(line);
  }
  return out;
}

Article MakeArticle() {
  Article a;
  a.id = "fjord-1";
  a.title = "Ferry runs aground off Skarvik";
  a.text = kText;
  a.published = ParseIso8601("2026-03-18T08:00:00Z").value();  // a Wednesday
  return a;
}

TEST(BuildSentences, SentencesWordsAndOffsets) {
  Article article = MakeArticle();
  Document doc;
  doc.article = &article;
  BuildSentences(Paragraphs(article.text), AnalyzeOptions{}, &doc);
  ASSERT_EQ(doc.sentences.size(), 4u);
  EXPECT_EQ(doc.sentences[0].paragraph, 0u);
  EXPECT_EQ(doc.sentences[1].paragraph, 1u);
  EXPECT_EQ(doc.sentences[2].paragraph, 1u);
  EXPECT_EQ(doc.sentences[3].paragraph, 2u);
  for (const Sentence& s : doc.sentences) {
    ASSERT_FALSE(s.words.empty());
    EXPECT_EQ(s.span.begin, s.words.front().begin);
    EXPECT_EQ(s.span.end, s.words.back().end);
    for (const Word& w : s.words) EXPECT_LT(w.begin, w.end);
  }
  const Word& passengers = doc.sentences[0].words[17];
  EXPECT_EQ(doc.Text({passengers.begin, passengers.end}), "passengers");
  EXPECT_EQ(passengers.stem, "passeng");
  EXPECT_FALSE(passengers.stop);
  EXPECT_TRUE(doc.sentences[0].words[3].upper_initial);  // "Eidsvik"
  EXPECT_TRUE(doc.sentences[0].words[5].stop);           // "the"
}

TEST(BuildSentences, BudgetsCutTheArticleAndLongSentences) {
  Article article = MakeArticle();
  AnalyzeOptions options;
  options.max_sentences = 2;
  Document doc;
  doc.article = &article;
  BuildSentences(Paragraphs(article.text), options, &doc);
  EXPECT_EQ(doc.sentences.size(), 2u);

  options = AnalyzeOptions{};
  options.max_sentence_bytes = 30;
  Document cut;
  cut.article = &article;
  BuildSentences(Paragraphs(article.text), options, &cut);
  for (const Sentence& s : cut.sentences) EXPECT_LE(s.span.size(), 30u);
}

TEST(Analyze, FillsEveryListEndToEnd) {
  Article article = MakeArticle();
  Document doc = Analyze(article, Paragraphs(article.text), {}, AnalyzeOptions{});
  EXPECT_EQ(doc.article, &article);
  EXPECT_EQ(doc.lang, "en");

  std::vector<std::string> people;
  for (const EntityMention& e : doc.entities) {
    if (e.type == EntityType::kPerson) people.push_back(e.key);
  }
  EXPECT_EQ(people, (std::vector<std::string>{"tor eidsvik", "eidsvik", "lena strom"}));

  ASSERT_EQ(doc.roles.size(), 3u);
  EXPECT_EQ(doc.roles[0].text, "Harbour master");
  EXPECT_EQ(doc.roles[1].text, "Transport Minister");
  EXPECT_EQ(doc.roles[2].text, "minister for transport");
  for (const RoleMention& r : doc.roles) {
    EXPECT_EQ(doc.entities[r.entity].type, EntityType::kPerson);
  }

  ASSERT_EQ(doc.numbers.size(), 2u);
  EXPECT_EQ(doc.numbers[0].value, 42);
  EXPECT_EQ(doc.numbers[0].counted, "passeng");
  EXPECT_EQ(doc.numbers[1].text, "about 1,200 litres");

  ASSERT_EQ(doc.dates.size(), 2u);
  EXPECT_EQ(doc.dates[0].normalized, "2026-03-17");  // "on Tuesday", before publication
  EXPECT_EQ(doc.dates[1].normalized, "2026-03-20");  // "will visit on Friday"

  ASSERT_EQ(doc.quotes.size(), 1u);
  EXPECT_EQ(doc.quotes[0].speaker_key, "eidsvik");
  EXPECT_EQ(doc.quotes[0].sentence, 1u);
}

TEST(Analyze, EverySpanPointsIntoTheText) {
  Article article = MakeArticle();
  Document doc = Analyze(article, Paragraphs(article.text), {}, AnalyzeOptions{});
  auto inside = [&](Span s) { return s.begin < s.end && s.end <= article.text.size(); };
  for (const auto& e : doc.entities) EXPECT_TRUE(inside(e.span) && doc.Text(e.span) == e.text);
  for (const auto& r : doc.roles) EXPECT_TRUE(inside(r.span) && doc.Text(r.span) == r.text);
  for (const auto& n : doc.numbers) EXPECT_TRUE(inside(n.span) && doc.Text(n.span) == n.text);
  for (const auto& d : doc.dates) EXPECT_TRUE(inside(d.span) && doc.Text(d.span) == d.text);
  for (const auto& q : doc.quotes) EXPECT_TRUE(inside(q.span) && doc.Text(q.span) == q.text);
}

TEST(Analyze, TitleWordsAreOffsetsIntoTheTitle) {
  Article article = MakeArticle();
  Document doc = Analyze(article, Paragraphs(article.text), {}, AnalyzeOptions{});
  ASSERT_EQ(doc.title_words.size(), 5u);
  const Word& last = doc.title_words.back();
  EXPECT_EQ(article.title.substr(last.begin, last.end - last.begin), "Skarvik");
}

TEST(Analyze, CarriesRemovalsAndLanguage) {
  Article article = MakeArticle();
  article.lang = "de";
  std::vector<Removal> removed = {{0, 4, "caption", ""}};
  Document doc = Analyze(article, Paragraphs(article.text), removed, AnalyzeOptions{});
  EXPECT_EQ(doc.lang, "de");
  ASSERT_EQ(doc.removed.size(), 1u);
  EXPECT_EQ(doc.removed[0].reason, "caption");
  EXPECT_EQ(doc.paragraphs.size(), 3u);
}

TEST(Analyze, EmptyArticle) {
  Article article;
  Document doc = Analyze(article, {}, {}, AnalyzeOptions{});
  EXPECT_TRUE(doc.sentences.empty());
  EXPECT_TRUE(doc.entities.empty());
  EXPECT_TRUE(doc.roles.empty());
  EXPECT_TRUE(doc.numbers.empty());
  EXPECT_TRUE(doc.dates.empty());
  EXPECT_TRUE(doc.quotes.empty());
}

TEST(Analyze, TitleIsADocumentOfItsOwn) {
  Article article = MakeArticle();
  article.title = "Ferry skipper Ola Brekke rescued on Tuesday";
  Document doc = Analyze(article, Paragraphs(article.text), {}, AnalyzeOptions{});
  ASSERT_NE(doc.title, nullptr);
  const Document& t = *doc.title;
  EXPECT_TRUE(t.is_title);
  EXPECT_FALSE(doc.is_title);
  ASSERT_EQ(t.sentences.size(), 1u);
  EXPECT_EQ(t.Text(t.sentences[0].span), article.title);  // offsets into the title
  EXPECT_EQ(t.article->id, article.id);
  ASSERT_EQ(t.dates.size(), 1u);
  EXPECT_EQ(t.Text(t.dates[0].span), "on Tuesday");
  EXPECT_EQ(t.dates[0].normalized, "2026-03-17");  // resolved against the article's date
  article.title = "";
  EXPECT_EQ(Analyze(article, Paragraphs(article.text), {}, AnalyzeOptions{}).title, nullptr);
}

TEST(Analyze, ExtractorsCanBeRerun) {
  Article article = MakeArticle();
  Document doc = Analyze(article, Paragraphs(article.text), {}, AnalyzeOptions{});
  Document again = Analyze(article, Paragraphs(article.text), {}, AnalyzeOptions{});
  ExtractEntities(&again);
  ExtractRoles(&again);
  ExtractNumbers(&again);
  ExtractDates(&again);
  ExtractQuotes(&again);
  EXPECT_EQ(again.entities.size(), doc.entities.size());
  EXPECT_EQ(again.roles.size(), doc.roles.size());
  EXPECT_EQ(again.numbers.size(), doc.numbers.size());
  EXPECT_EQ(again.dates.size(), doc.dates.size());
  EXPECT_EQ(again.quotes.size(), doc.quotes.size());
}

TEST(Analyze, WithoutPublicationDateDaysStayUnresolved) {
  Article article = MakeArticle();
  article.published.reset();
  Document doc = Analyze(article, Paragraphs(article.text), {}, AnalyzeOptions{});
  ASSERT_EQ(doc.dates.size(), 2u);
  EXPECT_EQ(doc.dates[0].normalized, "weekday:tuesday");
  EXPECT_FALSE(doc.dates[0].day.has_value());
}

}  // namespace
}  // namespace parallax
