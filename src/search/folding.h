#pragma once
// Text folding shared by indexing and querying, so that the two always agree:
//   1. UTF-8 decoding; each ill-formed sequence (maximal subpart) becomes U+FFFD.
//   2. Unicode NFKC_Casefold (ICU "nfkc_cf"): full-width → half-width (ＡＢＣ１２３ →
//      abc123, （ → (, U+3000 → space), compatibility forms, case folding, and removal
//      of default-ignorable code points (ZWJ, soft hyphen, bidi controls such as U+202E).
//   3. Traditional → Simplified Chinese, character by character, with the single-
//      character mappings of OpenCC's t2s.json (資訊公開 → 资讯公开).
//   4. Control characters other than TAB, LF and CR become a space (NUL included).
//
// Folding is per character on purpose (OpenCC's phrase table is not applied): it makes
// folding compositional, so "a contains b" implies "fold(a) contains fold(b)", which is
// what substring recall needs. It is idempotent: fold(fold(x)) == fold(x) (except inside
// runs of more than 30 consecutive combining marks, which are cut into pieces to bound
// the cost of pathological input, as in Unicode's stream-safe format).
//
// OpenCC is loaded once per process and only read afterwards: every function here is
// safe to call from any number of threads.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace gongkai::search {

// Loads the OpenCC tables if they are not loaded yet. Looks for t2s.json in
// $GK_OPENCC_DIR, /usr/share/opencc (Debian), /usr/local/share/opencc, then OpenCC's
// own data directory. Throws std::runtime_error if none can be read. fold() and
// tokenize() call it implicitly; call it at start-up to fail early.
void init_folding();

// Full path of the t2s.json in use (loads it if needed).
const std::string& opencc_config_path();

// Returns the folded form of `utf8` (any bytes accepted; the result is valid UTF-8).
std::string fold(std::string_view utf8);

// Appends the folded form of `utf8` to *out.
void fold_append(std::string_view utf8, std::string* out);

// One code point of folded text and the bytes of the original input it came from.
// Several folded code points can share one source range (㈱ → "(株)"), and a source
// range can produce none (U+202E).
struct FoldedChar {
  char32_t cp;          // folded code point
  uint32_t out;         // byte offset of its UTF-8 encoding in the folded string
  uint32_t src_begin;   // [src_begin, src_end): bytes of the original input
  uint32_t src_end;
};

// Folds `utf8` (at most 4 GiB - 1 bytes) into *out (replaced) and, when `chars` is not
// null, describes every folded code point in *chars (replaced), in order.
void fold_mapped(std::string_view utf8, std::string* out, std::vector<FoldedChar>* chars);

}  // namespace gongkai::search
