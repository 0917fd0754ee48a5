// Plain-text articles: the module-internal form of ParseTextArticle that takes the file's
// bytes by value, so a file read into a string becomes Article::text without a second copy.
// Tested by text_article_test.cc. Thread-safe: pure functions.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "parallax/article.h"
#include "parallax/options.h"
#include "parallax/status.h"

namespace parallax {

// Longest first line taken as a title, bytes. 300: headlines run to ~150 bytes (two lines of
// a front page); a longer first line followed by a blank line is the lead paragraph.
inline constexpr size_t kMaxTitleBytes = 300;

// As ParseTextArticle (reader.h), consuming `content`.
Result<Article> MakeTextArticle(std::string content, std::string_view id, std::string_view origin,
                                const ReadOptions& options);

}  // namespace parallax
