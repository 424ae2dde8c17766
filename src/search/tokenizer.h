#pragma once
// The search tokenizer, shared by SQLite FTS5 (as a registered tokenizer) and
// PostgreSQL (a column of tokens under to_tsvector('simple', …)).
//
// Contract. The input is folded (search/folding.h) and then split as follows; token
// text is always folded UTF-8, offsets always refer to the ORIGINAL input bytes.
//  * CJK run: a maximal run of Han ideographs, kana (and ー) or hangul; combining marks
//    inside the run are skipped. Document mode emits, for a run c0…c(k-1),
//      c0c1 c0 | c1c2 c1 | … | c(k-2)c(k-1) c(k-2) | c(k-1)
//    i.e. each bigram and then the single character it starts with, sharing one
//    position (the single is "colocated"), and the last character alone at the next
//    position. 慈溪市 → 慈溪 慈 溪市 溪 市 at positions 0 0 1 1 2. So every character and
//    every overlapping bigram is indexed, and bigrams take consecutive positions.
//  * Everything else is cut by ICU's word break iterator (root locale); within each
//    piece a token is a maximal run of letters, digits and combining marks starting
//    with a letter or digit. Internal punctuation splits: "3.14" → 3 14, "don't" →
//    don t. Punctuation, spaces, symbols and emoji produce nothing. 慈商〔2013〕12号 →
//    慈商 慈 商 2013 12 号.
//  * Query mode (for a search term, and for FTS5_TOKENIZE_QUERY): a CJK run of length
//    1 gives its character; a run of length k ≥ 2 gives its k-1 bigrams, followed by
//    its last character only when another token follows in the same text (so a phrase
//    that crosses a run break, 信息·公开 → 信息 息 公开, still has consecutive
//    positions); words as in document mode. All query tokens must appear as a phrase.
//    Highlighting note: FTS5 uses the offsets of the non-colocated token at each
//    position, i.e. the bigram's, so a one-character match is highlighted together
//    with the following character of its run.
//  * FTS5 glue: FTS5_TOKENIZE_DOCUMENT and FTS5_TOKENIZE_AUX → kDocument, passing
//    FTS5_TOKEN_COLOCATED when token.colocated; FTS5_TOKENIZE_QUERY (with or without
//    FTS5_TOKENIZE_PREFIX) → kQuery, never colocated. PostgreSQL: index
//    pg_document_text(); query with to_pg_tsquery() (search/query.h).
//  * A word longer than kMaxTokenBytes is cut to its longest prefix of whole code
//    points that fits. Input beyond kMaxTokenizeBytes is ignored (cut at a code point).

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace gongkai::search {

inline constexpr size_t kMaxTokenBytes = 64;
inline constexpr size_t kMaxTokenizeBytes = size_t{1} << 20;  // 1 MiB

enum class TokenizeMode {
  kDocument,  // index a text
  kQuery,     // one search term or phrase
};

// A token handed to a callback; `text` is valid only during the call.
struct TokenView {
  std::string_view text;  // folded UTF-8, 1..kMaxTokenBytes bytes
  uint32_t start;         // byte range [start, end) of the original input, start < end
  uint32_t end;
  uint32_t position;      // FTS5 position: tokens sharing one are colocated
  bool colocated;         // position == the previous token's (pass FTS5_TOKEN_COLOCATED)
  uint32_t seq;           // rank of this token in pg_document_text() of the same text
                          // (tsvector position seq + 1). Runs are laid out there single
                          // first: c0 c0c1 c1 c1c2 … c(k-1), so a token's seq depends
                          // only on the text before it. In query mode, seq differences
                          // give the tsquery <N> distances.
};

// An owned token.
struct Token {
  std::string text;
  uint32_t start = 0;
  uint32_t end = 0;
  uint32_t position = 0;
  bool colocated = false;
  uint32_t seq = 0;
  friend bool operator==(const Token&, const Token&) = default;
};

// Called for each token in order; return false to stop tokenizing.
using TokenCallback = bool (*)(void* ctx, const TokenView& token);

// Tokenizes `utf8` (any bytes) and calls `cb(ctx, token)` for each token. Thread-safe;
// reuses per-thread buffers and ICU iterators, so it allocates nothing per token.
// Throws std::runtime_error only if the OpenCC data cannot be loaded (init_folding()).
void tokenize(std::string_view utf8, TokenizeMode mode, TokenCallback cb, void* ctx);

// As above with any callable `bool f(const TokenView&)`.
template <typename F>
void for_each_token(std::string_view utf8, TokenizeMode mode, F&& f) {
  using Fn = std::remove_reference_t<F>;
  tokenize(utf8, mode, [](void* c, const TokenView& t) -> bool { return (*static_cast<Fn*>(c))(t); },
           const_cast<void*>(static_cast<const void*>(&f)));
}

// Returns all tokens of `utf8`.
std::vector<Token> tokenize(std::string_view utf8, TokenizeMode mode = TokenizeMode::kDocument);

// Returns the query-mode tokens of one search term (a word or the inside of a phrase).
inline std::vector<Token> query_tokens(std::string_view term) { return tokenize(term, TokenizeMode::kQuery); }

// Returns the document-mode tokens of `utf8` joined by single spaces in seq order
// (慈溪市 → "慈 慈溪 溪 溪市 市"): the text for a PostgreSQL column indexed as
// to_tsvector('simple', column). Tokens contain only letters, digits and marks, so
// PostgreSQL's parser keeps each one whole and positions stay seq + 1.
// (PostgreSQL caps positions at 16383: phrase matches beyond that are unreliable.)
std::string pg_document_text(std::string_view utf8);

}  // namespace gongkai::search
