// ParseHtml: libxml2's HTML push parser driven through SAX callbacks into HtmlTree.
//
// libxml2 2.9 already repairs the markup (implied <p> closes, misnested inline tags, stray end
// tags) before it calls startElement/endElement, so the callbacks see a well-formed stream and
// only keep a stack of open nodes. HTML_PARSE_IGNORE_ENC: the input is UTF-8 by the time it gets
// here (charset.cc converted it), so a <meta charset> must not make libxml2 decode it again.
// Tested by html_tree_test.cc.
#include "web/html_tree.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>

#include <algorithm>
#include <climits>
#include <unordered_map>

#include "util/strings.h"

namespace parallax {
namespace {

const std::unordered_map<std::string_view, Tag>& TagTable() {
  static const auto* table =
      new std::unordered_map<std::string_view, Tag>{{"html", Tag::kHtml},
                                                    {"head", Tag::kHead},
                                                    {"body", Tag::kBody},
                                                    {"title", Tag::kTitle},
                                                    {"meta", Tag::kMeta},
                                                    {"link", Tag::kLink},
                                                    {"script", Tag::kScript},
                                                    {"style", Tag::kStyle},
                                                    {"noscript", Tag::kNoscript},
                                                    {"template", Tag::kTemplate},
                                                    {"svg", Tag::kSvg},
                                                    {"math", Tag::kMath},
                                                    {"iframe", Tag::kIframe},
                                                    {"object", Tag::kObject},
                                                    {"embed", Tag::kEmbed},
                                                    {"canvas", Tag::kCanvas},
                                                    {"video", Tag::kVideo},
                                                    {"audio", Tag::kAudio},
                                                    {"picture", Tag::kPicture},
                                                    {"img", Tag::kImg},
                                                    {"select", Tag::kSelect},
                                                    {"option", Tag::kOption},
                                                    {"button", Tag::kButton},
                                                    {"input", Tag::kInput},
                                                    {"textarea", Tag::kTextarea},
                                                    {"label", Tag::kLabel},
                                                    {"form", Tag::kForm},
                                                    {"nav", Tag::kNav},
                                                    {"aside", Tag::kAside},
                                                    {"header", Tag::kHeader},
                                                    {"footer", Tag::kFooter},
                                                    {"menu", Tag::kMenu},
                                                    {"dialog", Tag::kDialog},
                                                    {"figure", Tag::kFigure},
                                                    {"figcaption", Tag::kFigcaption},
                                                    {"main", Tag::kMain},
                                                    {"article", Tag::kArticle},
                                                    {"section", Tag::kSection},
                                                    {"div", Tag::kDiv},
                                                    {"p", Tag::kP},
                                                    {"br", Tag::kBr},
                                                    {"hr", Tag::kHr},
                                                    {"h1", Tag::kH1},
                                                    {"h2", Tag::kH2},
                                                    {"h3", Tag::kH3},
                                                    {"h4", Tag::kH4},
                                                    {"h5", Tag::kH5},
                                                    {"h6", Tag::kH6},
                                                    {"ul", Tag::kUl},
                                                    {"ol", Tag::kOl},
                                                    {"li", Tag::kLi},
                                                    {"dl", Tag::kDl},
                                                    {"dt", Tag::kDt},
                                                    {"dd", Tag::kDd},
                                                    {"blockquote", Tag::kBlockquote},
                                                    {"pre", Tag::kPre},
                                                    {"table", Tag::kTable},
                                                    {"thead", Tag::kThead},
                                                    {"tbody", Tag::kTbody},
                                                    {"tfoot", Tag::kTfoot},
                                                    {"tr", Tag::kTr},
                                                    {"td", Tag::kTd},
                                                    {"th", Tag::kTh},
                                                    {"caption", Tag::kCaption},
                                                    {"a", Tag::kA},
                                                    {"span", Tag::kSpan},
                                                    {"time", Tag::kTime},
                                                    {"address", Tag::kAddress},
                                                    {"center", Tag::kCenter},
                                                    {"code", Tag::kCode},
                                                    {"summary", Tag::kSummary},
                                                    {"details", Tag::kDetails}};
  return *table;
}

Tag LookupTag(std::string_view name) {
  const auto& table = TagTable();
  auto it = table.find(name);
  return it == table.end() ? Tag::kOther : it->second;
}

// Elements whose attributes the metadata rules read.
bool KeepsAttributes(Tag tag) {
  return tag == Tag::kMeta || tag == Tag::kLink || tag == Tag::kHtml || tag == Tag::kTime ||
         tag == Tag::kA || tag == Tag::kScript;
}

// display:none or visibility:hidden in an inline style.
bool StyleHides(std::string_view style) {
  std::string s;
  for (char c : style) {
    if (c != ' ' && c != '\t') s += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  }
  return s.find("display:none") != std::string::npos ||
         s.find("visibility:hidden") != std::string::npos;
}

struct Builder {
  HtmlTree tree;
  std::vector<uint32_t> open{0};  // stack of open elements; open[0] is the root
  HtmlBudget budget;
  Status error;
  xmlParserCtxtPtr ctxt = nullptr;
  int skip_text = 0;  // inside <script>/<style> that is not JSON-LD: drop the text

  bool Full() {
    if (tree.nodes.size() < budget.max_nodes) return false;
    Fail(ResourceExhausted("HTML has more than " + std::to_string(budget.max_nodes) + " nodes"));
    return true;
  }
  void Fail(Status s) {
    if (error.ok()) error = std::move(s);
    xmlStopParser(ctxt);
  }
  uint32_t Add(HtmlNode node) {
    node.parent = open.back();
    auto id = static_cast<uint32_t>(tree.nodes.size());
    tree.nodes[node.parent].children.push_back(id);
    tree.nodes.push_back(std::move(node));
    return id;
  }
};

void SetAttributes(HtmlNode* node, const xmlChar** attrs) {
  for (const xmlChar** a = attrs; a != nullptr && a[0] != nullptr; a += 2) {
    std::string name = AsciiLower(reinterpret_cast<const char*>(a[0]));
    std::string_view value = a[1] ? reinterpret_cast<const char*>(a[1]) : "";
    if (name == "class" || name == "id") {
      if (!node->class_id.empty()) node->class_id += ' ';
      node->class_id += AsciiLower(value);
    } else if (name == "itemprop") {
      node->itemprop = AsciiLower(value);
    } else if (name == "role") {
      node->role = AsciiLower(value);
    } else if (name == "hidden") {
      node->hidden = true;
    } else if (name == "aria-hidden") {
      node->hidden = node->hidden || AsciiLower(value) == "true";
    } else if (name == "style") {
      node->hidden = node->hidden || StyleHides(value);
    }
    if (KeepsAttributes(node->tag) || !node->itemprop.empty() || name == "content" ||
        name == "datetime") {
      node->attrs.emplace_back(std::move(name), std::string(value));
    }
  }
}

void OnStart(void* ctx, const xmlChar* name, const xmlChar** attrs) {
  auto* b = static_cast<Builder*>(ctx);
  if (!b->error.ok() || b->Full()) return;
  if (static_cast<int>(b->open.size()) > b->budget.max_depth) {
    return b->Fail(ResourceExhausted("HTML nested deeper than " +
                                     std::to_string(b->budget.max_depth) + " elements"));
  }
  HtmlNode node;
  node.tag = LookupTag(reinterpret_cast<const char*>(name));
  SetAttributes(&node, attrs);
  if (node.tag == Tag::kScript || node.tag == Tag::kStyle) {
    bool json_ld =
        node.tag == Tag::kScript && AsciiLower(Trim(node.Attr("type"))) == "application/ld+json";
    if (!json_ld) ++b->skip_text;
  }
  b->open.push_back(b->Add(std::move(node)));
}

void OnEnd(void* ctx, const xmlChar* name) {
  auto* b = static_cast<Builder*>(ctx);
  if (b->open.size() <= 1) return;
  const HtmlNode& node = b->tree.nodes[b->open.back()];
  if ((node.tag == Tag::kScript || node.tag == Tag::kStyle) && b->skip_text > 0 &&
      !(node.tag == Tag::kScript && AsciiLower(Trim(node.Attr("type"))) == "application/ld+json")) {
    --b->skip_text;
  }
  b->open.pop_back();
}

void OnText(void* ctx, const xmlChar* ch, int len) {
  auto* b = static_cast<Builder*>(ctx);
  if (!b->error.ok() || b->skip_text > 0 || len <= 0) return;
  std::string_view text(reinterpret_cast<const char*>(ch), static_cast<size_t>(len));
  HtmlNode& parent = b->tree.nodes[b->open.back()];
  if (parent.tag == Tag::kScript) {  // JSON-LD: kept on the script element itself
    parent.text.append(text);
    return;
  }
  // libxml2 delivers a text run in pieces; consecutive pieces go into one text node.
  if (!parent.children.empty()) {
    HtmlNode& last = b->tree.nodes[parent.children.back()];
    if (last.tag == Tag::kText) {
      last.text.append(text);
      return;
    }
  }
  if (b->Full()) return;
  HtmlNode node;
  node.tag = Tag::kText;
  node.text.assign(text);
  b->Add(std::move(node));
}

}  // namespace

std::string_view HtmlNode::Attr(std::string_view name) const {
  for (const auto& [k, v] : attrs) {
    if (k == name) return v;
  }
  return {};
}

Result<HtmlTree> ParseHtml(std::string_view html, const HtmlBudget& budget) {
  if (html.size() > static_cast<size_t>(INT_MAX)) return ResourceExhausted("HTML too large");
  Builder b;
  b.budget = budget;
  b.tree.nodes.emplace_back();
  htmlSAXHandler sax{};
  sax.startElement = OnStart;
  sax.endElement = OnEnd;
  sax.characters = OnText;
  sax.ignorableWhitespace = OnText;
  sax.cdataBlock = OnText;
  htmlParserCtxtPtr ctxt =
      htmlCreatePushParserCtxt(&sax, &b, nullptr, 0, nullptr, XML_CHAR_ENCODING_UTF8);
  if (ctxt == nullptr) return Internal("libxml2 could not create an HTML parser");
  b.ctxt = ctxt;
  htmlCtxtUseOptions(ctxt, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                               HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC | HTML_PARSE_NODEFDTD);
  htmlParseChunk(ctxt, html.data(), static_cast<int>(html.size()), 1);
  htmlFreeParserCtxt(ctxt);
  if (!b.error.ok()) return b.error;
  return std::move(b.tree);
}

}  // namespace parallax
