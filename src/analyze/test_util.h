// Test helper: analysed fictional stories (Articles owned alongside their Documents).
#pragma once

#include <deque>
#include <string>
#include <vector>

#include "analyze/analyze.h"
#include "util/time.h"

namespace parallax {

struct TestStory {
  std::deque<Article> articles;  // stable addresses: Documents point here
  std::deque<Document> docs;
  std::vector<const Document*> ptrs;

  // Adds an article; paragraphs are its lines. `published` is ISO 8601 or "".
  const Document& Add(const std::string& id, const std::string& text, const std::string& published = "",
                      const std::string& title = "") {
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
