// ParseJsonArticle: one JSON Lines row -> Article, over nlohmann::json.
//
// Budgets are checked before parsing, since nlohmann has none: the row's size, its UTF-8
// (reported with the column, which nlohmann cannot do), and its nesting depth by a pre-scan of
// the brackets outside strings (cheaper than a parser callback, and it stops at the first
// excess instead of building the tree). nlohmann's exceptions are caught here and become
// Status; strings are moved out of the parsed tree, not copied.
// Tested by json_article_test.cc.
#include <nlohmann/json.hpp>
#include <string>

#include "ingest/checks.h"
#include "parallax/reader.h"
#include "text/utf8.h"
#include "util/strings.h"
#include "util/time.h"
#include "web/json_depth.h"

namespace parallax {
namespace {

using Json = nlohmann::json;

// Longest quotation of the input inside an error message, bytes.
constexpr size_t kMaxQuoted = 64;

// `s` cut to at most `n` bytes at a UTF-8 character boundary, "..." marking a cut.
std::string Abbreviate(std::string_view s, size_t n) {
  if (s.size() <= n) return std::string(s);
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return std::string(s.substr(0, n)) + "...";
}

// The first occurrence of `from` in `s` replaced by `to`.
std::string ReplaceFirst(std::string s, std::string_view from, std::string_view to) {
  size_t at = s.find(from);
  if (at != std::string::npos) s.replace(at, from.size(), to);
  return s;
}

// A row is one line, so "line 1" in a message about it would only confuse: the line number
// of the file is in the rejection's location.
Status CheckUtf8(std::string_view row) {
  Status status = ValidateUtf8(row);
  if (status.ok()) return status;
  return DataLoss(ReplaceFirst(status.message(), "line 1, ", ""));
}

// "malformed JSON: parse error at column 9: syntax error while parsing ...", without
// nlohmann's exception id and with its quotation of the input bounded.
Status Malformed(const Json::exception& e) {
  std::string what = e.what();
  size_t id_end = what.find("] ");
  if (what.rfind("[json.exception.", 0) == 0 && id_end != std::string::npos) {
    what.erase(0, id_end + 2);
  }
  what = ReplaceFirst(std::move(what), "at line 1, column", "at column");
  return InvalidArgument("malformed JSON: " + Abbreviate(what, 4 * kMaxQuoted));
}

Result<Json> ParseRow(std::string_view row) {
  try {
    return Json::parse(row.begin(), row.end());
  } catch (const Json::exception& e) {
    return Malformed(e);
  }
}

std::string Quote(std::string_view name) { return "\"" + std::string(name) + "\""; }

// Moves the string field `name` into `*out`. Absent or null leaves `*out` empty; any other
// non-string is an error.
Status TakeString(Json& object, std::string_view name, std::string* out) {
  auto it = object.find(name);
  if (it == object.end() || it->is_null()) return Status::Ok();
  auto* s = it->get_ptr<std::string*>();
  if (s == nullptr) return InvalidArgument("field " + Quote(name) + " is not a string");
  *out = std::move(*s);
  return Status::Ok();
}

// "id" is a string or a number (crawls often number their rows); required and non-blank.
Status TakeId(Json& object, std::string* out) {
  auto it = object.find("id");
  if (it == object.end() || it->is_null()) return InvalidArgument("missing field \"id\"");
  if (it->is_number_unsigned()) {
    *out = std::to_string(it->get<uint64_t>());
  } else if (it->is_number_integer()) {
    *out = std::to_string(it->get<int64_t>());
  } else if (it->is_number()) {
    *out = it->dump();
  } else {
    RETURN_IF_ERROR(TakeString(object, "id", out));
  }
  if (Trim(*out).empty()) return InvalidArgument("field \"id\" is empty");
  return Status::Ok();
}

// "text" is kept exactly as decoded. It may be blank or absent when the row has a title
// (headline feeds); FillArticle checks that one of the two is there.
Status TakeText(Json& object, std::string* out, bool* present) {
  auto it = object.find("text");
  *present = it != object.end() && !it->is_null();
  return TakeString(object, "text", out);
}

// "published" is optional; blank counts as absent, anything else must be ISO 8601. A bad date
// rejects the row rather than being dropped silently: clustering and the comparison of dates
// depend on it, and the analyst can fix the feed once told.
Status TakePublished(Json& object, std::optional<int64_t>* out) {
  std::string value;
  RETURN_IF_ERROR(TakeString(object, "published", &value));
  std::string_view trimmed = Trim(value);
  if (trimmed.empty()) return Status::Ok();
  Result<int64_t> seconds = ParseIso8601(trimmed);
  if (!seconds.ok()) {
    return InvalidArgument("field \"published\": not an ISO 8601 time: " +
                           Quote(Abbreviate(trimmed, kMaxQuoted)));
  }
  *out = *seconds;
  return Status::Ok();
}

Status FillArticle(Json& object, Article* a) {
  RETURN_IF_ERROR(TakeId(object, &a->id));
  bool has_text = false;
  RETURN_IF_ERROR(TakeText(object, &a->text, &has_text));
  RETURN_IF_ERROR(TakeString(object, "title", &a->title));
  if (Trim(a->text).empty() && Trim(a->title).empty()) {
    return InvalidArgument(has_text ? "article has no text" : "missing field \"text\"");
  }
  RETURN_IF_ERROR(TakeString(object, "outlet", &a->outlet));
  RETURN_IF_ERROR(TakeString(object, "url", &a->url));
  RETURN_IF_ERROR(TakeString(object, "lang", &a->lang));
  return TakePublished(object, &a->published);
}

}  // namespace

Result<Article> ParseJsonArticle(std::string_view line, std::string_view origin,
                                 const ReadOptions& options) {
  if (line.size() > options.max_article_bytes) return ArticleTooLarge(options.max_article_bytes);
  line = StripBom(line);
  RETURN_IF_ERROR(CheckUtf8(line));
  RETURN_IF_ERROR(CheckJsonDepth(line, options.max_json_depth));
  ASSIGN_OR_RETURN(Json row, ParseRow(line));
  if (!row.is_object()) return InvalidArgument("not a JSON object");
  Article article;
  RETURN_IF_ERROR(FillArticle(row, &article));
  article.origin = std::string(origin);
  return article;
}

}  // namespace parallax
