// Tests of encoding detection and conversion.
#include "web/charset.h"

#include <gtest/gtest.h>

namespace parallax {
namespace {

TEST(Charset, ContentTypeParameter) {
  EXPECT_EQ(CharsetFromContentType("text/html; charset=ISO-8859-1"), "ISO-8859-1");
  EXPECT_EQ(CharsetFromContentType("text/html; Charset=\"utf-8\""), "utf-8");
  EXPECT_EQ(CharsetFromContentType("text/html"), "");
}

TEST(Charset, MetaPrescan) {
  EXPECT_EQ(SniffMetaCharset("<html><head><meta charset=\"windows-1251\">"), "windows-1251");
  EXPECT_EQ(SniffMetaCharset("<meta http-equiv=\"Content-Type\" "
                             "content=\"text/html; charset=koi8-r\">"),
            "koi8-r");
  EXPECT_EQ(SniffMetaCharset("<p>charset=utf-8</p>"), "");
}

TEST(Charset, DeclaredLatin1IsWindows1252) {
  // 0x93/0x94 are curly quotes in windows-1252, which browsers use for "iso-8859-1".
  std::string page =
      "<meta charset=iso-8859-1><p>\x93"
      "Caf\xe9\x94</p>";
  auto utf8 = HtmlToUtf8(page, "");
  ASSERT_TRUE(utf8.ok());
  EXPECT_NE(utf8->find("\u201cCaf\u00e9\u201d"), std::string::npos);
}

TEST(Charset, TransportCharsetWinsOverMeta) {
  std::string page = "<meta charset=utf-8><p>\xe6\xf8\xe5</p>";  // latin-1 bytes
  auto utf8 = HtmlToUtf8(page, "iso-8859-1");
  ASSERT_TRUE(utf8.ok());
  EXPECT_NE(utf8->find("\u00e6\u00f8\u00e5"), std::string::npos);
}

TEST(Charset, ValidUtf8WinsOverALegacyDeclaration) {
  auto utf8 = HtmlToUtf8("<meta charset=iso-8859-1><p>let\u2019s go</p>", "");
  ASSERT_TRUE(utf8.ok());
  EXPECT_NE(utf8->find("let\u2019s go"), std::string::npos);
}

TEST(Charset, Utf16WithByteOrderMark) {
  std::string page("\xff\xfe<\0p\0>\0\xe6\0", 10);
  EXPECT_EQ(DetectEncoding(page, ""), "UTF-16LE");
  auto utf8 = HtmlToUtf8(page, "");
  ASSERT_TRUE(utf8.ok());
  EXPECT_EQ(*utf8, "<p>\u00e6");
}

TEST(Charset, UndeclaredValidUtf8StaysUtf8) {
  EXPECT_EQ(DetectEncoding("<p>Bj\u00f8rnvik</p>", ""), "UTF-8");
}

TEST(Charset, UndeclaredLegacyBytesAreDetected) {
  std::string text = "<html><body><p>";
  for (int i = 0; i < 20; ++i)
    text +=
        "Le caf\xe9 est tr\xe8s appr\xe9"
        "ci\xe9 \xe0 Paris. ";
  text += "</p></body></html>";
  std::string enc = DetectEncoding(text, "");
  EXPECT_TRUE(enc == "windows-1252" || enc == "iso-8859-1" || enc == "ISO-8859-1") << enc;
  auto utf8 = HtmlToUtf8(text, "");
  ASSERT_TRUE(utf8.ok());
  EXPECT_NE(utf8->find("caf\u00e9"), std::string::npos);
}

TEST(Charset, Cyrillic) {
  auto utf8 = HtmlToUtf8("<meta charset=windows-1251><p>\xcf\xf0\xe8\xe2\xe5\xf2</p>", "");
  ASSERT_TRUE(utf8.ok());
  EXPECT_NE(utf8->find("\u041f\u0440\u0438\u0432\u0435\u0442"), std::string::npos);
}

TEST(Charset, InvalidUtf8DeclaredUtf8IsRepaired) {
  auto utf8 = HtmlToUtf8("<meta charset=utf-8><p>ok \xff\xfe end</p>", "");
  ASSERT_TRUE(utf8.ok());
  EXPECT_NE(utf8->find("ok \ufffd\ufffd end"), std::string::npos);
}

TEST(Charset, UnknownDeclaredEncodingFallsBack) {
  auto utf8 = HtmlToUtf8("<meta charset=x-no-such-thing><p>plain</p>", "");
  ASSERT_TRUE(utf8.ok());
  EXPECT_NE(utf8->find("plain"), std::string::npos);
}

}  // namespace
}  // namespace parallax
