// HtmlTree: a compact DOM built from libxml2's HTML parser (the parser under lxml and
// trafilatura) through its SAX interface, with budgets checked while parsing.
//
// Why not libxml2's own tree: the extractor needs, per element, only its tag, a few attributes
// and its children; building our own compact nodes from SAX events is about twice as fast as
// building and then walking an xmlDoc, lets the budgets (node count, nesting depth) stop the
// parser at the first excess, and drops the content of <script>/<style> (except JSON-LD) as it
// streams by. libxml2 does the HTML work: tokenizing, entities, implied and misnested tags.
// Tested by html_tree_test.cc. Thread-safety: a parsed tree is an immutable value.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "parallax/status.h"

namespace parallax {

// The tags the extractor treats specially; every other element is kOther.
enum class Tag : uint8_t {
  kText,
  kOther,
  kHtml,
  kHead,
  kBody,
  kTitle,
  kMeta,
  kLink,
  kScript,
  kStyle,
  kNoscript,
  kTemplate,
  kSvg,
  kMath,
  kIframe,
  kObject,
  kEmbed,
  kCanvas,
  kVideo,
  kAudio,
  kPicture,
  kImg,
  kSelect,
  kOption,
  kButton,
  kInput,
  kTextarea,
  kLabel,
  kForm,
  kNav,
  kAside,
  kHeader,
  kFooter,
  kMenu,
  kDialog,
  kFigure,
  kFigcaption,
  kMain,
  kArticle,
  kSection,
  kDiv,
  kP,
  kBr,
  kHr,
  kH1,
  kH2,
  kH3,
  kH4,
  kH5,
  kH6,
  kUl,
  kOl,
  kLi,
  kDl,
  kDt,
  kDd,
  kBlockquote,
  kPre,
  kTable,
  kThead,
  kTbody,
  kTfoot,
  kTr,
  kTd,
  kTh,
  kCaption,
  kA,
  kSpan,
  kTime,
  kAddress,
  kCenter,
  kCode,
  kSummary,
  kDetails,
};

struct HtmlNode {
  Tag tag = Tag::kOther;
  uint32_t parent = 0;
  std::vector<uint32_t> children;
  // Text nodes: the text (entities decoded, UTF-8). Script nodes: the JSON-LD source.
  std::string text;
  // Elements: lower-cased `class` and `id` joined by a space, for the boilerplate rules.
  std::string class_id;
  // Elements whose attributes the metadata rules read (meta, link, html, time, a, script,
  // and any element with itemprop): every attribute, names lower-cased.
  std::vector<std::pair<std::string, std::string>> attrs;
  std::string itemprop;  // lower-cased itemprop attribute
  std::string role;      // lower-cased ARIA role
  bool hidden = false;   // hidden, aria-hidden="true", or style display:none / visibility:hidden

  // The value of attribute `name` (lower case), or "" when absent.
  std::string_view Attr(std::string_view name) const;
  bool IsElement() const { return tag != Tag::kText; }
};

struct HtmlBudget {
  // Elements plus text nodes. Default 2,000,000 (the largest page of ../shared/data's 974 has
  // ~60,000); a page over it is hostile or not an article.
  size_t max_nodes = 2'000'000;
  // Nesting depth of elements. Default 512 (the deepest of those pages: ~60): deeper input is
  // built to exhaust a recursive consumer.
  int max_depth = 512;
};

struct HtmlTree {
  std::vector<HtmlNode> nodes;  // nodes[0] is the document root (Tag::kOther)
};

// Parses UTF-8 HTML (`html` must already be UTF-8: see charset.h). Fails with ResourceExhausted
// naming the budget when a budget is exceeded. Malformed markup is never an error: it is
// repaired as browsers do.
Result<HtmlTree> ParseHtml(std::string_view html, const HtmlBudget& budget);

}  // namespace parallax
