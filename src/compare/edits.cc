// Copied sentences with a changed value.
//
// Outlets copy sentences from the wire and from each other, and edit them: a corrected count,
// another day, a name respelled, a rank added to a title, a word changed inside a quote. Two
// sentences of different articles in one aligned fact whose words are the same up to a few
// edits are compared word by word (longest common subsequence over folded words, punctuation
// left out). Each run of differing words ("hunk") that changes a value is a conflict, with the
// highest confidence parallax gives: the rest of the sentence shows that both outlets state
// the same claim. What changes no value is ignored: "2" for "two", "per cent" for "%", a word
// added, dropped or replaced outside a quote, a different dateline (a publication date, not a
// claim). Such pairs are marked as copies, and the looser detectors (values.cc) skip them.
// Tested by compare_test.cc.
#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "analyze/lexicon.h"
#include "compare/conflicts.h"
#include "text/similarity.h"
#include "text/utf8.h"
#include "util/hash.h"
#include "util/strings.h"

namespace parallax {
namespace {

// Copies: at least this many shared words, and at most this share of either sentence edited.
// A one-value change in a 4-word headline passes; two paraphrases of one claim ("cast ballots
// Thursday" / "voted Sunday") share far less.
constexpr size_t kMinSharedWords = 4;
constexpr double kMaxEditedShare = 0.3;
// Sentences longer than this (words) are not diffed: a run-on table or list, not a claim.
constexpr size_t kMaxWords = 200;

constexpr double kValueConfidence = 0.95;
constexpr double kEditConfidence = 0.9;

struct Hunk {
  // Word indexes into the sentence (punctuation excluded from the diff, kept in the text):
  // [a_begin, a_end) in A, [b_begin, b_end) in B; a side may be empty (an insertion).
  uint32_t a_begin, a_end, b_begin, b_end;
  // Matched words around it, for the subject.
  uint32_t a_context_begin, a_context_end;
};

std::vector<uint32_t> DiffWords(const Sentence& s) {
  std::vector<uint32_t> out;
  for (uint32_t i = 0; i < s.words.size(); ++i) {
    if (s.words[i].kind != TokenKind::kPunct) out.push_back(i);
  }
  return out;
}

// Pairs of matched positions (into `a`, `b`) of a longest common subsequence; written here
// because it is a dozen lines over words with their offsets, which no Debian diff library
// (they work on lines of text) returns.
std::vector<std::pair<uint32_t, uint32_t>> CommonWords(const Sentence& sa,
                                                       const std::vector<uint32_t>& a,
                                                       const Sentence& sb,
                                                       const std::vector<uint32_t>& b) {
  const size_t n = a.size(), m = b.size();
  std::vector<uint16_t> table((n + 1) * (m + 1), 0);
  auto at = [&](size_t i, size_t j) -> uint16_t& { return table[i * (m + 1) + j]; };
  for (size_t i = n; i-- > 0;) {
    for (size_t j = m; j-- > 0;) {
      at(i, j) = sa.words[a[i]].norm == sb.words[b[j]].norm
                     ? static_cast<uint16_t>(at(i + 1, j + 1) + 1)
                     : std::max(at(i + 1, j), at(i, j + 1));
    }
  }
  std::vector<std::pair<uint32_t, uint32_t>> out;
  for (size_t i = 0, j = 0; i < n && j < m;) {
    if (sa.words[a[i]].norm == sb.words[b[j]].norm) {
      out.emplace_back(static_cast<uint32_t>(i++), static_cast<uint32_t>(j++));
    } else if (at(i + 1, j) >= at(i, j + 1)) {
      ++i;
    } else {
      ++j;
    }
  }
  return out;
}

// The value a word states as a number ("42", "1,200", "two", "13-inch", "3rd"), or -1.
double NumberValue(const Word& w) {
  if (w.kind == TokenKind::kWord) {
    double v = NumberWordValue(w.norm);
    if (v >= 0) return v;
  }
  if (w.norm.empty() || w.norm[0] < '0' || w.norm[0] > '9') return -1;
  std::string digits;
  for (char c : w.norm) {
    if (c == ',') continue;
    if ((c < '0' || c > '9') && c != '.') break;
    digits += c;
  }
  return std::strtod(digits.c_str(), nullptr);
}

std::vector<double> NumbersOf(const Sentence& s, uint32_t begin, uint32_t end) {
  std::vector<double> out;
  for (uint32_t i = begin; i < end; ++i) {
    double v = NumberValue(s.words[i]);
    if (v >= 0) out.push_back(v);
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Month and weekday names, capitalised: "March" (the month), "Tuesday".
std::vector<int> CalendarWordsOf(const Sentence& s, uint32_t begin, uint32_t end) {
  std::vector<int> out;
  for (uint32_t i = begin; i < end; ++i) {
    const Word& w = s.words[i];
    if (!w.upper_initial) continue;
    if (int m = MonthNumber(w.norm); m > 0 && w.norm.size() >= 3) out.push_back(m);
    if (int d = WeekdayNumber(w.norm); d >= 0) out.push_back(100 + d);
  }
  return out;
}

bool AllRanks(const Sentence& s, uint32_t begin, uint32_t end) {
  for (uint32_t i = begin; i < end; ++i) {
    if (RankOf(s.words[i].norm).empty()) return false;
  }
  return true;
}

bool AllCapitalised(const Sentence& s, uint32_t begin, uint32_t end) {
  for (uint32_t i = begin; i < end; ++i) {
    const Word& w = s.words[i];
    if (w.kind != TokenKind::kWord || !w.upper_initial || w.all_upper) return false;
  }
  return true;
}

// The quotation of `d` holding words [begin, end) of sentence `si`, or nullptr.
const QuoteMention* QuoteAround(const Document& d, uint32_t si, uint32_t begin, uint32_t end) {
  const Sentence& s = d.sentences[si];
  for (const QuoteMention& q : d.quotes) {
    if (s.words[begin].begin >= q.span.begin && s.words[end - 1].end <= q.span.end) return &q;
  }
  return nullptr;
}

// The quotation around bytes [begin, end) of `d`'s text, found from the quotation marks of its
// paragraph: an odd number of straight marks before it, or an opening curly mark not yet
// closed, and a closing mark after it. A fallback for quotes the extractor could not pair
// (scraped text with a space before the closing mark: `night. "`); returns the quoted text
// without the marks, or "" when the range is not inside a quotation.
std::string QuotedTextAround(const Document& d, const Sentence& s, uint32_t begin, uint32_t end) {
  if (s.paragraph >= d.paragraphs.size()) return "";
  const Span p = d.paragraphs[s.paragraph];
  std::string_view text = d.article->text;
  std::string_view before = text.substr(p.begin, begin - p.begin);
  std::string_view after = text.substr(end, p.end - end);
  size_t straight = std::count(before.begin(), before.end(), '"');
  size_t open_curly = before.rfind("\u201c"), close_curly = before.rfind("\u201d");
  size_t open = std::string_view::npos, close = std::string_view::npos;
  if (straight % 2 == 1 && after.find('"') != std::string_view::npos) {
    open = before.rfind('"') + 1;
    close = after.find('"');
  } else if (open_curly != std::string_view::npos &&
             (close_curly == std::string_view::npos || close_curly < open_curly) &&
             after.find("\u201d") != std::string_view::npos) {
    open = open_curly + 3;
    close = after.find("\u201d");
  }
  if (open == std::string_view::npos) return "";
  std::string quoted = std::string(before.substr(open)) +
                       std::string(text.substr(begin, end - begin)) +
                       std::string(after.substr(0, close));
  return std::string(Trim(quoted));
}

struct Side {
  const Document& doc;
  SentenceRef ref;
  const Sentence& s;
  uint32_t begin, end;  // the hunk, word indexes into s
  std::string Text(uint32_t b, uint32_t e) const {
    if (b >= e) return "";
    return doc.article->text.substr(s.words[b].begin, s.words[e - 1].end - s.words[b].begin);
  }
  std::string HunkText() const { return Text(begin, end); }
  std::string Norms() const {
    std::string out;
    for (uint32_t i = begin; i < end; ++i) out += (out.empty() ? "" : " ") + s.words[i].norm;
    return out;
  }
};

// The title the hunk changes, as written: the role the analysis found there ("Woodburn Police
// acting Chief"), else the rank words and the role words after them ("deputy Minister").
std::string TitleText(const Side& x) {
  const uint32_t at = x.s.words[std::min<size_t>(x.end, x.s.words.size() - 1)].begin;
  for (const RoleMention& r : x.doc.roles) {
    if (r.sentence == x.ref.sentence && r.span.begin <= at && at < r.span.end) return r.text;
  }
  uint32_t end = x.end;
  while (end < x.s.words.size() && end < x.end + 3 && x.s.words[end].kind == TokenKind::kWord &&
         (IsRoleNoun(x.s.words[end].norm) || IsRoleModifier(x.s.words[end].norm))) {
    ++end;
  }
  return x.Text(x.begin, end);
}

// The person whose title a hunk changes ("Maren Ostby"), or "".
std::string TitleHolder(const Side& x) {
  const uint32_t at = x.s.words[std::min<size_t>(x.end, x.s.words.size() - 1)].begin;
  for (const RoleMention& r : x.doc.roles) {
    if (r.sentence == x.ref.sentence && r.span.begin <= at && at < r.span.end)
      return x.doc.entities[r.entity].text;
  }
  return "";
}

// Who is quoted, when either side's quotation has a named speaker ("Petter Lund"), or "".
std::string QuoteSpeaker(const Side& a, const Side& b) {
  for (const Side* x : {&a, &b}) {
    if (x->begin == x->end) continue;
    const QuoteMention* q = QuoteAround(x->doc, x->ref.sentence, x->begin, x->end);
    if (q && q->speaker >= 0) return x->doc.entities[static_cast<size_t>(q->speaker)].text;
  }
  return "";
}

// The entity mention around a name hunk, as written ("Eastern Conferance"), else the hunk.
std::string NameText(const Side& x) {
  for (const EntityMention& e : x.doc.entities) {
    if (e.sentence == x.ref.sentence && e.first_word <= x.begin && e.last_word >= x.end)
      return e.text;
  }
  return x.HunkText();
}

// The date expression holding the hunk, or nullptr.
const DateMention* DateAround(const Side& x) {
  if (x.begin == x.end) return nullptr;
  for (const DateMention& m : x.doc.dates) {
    if (m.sentence == x.ref.sentence && m.span.begin <= x.s.words[x.begin].begin &&
        x.s.words[x.end - 1].end <= m.span.end) {
      return &m;
    }
  }
  return nullptr;
}

// The quotation holding the hunk: the extractor's, else the one its marks delimit.
std::string QuoteText(const Side& x) {
  if (const QuoteMention* q = QuoteAround(x.doc, x.ref.sentence, x.begin, x.end)) return q->text;
  return QuotedTextAround(x.doc, x.s, x.s.words[x.begin].begin, x.s.words[x.end - 1].end);
}

bool NearNames(const Side& a, const Side& b) {
  if (a.end - a.begin != b.end - b.begin) return false;
  for (uint32_t i = 0; i < a.end - a.begin; ++i) {
    if (!Respelled(a.s.words[a.begin + i].norm, b.s.words[b.begin + i].norm)) return false;
  }
  return true;
}

struct Verdict {
  ConflictKind kind = ConflictKind::kOther;
  std::string a_value, b_value, a_key, b_key;
  double confidence = 0;
};

// The letters and digits of a hunk, folded: "I'm" and "I ’ m", "re-election" and "re election",
// "3-1" and "3–1" are the same words split differently.
std::string Letters(const Side& x) {
  std::string out;
  for (uint32_t i = x.begin; i < x.end; ++i) {
    for (char c : x.s.words[i].norm) {
      if (static_cast<unsigned char>(c) >= 0x80 || std::isalnum(static_cast<unsigned char>(c)))
        out += c;
    }
  }
  // Curly apostrophes and quotes are multi-byte: drop their bytes too.
  for (std::string_view mark : {"\u2019", "\u2018", "\u201c", "\u201d"}) {
    for (size_t at = out.find(mark); at != std::string::npos; at = out.find(mark))
      out.erase(at, mark.size());
  }
  return out;
}

// What a hunk changes, if it changes a value (confidence 0 otherwise).
Verdict Classify(const Side& a, const Side& b) {
  Verdict v;
  bool a_empty = a.begin == a.end, b_empty = b.begin == b.end;
  if (a_empty && b_empty) return v;
  if (Letters(a) == Letters(b)) return v;
  // Numbers: the same values written differently ("two" / "2") are no change.
  std::vector<double> na = NumbersOf(a.s, a.begin, a.end), nb = NumbersOf(b.s, b.begin, b.end);
  if (!na.empty() && !nb.empty()) {
    if (na == nb) return v;
    v.kind = ConflictKind::kNumber;
    v.a_value = a.HunkText(), v.b_value = b.HunkText();
    v.a_key = a.Norms(), v.b_key = b.Norms();
    v.confidence = kValueConfidence;
    return v;
  }
  // A relative day changed ("last week" / "this week"), compared once resolved against each
  // article's own date.
  const DateMention* da = DateAround(a);
  const DateMention* db = DateAround(b);
  if (da && db && da->kind == DateMention::Kind::kRelative &&
      db->kind == DateMention::Kind::kRelative) {
    auto ra = RangeOf(a.doc, *da), rb = RangeOf(b.doc, *db);
    bool differ = ra && rb ? (ra->last < rb->first || rb->last < ra->first)
                           : da->normalized != db->normalized;
    if (!differ) return v;
    v.kind = ConflictKind::kDate;
    v.a_value = da->text, v.b_value = db->text;
    v.a_key = ra ? std::to_string(ra->first) : da->normalized;
    v.b_key = rb ? std::to_string(rb->first) : db->normalized;
    v.confidence = kValueConfidence;
    return v;
  }
  std::vector<int> ca = CalendarWordsOf(a.s, a.begin, a.end),
                   cb = CalendarWordsOf(b.s, b.begin, b.end);
  if (!ca.empty() && !cb.empty() && ca != cb) {
    v.kind = ConflictKind::kDate;
    v.a_value = a.HunkText(), v.b_value = b.HunkText();
    v.a_key = a.Norms(), v.b_key = b.Norms();
    v.confidence = kValueConfidence;
    return v;
  }
  // A rank added, dropped or changed before a title ("Prime Minister" / "Prime deputy Minister").
  bool a_rank = !a_empty && AllRanks(a.s, a.begin, a.end),
       b_rank = !b_empty && AllRanks(b.s, b.begin, b.end);
  if ((a_rank || a_empty) && (b_rank || b_empty) && (a_rank || b_rank)) {
    uint32_t after = a.end;  // the word after the hunk in A is the title's next word
    if (after < a.s.words.size() &&
        (a.s.words[after].upper_initial || IsRoleNoun(a.s.words[after].norm))) {
      v.kind = ConflictKind::kTitle;
      v.a_value = TitleText(a), v.b_value = TitleText(b);
      v.a_key = a.Norms(), v.b_key = b.Norms();
      v.confidence = kEditConfidence;
      return v;
    }
  }
  if (a_empty || b_empty) return v;
  // A name respelled ("Lindqvist" / "Lindqvast"); another name altogether in a copied sentence is
  // more often a reworded attribution ("told AP" / "told Reuters") than a disagreement.
  if (AllCapitalised(a.s, a.begin, a.end) && AllCapitalised(b.s, b.begin, b.end) &&
      NearNames(a, b)) {
    v.kind = ConflictKind::kName;
    v.a_value = NameText(a), v.b_value = NameText(b);
    v.a_key = a.Norms(), v.b_key = b.Norms();
    v.confidence = kEditConfidence;
    return v;
  }
  // A word changed inside a quotation: the quote itself differs.
  std::string qa = QuoteText(a), qb = QuoteText(b);
  if (!qa.empty() && !qb.empty()) {
    v.kind = ConflictKind::kQuote;
    v.a_key = FoldCase(qa), v.b_key = FoldCase(qb);
    v.a_value = std::move(qa), v.b_value = std::move(qb);
    v.confidence = kEditConfidence;
  }
  return v;
}

// The hunks of two sentences that are copies of one another, or none when they are not.
std::vector<Hunk> Hunks(const Sentence& sa, const Sentence& sb, bool* copies) {
  *copies = false;
  std::vector<uint32_t> a = DiffWords(sa), b = DiffWords(sb);
  if (a.size() < kMinSharedWords || b.size() < kMinSharedWords || a.size() > kMaxWords ||
      b.size() > kMaxWords) {
    return {};
  }
  auto common = CommonWords(sa, a, sb, b);
  const size_t shared = common.size();
  if (shared < kMinSharedWords || a.size() - shared > kMaxEditedShare * a.size() + 1 ||
      b.size() - shared > kMaxEditedShare * b.size() + 1) {
    return {};
  }
  *copies = true;
  if (IsDateline(sa) || IsDateline(sb)) return {};
  std::vector<Hunk> out;
  // Sentinels: before the first word and after the last.
  common.insert(common.begin(), {UINT32_MAX, UINT32_MAX});
  common.emplace_back(static_cast<uint32_t>(a.size()), static_cast<uint32_t>(b.size()));
  for (size_t k = 1; k < common.size(); ++k) {
    uint32_t ia = common[k - 1].first + 1,
             ib = common[k - 1].second + 1;  // wraps to 0 at the start
    uint32_t ja = common[k].first, jb = common[k].second;
    if (ia == ja && ib == jb) continue;
    auto word = [&](const std::vector<uint32_t>& idx, const Sentence& s, uint32_t i) {
      return i < idx.size() ? idx[i] : static_cast<uint32_t>(s.words.size());
    };
    Hunk h;
    // Word ranges in the sentences; an empty side sits just before the next matched word.
    h.a_begin = word(a, sa, ia);
    h.a_end = ia == ja ? h.a_begin : a[ja - 1] + 1;
    h.b_begin = word(b, sb, ib);
    h.b_end = ib == jb ? h.b_begin : b[jb - 1] + 1;
    h.a_context_begin = a[ia >= 3 ? ia - 3 : 0];
    h.a_context_end = ja + 3 <= a.size() ? a[ja + 2] + 1 : static_cast<uint32_t>(sa.words.size());
    out.push_back(h);
  }
  return out;
}

// "Comeaux, … escaped from a": the matched words around the change, as written in A.
std::string Subject(const Side& a, const Hunk& h) {
  std::string before = a.Text(h.a_context_begin, h.a_begin);
  std::string after = a.Text(h.a_end, h.a_context_end);
  if (Trim(before).empty() && Trim(after).empty()) return "the same sentence";
  return std::string(Trim(before)) + " … " + std::string(Trim(after));
}

// The members of one fact that share one wording (folded words, punctuation aside).
using Variant = std::vector<SentenceRef>;

// A wire sentence printed by forty outlets is diffed once against each other wording, not forty
// times forty; past kMaxVariants wordings of one claim the rest are not diffed (a story with
// that many rewrites of one sentence is a template, not a claim).
constexpr size_t kMaxVariants = 32;

std::vector<Variant> Variants(const StoryView& v, const Fact& fact) {
  std::unordered_map<uint64_t, size_t> index;
  std::vector<Variant> out;
  for (const SentenceRef& r : fact.members) {
    uint64_t h = 0;
    for (const Word& w : v.docs[r.doc]->sentences[r.sentence].words) {
      if (w.kind != TokenKind::kPunct) h = HashCombine(h, Hash64(w.norm));
    }
    auto [it, inserted] = index.try_emplace(h, out.size());
    if (inserted) {
      if (out.size() == kMaxVariants) continue;
      out.emplace_back();
    }
    if (it->second < out.size()) out[it->second].push_back(r);
  }
  return out;
}

void ComparePair(const StoryView& v, const Variant& va, const Variant& vb, uint32_t fact,
                 ConflictSet* out) {
  const SentenceRef ra = va.front(), rb = vb.front();
  const Document& A = *v.docs[ra.doc];
  const Document& B = *v.docs[rb.doc];
  const Sentence& sa = A.sentences[ra.sentence];
  const Sentence& sb = B.sentences[rb.sentence];
  bool copies = false;
  std::vector<Hunk> hunks = Hunks(sa, sb, &copies);
  if (!copies) return;
  out->MarkCopies(ra, rb);
  // An article on both sides (its title and body worded differently) does not disagree with
  // itself: only the other articles are set against each other.
  std::set<uint32_t> in_a;
  for (SentenceRef r : va) in_a.insert(v.article_of[r.doc]);
  for (const Hunk& h : hunks) {
    Side a{A, ra, sa, h.a_begin, h.a_end}, b{B, rb, sb, h.b_begin, h.b_end};
    Verdict verdict = Classify(a, b);
    if (verdict.confidence <= 0) continue;
    std::string subject = verdict.kind == ConflictKind::kTitle   ? TitleHolder(a)
                          : verdict.kind == ConflictKind::kQuote ? QuoteSpeaker(a, b)
                                                                 : "";
    if (subject.empty()) subject = Subject(a, h);
    std::string key = "edit|" + std::to_string(fact) + "|" + subject;
    for (SentenceRef r : va) {
      out->Add(key, verdict.kind, subject, verdict.a_key, verdict.a_value, r.doc, r.sentence,
               verdict.confidence);
    }
    for (SentenceRef r : vb) {
      if (in_a.count(v.article_of[r.doc])) continue;
      out->Add(key, verdict.kind, subject, verdict.b_key, verdict.b_value, r.doc, r.sentence,
               verdict.confidence);
    }
  }
}

}  // namespace

// A dateline or timestamp ("4 October 2013, 18:07 (GMT+05:00)", "Updated 4/9/2007 6:04 PM"):
// mostly numbers and calendar words. Two outlets' datelines differ because they published at
// different times, which is no disagreement.
bool IsDateline(const Sentence& s) {
  size_t words = 0, calendar = 0;
  for (const Word& w : s.words) {
    if (w.kind == TokenKind::kPunct) continue;
    ++words;
    calendar += w.kind == TokenKind::kNumber || MonthNumber(w.norm) > 0 ||
                WeekdayNumber(w.norm) >= 0 || IsClockSuffix(w.norm) || w.norm == "gmt" ||
                w.norm == "utc" || w.norm == "et" || w.norm == "updated" || w.norm == "posted" ||
                w.norm == "published" || w.norm == "last";
  }
  return calendar * 2 >= words;
}

void FindEditConflicts(const StoryView& v, ConflictSet* out) {
  for (uint32_t f = 0; f < v.alignment.facts.size(); ++f) {
    std::vector<Variant> variants = Variants(v, v.alignment.facts[f]);
    if (variants.size() < 2) continue;
    for (const Variant& variant : variants) {
      for (SentenceRef r : variant) out->SetWording(r, variant.front());
    }
    for (size_t i = 0; i < variants.size(); ++i) {
      for (size_t j = i + 1; j < variants.size(); ++j)
        ComparePair(v, variants[i], variants[j], f, out);
    }
  }
}

}  // namespace parallax
