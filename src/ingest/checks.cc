// Sniffing inputs before they are read as text: a gzip or UTF-16 file read as UTF-8 would be
// reported as thousands of invalid lines; one clear rejection is more useful to an analyst.
// Tested by checks_test.cc.
#include "ingest/checks.h"

#include <string>

namespace parallax {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

bool IsUtf16Bom(std::string_view head) {
  return head.size() >= 2 &&
         ((head[0] == '\xFF' && head[1] == '\xFE') || (head[0] == '\xFE' && head[1] == '\xFF'));
}

}  // namespace

Status CheckNotBinary(std::string_view head) {
  if (head.size() >= 2 && head[0] == '\x1F' && head[1] == '\x8B') {
    return InvalidArgument("gzip input is read only as WARC (.warc.gz) or HTML (.html.gz)");
  }
  if (IsUtf16Bom(head)) return InvalidArgument("UTF-16 input is not supported");
  head = head.substr(0, kSniffBytes);
  if (head.find('\0') != std::string_view::npos) return InvalidArgument("binary file");
  return Status::Ok();
}

std::string_view StripBom(std::string_view text) {
  if (text.substr(0, kBom.size()) == kBom) text.remove_prefix(kBom.size());
  return text;
}

Status ArticleTooLarge(size_t limit) {
  return ResourceExhausted("article larger than " + std::to_string(limit) + " bytes");
}

Status FileTooLarge(size_t limit) {
  return ResourceExhausted("file larger than " + std::to_string(limit) + " bytes");
}

}  // namespace parallax
