#include "search/tokenizer.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utext.h>

#include <memory>

#include "search/folding.h"
#include "search/utf8.h"

namespace gongkai::search {
namespace {

bool is_cjk(char32_t c) {
  if (c < 0x1100) return false;
  if (c >= 0x4E00 && c <= 0x9FFF) return true;
  if (c == 0x30FC) return true;  // ー, script Common
  if (u_hasBinaryProperty(c, UCHAR_IDEOGRAPHIC)) return true;
  UErrorCode st = U_ZERO_ERROR;
  UScriptCode sc = uscript_getScript(c, &st);
  return sc == USCRIPT_HAN || sc == USCRIPT_HIRAGANA || sc == USCRIPT_KATAKANA || sc == USCRIPT_HANGUL;
}

inline bool is_mark(char32_t c) { return c >= 0x300 && (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0; }

// A letter or digit: the only code points that can start a word token.
inline bool is_base(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
  return (U_GET_GC_MASK(c) & (U_GC_L_MASK | U_GC_N_MASK)) != 0;
}

// Per-thread scratch space, so steady-state tokenizing allocates nothing.
struct Scratch {
  std::string folded;
  std::vector<FoldedChar> chars;
  std::unique_ptr<icu::BreakIterator> words;
  bool busy = false;
};

enum class Kind { kBigram, kSingleColocated, kSingleRunEnd, kSingleAlone, kWord };

class Tokenizer {
 public:
  Tokenizer(Scratch& s, TokenizeMode mode, TokenCallback cb, void* ctx)
      : s_(s), f_(s.folded), ch_(s.chars), query_(mode == TokenizeMode::kQuery), cb_(cb), ctx_(ctx) {}

  void run() {
    const size_t n = ch_.size();
    size_t k = 0;
    while (k < n && !stop_) {
      if (is_cjk(ch_[k].cp)) {
        k = cjk_run(k);
      } else {
        size_t e = k + 1;
        while (e < n && !is_cjk(ch_[e].cp)) ++e;
        other_run(k, e);
        k = e;
      }
    }
  }

 private:
  std::string_view char_text(size_t i) const { return {f_.data() + ch_[i].out, utf8_length(ch_[i].cp)}; }

  // Emits the tokens of the CJK run starting at k; returns the index after it.
  size_t cjk_run(size_t k) {
    const size_t n = ch_.size();
    size_t prev = k, count = 1, e = k + 1;
    while (e < n && !stop_) {
      char32_t c = ch_[e].cp;
      if (is_cjk(c)) {
        std::string_view a = char_text(prev), b = char_text(e);
        char buf[8];
        a.copy(buf, a.size());
        b.copy(buf + a.size(), b.size());
        // Emitted bigram first (FTS5 highlights with the non-colocated token's offsets),
        // but ordered single first in seq (see pg_document_text()).
        emit(Kind::kBigram, {buf, a.size() + b.size()}, ch_[prev].src_begin, ch_[e].src_end, false, seq_ + 1);
        emit(Kind::kSingleColocated, a, ch_[prev].src_begin, ch_[prev].src_end, true, seq_);
        ++position_;
        seq_ += 2;
        prev = e;
        ++count;
      } else if (!is_mark(c)) {
        break;
      }
      ++e;
    }
    if (!stop_) {
      emit(count > 1 ? Kind::kSingleRunEnd : Kind::kSingleAlone, char_text(prev), ch_[prev].src_begin,
           ch_[prev].src_end, false, seq_++);
      ++position_;
    }
    return e;
  }

  // Emits the words of the non-CJK chars [a, b).
  void other_run(size_t a, size_t b) {
    bool simple = true;  // only ASCII and non-letters/digits/marks: ICU cannot differ
    for (size_t i = a; i < b && simple; ++i) {
      char32_t c = ch_[i].cp;
      if (c >= 0x80 && (U_GET_GC_MASK(c) & (U_GC_L_MASK | U_GC_N_MASK | U_GC_M_MASK))) simple = false;
    }
    if (simple) {
      words(a, b);
      return;
    }
    if (!s_.words) {
      UErrorCode st = U_ZERO_ERROR;
      s_.words.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), st));
      if (U_FAILURE(st)) s_.words.reset();
      if (!s_.words) {  // no ICU data: fall back to plain letter/digit runs
        words(a, b);
        return;
      }
    }
    const uint32_t base = ch_[a].out;
    const uint32_t limit = b < ch_.size() ? ch_[b].out : static_cast<uint32_t>(f_.size());
    UErrorCode st = U_ZERO_ERROR;
    UText ut = UTEXT_INITIALIZER;
    utext_openUTF8(&ut, f_.data() + base, limit - base, &st);
    if (U_SUCCESS(st)) s_.words->setText(&ut, st);
    if (U_FAILURE(st)) {
      utext_close(&ut);
      words(a, b);
      return;
    }
    icu::BreakIterator& bi = *s_.words;
    size_t i = a;
    for (int32_t from = bi.first(), to = bi.next(); to != icu::BreakIterator::DONE && !stop_;
         from = to, to = bi.next()) {
      while (i < b && ch_[i].out - base < static_cast<uint32_t>(from)) ++i;
      size_t j = i;
      while (j < b && ch_[j].out - base < static_cast<uint32_t>(to)) ++j;
      words(i, j);  // pieces without letters or digits (spaces, emoji) yield nothing
      i = j;
    }
    utext_close(&ut);
  }

  // Emits every maximal run of letters, digits and marks that starts with a letter or
  // digit within chars [a, b), cut to kMaxTokenBytes.
  void words(size_t a, size_t b) {
    size_t i = a;
    while (i < b && !stop_) {
      if (!is_base(ch_[i].cp)) {
        ++i;
        continue;
      }
      size_t j = i + 1;
      while (j < b && (is_base(ch_[j].cp) || is_mark(ch_[j].cp))) ++j;
      // Longest prefix of whole code points within kMaxTokenBytes.
      size_t last = i, bytes = utf8_length(ch_[i].cp);
      while (last + 1 < j && bytes + utf8_length(ch_[last + 1].cp) <= kMaxTokenBytes)
        bytes += utf8_length(ch_[++last].cp);
      emit(Kind::kWord, {f_.data() + ch_[i].out, bytes}, ch_[i].src_begin, ch_[last].src_end, false, seq_++);
      ++position_;
      i = j;
    }
  }

  void emit(Kind kind, std::string_view text, uint32_t start, uint32_t end, bool colocated, uint32_t seq) {
    TokenView t{text, start, end, position_, colocated, seq};
    if (!query_) {
      call(t);
      return;
    }
    switch (kind) {
      case Kind::kSingleColocated:
        return;
      case Kind::kSingleRunEnd:  // kept only if another token follows
        pending_len_ = text.copy(pending_buf_, sizeof pending_buf_);
        pending_ = t;
        has_pending_ = true;
        return;
      default:
        if (has_pending_) {
          has_pending_ = false;
          pending_.text = {pending_buf_, pending_len_};
          call(pending_);
          if (stop_) return;
        }
        t.colocated = false;
        call(t);
    }
  }

  void call(const TokenView& t) {
    if (!cb_(ctx_, t)) stop_ = true;
  }

  Scratch& s_;
  const std::string& f_;
  const std::vector<FoldedChar>& ch_;
  const bool query_;
  TokenCallback cb_;
  void* ctx_;
  bool stop_ = false;
  uint32_t position_ = 0;
  uint32_t seq_ = 0;
  bool has_pending_ = false;
  TokenView pending_{};
  char pending_buf_[4];
  size_t pending_len_ = 0;
};

Scratch& thread_scratch() {
  thread_local Scratch s;
  return s;
}

}  // namespace

void tokenize(std::string_view utf8, TokenizeMode mode, TokenCallback cb, void* ctx) {
  if (utf8.size() > kMaxTokenizeBytes) {
    size_t cut = kMaxTokenizeBytes;
    for (int k = 0; k < 3 && (static_cast<unsigned char>(utf8[cut]) & 0xC0) == 0x80; ++k) --cut;
    utf8 = utf8.substr(0, cut);
  }
  Scratch& shared = thread_scratch();
  Scratch local;  // only if a callback tokenizes again on this thread
  Scratch& s = shared.busy ? local : shared;
  struct Busy {
    Scratch& s;
    explicit Busy(Scratch& x) : s(x) { s.busy = true; }
    ~Busy() { s.busy = false; }
  } busy(s);
  fold_mapped(utf8, &s.folded, &s.chars);
  Tokenizer(s, mode, cb, ctx).run();
}

std::vector<Token> tokenize(std::string_view utf8, TokenizeMode mode) {
  std::vector<Token> out;
  for_each_token(utf8, mode, [&out](const TokenView& t) {
    out.push_back(Token{std::string(t.text), t.start, t.end, t.position, t.colocated, t.seq});
    return true;
  });
  return out;
}

std::string pg_document_text(std::string_view utf8) {
  // Emission order equals seq order except that each bigram comes just before its
  // colocated single (seq + 1, then seq): hold every non-colocated token back until
  // the next token shows whether a colocated single must go first.
  std::string out, held;
  out.reserve(utf8.size() * 2);
  auto put = [&out](std::string_view t) {
    if (!out.empty()) out += ' ';
    out.append(t);
  };
  for_each_token(utf8, TokenizeMode::kDocument, [&](const TokenView& t) {
    if (t.colocated) {
      put(t.text);
      put(held);
      held.clear();
    } else {
      if (!held.empty()) put(held);
      held.assign(t.text);
    }
    return true;
  });
  if (!held.empty()) put(held);
  return out;
}

}  // namespace gongkai::search
