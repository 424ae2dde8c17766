#include "core/index_no.h"

#include <cstdio>

namespace gongkai::core {
namespace {

// Calls on_literal(text) and on_field(name, width) in order; false on a malformed pattern.
template <typename L, typename F>
bool walk(std::string_view p, L&& on_literal, F&& on_field) {
  size_t i = 0;
  while (i < p.size()) {
    size_t open = p.find('{', i);
    if (open == std::string_view::npos) {
      on_literal(p.substr(i));
      break;
    }
    if (open > i) on_literal(p.substr(i, open - i));
    size_t close = p.find('}', open);
    if (close == std::string_view::npos) return false;
    std::string_view field = p.substr(open + 1, close - open - 1);
    int width = 0;
    if (field.rfind("serial:", 0) == 0 && field.size() == 8 && field[7] >= '1' && field[7] <= '9') {
      width = field[7] - '0';
      field = "serial";
    }
    if (!on_field(field, width)) return false;
    i = close + 1;
  }
  return true;
}

}  // namespace

std::optional<std::string> check_index_pattern(std::string_view pattern) {
  if (pattern.empty() || pattern.size() > 64) return "索引号规则长度应为1至64个字符";
  int serials = 0, years = 0;
  bool ok = walk(
      pattern, [](std::string_view) {},
      [&](std::string_view f, int) {
        if (f == "serial") return ++serials, true;
        if (f == "year") return ++years, true;
        return f == "org" || f == "slug";
      });
  if (!ok) return "索引号规则含有无法识别的占位符（可用：{org} {slug} {year} {serial:N}）";
  if (serials != 1) return "索引号规则必须恰好包含一个 {serial:N}";
  if (years != 1) return "索引号规则必须恰好包含一个 {year}";
  return std::nullopt;
}

std::string format_index_no(std::string_view pattern, std::string_view org, std::string_view slug,
                            int year, long serial) {
  std::string out;
  walk(
      pattern, [&](std::string_view lit) { out += lit; },
      [&](std::string_view f, int width) {
        char buf[32];
        if (f == "org") out += org;
        else if (f == "slug") out += slug;
        else if (f == "year") { std::snprintf(buf, sizeof buf, "%04d", year); out += buf; }
        else if (f == "serial") { std::snprintf(buf, sizeof buf, "%0*ld", width, serial); out += buf; }
        return true;
      });
  return out;
}

std::optional<long> parse_index_serial(std::string_view pattern, std::string_view org,
                                       std::string_view slug, int year, std::string_view index_no) {
  // Format with a marker serial, then match literally around it.
  std::string before, after;
  bool seen = false;
  walk(
      pattern,
      [&](std::string_view lit) { (seen ? after : before) += lit; },
      [&](std::string_view f, int) {
        std::string& dst = seen ? after : before;
        char buf[8];
        if (f == "org") dst += org;
        else if (f == "slug") dst += slug;
        else if (f == "year") { std::snprintf(buf, sizeof buf, "%04d", year); dst += buf; }
        else if (f == "serial") seen = true;
        return true;
      });
  if (index_no.size() <= before.size() + after.size()) return std::nullopt;
  if (index_no.substr(0, before.size()) != before) return std::nullopt;
  if (index_no.substr(index_no.size() - after.size()) != after) return std::nullopt;
  std::string_view digits = index_no.substr(before.size(), index_no.size() - before.size() - after.size());
  if (digits.empty() || digits.size() > 9) return std::nullopt;
  long v = 0;
  for (char ch : digits) {
    if (ch < '0' || ch > '9') return std::nullopt;
    v = v * 10 + (ch - '0');
  }
  return v;
}

bool is_valid_org_code(std::string_view code) {
  if (code.size() != 9 && code.size() != 18) return false;
  for (char ch : code) {
    bool ok = (ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z');
    if (!ok) return false;
  }
  return true;
}

}  // namespace gongkai::core
