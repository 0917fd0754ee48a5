// RenderText: a report laid out for an analyst at a terminal. Per story a header line, the
// articles, the digest with sources, what all report and what only one reports (capped at
// RenderOptions::text_max_items; JSON has everything), the conflicts with their evidence, and
// with --explain what the cleaner removed; then the rejected inputs.
//
// Article-derived strings pass through TerminalClean, so no escape sequence or stray newline
// from a scraped page reaches the terminal. Lines wrap at kWidth code points.
// Tested by text_test.cc.
#include <algorithm>
#include <cstdio>
#include <set>
#include <string>
#include <string_view>

#include "parallax/render.h"
#include "render/format.h"

namespace parallax {
namespace {

constexpr size_t kWidth = 100;
constexpr size_t kMaxOutletColumn = 24;  // wider outlet names push the title, not the column

// `text` padded with spaces to `width` code points.
std::string Pad(std::string text, size_t width) {
  size_t w = CountCodePoints(text);
  if (w < width) text.append(width - w, ' ');
  return text;
}

size_t CountOutlets(const Story& story) {
  std::set<std::string_view> outlets;
  for (const StoryArticle& a : story.articles) {
    if (!a.outlet.empty()) outlets.insert(a.outlet);
  }
  return outlets.size();
}

void AppendStoryHeader(const Story& story, std::string* out) {
  std::string title = TerminalClean(story.title);
  if (title.empty()) title = "(untitled)";
  std::string counts = "(" + Plural(story.articles.size(), "article") + ", " +
                       Plural(CountOutlets(story), "outlet") + ")";
  AppendWrapped("Story " + TerminalClean(story.id) + " — ", title + "  " + counts, kWidth, out);
}

std::string OutletOf(const StoryArticle& a) {
  std::string outlet = TerminalClean(a.outlet);
  return outlet.empty() ? "(unknown outlet)" : outlet;
}

// "(copy of a1)", "(copies: a3, a4)" or "".
std::string CopyNote(const StoryArticle& a) {
  std::string note;
  if (!a.duplicate_of.empty()) note += "  (copy of " + TerminalClean(a.duplicate_of) + ")";
  if (!a.copies.empty()) {
    std::string list = BracketList(a.copies);
    note += "  (copies: " + list.substr(1, list.size() - 2) + ")";
  }
  return note;
}

// One line per article: id, outlet and date in aligned columns, then the title and copy marks.
void AppendArticles(const Story& story, std::string* out) {
  size_t id_width = 0, outlet_width = 0;
  for (const StoryArticle& a : story.articles) {
    id_width = std::max(id_width, CountCodePoints(TerminalClean(a.id)));
    outlet_width = std::max(outlet_width, std::min(CountCodePoints(OutletOf(a)), kMaxOutletColumn));
  }
  out->append("Articles\n");
  for (const StoryArticle& a : story.articles) {
    std::string date = a.published ? HumanTime(*a.published) : "undated";
    std::string prefix = "  " + Pad(TerminalClean(a.id), id_width) + "  " +
                         Pad(OutletOf(a), outlet_width) + "  " + Pad(date, 20) + "  ";
    AppendWrapped(prefix, TerminalClean(a.title) + CopyNote(a), kWidth, out);
  }
}

void AppendDigest(const Story& story, std::string* out) {
  if (story.digest.empty()) return;
  out->append("Digest\n");
  for (const Statement& s : story.digest) {
    AppendWrapped("  ", TerminalClean(s.text) + " " + BracketList(s.sources), kWidth, out);
  }
}

// A titled list of at most `cap` items, then how many were left out. `line(i)` is item i.
template <typename Line>
void AppendCapped(std::string_view title, size_t count, size_t cap, Line line, std::string* out) {
  if (count == 0) return;
  out->append(title);
  out->push_back('\n');
  size_t shown = std::min(count, cap);
  for (size_t i = 0; i < shown; ++i) AppendWrapped("  • ", line(i), kWidth, out);
  if (count > shown) {
    out->append("  … and " + std::to_string(count - shown) + " more (use --format json)\n");
  }
}

void AppendAgreementsAndUnique(const Story& story, size_t cap, std::string* out) {
  auto agreement = [&](size_t i) {
    const Statement& s = story.agreements[i];
    return TerminalClean(s.text) + " " + BracketList(s.sources);
  };
  auto unique = [&](size_t i) {
    const UniqueFact& u = story.unique[i];
    return TerminalClean(u.text) + " " + BracketList({u.source});
  };
  AppendCapped("All report", story.agreements.size(), cap, agreement, out);
  AppendCapped("Only one reports", story.unique.size(), cap, unique, out);
}

// "  name · subject: “A” [a1] vs “B” [a2]  (confidence 0.90)", then each value's evidence sentence
// below it.
void AppendConflict(const Conflict& c, std::string* out) {
  std::string head = std::string(ConflictKindName(c.kind)) + " · " + TerminalClean(c.subject) + ":";
  for (size_t i = 0; i < c.values.size(); ++i) {
    const ConflictValue& v = c.values[i];
    head += (i == 0 ? " “" : " vs “") + TerminalClean(v.value) + "” " + BracketList(v.sources);
  }
  char confidence[32];
  std::snprintf(confidence, sizeof confidence, "  (confidence %.2f)", c.confidence);
  head += confidence;
  AppendWrapped("  ", head, kWidth, out);
  for (const ConflictValue& v : c.values) {
    if (v.evidence.empty()) continue;
    AppendWrapped("      " + BracketList(v.sources) + " ", TerminalClean(v.evidence), kWidth, out);
  }
}

void AppendConflicts(const Story& story, std::string* out) {
  if (story.conflicts.empty()) return;
  out->append("Conflicts\n");
  for (const Conflict& c : story.conflicts) AppendConflict(c, out);
}

// --explain: per article, each removal's reason, byte range and text.
void AppendRemovals(const Story& story, std::string* out) {
  bool any = std::any_of(story.articles.begin(), story.articles.end(),
                         [](const StoryArticle& a) { return !a.removed.empty(); });
  if (!any) return;
  out->append("Removed by the cleaner\n");
  for (const StoryArticle& a : story.articles) {
    for (const Removal& r : a.removed) {
      std::string prefix = "  " + TerminalClean(a.id) + "  " + TerminalClean(r.reason) +
                           ", bytes " + std::to_string(r.begin) + "–" + std::to_string(r.end) +
                           ": ";
      AppendWrapped(prefix, "“" + TerminalClean(r.text) + "”", kWidth, out);
    }
  }
}

void AppendStory(const Story& story, const RenderOptions& options, std::string* out) {
  AppendStoryHeader(story, out);
  AppendArticles(story, out);
  AppendDigest(story, out);
  AppendAgreementsAndUnique(story, options.text_max_items, out);
  AppendConflicts(story, out);
  if (options.explain) AppendRemovals(story, out);
}

void AppendRejected(const std::vector<Rejection>& rejected, std::string* out) {
  if (rejected.empty()) return;
  out->append("Rejected inputs:\n");
  for (const Rejection& r : rejected) {
    AppendWrapped("  " + TerminalClean(r.input) + ": ", TerminalClean(r.error), kWidth, out);
  }
}

}  // namespace

std::string RenderText(const Report& report, const RenderOptions& options) {
  std::string out;
  out.append(Plural(report.stories.size(), "story", "stories") + " from " +
             Plural(report.articles_read, "article") + " read\n\n");
  for (const Story& story : report.stories) {
    AppendStory(story, options, &out);
    out.push_back('\n');
  }
  AppendRejected(report.rejected, &out);
  return out;
}

}  // namespace parallax
