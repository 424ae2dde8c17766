// Back-office pages for publication channels, disclosure attributes and the
// confidentiality-review register.
#include "app/errors.h"
#include "app/register.h"
#include "core/clock.h"
#include "core/date.h"
#include "core/outcomes.h"
#include "store/directory_store.h"
#include "store/item_store.h"
#include "web/pages.h"
#include "web/quota_handlers.h"
#include "web/server.h"

namespace gongkai::web {
namespace {

using core::Role;

int page_of(const Context& c) {
  auto p = c.int_param("page");
  if (!p) return 1;
  if (*p < 1 || *p > 100000) throw app::AppError(app::ErrorKind::kInvalid, "bad_page", "页码超出范围");
  return static_cast<int>(*p);
}

std::string item_url(int64_t id) { return "/admin/items/" + std::to_string(id); }

}  // namespace

void fill_item_registers(Context& c, render::Dict& d, int64_t agency_id, int64_t item_id) {
  const auto& who = c.who();
  d.SetValue("CSRF", c.session->csrf_token);
  std::optional<int64_t> item_dept;
  {
    auto conn = c.app.db->acquire();
    if (auto item = store::find_item(*conn, agency_id, item_id)) item_dept = item->department_id;
  }
  // The same rule as app/register.cc: the office, administrators and leaders for any item, the
  // department's liaisons and head for its items; confidentiality reviewers for attributes.
  bool records = who.has(Role::kOffice) || who.has(Role::kAdmin) || who.has(Role::kLeader) ||
                 ((who.has(Role::kLiaison) || who.has(Role::kHead)) && who.department_id && who.department_id == item_dept);
  if (records) d.ShowSection("CAN_CHANNEL");
  if (records || who.has(Role::kSecrecy)) d.ShowSection("CAN_ATTRIBUTE");
  for (const auto& ch : app::item_channels(*c.app.db, who, agency_id, item_id)) {
    auto* row = d.AddSectionDictionary("CHANNEL");
    row->SetValue("ID", std::to_string(ch.id));
    row->SetValue("NAME", ch.channel);
    row->SetValue("DATE", ch.on_date);
    row->SetValue("REF", ch.reference);
    row->SetValue("BY", ch.created_by_name);
    if (records) row->AddSectionDictionary("CAN_DELETE")->SetValue("CSRF", c.session->csrf_token);
  }
  for (auto n : app::channel_names()) add_option(d, "CHANNEL_OPT", std::string(n), std::string(n), false);
  d.SetValue("TODAY", core::Date::today_cst().iso());
  if (auto a = app::disclosure_attribute(*c.app.db, who, agency_id, item_id)) {
    auto* s = d.AddSectionDictionary("ATTRIBUTE");
    s->SetValue("MODE", a->mode);
    s->SetValue("REASON", a->legal_reason.empty() ? "" : "，理由：" + app::legal_reason_label(a->legal_reason));
    s->SetValue("REMARKS", a->remarks);
    s->SetValue("BY", a->decided_by_name);
    s->SetValue("AT", core::utc_iso_to_cst(a->decided_at));
  } else {
    d.ShowSection("NO_ATTRIBUTE");
  }
  for (auto m : {app::kModeProactive, app::kModeOnRequest, app::kModeWithheld}) {
    add_option(d, "MODE_OPT", std::string(m), std::string(m), false);
  }
  for (const auto& o : core::all_outcomes()) {
    if (o.group != "denied") continue;
    add_option(d, "REASON_OPT", std::string(o.code), app::legal_reason_label(std::string(o.code)), false);
  }
}

void post_item_channel(Context& c) {
  int64_t item = c.route_id();
  app::add_channel(*c.app.db, c.who(), agency_of(c), item, {c.param("channel"), c.param("on_date"), c.param("reference")});
  c.redirect(item_url(item) + "#channels-h");
}

void post_delete_channel(Context& c) {
  int64_t agency = agency_of(c);
  std::optional<store::ChannelRow> ch;
  {
    auto conn = c.app.db->acquire();
    ch = store::find_channel(*conn, agency, c.route_id());
  }
  if (!ch) throw app::not_found("公开渠道记录");
  app::remove_channel(*c.app.db, c.who(), agency, ch->id);
  c.redirect(item_url(ch->item_id) + "#channels-h");
}

void post_item_attribute(Context& c) {
  int64_t item = c.route_id();
  app::set_disclosure_attribute(*c.app.db, c.who(), agency_of(c), item,
                                {c.param("mode"), c.param("mode") == app::kModeWithheld ? c.param("legal_reason") : "",
                                 c.param("remarks")});
  c.redirect(item_url(item) + "#attribute-h");
}

void get_secrecy_register(Context& c) {
  int64_t agency = agency_of(c);
  app::RegisterQuery q{c.param("q"), c.param("result"), c.param("from"), c.param("to"), c.param("department_id"),
                       page_of(c)};
  auto page = app::secrecy_register(*c.app.db, c.who(), agency, q);
  Page p(c, "保密审查登记", "admin/secrecy_register.tpl");
  auto& d = p.content();
  d.SetValue("Q", q.q);
  d.SetValue("FROM", q.from);
  d.SetValue("TO", q.to);
  d.SetIntValue("TOTAL", page.total);
  for (const char* r : {"通过", "退回"}) add_option(d, "RESULT_OPT", r, r, q.result == r);
  {
    auto conn = c.app.db->acquire();
    for (const auto& dep : store::list_departments(*conn, agency)) {
      add_option(d, "DEPT_OPT", std::to_string(dep.id), dep.name, q.department_id == std::to_string(dep.id));
    }
  }
  for (const auto& r : page.rows) {
    auto* row = d.AddSectionDictionary("ROW");
    row->SetValue("ITEM_ID", std::to_string(r.item_id));
    row->SetValue("INDEX_NO", r.index_no.value_or("（未编号）"));
    row->SetValue("TITLE", r.title);
    row->SetValue("DEPT", r.department_name);
    row->SetValue("REVIEWER", r.reviewer_name);
    row->SetValue("AT", core::utc_iso_to_cst(r.reviewed_at));
    row->SetValue("RESULT", r.result);
    row->SetValue("RESULT_ID", r.result == "通过" ? "met" : "overdue");
    row->SetValue("REMARKS", r.remarks);
  }
  std::string query = "q=" + url_encode(q.q) + "&result=" + url_encode(q.result) + "&from=" + url_encode(q.from) +
                      "&to=" + url_encode(q.to) + "&department_id=" + url_encode(q.department_id);
  d.SetValue("EXPORT_QUERY", query);
  add_pager(d, "/admin/registers/secrecy?" + query, q.page, 50, page.total);
  p.send();
}

void get_attribute_register(Context& c) {
  int64_t agency = agency_of(c);
  std::string mode = c.param("mode");
  if (!mode.empty() && mode != app::kModeProactive && mode != app::kModeOnRequest && mode != app::kModeWithheld) {
    throw app::ValidationError("mode", "公开属性只能是 主动公开、依申请公开 或 不予公开");
  }
  int page_no = page_of(c);
  auto page = app::attribute_register(*c.app.db, c.who(), agency, mode, c.param("q"), page_no);
  Page p(c, "公开属性登记", "admin/attribute_register.tpl");
  auto& d = p.content();
  d.SetValue("Q", c.param("q"));
  d.SetIntValue("TOTAL", page.total);
  for (auto m : {app::kModeProactive, app::kModeOnRequest, app::kModeWithheld}) {
    add_option(d, "MODE_OPT", std::string(m), std::string(m), mode == m);
  }
  for (const auto& r : page.rows) {
    auto* row = d.AddSectionDictionary("ROW");
    row->SetValue("ITEM_ID", std::to_string(r.item_id));
    row->SetValue("INDEX_NO", r.index_no.value_or("（未编号）"));
    row->SetValue("TITLE", r.item_title);
    row->SetValue("MODE", r.mode);
    row->SetValue("REASON", app::legal_reason_label(r.legal_reason));
    row->SetValue("REMARKS", r.remarks);
    row->SetValue("BY", r.decided_by_name);
    row->SetValue("AT", core::utc_iso_to_cst(r.decided_at));
  }
  add_pager(d, "/admin/registers/attributes?mode=" + url_encode(mode) + "&q=" + url_encode(c.param("q")), page_no, 50,
            page.total);
  p.send();
}

}  // namespace gongkai::web
