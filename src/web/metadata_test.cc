// Tests of ExtractMetadata and ParseWebDate, on pages written for the test.
#include "web/metadata.h"

#include <gtest/gtest.h>

namespace parallax {
namespace {

PageMetadata Meta(const std::string& html, const PageHints& hints = {}) {
  auto tree = ParseHtml(html, HtmlBudget{});
  EXPECT_TRUE(tree.ok());
  return ExtractMetadata(*tree, hints);
}

TEST(Metadata, JsonLdArticle) {
  PageMetadata m = Meta(R"(<html lang="nb-NO"><head><script type="application/ld+json">
    {"@context":"https://schema.org","@graph":[
      {"@type":"WebSite","name":"Estvik Tidings"},
      {"@type":["NewsArticle"],"headline":"Mole vote &#8211; the result","datePublished":
       "2026-03-04T08:15:00+01:00","author":[{"@type":"Person","name":"Ilse Varnes"},
       {"name":"Per Holm"}],"publisher":{"@type":"Organization","name":"Estvik Tidings"}}]}
    </script></head><body><p>x</p></body></html>)");
  EXPECT_EQ(m.title, "Mole vote \u2013 the result");
  EXPECT_EQ(m.author, "Ilse Varnes, Per Holm");
  EXPECT_EQ(m.published_text, "2026-03-04T08:15:00+01:00");
  ASSERT_TRUE(m.published.has_value());
  EXPECT_EQ(*m.published, 1772608500);  // 07:15 UTC
  EXPECT_EQ(m.site_name, "Estvik Tidings");
  EXPECT_EQ(m.lang, "nb");
}

TEST(Metadata, MetaTagsWhenThereIsNoJsonLd) {
  PageMetadata m = Meta(
      R"(<head><meta property="og:title" content="Ferry fares rise | Harbour Courier">
      <meta property="og:site_name" content="Harbour Courier">
      <meta name="author" content="By Marta Lindqvist">
      <meta property="article:published_time" content="2026-03-05T10:00:00Z">
      <link rel="canonical" href="https://courier.example/fares">
      <meta http-equiv="content-language" content="en-GB"></head><body></body>)");
  EXPECT_EQ(m.title, "Ferry fares rise");  // the site suffix is removed
  EXPECT_EQ(m.site_name, "Harbour Courier");
  EXPECT_EQ(m.author, "Marta Lindqvist");  // "By " removed
  EXPECT_EQ(m.published_text, "2026-03-05T10:00:00Z");
  EXPECT_EQ(m.url, "https://courier.example/fares");
  EXPECT_EQ(m.lang, "en");
}

TEST(Metadata, VisibleHeadlineWinsOverRewrittenMetaTitle) {
  PageMetadata m = Meta(R"(<head><title>Estvik mole: 7 things to know | Tidings</title>
      <meta property="og:title" content="Estvik mole: 7 things to know"></head>
      <body><header><h1>Tidings</h1></header><article><h1>The board votes to rebuild the
      north mole</h1></article></body>)");
  EXPECT_EQ(m.title, "The board votes to rebuild the north mole");  // not the logo <h1>
}

TEST(Metadata, ShortHeadlineThatIsASectionNameLosesToTheDeclaredTitle) {
  PageMetadata m = Meta(R"(<head><meta property="og:title" content="Harbour board votes to
      rebuild the north mole"></head><body><h1>Blog</h1><p>x</p></body>)");
  EXPECT_EQ(m.title, "Harbour board votes to rebuild the north mole");
}

TEST(Metadata, TitleFromTitleElementAlone) {
  EXPECT_EQ(Meta("<title>Storm closes the port - Estvik Tidings</title>").title,
            "Storm closes the port");
}

TEST(Metadata, MicrodataAuthorAndTimeElement) {
  PageMetadata m = Meta(R"(<body><article><span itemprop="author" itemscope>
      <span itemprop="name">Per Holm</span></span>
      <time datetime="2026-03-06">6 March</time><p>x</p></article></body>)");
  EXPECT_EQ(m.author, "Per Holm");
  EXPECT_EQ(m.published_text, "2026-03-06");
}

TEST(Metadata, DateFromUrlThenFromTheCrawl) {
  PageHints hints;
  hints.url = "https://tidings.example/2026/03/07/storm";
  hints.date = "2026-03-09T12:00:00Z";
  EXPECT_EQ(Meta("<p>x</p>", hints).published_text, "2026-03-07");
  hints.url = "https://tidings.example/storm";
  PageMetadata m = Meta("<p>x</p>", hints);
  EXPECT_EQ(m.published_text, "2026-03-09T12:00:00Z");
  EXPECT_EQ(m.url, "https://tidings.example/storm");
  EXPECT_EQ(m.site_name, "tidings.example");  // the host when nothing names the site
}

TEST(Metadata, PrintedDateNearTheHeadline) {
  EXPECT_EQ(Meta("<body><h1>Mole vote</h1><p class=byline>By Per Holm</p>"
                 "<span>Updated September 4th, 2025</span><p>Body text.</p></body>")
                .published_text,
            "2025-09-04");
  // Above the headline, and day-first with dots.
  EXPECT_EQ(Meta("<body><div>23.07.2025</div><h1>Mole vote</h1><p>Body.</p></body>").published_text,
            "2025-07-23");
  // A sentence mentioning a date is not a dateline.
  EXPECT_EQ(Meta("<body><h1>Mole vote</h1><p>The board, which first met on March 3, 2019 to "
                 "discuss the mole, voted again this week.</p></body>")
                .published_text,
            "");
  EXPECT_EQ(
      Meta("<body><h1>Mole vote</h1><span class=author-name>Ilse Varnes</span></body>").author,
      "Ilse Varnes");
}

TEST(Metadata, LogoHeadlineNamingTheSiteIsSkipped) {
  // The site's name is the part of <title> beside the headline, repeated by a logo <h1>.
  EXPECT_EQ(Meta(R"(<head><title>Mole vote passes after a long night - Estvik Tidings</title>
      </head><body><h1>Estvik Tidings</h1><h1>Mole vote passes after a long night</h1>
      <p>x</p></body>)")
                .title,
            "Mole vote passes after a long night");
  // A site-name prefix joined by a colon, when another title gives the rest.
  EXPECT_EQ(Meta(R"(<head><title>Harbour Notes: Rebuilding the north mole</title>
      <meta property="og:title" content="Rebuilding the north mole"></head>
      <body><h1>Harbour Notes</h1><p>x</p></body>)")
                .title,
            "Rebuilding the north mole");
  // The name og:site_name declares, as the only <h1>.
  EXPECT_EQ(Meta(R"(<head><meta property="og:site_name" content="Estvik Tidings">
      <meta property="og:title" content="Ferry fares rise again in the spring"></head>
      <body><h1>Estvik Tidings</h1><p>x</p></body>)")
                .title,
            "Ferry fares rise again in the spring");
  // But a headline that <title> starts with stays the headline.
  EXPECT_EQ(Meta(R"(<head><title>Ferry fares rise - Estvik Tidings</title></head>
      <body><h1>Ferry fares rise</h1></body>)")
                .title,
            "Ferry fares rise");
}

TEST(Metadata, SiteNamePrefixLearnedFromThePageIsStripped) {
  EXPECT_EQ(Meta(R"(<head><meta property="og:site_name" content="Estvik Tidings">
      <title>Estvik Tidings: Storm closes the port at dawn</title></head><body></body>)")
                .title,
            "Storm closes the port at dawn");
  EXPECT_EQ(Meta(R"(<head><link rel="canonical" href="https://harbourcourier.example/storm">
      <title>Storm closes the port at dawn | Weather | harbourcourier.example</title>
      </head><body></body>)")
                .title,
            "Storm closes the port at dawn");
}

TEST(Metadata, AmongSeveralHeadlinesTheOneADeclaredTitleAgreesWith) {
  const char* kCta = R"(<body><h1>Do you want more visitors?</h1><article>
      <h1>Ferry fares rise for the third year</h1><p>x</p></article><h1>0 Comments</h1>)";
  EXPECT_EQ(Meta(std::string(R"(<head><meta property="og:title" content="Ferry fares rise for
      the third year"></head>)") +
                 kCta)
                .title,
            "Ferry fares rise for the third year");
  // Several <h1>s, none agreeing: the declared title.
  EXPECT_EQ(Meta(R"(<head><meta property="og:title" content="Harbour board approves the new
      ferry fares"></head><body><h1>Do you want more visitors?</h1><h1>Fares, explained</h1>
      </body>)")
                .title,
            "Harbour board approves the new ferry fares");
}

TEST(Metadata, OnlyTheFirst2000TitleLikeElementsAreLookedAt) {
  // A page of many "title" elements stays linear: the heading after the first 2,000 is not
  // read, so the <h1> stays; before them, it is found.
  std::string filler;
  for (int i = 0; i < 2000; ++i) filler += "<span class=\"title\">Quay</span>";
  const std::string head = R"(<head><meta property="og:title" content="Ferry timetables for
      the winter"></head><body><h1>Winter crossings run late on Sundays</h1>)";
  const std::string shown = "<h2>Ferry timetables for the winter</h2>";
  EXPECT_EQ(Meta(head + filler + shown + "</body>").title, "Winter crossings run late on Sundays");
  EXPECT_EQ(Meta(head + shown + filler + "</body>").title, "Ferry timetables for the winter");
}

TEST(Metadata, SeveralHeadlinesCountOnlyInContentAndANamedFirstOneWins) {
  const std::string head = R"(<head><meta property="og:title" content="Harbour board approves
      the new ferry fares"></head><body>)";
  // A second <h1> in the footer does not make the article's <h1> doubtful.
  EXPECT_EQ(Meta(head + R"(<h1>Fares go up by a tenth in May</h1><p>x</p>
      <footer><h1>Choose your harbour</h1></footer></body>)")
                .title,
            "Fares go up by a tenth in May");
  // Several <h1>s in content, the first named as the title (an article's own <header> is
  // content, not furniture), the others teasers sharing one class: the named one.
  EXPECT_EQ(Meta(head + R"(<article><header><h1 class="post-headline">Fares go up by a tenth
      in May</h1></header><p>x</p></article><h1 class="teaser-title">Night crossings are
      cut</h1><h1 class="teaser-title">New quay opens</h1></body>)")
                .title,
            "Fares go up by a tenth in May");
  // Named alike as the teasers: no <h1> is the headline, the declared title is.
  EXPECT_EQ(Meta(head + R"(<h1 class="card-title">Fares go up by a tenth in May</h1>
      <h1 class="card-title">Night crossings are cut</h1></body>)")
                .title,
            "Harbour board approves the new ferry fares");
}

TEST(Metadata, WithoutAnArticleHeadlineANamedSubheadingIsTheTitle) {
  const std::string head = R"(<head><meta property="og:title" content="Notes from the quay"><meta
      property="og:site_name" content="Kelda's Log"></head><body><header><h1>Kelda's Log</h1>
      </header>)";
  EXPECT_EQ(Meta(head + R"(<main><h2 class="entry-title">Ten winters on the north
      mole</h2><p>x</p><h2>Comments</h2></main></body>)")
                .title,
            "Ten winters on the north mole");
  // A list of posts (one class for all) names no headline.
  EXPECT_EQ(Meta(head + R"(<main><h2 class="entry-title">Ten winters on the north mole</h2>
      <h2 class="entry-title">A new quay</h2></main></body>)")
                .title,
            "Notes from the quay");
}

TEST(Metadata, HeadlineAgreesWithTheLastPartOfATitle) {
  // "Outlet Blog: Headline" and several <h1>s (the others section headings): the <h1> the
  // title ends with.
  EXPECT_EQ(Meta(R"(<head><title>Kelda Log: Ten winters on the north mole</title></head><body>
      <h1>Ten winters on the north mole</h1><p>x</p><h1>The first winter</h1></body>)")
                .title,
            "Ten winters on the north mole");
  // An <h1> of two words is no headline of its own: the declared title.
  EXPECT_EQ(Meta(R"(<head><meta property="og:title" content="News: Fares rise"></head><body>
      <h1>Fares rise</h1><h1>Other news</h1></body>)")
                .title,
            "News: Fares rise");
}

TEST(Metadata, OnlyTheFirst32HeadlinesAreLookedAt) {
  std::string page = R"(<head><meta property="og:title" content="Harbour board approves the
      new ferry fares"></head><body>)";
  for (int i = 0; i < 40; ++i) page += "<h1>Section " + std::to_string(i) + "</h1>";
  page += "<h1>Harbour board approves the new ferry fares</h1></body>";
  // The agreeing <h1> is past the bound: the declared title, not "Section 0".
  EXPECT_EQ(Meta(page).title, "Harbour board approves the new ferry fares");
}

TEST(Metadata, HeadlineWithoutItsGluedDatelineOrSiteName) {
  // A dateline inside the <h1>: the declared title it holds.
  EXPECT_EQ(Meta(R"(<head><title>Rebuilding the north mole | Per's notes</title></head>
      <body><h1><span>Mar 3 2026</span> Rebuilding the north mole</h1></body>)")
                .title,
            "Rebuilding the north mole");
  EXPECT_EQ(Meta(R"(<head><meta property="og:title" content="Ferry fares rise for the third
      year"></head><body><h1>Ferry fares rise for the third year <small>Posted on March 4,
      2026 by tidings</small></h1></body>)")
                .title,
            "Ferry fares rise for the third year");
  // Something else glued on is part of the headline.
  EXPECT_EQ(Meta(R"(<head><title>Ferry fares rise for the third year</title></head>
      <body><h1>Ferry fares rise for the third year: what it costs</h1></body>)")
                .title,
            "Ferry fares rise for the third year: what it costs");
  // The site's name as the last part of the <h1>.
  EXPECT_EQ(Meta(R"(<head><meta property="og:site_name" content="Estvik Tidings"></head>
      <body><h1>Ferry fares rise again – Estvik Tidings</h1></body>)")
                .title,
            "Ferry fares rise again");
  // A later <h1> that is the whole first part of <title>.
  EXPECT_EQ(Meta(R"(<head><title>Mole, Vote, and Rebuild - The Estvik Harbour Board Pages
      </title></head><body><h1>Harbour Blog</h1><h1>Mole, Vote, and Rebuild</h1></body>)")
                .title,
            "Mole, Vote, and Rebuild");
}

TEST(Metadata, VerticalBarEndsTheHeadline) {
  EXPECT_EQ(Meta("<body><h1>Ferry fares rise again | Opinion</h1></body>").title,
            "Ferry fares rise again");
  EXPECT_EQ(Meta("<body><h1>Q&amp;A | Ferry fares</h1></body>").title,
            "Q&A | Ferry fares");  // too short a head to be a headline on its own
}

TEST(Metadata, DeclaredTitleShownInAnotherHeadingBeatsADisagreeingHeadline) {
  // A blog whose name is its <h1> and whose post headline is an <h2>: the declared title that
  // the page also shows wins over the <h1> no declared title agrees with.
  PageMetadata m = Meta(R"(<head><title>Ferry timetables for the winter | Notes</title>
      <meta property="og:title" content="Ferry timetables for the winter"></head><body>
      <h1>Kelda's quiet harbour</h1><article><h2 class="entry-title">Ferry timetables for
      the winter</h2><p>The winter timetable starts on Monday.</p></article></body>)");
  EXPECT_EQ(m.title, "Ferry timetables for the winter");
  // Shown only in a sidebar or a footer, or hidden: the <h1> stays.
  for (const char* where : {"<aside><h2>%s</h2></aside>", "<footer><h3>%s</h3></footer>",
                            "<div class=\"title\" hidden>%s</div>"}) {
    std::string shown = where;
    shown.replace(shown.find("%s"), 2, "Ferry timetables for the winter");
    m = Meta(R"(<head><meta property="og:title" content="Ferry timetables for the winter">
        </head><body><h1>Winter crossings run late on Sundays</h1><p>x</p>)" +
             shown + "</body>");
    EXPECT_EQ(m.title, "Winter crossings run late on Sundays") << where;
  }
  // The microdata headline does not confirm itself.
  m = Meta(R"(<head><meta property="og:title" content="Night crossings are cut"></head><body>
      <div class="brand" itemprop="headline">Kelda Ferries</div>
      <h1>Winter crossings run late on Sundays</h1><p>x</p></body>)");
  EXPECT_EQ(m.title, "Winter crossings run late on Sundays");
}

TEST(Metadata, AParagraphSetInAHeadlineIsNotTheTitle) {
  std::string summary;
  for (int i = 0; i < 40; ++i) summary += "word ";
  EXPECT_EQ(Meta(R"(<head><meta property="og:title" content="Mole vote passes | Estvik Tidings">
      </head><body><h1>)" +
                 summary + "</h1><p>x</p></body>")
                .title,
            "Mole vote passes");
  // 32 words still read as a headline.
  summary.clear();
  for (int i = 0; i < 32; ++i) summary += "word ";
  summary.pop_back();
  EXPECT_EQ(Meta(R"(<head><meta property="og:title" content="Mole vote passes | Estvik Tidings">
      </head><body><h1>)" +
                 summary + "</h1><p>x</p></body>")
                .title,
            summary);
}

TEST(Metadata, BylineLabelsAreNotPartOfTheName) {
  auto author = [](const std::string& content) {
    return Meta(R"(<head><meta name="author" content=")" + content + R"("></head><p>x</p>)").author;
  };
  EXPECT_EQ(author("Written by Ilse Varnes"), "Ilse Varnes");
  EXPECT_EQ(author("Author: Per Holm"), "Per Holm");
  EXPECT_EQ(author("Posted by: Per Holm"), "Per Holm");
  EXPECT_EQ(author("View all posts by Ilse Varnes"), "Ilse Varnes");
  EXPECT_EQ(author("Author: By Per Holm"), "Per Holm");
  EXPECT_EQ(author("Byron Lake"), "Byron Lake");      // a name that starts like a label
  EXPECT_EQ(author("sara.r.peter"), "sara.r.peter");  // a user name with dots
  // Only a label, a call to action or a template's unfilled field is no name: the printed
  // byline is read instead.
  for (std::string not_a_name :
       {"Written By:", "View more posts", "page.head.extra.author", "{{ post.author }}"}) {
    EXPECT_EQ(Meta(R"(<head><meta name="author" content=")" + not_a_name +
                   R"("></head><body><h1>Mole vote</h1><p class=byline>By Per Holm</p></body>)")
                  .author,
              "Per Holm")
        << not_a_name;
  }
}

TEST(Metadata, TheNameInABylineThatAlsoGivesTheRole) {
  EXPECT_EQ(Meta(R"(<body><h1>Mole vote</h1><div class="article-author"><img alt="">
      <span class="author__name">Ilse Varnes</span><span class="author__role">Senior Mole
      Reporter</span></div><p>x</p></body>)")
                .author,
            "Ilse Varnes");
  // A link into the writer's page, when no element is named as the name.
  EXPECT_EQ(Meta(R"(<body><h1>Mole vote</h1><div class="byline"><a href="/author/per-holm">Per
      Holm</a><span>Editor</span></div><p>x</p></body>)")
                .author,
            "Per Holm");
  // A comment form's "author" field is no byline.
  EXPECT_EQ(Meta(R"(<body><h1>Mole vote</h1><p>x</p><form><p class="form-author">
      <label>Your name</label></p></form></body>)")
                .author,
            "");
}

TEST(Metadata, ABylineWrittenAsALabelAndAName) {
  EXPECT_EQ(Meta("<body><h1>Mole vote</h1><p><span>By <a href=/staff/ilse>Ilse Varnes</a>"
                 "</span> - 4 March</p><p>Body.</p></body>")
                .author,
            "Ilse Varnes");
  EXPECT_EQ(Meta("<body><h1>Mole vote</h1><div><p>Written by</p><p>Per Holm</p></div>"
                 "<p>Body.</p></body>")
                .author,
            "Per Holm");
  // Several writers in a list.
  EXPECT_EQ(Meta("<body><h1>Mole vote</h1><span>Written by: <ul><li><a href=/i>Ilse Varnes</a>"
                 "</li><li><a href=/p>Per Holm</a></li></ul></span><p>Body.</p></body>")
                .author,
            "Ilse Varnes, Per Holm");
  // Not a caption's credit ("Photo by" is no byline label), not a sentence, not a comment's.
  EXPECT_EQ(Meta("<body><h1>Mole vote</h1><figcaption>Photo by <a>Per Holm</a></figcaption>"
                 "<p>The vote was won by <b>a wide margin of 2 to 1</b>.</p>"
                 "<div class=comments><p>By <a>Anon Reader</a></p></div></body>")
                .author,
            "");
  // At most 32 labels are looked at (each costs a walk of its siblings).
  auto after_labels = [](int empty_labels) {
    std::string page = "<body><h1>Mole vote</h1>";
    for (int i = 0; i < empty_labels; ++i) page += "<p><span>By</span></p>";
    return Meta(page + "<p>By <a>Per Holm</a></p></body>").author;
  };
  EXPECT_EQ(after_labels(31), "Per Holm");
  EXPECT_EQ(after_labels(32), "");
  // A teaser's byline far below the headline is another story's.
  std::string page = "<body><h1>Mole vote</h1>";
  for (int i = 0; i < 200; ++i) page += "<p>Body text.</p>";
  page += "<div><h3>Related</h3><span>By <a>Per Holm</a></span></div></body>";
  EXPECT_EQ(Meta(page).author, "");
}

TEST(Metadata, LessUsualPublicationDates) {
  // The datePublished of the WebPage object when no article object has one.
  EXPECT_EQ(Meta(R"(<script type="application/ld+json">{"@graph":[{"@type":"WebPage",
      "datePublished":"2026-02-11T09:00:00+00:00"}]}</script><h1>Mole vote</h1>)")
                .published_text,
            "2026-02-11T09:00:00+00:00");
  // A <meta> whose name says "publish".
  EXPECT_EQ(Meta(R"(<head><meta name="page-published-date" content="2026-02-12"></head>
      <body><h1>Mole vote</h1></body>)")
                .published_text,
            "2026-02-12");
  // An ISO date printed as is under the headline.
  EXPECT_EQ(Meta("<body><h1>Mole vote</h1><p><span>2026-02-13T08:10+01:00</span></p>"
                 "<p>Body.</p></body>")
                .published_text.substr(0, 10),
            "2026-02-13");
  // Not the modification date: a page may be much older than its last change.
  EXPECT_EQ(Meta(R"(<head><meta property="article:modified_time" content="2026-02-14T10:00:00Z">
      </head><body><h1>Mole vote</h1></body>)")
                .published_text,
            "");
}

TEST(Metadata, MalformedOrDeepJsonLdIsIgnored) {
  std::string deep(200, '[');
  PageMetadata m = Meta(
      "<script type=application/ld+json>{\"headline\": </script>"
      "<script type=application/ld+json>" +
      deep +
      "</script>"
      "<h1>Still here</h1>");
  EXPECT_EQ(m.title, "Still here");
}

TEST(Metadata, ParseWebDateForms) {
  std::string iso;
  int64_t t = 0;
  ASSERT_TRUE(ParseWebDate("2026-03-04T08:15:00.123456+00:00", &iso, &t));
  EXPECT_EQ(iso.substr(0, 10), "2026-03-04");
  ASSERT_TRUE(ParseWebDate("2026/03/04", &iso, &t));
  EXPECT_EQ(iso, "2026-03-04");
  ASSERT_TRUE(ParseWebDate("Wed, 04 Mar 2026 08:15:00 GMT", &iso, &t));
  EXPECT_EQ(iso, "2026-03-04T08:15:00Z");
  EXPECT_EQ(t, 1772612100);
  ASSERT_TRUE(ParseWebDate("March 4, 2026", &iso, &t));
  EXPECT_EQ(iso, "2026-03-04");
  ASSERT_TRUE(ParseWebDate("4 March 2026", &iso, &t));
  EXPECT_EQ(iso, "2026-03-04");
  ASSERT_TRUE(ParseWebDate("15/12/2025", &iso, &t));
  EXPECT_EQ(iso, "2025-12-15");
  ASSERT_TRUE(ParseWebDate("12/31/2025", &iso, &t));
  EXPECT_EQ(iso, "2025-12-31");
  ASSERT_TRUE(ParseWebDate("Dec. 1st, 2025", &iso, &t));
  EXPECT_EQ(iso, "2025-12-01");
  EXPECT_FALSE(ParseWebDate("Marketing 2025", &iso, &t));  // "Mar..." is not a month
  EXPECT_FALSE(ParseWebDate("yesterday", &iso, &t));
  EXPECT_FALSE(ParseWebDate("", &iso, &t));
}

}  // namespace
}  // namespace parallax
