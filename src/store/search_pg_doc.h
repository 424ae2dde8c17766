#pragma once
// How one item's text is laid out in PostgreSQL's search table (pure; no SQL here).
//
// PostgreSQL keeps at most 16383 as a lexeme position and 256 positions per lexeme, so a
// phrase deep inside a long body could not be matched in a single tsvector. An item's
// text is therefore cut into chunks of at most kPgChunkTokens body tokens, each a row of
// search_docs with its own positions; a chunk starts at least kPgChunkOverlap tokens
// before the previous one ends, so every phrase of a query (at most kMaxQueryChars code
// points, i.e. well under kPgChunkOverlap tokens) lies wholly inside some chunk. Chunk 0
// also holds the title (weight A) and the document number and keywords (weight C); body
// text is weight B.
//
// Texts are in pg_document_text() form (search/tokenizer.h), to be read with
// to_tsvector('simple', …). The title and meta texts end with kPgGap, a run of three
// lexemes that no query can contain ("gk.sep", removed again with ts_delete): it keeps a
// phrase from matching across the end of the title and the start of the next part, as the
// parts are separate columns in SQLite.
//
// Cuts fall on token starts, preferring a place no token spans (punctuation or a space
// between tokens); a cut inside a CJK run only loses the bigram across it, which the
// overlap of the next chunk holds, so every chunk's tokens are exactly the whole text's
// tokens in that range with the same relative positions.

#include <string>
#include <string_view>
#include <vector>

namespace gongkai::store {

inline constexpr int kPgChunkTokens = 8000;
inline constexpr int kPgChunkOverlap = 600;
inline constexpr const char* kPgGapLexeme = "gk.sep";
inline constexpr const char* kPgGap = " gk.sep gk.sep gk.sep";

struct PgSearchChunk {
  int chunk = 0;
  std::string title, meta, body;  // pg_document_text() form; title and meta only in chunk 0
};

// The chunks of one item (at least one, even for empty texts).
std::vector<PgSearchChunk> pg_search_chunks(std::string_view title, std::string_view meta, std::string_view body);

// The byte ranges [begin, end) of `body` that the chunks above cover, in order. Exposed for
// tests: consecutive ranges overlap and together cover the whole body.
std::vector<std::pair<size_t, size_t>> pg_chunk_ranges(std::string_view body);

}  // namespace gongkai::store
