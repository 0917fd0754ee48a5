// Tests of ExtractMainText: one page per rule, each written for the test (fictional text).
#include "web/main_text.h"

#include <gtest/gtest.h>

namespace parallax {
namespace {

// Four paragraphs of invented article text, long enough to win the scoring.
const char* kArticle =
    "<p>The harbour board of Estvik voted on Tuesday to rebuild the north mole, a project "
    "that has waited, in one form or another, for almost twenty years.</p>"
    "<p>Board chair Ilse Varnes said the vote, which passed seven to two, was the end of a "
    "long argument about money, about tides, and about who should pay.</p>"
    "<p>Work is due to start in the spring, weather permitting, and the old lighthouse will "
    "stay open to visitors during the building work, the board said.</p>"
    "<p>Fishermen, who use the mole every day, welcomed the news but asked for a temporary "
    "landing stage, a request the board promised to consider at its next meeting.</p>";

std::string Extract(const std::string& body, const std::string& title = "") {
  auto tree = ParseHtml("<html><body>" + body + "</body></html>", HtmlBudget{});
  EXPECT_TRUE(tree.ok());
  return ExtractMainText(*tree, title);
}

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(MainText, KeepsArticleParagraphsInOrder) {
  std::string text = Extract(std::string("<div class=story>") + kArticle + "</div>");
  EXPECT_TRUE(Has(text, "The harbour board of Estvik voted"));
  EXPECT_TRUE(Has(text, "at its next meeting."));
  EXPECT_LT(text.find("harbour board"), text.find("Fishermen"));
  EXPECT_TRUE(Has(text, "twenty years.\n\nBoard chair"));  // blocks separated by a blank line
}

TEST(MainText, DropsNavigationHeaderFooterAndAside) {
  std::string text = Extract(
      "<header><a href=/>Estvik Tidings</a></header><nav><ul><li><a href=/a>Home</a></li>"
      "<li><a href=/b>Sport</a></li></ul></nav><article>" +
      std::string(kArticle) +
      "</article><aside><p>Also on our site: a long piece about the ferry timetable that "
      "nobody asked for, with commas, many commas, and more.</p></aside>"
      "<footer><p>Copyright Estvik Tidings, all rights reserved, since 1901.</p></footer>");
  EXPECT_TRUE(Has(text, "harbour board"));
  for (const char* noise : {"Home", "Sport", "Estvik Tidings", "ferry timetable", "Copyright"}) {
    EXPECT_FALSE(Has(text, noise)) << noise;
  }
}

TEST(MainText, DropsCommentsCookieBannersShareBarsAndRelatedLinks) {
  std::string text = Extract(
      "<div class=\"cookie-consent\"><p>We use cookies to improve your experience, to measure "
      "traffic, and to show you offers.</p></div><div class=article-body>" +
      std::string(kArticle) +
      "<div class=share-tools><a href=#>Share on Facebook</a></div></div>"
      "<div id=comments><p>Great news, finally, after all these years of waiting, "
      "said a reader.</p></div>"
      "<div class=related-stories><ul><li><a href=/x>Lighthouse keeper retires after forty "
      "years</a></li><li><a href=/y>Ferry fares rise again</a></li></ul></div>");
  EXPECT_TRUE(Has(text, "harbour board"));
  for (const char* noise : {"cookies", "Share on", "Great news", "Lighthouse keeper", "fares"}) {
    EXPECT_FALSE(Has(text, noise)) << noise;
  }
}

TEST(MainText, DropsFiguresCaptionsAndCredits) {
  std::string text = Extract(
      "<div class=story><figure><img src=a.jpg><figcaption>The north mole at dusk. "
      "Photo: K. Berg</figcaption></figure>" +
      std::string(kArticle) + "</div>");
  EXPECT_FALSE(Has(text, "north mole at dusk"));
  EXPECT_FALSE(Has(text, "K. Berg"));
}

TEST(MainText, DropsHiddenElements) {
  std::string text = Extract("<div class=story>" + std::string(kArticle) +
                             "<p style=\"display:none\">Subscribe now to read every story, "
                             "every day, for one low price.</p></div>");
  EXPECT_FALSE(Has(text, "Subscribe now"));
}

TEST(MainText, KeepsHeadingsAndListsButNotTheTitleHeading) {
  std::string text = Extract(
      "<div class=story><h1>Estvik votes to rebuild the mole</h1>" + std::string(kArticle) +
          "<h2>What happens next</h2><ul><li>Tenders are due in January, the board said.</li>"
          "<li>Building starts in April if the weather holds.</li></ul>"
          "<p>The board will publish the plans on its website, with drawings, costs, and a "
          "timetable for each stage of the work.</p></div>",
      "Estvik votes to rebuild the mole");
  EXPECT_FALSE(Has(text, "Estvik votes"));  // the headline is metadata, not body
  EXPECT_TRUE(Has(text, "What happens next"));
  EXPECT_TRUE(Has(text, "Tenders are due in January, the board said.\nBuilding starts"));
}

TEST(MainText, InlineElementsDoNotSplitWordsAndBreaksEndLines) {
  std::string text = Extract("<div class=story>" + std::string(kArticle) +
                             "<p>The <b>mole</b>'s cost: <i>4</i>.<i>2</i> million "
                             "kroner,<br>paid over ten years by the port and the town.</p></div>");
  EXPECT_TRUE(Has(text, "The mole's cost: 4.2 million kroner,\npaid over ten years"));
}

TEST(MainText, DropsShortBoilerplateLinesAndLinkOnlyParagraphs) {
  std::string text = Extract("<div class=story>" + std::string(kArticle) +
                             "<p>Advertisement</p><p><a href=/more>Read the board's full "
                             "report on the mole</a></p></div>");
  EXPECT_FALSE(Has(text, "Advertisement"));
  EXPECT_FALSE(Has(text, "full report"));
}

TEST(MainText, ArticleNestedInAnUnclosedButtonIsKept) {
  // An unclosed <div> inside a <button> keeps libxml2 from closing the button, so the whole
  // article lands inside it; the button rule must not drop the article with it.
  std::string text =
      Extract("<button><div>Menu</button><div class=story>" + std::string(kArticle) + "</div>");
  EXPECT_TRUE(Has(text, "harbour board"));
}

TEST(MainText, ArticleSplitIntoSectionsIsKeptWhole) {
  std::string body = "<div class=wrap>";
  const char* sections[] = {"first", "second", "third", "fourth"};
  for (const char* s : sections) {
    body += std::string("<div class=section><div class=inner><h2>The ") + s +
            " part</h2><p>This is the " + s +
            " part of the article, and it talks, at some length, about the mole, the tides, "
            "the money, and the people of Estvik who wait for it.</p></div></div>";
  }
  body += "</div>";
  std::string text = Extract(body);
  for (const char* s : sections) {
    EXPECT_TRUE(Has(text, std::string("This is the ") + s + " part")) << s;
  }
}

TEST(MainText, NegativelyNamedWrapperOfMuchOfTheArticleIsKept) {
  // A page builder's "widget" wrapper, its paragraphs nested too deep to score it.
  std::string deep_part = "<div class=media-widget><div><div><div><div><div>";
  for (int i = 0; i < 3; ++i) {
    deep_part +=
        "<p>The second half of the article goes on here, at length, about the tides, "
        "the money, the fishermen, and the board's plans for the spring.</p>";
  }
  deep_part += "</div></div></div></div></div></div>";
  std::string text = Extract("<div class=story>" + std::string(kArticle) + deep_part + "</div>");
  EXPECT_TRUE(Has(text, "harbour board"));
  EXPECT_TRUE(Has(text, "The second half of the article"));
}

TEST(MainText, LinkHeavyTeaserListsAreNotPulledIn) {
  std::string teasers = "<div class=more>";
  for (int i = 0; i < 6; ++i) {
    teasers += "<div class=card><a href=/t" + std::to_string(i) +
               ">A teaser headline about something else entirely, number " + std::to_string(i) +
               "</a></div>";
  }
  teasers += "</div>";
  std::string text = Extract("<div class=page><div class=story>" + std::string(kArticle) +
                             "</div>" + teasers + "</div>");
  EXPECT_TRUE(Has(text, "harbour board"));
  EXPECT_FALSE(Has(text, "teaser headline"));
}

TEST(MainText, NoArticleGivesEmptyText) {
  EXPECT_EQ(Extract(""), "");
  EXPECT_EQ(Extract("<nav><a href=/>Home</a></nav>"), "");
}

}  // namespace
}  // namespace parallax
