#include "app/search.h"

#include <chrono>
#include <map>

#include "app/errors.h"
#include "core/workflow.h"

namespace gongkai::app {
namespace {

AppError invalid(const std::string& code, const std::string& message) {
  return AppError(ErrorKind::kInvalid, code, message);
}

// A parameter name fit to quote in a message: valid UTF-8 without controls, short.
std::string quotable(const std::string& name) {
  bool ok = name.size() <= 40;
  for (unsigned char ch : name) ok = ok && ch >= 0x20 && ch != 0x7f;
  if (ok) {
    for (size_t i = 0; i < name.size() && ok;) {
      unsigned char c = static_cast<unsigned char>(name[i]);
      size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
      ok = len > 0 && i + len <= name.size();
      for (size_t k = 1; ok && k < len; ++k) ok = (static_cast<unsigned char>(name[i + k]) & 0xC0) == 0x80;
      i += len ? len : 1;
    }
  }
  return ok ? "「" + name + "」" : "";
}

// A whole decimal number in [lo, hi], or nullopt.
std::optional<int64_t> number(const std::string& s, int64_t lo, int64_t hi) {
  if (s.empty() || s.size() > 15) return std::nullopt;
  int64_t v = 0;
  for (char ch : s) {
    if (ch < '0' || ch > '9') return std::nullopt;
    v = v * 10 + (ch - '0');
  }
  if (v < lo || v > hi) return std::nullopt;
  return v;
}

// Checks the raw query's encoding: UTF-8 without control characters (TAB, LF, CR allowed).
void check_query_text(const std::string& q) {
  const auto* u = reinterpret_cast<const unsigned char*>(q.data());
  const size_t n = q.size();
  for (size_t i = 0; i < n;) {
    unsigned c = u[i];
    size_t len;
    uint32_t cp;
    if (c < 0x80) {
      len = 1;
      cp = c;
    } else if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
      cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      cp = c & 0x07;
    } else {
      throw invalid("query_bad_encoding", "搜索词不是有效的 UTF-8 文字，请重新输入");
    }
    if (i + len > n) throw invalid("query_bad_encoding", "搜索词不是有效的 UTF-8 文字，请重新输入");
    for (size_t k = 1; k < len; ++k) {
      if ((u[i + k] & 0xC0) != 0x80) throw invalid("query_bad_encoding", "搜索词不是有效的 UTF-8 文字，请重新输入");
      cp = (cp << 6) | (u[i + k] & 0x3F);
    }
    bool overlong = (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
    if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      throw invalid("query_bad_encoding", "搜索词不是有效的 UTF-8 文字，请重新输入");
    }
    bool control = (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || (cp >= 0x7F && cp <= 0x9F);
    if (control) throw invalid("query_bad_characters", "搜索词含有控制字符，请删除后重试");
    i += len;
  }
}

std::string year_label(const std::optional<int>& from, const std::optional<int>& to) {
  if (from && to) return *from == *to ? "年份：" + std::to_string(*from) : "年份：" + std::to_string(*from) + "—" + std::to_string(*to);
  if (from) return "年份：" + std::to_string(*from) + "年及以后";
  return "年份：" + std::to_string(*to) + "年及以前";
}

// The filter with the parameters of `f` dropped.
store::SearchFilter without(store::SearchFilter f, const ActiveFilter& drop) {
  for (const auto& p : drop.params) {
    if (p == "agency") f.agency_id.reset();
    else if (p == "class") f.class_id.reset();
    else if (p == "topic") f.topic_id.reset();
    else if (p == "dept") f.department_id.reset();
    else if (p == "year_from") f.year_from.reset();
    else if (p == "year_to") f.year_to.reset();
    else if (p == "validity") f.validity.reset();
  }
  return f;
}

}  // namespace

const char* sort_name(store::SearchSort s) {
  switch (s) {
    case store::SearchSort::kNewest: return "newest";
    case store::SearchSort::kOldest: return "oldest";
    default: return "relevance";
  }
}

SearchRequest parse_search_params(const SearchParams& params, const SearchParseOptions& opt) {
  static const std::set<std::string> kKnown = {"q",       "agency",   "class", "topic", "dept", "year_from",
                                               "year_to", "validity", "sort",  "page"};
  std::map<std::string, std::string> v;
  for (const auto& [name, value] : params) {
    bool known = kKnown.count(name) || (opt.allow_per_page && name == "per_page");
    if (opt.ignored.count(name)) continue;
    if (!known) throw invalid("unknown_parameter", "不支持的参数" + quotable(name) + "，请检查链接");
    if (!v.emplace(name, value).second) throw invalid("repeated_parameter", "参数" + quotable(name) + "只能出现一次");
  }
  auto get = [&](const char* k) -> std::string {
    auto it = v.find(k);
    return it == v.end() ? "" : it->second;
  };
  SearchRequest r;
  r.q = get("q");
  r.agency = get("agency");
  auto id = [&](const char* k, const char* label) -> std::optional<int64_t> {
    std::string s = get(k);
    if (s.empty()) return std::nullopt;
    auto n = number(s, 1, int64_t{1} << 53);
    if (!n) throw invalid("bad_filter", std::string("筛选条件「") + label + "」无效");
    return n;
  };
  r.class_id = id("class", "信息分类");
  r.topic_id = id("topic", "主题分类");
  r.department_id = id("dept", "发布科室");
  auto year = [&](const char* k) -> std::optional<int> {
    std::string s = get(k);
    if (s.empty()) return std::nullopt;
    auto n = number(s, 1949, 2100);
    if (!n || s.size() != 4) throw invalid("bad_year", "年份应为1949至2100之间的四位数字");
    return static_cast<int>(*n);
  };
  r.year_from = year("year_from");
  r.year_to = year("year_to");
  if (r.year_from && r.year_to && *r.year_from > *r.year_to) {
    throw invalid("bad_year", "起始年份不能晚于结束年份");
  }
  r.validity = get("validity");
  if (!r.validity.empty() && !core::is_validity(r.validity)) {
    throw invalid("bad_validity", "有效性只能是 有效、失效 或 废止");
  }
  std::string sort = get("sort");
  if (sort.empty() || sort == "relevance") r.sort = store::SearchSort::kRelevance;
  else if (sort == "newest") r.sort = store::SearchSort::kNewest;
  else if (sort == "oldest") r.sort = store::SearchSort::kOldest;
  else throw invalid("bad_sort", "排序方式只能是 relevance（相关度）、newest（最新）或 oldest（最早）");
  if (!get("page").empty()) {
    auto p = number(get("page"), 1, kMaxSearchPage);
    if (!p) throw invalid("bad_page", "页码应为1至" + std::to_string(kMaxSearchPage) + "之间的整数");
    r.page = static_cast<int>(*p);
  }
  if (!get("per_page").empty()) {
    auto p = number(get("per_page"), 1, opt.max_per_page);
    if (!p) throw invalid("bad_per_page", "每页条数应为1至" + std::to_string(opt.max_per_page) + "之间的整数");
    r.per_page = static_cast<int>(*p);
  }
  return r;
}

std::string Relaxation::text() const {
  std::string s = "去掉";
  for (const auto& f : drop) s += "「" + f.label + "」";
  return s + "可找到 " + std::to_string(total) + " 条";
}

SearchResult run_search(store::Database& db, const SearchRequest& r) {
  auto started = std::chrono::steady_clock::now();
  SearchResult res;
  res.request = r;
  check_query_text(r.q);
  res.query = search::parse_query(r.q);
  if (!res.query.ok()) {
    throw invalid(search::query_error_code(res.query.error), search::query_error_message(res.query.error));
  }
  if (r.page < 1 || r.page > kMaxSearchPage) throw invalid("bad_page", "页码超出范围");
  if (r.per_page < 1 || r.per_page > kMaxSearchPerPage) throw invalid("bad_per_page", "每页条数超出范围");

  auto conn = db.acquire();
  store::Conn& c = *conn;
  store::SearchQuery sq;
  sq.query = res.query;
  sq.sort = r.sort;
  auto& f = sq.filter;
  if (!r.agency.empty()) {
    res.agency = store::find_agency_by_slug(c, r.agency);
    if (!res.agency) {
      std::string name = quotable(r.agency);
      throw AppError(ErrorKind::kNotFound, "unknown_agency", name.empty() ? "没有该代码的机关" : "没有代码为" + name + "的机关");
    }
    f.agency_id = res.agency->id;
    res.filters.push_back({"机关：" + res.agency->name, {"agency"}});
  }
  auto category = [&](const std::optional<int64_t>& id, const char* scheme, const char* label, const char* param,
                      const char* code) -> std::optional<int64_t> {
    if (!id) return std::nullopt;
    auto t = store::find_category_any(c, *id);
    if (!t || t->scheme != scheme || (f.agency_id && t->agency_id != *f.agency_id)) {
      throw invalid(code, std::string("所选") + label + "不存在");
    }
    res.filters.push_back({std::string(label) + "：" + t->name, {param}});
    return id;
  };
  f.class_id = category(r.class_id, "class", "信息分类", "class", "unknown_class");
  f.topic_id = category(r.topic_id, "topic", "主题分类", "topic", "unknown_topic");
  if (r.department_id) {
    auto t = store::find_department_any(c, *r.department_id);
    if (!t || (f.agency_id && t->agency_id != *f.agency_id)) throw invalid("unknown_department", "所选发布科室不存在");
    f.department_id = r.department_id;
    res.filters.push_back({"发布科室：" + t->name, {"dept"}});
  }
  f.year_from = r.year_from;
  f.year_to = r.year_to;
  if (r.year_from || r.year_to) {
    std::vector<std::string> ps;
    if (r.year_from) ps.push_back("year_from");
    if (r.year_to) ps.push_back("year_to");
    res.filters.push_back({year_label(r.year_from, r.year_to), ps});
  }
  if (!r.validity.empty()) {
    f.validity = r.validity;
    res.filters.push_back({"有效性：" + r.validity, {"validity"}});
  }

  sq.offset = static_cast<int64_t>(r.page - 1) * r.per_page;
  sq.limit = r.per_page;
  store::SearchPage page = store::search_items(c, sq);
  res.total = page.total;
  res.pages = static_cast<int>((page.total + r.per_page - 1) / r.per_page);
  if (r.page > 1 && r.page > res.pages) {
    throw invalid("page_out_of_range", "页码超出范围：共 " + std::to_string(res.pages) + " 页");
  }

  std::vector<int64_t> ids;
  for (const auto& h : page.rows) ids.push_back(h.item_id);
  std::map<int64_t, store::SnippetSource> sources;
  for (auto& s : store::snippet_sources(c, ids, kSnippetSourceChars)) sources[s.item_id] = std::move(s);
  auto needles = highlight_needles(res.query);
  for (auto& row : page.rows) {
    SearchHit h;
    auto it = sources.find(row.item_id);
    h.title = highlight_all(it != sources.end() ? it->second.title : row.title, needles);
    if (it != sources.end()) h.snippet = make_snippet(it->second.body, needles);
    h.row = std::move(row);
    res.hits.push_back(std::move(h));
  }

  if (res.total == 0 && !res.filters.empty()) {
    store::SearchQuery cq = sq;
    cq.limit = 0;
    cq.offset = 0;
    for (const auto& af : res.filters) {
      cq.filter = without(f, af);
      int64_t n = store::search_items(c, cq).total;
      if (n > 0) res.relaxations.push_back({{af}, n});
    }
    if (res.relaxations.empty() && res.filters.size() > 1) {
      cq.filter = store::SearchFilter{};
      int64_t n = store::search_items(c, cq).total;
      if (n > 0) res.relaxations.push_back({res.filters, n});
    }
  }
  res.millis = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  return res;
}

}  // namespace gongkai::app
