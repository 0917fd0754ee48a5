// RenderJson: the report as the JSON contract in README.md ("JSON output"). Field names and
// their order are a contract for downstream tools: fields may be added, never renamed.
//
// Built with nlohmann::ordered_json so fields keep the documented order, and dumped with the
// "replace" error handler so a scraped string holding invalid UTF-8 still yields valid JSON.
// Tested by json_test.cc.
#include <nlohmann/json.hpp>

#include "parallax/render.h"

namespace parallax {
namespace {

using Json = nlohmann::ordered_json;

Json RefJson(const SourceRef& ref) {
  Json out{
      {"article", ref.article}, {"sentence", ref.sentence}, {"begin", ref.begin}, {"end", ref.end}};
  if (ref.in_title) out["in_title"] = true;  // offsets into the article's title
  return out;
}

Json RefsJson(const std::vector<SourceRef>& refs) {
  Json out = Json::array();
  for (const SourceRef& ref : refs) out.push_back(RefJson(ref));
  return out;
}

Json StatementJson(const Statement& s) {
  return Json{{"text", s.text}, {"sources", s.sources}, {"evidence", RefsJson(s.evidence)}};
}

Json StatementsJson(const std::vector<Statement>& statements) {
  Json out = Json::array();
  for (const Statement& s : statements) out.push_back(StatementJson(s));
  return out;
}

Json UniqueJson(const std::vector<UniqueFact>& facts) {
  Json out = Json::array();
  for (const UniqueFact& u : facts) {
    out.push_back(Json{{"text", u.text}, {"source", u.source}, {"evidence", RefJson(u.evidence)}});
  }
  return out;
}

Json ConflictJson(const Conflict& c) {
  Json values = Json::array();
  for (const ConflictValue& v : c.values) {
    values.push_back(Json{{"value", v.value},
                          {"sources", v.sources},
                          {"evidence", v.evidence},
                          {"refs", RefsJson(v.refs)}});
  }
  return Json{{"kind", ConflictKindName(c.kind)},
              {"subject", c.subject},
              {"confidence", c.confidence},
              {"values", std::move(values)}};
}

Json RemovalsJson(const std::vector<Removal>& removed) {
  Json out = Json::array();
  for (const Removal& r : removed) {
    out.push_back(Json{{"begin", r.begin}, {"end", r.end}, {"reason", r.reason}, {"text", r.text}});
  }
  return out;
}

// The optional fields appear only when set (duplicate_of, copies) or asked for (removed).
Json ArticleJson(const StoryArticle& a, bool explain) {
  Json out{{"id", a.id}, {"outlet", a.outlet}, {"title", a.title}, {"url", a.url}};
  out["published"] = a.published ? Json(FormatIsoTime(*a.published)) : Json(nullptr);
  if (!a.duplicate_of.empty()) out["duplicate_of"] = a.duplicate_of;
  if (!a.copies.empty()) out["copies"] = a.copies;
  if (explain) out["removed"] = RemovalsJson(a.removed);
  return out;
}

Json StoryJson(const Story& story, bool explain) {
  Json articles = Json::array();
  for (const StoryArticle& a : story.articles) articles.push_back(ArticleJson(a, explain));
  Json conflicts = Json::array();
  for (const Conflict& c : story.conflicts) conflicts.push_back(ConflictJson(c));
  return Json{{"id", story.id},
              {"title", story.title},
              {"articles", std::move(articles)},
              {"digest", StatementsJson(story.digest)},
              {"agreements", StatementsJson(story.agreements)},
              {"unique", UniqueJson(story.unique)},
              {"conflicts", std::move(conflicts)}};
}

}  // namespace

std::string RenderStoryJson(const Story& story, const RenderOptions& options) {
  return StoryJson(story, options.explain).dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string RenderJson(const Report& report, const RenderOptions& options) {
  Json stories = Json::array();
  for (const Story& story : report.stories) stories.push_back(StoryJson(story, options.explain));
  Json rejected = Json::array();
  for (const Rejection& r : report.rejected) {
    rejected.push_back(Json{{"input", r.input}, {"error", r.error}});
  }
  Json out{{"stories", std::move(stories)},
           {"rejected", std::move(rejected)},
           {"articles_read", report.articles_read}};
  return out.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace parallax
