// Checks shared by the ingest readers: sniffing the first bytes of an input for formats we
// cannot read as text (gzip, UTF-16, binary), the UTF-8 byte-order mark, and budget messages.
// Tested by checks_test.cc. Thread-safe: pure functions.
#pragma once

#include <cstddef>
#include <string_view>

#include "parallax/status.h"

namespace parallax {

// How much of an input is sniffed for binary content. 8 KiB, as git and grep use to tell
// binary from text: one disk block, enough that a NUL in a header is seen.
inline constexpr size_t kSniffBytes = 8192;

// OK for text; InvalidArgument "gzip input is read only as WARC (.warc.gz) or HTML (.html.gz)" (1f
// 8b magic), "UTF-16 input is not supported" (UTF-16 byte-order mark) or "binary file" (a NUL byte
// within the first kSniffBytes of `head`).
Status CheckNotBinary(std::string_view head);

// `text` without a leading UTF-8 byte-order mark (EF BB BF).
std::string_view StripBom(std::string_view text);

// ResourceExhausted "article larger than N bytes" / "file larger than N bytes".
Status ArticleTooLarge(size_t limit);
Status FileTooLarge(size_t limit);

}  // namespace parallax
