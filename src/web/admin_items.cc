// Back-office catalog pages: work lists, the item editor, the item page and workflow actions.
#include <map>

#include "app/attachments.h"
#include "app/catalog.h"
#include "app/errors.h"
#include "core/clock.h"
#include "core/date.h"
#include "core/workflow.h"
#include "store/directory_store.h"
#include "store/item_store.h"
#include "web/admin_handlers.h"
#include "web/pages.h"
#include "web/quota_handlers.h"
#include "web/server.h"

namespace gongkai::web {
namespace {

using core::Role;

int page_param(const Context& c) {
  auto p = c.int_param("page");
  if (!p) return 1;
  if (*p < 1 || *p > 100000) throw app::AppError(app::ErrorKind::kInvalid, "bad_page", "页码超出范围");
  return static_cast<int>(*p);
}

std::map<int64_t, std::string> names(const std::vector<store::CategoryRow>& cats) {
  std::map<int64_t, std::string> m;
  std::map<int64_t, std::string> parents;
  for (const auto& c : cats) if (!c.parent_id) parents[c.id] = c.name;
  for (const auto& c : cats) m[c.id] = c.parent_id ? parents[*c.parent_id] + " / " + c.name : c.name;
  return m;
}

std::string status_label(const std::string& s) {
  return s == "published" ? "已发布" : s == "withdrawn" ? "已撤回" : "未发布";
}

app::ItemInput read_input(const Context& c) {
  app::ItemInput in;
  in.title = c.param("title");
  in.summary = c.param("summary");
  in.body_html = c.param("body_html");
  in.doc_no = c.param("doc_no");
  in.keywords = c.param("keywords");
  in.creation_date = c.param("creation_date");
  in.department_id = c.int_param("department_id");
  in.class_id = c.int_param("class_id");
  in.topic_id = c.int_param("topic_id");
  in.genre_id = c.int_param("genre_id");
  in.disclosure_mode = c.param("disclosure_mode").empty() ? "主动公开" : c.param("disclosure_mode");
  in.carrier = c.param("carrier").empty() ? "电子" : c.param("carrier");
  return in;
}

void item_form(Context& c, int status, const std::string& heading, const std::string& action,
               const app::ItemInput& in, const std::map<std::string, std::string>& errors) {
  int64_t agency = agency_of(c);
  Page p(c, heading, "admin/item_form.tpl");
  auto& d = p.content();
  d.SetValue("HEADING", heading);
  d.SetValue("ACTION", action);
  d.SetValue("CSRF", c.session->csrf_token);
  if (!errors.empty()) {
    auto* e = d.AddSectionDictionary("ERRORS");
    for (const auto& [field, msg] : errors) {
      auto* row = e->AddSectionDictionary("ERR");
      row->SetValue("FIELD", field);
      row->SetValue("MESSAGE", msg);
    }
  }
  auto text = [&](const char* name, const char* label, const std::string& value, int max, bool req,
                  const char* hint) {
    auto* f = d.AddSectionDictionary("TEXT_FIELD");
    f->SetValue("NAME", name);
    f->SetValue("LABEL", label);
    f->SetValue("VALUE", value);
    f->SetIntValue("MAX", max);
    if (req) f->ShowSection("REQ");
    if (hint && *hint) f->AddSectionDictionary("HINT")->SetValue("HINT", hint);
    if (auto it = errors.find(name); it != errors.end()) f->AddSectionDictionary("BAD")->SetValue("MESSAGE", it->second);
  };
  auto c2 = c.app.db->acquire();
  auto select = [&](const char* name, const char* label, const std::vector<std::pair<int64_t, std::string>>& opts,
                    std::optional<int64_t> value, bool req) {
    auto* f = d.AddSectionDictionary("SELECT_FIELD");
    f->SetValue("NAME", name);
    f->SetValue("LABEL", label);
    if (req) f->ShowSection("REQ");
    for (const auto& [id, text] : opts) add_option(*f, "OPT", std::to_string(id), text, value == id);
    if (auto it = errors.find(name); it != errors.end()) f->AddSectionDictionary("BAD")->SetValue("MESSAGE", it->second);
  };
  auto cat_opts = [&](const char* scheme, bool leaves_only) {
    auto cats = store::list_categories(*c2, agency, scheme);
    auto n = names(cats);
    std::vector<std::pair<int64_t, std::string>> out;
    std::set<int64_t> has_children;
    for (const auto& x : cats) if (x.parent_id) has_children.insert(*x.parent_id);
    for (const auto& x : cats) {
      if (!x.active || (leaves_only && has_children.count(x.id))) continue;
      out.emplace_back(x.id, n[x.id]);
    }
    return out;
  };
  text("title", "标题", in.title, 200, true, "");
  text("doc_no", "文号", in.doc_no, 100, false, "例如：慈商〔2013〕12号");
  text("creation_date", "生成日期", in.creation_date, 10, true, "年-月-日，例如 2013-05-20");
  text("keywords", "主题词", in.keywords, 200, false, "多个主题词用空格分隔");
  text("summary", "内容概述", in.summary, 1000, false, "");
  std::vector<std::pair<int64_t, std::string>> depts;
  for (const auto& dep : store::list_departments(*c2, agency)) if (dep.active) depts.emplace_back(dep.id, dep.name);
  auto dept_value = in.department_id ? in.department_id : c.who().department_id;
  select("department_id", "发布科室", depts, dept_value, true);
  select("class_id", "信息分类", cat_opts("class", true), in.class_id, true);
  select("topic_id", "主题分类", cat_opts("topic", false), in.topic_id, false);
  select("genre_id", "体裁分类", cat_opts("genre", false), in.genre_id, false);
  d.SetValue("BODY", in.body_html);
  if (auto it = errors.find("body_html"); it != errors.end()) d.AddSectionDictionary("BODY_BAD")->SetValue("MESSAGE", it->second);
  p.send(status);
}

void revision_list(Context& c, const std::string& heading, store::RevisionFilter f, const std::string& base) {
  f.agency_id = agency_of(c);
  f.page = page_param(c);
  store::RevisionPage page;
  {
    auto conn = c.app.db->acquire();
    page = store::list_revisions_filtered(*conn, f);
  }
  Page p(c, heading, "admin/revisions.tpl");
  auto& d = p.content();
  d.SetValue("HEADING", heading);
  d.SetValue("TOTAL", std::to_string(page.total));
  for (const auto& r : page.rows) {
    auto* row = d.AddSectionDictionary("ROW");
    row->SetValue("ITEM_ID", std::to_string(r.item_id));
    row->SetValue("TITLE", r.data.title);
    row->SetIntValue("REV_NO", r.rev_no);
    row->SetValue("STATE", core::state_label(r.state, r.step.value_or("")));
    row->SetValue("UPDATED", r.updated_at.substr(0, 16));
  }
  if (page.rows.empty()) d.ShowSection("EMPTY");
  add_pager(d, base, f.page, f.per_page, page.total);
  p.send();
}

std::vector<std::string> reviewable_steps(const app::Principal& who) {
  std::vector<std::string> steps;
  for (auto s : {core::ReviewStep::kHead, core::ReviewStep::kLeader, core::ReviewStep::kSecrecy}) {
    if (who.has(core::step_role(s))) steps.emplace_back(core::step_id(s));
  }
  return steps;
}

// Runs a workflow action and shows the item again, or the error on the item page.
template <typename F>
void action(Context& c, int64_t item_id, F&& fn) {
  fn();
  c.redirect("/admin/items/" + std::to_string(item_id));
}

int64_t item_of_revision(Context& c, int64_t rev_id) {
  auto conn = c.app.db->acquire();
  auto r = store::find_revision(*conn, agency_of(c), rev_id);
  if (!r) throw app::not_found("信息");
  return r->item_id;
}

}  // namespace

void get_admin_home(Context& c) {
  const auto& who = c.who();
  Page p(c, "工作台", "admin/home.tpl");
  int64_t drafts = 0, reviews = 0, published = 0;
  if (who.agency_id) {
    auto conn = c.app.db->acquire();
    store::RevisionFilter mine{*who.agency_id, who.user_id, {"draft", "returned"}};
    mine.per_page = 1;
    drafts = store::list_revisions_filtered(*conn, mine).total;
    auto steps = reviewable_steps(who);
    if (!steps.empty()) {
      store::RevisionFilter q{*who.agency_id, std::nullopt, {"in_review"}, steps};
      q.per_page = 1;
      if (!who.has(Role::kLeader) && !who.has(Role::kSecrecy)) q.department_id = who.department_id;
      reviews = store::list_revisions_filtered(*conn, q).total;
    }
    published = store::count_items(*conn, *who.agency_id, "published");
  }
  p.content().SetValue("DRAFTS", std::to_string(drafts));
  p.content().SetValue("REVIEWS", std::to_string(reviews));
  p.content().SetValue("PUBLISHED", std::to_string(published));
  if (who.agency_id) fill_home_notices(c, p.content(), *who.agency_id);
  p.send();
}

void get_drafts(Context& c) {
  store::RevisionFilter f;
  f.author_id = c.who().user_id;
  f.states = {"draft", "returned", "in_review", "scheduled"};
  revision_list(c, "我的草稿", f, "/admin/drafts");
}

void get_reviews(Context& c) {
  const auto& who = c.who();
  store::RevisionFilter f;
  f.states = {"in_review"};
  f.steps = reviewable_steps(who);
  if (f.steps.empty()) f.steps = {"none"};
  // Department heads see their own department's items; leaders and reviewers see all.
  if (!who.has(Role::kLeader) && !who.has(Role::kSecrecy)) f.department_id = who.department_id.value_or(-1);
  revision_list(c, "待我审核", f, "/admin/reviews");
}

void get_items(Context& c) {
  int64_t agency = agency_of(c);
  store::ItemFilter f;
  f.agency_id = agency;
  f.page = page_param(c);
  std::string status = c.param("status");
  if (!status.empty()) {
    if (status != "published" && status != "draft" && status != "withdrawn") {
      throw app::AppError(app::ErrorKind::kInvalid, "bad_filter", "未知的状态筛选条件");
    }
    f.status = status;
  }
  f.class_id = c.int_param("class");
  f.department_id = c.int_param("dept");
  if (!c.param("year").empty()) {
    auto y = c.int_param("year");
    if (!y || *y < 1990 || *y > 2100) throw app::AppError(app::ErrorKind::kInvalid, "bad_filter", "年份应为四位数字");
    f.year = static_cast<int>(*y);
  }
  if (!c.param("validity").empty()) {
    if (!core::is_validity(c.param("validity"))) throw app::AppError(app::ErrorKind::kInvalid, "bad_filter", "未知的有效性");
    f.validity = c.param("validity");
  }
  f.title_contains = c.param("q");
  if (app::utf8_length(f.title_contains) > 100) throw app::AppError(app::ErrorKind::kInvalid, "bad_filter", "标题关键词过长");
  store::ItemPage page;
  std::vector<store::CategoryRow> classes;
  std::vector<store::DepartmentRow> depts;
  {
    auto conn = c.app.db->acquire();
    page = store::list_items(*conn, f);
    classes = store::list_categories(*conn, agency, "class");
    depts = store::list_departments(*conn, agency);
  }
  Page p(c, "信息目录", "admin/items.tpl");
  auto& d = p.content();
  d.SetValue("Q", f.title_contains);
  d.SetValue("YEAR", f.year ? std::to_string(*f.year) : "");
  d.SetValue("TOTAL", std::to_string(page.total));
  for (auto [v, l] : {std::pair{"", "全部"}, {"published", "已发布"}, {"draft", "未发布"}, {"withdrawn", "已撤回"}}) {
    add_option(d, "STATUS_OPT", v, l, status == v);
  }
  auto cn = names(classes);
  for (const auto& x : classes) add_option(d, "CLASS_OPT", std::to_string(x.id), cn[x.id], f.class_id == x.id);
  std::map<int64_t, std::string> dn;
  for (const auto& x : depts) add_option(d, "DEPT_OPT", std::to_string(x.id), x.name, f.department_id == x.id);
  for (const char* v : {"有效", "失效", "废止"}) add_option(d, "VALIDITY_OPT", v, v, f.validity == std::string(v));
  for (const auto& r : page.rows) {
    auto* row = d.AddSectionDictionary("ROW");
    row->SetValue("ID", std::to_string(r.id));
    row->SetValue("INDEX_NO", r.index_no.value_or("—"));
    row->SetValue("TITLE", r.title);
    row->SetValue("PUBLISH_DATE", r.publish_date.value_or("—"));
    row->SetValue("STATUS", status_label(r.status));
    row->SetValue("VALIDITY", r.validity);
    if (r.late) row->ShowSection("LATE");
  }
  std::string base = "/admin/items?status=" + url_encode(status) + "&q=" + url_encode(f.title_contains) +
                     "&class=" + (f.class_id ? std::to_string(*f.class_id) : "") +
                     "&dept=" + (f.department_id ? std::to_string(*f.department_id) : "") +
                     "&year=" + (f.year ? std::to_string(*f.year) : "") + "&validity=" + url_encode(f.validity.value_or(""));
  add_pager(d, base, f.page, f.per_page, page.total);
  p.send();
}

void get_new_item(Context& c) {
  app::ItemInput in;
  in.creation_date = core::Date::today_cst().iso();
  item_form(c, 200, "新建信息", "/admin/items", in, {});
}

void post_new_item(Context& c) {
  app::ItemInput in = read_input(c);
  try {
    int64_t id = app::create_item(*c.app.db, c.who(), agency_of(c), in);
    c.redirect("/admin/items/" + std::to_string(id));
  } catch (const app::ValidationError& e) {
    item_form(c, 400, "新建信息", "/admin/items", in, e.fields());
  }
}

void get_edit_revision(Context& c) {
  int64_t agency = agency_of(c);
  store::RevisionRow r;
  {
    auto conn = c.app.db->acquire();
    auto found = store::find_revision(*conn, agency, c.route_id());
    if (!found) throw app::not_found("信息");
    r = *found;
  }
  app::ItemInput in;
  in.title = r.data.title;
  in.summary = r.data.summary;
  in.body_html = r.data.body_html;
  in.doc_no = r.data.doc_no;
  in.keywords = r.data.keywords;
  in.department_id = r.data.department_id;
  in.class_id = r.data.class_id;
  in.topic_id = r.data.topic_id;
  in.genre_id = r.data.genre_id;
  in.creation_date = r.data.creation_date.value_or("");
  item_form(c, 200, "修改信息", "/admin/revisions/" + std::to_string(r.id), in, {});
}

void post_edit_revision(Context& c) {
  int64_t rev = c.route_id();
  app::ItemInput in = read_input(c);
  try {
    app::update_revision(*c.app.db, c.who(), agency_of(c), rev, in);
    c.redirect("/admin/items/" + std::to_string(item_of_revision(c, rev)));
  } catch (const app::ValidationError& e) {
    item_form(c, 400, "修改信息", "/admin/revisions/" + std::to_string(rev), in, e.fields());
  }
}

void get_item(Context& c) {
  int64_t agency = agency_of(c);
  const auto& who = c.who();
  auto v = app::view_item(*c.app.db, who, agency, c.route_id());
  std::map<int64_t, std::string> cat_names, dept_names;
  std::optional<store::AgencyRow> ag;
  {
    auto conn = c.app.db->acquire();
    for (const char* s : {"class", "topic", "genre"}) for (auto& [k, n] : names(store::list_categories(*conn, agency, s))) cat_names[k] = n;
    for (const auto& d : store::list_departments(*conn, agency)) dept_names[d.id] = d.name;
    ag = store::find_agency(*conn, agency);
  }
  const store::ItemData& data = v.shown ? v.shown->data : store::ItemData{};
  Page p(c, data.title, "admin/item.tpl");
  auto& d = p.content();
  d.SetValue("TITLE", data.title);
  d.SetValue("ID", std::to_string(v.item.id));
  d.SetValue("CSRF", c.session->csrf_token);
  std::string status = status_label(v.item.status);
  if (v.shown && v.shown->id == v.item.working_rev_id) status += " · 第" + std::to_string(v.shown->rev_no) + "版" +
                                                             core::state_label(v.shown->state, v.shown->step.value_or(""));
  d.SetValue("STATUS", status);
  if (v.item.late) {
    d.ShowSection("LATE");
    d.SetIntValue("LATE_DAYS", app::workdays_between(v.item.creation_date.value_or(""), v.item.publish_date.value_or("")));
  }
  auto cat = [&](const std::optional<int64_t>& id) { return id ? cat_names[*id] : std::string("—"); };
  std::vector<std::pair<std::string, std::string>> meta = {
      {"索引号", v.item.index_no.value_or("（发布时生成）")},
      {"主题分类", cat(data.topic_id)},
      {"信息分类", cat(data.class_id)},
      {"体裁分类", cat(data.genre_id)},
      {"发布机构", ag->name + (data.department_id ? " " + dept_names[*data.department_id] : "")},
      {"生成日期", data.creation_date.value_or("—")},
      {"发布日期", v.item.publish_date.value_or("—")},
      {"文号", data.doc_no.empty() ? "—" : data.doc_no},
      {"主题词", data.keywords.empty() ? "—" : data.keywords},
      {"有效性", v.item.validity + (v.item.validity_changed_on ? "（自 " + *v.item.validity_changed_on + "）" : "")},
      {"公开方式", data.disclosure_mode},
      {"载体类型", data.carrier},
      {"内容概述", data.summary.empty() ? "—" : data.summary},
  };
  for (const auto& [k, val] : meta) {
    auto* m = d.AddSectionDictionary("META");
    m->SetValue("LABEL", k);
    m->SetValue("VALUE", val);
  }
  // The body was sanitised with a whitelist when saved, so it is shown as HTML.
  d.SetValue("BODY", data.body_html);
  if (v.shown) {
    d.SetValue("REV_ID", std::to_string(v.shown->id));
    bool editable = (v.shown->state == "draft" || v.shown->state == "returned") &&
                    (who.has(Role::kOffice) || v.shown->author_id == std::optional<int64_t>(who.user_id));
    if (editable) d.ShowSection("CAN_EDIT");
    if (app::can_review(who, *v.shown)) {
      d.ShowSection("CAN_REVIEW");
      d.SetValue("STEP_LABEL", std::string(core::step_label(*core::parse_step(*v.shown->step))));
      if (*v.shown->step == "secrecy") d.ShowSection("LAST_STEP");
    }
  }
  if (v.item.status == "published" && !v.item.working_rev_id) d.ShowSection("CAN_NEW_VERSION");
  if (v.item.status == "published" && who.has(Role::kOffice)) d.ShowSection("CAN_OFFICE");
  bool attach_editable = v.shown && (v.shown->state == "draft" || v.shown->state == "returned") &&
                         (who.has(Role::kOffice) || v.shown->author_id == std::optional<int64_t>(who.user_id));
  if (attach_editable) d.ShowSection("CAN_ATTACH");
  if (!v.attachments.empty()) {
    d.ShowSection("HAS_ATTACHMENTS");
    for (const auto& a : v.attachments) {
      auto* row = d.AddSectionDictionary("ATTACHMENT");
      row->SetValue("ID", std::to_string(a.id));
      row->SetValue("NAME", a.filename);
      char size[32];
      if (a.size < 1024 * 1024) std::snprintf(size, sizeof size, "%lld KB", static_cast<long long>((a.size + 1023) / 1024));
      else std::snprintf(size, sizeof size, "%.1f MB", static_cast<double>(a.size) / (1024 * 1024));
      row->SetValue("SIZE", size);
      if (attach_editable) {
        auto* del = row->AddSectionDictionary("CAN_DELETE");
        del->SetValue("REV_ID", std::to_string(v.shown->id));
        del->SetValue("CSRF", c.session->csrf_token);
      }
    }
  }
  for (const auto& r : v.revisions) {
    auto* row = d.AddSectionDictionary("VERSION");
    row->SetIntValue("REV_NO", r.rev_no);
    row->SetValue("STATE", core::state_label(r.state, r.step.value_or("")));
    row->SetValue("TITLE", r.data.title);
    row->SetValue("UPDATED", r.updated_at.substr(0, 16));
  }
  static const std::map<std::string, std::string> kActions = {
      {"create", "起草"}, {"edit", "修改"}, {"submit", "提交审核"}, {"approve", "审核通过"}, {"return", "退回"},
      {"publish", "发布"}, {"attach", "上传附件"}, {"detach", "删除附件"}, {"schedule", "定时发布"}, {"new_version", "修订"}, {"withdraw", "撤回"},
      {"repeal", "废止"}, {"validity", "变更有效性"}};
  for (const auto& e : v.events) {
    auto* row = d.AddSectionDictionary("EVENT");
    row->SetValue("AT", e.at.substr(0, 16).replace(10, 1, " "));
    row->SetValue("ACTOR", e.actor_name.empty() ? "系统" : e.actor_name);
    auto it = kActions.find(e.action);
    std::string label = it == kActions.end() ? e.action : it->second;
    if (auto s = core::parse_step(e.step)) label += "（" + std::string(core::step_label(*s)) + "）";
    row->SetValue("ACTION", label);
    row->SetValue("COMMENT", e.comment);
  }
  fill_item_registers(c, d, agency, v.item.id);
  p.send();
}

void post_attachment(Context& c) {
  int64_t rev = c.route_id();
  int64_t item = item_of_revision(c, rev);
  const UploadedFile* file = nullptr;
  for (const auto& f : c.files()) if (f.field == "file") file = &f;
  if (!file) throw app::ValidationError("file", "请选择要上传的文件");
  app::add_attachment(*c.app.db, *c.app.blobs, c.who(), agency_of(c), rev, file->filename, file->data);
  c.redirect("/admin/items/" + std::to_string(item));
}

void post_delete_attachment(Context& c) {
  int64_t rev = c.route_id();
  int64_t item = item_of_revision(c, rev);
  app::remove_attachment(*c.app.db, c.who(), agency_of(c), rev, c.route_id("aid"));
  c.redirect("/admin/items/" + std::to_string(item));
}

namespace {
void send_download(Context& c, const app::Download& d, const char* cache) {
  c.resp.set("Content-Disposition", app::content_disposition(d.meta.filename, d.meta.mime == "application/pdf"));
  c.resp.set("Cache-Control", cache);
  c.resp.set("ETag", "\"" + d.meta.sha256 + "\"");
  // A stored file is never rendered as a page of ours.
  c.resp.set("Content-Security-Policy", "default-src 'none'; sandbox");
  if (c.req.get("If-None-Match", "") == "\"" + d.meta.sha256 + "\"") {
    c.send(304, d.meta.mime, "");
    return;
  }
  c.send(200, d.meta.mime, d.data);
}
}  // namespace

void get_admin_attachment(Context& c) {
  send_download(c, app::staff_download(*c.app.db, *c.app.blobs, c.who(), agency_of(c), c.route_id()), "private, no-store");
}

void get_public_attachment(Context& c) {
  send_download(c, app::public_download(*c.app.db, *c.app.blobs, c.route_id()), "public, max-age=300");
}

void post_submit(Context& c) {
  int64_t rev = c.route_id();
  action(c, item_of_revision(c, rev), [&] { app::submit_revision(*c.app.db, c.who(), agency_of(c), rev, c.param("comment")); });
}

void post_approve(Context& c) {
  int64_t rev = c.route_id();
  std::optional<std::string> publish_at;
  if (!c.param("publish_at").empty()) {
    publish_at = core::cst_to_utc_iso(c.param("publish_at"));
    if (!publish_at) throw app::ValidationError("publish_at", "定时发布时间格式应为 2026-12-01 09:00");
    if (*publish_at <= core::now_iso()) throw app::ValidationError("publish_at", "定时发布时间应晚于当前时间");
  }
  action(c, item_of_revision(c, rev),
         [&] { app::approve_revision(*c.app.db, c.who(), agency_of(c), rev, c.param("comment"), publish_at); });
}

void post_return(Context& c) {
  int64_t rev = c.route_id();
  action(c, item_of_revision(c, rev), [&] { app::return_revision(*c.app.db, c.who(), agency_of(c), rev, c.param("comment")); });
}

void post_new_version(Context& c) {
  int64_t item = c.route_id();
  int64_t rev = app::start_new_version(*c.app.db, c.who(), agency_of(c), item);
  c.redirect("/admin/revisions/" + std::to_string(rev) + "/edit");
}

void post_withdraw(Context& c) {
  int64_t item = c.route_id();
  action(c, item, [&] { app::withdraw_item(*c.app.db, c.who(), agency_of(c), item, c.param("comment")); });
}

void post_validity(Context& c) {
  int64_t item = c.route_id();
  action(c, item, [&] {
    app::change_validity(*c.app.db, c.who(), agency_of(c), item, c.param("validity"), c.param("date"), c.param("comment"));
  });
}

}  // namespace gongkai::web
