// Test helper: analysed fictional stories (Articles owned alongside their Documents).
#pragma once

#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "analyze/analyze.h"
#include "util/time.h"

namespace parallax {

// One article analysed with one paragraph per non-blank line; the Document points into
// `article`, so the pair lives behind one pointer.
struct Analyzed {
  Article article;
  Document doc;
};

inline std::unique_ptr<Analyzed> AnalyzeText(std::string text,
                                             std::optional<int64_t> published = std::nullopt,
                                             AnalyzeOptions options = {}) {
  auto a = std::make_unique<Analyzed>();
  a->article.text = std::move(text);
  a->article.published = published;
  std::vector<Span> paragraphs;
  for (Span line : SplitLines(a->article.text)) {
    if (!TrimSpan(a->article.text, line).empty()) paragraphs.push_back(line);
  }
  a->doc = Analyze(a->article, paragraphs, {}, options);
  return a;
}

struct TestStory {
  std::deque<Article> articles;  // stable addresses: Documents point here
  std::deque<Document> docs;
  std::vector<const Document*> ptrs;

  // Adds an article; paragraphs are its lines. `published` is ISO 8601 or "".
  const Document& Add(const std::string& id, const std::string& text,
                      const std::string& published = "", const std::string& title = "") {
    Article a;
    a.id = id;
    a.text = text;
    a.title = title;
    if (!published.empty()) a.published = *ParseIso8601(published);
    articles.push_back(std::move(a));
    std::vector<Span> paragraphs;
    for (Span s : SplitLines(articles.back().text)) {
      Span t = TrimSpan(articles.back().text, s);
      if (!t.empty()) paragraphs.push_back(t);
    }
    docs.push_back(Analyze(articles.back(), paragraphs, {}, AnalyzeOptions{}));
    ptrs.push_back(&docs.back());
    return docs.back();
  }
};

}  // namespace parallax
