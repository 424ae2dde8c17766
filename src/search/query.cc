#include "search/query.h"

#include <unicode/uchar.h>

#include "search/folding.h"
#include "search/utf8.h"

namespace gongkai::search {
namespace {

// Folded text is valid UTF-8, so decoding cannot fail here.
inline char32_t cp_at(std::string_view s, size_t i, size_t* len) {
  int32_t c = decode_utf8(s.data(), s.size(), i, len);
  return c < 0 ? 0xFFFD : static_cast<char32_t>(c);
}

inline bool is_space(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || (c >= 0x80 && u_isUWhiteSpace(c));
}

inline bool is_quote(char32_t c) { return c == '"' || c == 0x201C || c == 0x201D; }

size_t count_code_points(std::string_view s) {
  size_t n = 0;
  for (unsigned char b : s) n += (b & 0xC0) != 0x80;
  return n;
}

void append_fts5_string(std::string_view text, std::string* out) {
  *out += '"';
  for (char ch : text) {
    if (ch == '"') *out += "\"\"";
    else if (static_cast<unsigned char>(ch) < 0x20 || ch == 0x7F) *out += ' ';
    else *out += ch;
  }
  *out += '"';
}

void append_pg_lexeme(std::string_view text, std::string* out) {
  *out += '\'';
  for (char ch : text) {
    if (ch == '\'') *out += "''";
    else if (ch == '\\') *out += "\\\\";
    else *out += ch;
  }
  *out += '\'';
}

void append_pg_term(const QueryTerm& t, std::string* out) {
  if (t.tokens.size() > 1) *out += '(';
  for (size_t i = 0; i < t.tokens.size(); ++i) {
    if (i > 0) {
      uint32_t d = t.tokens[i].seq - t.tokens[i - 1].seq;
      *out += d == 1 ? " <-> " : " <" + std::to_string(d) + "> ";
    }
    append_pg_lexeme(t.tokens[i].text, out);
  }
  if (t.tokens.size() > 1) *out += ')';
}

Query failed(QueryError e) {
  Query q;
  q.error = e;
  return q;
}

}  // namespace

const char* query_error_code(QueryError e) {
  switch (e) {
    case QueryError::kNone: return "";
    case QueryError::kEmpty: return "query_empty";
    case QueryError::kTooLong: return "query_too_long";
    case QueryError::kTooManyTerms: return "query_too_many_terms";
    case QueryError::kOnlyExclusions: return "query_only_exclusions";
    case QueryError::kNoSearchableText: return "query_no_searchable_text";
  }
  return "query_invalid";
}

const char* query_error_message(QueryError e) {
  switch (e) {
    case QueryError::kNone: return "";
    case QueryError::kEmpty: return "请输入要查找的内容。";
    case QueryError::kTooLong: return "查询内容过长，请不要超过200个字。";
    case QueryError::kTooManyTerms: return "查询的词语过多，请不要超过32个。";
    case QueryError::kOnlyExclusions:
      return "查询不能只包含排除词（以“-”开头的词），请至少输入一个要查找的词。";
    case QueryError::kNoSearchableText: return "查询中没有可检索的文字，请输入汉字、字母或数字。";
  }
  return "查询有误。";
}

Query parse_query(std::string_view input) {
  if (input.size() > 4 * kMaxQueryChars || count_code_points(input) > kMaxQueryChars)
    return failed(QueryError::kTooLong);
  const std::string s = fold(input);
  const size_t n = s.size();
  Query q;
  size_t written = 0, positives_written = 0;
  size_t i = 0, len = 0;
  while (i < n) {
    char32_t c = cp_at(s, i, &len);
    if (is_space(c)) {
      i += len;
      continue;
    }
    bool exclude = false, quoted = false;
    if (c == '-') {
      exclude = true;
      i += len;
      if (i < n) c = cp_at(s, i, &len);
    }
    size_t begin = i, end;
    if (i < n && is_quote(c)) {
      quoted = true;
      begin = i += len;
      while (i < n && !is_quote(cp_at(s, i, &len))) i += len;
      end = i;
      if (i < n) i += len;  // the closing quote
    } else {
      while (i < n && !is_space(c = cp_at(s, i, &len))) i += len;
      end = i;
    }
    if (end == begin) continue;  // "-" alone, or ""
    if (++written > kMaxQueryTerms) return failed(QueryError::kTooManyTerms);
    if (!exclude) ++positives_written;
    QueryTerm t;
    t.text.assign(s, begin, end - begin);
    t.exclude = exclude;
    t.quoted = quoted;
    t.tokens = query_tokens(t.text);
    if (!t.tokens.empty()) q.terms.push_back(std::move(t));
  }
  if (written == 0) return failed(QueryError::kEmpty);
  if (positives_written == 0) return failed(QueryError::kOnlyExclusions);
  for (const auto& t : q.terms)
    if (!t.exclude) return q;
  return failed(QueryError::kNoSearchableText);
}

std::vector<std::string> fts5_phrases(const Query& q) {
  std::vector<std::string> out;
  if (!q.ok()) return out;
  for (bool exclude : {false, true}) {
    for (const auto& t : q.terms) {
      if (t.exclude != exclude) continue;
      out.emplace_back();
      append_fts5_string(t.text, &out.back());
    }
  }
  return out;
}

std::string to_fts5_match(const Query& q) {
  const auto phrases = fts5_phrases(q);
  size_t positives = 0;
  for (const auto& t : q.terms) positives += !t.exclude;
  std::string out;
  for (size_t i = 0; i < positives; ++i) out += (i ? " AND " : "") + phrases[i];
  if (positives > 1 && positives < phrases.size()) out = "(" + out + ")";
  for (size_t i = positives; i < phrases.size(); ++i) out += " NOT " + phrases[i];
  return out;
}

std::string to_pg_tsquery(const Query& q) {
  if (!q.ok()) return "";
  std::string out;
  for (const auto& t : q.terms) {
    if (t.exclude) continue;
    if (!out.empty()) out += " & ";
    append_pg_term(t, &out);
  }
  for (const auto& t : q.terms) {
    if (!t.exclude) continue;
    out += " & !";
    append_pg_term(t, &out);
  }
  return out;
}

}  // namespace gongkai::search
