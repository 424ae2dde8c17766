// Fuzz target: folding, both tokenizer modes, the query parser and both renderers on
// arbitrary bytes. Besides crashes and sanitizer reports it traps on broken promises:
// invalid UTF-8 out of fold(), tokens out of bounds or oversized, non-consecutive query
// positions, control characters or unbalanced quotes in the rendered queries.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "search/folding.h"
#include "search/query.h"
#include "search/tokenizer.h"

namespace {

using namespace gongkai::search;

void require(bool ok) {
  if (!ok) __builtin_trap();
}

bool valid_utf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    unsigned char c = s[i];
    size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    i += n;
  }
  return true;
}

void check_tokens(std::string_view input, TokenizeMode mode) {
  bool first = true;
  uint32_t prev_position = 0, prev_seq = 0;
  for_each_token(input, mode, [&](const TokenView& t) {
    require(!t.text.empty() && t.text.size() <= kMaxTokenBytes && valid_utf8(t.text));
    require(t.start < t.end && t.end <= input.size());
    require(t.text.find(' ') == std::string_view::npos);
    if (mode == TokenizeMode::kQuery && !first) {
      require(t.position == prev_position + 1 && t.seq > prev_seq && !t.colocated);
    }
    if (mode == TokenizeMode::kDocument) require(t.colocated == (!first && t.position == prev_position));
    first = false;
    prev_position = t.position;
    prev_seq = t.seq;
    return true;
  });
}

void check_query(std::string_view input) {
  Query q = parse_query(input);
  std::string fts = to_fts5_match(q), pg = to_pg_tsquery(q);
  if (!q.ok()) {
    require(q.terms.empty() && fts.empty() && pg.empty() && *query_error_message(q.error));
    return;
  }
  require(!q.terms.empty() && !fts.empty() && !pg.empty());
  size_t quotes = 0;
  for (char c : fts) {
    require(static_cast<unsigned char>(c) >= 0x20 && c != 0x7F);
    quotes += c == '"';
  }
  require(quotes % 2 == 0);
  size_t apostrophes = 0;
  for (char c : pg) apostrophes += c == '\'';
  require(apostrophes % 2 == 0);
  for (const auto& t : q.terms) require(!t.tokens.empty() && t.tokens == query_tokens(t.text));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  std::string folded = fold(input);
  require(valid_utf8(folded));
  check_tokens(input, TokenizeMode::kDocument);
  check_tokens(input, TokenizeMode::kQuery);
  pg_document_text(input);
  check_query(input);
  check_query(input.substr(0, 240));  // most long inputs are refused as too long
  return 0;
}
