// Quotations and their speakers.
//
// Quote marks are paired per paragraph: “ ” and « » always; ASCII " by position (an opener
// follows a space or starts the paragraph, a closer follows a word); ‘ ’ and ASCII ' only
// outside a double quotation and only when the opener precedes a letter and the closer
// follows a word, so that apostrophes ("the proxies' actions") never open a quotation. A
// quotation may span sentences; one still open at the end of its paragraph counts only when
// the next paragraph opens with a quote mark (the convention for quotes running over several
// paragraphs). Fewer than three words is a scare quote (a “working visit”), not a quotation.
//
// The speaker comes from the words around the marks, after the closer first: "“…,” X said",
// "“…,” said X", "X said: “…”", "according to X", "X told reporters", "“…,” he said" (the last
// person named before the quotation), "the spokesman said" (the last person given that
// title). A quotation without attribution continues the previous one's speaker in the same
// paragraph ("“A,” he said. “B.”"). Everything is bounded windows: linear in the text.
// Tested by quotes_test.cc.
#include <algorithm>
#include <optional>
#include <unordered_map>

#include "analyze/analyze.h"
#include "analyze/lexicon.h"
#include "text/stemmer.h"

namespace parallax {
namespace {

// Words searched for the attribution after a closing mark or before an opening one.
constexpr uint32_t kAfterWindow = 16;
constexpr uint32_t kBeforeWindow = 20;
constexpr int kMinQuoteWords = 3;
// Tokens a single-quoted passage may span; further apart, the marks are apostrophes.
constexpr uint32_t kMaxSingleQuoteTokens = 80;

enum class Family : uint8_t { kDouble, kGuillemet, kSingle };
enum class Side : uint8_t { kOpen, kClose, kEither, kNone };

struct Mark {
  uint32_t sentence = 0, word = 0;
  Family family = Family::kDouble;
  Side side = Side::kNone;
  uint32_t ordinal = 0;  // token index within the paragraph
};

struct Pos {
  uint32_t sentence = 0, word = 0;
  bool operator<(const Pos& o) const {
    return sentence != o.sentence ? sentence < o.sentence : word < o.word;
  }
};

bool IsSpaceByte(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

class QuoteFinder {
 public:
  explicit QuoteFinder(Document* doc);
  void FindInParagraph(uint32_t first_sentence, uint32_t end_sentence);

 private:
  Mark Classify(uint32_t si, uint32_t wi) const;
  void Emit(const Mark& open, const Mark& close, bool to_paragraph_end);
  void SetSpeaker(int speaker, QuoteMention* q) const;
  bool OpensNextParagraph(uint32_t end_sentence, Family family) const;
  int Speaker(const Mark& open, const Mark& close) const;
  int SpeakerAfter(const Mark& close, Pos quote_start) const;
  int SpeakerBefore(const Mark& open) const;
  int SpeakerAround(uint32_t si, uint32_t verb, uint32_t from, Pos quote_start) const;
  int EntityEndingAt(uint32_t si, uint32_t end) const;
  int FirstEntityIn(uint32_t si, uint32_t begin, uint32_t end) const;
  int LastPersonBefore(Pos pos) const;
  int PersonWithRole(std::string_view role_noun, Pos pos) const;
  int ResolveWord(uint32_t si, uint32_t wi, Pos quote_start) const;

  Document* doc_;
  std::string_view text_;
  std::vector<uint32_t> first_entity_;  // per sentence, its first entity (+ sentinel)
  std::vector<int> last_person_;        // per sentence, the last person in earlier sentences
  // Per role head stem, (sentence, entity) in sentence order.
  std::unordered_map<std::string, std::vector<std::pair<uint32_t, uint32_t>>> roles_;
  int previous_speaker_ = -1;  // of the last quotation in this paragraph
  // Quotations running on into the next paragraph: they take the speaker of the first
  // quotation there ("“A.\n“B,” she said.").
  std::vector<size_t> continued_;
};

QuoteFinder::QuoteFinder(Document* doc) : doc_(doc), text_(doc->article->text) {
  const auto ns = static_cast<uint32_t>(doc->sentences.size());
  first_entity_ = FirstEntityPerSentence(*doc);
  // Prefix tables, so that resolving "he said" or "the spokesman said" costs O(1) searches
  // however many quotations and mentions an article has.
  last_person_.assign(ns + 1, -1);
  for (uint32_t si = 0; si < ns; ++si) {
    last_person_[si + 1] = last_person_[si];
    for (uint32_t i = first_entity_[si]; i < first_entity_[si + 1]; ++i) {
      if (doc->entities[i].type == EntityType::kPerson) last_person_[si + 1] = static_cast<int>(i);
    }
  }
  for (const RoleMention& r : doc->roles) roles_[r.head].push_back({r.sentence, r.entity});
}

// Which quote mark the punctuation word is, and which side it can be on, from the bytes
// around it.
Mark QuoteFinder::Classify(uint32_t si, uint32_t wi) const {
  const Word& w = doc_->sentences[si].words[wi];
  Mark m{si, wi, Family::kDouble, Side::kNone, 0};
  if (w.kind != TokenKind::kPunct) return m;
  std::string_view raw = text_.substr(w.begin, w.end - w.begin);
  char before = w.begin > 0 ? text_[w.begin - 1] : ' ';
  char after = w.end < text_.size() ? text_[w.end] : ' ';
  bool space_before = IsSpaceByte(before) || before == '(' || before == '[';
  bool space_after = IsSpaceByte(after);
  if (raw == "\xE2\x80\x9C" || raw == "\xE2\x80\x9D") {  // “ ”
    m.side = raw == "\xE2\x80\x9C" ? Side::kOpen : Side::kClose;
  } else if (raw == "\xC2\xAB" || raw == "\xC2\xBB") {  // « »
    m.family = Family::kGuillemet;
    m.side = raw == "\xC2\xAB" ? Side::kOpen : Side::kClose;
  } else if (raw == "\"") {
    // Opens after a space, closes after a word; `said,"The` could be either.
    if (space_before) {
      m.side = space_after ? Side::kNone : Side::kOpen;
    } else {
      m.side = space_after ? Side::kClose : Side::kEither;
    }
  } else if (raw == "\xE2\x80\x98" || raw == "\xE2\x80\x99" || raw == "'") {  // ‘ ’ '
    m.family = Family::kSingle;
    bool letter_after = IsAsciiLetter(after) || static_cast<unsigned char>(after) >= 0x80;
    bool can_open = raw != "\xE2\x80\x99" && space_before && letter_after;
    bool can_close = raw != "\xE2\x80\x98" && !space_before && !IsAsciiLetter(after);
    m.side = can_open ? Side::kOpen : can_close ? Side::kClose : Side::kNone;
  }
  return m;
}

// Pairs the marks of one paragraph. Each family has its own open slot, so that a stray
// opening mark of one kind does not swallow the quotations of another; single quotes are
// ignored inside double ones (nested quotes, apostrophes), and a single quote left open
// longer than kMaxSingleQuoteTokens was an apostrophe.
void QuoteFinder::FindInParagraph(uint32_t first_sentence, uint32_t end_sentence) {
  previous_speaker_ = -1;
  const size_t first_quote = doc_->quotes.size();
  std::optional<Mark> open[3];  // by Family
  uint32_t ordinal = 0;
  for (uint32_t si = first_sentence; si < end_sentence; ++si) {
    const Sentence& s = doc_->sentences[si];
    for (uint32_t wi = 0; wi < s.words.size(); ++wi, ++ordinal) {
      if (s.words[wi].kind != TokenKind::kPunct) continue;
      Mark m = Classify(si, wi);
      if (m.side == Side::kNone) continue;
      m.ordinal = ordinal;
      auto& slot = open[static_cast<int>(m.family)];
      if (m.family == Family::kSingle) {
        if (open[0] || open[1]) continue;
        if (slot && ordinal - slot->ordinal > kMaxSingleQuoteTokens) slot.reset();
      }
      if (slot && (m.side == Side::kClose || m.side == Side::kEither)) {
        Emit(*slot, m, false);
        slot.reset();
      } else if (m.side == Side::kOpen || m.side == Side::kEither) {
        slot = m;  // an unclosed earlier opener of the family is dropped
      }
    }
  }
  // Reading order, whatever order nested quotations closed in.
  std::stable_sort(
      doc_->quotes.begin() + static_cast<std::ptrdiff_t>(first_quote), doc_->quotes.end(),
      [](const QuoteMention& a, const QuoteMention& b) { return a.span.begin < b.span.begin; });
  for (const auto& slot : open) {
    if (!slot || !OpensNextParagraph(end_sentence, slot->family)) continue;
    const Sentence& last = doc_->sentences[end_sentence - 1];
    Mark end{end_sentence - 1, static_cast<uint32_t>(last.words.size()), slot->family,
             Side::kClose};
    Emit(*slot, end, true);
  }
}

bool QuoteFinder::OpensNextParagraph(uint32_t end_sentence, Family family) const {
  if (end_sentence >= doc_->sentences.size()) return false;
  Mark m = Classify(end_sentence, 0);
  return m.family == family && (m.side == Side::kOpen || m.side == Side::kEither);
}

void QuoteFinder::Emit(const Mark& open, const Mark& close, bool to_paragraph_end) {
  const auto& sentences = doc_->sentences;
  const Word& o = sentences[open.sentence].words[open.word];
  uint32_t end_byte = to_paragraph_end ? sentences[close.sentence].span.end
                                       : sentences[close.sentence].words[close.word].begin;
  // Count the words inside, stopping as soon as there are enough.
  int words = 0;
  for (Pos p{open.sentence, open.word + 1};
       words < kMinQuoteWords && p.sentence <= close.sentence;) {
    const Sentence& s = sentences[p.sentence];
    if (p.word >= s.words.size()) {
      p = {p.sentence + 1, 0};
      continue;
    }
    if (p.sentence == close.sentence && p.word >= close.word) break;
    words += s.words[p.word].kind != TokenKind::kPunct;
    ++p.word;
  }
  if (words < kMinQuoteWords) return;
  Span span = TrimSpan(text_, {o.end, end_byte});
  // The comma or period before the closing mark belongs to the attribution, not the words.
  while (!span.empty() &&
         std::string_view(",.;:").find(text_[span.end - 1]) != std::string_view::npos) {
    --span.end;
  }
  QuoteMention q;
  q.sentence = open.sentence;
  q.span = span;
  q.text = std::string(doc_->Text(span));
  int speaker = to_paragraph_end ? -1 : Speaker(open, close);
  if (speaker < 0) speaker = previous_speaker_;
  SetSpeaker(speaker, &q);
  if (speaker >= 0) {
    for (size_t i : continued_) SetSpeaker(speaker, &doc_->quotes[i]);
  }
  continued_.clear();
  if (to_paragraph_end && speaker < 0) continued_.push_back(doc_->quotes.size());
  previous_speaker_ = speaker;
  doc_->quotes.push_back(std::move(q));
}

// `speaker_key` is the surname for people ("vedant patel" -> "patel"), so that a full name
// and a later surname-only mention give the same key.
void QuoteFinder::SetSpeaker(int speaker, QuoteMention* q) const {
  q->speaker = speaker;
  if (speaker < 0) return;
  const EntityMention& e = doc_->entities[speaker];
  size_t space = e.key.rfind(' ');
  bool person = e.type == EntityType::kPerson;
  q->speaker_key = person && space != std::string::npos ? e.key.substr(space + 1) : e.key;
}

int QuoteFinder::Speaker(const Mark& open, const Mark& close) const {
  Pos start{open.sentence, open.word};
  // "X said: “…”" introduces the quote explicitly; a speech verb after it ("… left without
  // speaking to reporters") belongs to the next clause.
  const Sentence& s = doc_->sentences[open.sentence];
  if (open.word > 0 && s.words[open.word - 1].norm == ":") {
    int before = SpeakerBefore(open);
    if (before >= 0) return before;
  }
  int speaker = SpeakerAfter(close, start);
  return speaker >= 0 ? speaker : SpeakerBefore(open);
}

// "“…,” X said", "“…,” said X", "“…,” according to X".
int QuoteFinder::SpeakerAfter(const Mark& close, Pos quote_start) const {
  const Sentence& s = doc_->sentences[close.sentence];
  const auto n = static_cast<uint32_t>(s.words.size());
  for (uint32_t k = close.word + 1; k < n && k <= close.word + kAfterWindow; ++k) {
    const Word& w = s.words[k];
    if (w.kind == TokenKind::kPunct && Classify(close.sentence, k).side == Side::kOpen) break;
    if (IsSpeechVerb(w.norm) || w.norm == "according") {
      return SpeakerAround(close.sentence, k, close.word + 1, quote_start);
    }
  }
  return -1;
}

// "X said: “…”", "According to X, “…”", "He told reporters: “…”".
int QuoteFinder::SpeakerBefore(const Mark& open) const {
  const Sentence& s = doc_->sentences[open.sentence];
  uint32_t floor = open.word > kBeforeWindow ? open.word - kBeforeWindow : 0;
  for (uint32_t k = open.word; k-- > floor;) {
    const Word& w = s.words[k];
    if (w.kind == TokenKind::kPunct && Classify(open.sentence, k).side == Side::kClose) break;
    if (IsSpeechVerb(w.norm) || w.norm == "according") {
      return SpeakerAround(open.sentence, k, floor, Pos{open.sentence, open.word});
    }
  }
  return -1;
}

// The speaker of the speech verb at word `verb`: the name (or pronoun, or "the spokesman")
// right before it, else right after it, else the first name in words [from, verb) ("“…,”
// Paley, the acting envoy, said").
int QuoteFinder::SpeakerAround(uint32_t si, uint32_t verb, uint32_t from, Pos quote_start) const {
  const Sentence& s = doc_->sentences[si];
  const auto n = static_cast<uint32_t>(s.words.size());
  if (s.words[verb].norm == "according") {
    if (verb + 2 >= n || s.words[verb + 1].norm != "to") return -1;
    return FirstEntityIn(si, verb + 2, std::min(n, verb + 6));
  }
  if (verb > 0) {
    if (int e = EntityEndingAt(si, verb); e >= 0) return e;
    if (int e = ResolveWord(si, verb - 1, quote_start); e >= 0) return e;
  }
  // "said X", "said the spokesman, Vedant Patel", "said the spokesman".
  uint32_t k = verb + 1;
  if (k < n && s.words[k].norm == "the") ++k;
  if (k < n) {
    if (int e = FirstEntityIn(si, k, std::min(n, k + 6)); e >= 0) return e;
    if (int e = ResolveWord(si, k, quote_start); e >= 0) return e;
  }
  return from < verb ? FirstEntityIn(si, from, verb) : -1;
}

// A pronoun ("he said") or a title ("the spokesman said") standing for a person.
int QuoteFinder::ResolveWord(uint32_t si, uint32_t wi, Pos quote_start) const {
  const Word& w = doc_->sentences[si].words[wi];
  Pos at = std::min(Pos{si, wi}, quote_start);
  if (w.norm == "he" || w.norm == "she") return LastPersonBefore(at);
  if (w.kind == TokenKind::kWord && IsRoleNoun(w.norm)) return PersonWithRole(w.norm, at);
  return -1;
}

int QuoteFinder::EntityEndingAt(uint32_t si, uint32_t end) const {
  for (uint32_t i = first_entity_[si]; i < first_entity_[si + 1]; ++i) {
    if (doc_->entities[i].last_word == end) return static_cast<int>(i);
    if (doc_->entities[i].first_word >= end) break;
  }
  return -1;
}

// The first mention in words [begin, end), people first.
int QuoteFinder::FirstEntityIn(uint32_t si, uint32_t begin, uint32_t end) const {
  int any = -1;
  for (uint32_t i = first_entity_[si]; i < first_entity_[si + 1]; ++i) {
    const EntityMention& m = doc_->entities[i];
    if (m.first_word < begin) continue;
    if (m.last_word > end) break;
    if (m.type == EntityType::kPerson) return static_cast<int>(i);
    if (any < 0) any = static_cast<int>(i);
  }
  return any;
}

int QuoteFinder::LastPersonBefore(Pos pos) const {
  for (uint32_t i = first_entity_[pos.sentence + 1]; i-- > first_entity_[pos.sentence];) {
    const EntityMention& m = doc_->entities[i];
    if (m.type == EntityType::kPerson && m.last_word <= pos.word) return static_cast<int>(i);
  }
  return last_person_[pos.sentence];
}

// The last person given a title with this head before `pos` ("the spokesman said").
int QuoteFinder::PersonWithRole(std::string_view role_noun, Pos pos) const {
  auto it = roles_.find(Stem(RoleHeadWord(role_noun), doc_->lang));
  if (it == roles_.end()) return -1;
  const auto& list = it->second;
  auto after = std::upper_bound(list.begin(), list.end(), pos.sentence,
                                [](uint32_t si, const auto& r) { return si < r.first; });
  return after == list.begin() ? -1 : static_cast<int>(std::prev(after)->second);
}

}  // namespace

void ExtractQuotes(Document* doc) {
  doc->quotes.clear();
  if (doc->article == nullptr) return;
  QuoteFinder finder(doc);
  const auto ns = static_cast<uint32_t>(doc->sentences.size());
  for (uint32_t first = 0; first < ns;) {
    uint32_t end = first + 1;
    while (end < ns && doc->sentences[end].paragraph == doc->sentences[first].paragraph) ++end;
    finder.FindInParagraph(first, end);
    first = end;
  }
}

}  // namespace parallax
