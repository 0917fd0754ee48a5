// Encoding detection and conversion (see charset.h). The meta prescan is a byte scan, as the
// WHATWG prescan algorithm is specified, because it must run before the bytes can be decoded
// and so before any parser can see them. Tested by charset_test.cc.
#include "web/charset.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include <algorithm>
#include <memory>

#include "text/utf8.h"
#include "util/strings.h"

namespace parallax {
namespace {

// How much of a page the meta prescan reads. 4 KiB, as browsers do (WHATWG says 1024 bytes;
// real pages put long <head> scripts before the charset, and Chromium/Firefox scan 4 KiB+).
constexpr size_t kPrescanBytes = 4096;

// The value after `key=` in `text` (quotes removed), or "".
std::string ValueAfter(std::string_view text, std::string_view key) {
  std::string lower = AsciiLower(text);
  size_t at = lower.find(key);
  if (at == std::string::npos) return {};
  size_t i = at + key.size();
  while (i < text.size() && (text[i] == ' ' || text[i] == '=' || text[i] == '"' || text[i] == '\''))
    ++i;
  size_t end = i;
  while (end < text.size() && (isalnum(static_cast<unsigned char>(text[end])) || text[end] == '-' ||
                               text[end] == '_' || text[end] == ':' || text[end] == '.')) {
    ++end;
  }
  return std::string(text.substr(i, end - i));
}

// The WHATWG label -> the encoding ICU should use.
std::string Canonical(const std::string& label) {
  std::string l = AsciiLower(Trim(label));
  if (l.empty()) return {};
  if (l == "utf8" || l == "utf-8" || l == "unicode-1-1-utf-8") return "UTF-8";
  if (l == "iso-8859-1" || l == "latin1" || l == "ascii" || l == "us-ascii" || l == "iso8859-1" ||
      l == "l1" || l == "cp1252" || l == "windows-1252") {
    return "windows-1252";
  }
  // A page that calls itself UTF-16 was already decoded by a BOM check if it really were.
  if (l == "utf-16" || l == "utf-16le" || l == "utf-16be") return "UTF-8";
  return l;
}

bool KnownToIcu(const std::string& name) {
  UErrorCode err = U_ZERO_ERROR;
  const char* canonical = ucnv_getCanonicalName(name.c_str(), "", &err);
  if (U_SUCCESS(err) && canonical != nullptr) return true;
  err = U_ZERO_ERROR;
  canonical = ucnv_getCanonicalName(name.c_str(), "IANA", &err);
  return U_SUCCESS(err) && canonical != nullptr;
}

std::string BomEncoding(std::string_view html) {
  if (StartsWith(html, "\xEF\xBB\xBF")) return "UTF-8";
  if (StartsWith(html, "\xFF\xFE")) return "UTF-16LE";
  if (StartsWith(html, "\xFE\xFF")) return "UTF-16BE";
  return {};
}

// ICU's detector over the first 64 KiB; "" when it is not confident.
std::string Guess(std::string_view html) {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)> det(ucsdet_open(&err), ucsdet_close);
  if (U_FAILURE(err)) return {};
  ucsdet_enableInputFilter(det.get(), true);  // ignore markup
  ucsdet_setText(det.get(), html.data(), static_cast<int32_t>(std::min<size_t>(html.size(), 65536)),
                 &err);
  const UCharsetMatch* match = ucsdet_detect(det.get(), &err);
  if (U_FAILURE(err) || match == nullptr) return {};
  int32_t confidence = ucsdet_getConfidence(match, &err);
  const char* name = ucsdet_getName(match, &err);
  if (U_FAILURE(err) || name == nullptr || confidence < 30) return {};
  return Canonical(name);
}

// Valid UTF-8 with every invalid byte replaced by U+FFFD.
std::string RepairUtf8(std::string_view text) {
  if (ValidateUtf8(text).ok()) return std::string(text);
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    int32_t cp = 0;
    int len = DecodeAt(text, i, &cp);
    if (cp == 0xFFFD && !(len == 3 && text.substr(i, 3) == "\xEF\xBF\xBD")) {
      out += "\xEF\xBF\xBD";
    } else {
      out.append(text.substr(i, static_cast<size_t>(len)));
    }
    i += static_cast<size_t>(len);
  }
  return out;
}

}  // namespace

std::string CharsetFromContentType(std::string_view content_type) {
  return ValueAfter(content_type, "charset");
}

std::string SniffMetaCharset(std::string_view html) {
  std::string_view head = html.substr(0, std::min(html.size(), kPrescanBytes));
  std::string lower = AsciiLower(head);
  for (size_t at = lower.find("<meta"); at != std::string::npos; at = lower.find("<meta", at + 5)) {
    size_t end = lower.find('>', at);
    if (end == std::string::npos) break;
    std::string_view tag = std::string_view(head).substr(at, end - at);
    std::string charset = ValueAfter(tag, "charset");
    if (!charset.empty()) return charset;
  }
  return {};
}

std::string DetectEncoding(std::string_view html, std::string_view transport_charset) {
  if (std::string bom = BomEncoding(html); !bom.empty()) return bom;
  // Bytes that are valid UTF-8 are UTF-8 whatever the page declares: text in a legacy encoding
  // with non-ASCII letters is almost never valid UTF-8, while UTF-8 pages that kept an old
  // "iso-8859-1" declaration from their template are common (decoding them as declared turns
  // every curly quote into "â€™").
  if (ValidateUtf8(html).ok()) return "UTF-8";
  for (std::string declared :
       {Canonical(std::string(transport_charset)), Canonical(SniffMetaCharset(html))}) {
    if (!declared.empty() && KnownToIcu(declared)) return declared;
  }
  std::string guess = Guess(html);
  return guess.empty() || !KnownToIcu(guess) ? "windows-1252" : guess;
}

Result<std::string> HtmlToUtf8(std::string_view html, std::string_view transport_charset) {
  // The common case first, validating once: UTF-8 (with or without its byte-order mark).
  const bool utf8_bom = StartsWith(html, "\xEF\xBB\xBF");
  if (std::string_view rest = html.substr(utf8_bom ? 3 : 0);
      (utf8_bom || BomEncoding(html).empty()) && ValidateUtf8(rest).ok()) {
    return std::string(rest);
  }
  std::string encoding = DetectEncoding(html, transport_charset);
  if (utf8_bom) html.remove_prefix(3);
  if (encoding == "UTF-8") return RepairUtf8(html);
  if (StartsWith(html, "\xFF\xFE") || StartsWith(html, "\xFE\xFF")) html.remove_prefix(2);
  if (html.size() > (1u << 28)) return ResourceExhausted("page too large to convert");
  std::string out(html.size() * 3 + 16, '\0');
  UErrorCode err = U_ZERO_ERROR;
  int32_t n = ucnv_convert("UTF-8", encoding.c_str(), out.data(), static_cast<int32_t>(out.size()),
                           html.data(), static_cast<int32_t>(html.size()), &err);
  if (err == U_BUFFER_OVERFLOW_ERROR) {
    out.resize(static_cast<size_t>(n));
    err = U_ZERO_ERROR;
    n = ucnv_convert("UTF-8", encoding.c_str(), out.data(), static_cast<int32_t>(out.size()),
                     html.data(), static_cast<int32_t>(html.size()), &err);
  }
  if (U_FAILURE(err)) {
    return InvalidArgument("cannot convert from " + encoding + ": " + u_errorName(err));
  }
  out.resize(static_cast<size_t>(n));
  return out;
}

}  // namespace parallax
