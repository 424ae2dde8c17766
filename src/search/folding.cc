#include "search/folding.h"

#include <opencc/Config.hpp>
#include <opencc/Conversion.hpp>
#include <opencc/ConversionChain.hpp>
#include <opencc/Converter.hpp>
#include <opencc/Dict.hpp>
#include <opencc/DictEntry.hpp>
#include <opencc/DictGroup.hpp>
#include <opencc/Lexicon.hpp>
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>

#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <unordered_map>

#include "search/utf8.h"

namespace gongkai::search {
namespace {

// Traditional keys of t2s all lie in [kBmpLo, kBmpHi); a flat table serves them.
constexpr char32_t kBmpLo = 0x3400, kBmpHi = 0xA000;
// Longest run of non-starters normalised together (Unicode stream-safe format: 30).
constexpr int kMaxSegmentChars = 32;

struct Tables {
  const icu::Normalizer2* nfkc_cf = nullptr;
  std::vector<char32_t> bmp;                      // index c - kBmpLo; 0 = unchanged
  std::unordered_map<char32_t, char32_t> other;   // keys outside the flat range
  std::string config_path;

  char32_t t2s(char32_t c) const {
    if (c >= kBmpLo && c < kBmpHi) {
      char32_t m = bmp[c - kBmpLo];
      return m ? m : c;
    }
    if (other.empty()) return c;
    auto it = other.find(c);
    return it == other.end() ? c : it->second;
  }
};

// Returns the only code point of `s`, or -1 if `s` is not exactly one code point.
int32_t single_code_point(const std::string& s) {
  size_t len = 0;
  int32_t c = s.empty() ? -1 : decode_utf8(s.data(), s.size(), 0, &len);
  return len == s.size() ? c : -1;
}

void collect_dicts(const opencc::DictPtr& d, std::vector<opencc::DictPtr>* out) {
  if (auto g = std::dynamic_pointer_cast<opencc::DictGroup>(d)) {
    for (const auto& sub : g->GetDicts()) collect_dicts(sub, out);
  } else if (d) {
    out->push_back(d);
  }
}

std::string find_config() {
  std::vector<std::string> candidates;
  if (const char* dir = std::getenv("GK_OPENCC_DIR"); dir && *dir)
    candidates.push_back(std::string(dir) + "/t2s.json");
  candidates.push_back("/usr/share/opencc/t2s.json");
  candidates.push_back("/usr/local/share/opencc/t2s.json");
  for (const auto& c : candidates) {
    std::error_code ec;
    if (std::filesystem::is_regular_file(c, ec)) return c;
  }
  return "t2s.json";  // let OpenCC search its compiled-in data directory
}

const Tables* load_tables() {
  auto t = std::make_unique<Tables>();
  UErrorCode status = U_ZERO_ERROR;
  t->nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU NFKC_Casefold data unavailable");

  t->config_path = find_config();
  opencc::ConverterPtr conv;
  try {
    opencc::Config config;
    conv = config.NewFromFile(t->config_path);
  } catch (const std::exception& e) {
    throw std::runtime_error("cannot load OpenCC config " + t->config_path + ": " + e.what() +
                             " (install the opencc data or set GK_OPENCC_DIR)");
  }
  // Single-character entries of every dictionary in the chain; the first dictionary
  // of a group wins, as in OpenCC's own matching.
  std::unordered_map<char32_t, char32_t> map;
  std::vector<opencc::DictPtr> dicts;
  for (const auto& c : conv->GetConversionChain()->GetConversions()) collect_dicts(c->GetDict(), &dicts);
  for (const auto& d : dicts) {
    for (const auto& e : *d->GetLexicon()) {
      int32_t k = single_code_point(e->Key());
      int32_t v = single_code_point(e->GetDefault());
      if (k < 0 || v < 0 || k == v) continue;
      // Only targets that folding leaves alone, so that fold() stays idempotent.
      UErrorCode st = U_ZERO_ERROR;
      if (!t->nfkc_cf->isInert(v) && !t->nfkc_cf->isNormalized(icu::UnicodeString(v), st)) continue;
      map.emplace(static_cast<char32_t>(k), static_cast<char32_t>(v));
    }
  }
  // Resolve chains (薴 → 苧 → 苎) so that applying the table twice changes nothing.
  t->bmp.assign(kBmpHi - kBmpLo, 0);
  for (const auto& [k, v0] : map) {
    char32_t v = v0;
    for (int i = 0; i < 8; ++i) {
      auto it = map.find(v);
      if (it == map.end() || it->second == k) break;
      v = it->second;
    }
    if (v == k) continue;
    if (k >= kBmpLo && k < kBmpHi) t->bmp[k - kBmpLo] = v;
    else t->other.emplace(k, v);
  }
  if (map.empty()) throw std::runtime_error("OpenCC config " + t->config_path + " has no character table");
  return t.release();
}

const Tables& tables() {
  static const Tables* t = load_tables();  // retried on the next call if it throws
  return *t;
}

inline bool is_control(char32_t c) {
  return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F);
}

class Folder {
 public:
  Folder(const Tables& t, std::string* out, std::vector<FoldedChar>* chars)
      : t_(t), out_(out), chars_(chars) {}

  void run(std::string_view in) {
    const char* s = in.data();
    const size_t n = in.size();
    size_t i = 0;
    while (i < n) {
      size_t len;
      int32_t c = decode_utf8(s, n, i, &len);
      if (c < 0) {
        emit(0xFFFD, i, i + len);
        i += len;
        continue;
      }
      size_t j = segment_end(s, n, i + len);
      if (j == i + len) {
        if (c < 0x80) {
          emit(c >= 'A' && c <= 'Z' ? c + 32 : c, i, j);
          i = j;
          continue;
        }
        if ((c >= 0x4E00 && c <= 0x9FFF) || t_.nfkc_cf->isInert(c)) {
          emit(t_.t2s(c), i, j);
          i = j;
          continue;
        }
      }
      normalize_segment(std::string_view(s + i, j - i), i, j);
      i = j;
    }
  }

 private:
  // End of the normalisation segment that starts with the code point ending at `j`:
  // it extends over following code points that have no boundary before them.
  size_t segment_end(const char* s, size_t n, size_t j) const {
    for (int count = 1; j < n && count < kMaxSegmentChars; ++count) {
      if (static_cast<unsigned char>(s[j]) < 0x80) break;
      size_t len;
      int32_t c = decode_utf8(s, n, j, &len);
      if (c < 0 || (c >= 0x4E00 && c <= 0x9FFF) || t_.nfkc_cf->hasBoundaryBefore(c)) break;
      j += len;
    }
    return j;
  }

  void normalize_segment(std::string_view seg, size_t b, size_t e) {
    buf_.clear();
    icu::StringByteSink<std::string> sink(&buf_);
    UErrorCode st = U_ZERO_ERROR;
    t_.nfkc_cf->normalizeUTF8(0, icu::StringPiece(seg.data(), static_cast<int32_t>(seg.size())), sink,
                              nullptr, st);
    if (U_FAILURE(st)) buf_.assign(seg);  // cannot happen for valid UTF-8; stay safe
    for (size_t k = 0; k < buf_.size();) {
      size_t len;
      int32_t c = decode_utf8(buf_.data(), buf_.size(), k, &len);
      emit(c < 0 ? 0xFFFD : t_.t2s(c), b, e);
      k += len;
    }
  }

  void emit(char32_t c, size_t src_begin, size_t src_end) {
    if (is_control(c)) c = ' ';
    if (chars_) {
      chars_->push_back(FoldedChar{c, static_cast<uint32_t>(out_->size()), static_cast<uint32_t>(src_begin),
                                   static_cast<uint32_t>(src_end)});
    }
    append_utf8(c, out_);
  }

  const Tables& t_;
  std::string* out_;
  std::vector<FoldedChar>* chars_;
  std::string buf_;
};

}  // namespace

void init_folding() { tables(); }

const std::string& opencc_config_path() { return tables().config_path; }

void fold_append(std::string_view utf8, std::string* out) {
  Folder(tables(), out, nullptr).run(utf8);
}

std::string fold(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  fold_append(utf8, &out);
  return out;
}

void fold_mapped(std::string_view utf8, std::string* out, std::vector<FoldedChar>* chars) {
  out->clear();
  if (chars) chars->clear();
  if (utf8.size() > UINT32_MAX - 1) utf8 = utf8.substr(0, UINT32_MAX - 1);
  Folder(tables(), out, chars).run(utf8);
}

}  // namespace gongkai::search
