// A web page in, an article out: encoding detection and conversion, parsing under budgets,
// metadata and main text. The web module's entry point for HTML; warc.h reads crawls.
// Tested by page_test.cc. Thread-safety: pure function; call it from any number of threads.
#pragma once

#include <string_view>

#include "parallax/status.h"
#include "web/html_tree.h"
#include "web/metadata.h"

namespace parallax {

struct PageBudget {
  // Largest page read, bytes, before decoding. Default 16 MiB: the largest of 974 benchmark
  // pages is ~3 MiB (inline scripts and styles); an article page past 16 MiB is hostile.
  size_t max_bytes = 16u << 20;
  HtmlBudget html;
};

struct WebPage {
  PageMetadata meta;
  std::string text;  // main text, blocks separated by blank lines; "" when none was found
};

// Extracts `bytes` (HTML in any encoding). Errors: ResourceExhausted for a budget, with its
// name and limit; InvalidArgument for an encoding that cannot be converted.
Result<WebPage> ExtractPage(std::string_view bytes, const PageHints& hints,
                            const PageBudget& budget);

}  // namespace parallax
