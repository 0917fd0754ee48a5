// ExtractMainText: finds the element that holds the article and writes out its text blocks.
//
// The method is Arc90 Readability's, as Mozilla's Readability.js 0.6 implements it (the
// extractor the issue measures against), over our compact tree, with what measurably helped on
// ../shared/data/extraction added (figures in docs/benchmarks.md):
//   1. Drop what is never article text (scripts, media, form controls) and page furniture:
//      navigation, header, footer, aside, figures and captions, buttons, hidden elements, ARIA
//      landmarks, and elements whose class/id says comments, share bars, related links,
//      newsletters, cookie banners (Readability's "unlikely candidates") unless it also says
//      article/body/content or holds a marked article body (entry-content, itemprop=articleBody).
//      Furniture holding over half the page's text is kept: that is a markup error having
//      nested the article inside it.
//   2. Score: every run of inline text of 25+ characters (a <p>, or a <div> used as one) scores
//      1 + its commas + 1 per 100 characters (at most 3), credited to its parent in full, its
//      grandparent by half and 3 more ancestors by 1/(3 * level). A container starts from its
//      tag (div +5, lists -3, headings -5) and class/id (+-25), and ends scaled by
//      (1 - link density).
//   3. The best container, moved up while its parent scores higher, then widened to an
//      ancestor when the article is split into sections (each scored on its own): an ancestor
//      that adds paragraphs, headings and list items of low link density without diluting the
//      share of such text. Then the siblings that score at least a fifth of it, or are long
//      low-link paragraphs, join it.
//   4. Inside it, containers that look like furniture (more list items than paragraphs, mostly
//      links, form inputs, image galleries, little text) are removed, unless they hold most of
//      the article; then the text is written block by block. A heading that repeats the
//      headline (metadata), a block that is one link, and short furniture lines
//      ("Advertisement", "Read more") are left out.
//   5. As Readability, when that finds under 500 characters, the passes are retried trusting
//      class names less, and the longest result wins.
// Tested by main_text_test.cc.
#include "web/main_text.h"

#include <algorithm>
#include <array>
#include <cstring>

#include "text/utf8.h"
#include "util/strings.h"

namespace parallax {
namespace {

bool Contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

template <size_t N>
bool ContainsAny(std::string_view s, const std::array<std::string_view, N>& words) {
  for (std::string_view w : words) {
    if (Contains(s, w)) return true;
  }
  return false;
}

// Readability's regular expressions, as word lists (class/id are already lower case).
constexpr std::array<std::string_view, 42> kUnlikely = {
    "-ad-",      "ai2html",    "banner",     "breadcrumb", "combx",   "comment",
    "community", "cover-wrap", "disqus",     "extra",      "footer",  "gdpr",
    "legends",   "menu",       "related",    "remark",     "replies", "rss",
    "shoutbox",  "sidebar",    "skyscraper", "social",     "sponsor", "supplemental",
    "ad-break",  "agegate",    "pagination", "pager",      "popup",   "yom-remote",
    "cookie",    "consent",    "newsletter", "subscribe",  "share",   "sharing",
    "outbrain",  "taboola",    "recommend",  "caption",    "promo",   "signup"};
constexpr std::array<std::string_view, 7> kMaybe = {"and",     "article", "body",  "column",
                                                    "content", "main",    "shadow"};
constexpr std::array<std::string_view, 25> kNegative = {
    "-ad-",    "hidden",   "banner", "combx",    "comment",  "com-",    "contact",
    "foot",    "footnote", "gdpr",   "masthead", "media",    "meta",    "outbrain",
    "promo",   "related",  "scroll", "share",    "shoutbox", "sidebar", "skyscraper",
    "sponsor", "shopping", "tags",   "widget"};
constexpr std::array<std::string_view, 13> kPositive = {
    "article", "body",       "content", "entry", "hentry", "h-entry", "main",
    "page",    "pagination", "post",    "text",  "blog",   "story"};

// Elements that are never article text, with everything inside them.
bool NeverText(Tag t) {
  switch (t) {
    case Tag::kHead:
    case Tag::kTitle:
    case Tag::kMeta:
    case Tag::kLink:
    case Tag::kScript:
    case Tag::kStyle:
    case Tag::kNoscript:
    case Tag::kTemplate:
    case Tag::kSvg:
    case Tag::kMath:
    case Tag::kIframe:
    case Tag::kObject:
    case Tag::kEmbed:
    case Tag::kCanvas:
    case Tag::kVideo:
    case Tag::kAudio:
    case Tag::kSelect:
    case Tag::kOption:
    case Tag::kInput:
    case Tag::kTextarea:
    case Tag::kPicture:
    case Tag::kImg:
      return true;
    default:
      return false;
  }
}

// Page furniture: dropped too, unless it holds most of the page's text. That happens when
// markup errors nest the article inside it (an unclosed <div> in a <button> keeps libxml2, as
// it keeps lxml, from closing the button, so the rest of the page lands inside it).
bool Furniture(Tag t) {
  switch (t) {
    case Tag::kButton:
    case Tag::kLabel:
    case Tag::kNav:
    case Tag::kAside:
    case Tag::kFooter:
    case Tag::kHeader:
    case Tag::kMenu:
    case Tag::kDialog:
    case Tag::kFigure:
    case Tag::kFigcaption:
      return true;
    default:
      return false;
  }
}

bool LandmarkRole(std::string_view role) {
  return role == "navigation" || role == "complementary" || role == "banner" ||
         role == "contentinfo" || role == "dialog" || role == "alertdialog" || role == "menu" ||
         role == "menubar" || role == "search" || role == "toolbar" || role == "tablist";
}

// Block-level elements: they end the text run before them and start a new one.
bool IsBlock(Tag t) {
  switch (t) {
    case Tag::kHtml:
    case Tag::kBody:
    case Tag::kForm:
    case Tag::kNav:
    case Tag::kAside:
    case Tag::kHeader:
    case Tag::kFooter:
    case Tag::kMenu:
    case Tag::kDialog:
    case Tag::kFigure:
    case Tag::kFigcaption:
    case Tag::kMain:
    case Tag::kArticle:
    case Tag::kSection:
    case Tag::kDiv:
    case Tag::kP:
    case Tag::kBr:
    case Tag::kHr:
    case Tag::kH1:
    case Tag::kH2:
    case Tag::kH3:
    case Tag::kH4:
    case Tag::kH5:
    case Tag::kH6:
    case Tag::kUl:
    case Tag::kOl:
    case Tag::kLi:
    case Tag::kDl:
    case Tag::kDt:
    case Tag::kDd:
    case Tag::kBlockquote:
    case Tag::kPre:
    case Tag::kTable:
    case Tag::kThead:
    case Tag::kTbody:
    case Tag::kTfoot:
    case Tag::kTr:
    case Tag::kTd:
    case Tag::kTh:
    case Tag::kCaption:
    case Tag::kAddress:
    case Tag::kCenter:
    case Tag::kDetails:
    case Tag::kSummary:
      return true;
    default:
      return false;
  }
}

bool IsHeading(Tag t) {
  return t == Tag::kH1 || t == Tag::kH2 || t == Tag::kH3 || t == Tag::kH4 || t == Tag::kH5 ||
         t == Tag::kH6;
}

// Counts per subtree, computed bottom-up (children come after their parent in `nodes`).
struct Stats {
  uint32_t text = 0;         // non-space bytes of text
  uint32_t link = 0;         // of which inside <a>
  uint32_t inline_text = 0;  // text not inside a block descendant
  uint32_t commas = 0;
  uint32_t inline_commas = 0;
  uint32_t paragraphs = 0, images = 0, items = 0, inputs = 0, embeds = 0;
};

// Readability's passes: each later pass trusts class names less, and runs only when the one
// before found less than kMinArticleChars.
struct Flags {
  bool strip_unlikely = true;
  bool weight_classes = true;
  bool clean_conditionally = true;
};

// Text below which a pass is retried with fewer rules, characters. 500, as Readability.
constexpr size_t kMinArticleChars = 500;
// Widen(): an ancestor replaces the chosen container when it holds at least kGrow times its
// paragraph text and its share of paragraph text in all text stays above kDilute times the
// container's. Measured on ../shared/data/extraction (wcxb-dev +0.028 F1, zyte -0.001): 1.15
// and 1.5, 0.7 and 0.9 all score within 0.005 of these.
constexpr double kGrow = 1.3;
constexpr double kDilute = 0.8;
// Clean-up keeps a negatively named container holding at least this share of the article's
// paragraph text. 0.35: wcxb-dev +0.0018 F1, zyte unchanged; 0.18 and lower pull in
// calls-to-action and editors' letters on zyte, 0.5 and higher change nothing.
constexpr double kProseShare = 0.35;

class Extractor {
 public:
  Extractor(const HtmlTree& tree, const std::string& title, Flags flags)
      : nodes_(tree.nodes),
        flags_(flags),
        title_key_(Key(title)),
        dropped_(nodes_.size(), 0),
        stats_(nodes_.size()),
        score_(nodes_.size(), 0.0),
        scored_(nodes_.size(), 0),
        ptext_(nodes_.size(), 0),
        plink_(nodes_.size(), 0) {}

  std::string Run() {
    MarkDropped();
    CountStats();
    ScoreParagraphs();
    uint32_t top = TopCandidate();
    std::vector<uint32_t> parts = WithSiblings(top);
    for (uint32_t p : parts) content_text_ += stats_[p].text, content_ptext_ += ptext_[p];
    for (uint32_t p : parts) CleanConditionally(p);
    for (uint32_t p : parts) Write(p);
    Flush(true);
    return Join(blocks_, "");
  }

 private:
  static std::string Key(std::string_view text) {
    std::string key;
    for (char c : text) {
      if (isalnum(static_cast<unsigned char>(c)) || (c & 0x80)) key += c;
    }
    return FoldCase(key);
  }

  int ClassWeight(uint32_t n) const {
    const std::string& c = nodes_[n].class_id;
    if (c.empty() || !flags_.weight_classes) return 0;
    int w = 0;
    if (ContainsAny(c, kNegative)) w -= 25;
    if (ContainsAny(c, kPositive)) w += 25;
    return w;
  }

  static bool MarksBody(const HtmlNode& node) {
    static constexpr std::array<std::string_view, 12> kBody = {
        "entry-content", "article-body",     "articlebody",  "article-content",
        "article__body", "article__content", "post-content", "post-body",
        "story-body",    "story-content",    "article-text", "body-text"};
    if (node.itemprop == "articlebody") return true;
    return !node.class_id.empty() && ContainsAny(node.class_id, kBody) &&
           !Contains(node.class_id, "comment");
  }

  bool Unlikely(const HtmlNode& node) const {
    if (node.tag == Tag::kBody || node.tag == Tag::kHtml || node.tag == Tag::kArticle ||
        node.tag == Tag::kMain || node.tag == Tag::kA) {
      return false;
    }
    const std::string& c = node.class_id;
    return !c.empty() && ContainsAny(c, kUnlikely) && !ContainsAny(c, kMaybe);
  }

  // 1. Everything never article text.
  void MarkDropped() {
    std::vector<uint32_t> raw(nodes_.size(), 0);  // text bytes, before any rule
    for (size_t i = nodes_.size(); i-- > 1;) {
      const HtmlNode& node = nodes_[i];
      if (node.tag == Tag::kText) raw[i] += static_cast<uint32_t>(node.text.size());
      if (!NeverText(node.tag)) raw[node.parent] += raw[i];
    }
    const uint32_t half_page = raw[0] / 2;
    // Elements holding a marked article body: class names are too loose ("with-sidebar-layout")
    // to drop those.
    std::vector<char> holds_body(nodes_.size(), 0);
    for (size_t i = nodes_.size(); i-- > 1;) {
      if (holds_body[i] || MarksBody(nodes_[i])) holds_body[nodes_[i].parent] = holds_body[i] = 1;
    }
    for (uint32_t n = 1; n < nodes_.size(); ++n) {
      const HtmlNode& node = nodes_[n];
      if (dropped_[node.parent]) {
        dropped_[n] = 1;
      } else if (node.IsElement()) {
        bool furniture = Furniture(node.tag) || node.hidden || LandmarkRole(node.role);
        const bool drop = NeverText(node.tag) || (furniture && raw[n] < half_page) ||
                          (flags_.strip_unlikely && Unlikely(node) && !holds_body[n]);
        dropped_[n] = drop ? 1 : 0;
      }
    }
  }

  static uint32_t NonSpace(std::string_view s, uint32_t* commas) {
    uint32_t n = 0;
    for (char c : s) {
      if (c == ',') ++*commas;
      if (c != ' ' && c != '\n' && c != '\t' && c != '\r') ++n;
    }
    return n;
  }

  void CountStats() {
    for (size_t i = nodes_.size(); i-- > 1;) {
      const auto n = static_cast<uint32_t>(i);
      const HtmlNode& node = nodes_[n];
      Stats& s = stats_[n];
      if (node.tag == Tag::kText) {
        s.text = s.inline_text = NonSpace(node.text, &s.commas);
        s.inline_commas = s.commas;
      } else {
        if (node.tag == Tag::kA) s.link = s.text;
        if (node.tag == Tag::kP) ++s.paragraphs;
        if (node.tag == Tag::kImg) ++s.images;
        if (node.tag == Tag::kLi) ++s.items;
        if (node.tag == Tag::kInput || node.tag == Tag::kSelect || node.tag == Tag::kTextarea)
          ++s.inputs;
        if (node.tag == Tag::kEmbed || node.tag == Tag::kObject || node.tag == Tag::kIframe)
          ++s.embeds;
      }
      Stats& p = stats_[node.parent];
      p.paragraphs += s.paragraphs, p.images += s.images, p.items += s.items;
      p.inputs += s.inputs, p.embeds += s.embeds;
      if (dropped_[n]) continue;
      p.text += s.text;
      p.link += s.link;
      p.commas += s.commas;
      if (!IsBlock(node.tag)) {
        p.inline_text += s.inline_text;
        p.inline_commas += s.inline_commas;
      }
    }
  }

  double LinkDensity(uint32_t n) const {
    return stats_[n].text == 0 ? 0.0 : static_cast<double>(stats_[n].link) / stats_[n].text;
  }

  void Initialize(uint32_t n) {
    if (scored_[n]) return;
    scored_[n] = 1;
    double s = 0;
    switch (nodes_[n].tag) {
      case Tag::kDiv:
        s = 5;
        break;
      case Tag::kPre:
      case Tag::kTd:
      case Tag::kBlockquote:
        s = 3;
        break;
      case Tag::kAddress:
      case Tag::kOl:
      case Tag::kUl:
      case Tag::kDl:
      case Tag::kDd:
      case Tag::kDt:
      case Tag::kLi:
      case Tag::kForm:
        s = -3;
        break;
      case Tag::kH1:
      case Tag::kH2:
      case Tag::kH3:
      case Tag::kH4:
      case Tag::kH5:
      case Tag::kH6:
      case Tag::kTh:
        s = -5;
        break;
      default:
        break;
    }
    score_[n] = s + ClassWeight(n);
  }

  // 2. Paragraph scores credited to their ancestors. Headings and list items are not scored
  // (as in Readability) but count as article text for Widen().
  void ScoreParagraphs() {
    for (uint32_t n = 1; n < nodes_.size(); ++n) {
      const HtmlNode& node = nodes_[n];
      if (dropped_[n] || !node.IsElement() || !IsBlock(node.tag)) continue;
      const Stats& s = stats_[n];
      const bool heading_or_item = IsHeading(node.tag) || node.tag == Tag::kLi;
      if (s.inline_text < (heading_or_item ? 10u : 25u)) continue;
      if (!heading_or_item || s.link * 2 < s.inline_text) {
        for (uint32_t x = n; x != 0; x = nodes_[x].parent) {
          ptext_[x] += s.inline_text;
          plink_[x] += std::min(s.inline_text, s.link);
        }
      }
      if (heading_or_item) continue;
      double content = 1.0 + s.inline_commas + std::min(s.inline_text / 100u, 3u);
      uint32_t a = node.parent;
      for (int level = 0; level < 5 && a != 0; ++level, a = nodes_[a].parent) {
        if (dropped_[a]) break;
        Initialize(a);
        double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
        score_[a] += content / divider;
      }
    }
  }

  double Final(uint32_t n) const { return score_[n] * (1.0 - LinkDensity(n)); }

  uint32_t Body() const {
    for (uint32_t n = 1; n < nodes_.size(); ++n) {
      if (nodes_[n].tag == Tag::kBody) return n;
    }
    return 0;
  }

  // 3a. The best-scoring container, moved up as Readability does.
  uint32_t TopCandidate() {
    uint32_t top = 0;
    double best = -1e300;
    for (uint32_t n = 1; n < nodes_.size(); ++n) {
      if (scored_[n] && !dropped_[n] && Final(n) > best) best = Final(n), top = n;
    }
    if (top == 0) return Body();
    const uint32_t body = Body();
    double last = Final(top);
    const double threshold = last / 3;
    for (uint32_t p = nodes_[top].parent; p != 0 && p != body; p = nodes_[p].parent) {
      if (!scored_[p]) continue;
      double ps = Final(p);
      if (ps < threshold) break;
      if (ps > last) {
        top = p;
        break;
      }
      last = ps;
    }
    // A lone child says nothing its parent does not: use the parent.
    while (nodes_[top].parent != 0 && nodes_[top].parent != body &&
           ElementChildren(nodes_[top].parent) == 1) {
      top = nodes_[top].parent;
    }
    return Widen(top, body);
  }

  // 3c. Articles split into sections (each heading with its own wrapper) score one section
  // highest. Moves up to an ancestor that adds paragraph text of the same kind: at least
  // `kGrow` more, with low link density, and without diluting the share of paragraph text.
  uint32_t Widen(uint32_t top, uint32_t body) {
    uint32_t best = top;
    for (uint32_t a = nodes_[top].parent; a != 0 && !dropped_[a]; a = nodes_[a].parent) {
      const double added = static_cast<double>(ptext_[a]) - ptext_[best];
      const double added_link = static_cast<double>(plink_[a]) - plink_[best];
      const double share_best = stats_[best].text ? double(ptext_[best]) / stats_[best].text : 0;
      const double share_a = stats_[a].text ? double(ptext_[a]) / stats_[a].text : 0;
      const double all_added = static_cast<double>(stats_[a].text) - stats_[best].text;
      const double all_added_link = static_cast<double>(stats_[a].link) - stats_[best].link;
      if (ptext_[a] >= kGrow * ptext_[best] && added_link < 0.2 * added &&
          all_added_link <= 0.25 * all_added && share_a >= kDilute * share_best &&
          ClassWeight(a) >= 0) {
        best = a;
      }
      if (a == body) break;
    }
    return best;
  }

  int ElementChildren(uint32_t n) const {
    int k = 0;
    for (uint32_t c : nodes_[n].children) {
      if (nodes_[c].IsElement() && !dropped_[c]) ++k;
    }
    return k;
  }

  bool EndsSentence(uint32_t n) const {
    std::string text;
    Collect(n, &text);
    return Contains(text, ". ") || EndsWith(Trim(text), ".");
  }

  void Collect(uint32_t n, std::string* out) const {
    if (dropped_[n]) return;
    if (nodes_[n].tag == Tag::kText) *out += nodes_[n].text;
    for (uint32_t c : nodes_[n].children) Collect(c, out);
  }

  // 3b. The top candidate and the siblings that belong with it, in document order.
  std::vector<uint32_t> WithSiblings(uint32_t top) {
    const uint32_t parent = nodes_[top].parent;
    if (top == 0 || parent == 0 || !scored_[top]) return {top};
    const double top_score = Final(top);
    const double threshold = std::max(10.0, top_score * 0.2);
    std::vector<uint32_t> parts;
    for (uint32_t s : nodes_[parent].children) {
      if (dropped_[s] || !nodes_[s].IsElement()) continue;
      bool keep = s == top;
      if (!keep && scored_[s]) {
        double bonus = !nodes_[top].class_id.empty() && nodes_[s].class_id == nodes_[top].class_id
                           ? top_score * 0.2
                           : 0;
        keep = Final(s) + bonus >= threshold;
      }
      if (!keep && nodes_[s].tag == Tag::kP) {
        const uint32_t len = stats_[s].text;
        const double ld = LinkDensity(s);
        keep = (len > 80 && ld < 0.25) || (len > 0 && len <= 80 && ld == 0 && EndsSentence(s));
      }
      if (keep) parts.push_back(s);
    }
    return parts;
  }

  // 4a. Readability's "clean conditionally", over the chosen content.
  void CleanConditionally(uint32_t n) {
    if (dropped_[n]) return;
    const HtmlNode& node = nodes_[n];
    for (uint32_t c : node.children) CleanConditionally(c);
    if (!node.IsElement()) return;
    if (IsHeading(node.tag)) {
      if (ClassWeight(n) < 0 || LinkDensity(n) > 0.33 || Key(Text(n)) == title_key_) Drop(n);
      return;
    }
    // A wrapper holding most of the article is never furniture.
    if (!flags_.clean_conditionally || stats_[n].text * 2 > content_text_) return;
    const bool list = node.tag == Tag::kUl || node.tag == Tag::kOl;
    if (!(list || node.tag == Tag::kDiv || node.tag == Tag::kSection || node.tag == Tag::kTable ||
          node.tag == Tag::kForm || node.tag == Tag::kDl)) {
      return;
    }
    const int weight = ClassWeight(n);
    // A negative class name ("widget", "media") on a wrapper of a large part of the article's
    // prose (page builders wrap every section so) does not make it furniture.
    const bool holds_prose =
        ptext_[n] >= 100 && ptext_[n] >= kProseShare * content_ptext_ && plink_[n] * 5 < ptext_[n];
    if (weight + (scored_[n] ? score_[n] : 0) < 0 && !holds_prose) return Drop(n);
    const Stats& s = stats_[n];
    if (s.commas >= 10) return;
    const double ld = LinkDensity(n);
    const int p = static_cast<int>(s.paragraphs), img = static_cast<int>(s.images),
              li = static_cast<int>(s.items) - 100;
    const bool remove = (img > 1 && p < img * 0.5) || (!list && li > p) ||
                        (static_cast<int>(s.inputs) > p / 3) ||
                        (!list && s.text < 25 && (img == 0 || img > 2)) ||
                        (!list && weight < 25 && ld > 0.2) || (weight >= 25 && ld > 0.5) ||
                        (s.embeds == 1 && s.text < 75) || s.embeds > 1 || (list && ld > 0.5);
    if (remove) Drop(n);
  }

  void Drop(uint32_t n) {
    dropped_[n] = 1;
    // Ancestors' counts are not updated: they were only needed to decide this.
  }

  std::string Text(uint32_t n) const {
    std::string t;
    Collect(n, &t);
    return t;
  }

  // Writing: whitespace collapsed, one block per paragraph.
  void Write(uint32_t n) {
    if (dropped_[n]) return;
    const HtmlNode& node = nodes_[n];
    if (node.tag == Tag::kText) return Append(node.text);
    const bool block = IsBlock(node.tag);
    // Lines of one group (list items, table rows, <br> breaks) are separated by a newline,
    // other blocks by a blank line.
    const bool line = node.tag == Tag::kLi || node.tag == Tag::kBr || node.tag == Tag::kTr ||
                      node.tag == Tag::kDt || node.tag == Tag::kDd;
    if (block) Flush(!line);
    if (node.tag == Tag::kTd || node.tag == Tag::kTh) space_ = true;
    const size_t before = current_.size();
    if (node.tag == Tag::kA) ++in_link_;
    for (uint32_t c : node.children) Write(c);
    if (node.tag == Tag::kA) {
      --in_link_;
      if (in_link_ == 0) linked_ += current_.size() - std::min(before, current_.size());
    }
    if (block) Flush(!line);
  }

  // A block that is one link ("Read more", a related headline), or a short line of page
  // furniture ("Advertisement", "Comments", "Photo: ..."), is not article text.
  static bool Boilerplate(std::string_view block, size_t linked) {
    if (linked * 10 >= block.size() * 9 && block.size() < 200) return true;
    if (CountWords(block) > 4) return false;
    std::string lower = AsciiLower(block);
    static constexpr std::array<std::string_view, 14> kStarts = {
        "advert", "comments", "read more", "more:",     "share",     "related", "photo:",
        "image:", "credit:",  "updated",   "published", "sponsored", "loading", "click here"};
    for (std::string_view s : kStarts) {
      if (StartsWith(lower, s)) return true;
    }
    return false;
  }

  void Append(std::string_view text) {
    for (size_t i = 0; i < text.size(); ++i) {
      auto c = static_cast<unsigned char>(text[i]);
      if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
        space_ = true;
      } else if (c == 0xC2 && i + 1 < text.size() && text[i + 1] == '\xA0') {  // no-break space
        space_ = true;
        ++i;
      } else {
        if (space_ && !current_.empty()) current_ += ' ';
        space_ = false;
        current_ += static_cast<char>(c);
      }
    }
  }

  // Ends the current block; the next one starts after a blank line (`paragraph`) or a newline.
  void Flush(bool paragraph) {
    space_ = false;
    if (!current_.empty() && Boilerplate(current_, linked_)) current_.clear();
    linked_ = 0;
    if (!current_.empty()) {
      if (!blocks_.empty()) blocks_.emplace_back(pending_paragraph_ ? "\n\n" : "\n");
      blocks_.push_back(std::move(current_));
      current_.clear();
      pending_paragraph_ = false;
    }
    pending_paragraph_ = pending_paragraph_ || paragraph;
  }

  const std::vector<HtmlNode>& nodes_;
  const Flags flags_;
  const std::string title_key_;
  uint32_t content_text_ = 0;
  uint32_t content_ptext_ = 0;
  std::vector<char> dropped_;
  std::vector<Stats> stats_;
  std::vector<double> score_;
  std::vector<char> scored_;
  // Per element: inline text of the scored paragraphs inside it, and the link text in them.
  std::vector<uint32_t> ptext_, plink_;
  std::vector<std::string> blocks_;
  std::string current_;
  bool space_ = false;
  bool pending_paragraph_ = false;
  int in_link_ = 0;
  size_t linked_ = 0;  // bytes of current_ written inside links
};

}  // namespace

std::string ExtractMainText(const HtmlTree& tree, const std::string& title) {
  if (tree.nodes.size() < 2) return {};
  std::string best;
  for (Flags flags :
       {Flags{}, Flags{false, true, true}, Flags{false, false, true}, Flags{false, false, false}}) {
    std::string text = Extractor(tree, title, flags).Run();
    if (text.size() > best.size()) best = std::move(text);
    if (best.size() >= kMinArticleChars) break;
  }
  return best;
}

}  // namespace parallax
