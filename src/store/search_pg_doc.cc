#include "store/search_pg_doc.h"

#include <algorithm>
#include <cstdint>

#include "search/tokenizer.h"

namespace gongkai::store {
namespace {

// How far back from an ideal cut we look for a place no token spans.
constexpr int kSnapTokens = 1000;

struct Tok {
  uint32_t seq, start, end;
};

}  // namespace

std::vector<std::pair<size_t, size_t>> pg_chunk_ranges(std::string_view body) {
  std::vector<Tok> toks;
  search::for_each_token(body, search::TokenizeMode::kDocument, [&](const search::TokenView& t) {
    toks.push_back({t.seq, t.start, t.end});
    return true;
  });
  if (static_cast<int>(toks.size()) <= kPgChunkTokens) return {{0, body.size()}};
  std::sort(toks.begin(), toks.end(), [](const Tok& a, const Tok& b) { return a.seq < b.seq; });
  const int n = static_cast<int>(toks.size());
  // safe[i]: no token before i (in seq order) reaches past the start of token i.
  std::vector<char> safe(n, 0);
  uint32_t max_end = 0;
  for (int i = 0; i < n; ++i) {
    safe[i] = i > 0 && max_end <= toks[i].start;
    max_end = std::max(max_end, toks[i].end);
  }
  std::vector<std::pair<size_t, size_t>> out;
  int first = 0;
  for (;;) {
    int ideal = first + kPgChunkTokens;
    if (ideal >= n) {
      out.push_back({first == 0 ? 0 : toks[first].start, body.size()});
      break;
    }
    // The cut: the latest safe token start not too far before the ideal one.
    const int lowest = first + kPgChunkOverlap + kSnapTokens + 1;
    int cut = ideal;
    for (int k = ideal; k >= std::max(lowest, ideal - kSnapTokens); --k) {
      if (safe[k]) {
        cut = k;
        break;
      }
    }
    out.push_back({first == 0 ? 0 : toks[first].start, toks[cut].start});
    // The next chunk begins kPgChunkOverlap tokens earlier, moved back to a safe place if
    // there is one near.
    int next = cut - kPgChunkOverlap;
    for (int k = next; k > std::max(first, next - kSnapTokens); --k) {
      if (safe[k]) {
        next = k;
        break;
      }
    }
    first = next;
  }
  return out;
}

std::vector<PgSearchChunk> pg_search_chunks(std::string_view title, std::string_view meta, std::string_view body) {
  std::vector<PgSearchChunk> out;
  // As in SQLite, text beyond the tokenizer's limit is not indexed.
  if (body.size() > search::kMaxTokenizeBytes) {
    size_t end = search::kMaxTokenizeBytes;
    while (end > 0 && (static_cast<unsigned char>(body[end]) & 0xC0) == 0x80) --end;
    body = body.substr(0, end);
  }
  auto ranges = pg_chunk_ranges(body);
  for (size_t i = 0; i < ranges.size(); ++i) {
    PgSearchChunk c;
    c.chunk = static_cast<int>(i);
    if (i == 0) {
      c.title = search::pg_document_text(title);
      if (!c.title.empty()) c.title += kPgGap;
      c.meta = search::pg_document_text(meta);
      if (!c.meta.empty()) c.meta += kPgGap;
    }
    c.body = search::pg_document_text(body.substr(ranges[i].first, ranges[i].second - ranges[i].first));
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace gongkai::store
