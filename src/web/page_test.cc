// Tests of ExtractPage: encoding, budgets and the whole path from bytes to metadata and text.
#include "web/page.h"

#include <gtest/gtest.h>

namespace parallax {
namespace {

const std::string kPage =
    "<html lang=da><head><meta charset=windows-1252><title>Havnen - Estvik Tidings</title>"
    "</head><body><h1>Havnen</h1><div class=story><p>Havnefogeden sagde tirsdag, at molen "
    "skal bygges om f\xf8r vinteren, og at arbejdet begynder til for\xe5ret.</p><p>Fiskerne, "
    "som bruger molen hver dag, er glade, men de vil have en midlertidig kaj.</p></div>"
    "</body></html>";

TEST(Page, DecodesAndExtracts) {
  auto page = ExtractPage(kPage, PageHints{}, PageBudget{});
  ASSERT_TRUE(page.ok()) << page.status().message();
  EXPECT_EQ(page->meta.title, "Havnen");
  EXPECT_EQ(page->meta.lang, "da");
  EXPECT_NE(page->text.find("bygges om f\u00f8r vinteren"), std::string::npos);
  EXPECT_NE(page->text.find("til for\u00e5ret."), std::string::npos);
}

TEST(Page, ByteBudget) {
  PageBudget budget;
  budget.max_bytes = 100;
  auto page = ExtractPage(kPage, PageHints{}, budget);
  ASSERT_FALSE(page.ok());
  EXPECT_EQ(page.status().message(), "page larger than 100 bytes");
}

TEST(Page, TreeBudgetsApply) {
  PageBudget budget;
  budget.html.max_depth = 3;
  EXPECT_EQ(ExtractPage(kPage, PageHints{}, budget).status().code(),
            StatusCode::kResourceExhausted);
  budget = PageBudget{};
  budget.html.max_nodes = 5;
  EXPECT_EQ(ExtractPage(kPage, PageHints{}, budget).status().code(),
            StatusCode::kResourceExhausted);
}

}  // namespace
}  // namespace parallax
