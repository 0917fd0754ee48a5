// Rendering a Report for people and programs: terminal text, JSON, a self-contained HTML page.
// Thread-safety: stateless functions.
#pragma once

#include <string>

#include "parallax/report.h"

namespace parallax {

struct RenderOptions {
  // Include what the cleaner removed from each article (text and JSON). Default off.
  bool explain = false;
  // Terminal text: at most this many agreements and unique facts per story. Default 8.
  size_t text_max_items = 8;
};

// Readable terminal text: per story its articles, digest with sources, agreements, unique
// facts and conflicts; then the rejected inputs.
std::string RenderText(const Report& report, const RenderOptions& options);
// The JSON contract documented in README.md ("JSON output").
std::string RenderJson(const Report& report, const RenderOptions& options);
// One story as one line of JSON: the object of "stories" in RenderJson, without indentation
// (the body of `GET /v1/stories/{id}` in `parallax serve`).
std::string RenderStoryJson(const Story& story, const RenderOptions& options);
// One self-contained HTML page (no external assets); every article-derived string is escaped.
std::string RenderHtml(const Report& report, const RenderOptions& options);

// ISO 8601 UTC, "2026-03-04T08:15:00Z".
std::string FormatIsoTime(int64_t seconds);

}  // namespace parallax
