#include "text/utf8.h"

#include <gtest/gtest.h>
#include <utf8proc.h>

#include <cstdlib>
#include <random>
#include <string>
#include <vector>

namespace parallax {
namespace {

TEST(Utf8, ValidatesAndLocatesBadBytes) {
  EXPECT_TRUE(ValidateUtf8("plain ascii").ok());
  EXPECT_TRUE(ValidateUtf8("Søren Ålund “quoted”").ok());
  Status s = ValidateUtf8("line one\nab\xC3(");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kDataLoss);
  EXPECT_NE(s.message().find("line 2, column 3"), std::string::npos) << s.message();
  EXPECT_FALSE(ValidateUtf8("\xED\xA0\x80").ok());  // UTF-16 surrogate
  EXPECT_FALSE(ValidateUtf8("\xC0\xAF").ok());      // overlong
}

TEST(Utf8, FoldsCaseAndAccents) {
  EXPECT_EQ(FoldCase("Iran’s"), "iran's");
  EXPECT_EQ(FoldCase("ÅLUND"), "ålund");
  EXPECT_EQ(FoldCase("ﬁle"), "file");
  EXPECT_EQ(FoldAccents("Ibáñez"), "ibanez");
}

// FoldCase maps only the non-ASCII stretches of a text through utf8proc; the result must be
// utf8proc's NFKC + case fold of the whole text (then ’ and ‘ as '), whatever composes or
// reorders across the cuts: combining marks after ASCII letters, Hangul jamo, compatibility
// and case-fold expansions, and invalid UTF-8 (the whole text left as is). (One code point that
// is not a letter is kept as it is, an older shortcut of FoldCase: "½" alone is not NFKC'd.)
TEST(FoldCase, IsUtf8procsFoldOfTheWholeText) {
  auto whole = [](const std::string& s) {
    utf8proc_uint8_t* out = nullptr;
    utf8proc_ssize_t n =
        utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                     static_cast<utf8proc_ssize_t>(s.size()), &out,
                     static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE |
                                                    UTF8PROC_COMPAT | UTF8PROC_CASEFOLD));
    std::string r = n < 0 ? s : std::string(reinterpret_cast<char*>(out), static_cast<size_t>(n));
    std::free(out);
    // FoldCase's older shortcut: one code point that is not a letter is kept as it is.
    int32_t cp;
    if (!s.empty() && static_cast<size_t>(DecodeAt(s, 0, &cp)) == s.size() && !IsLetter(cp)) {
      r = s;
    }
    for (const char* q : {"\u2019", "\u2018"}) {
      for (size_t at; (at = r.find(q)) != std::string::npos;) r.replace(at, 3, "'");
    }
    return r;
  };
  const std::vector<std::string> pieces = {
      "a",      "E",      "z",      " ",      "-",      ".",      "=",      "e",      "i",
      "A",      "n",      "O",      "\u0301", "\u0323", "\u0338", "\u0307", "\u0303", "\u0344",
      "\u00DF", "\u0130", "\uFB01", "\u1100", "\u1161", "\u11A8", "\uAC00", "\u2019", "\u2018",
      "\u03A3", "\u03C2", "\uFF21", "\u00BD", "\u01C5", "\u00C5", "\u212B", "\u0F71", "\u0F72",
      "\u0F73", "\u1E9E", "\u0149", "\u2126", "\u00A0", "\u2014", "\u3000", "\u0345", "\u05B4"};
  std::mt19937 rng(6);
  for (int round = 0; round < 20000; ++round) {
    std::string s;
    const size_t n = rng() % 14;
    for (size_t i = 0; i < n; ++i) s += pieces[rng() % pieces.size()];
    if (round % 50 == 0 && !s.empty()) s.insert(rng() % s.size(), "\xC3");  // invalid UTF-8
    ASSERT_EQ(FoldCase(s), whole(s)) << "text: " << s;
  }
}

TEST(Utf8, CharacterClasses) {
  EXPECT_TRUE(IsLetter(0x00C5));  // Å
  EXPECT_TRUE(IsUpper(0x00C5));
  EXPECT_FALSE(IsUpper('a'));
  EXPECT_TRUE(IsDigit('7'));
  EXPECT_TRUE(IsSpace(0x00A0));
  EXPECT_FALSE(IsLetter('-'));
}

}  // namespace
}  // namespace parallax
