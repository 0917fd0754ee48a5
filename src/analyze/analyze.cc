// Sentence building and the analysis driver. Tested by analyze_test.cc.
#include "analyze/analyze.h"

#include "text/sentences.h"
#include "text/stemmer.h"
#include "text/stopwords.h"

namespace parallax {
namespace {

Word ToWord(Token&& t, std::string_view lang) {
  Word w;
  w.begin = t.begin;
  w.end = t.end;
  w.kind = t.kind;
  w.upper_initial = t.upper_initial;
  w.all_upper = t.all_upper;
  w.stop = t.kind == TokenKind::kPunct || IsStopword(t.norm);
  w.stem = t.kind == TokenKind::kWord ? Stem(t.norm, lang) : t.norm;
  w.norm = std::move(t.norm);
  return w;
}

void ExtractAll(Document* doc) {
  ExtractEntities(doc);
  ExtractRoles(doc);
  ExtractNumbers(doc);
  ExtractDates(doc);
  ExtractQuotes(doc);
}

// The title as a document of its own: the same extractors over one paragraph, through a copy
// of the article whose text is the title (so every offset and Text() call stays valid).
void AnalyzeTitle(const AnalyzeOptions& options, Document* doc) {
  const Article& article = *doc->article;
  if (Trim(article.title).empty()) return;
  // Field by field: copying the whole Article would copy its body too.
  auto t_article = std::make_unique<Article>();
  t_article->id = article.id;
  t_article->title = article.title;
  t_article->text = article.title;
  t_article->outlet = article.outlet;
  t_article->author = article.author;
  t_article->url = article.url;
  t_article->published = article.published;
  t_article->lang = article.lang;
  t_article->origin = article.origin;
  doc->title_article = std::move(t_article);
  doc->title = std::make_unique<Document>();
  Document& t = *doc->title;
  t.article = doc->title_article.get();
  t.lang = doc->lang;
  t.is_title = true;
  t.paragraphs = {Span{0, static_cast<uint32_t>(article.title.size())}};
  BuildSentences(t.paragraphs, options, &t);
  ExtractAll(&t);
}

}  // namespace

std::vector<Word> AnalyzeWords(std::string_view text, std::string_view lang) {
  std::vector<Word> words;
  for (Token& t : Tokenize(text)) words.push_back(ToWord(std::move(t), lang));
  return words;
}

void BuildSentences(const std::vector<Span>& paragraphs, const AnalyzeOptions& options,
                    Document* doc) {
  const std::string& text = doc->article->text;
  for (uint32_t p = 0; p < paragraphs.size(); ++p) {
    std::vector<Token> tokens = Tokenize(text, paragraphs[p].begin, paragraphs[p].end);
    for (TokenRange r : SplitSentences(tokens)) {
      if (doc->sentences.size() >= options.max_sentences) return;
      Sentence s;
      s.paragraph = p;
      s.span = {tokens[r.first].begin, tokens[r.last - 1].end};
      // Budget: a run-on "sentence" (a table, a list without punctuation) is cut.
      for (uint32_t i = r.first; i < r.last; ++i) {
        if (tokens[i].end - s.span.begin > options.max_sentence_bytes) break;
        s.words.push_back(ToWord(std::move(tokens[i]), doc->lang));
      }
      if (s.words.empty()) continue;
      s.span.end = s.words.back().end;
      doc->sentences.push_back(std::move(s));
    }
  }
}

Document Analyze(const Article& article, const std::vector<Span>& paragraphs,
                 std::vector<Removal> removed, const AnalyzeOptions& options) {
  Document doc;
  doc.article = &article;
  if (!article.lang.empty()) doc.lang = article.lang;
  doc.removed = std::move(removed);
  doc.paragraphs = paragraphs;
  doc.title_words = AnalyzeWords(article.title, doc.lang);
  BuildSentences(paragraphs, options, &doc);
  ExtractAll(&doc);
  AnalyzeTitle(options, &doc);
  return doc;
}

}  // namespace parallax
