#pragma once
// The user's search query: parsing and rendering for the two databases.
//
// Syntax (after folding the whole query, so full-width spaces, quotes and minus work):
//  * terms are separated by whitespace and combined with AND;
//  * a term starting with " “ or ” is a phrase up to the next of those characters (or
//    to the end of the query if there is none; an unbalanced quote is not an error);
//    elsewhere inside a word these characters are ordinary punctuation;
//  * a leading '-' excludes the word or phrase that follows it ("-草案", -"征求 意见");
//  * every term, quoted or not, matches as a phrase of its query tokens
//    (search/tokenizer.h): 信息公开 needs 信息 息公 公开 in a row;
//  * a term without letters, digits or CJK characters (e.g. "!!!" or an emoji) is
//    dropped.
// Errors: an empty query, more than kMaxQueryChars code points, more than
// kMaxQueryTerms terms, only exclusions, or nothing searchable.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "search/tokenizer.h"

namespace gongkai::search {

inline constexpr size_t kMaxQueryChars = 200;  // code points of the raw query (and at
                                               // most 4 bytes each)
inline constexpr size_t kMaxQueryTerms = 32;   // words and phrases, exclusions included

enum class QueryError {
  kNone = 0,
  kEmpty,              // nothing but whitespace
  kTooLong,            // more than kMaxQueryChars
  kTooManyTerms,       // more than kMaxQueryTerms
  kOnlyExclusions,     // every term starts with '-'
  kNoSearchableText,   // no term has a letter, digit or CJK character
};

// A stable ASCII code for `e`, for JSON errors and logs: "query_too_long", …; "" for kNone.
const char* query_error_code(QueryError e);

// A message for the user in Simplified Chinese; "" for kNone.
const char* query_error_message(QueryError e);

struct QueryTerm {
  std::string text;           // folded, without the quotes and the leading '-'
  bool exclude = false;       // written with a leading '-'
  bool quoted = false;        // written as a quoted phrase
  std::vector<Token> tokens;  // query_tokens(text); never empty
};

struct Query {
  std::vector<QueryTerm> terms;  // in the order written; empty unless ok()
  QueryError error = QueryError::kNone;
  bool ok() const { return error == QueryError::kNone; }
};

// Parses a raw query (any bytes). Never throws except if OpenCC cannot be loaded.
Query parse_query(std::string_view input);

// Renders an SQLite FTS5 MATCH expression for a table whose tokenizer is ours:
//   "信息公开" AND "报告" NOT "草案"   ((…) around the ANDs when there are several).
// Each term is its folded text in double quotes (quotes doubled, control characters
// turned into spaces); FTS5 hands that text to our tokenizer in query mode, which
// yields exactly `tokens` as one phrase. Returns "" unless q.ok().
std::string to_fts5_match(const Query& q);
// The quoted terms of to_fts5_match in the order FTS5 numbers its phrases: the terms
// searched for, then the excluded ones.
std::vector<std::string> fts5_phrases(const Query& q);

// Renders a query for to_tsquery('simple', …) over a column made by
// pg_document_text():  ('信息' <2> '息公' <2> '公开') & '报告' & !'草案'.
// Lexemes are single-quoted (' doubled, \ escaped); the phrase distances are the
// tokens' seq differences. Returns "" unless q.ok().
std::string to_pg_tsquery(const Query& q);

}  // namespace gongkai::search
