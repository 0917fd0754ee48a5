// ExtractMetadata: each field from the most reliable source that has it.
//
// Order per field (first non-empty wins), as trafilatura's and newspaper's metadata code found:
// JSON-LD of the article object, then <meta> tags, then microdata, then the page structure,
// then the URL and the crawl. The title is the exception: pages often suffix their meta and
// <title> titles with the site name ("Headline | Outlet"), so the visible <h1> that such a
// title agrees with is preferred, and the site's name is learned from the page itself to be
// stripped (see the title section). JSON-LD is parsed with nlohmann after a depth pre-scan
// (web/json_depth.h); a malformed block is ignored, as browsers ignore it.
// Tested by metadata_test.cc.
#include "web/metadata.h"

#include <libxml/HTMLparser.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <unordered_map>
#include <utility>

#include "text/utf8.h"
#include "util/strings.h"
#include "util/time.h"
#include "web/json_depth.h"

namespace parallax {
namespace {

using Json = nlohmann::json;

// Deepest JSON-LD accepted. 64: real blocks nest to ~8 (@graph > article > author > image).
constexpr int kMaxJsonLdDepth = 64;
// Longest author or title kept, bytes: longer "authors" are a paragraph caught by a rule.
constexpr size_t kMaxAuthorBytes = 200;

void AppendUtf8(uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    *out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    *out += static_cast<char>(0xC0 | (cp >> 6));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    *out += static_cast<char>(0xE0 | (cp >> 12));
    *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    *out += static_cast<char>(0xF0 | (cp >> 18));
    *out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

bool Contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

std::string Collapse(std::string_view text) {
  std::string out;
  bool space = false;
  for (size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    bool nbsp = c == 0xC2 && i + 1 < text.size() && text[i + 1] == '\xA0';
    if (isspace(c) || nbsp) {
      if (nbsp) ++i;
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += static_cast<char>(c);
  }
  return out;
}

// The text below `n` (script and style dropped, a space before each line break, paragraph,
// div and list item), appended to `out`; false, `out` partial, once it passes `max_bytes` or
// `*nodes` runs out (a bounded read of elements that may be large containers).
bool CollectTextUpTo(const HtmlTree& tree, uint32_t n, size_t max_bytes, size_t* nodes,
                     std::string* out) {
  for (uint32_t c : tree.nodes[n].children) {
    if (*nodes == 0) return false;
    --*nodes;
    const HtmlNode& child = tree.nodes[c];
    if (child.tag == Tag::kScript || child.tag == Tag::kStyle) continue;
    if (child.tag == Tag::kBr || child.tag == Tag::kP || child.tag == Tag::kDiv ||
        child.tag == Tag::kLi) {
      *out += ' ';
    }
    if (child.tag == Tag::kText) *out += child.text;
    if (out->size() > max_bytes || !CollectTextUpTo(tree, c, max_bytes, nodes, out)) return false;
  }
  return true;
}

void CollectText(const HtmlTree& tree, uint32_t n, std::string* out) {
  if (tree.nodes[n].tag == Tag::kText) *out += tree.nodes[n].text;
  if (tree.nodes[n].tag == Tag::kScript || tree.nodes[n].tag == Tag::kStyle) return;
  size_t unlimited = SIZE_MAX;
  CollectTextUpTo(tree, n, SIZE_MAX, &unlimited, out);
}

std::string TextOf(const HtmlTree& tree, uint32_t n) {
  std::string t;
  CollectText(tree, n, &t);
  return Collapse(t);
}

// Lower-cased, letters and digits only: how titles and names are compared.
std::string Key(std::string_view text) {
  std::string key;
  for (char c : text) {
    if (isalnum(static_cast<unsigned char>(c)) || (c & 0x80)) key += c;
  }
  return FoldCase(key);
}

// ---- JSON-LD ----------------------------------------------------------------------------

bool IsArticleType(const Json& type) {
  static constexpr std::array<std::string_view, 12> kTypes = {"Article",
                                                              "NewsArticle",
                                                              "BlogPosting",
                                                              "ReportageNewsArticle",
                                                              "AnalysisNewsArticle",
                                                              "OpinionNewsArticle",
                                                              "BackgroundNewsArticle",
                                                              "ReviewNewsArticle",
                                                              "TechArticle",
                                                              "ScholarlyArticle",
                                                              "LiveBlogPosting",
                                                              "Report"};
  if (type.is_array()) {
    for (const Json& t : type) {
      if (IsArticleType(t)) return true;
    }
    return false;
  }
  if (!type.is_string()) return false;
  std::string_view s = type.get_ref<const std::string&>();
  if (size_t slash = s.rfind('/'); slash != std::string_view::npos) s.remove_prefix(slash + 1);
  for (std::string_view t : kTypes) {
    if (s == t) return true;
  }
  return false;
}

// `text` with HTML character references decoded ("&#8211;", "&amp;"): JSON-LD is often
// written by templates that escape for HTML. libxml2 knows the named entities.
std::string DecodeEntities(std::string_view text) {
  if (text.find('&') == std::string_view::npos) return std::string(text);
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    size_t semi = text[i] == '&' ? text.find(';', i) : std::string_view::npos;
    if (semi == std::string_view::npos || semi - i > 10) {
      out += text[i];
      continue;
    }
    std::string name(text.substr(i + 1, semi - i - 1));
    uint32_t cp = 0;
    if (name.size() > 1 && name[0] == '#') {
      cp = name[1] == 'x' || name[1] == 'X'
               ? static_cast<uint32_t>(strtoul(name.c_str() + 2, nullptr, 16))
               : static_cast<uint32_t>(strtoul(name.c_str() + 1, nullptr, 10));
    } else if (const htmlEntityDesc* e =
                   htmlEntityLookup(reinterpret_cast<const xmlChar*>(name.c_str()))) {
      cp = e->value;
    }
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      out += text[i];
      continue;
    }
    AppendUtf8(cp, &out);
    i = semi;
  }
  return out;
}

std::string JsonString(const Json& j) {
  if (j.is_string()) return Collapse(DecodeEntities(j.get_ref<const std::string&>()));
  if (j.is_object()) {
    if (j.contains("name")) return JsonString(j["name"]);
    if (j.contains("@value")) return JsonString(j["@value"]);
  }
  if (j.is_array() && !j.empty()) return JsonString(j.front());
  return {};
}

// Every object in a JSON-LD document: top level, arrays, and @graph members.
void Objects(const Json& j, std::vector<const Json*>* out, int depth = 0) {
  if (depth > 4) return;
  if (j.is_array()) {
    for (const Json& x : j) Objects(x, out, depth + 1);
  } else if (j.is_object()) {
    out->push_back(&j);
    if (auto g = j.find("@graph"); g != j.end()) Objects(*g, out, depth + 1);
    if (auto m = j.find("mainEntity"); m != j.end()) Objects(*m, out, depth + 1);
  }
}

std::string Authors(const Json& a) {
  if (a.is_array()) {
    std::string all;
    for (const Json& x : a) {
      std::string one = Authors(x);
      if (one.empty() || Contains(all, one)) continue;
      if (!all.empty()) all += ", ";
      all += one;
    }
    return all;
  }
  std::string name = JsonString(a);
  return StartsWith(name, "http") ? std::string() : name;
}

struct JsonLd {
  std::string headline, date, author, publisher, lang, url;
  std::string other_date;  // datePublished of a non-article object (WebPage, Product...)
  bool found = false;
};

void ReadArticleObject(const Json& o, JsonLd* ld) {
  auto get = [&](const char* key) -> const Json* {
    auto it = o.find(key);
    return it == o.end() ? nullptr : &*it;
  };
  auto fill = [](std::string* field, const Json* j) {
    if (field->empty() && j != nullptr) *field = JsonString(*j);
  };
  fill(&ld->headline, get("headline"));
  fill(&ld->headline, get("name"));
  fill(&ld->date, get("datePublished"));
  fill(&ld->date, get("dateCreated"));
  if (ld->author.empty()) {
    if (const Json* a = get("author")) ld->author = Authors(*a);
    if (ld->author.empty()) {
      if (const Json* a = get("creator")) ld->author = Authors(*a);
    }
  }
  fill(&ld->publisher, get("publisher"));
  fill(&ld->lang, get("inLanguage"));
  fill(&ld->url, get("url"));
  ld->found = true;
}

JsonLd ReadJsonLd(const HtmlTree& tree) {
  JsonLd ld;
  std::string fallback_publisher;
  for (const HtmlNode& node : tree.nodes) {
    if (node.tag != Tag::kScript || node.text.empty()) continue;
    if (!CheckJsonDepth(node.text, kMaxJsonLdDepth).ok()) continue;
    Json doc = Json::parse(node.text, nullptr, /*allow_exceptions=*/false);
    if (doc.is_discarded()) continue;
    std::vector<const Json*> objects;
    Objects(doc, &objects);
    for (const Json* o : objects) {
      auto type = o->find("@type");
      if (type == o->end()) continue;
      if (IsArticleType(*type)) {
        ReadArticleObject(*o, &ld);
        continue;
      }
      if (auto d = o->find("datePublished"); d != o->end() && ld.other_date.empty()) {
        ld.other_date = JsonString(*d);
      }
      if (fallback_publisher.empty() && type->is_string() &&
          (*type == "Organization" || *type == "NewsMediaOrganization" || *type == "WebSite")) {
        if (auto name = o->find("name"); name != o->end()) fallback_publisher = JsonString(*name);
      }
    }
  }
  if (ld.publisher.empty()) ld.publisher = fallback_publisher;
  return ld;
}

// ---- meta tags ----------------------------------------------------------------------------

// <meta> values by lower-cased name/property/itemprop/http-equiv (the first of each wins).
using MetaMap = std::unordered_map<std::string, std::string>;

MetaMap ReadMeta(const HtmlTree& tree) {
  MetaMap meta;
  for (const HtmlNode& node : tree.nodes) {
    if (node.tag != Tag::kMeta) continue;
    std::string_view content = node.Attr("content");
    if (Trim(content).empty()) continue;
    for (const char* key : {"property", "name", "itemprop", "http-equiv"}) {
      std::string_view k = node.Attr(key);
      if (!k.empty()) meta.emplace(AsciiLower(Trim(k)), Collapse(content));
    }
  }
  return meta;
}

std::string FirstMeta(const MetaMap& meta, std::initializer_list<const char*> keys) {
  for (const char* k : keys) {
    if (auto it = meta.find(k); it != meta.end() && !it->second.empty()) return it->second;
  }
  return {};
}

// ---- fields -------------------------------------------------------------------------------

// The first element with `itemprop` (content/datetime attribute, else its text).
std::string Microdata(const HtmlTree& tree, std::string_view itemprop) {
  for (uint32_t n = 1; n < tree.nodes.size(); ++n) {
    const HtmlNode& node = tree.nodes[n];
    if (node.itemprop != itemprop) continue;
    for (const char* attr : {"content", "datetime"}) {
      if (std::string_view v = node.Attr(attr); !Trim(v).empty()) return Collapse(v);
    }
    // An itemprop="author" element may hold an itemprop="name" child.
    for (uint32_t c = n + 1; c < tree.nodes.size() && tree.nodes[c].parent >= n; ++c) {
      if (tree.nodes[c].itemprop == "name") return TextOf(tree, c);
    }
    std::string text = TextOf(tree, n);
    if (!text.empty()) return text;
  }
  return {};
}

uint32_t FirstTag(const HtmlTree& tree, Tag tag) {
  for (uint32_t n = 1; n < tree.nodes.size(); ++n) {
    if (tree.nodes[n].tag == tag) return n;
  }
  return 0;
}

// "September 4, 2025", "4th Sep 2025", "23.07.2025" (defined with ParseWebDate below).
bool ParseWordDate(std::string_view text, std::string* iso, int64_t* seconds);

// ---- title ----------------------------------------------------------------------------------
//
// A page names its article in several places: the visible <h1>, the declared titles (JSON-LD
// headline, og:title, twitter:title, itemprop=headline) and <title>; the declared ones and
// <title> usually carry the site's name too ("Headline | Outlet", "Outlet: Headline"). The site
// name is learned from the page itself: og:site_name and the like, the host, and the part of a
// title that a logo <h1> repeats. No list of sites.

// Separators between a headline and a site name. ": " only marks a site-name prefix that the
// page names elsewhere ("Outlet Blog: Headline"): headlines use colons too.
constexpr std::array<std::string_view, 9> kTitleSeparators = {
    " | ", " - ", " – ", " — ", " :: ", " · ", " • ", " » ", ": "};

// `title` cut at its separators ("A | B - C" -> A, B, C), trimmed; `colon` also cuts at ": ".
std::vector<std::string> TitleParts(std::string_view title, bool colon) {
  std::vector<std::string> parts;
  size_t start = 0;
  for (size_t i = 0; i < title.size(); ++i) {
    for (std::string_view sep : kTitleSeparators) {
      if (!colon && sep == ": ") continue;
      if (title.substr(i, sep.size()) != sep) continue;
      parts.emplace_back(Trim(title.substr(start, i - start)));
      start = i + sep.size();
      i = start - 1;
      break;
    }
  }
  parts.emplace_back(Trim(title.substr(start)));
  std::erase_if(parts, [](const std::string& p) { return Key(p).empty(); });
  return parts;
}

// The joined parts [from, to) of `title` as the page wrote them (separators kept).
std::string JoinParts(std::string_view title, const std::vector<std::string>& parts, size_t from,
                      size_t to) {
  // The parts stand in `title` in order: find each after the one before.
  size_t at = 0, begin = 0;
  for (size_t k = 0; k < to; ++k) {
    at = title.find(parts[k], at);
    if (at == std::string_view::npos) return parts[from];  // not reached: parts come from title
    if (k == from) begin = at;
    if (k + 1 < to) at += parts[k].size();
  }
  return std::string(title.substr(begin, at + parts[to - 1].size() - begin));
}

// Keys (see Key) of the names the page gives its site: og:site_name and the like, the host with
// and without its last label ("harbour-courier.example" -> "harbourcourierexample",
// "harbourcourier").
std::vector<std::string> SiteKeys(const std::string& site, const std::string& host) {
  std::vector<std::string> keys;
  for (std::string k : {Key(site), Key(host)}) {
    if (!k.empty()) keys.push_back(std::move(k));
  }
  if (size_t dot = host.rfind('.'); dot != std::string::npos && dot > 0) {
    if (std::string k = Key(host.substr(0, dot)); !k.empty()) keys.push_back(std::move(k));
  }
  return keys;
}

bool IsSiteKey(const std::string& key, const std::vector<std::string>& site_keys) {
  return !key.empty() && std::find(site_keys.begin(), site_keys.end(), key) != site_keys.end();
}

// The range [from, to) of a title's `parts` without those at either end that name the site
// (at least one part is kept).
std::pair<size_t, size_t> WithoutSiteParts(const std::vector<std::string>& parts,
                                           const std::vector<std::string>& site_keys) {
  size_t from = 0, to = parts.size();
  while (to - from >= 2 && IsSiteKey(Key(parts[to - 1]), site_keys)) --to;
  while (to - from >= 2 && IsSiteKey(Key(parts[from]), site_keys)) ++from;
  return {from, to};
}

// An <h1> that is the site's name (a logo or masthead), not the article's: it is a name the
// page gives its site, or one end of a declared title whose other part is at least as long
// ("Headline - Outlet" with <h1>Outlet</h1>; "Outlet: Headline" when another source also
// gives "Headline").
bool IsSiteHeading(const std::string& h1, const std::vector<std::string>& titles,
                   const std::vector<std::string>& site_keys) {
  const std::string key = Key(h1);
  if (IsSiteKey(key, site_keys)) return true;
  const size_t words = CountWords(h1);
  for (const std::string& t : titles) {
    std::vector<std::string> parts = TitleParts(t, /*colon=*/true);
    if (parts.size() < 2) continue;
    if (Key(parts.back()) == key && CountWords(JoinParts(t, parts, 0, parts.size() - 1)) >= words) {
      return true;
    }
    if (Key(parts.front()) != key) continue;
    const std::string rest = Key(JoinParts(t, parts, 1, parts.size()));
    if (CountWords(JoinParts(t, parts, 1, parts.size())) < words) continue;
    for (const std::string& other : titles) {
      if (other != t && StartsWith(Key(other), rest)) return true;
    }
  }
  return false;
}

// "Headline | Outlet" -> "Headline". First the parts the page names as its site, at either
// end; else the last part when it is short (up to 4 words) and shorter than the rest.
std::string StripSiteName(const std::string& title, const std::vector<std::string>& site_keys) {
  std::vector<std::string> parts = TitleParts(title, /*colon=*/false);
  const auto [from, to] = WithoutSiteParts(parts, site_keys);
  if (from == 0 && to == parts.size()) {
    // A colon-joined site-name prefix ("Outlet: Headline").
    std::vector<std::string> colon_parts = TitleParts(title, /*colon=*/true);
    if (colon_parts.size() >= 2 && IsSiteKey(Key(colon_parts.front()), site_keys)) {
      return JoinParts(title, colon_parts, 1, colon_parts.size());
    }
  }
  if (from != 0 || to != parts.size()) return JoinParts(title, parts, from, to);
  if (parts.size() >= 2) {
    std::string head = JoinParts(title, parts, 0, parts.size() - 1);
    if (parts.back().size() < head.size() && CountWords(parts.back()) <= 4) return head;
  }
  return title;
}

// Whether `n` is in the page's furniture: a <nav>, <footer>, <aside>, <header> or hidden
// element holds it before any <article> or <main> does. With `article_header`, a <header>
// counts only when no <article> or <main> holds it: an article's own <header> holds its
// headline.
bool InFurniture(const HtmlTree& tree, uint32_t n, bool article_header = false) {
  bool header = false;
  for (uint32_t a = tree.nodes[n].parent; a != 0; a = tree.nodes[a].parent) {
    const HtmlNode& node = tree.nodes[a];
    Tag t = node.tag;
    if (t == Tag::kNav || t == Tag::kFooter || t == Tag::kAside || node.hidden) return true;
    if (t == Tag::kHeader) {
      if (!article_header) return true;
      header = true;
    }
    if (t == Tag::kArticle || t == Tag::kMain) return false;
  }
  return header;
}

// Whether a <form> holds `n`.
bool InForm(const HtmlTree& tree, uint32_t n) {
  for (uint32_t a = tree.nodes[n].parent; a != 0; a = tree.nodes[a].parent) {
    if (tree.nodes[a].tag == Tag::kForm) return true;
  }
  return false;
}

// Node index of the page's headline <h1>, 0 when there is none.
uint32_t HeadlineNode(const HtmlTree& tree) {
  uint32_t first = 0;
  for (uint32_t n = 1; n < tree.nodes.size(); ++n) {
    if (tree.nodes[n].tag != Tag::kH1 || TextOf(tree, n).empty()) continue;
    if (!InFurniture(tree, n)) return n;
    if (first == 0) first = n;
  }
  return first;
}

// The page's <h1> texts that are not the site's name: those outside page furniture (a site
// logo is often an <h1> in the <header>) first, then the others; each text once.
// `*in_content` is the number of the first kind; `*first_named` says whether the first of
// them is named as the page's title (its class or id says "title" or "headline":
// "entry-title", "post-headline") and no other <h1> in content bears the same class and id,
// as a list of teasers would.
std::vector<std::string> Headlines(const HtmlTree& tree, const std::vector<std::string>& titles,
                                   const std::vector<std::string>& site_keys, size_t* in_content,
                                   bool* first_named) {
  // <h1>s looked at, at most: a page has a few (the most on wcxb-dev and zyte: 22); the bound
  // keeps a hostile page of many large <h1>s linear.
  constexpr int kMaxHeadings = 32;
  std::vector<std::string> inside, outside, keys;
  std::vector<std::string> inside_classes;
  int seen = 0;
  for (uint32_t n = 1; n < tree.nodes.size() && seen < kMaxHeadings; ++n) {
    if (tree.nodes[n].tag != Tag::kH1) continue;
    ++seen;
    std::string text = DecodeEntities(TextOf(tree, n));
    std::string key = Key(text);
    if (key.empty() || std::find(keys.begin(), keys.end(), key) != keys.end() ||
        IsSiteHeading(text, titles, site_keys)) {
      continue;
    }
    keys.push_back(std::move(key));
    const bool furniture = InFurniture(tree, n, /*article_header=*/true);
    if (!furniture) inside_classes.push_back(tree.nodes[n].class_id);
    (furniture ? outside : inside).push_back(std::move(text));
  }
  *in_content = inside.size();
  *first_named =
      !inside_classes.empty() &&
      (Contains(inside_classes[0], "headline") || Contains(inside_classes[0], "title")) &&
      std::count(inside_classes.begin(), inside_classes.end(), inside_classes[0]) == 1;
  inside.insert(inside.end(), outside.begin(), outside.end());
  return inside;
}

// Whether a declared title agrees with `h1`: it starts with it (maybe followed by a site
// suffix), or ends with it after a separator (a site or section prefix). A later <h1> must also be
// most of that title or its whole first part, not a section name it starts with.
bool Agrees(const std::string& h1, bool first, const std::vector<std::string>& titles,
            const std::vector<std::string>& site_keys) {
  const std::string key = Key(h1);
  for (const std::string& t : titles) {
    // "Outlet Blog: Headline", "Section | Headline": the title's last part is the <h1>, which
    // must read as a headline of its own (kMinWords). wcxb-dev: +1 page, none lost.
    constexpr size_t kMinWords = 3;
    if (std::vector<std::string> parts = TitleParts(t, /*colon=*/true);
        parts.size() >= 2 && Key(parts.back()) == key && CountWords(h1) >= kMinWords) {
      return true;
    }
    if (!StartsWith(Key(t), key)) continue;
    if (first || 2 * key.size() >= Key(StripSiteName(t, site_keys)).size() ||
        Key(TitleParts(t, /*colon=*/false).front()) == key) {
      return true;
    }
  }
  return false;
}

// The words of `text` without its first (or last) `n`.
std::string DropWords(std::string_view text, size_t n, bool from_front) {
  std::vector<std::string_view> words;
  for (size_t i = 0; i < text.size();) {
    size_t end = text.find(' ', i);
    if (end == std::string_view::npos) end = text.size();
    if (end > i) words.push_back(text.substr(i, end - i));
    i = end + 1;
  }
  const size_t begin = from_front ? std::min(n, words.size()) : 0;
  const size_t end = from_front ? words.size() : words.size() - std::min(n, words.size());
  std::string out;
  for (size_t i = begin; i < end; ++i) {
    if (!out.empty()) out += ' ';
    out += words[i];
  }
  return out;
}

// A declared title (site name stripped) that `h1` holds with a dateline glued before or after
// it in the same element ("Dec 18 2025 Ferry fares rise", "Ferry fares rise Posted on July 1,
// 2025 by ..."); "" when there is none. The title must be a headline of its own (kMinWords).
std::string HeldTitle(const std::string& h1, const std::vector<std::string>& titles,
                      const std::vector<std::string>& site_keys) {
  constexpr size_t kMinWords = 3;
  const std::string key = Key(h1);
  for (const std::string& t : titles) {
    std::string stripped = StripSiteName(t, site_keys);
    std::string k = Key(stripped);
    if (CountWords(stripped) < kMinWords || k.size() >= key.size()) continue;
    const bool front = StartsWith(key, k);
    if (!front && !key.ends_with(k)) continue;
    std::string rest = DropWords(h1, CountWords(stripped), front);
    std::string iso;
    int64_t seconds = 0;
    if (ParseWordDate(rest, &iso, &seconds)) return stripped;
  }
  return {};
}

// `h1` without the parts that name the site ("Headline – Outlet" in an <h1>).
std::string StripSiteParts(const std::string& h1, const std::vector<std::string>& site_keys) {
  std::vector<std::string> parts = TitleParts(h1, /*colon=*/false);
  const auto [from, to] = WithoutSiteParts(parts, site_keys);
  return from == 0 && to == parts.size() ? h1 : JoinParts(h1, parts, from, to);
}

// Whether `n` is shown and outside the page's <nav>, <footer> and <aside> (a <header> may be
// the article's own).
bool ShownInContent(const HtmlTree& tree, uint32_t n) {
  for (uint32_t a = n; a != 0; a = tree.nodes[a].parent) {
    const HtmlNode& node = tree.nodes[a];
    if (node.hidden || node.tag == Tag::kNav || node.tag == Tag::kFooter ||
        node.tag == Tag::kAside || node.tag == Tag::kHead) {
      return false;
    }
  }
  return true;
}

// Keys of the short visible texts that read as headlines other than <h1>s: headings <h2> to
// <h6> and elements whose class, id or itemprop says "title" or "headline", outside <nav>,
// <footer>, <aside> and hidden elements. A blog often sets its name as the <h1> and the post's
// headline as an <h2 class="entry-title">; a page may repeat its headline in a banner. Each
// text is read up to kMaxBytes (longer ones are containers, not headings) and the first
// kMaxElements such elements are looked at (real pages have up to a few hundred), so a hostile
// page of nested "title" elements costs at most kMaxElements bounded reads.
std::vector<std::string> ShownHeadingKeys(const HtmlTree& tree) {
  constexpr size_t kMaxBytes = 400, kMaxElements = 2000;
  std::vector<std::string> keys;
  size_t looked_at = 0;
  for (uint32_t n = 1; n < tree.nodes.size() && looked_at < kMaxElements; ++n) {
    const HtmlNode& node = tree.nodes[n];
    const bool heading = node.tag >= Tag::kH2 && node.tag <= Tag::kH6;
    if (!heading && !Contains(node.class_id, "title") && !Contains(node.class_id, "headline") &&
        !Contains(node.itemprop, "headline")) {
      continue;
    }
    if (node.tag == Tag::kTitle || node.tag == Tag::kMeta || node.tag == Tag::kH1 ||
        !node.IsElement()) {
      continue;
    }
    ++looked_at;
    if (!ShownInContent(tree, n)) continue;
    std::string text;
    size_t nodes = 8 * kMaxBytes;
    if (!CollectTextUpTo(tree, n, kMaxBytes, &nodes, &text)) continue;
    if (std::string key = Key(Collapse(DecodeEntities(text))); !key.empty()) {
      keys.push_back(std::move(key));
    }
  }
  return keys;
}

// The first declared title (site name stripped) that the page also shows in a heading other
// than its <h1>s, "" when none is. When no <h1> agrees with a declared title, such a title is
// the article's headline twice over (declared and shown), and the <h1> is more likely a blog
// name, a section or a teaser: on wcxb-dev, of the pages whose gold follows the declared title
// against the <h1>, 24 of 96 show it in such a heading; of those whose gold follows the <h1>,
// 2 of 90.
std::string ShownTitle(const HtmlTree& tree, const std::vector<std::string>& titles,
                       const std::vector<std::string>& site_keys) {
  std::vector<std::string> shown;
  bool read = false;
  for (const std::string& t : titles) {
    std::string stripped = StripSiteName(t, site_keys);
    const std::string key = Key(stripped);
    if (key.empty()) continue;
    if (!read) shown = ShownHeadingKeys(tree), read = true;
    if (std::find(shown.begin(), shown.end(), key) != shown.end()) return stripped;
  }
  return {};
}

// The text of the first <h2> or <h3> in content whose class or id says "title" or
// "headline" and that no other such heading shares, "" when there is none.
std::string NamedSubheading(const HtmlTree& tree) {
  uint32_t first = 0;
  for (uint32_t n = 1; n < tree.nodes.size(); ++n) {
    const HtmlNode& node = tree.nodes[n];
    if (node.tag != Tag::kH2 && node.tag != Tag::kH3) continue;
    if (first != 0) {
      if (node.class_id == tree.nodes[first].class_id) return {};
      continue;
    }
    if ((Contains(node.class_id, "title") || Contains(node.class_id, "headline")) &&
        !InFurniture(tree, n, /*article_header=*/true)) {
      first = n;
    }
  }
  return first == 0 ? std::string() : DecodeEntities(TextOf(tree, first));
}

std::string ChooseTitleParts(const HtmlTree& tree, const JsonLd& ld, const MetaMap& meta,
                             const std::string& site, const std::string& host) {
  std::string declared = ld.headline;
  if (declared.empty()) {
    declared = FirstMeta(meta, {"og:title", "twitter:title", "title", "dc.title", "headline"});
  }
  std::string page_title;
  if (uint32_t n = FirstTag(tree, Tag::kTitle)) page_title = TextOf(tree, n);
  // Every declared title, for learning the site name from their common parts. Longer text is
  // not a title (and would make the comparisons below quadratic on a hostile page).
  constexpr size_t kMaxTitleBytes = 2000;
  std::vector<std::string> titles;
  auto add = [&titles](std::string t) {
    if (!t.empty() && t.size() <= kMaxTitleBytes &&
        std::find(titles.begin(), titles.end(), t) == titles.end()) {
      titles.push_back(std::move(t));
    }
  };
  for (std::string t :
       {declared, FirstMeta(meta, {"og:title"}), FirstMeta(meta, {"twitter:title"}), page_title}) {
    add(std::move(t));
  }
  // The titles declared outside the body (JSON-LD, meta tags, <title>), for ShownTitle: the
  // microdata headline is itself an element of the body and would confirm itself there.
  const std::vector<std::string> head_titles = titles;
  add(Microdata(tree, "headline"));
  const std::vector<std::string> site_keys = SiteKeys(site, host);
  size_t in_content = 0;
  bool first_named = false;
  std::vector<std::string> headlines =
      Headlines(tree, titles, site_keys, &in_content, &first_named);
  for (std::string& h : headlines) h = StripSiteParts(h, site_keys);
  // The visible headline that a declared title agrees with.
  for (size_t i = 0; i < headlines.size(); ++i) {
    if (Agrees(headlines[i], i == 0, titles, site_keys)) return headlines[i];
  }
  if (!headlines.empty()) {
    if (std::string held = HeldTitle(headlines.front(), titles, site_keys); !held.empty()) {
      return held;
    }
  }
  if (std::string shown = ShownTitle(tree, head_titles, site_keys); !shown.empty()) return shown;
  // No <h1> but the site's name: a blog theme's post headline is then an <h2 class=
  // "entry-title">. wcxb-dev: +1 page, none lost (few pages lack an article <h1>).
  if (headlines.empty()) {
    if (std::string named = NamedSubheading(tree); !named.empty()) return named;
  }
  std::string h1 = headlines.empty() ? std::string() : headlines.front();
  // The visible headline is what readers (and the WCXB annotators) call the title; meta
  // titles are often rewritten for search engines. But not when the page has several <h1>s
  // in its content none of which the declared titles agree with (the first is then as likely
  // a banner or a call to action as the article's headline) unless the first is named as the
  // title (first_named), and not an <h1> of a few words that is shorter than the declared
  // title, a section or site name ("Blog", "Contact Us"). Counting only the <h1>s in content
  // and first_named: wcxb-dev title 709 -> 712 pages, none lost.
  // Words: 3 measured on wcxb-dev title accuracy 0.860 (0: 0.834, 2: 0.855, 6: 0.871 by
  // trusting meta titles ever more; 3 is where section names end).
  constexpr size_t kShortHeadline = 3;
  // Longer is a paragraph set in an <h1> (a summary, a lead), not a headline: the longest
  // headlines on wcxb-dev and zyte have 22 words; one <h1> there of 41 words is a summary.
  constexpr size_t kMaxHeadlineWords = 32;
  const size_t h1_words = CountWords(h1);
  const bool weak =
      !declared.empty() &&
      (h1_words > kMaxHeadlineWords ||
       (in_content > 1 ? !first_named
                       : h1_words <= kShortHeadline &&
                             CountWords(StripSiteName(declared, site_keys)) > h1_words));
  if (!h1.empty() && !weak) return h1;
  if (!declared.empty()) return StripSiteName(declared, site_keys);
  return StripSiteName(page_title, site_keys);
}

// "Headline | Section | Outlet" -> "Headline": a vertical bar separates a title's parts, it is
// not headline punctuation, and sites write it into their <h1>s and declared titles alike.
// The part before the first bar must still read as a headline (kMinWords).
std::string CutAtBar(const std::string& title) {
  constexpr size_t kMinWords = 3;
  size_t bar = title.find(" | ");
  if (bar == std::string::npos || CountWords(title.substr(0, bar)) < kMinWords) return title;
  return title.substr(0, bar);
}

std::string ChooseTitle(const HtmlTree& tree, const JsonLd& ld, const MetaMap& meta,
                        const std::string& site, const std::string& host) {
  return CutAtBar(ChooseTitleParts(tree, ld, meta, site, host));
}

// The words that introduce a byline ("Written by Ilse Varnes", "Author: Per Holm", "View all
// posts by Ilse Varnes"), lower case, longest first; each matches only before a space, a colon
// or the end, so "Byron" keeps its "By".
constexpr std::string_view kBylineLabels[] = {"view all posts by",
                                              "see all posts by",
                                              "all posts by",
                                              "more posts by",
                                              "read more about",
                                              "written by",
                                              "authored by",
                                              "article by",
                                              "posted by",
                                              "published by",
                                              "recipe by",
                                              "words by",
                                              "story by",
                                              "authors",
                                              "author",
                                              "by",
                                              "von",
                                              "par"};

// Whether `a` is a call to action or a template's unfilled field, not a name: "View more
// posts", "Read more", "page.head.extra.author", "{{ author }}".
bool IsNotAName(std::string_view a) {
  const std::string lower = AsciiLower(a);
  for (std::string_view start : {"view ", "see more", "read more", "more posts", "please "}) {
    if (StartsWith(lower, start)) return true;
  }
  if (Contains(a, "{{") || Contains(a, "${")) return true;
  // A template's field path ("page.head.extra.author"); a user name ("sara.r.peter") stays.
  return a.find(' ') == std::string_view::npos &&
         (lower.ends_with(".author") || lower.ends_with(".name") || lower.ends_with(".byline"));
}

std::string CleanAuthor(std::string a) {
  a = Collapse(a);
  // A label at most twice ("Author: By Per Holm").
  for (int round = 0; round < 2; ++round) {
    const std::string lower = AsciiLower(a);
    bool cut = false;
    for (std::string_view label : kBylineLabels) {
      if (!StartsWith(lower, label)) continue;
      const char next = lower.size() > label.size() ? lower[label.size()] : ' ';
      if (next != ' ' && next != ':') continue;
      size_t from = label.size();
      while (from < a.size() && (a[from] == ' ' || a[from] == ':')) ++from;
      a.erase(0, from);
      cut = true;
      break;
    }
    if (!cut) break;
  }
  if (a.size() > kMaxAuthorBytes || StartsWith(a, "http") || a.find('@') == 0 || IsNotAName(a)) {
    return {};
  }
  return a;
}

// Whether `text` (collapsed) is only a byline label (kBylineLabels): "By", "Written by:".
bool IsBylineLabel(std::string_view text) {
  std::string lower = AsciiLower(text);
  while (!lower.empty() && (lower.back() == ':' || lower.back() == ' ')) lower.pop_back();
  return std::find(std::begin(kBylineLabels), std::end(kBylineLabels), lower) !=
         std::end(kBylineLabels);
}

// The short text of `n` (text node or element), cleaned as a name; "" when it is longer than
// a name can be (read within kMaxRawBytes and a node budget, so a large element costs
// little) or does not read as one (1 to `max_words` words, no digits, "|" or "@").
std::string NameText(const HtmlTree& tree, uint32_t n, size_t max_words) {
  // A list of names ("Written by: <ul><li>Ilse Varnes</li><li>Per Holm</li></ul>"): each item
  // a name, joined as the JSON-LD authors are.
  constexpr size_t kMaxNames = 8;
  if (const HtmlNode& list = tree.nodes[n]; list.tag == Tag::kUl || list.tag == Tag::kOl) {
    std::string all;
    size_t names = 0;
    for (uint32_t item : list.children) {
      if (tree.nodes[item].tag != Tag::kLi) continue;
      std::string one = NameText(tree, item, max_words);
      if (one.empty() || ++names > kMaxNames) return {};
      if (!all.empty()) all += ", ";
      all += one;
    }
    return all;
  }
  // Raw text before its spaces are collapsed: templates indent a byline over many lines.
  constexpr size_t kMaxRawBytes = 8 * kMaxAuthorBytes;
  std::string raw;
  size_t nodes = 256;
  if (tree.nodes[n].tag == Tag::kText) {
    raw = tree.nodes[n].text;
  } else if (!CollectTextUpTo(tree, n, kMaxRawBytes, &nodes, &raw)) {
    return {};
  }
  std::string a = CleanAuthor(raw);
  const size_t words = CountWords(a);
  if (words == 0 || words > max_words || a.find_first_of("0123456789|@") != std::string::npos) {
    return {};
  }
  return a;
}

// The name in the byline element `n`: a byline often holds the name and the writer's role in
// elements of their own ("Ilse Varnes" + "Senior Reporter", "Per Holm" + "Founder at ...").
// The first element below `n` whose class or id says "name", else the first link into an
// /author/ page (which may hold the role too), with a cleaned text of 1 to `max_words` words;
// "" when none is (the caller reads the whole element). Looks at most kMaxNodes nodes below `n`
// per pass.
std::string BylineName(const HtmlTree& tree, uint32_t n, size_t max_words) {
  constexpr int kMaxNodes = 200;
  for (const bool by_class : {true, false}) {
    int seen = 0;
    std::vector<uint32_t> stack(tree.nodes[n].children.rbegin(), tree.nodes[n].children.rend());
    while (!stack.empty() && seen++ < kMaxNodes) {
      const uint32_t c = stack.back();
      stack.pop_back();
      const HtmlNode& node = tree.nodes[c];
      if (!node.IsElement()) continue;
      if (by_class ? Contains(node.class_id, "name")
                   : node.tag == Tag::kA && Contains(node.Attr("href"), "/author/")) {
        if (std::string a = NameText(tree, c, max_words); !a.empty()) return a;
      }
      stack.insert(stack.end(), node.children.rbegin(), node.children.rend());
    }
  }
  return {};
}

// A printed byline: the first element whose class/id says author or byline (not a comment's),
// or a link into an /author/ page, holding a short name (1 to 6 words, no digits); not in a
// <form> (a comment form's "author" field).
std::string VisibleByline(const HtmlTree& tree) {
  constexpr size_t kMaxWords = 6;
  for (uint32_t n = 1; n < tree.nodes.size(); ++n) {
    const HtmlNode& node = tree.nodes[n];
    if (!node.IsElement() || InFurniture(tree, n)) continue;
    const std::string& c = node.class_id;
    bool byline = (Contains(c, "author") || Contains(c, "byline")) && !Contains(c, "comment") &&
                  !Contains(c, "bio") && !Contains(c, "avatar") && !Contains(c, "img");
    byline = byline || (node.tag == Tag::kA && Contains(node.Attr("href"), "/author/"));
    if (!byline || InForm(tree, n)) continue;
    std::string a = BylineName(tree, n, kMaxWords);
    if (a.empty()) a = NameText(tree, n, kMaxWords);
    if (!a.empty()) return a;
  }
  return {};
}

// A byline written as a label and a name: "By <a>Ilse Varnes</a>", "<p>Written by</p><p>Per
// Holm</p>". The first text node outside furniture, forms and comments that is only a label
// (IsBylineLabel), whose next non-blank sibling, or its parent's when the label is all its
// parent holds, reads as a name (NameText). Bylines whose class says so are VisibleByline's.
// A byline stands by its headline: with an <h1>, the label must be within kNearHeadline nodes
// of it, so that the bylines of teasers further down ("By <a>...</a>" under each related
// story) and of widget credits are not taken. wcxb-dev: the bylines this finds lie 4 to 182
// nodes from the <h1> but one (757); the wrong ones a teaser's at 305, a credit's at 983.
std::string LabelledByline(const HtmlTree& tree) {
  constexpr size_t kMaxWords = 6;
  constexpr size_t kMaxLabelBytes = 24;
  constexpr uint32_t kNearHeadline = 250;
  const uint32_t headline = HeadlineNode(tree);
  auto blank = [&tree](uint32_t s) {
    const HtmlNode& node = tree.nodes[s];
    return (node.tag == Tag::kText && Collapse(node.text).empty()) || node.tag == Tag::kScript ||
           node.tag == Tag::kStyle;
  };
  // The next sibling of `n` that is not blank, 0 when none is.
  auto next = [&tree, &blank](uint32_t n) -> uint32_t {
    const std::vector<uint32_t>& siblings = tree.nodes[tree.nodes[n].parent].children;
    auto it = std::find(siblings.begin(), siblings.end(), n);
    for (++it; it != siblings.end(); ++it) {
      if (!blank(*it)) return *it;
    }
    return 0;
  };
  // Whether `n` is all its parent holds but blanks.
  auto alone = [&tree, &blank](uint32_t n) {
    for (uint32_t s : tree.nodes[tree.nodes[n].parent].children) {
      if (s != n && !blank(s)) return false;
    }
    return true;
  };
  // Labels looked at, at most: each costs a walk of its siblings, and a hostile page could
  // hold a great many "By"s under one parent.
  constexpr int kMaxLabels = 32;
  int labels = 0;
  for (uint32_t n = 1; n < tree.nodes.size() && labels < kMaxLabels; ++n) {
    const HtmlNode& node = tree.nodes[n];
    if (headline != 0 && (n > headline ? n - headline : headline - n) > kNearHeadline) continue;
    if (node.tag != Tag::kText || node.text.size() > kMaxLabelBytes ||
        !IsBylineLabel(Collapse(node.text)) || InFurniture(tree, n) || InForm(tree, n)) {
      continue;
    }
    ++labels;
    bool in_comment = false;
    for (uint32_t a = node.parent; a != 0 && !in_comment; a = tree.nodes[a].parent) {
      in_comment = Contains(tree.nodes[a].class_id, "comment");
    }
    if (in_comment) continue;
    uint32_t name = next(n);
    if (name == 0 && node.parent != 0 && alone(n)) {
      name = next(node.parent);
    }
    if (name == 0) continue;
    if (std::string a = NameText(tree, name, kMaxWords); !a.empty()) return a;
  }
  return {};
}

std::string ChooseAuthor(const HtmlTree& tree, const JsonLd& ld, const MetaMap& meta) {
  for (std::string a :
       {ld.author,
        FirstMeta(meta, {"author", "article:author", "parsely-author", "sailthru.author",
                         "dc.creator", "dcterms.creator", "byl", "citation_author"}),
        Microdata(tree, "author"), Microdata(tree, "creator")}) {
    a = CleanAuthor(a);
    if (!a.empty()) return a;
  }
  for (uint32_t n = 1; n < tree.nodes.size(); ++n) {
    const HtmlNode& node = tree.nodes[n];
    if (node.tag == Tag::kA && Contains(AsciiLower(node.Attr("rel")), "author")) {
      std::string a = CleanAuthor(TextOf(tree, n));
      if (!a.empty()) return a;
    }
  }
  if (std::string a = VisibleByline(tree); !a.empty()) return a;
  return LabelledByline(tree);
}

// /2025/09/04/ or /2025-09-04 in a URL.
std::string DateFromUrl(std::string_view url) {
  for (size_t i = 0; i + 10 <= url.size(); ++i) {
    if (url[i] != '/') continue;
    std::string_view s = url.substr(i + 1);
    auto digits = [&](size_t at, size_t n) {
      if (s.size() < at + n) return false;
      for (size_t k = at; k < at + n; ++k) {
        if (!isdigit(static_cast<unsigned char>(s[k]))) return false;
      }
      return true;
    };
    if (digits(0, 4) && s.size() >= 10 && (s[4] == '/' || s[4] == '-') && digits(5, 2) &&
        s[7] == s[4] && digits(8, 2) &&
        (s.size() == 10 || !isdigit(static_cast<unsigned char>(s[10])))) {
      std::string d = std::string(s.substr(0, 4)) + "-" + std::string(s.substr(5, 2)) + "-" +
                      std::string(s.substr(8, 2));
      if (ParseIso8601(d).ok()) return d;
    }
  }
  return {};
}

// A date printed near the headline ("Updated September 4, 2025", "4th Sep 2025",
// "23.07.2025", "2025-09-04"): the first short text that reads as a date, from kBefore text
// nodes before the <h1> (bylines sit above some headlines) to kAfter after it (or from the
// start of the page).
std::string VisibleDate(const HtmlTree& tree) {
  // Text nodes. Measured on wcxb-dev date accuracy: 40/60 0.833, 40/150 0.842, 80/400 0.848,
  // 80/1000 0.848 (a byline block is usually within 20 nodes; long windows find the few
  // dates printed at the end of the article, "Posted on ...").
  constexpr int kBefore = 80, kAfter = 400;
  constexpr size_t kMaxDateText = 80;  // bytes; longer text is a sentence, not a dateline
  uint32_t start = HeadlineNode(tree);
  for (int before = 0; start > 1 && before < kBefore; --start) {
    if (tree.nodes[start - 1].tag == Tag::kText && !Trim(tree.nodes[start - 1].text).empty()) {
      ++before;
    }
  }
  int seen = 0;
  for (uint32_t n = start; n < tree.nodes.size() && seen < kBefore + kAfter; ++n) {
    const HtmlNode& node = tree.nodes[n];
    if (node.tag != Tag::kText) continue;
    std::string_view text = Trim(node.text);
    if (text.empty()) continue;
    ++seen;
    if (text.size() > kMaxDateText) continue;
    std::string iso;
    int64_t seconds = 0;
    // "2025-09-04" or "2025-09-04T08:10+02:00" printed as is, else words and numbers.
    constexpr size_t kMaxIsoText = 30;
    const bool iso_text = text.size() <= kMaxIsoText && text.size() >= 10 &&
                          isdigit(static_cast<unsigned char>(text[0])) && text[4] == '-' &&
                          ParseWebDate(text, &iso, &seconds);
    if (iso_text || ParseWordDate(text, &iso, &seconds)) return iso;
  }
  return {};
}

// The first (by name) <meta> whose name says it holds a publication date but is none of the
// usual names ChooseDate asks for first: "published", "published-date", "w-published-date".
std::string OtherPublishMeta(const MetaMap& meta) {
  const std::string* best_key = nullptr;
  const std::string* best = nullptr;
  for (const auto& [key, value] : meta) {
    if (!Contains(key, "publish") || Contains(key, "publisher")) continue;
    std::string iso;
    int64_t seconds = 0;
    if (!ParseWebDate(value, &iso, &seconds)) continue;
    if (best_key == nullptr || key < *best_key) best_key = &key, best = &value;
  }
  return best == nullptr ? std::string() : *best;
}

std::string ChooseDate(const HtmlTree& tree, const JsonLd& ld, const MetaMap& meta,
                       const std::string& url) {
  std::vector<std::string> candidates = {ld.date,
                                         FirstMeta(meta, {"article:published_time",
                                                          "og:article:published_time",
                                                          "article:published",
                                                          "datepublished",
                                                          "pubdate",
                                                          "publishdate",
                                                          "publish-date",
                                                          "publish_date",
                                                          "published_time",
                                                          "parsely-pub-date",
                                                          "sailthru.date",
                                                          "dc.date.issued",
                                                          "dc.date",
                                                          "dcterms.date",
                                                          "dcterms.created",
                                                          "dcterms.issued",
                                                          "citation_publication_date",
                                                          "date",
                                                          "article.published",
                                                          "og:published_time",
                                                          "release_date"}),
                                         Microdata(tree, "datepublished")};
  for (uint32_t n = 1; n < tree.nodes.size() && candidates.size() < 4; ++n) {
    const HtmlNode& node = tree.nodes[n];
    if (node.tag == Tag::kTime && !node.Attr("datetime").empty()) {
      candidates.emplace_back(node.Attr("datetime"));
    }
  }
  // Less usual declarations: a <meta> whose name says "publish" ("published-date",
  // "w-published-date"), the datePublished of a JSON-LD object that is not an article (the
  // WebPage holding it).
  candidates.push_back(OtherPublishMeta(meta));
  candidates.push_back(ld.other_date);
  // A printed date comes after the machine-readable ones: on wcxb-dev it is right less often
  // than they are when both exist (taking it first: 0.792 vs 0.806 date accuracy; preferring
  // it when it is the declared modification day: 0.838 vs 0.842), but it fills most gaps.
  // Tried and not kept (wcxb-dev): a printed date labelled as an update first (0.788 against
  // 0.848: the gold is as often the first publication), one labelled "Published" first (0.844
  // against 0.860), the declared dateModified as a last resort (+1 page, but it also dates 10 pages
  // whose gold has no date).
  candidates.push_back(VisibleDate(tree));
  candidates.push_back(DateFromUrl(url));
  for (const std::string& c : candidates) {
    std::string iso;
    int64_t seconds = 0;
    if (!c.empty() && ParseWebDate(c, &iso, &seconds)) return c;
  }
  return {};
}

std::string NormaliseLang(std::string_view lang) {
  std::string l = AsciiLower(Trim(lang));
  size_t end = l.find_first_of("-_");
  if (end != std::string::npos) l.resize(end);
  if (l.size() < 2 || l.size() > 3) return {};
  for (char c : l) {
    if (c < 'a' || c > 'z') return {};
  }
  return l;
}

std::string HostOf(std::string_view url) {
  size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return {};
  std::string_view rest = url.substr(scheme + 3);
  std::string host(rest.substr(0, rest.find_first_of("/?#:")));
  if (StartsWith(host, "www.")) host.erase(0, 4);
  return host;
}

// 1..12 for an English month name or its abbreviation ("Sep", "Sept", "September"), else 0.
int MonthFromName(std::string_view word) {
  static constexpr std::array<std::string_view, 12> kMonths = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  std::string w = AsciiLower(word);
  if (w == "sept") return 9;
  for (size_t i = 0; i < kMonths.size(); ++i) {
    if (w == kMonths[i] || (w.size() == 3 && StartsWith(kMonths[i], w))) {
      return static_cast<int>(i) + 1;
    }
  }
  return 0;
}

// "Thu, 04 Sep 2025 10:00:00 GMT", "September 4, 2025", "4 September 2025".
// "23.07.2025" (day first, as everywhere dots are used); "15/12/2025" day first when the first
// part cannot be a month, else month first ("12/31/2025", and "3/4/2025" read the US way).
bool ParseNumericDate(const std::vector<std::string>& words, int* year, int* month, int* day) {
  for (const std::string& w : words) {
    int a = 0, b = 0, y = 0;
    char s1 = 0, s2 = 0;
    if (sscanf(w.c_str(), "%2d%c%2d%c%4d", &a, &s1, &b, &s2, &y) != 5 || s1 != s2 || y < 1990 ||
        y > 2100 || w.size() < 8 || w.size() > 10) {
      continue;
    }
    if ((s1 == '.' && b <= 12) || (s1 == '/' && a > 12 && b <= 12)) {  // day first
      *day = a, *month = b;
    } else if (s1 == '/' && a <= 12) {  // month first when it can be, as in the US
      *day = b, *month = a;
    } else {
      continue;
    }
    *year = y;
    return *day >= 1 && *day <= 31 && *month >= 1;
  }
  return false;
}

bool ParseWordDate(std::string_view text, std::string* iso, int64_t* seconds) {
  std::vector<std::string> words;
  std::string w;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const bool in_number = (c == '.' || c == '/') && !w.empty() &&
                           isdigit(static_cast<unsigned char>(w.back())) && i + 1 < text.size() &&
                           isdigit(static_cast<unsigned char>(text[i + 1]));
    if (isalnum(static_cast<unsigned char>(c)) || c == ':' || in_number) {
      w += c;
    } else if (!w.empty()) {
      words.push_back(std::move(w));
      w.clear();
    }
  }
  if (!w.empty()) words.push_back(std::move(w));
  int day = 0, month = 0, year = 0;
  std::string clock;
  if (ParseNumericDate(words, &year, &month, &day)) {
    char buf[16];
    snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    Result<int64_t> t = ParseIso8601(buf);
    if (!t.ok()) return false;
    *iso = buf;
    *seconds = *t;
    return true;
  }
  for (std::string word : words) {
    // "4th", "1st": the ordinal suffix goes.
    if (word.size() >= 3 && word.size() <= 4 && isdigit(static_cast<unsigned char>(word[0]))) {
      std::string suffix = AsciiLower(word.substr(word.size() - 2));
      if (suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th")
        word.resize(word.size() - 2);
    }
    if (int m = MonthFromName(word); m != 0 && month == 0 && !isdigit(word[0])) {
      month = m;
    } else if (word.find(':') != std::string::npos) {
      clock = word;
    } else if (isdigit(static_cast<unsigned char>(word[0]))) {
      int v = atoi(word.c_str());
      if (word.size() == 4 && year == 0)
        year = v;
      else if (word.size() <= 2 && day == 0 && v >= 1 && v <= 31)
        day = v;
    }
  }
  if (day == 0 || month == 0 || year < 1900) return false;
  char buf[32];
  snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  std::string date = buf;
  bool with_clock = clock.size() >= 5 &&
                    (Contains(text, "GMT") || Contains(text, "UTC") || Contains(text, "+0000"));
  std::string full = with_clock ? date + "T" + clock + "Z" : date;
  Result<int64_t> t = ParseIso8601(full);
  if (!t.ok()) return false;
  *iso = full;
  *seconds = *t;
  return true;
}

}  // namespace

bool ParseWebDate(std::string_view text, std::string* iso, int64_t* seconds) {
  std::string t(Trim(text));
  if (t.size() >= 10 && isdigit(static_cast<unsigned char>(t[0])) && t[4] == '/' && t[7] == '/') {
    t[4] = t[7] = '-';
  }
  if (t.size() > 19 && t[10] == 'T' && (t.back() == 'Z' || t.back() == 'z')) t.back() = 'Z';
  if (Result<int64_t> r = ParseIso8601(t); r.ok()) {
    *iso = t;
    *seconds = *r;
    return true;
  }
  // "2025-09-04T10:00:00.123456+00:00" and other ISO forms with long fractions or a space
  // before the zone: keep the day and time, drop what ParseIso8601 does not read.
  if (t.size() >= 10 && ParseIso8601(t.substr(0, 10)).ok()) {
    for (size_t len : {19u, 16u}) {
      if (t.size() >= len) {
        if (Result<int64_t> r = ParseIso8601(t.substr(0, len)); r.ok()) {
          *iso = t.substr(0, len);
          *seconds = *r;
          return true;
        }
      }
    }
    *iso = t.substr(0, 10);
    *seconds = *ParseIso8601(*iso);
    return true;
  }
  return ParseWordDate(t, iso, seconds);
}

PageMetadata ExtractMetadata(const HtmlTree& tree, const PageHints& hints) {
  const JsonLd ld = ReadJsonLd(tree);
  const MetaMap meta = ReadMeta(tree);
  PageMetadata m;
  for (uint32_t n = 1; n < tree.nodes.size() && m.url.empty(); ++n) {
    const HtmlNode& node = tree.nodes[n];
    if (node.tag == Tag::kLink && AsciiLower(node.Attr("rel")) == "canonical") {
      m.url = std::string(Trim(node.Attr("href")));
    }
  }
  if (m.url.empty() || !StartsWith(m.url, "http")) {
    std::string og = FirstMeta(meta, {"og:url"});
    m.url = !og.empty() ? og : !hints.url.empty() ? hints.url : m.url;
  }
  m.site_name = FirstMeta(
      meta, {"og:site_name", "application-name", "publisher", "dc.publisher", "twitter:site"});
  if (m.site_name.empty()) m.site_name = ld.publisher;
  if (StartsWith(m.site_name, "@")) m.site_name.erase(0, 1);
  if (m.site_name.empty()) m.site_name = HostOf(m.url.empty() ? hints.url : m.url);
  m.title = ChooseTitle(tree, ld, meta, m.site_name, HostOf(m.url.empty() ? hints.url : m.url));
  m.author = ChooseAuthor(tree, ld, meta);
  if (uint32_t html = FirstTag(tree, Tag::kHtml))
    m.lang = NormaliseLang(tree.nodes[html].Attr("lang"));
  if (m.lang.empty()) {
    m.lang = NormaliseLang(
        FirstMeta(meta, {"content-language", "og:locale", "dc.language", "language"}));
  }
  if (m.lang.empty()) m.lang = NormaliseLang(ld.lang);
  std::string date = ChooseDate(tree, ld, meta, m.url.empty() ? hints.url : m.url);
  if (date.empty()) date = hints.date;
  int64_t seconds = 0;
  if (!date.empty() && ParseWebDate(date, &m.published_text, &seconds)) m.published = seconds;
  return m;
}

}  // namespace parallax
