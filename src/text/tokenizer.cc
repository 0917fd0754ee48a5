// Tokenizer over UTF-8 with utf8proc's character classes. Hand-written rather than ICU's word
// break iterator because parallax needs news-specific decisions (possessives split, dotted
// acronyms and hyphenated names kept, numbers with separators) and byte offsets; the rules fit
// in one small state machine. Tested by tokenizer_test.cc.
#include "text/tokenizer.h"

#include <cstdlib>

#include "text/utf8.h"

namespace parallax {
namespace {

struct Cursor {
  std::string_view text;
  size_t end;
  int32_t CpAt(size_t pos, int* len) const {
    if (pos >= end) {
      *len = 0;
      return -1;
    }
    int32_t cp;
    *len = DecodeAt(text, pos, &cp);
    return cp;
  }
};

bool IsWordChar(int32_t cp) { return cp >= 0 && (IsLetter(cp) || IsDigit(cp) || IsMark(cp)); }
bool IsApostrophe(int32_t cp) { return cp == '\'' || cp == 0x2019; }
bool IsHyphen(int32_t cp) { return cp == '-' || cp == 0x2010 || cp == 0x2011; }

// Length of "'s" / "’s" at pos when it ends a word, else 0.
size_t PossessiveAt(const Cursor& c, size_t pos) {
  int n1, n2, n3;
  int32_t a = c.CpAt(pos, &n1);
  if (!IsApostrophe(a)) return 0;
  int32_t s = c.CpAt(pos + n1, &n2);
  if (s != 's' && s != 'S') return 0;
  int32_t after = c.CpAt(pos + n1 + n2, &n3);
  if (IsWordChar(after)) return 0;
  return static_cast<size_t>(n1) + static_cast<size_t>(n2);
}

// Scans a dotted acronym ("U.S.", "a.m.") starting at a letter; returns its end or 0.
size_t DottedAcronymEnd(const Cursor& c, size_t pos) {
  size_t p = pos;
  int parts = 0;
  while (true) {
    int n1, n2;
    int32_t l = c.CpAt(p, &n1);
    if (!(l >= 0 && IsLetter(l))) break;
    int32_t dot = c.CpAt(p + n1, &n2);
    if (dot != '.') break;
    p += n1 + n2;
    ++parts;
    int n3;
    int32_t next = c.CpAt(p, &n3);
    if (!(next >= 0 && IsLetter(next))) break;
    int n4;
    int32_t after = c.CpAt(p + n3, &n4);
    if (after != '.') break;  // "U.S" + letter + not dot: stop before it
  }
  return parts >= 2 ? p : 0;
}

size_t ScanNumber(const Cursor& c, size_t pos) {
  size_t p = pos;
  while (true) {
    int n;
    int32_t cp = c.CpAt(p, &n);
    if (cp >= 0 && IsDigit(cp)) {
      p += n;
      continue;
    }
    if (cp == ',' || cp == '.') {
      int n2;
      int32_t next = c.CpAt(p + n, &n2);
      if (next >= 0 && IsDigit(next)) {
        p += n;
        continue;
      }
    }
    return p;
  }
}

size_t ScanWord(const Cursor& c, size_t pos) {
  size_t p = pos;
  while (true) {
    int n;
    int32_t cp = c.CpAt(p, &n);
    if (IsWordChar(cp)) {
      p += n;
      continue;
    }
    if ((IsHyphen(cp) || IsApostrophe(cp)) && !PossessiveAt(c, p)) {
      int n2;
      int32_t next = c.CpAt(p + n, &n2);
      if (next >= 0 && IsLetter(next)) {
        p += n;
        continue;
      }
    }
    return p;
  }
}

void SetCase(std::string_view text, Token* t) {
  bool first = true;
  int letters = 0, upper = 0;
  for (size_t p = t->begin; p < t->end;) {
    int32_t cp;
    p += DecodeAt(text, p, &cp);
    if (!IsLetter(cp)) continue;
    ++letters;
    bool up = IsUpper(cp);
    upper += up;
    if (first) t->upper_initial = up;
    first = false;
  }
  t->all_upper = letters >= 2 && upper == letters;
}

}  // namespace

std::vector<Token> Tokenize(std::string_view text, uint32_t span_begin, uint32_t span_end) {
  std::vector<Token> out;
  Cursor c{text, span_end};
  size_t pos = span_begin;
  while (pos < span_end) {
    int n;
    int32_t cp = c.CpAt(pos, &n);
    if (IsSpace(cp) || cp == 0xFEFF || cp == 0x200B) {
      pos += n;
      continue;
    }
    Token t;
    t.begin = static_cast<uint32_t>(pos);
    size_t end;
    if (size_t pe = PossessiveAt(c, pos);
        pe && !out.empty() && out.back().end == pos && out.back().kind == TokenKind::kWord) {
      end = pos + pe;
      t.kind = TokenKind::kWord;
    } else if (IsDigit(cp)) {
      end = ScanNumber(c, pos);
      t.kind = TokenKind::kNumber;
    } else if (IsLetter(cp)) {
      size_t acro = DottedAcronymEnd(c, pos);
      end = acro ? acro : ScanWord(c, pos);
      t.kind = TokenKind::kWord;
    } else {
      end = pos + n;
      t.kind = TokenKind::kPunct;
    }
    t.end = static_cast<uint32_t>(end);
    if (t.kind == TokenKind::kWord) SetCase(text, &t);
    t.norm = FoldCase(text.substr(t.begin, t.end - t.begin));
    out.push_back(std::move(t));
    pos = end;
  }
  return out;
}

double NumberValue(std::string_view norm) {
  std::string clean;
  for (size_t i = 0; i < norm.size(); ++i) {
    char ch = norm[i];
    if (ch == ',') {
      size_t digits = 0;
      while (i + 1 + digits < norm.size() && norm[i + 1 + digits] >= '0' &&
             norm[i + 1 + digits] <= '9') {
        ++digits;
      }
      if (digits == 3) continue;  // thousands separator
      clean += '.';
    } else if ((ch >= '0' && ch <= '9') || ch == '.') {
      clean += ch;
    }
  }
  return std::strtod(clean.c_str(), nullptr);
}

}  // namespace parallax
