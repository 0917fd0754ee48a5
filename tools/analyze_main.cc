// `parallax analyze`: what parallax reads in each article — one JSON line per article with its
// sentences, entities, roles, numbers, dates and quotes (offsets into the article body).
#include "analyze_main.h"

#include <nlohmann/json.hpp>

#include "analyze/analyze.h"
#include "clean/clean.h"
#include "common.h"
#include "parallax/reader.h"
#include "util/time.h"

namespace parallax::cli {
namespace {

using nlohmann::ordered_json;

const char* TypeName(EntityType t) {
  switch (t) {
    case EntityType::kPerson:
      return "person";
    case EntityType::kOrganization:
      return "organization";
    case EntityType::kPlace:
      return "place";
    case EntityType::kOther:
      return "other";
  }
  return "other";
}

ordered_json ToJson(const Document& d) {
  ordered_json j;
  j["id"] = d.article->id;
  for (size_t i = 0; i < d.sentences.size(); ++i) {
    j["sentences"].push_back({{"i", i}, {"text", d.Text(d.sentences[i].span)}});
  }
  for (const EntityMention& e : d.entities) {
    j["entities"].push_back(
        {{"sentence", e.sentence}, {"text", e.text}, {"type", TypeName(e.type)}});
  }
  for (const RoleMention& r : d.roles) {
    j["roles"].push_back({{"sentence", r.sentence},
                          {"person", d.entities[r.entity].text},
                          {"role", r.text},
                          {"head", r.head},
                          {"rank", r.rank}});
  }
  for (const NumberMention& n : d.numbers) {
    j["numbers"].push_back({{"sentence", n.sentence},
                            {"text", n.text},
                            {"value", n.value},
                            {"qualifier", n.qualifier},
                            {"unit", n.unit},
                            {"counted", n.counted},
                            {"year", n.is_year}});
  }
  for (const DateMention& m : d.dates) {
    ordered_json x = {{"sentence", m.sentence}, {"text", m.text}, {"normalized", m.normalized}};
    if (m.day) x["day"] = FormatIso8601(*m.day * 86400).substr(0, 10);
    j["dates"].push_back(x);
  }
  for (const QuoteMention& q : d.quotes) {
    j["quotes"].push_back({{"sentence", q.sentence}, {"text", q.text}, {"speaker", q.speaker_key}});
  }
  return j;
}

}  // namespace

void AddAnalyzeCommand(CLI::App& app, AnalyzeFlags* f) {
  CLI::App* cmd = app.add_subcommand(
      "analyze",
      "Print what parallax reads in each article, one JSON line per article: sentences, "
      "entities, roles, numbers, dates and quotes.");
  cmd->add_option("inputs", f->inputs, "Files, folders (recursive) or - for stdin.")->required();
  cmd->add_option("-o,--output", f->output, "Write to this file instead of stdout.");
  cmd->footer(kExitCodesHelp);
}

int RunAnalyze(AnalyzeFlags& f) {
  return RunPerArticle(f.inputs, f.read, f.output, [](const Article& a, std::string* out) {
    CleanResult c = Clean(a, CleanOptions{});
    Document d = Analyze(a, c.paragraphs, std::move(c.removed), AnalyzeOptions{});
    *out += ToJson(d).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  });
}

}  // namespace parallax::cli
