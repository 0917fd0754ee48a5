// RenderHtml: one self-contained page (inline CSS, no scripts, no external assets) for reading a
// report in a browser, offline or as an e-mail attachment. At the top an index of the stories;
// per story its articles, the digest with source tags, the conflicts, and the sources side by
// side: a column per independent article with what it shares with others, what only it
// reports, and the value it gives in each conflict.
//
// Safety: every article-derived string goes through AppendHtmlEscaped, in text and in quoted
// attributes; only http(s) URLs become links. Speed: the page is appended to one string, and
// per story the items are grouped by column in one pass, so the cost is linear in the report.
// Tested by html_test.cc.
#include <cstdio>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "parallax/render.h"
#include "render/escape.h"
#include "render/format.h"

namespace parallax {
namespace {

constexpr std::string_view kStyle = R"css(
:root{--ink:#1f2328;--muted:#656d76;--line:#d0d7de;--tag:#ddf4ff;--tag-ink:#0550ae;
--agree:#f6f8fa;--unique:#fff8c5;--conflict:#ffebe9;--conflict-ink:#a40e26}
*{box-sizing:border-box}
body{margin:0 auto;max-width:1280px;padding:1rem 1.5rem 3rem;font:15px/1.5 system-ui,-apple-system,
"Segoe UI",Roboto,sans-serif;color:var(--ink);background:#fff}
h1{font-size:1.4rem;margin:.5rem 0}h2{font-size:1.2rem;margin:0 0 .5rem}
h3{font-size:1rem;margin:1.2rem 0 .4rem;color:var(--muted);text-transform:uppercase;
letter-spacing:.04em}h4{margin:0 0 .4rem;font-size:.95rem}
h5{margin:.6rem 0 .2rem;font-size:.8rem;color:var(--muted);text-transform:uppercase}
.summary,.meta{color:var(--muted);font-size:.9rem}
nav ol{padding-left:1.5rem}nav li{margin:.15rem 0}
.story{border-top:2px solid var(--line);margin-top:2rem;padding-top:1rem}
.sid{color:var(--muted);font-weight:normal;font-size:.85rem}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{text-align:left;padding:.25rem .5rem;border-bottom:1px solid var(--line);vertical-align:top}
th{color:var(--muted);font-weight:600}
.date{white-space:nowrap}
.copy{color:var(--muted);font-size:.85rem}
.src{display:inline-block;font:11px/1.6 ui-monospace,monospace;background:var(--tag);
color:var(--tag-ink);border-radius:3px;padding:0 .3rem;margin-left:.2rem;text-decoration:none}
.digest p{margin:.3rem 0}
.conflict{background:var(--conflict);border-left:4px solid var(--conflict-ink);
padding:.4rem .7rem;margin:.5rem 0;border-radius:0 4px 4px 0}
.kind{display:inline-block;font-size:.75rem;font-weight:700;color:#fff;
background:var(--conflict-ink);border-radius:3px;padding:0 .35rem;margin-right:.4rem;
text-transform:uppercase}
.conflict ul{margin:.3rem 0;padding-left:1.2rem}
.value{font-weight:700;color:var(--conflict-ink)}
blockquote{margin:.15rem 0 .4rem;padding-left:.6rem;border-left:2px solid var(--line);
color:var(--muted);font-size:.88rem}
.sbs{display:grid;grid-auto-flow:column;grid-auto-columns:minmax(11rem,1fr);gap:.75rem;
overflow-x:auto;padding-bottom:.5rem}
.col{border:1px solid var(--line);border-radius:6px;padding:.5rem .6rem;font-size:.88rem;
min-width:0}
.col ul{list-style:none;margin:0;padding:0}.col li{padding:.25rem .35rem;margin:.2rem 0;
border-radius:4px}
li.agree{background:var(--agree)}li.unique{background:var(--unique)}
li.conflict{background:var(--conflict);border-left:3px solid var(--conflict-ink);margin:.2rem 0}
details{font-size:.85rem}
)css";

// Escapes and appends `text`.
void Esc(std::string_view text, std::string* out) { AppendHtmlEscaped(text, out); }

// Per story: where each article id lives, so source tags can link to the articles table and
// items can be grouped by column. Copies map to the column of the article they copy.
struct StoryIndex {
  std::unordered_map<std::string_view, const StoryArticle*> article;
  std::unordered_map<std::string_view, size_t> column;
  std::vector<const StoryArticle*> columns;  // independent articles, in arrival order
};

StoryIndex IndexStory(const Story& story) {
  StoryIndex index;
  for (const StoryArticle& a : story.articles) {
    index.article.emplace(a.id, &a);
    if (!a.duplicate_of.empty()) continue;
    index.column.emplace(a.id, index.columns.size());
    index.columns.push_back(&a);
  }
  for (const StoryArticle& a : story.articles) {
    if (a.duplicate_of.empty()) continue;
    auto original = index.column.find(a.duplicate_of);
    if (original != index.column.end()) index.column.emplace(a.id, original->second);
  }
  return index;
}

// The anchor of an article's row: "s1-a2" (escaped by the caller's Esc).
void AppendAnchor(const Story& story, std::string_view article_id, std::string* out) {
  Esc(story.id, out);
  out->push_back('-');
  Esc(article_id, out);
}

// A small tag naming one source, linking to its row, with the outlet as tooltip.
void AppendTag(const Story& story, const StoryIndex& index, std::string_view id, std::string* out) {
  out->append(R"(<a class="src" href="#)");
  AppendAnchor(story, id, out);
  out->push_back('"');
  auto it = index.article.find(id);
  if (it != index.article.end()) {
    out->append(" title=\"");
    Esc(it->second->outlet, out);
    out->push_back('"');
  }
  out->push_back('>');
  Esc(id, out);
  out->append("</a>");
}

void AppendTags(const Story& story, const StoryIndex& index, const std::vector<std::string>& ids,
                std::string* out) {
  for (const std::string& id : ids) AppendTag(story, index, id, out);
}

void AppendDate(const StoryArticle& a, std::string* out) {
  if (!a.published) {
    out->append("—");
    return;
  }
  out->append("<time datetime=\"" + FormatIsoTime(*a.published) + "\">" + HumanTime(*a.published) +
              "</time>");
}

// The title, linked when the URL is http(s); other schemes are shown as text after it.
void AppendLinkedTitle(const StoryArticle& a, std::string* out) {
  std::string_view title = a.title.empty() ? std::string_view("(untitled)") : a.title;
  if (IsWebUrl(a.url)) {
    out->append("<a href=\"");
    Esc(a.url, out);
    out->append(R"(" rel="noopener noreferrer nofollow">)");
    Esc(title, out);
    out->append("</a>");
    return;
  }
  Esc(title, out);
  if (!a.url.empty()) {
    out->append(" <span class=\"copy\">");
    Esc(a.url, out);
    out->append("</span>");
  }
}

void AppendCopyMarks(const Story& story, const StoryIndex& index, const StoryArticle& a,
                     std::string* out) {
  if (!a.duplicate_of.empty()) {
    out->append("<span class=\"copy\">copy of</span>");
    AppendTag(story, index, a.duplicate_of, out);
  }
  if (!a.copies.empty()) {
    out->append("<span class=\"copy\">copies:</span>");
    AppendTags(story, index, a.copies, out);
  }
}

// --explain: what the cleaner removed, folded away under a <details>.
void AppendRemovals(const StoryArticle& a, std::string* out) {
  if (a.removed.empty()) return;
  out->append("<details><summary>removed " + std::to_string(a.removed.size()) + "</summary><ul>");
  for (const Removal& r : a.removed) {
    out->append("<li><b>");
    Esc(r.reason, out);
    out->append("</b> <span class=\"copy\">bytes " + std::to_string(r.begin) + "–" +
                std::to_string(r.end) + "</span> ");
    Esc(r.text, out);
    out->append("</li>");
  }
  out->append("</ul></details>");
}

void AppendArticleRow(const Story& story, const StoryIndex& index, const StoryArticle& a,
                      bool explain, std::string* out) {
  out->append("<tr id=\"");
  AppendAnchor(story, a.id, out);
  out->append(R"("><td><span class="src">)");
  Esc(a.id, out);
  out->append("</span></td><td>");
  Esc(a.outlet, out);
  out->append("</td><td>");
  AppendLinkedTitle(a, out);
  out->append("</td><td class=\"date\">");
  AppendDate(a, out);
  out->append("</td><td>");
  AppendCopyMarks(story, index, a, out);
  if (explain) AppendRemovals(a, out);
  out->append("</td></tr>\n");
}

void AppendArticles(const Story& story, const StoryIndex& index, bool explain, std::string* out) {
  out->append(
      "<table class=\"articles\"><thead><tr><th>Id</th><th>Outlet</th><th>Title</th>"
      "<th>Published</th><th>Copies</th></tr></thead><tbody>\n");
  for (const StoryArticle& a : story.articles) AppendArticleRow(story, index, a, explain, out);
  out->append("</tbody></table>\n");
}

void AppendDigest(const Story& story, const StoryIndex& index, std::string* out) {
  if (story.digest.empty()) return;
  out->append("<h3>Digest</h3><div class=\"digest\">\n");
  for (const Statement& s : story.digest) {
    out->append("<p>");
    Esc(s.text, out);
    AppendTags(story, index, s.sources, out);
    out->append("</p>\n");
  }
  out->append("</div>\n");
}

void AppendConflictValue(const Story& story, const StoryIndex& index, const ConflictValue& v,
                         std::string* out) {
  out->append("<li><span class=\"value\">“");
  Esc(v.value, out);
  out->append("”</span>");
  AppendTags(story, index, v.sources, out);
  if (!v.evidence.empty()) {
    out->append("<blockquote>");
    Esc(v.evidence, out);
    out->append("</blockquote>");
  }
  out->append("</li>");
}

void AppendConflictHead(const Conflict& c, std::string* out) {
  out->append("<span class=\"kind\">");
  out->append(ConflictKindName(c.kind));
  out->append("</span>");
  Esc(c.subject, out);
}

void AppendConflicts(const Story& story, const StoryIndex& index, std::string* out) {
  if (story.conflicts.empty()) return;
  out->append("<h3>Conflicts</h3>\n");
  for (const Conflict& c : story.conflicts) {
    out->append("<div class=\"conflict\">");
    AppendConflictHead(c, out);
    char confidence[32];
    std::snprintf(confidence, sizeof confidence, "%.2f", c.confidence);
    out->append(" <span class=\"meta\">confidence " + std::string(confidence) + "</span><ul>");
    for (const ConflictValue& v : c.values) AppendConflictValue(story, index, v, out);
    out->append("</ul></div>\n");
  }
}

// The items of one column of the side-by-side view, as indexes into the story's vectors.
struct Column {
  std::vector<size_t> agreements;
  std::vector<size_t> unique;
  std::vector<std::pair<size_t, size_t>> conflicts;  // (conflict, value)
};

// Groups every item under the column of each of its sources, in one pass over the story.
std::vector<Column> GroupByColumn(const Story& story, const StoryIndex& index) {
  std::vector<Column> columns(index.columns.size());
  auto column_of = [&](const std::string& id) -> Column* {
    auto it = index.column.find(id);
    return it == index.column.end() ? nullptr : &columns[it->second];
  };
  for (size_t i = 0; i < story.agreements.size(); ++i) {
    for (const std::string& id : story.agreements[i].sources) {
      if (Column* c = column_of(id)) c->agreements.push_back(i);
    }
  }
  for (size_t i = 0; i < story.unique.size(); ++i) {
    if (Column* c = column_of(story.unique[i].source)) c->unique.push_back(i);
  }
  for (size_t i = 0; i < story.conflicts.size(); ++i) {
    for (size_t v = 0; v < story.conflicts[i].values.size(); ++v) {
      for (const std::string& id : story.conflicts[i].values[v].sources) {
        if (Column* c = column_of(id)) c->conflicts.emplace_back(i, v);
      }
    }
  }
  return columns;
}

// The ids in `ids` other than `self` (and its copies' column), as tags.
void AppendOtherTags(const Story& story, const StoryIndex& index,
                     const std::vector<std::string>& ids, const StoryArticle& self,
                     std::string* out) {
  auto own = index.column.find(self.id);
  for (const std::string& id : ids) {
    auto it = index.column.find(id);
    if (it == index.column.end() || it->second != own->second) AppendTag(story, index, id, out);
  }
}

void AppendColumnConflicts(const Story& story, const StoryIndex& index, const Column& column,
                           std::string* out) {
  if (column.conflicts.empty()) return;
  out->append("<h5>Conflicts</h5><ul>");
  for (auto [ci, vi] : column.conflicts) {
    const Conflict& c = story.conflicts[ci];
    out->append("<li class=\"conflict\">");
    AppendConflictHead(c, out);
    out->append(": <span class=\"value\">“");
    Esc(c.values[vi].value, out);
    out->append("”</span>");
    for (size_t v = 0; v < c.values.size(); ++v) {
      if (v == vi) continue;
      out->append("<br><span class=\"meta\">vs “");
      Esc(c.values[v].value, out);
      out->append("”</span>");
      AppendTags(story, index, c.values[v].sources, out);
    }
    out->append("</li>");
  }
  out->append("</ul>");
}

void AppendColumn(const Story& story, const StoryIndex& index, const StoryArticle& a,
                  const Column& column, std::string* out) {
  out->append("<div class=\"col\"><h4>");
  AppendTag(story, index, a.id, out);
  out->push_back(' ');
  Esc(a.outlet, out);
  out->append("</h4>");
  if (!column.agreements.empty()) {
    out->append("<h5>Also reported by others</h5><ul>");
    for (size_t i : column.agreements) {
      out->append("<li class=\"agree\">");
      Esc(story.agreements[i].text, out);
      AppendOtherTags(story, index, story.agreements[i].sources, a, out);
      out->append("</li>");
    }
    out->append("</ul>");
  }
  if (!column.unique.empty()) {
    out->append("<h5>Only here</h5><ul>");
    for (size_t i : column.unique) {
      out->append("<li class=\"unique\">");
      Esc(story.unique[i].text, out);
      out->append("</li>");
    }
    out->append("</ul>");
  }
  AppendColumnConflicts(story, index, column, out);
  out->append("</div>\n");
}

void AppendSideBySide(const Story& story, const StoryIndex& index, std::string* out) {
  if (story.agreements.empty() && story.unique.empty() && story.conflicts.empty()) return;
  std::vector<Column> columns = GroupByColumn(story, index);
  out->append("<h3>Sources side by side</h3><div class=\"sbs\">\n");
  for (size_t i = 0; i < columns.size(); ++i) {
    AppendColumn(story, index, *index.columns[i], columns[i], out);
  }
  out->append("</div>\n");
}

void AppendStory(const Story& story, const RenderOptions& options, std::string* out) {
  StoryIndex index = IndexStory(story);
  out->append(R"(<section class="story" id="story-)");
  Esc(story.id, out);
  out->append("\"><h2>");
  Esc(story.title.empty() ? std::string_view("(untitled)") : story.title, out);
  out->append(" <span class=\"sid\">");
  Esc(story.id, out);
  out->append("</span></h2>\n");
  AppendArticles(story, index, options.explain, out);
  AppendDigest(story, index, out);
  AppendConflicts(story, index, out);
  AppendSideBySide(story, index, out);
  out->append("</section>\n");
}

void AppendIndexEntry(const Story& story, std::string* out) {
  out->append("<li><a href=\"#story-");
  Esc(story.id, out);
  out->append("\">");
  Esc(story.title.empty() ? std::string_view("(untitled)") : story.title, out);
  out->append("</a> <span class=\"meta\">" + Plural(story.articles.size(), "article"));
  if (!story.conflicts.empty()) out->append(" · " + Plural(story.conflicts.size(), "conflict"));
  out->append("</span></li>\n");
}

void AppendHead(const Report& report, std::string* out) {
  out->append(
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>parallax report</title>\n<style>");
  out->append(kStyle);
  out->append("</style></head>\n<body>\n<header><h1>parallax report</h1><p class=\"summary\">" +
              Plural(report.stories.size(), "story", "stories") + " from " +
              Plural(report.articles_read, "article") + " read; " +
              Plural(report.rejected.size(), "input") + " rejected</p></header>\n");
}

void AppendIndex(const Report& report, std::string* out) {
  if (report.stories.empty()) {
    out->append("<p>No stories.</p>\n");
    return;
  }
  out->append("<nav><h3>Stories</h3><ol>\n");
  for (const Story& story : report.stories) AppendIndexEntry(story, out);
  out->append("</ol></nav>\n");
}

void AppendRejected(const std::vector<Rejection>& rejected, std::string* out) {
  if (rejected.empty()) return;
  out->append(
      "<section class=\"story\" id=\"rejected\"><h2>Rejected inputs</h2><table><thead><tr>"
      "<th>Input</th><th>Error</th></tr></thead><tbody>\n");
  for (const Rejection& r : rejected) {
    out->append("<tr><td>");
    Esc(r.input, out);
    out->append("</td><td>");
    Esc(r.error, out);
    out->append("</td></tr>\n");
  }
  out->append("</tbody></table></section>\n");
}

}  // namespace

std::string RenderHtml(const Report& report, const RenderOptions& options) {
  std::string out;
  out.reserve(16384 + report.stories.size() * 8192);
  AppendHead(report, &out);
  AppendIndex(report, &out);
  for (const Story& story : report.stories) AppendStory(story, options, &out);
  AppendRejected(report.rejected, &out);
  out.append("</body></html>\n");
  return out;
}

}  // namespace parallax
