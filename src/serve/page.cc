// The page's HTML, CSS and script. Plain DOM code: a framework would be an external asset.
// Tested by tests/serve_test.cc (served, escaping) and tests/browser/ (driven in Chromium).
#include "serve/page.h"

namespace parallax {

const std::string_view kPageHtml = R"page(<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>parallax — live stories</title>
<style>
  body { font: 15px/1.45 system-ui, sans-serif; margin: 0; color: #1d1d1f; background: #fafafa; }
  header { display: flex; gap: .6em; align-items: center; padding: .5em 1em; background: #22313f; color: #fff; }
  header h1 { font-size: 1.1em; margin: 0 1em 0 0; }
  header input { padding: .3em .5em; border: 0; border-radius: 3px; min-width: 14em; }
  #status { margin-left: auto; font-size: .85em; opacity: .8; }
  main { display: grid; grid-template-columns: minmax(16em, 26em) 1fr; height: calc(100vh - 2.6em); }
  #list { overflow-y: auto; border-right: 1px solid #ddd; margin: 0; padding: 0; list-style: none; }
  #list li { padding: .5em .8em; border-bottom: 1px solid #eee; cursor: pointer; }
  #list li:hover, #list li.current { background: #e8f0f8; }
  #list .meta { font-size: .8em; color: #666; }
  #more { margin: .6em; }
  #story { overflow: auto; padding: 0 1.2em 2em; }
  #story h2 { margin: .6em 0 .2em; }
  h3 { margin: 1.2em 0 .3em; font-size: 1em; text-transform: uppercase; letter-spacing: .04em; color: #555; }
  .src { display: inline-block; font-size: .75em; background: #dde7f0; border-radius: 3px; padding: 0 .35em; margin-left: .25em; color: #123; text-decoration: none; }
  .conflict { border-left: 3px solid #c0392b; padding-left: .6em; margin: .5em 0; }
  .conflict .kind { font-weight: bold; color: #c0392b; }
  table { border-collapse: collapse; } td, th { padding: .2em .6em; text-align: left; border-bottom: 1px solid #eee; }
  #sides { display: flex; gap: 1em; overflow-x: auto; align-items: flex-start; }
  .side { flex: 0 0 24em; background: #fff; border: 1px solid #ddd; padding: .6em; white-space: pre-wrap; font-size: .9em; }
  .side h4 { margin: 0 0 .4em; white-space: normal; }
  mark.conflict-mark { background: #f9d3cf; }
  .side:target { outline: 2px solid #22313f; }
  .empty { color: #777; padding: 1em; }
</style>
</head>
<body>
<header>
  <h1>parallax</h1>
  <input id="q" type="search" placeholder="Search words in articles" aria-label="Search">
  <input id="outlet" type="search" placeholder="Outlet" aria-label="Outlet">
  <span id="status">connecting…</span>
</header>
<main>
  <div>
    <ul id="list"></ul>
    <button id="more" hidden>Older stories</button>
  </div>
  <section id="story"><p class="empty">Choose a story.</p></section>
</main>
<script>
"use strict";
// Every value from the server is placed with textContent or setAttribute: never as markup.
const $ = (id) => document.getElementById(id);
function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  for (const c of children) e.append(c instanceof Node ? c : String(c));
  return e;
}
async function getJson(url) {
  const r = await fetch(url, {headers: {Accept: "application/json"}});
  if (!r.ok) throw new Error(url + ": HTTP " + r.status);
  return r.json();
}
function when(iso) { return iso ? iso.replace("T", " ").replace("Z", " UTC") : ""; }
function webUrl(u) { return /^https?:\/\//i.test(u || ""); }

// ---- the live list: polled every few seconds, newest activity first ----
let current = null, cursor = null, listed = [], shownCount = 0;
function listUrl(after) {
  const p = new URLSearchParams();
  if ($("q").value.trim()) p.set("q", $("q").value.trim());
  if ($("outlet").value.trim()) p.set("outlet", $("outlet").value.trim());
  if (after) p.set("cursor", after);
  return "/v1/stories?" + p.toString();
}
function storyItem(s) {
  const li = el("li", {"data-id": s.id}, el("div", {class: "title"}, s.title || "(untitled)"),
                el("div", {class: "meta"}, s.articles + " article" + (s.articles === 1 ? "" : "s") +
                   " · " + s.outlets.join(", ") + " · " + when(s.updated)));
  if (s.id === current) li.classList.add("current");
  li.addEventListener("click", () => { location.hash = s.id; });
  return li;
}
async function refreshList() {
  try {
    const page = await getJson(listUrl(null));
    listed = page.stories; cursor = page.next;
    $("list").replaceChildren(...listed.map(storyItem));
    if (!listed.length) $("list").append(el("li", {class: "empty"}, "No stories yet."));
    $("more").hidden = !cursor;
    // The story on screen grew: show it again (keeping the reader's place in the page).
    const mine = listed.find((s) => s.id === current);
    if (mine && mine.articles !== shownCount) showStory(current, null, true);
    $("status").textContent = "updated " + new Date().toLocaleTimeString();
  } catch (e) { $("status").textContent = "offline: " + e.message; }
}
$("more").addEventListener("click", async () => {
  const page = await getJson(listUrl(cursor));
  cursor = page.next; $("more").hidden = !cursor;
  for (const s of page.stories) $("list").append(storyItem(s));
});
let typing;
for (const id of ["q", "outlet"]) $(id).addEventListener("input", () => { clearTimeout(typing); typing = setTimeout(refreshList, 250); });

// ---- one story ----
function sourceTags(ids, names) {
  const span = el("span", {});
  for (const id of ids) span.append(el("a", {class: "src", href: "#" + current + "/" + id, title: id}, names[id] || id));
  return span;
}
function sliceBytes(text, begin, end) {  // API offsets are UTF-8 byte offsets
  const bytes = new TextEncoder().encode(text), dec = new TextDecoder();
  return [dec.decode(bytes.slice(0, begin)), dec.decode(bytes.slice(begin, end)), dec.decode(bytes.slice(end))];
}
function sideText(text, ranges) {  // the article text, conflict evidence marked
  const div = el("div", {});
  ranges.sort((a, b) => a[0] - b[0]);
  const bytes = new TextEncoder().encode(text), dec = new TextDecoder();
  let at = 0;
  for (const [b, e, why] of ranges) {
    if (b < at) continue;
    div.append(dec.decode(bytes.slice(at, b)));
    div.append(el("mark", {class: "conflict-mark", title: why}, dec.decode(bytes.slice(b, e))));
    at = e;
  }
  div.append(dec.decode(bytes.slice(at)));
  return div;
}
async function showStory(id, focus, keepScroll) {
  current = id;
  const scroll = $("story").scrollTop;
  for (const li of $("list").children) li.classList.toggle("current", li.dataset.id === id);
  let s;
  try { s = await getJson("/v1/stories/" + encodeURIComponent(id)); }
  catch (e) { $("story").replaceChildren(el("p", {class: "empty"}, e.message)); return; }
  shownCount = s.articles.length;
  const names = {};
  for (const a of s.articles) names[a.id] = a.outlet || a.id;
  const view = [el("h2", {}, s.title || "(untitled)")];
  const table = el("table", {}, el("tr", {}, el("th", {}, "outlet"), el("th", {}, "title"), el("th", {}, "published")));
  for (const a of s.articles) {
    const title = webUrl(a.url) ? el("a", {href: a.url, rel: "noopener noreferrer", target: "_blank"}, a.title || a.id) : a.title || a.id;
    table.append(el("tr", {}, el("td", {}, a.outlet || ""), el("td", {}, title,
                     a.duplicate_of ? " (copy of " + a.duplicate_of + ")" : ""), el("td", {}, when(a.published))));
  }
  view.push(table, el("h3", {}, "Digest"));
  const digest = el("ol", {class: "digest"});
  for (const d of s.digest) digest.append(el("li", {}, d.text, sourceTags(d.sources, names)));
  view.push(digest);
  if (s.conflicts.length) {
    view.push(el("h3", {}, "Conflicts"));
    for (const c of s.conflicts) {
      const box = el("div", {class: "conflict"}, el("span", {class: "kind"}, c.kind), " · " + c.subject +
                     "  (confidence " + c.confidence.toFixed(2) + ")");
      const ul = el("ul", {});
      for (const v of c.values) ul.append(el("li", {}, "“" + v.value + "”", sourceTags(v.sources, names)));
      box.append(ul); view.push(box);
    }
  }
  if (s.agreements.length) {
    view.push(el("h3", {}, "All report"));
    view.push(el("ul", {}, ...s.agreements.map((a) => el("li", {}, a.text, sourceTags(a.sources, names)))));
  }
  if (s.unique.length) {
    view.push(el("h3", {}, "Only one reports"));
    view.push(el("ul", {}, ...s.unique.map((u) => el("li", {}, u.text, sourceTags([u.source], names)))));
  }
  // Sources side by side: independent articles (copies are folded into their original).
  view.push(el("h3", {}, "Sources side by side"));
  const sides = el("div", {id: "sides"});
  view.push(sides);
  $("story").replaceChildren(...view);
  if (keepScroll) $("story").scrollTop = scroll;
  const marks = {};
  for (const c of s.conflicts) for (const v of c.values) for (const r of v.refs)
    if (!r.in_title) (marks[r.article] = marks[r.article] || []).push([r.begin, r.end, c.kind + ": " + v.value]);
  for (const a of s.articles) {
    if (a.duplicate_of) continue;
    const col = el("div", {class: "side", id: current + "/" + a.id}, el("h4", {}, (a.outlet || a.id) + " — " + (a.title || "")));
    sides.append(col);
    getJson("/v1/articles/" + encodeURIComponent(a.id))
      .then((full) => { col.append(sideText(full.text, marks[a.id] || [])); if (focus === a.id) col.scrollIntoView(); })
      .catch((e) => col.append(e.message));
  }
}
function route() {
  const h = decodeURIComponent(location.hash.slice(1));
  if (!h) return;
  const [id, focus] = [h.split("/")[0], h.split("/").slice(1).join("/")];
  if (id !== current || !focus) showStory(id, focus);
  else { const c = document.getElementById(h); if (c) c.scrollIntoView(); }
}
window.addEventListener("hashchange", route);
refreshList(); route();
setInterval(refreshList, 3000);
</script>
</body>
</html>
)page";

}  // namespace parallax
