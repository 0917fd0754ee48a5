// ExtractPage: bytes -> UTF-8 -> HtmlTree -> metadata, then main text (which drops a heading
// that repeats the metadata title). Tested by page_test.cc.
#include "web/page.h"

#include "web/charset.h"
#include "web/main_text.h"

namespace parallax {

Result<WebPage> ExtractPage(std::string_view bytes, const PageHints& hints,
                            const PageBudget& budget) {
  if (bytes.size() > budget.max_bytes) {
    return ResourceExhausted("page larger than " + std::to_string(budget.max_bytes) + " bytes");
  }
  ASSIGN_OR_RETURN(std::string html, HtmlToUtf8(bytes, CharsetFromContentType(hints.content_type)));
  ASSIGN_OR_RETURN(HtmlTree tree, ParseHtml(html, budget.html));
  WebPage page;
  page.meta = ExtractMetadata(tree, hints);
  page.text = ExtractMainText(tree, page.meta.title);
  return page;
}

}  // namespace parallax
