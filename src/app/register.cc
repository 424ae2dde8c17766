#include "app/register.h"

#include "app/errors.h"
#include "core/clock.h"
#include "core/date.h"
#include "core/outcomes.h"
#include "app/quota.h"
#include "store/audit_log.h"
#include "store/directory_store.h"

namespace gongkai::app {
namespace {

using core::Role;

bool is_office(const Principal& p) { return p.is_system() || p.has(Role::kOffice); }

void require_agency(const Principal& by, int64_t agency_id) {
  if (!by.in_agency(agency_id)) throw not_found("信息");
}

std::optional<int64_t> actor_id(const Principal& by) {
  return by.user_id ? std::optional<int64_t>(by.user_id) : std::nullopt;
}

// The item, if `by` may record things about it: the office, administrators and leaders for any
// item; liaisons and heads for their department's items; secrecy reviewers for attributes.
store::ItemRow load_for_edit(store::Conn& c, const Principal& by, int64_t agency_id, int64_t item_id,
                             bool secrecy_may) {
  require_agency(by, agency_id);
  auto item = store::find_item(c, agency_id, item_id);
  if (!item) throw not_found("信息");
  if (is_office(by) || by.has(Role::kAdmin) || by.has(Role::kLeader) || (secrecy_may && by.has(Role::kSecrecy))) {
    return *item;
  }
  if ((by.has(Role::kLiaison) || by.has(Role::kHead)) && by.department_id && by.department_id == item->department_id) {
    return *item;
  }
  throw forbidden("只能登记本科室的信息");
}

bool sees_register(const Principal& by) {
  return is_office(by) || by.has(Role::kLeader) || by.has(Role::kSecrecy);
}

std::string cst_time(const std::string& iso) { return core::utc_iso_to_cst(iso); }

}  // namespace

const std::vector<std::string_view>& channel_names() {
  static const std::vector<std::string_view> kNames = {
      "报刊", "广播电视", "政务公开栏", "咨询电话/热线", "政务新媒体（微信公众号）", "政务新媒体（微博）",
      "政务新媒体（其他）", "新闻发布会", "档案馆", "图书馆", "政务服务中心查阅点"};
  return kNames;
}

bool is_channel(std::string_view name) {
  for (auto n : channel_names()) {
    if (n == name) return true;
  }
  return false;
}

int64_t add_channel(store::Database& db, const Principal& by, int64_t agency_id, int64_t item_id,
                    const ChannelInput& in) {
  std::map<std::string, std::string> e;
  if (!is_channel(in.channel)) e["channel"] = "请选择公开渠道";
  auto d = core::Date::parse(in.on_date);
  if (!d || d->year() < 2000 || d->year() > 2100) e["on_date"] = "请按 年-月-日 填写公开日期";
  if (utf8_length(in.reference) > 200) e["reference"] = "刊期、账号或地点不能超过200个字";
  return db.with_tx([&](store::Conn& c) {
    load_for_edit(c, by, agency_id, item_id, false);
    if (!e.empty()) throw ValidationError(e);
    std::string now = core::now_iso();
    store::ChannelRow r;
    r.item_id = item_id;
    r.channel = in.channel;
    r.on_date = d->iso();
    r.reference = in.reference;
    int64_t id = store::insert_channel(c, agency_id, r, actor_id(by), now);
    store::audit(c, by.actor(), {agency_id, "item.channel_add", "item", std::to_string(item_id),
                                 in.channel + " " + d->iso() + " " + in.reference.substr(0, 100)});
    return id;
  });
}

void remove_channel(store::Database& db, const Principal& by, int64_t agency_id, int64_t channel_id) {
  db.with_tx([&](store::Conn& c) {
    require_agency(by, agency_id);
    auto ch = store::find_channel(c, agency_id, channel_id);
    if (!ch) throw not_found("公开渠道记录");
    load_for_edit(c, by, agency_id, ch->item_id, false);
    store::delete_channel(c, agency_id, channel_id);
    store::audit(c, by.actor(), {agency_id, "item.channel_remove", "item", std::to_string(ch->item_id),
                                 ch->channel + " " + ch->on_date});
  });
}

std::vector<store::ChannelRow> item_channels(store::Database& db, const Principal& by, int64_t agency_id,
                                             int64_t item_id) {
  require_agency(by, agency_id);
  auto c = db.acquire();
  return store::list_channels(*c, agency_id, item_id);
}

std::vector<std::pair<std::string, int64_t>> channel_counts(store::Database& db, int64_t agency_id, int year) {
  auto c = db.acquire();
  auto counts = store::count_channels(*c, agency_id, year);
  std::vector<std::pair<std::string, int64_t>> out;
  for (auto n : channel_names()) {
    auto it = counts.find(std::string(n));
    out.emplace_back(std::string(n), it == counts.end() ? 0 : it->second);
  }
  return out;
}

std::string legal_reason_label(const std::string& code) {
  const core::Outcome* o = core::find_outcome(code);
  if (!o || o->group != "denied") return "";
  return std::string(o->label) + "（《条例》" + std::string(o->basis) + "）";
}

void set_disclosure_attribute(store::Database& db, const Principal& by, int64_t agency_id, int64_t item_id,
                              const AttributeInput& in) {
  std::map<std::string, std::string> e;
  bool withheld = in.mode == kModeWithheld;
  if (in.mode != kModeProactive && in.mode != kModeOnRequest && !withheld) {
    e["mode"] = "公开属性只能是 主动公开、依申请公开 或 不予公开";
  }
  if (withheld && legal_reason_label(in.legal_reason).empty()) e["legal_reason"] = "不予公开须选择法定理由";
  if (!withheld && !in.legal_reason.empty()) e["legal_reason"] = "只有不予公开需要填写法定理由";
  if (utf8_length(in.remarks) > 500) e["remarks"] = "说明不能超过500个字";
  db.with_tx([&](store::Conn& c) {
    load_for_edit(c, by, agency_id, item_id, true);
    if (!e.empty()) throw ValidationError(e);
    store::AttributeRow r;
    r.item_id = item_id;
    r.mode = in.mode;
    r.legal_reason = in.legal_reason;
    r.remarks = in.remarks;
    store::insert_attribute(c, agency_id, r, actor_id(by), core::now_iso());
    store::audit(c, by.actor(), {agency_id, "item.attribute", "item", std::to_string(item_id),
                                 in.mode + (withheld ? " " + in.legal_reason : "")});
  });
}

void record_attribute_from_draft(store::Conn& c, const Principal& by, int64_t agency_id, int64_t item_id,
                                 const std::string& mode, const std::string& now) {
  auto current = store::current_attribute(c, agency_id, item_id);
  if (current && current->mode == mode) return;
  store::AttributeRow r;
  r.item_id = item_id;
  r.mode = mode;
  r.remarks = current ? "在信息编辑中修改公开方式" : "起草时选定公开方式";
  store::insert_attribute(c, agency_id, r, actor_id(by), now);
}

std::optional<store::AttributeRow> disclosure_attribute(store::Database& db, const Principal& by, int64_t agency_id,
                                                        int64_t item_id) {
  require_agency(by, agency_id);
  auto c = db.acquire();
  return store::current_attribute(*c, agency_id, item_id);
}

store::AttributePage attribute_register(store::Database& db, const Principal& by, int64_t agency_id,
                                        const std::string& mode, const std::string& q, int page) {
  require_agency(by, agency_id);
  if (!sees_register(by)) throw forbidden();
  if (utf8_length(q) > 100) throw ValidationError("q", "查询词不能超过100个字");
  auto c = db.acquire();
  return store::list_attributes(*c, agency_id, mode, q, page, 50);
}

void record_secrecy_review(store::Conn& c, const Principal& by, const store::RevisionRow& rev, bool passed,
                           const std::string& remarks, const std::string& now) {
  store::SecrecyEntry e;
  e.item_id = rev.item_id;
  e.rev_id = rev.id;
  e.department_id = rev.data.department_id;
  e.title = rev.data.title;
  e.reviewer_id = actor_id(by);
  e.reviewed_at = now;
  e.result = passed ? "通过" : "退回";
  e.remarks = remarks;
  store::insert_secrecy_entry(c, rev.agency_id, e);
}

store::SecrecyPage secrecy_register(store::Database& db, const Principal& by, int64_t agency_id,
                                    const RegisterQuery& q, bool all) {
  require_agency(by, agency_id);
  if (!sees_register(by)) throw forbidden("只有办公室、分管领导和保密审查员可以查看保密审查登记");
  std::map<std::string, std::string> e;
  store::SecrecyFilter f;
  f.agency_id = agency_id;
  if (utf8_length(q.q) > 100) e["q"] = "查询词不能超过100个字";
  f.q = q.q;
  if (!q.result.empty() && q.result != "通过" && q.result != "退回") e["result"] = "审查结果只能是 通过 或 退回";
  f.result = q.result;
  if (!q.from.empty()) {
    auto d = core::Date::parse(q.from);
    if (!d) e["from"] = "请按 年-月-日 填写起始日期";
    else f.from = cst_day_start_utc(*d);
  }
  if (!q.to.empty()) {
    auto d = core::Date::parse(q.to);
    if (!d) e["to"] = "请按 年-月-日 填写截止日期";
    else f.to = cst_day_start_utc(d->add_days(1));
  }
  if (!q.department_id.empty()) {
    if (q.department_id.size() > 18 || q.department_id.find_first_not_of("0123456789") != std::string::npos) {
      e["department_id"] = "科室不正确";
    } else {
      f.department_id = std::stoll(q.department_id);
    }
  }
  if (!e.empty()) throw ValidationError(e);
  f.page = q.page;
  f.per_page = all ? 0 : 50;
  auto c = db.acquire();
  return store::list_secrecy_entries(*c, f);
}

render::Document secrecy_register_document(const std::string& agency_name, const store::SecrecyPage& page) {
  render::Document doc;
  doc.title = agency_name + "保密审查登记";
  doc.landscape = true;
  doc.blocks.push_back(render::Heading{1, doc.title});
  doc.blocks.push_back(render::Paragraph{"共" + std::to_string(page.total) + "条记录。", render::Align::kLeft, false, false});
  render::Table t;
  t.caption = "保密审查登记";
  t.header_rows = 1;
  t.column_widths = {1, 2.2, 4, 1.6, 1.3, 2, 1, 3};
  std::vector<render::Cell> head;
  for (const char* h : {"序号", "索引号", "信息名称", "科室", "审查人", "审查时间", "结果", "意见"}) {
    head.push_back(render::Cell{h, 1, 1, true, render::Align::kCenter});
  }
  t.rows.push_back(head);
  int n = 0;
  for (const auto& r : page.rows) {
    ++n;
    render::Cell num{std::to_string(n), 1, 1, false, render::Align::kCenter, static_cast<double>(n)};
    t.rows.push_back({num, {r.index_no.value_or("（未编号）")}, {r.title}, {r.department_name}, {r.reviewer_name},
                      {cst_time(r.reviewed_at)}, {r.result, 1, 1, false, render::Align::kCenter}, {r.remarks}});
  }
  doc.blocks.push_back(std::move(t));
  return doc;
}

render::Document bulletin_document(store::Database& db, const Principal& by, int64_t agency_id, int year, int month,
                                   render::PageSize size) {
  require_agency(by, agency_id);
  if (!is_office(by) && !by.has(Role::kLeader)) throw forbidden("只有办公室可以制作公开栏");
  if (year < 2000 || year > 2100 || month < 1 || month > 12) throw ValidationError("month", "年份或月份不正确");
  auto c = db.acquire();
  auto agency = store::find_agency(*c, agency_id);
  if (!agency) throw not_found("单位");
  core::Date first = *core::Date::from_ymd(year, month, 1);
  core::Date last = (month == 12 ? *core::Date::from_ymd(year + 1, 1, 1) : *core::Date::from_ymd(year, month + 1, 1)).add_days(-1);
  auto rows = store::published_between(*c, agency_id, first.iso(), last.iso(), 500);
  render::Document doc;
  std::string period = std::to_string(year) + "年" + std::to_string(month) + "月";
  doc.title = agency->name + "政务公开栏 " + period;
  doc.page = size;
  doc.landscape = size == render::PageSize::kA3;
  doc.blocks.push_back(render::Heading{1, agency->name + "政务公开栏"});
  doc.blocks.push_back(render::Paragraph{period + "主动公开政府信息目录", render::Align::kCenter, true, false});
  if (rows.empty()) {
    doc.blocks.push_back(render::Paragraph{"本月没有新公开的政府信息。", render::Align::kLeft, false, true});
  } else {
    render::Table t;
    t.caption = period + "公开信息";
    t.header_rows = 1;
    t.column_widths = {0.8, 2.4, 5, 2, 1.6, 1.6};
    std::vector<render::Cell> head;
    for (const char* h : {"序号", "索引号", "信息名称", "文号", "发布机构", "发布日期"}) {
      head.push_back(render::Cell{h, 1, 1, true, render::Align::kCenter});
    }
    t.rows.push_back(head);
    int n = 0;
    for (const auto& r : rows) {
      ++n;
      t.rows.push_back({{std::to_string(n), 1, 1, false, render::Align::kCenter, static_cast<double>(n)},
                        {r.index_no},
                        {r.title},
                        {r.doc_no},
                        {r.department_name.empty() ? agency->name : r.department_name},
                        {r.publish_date, 1, 1, false, render::Align::kCenter}});
    }
    doc.blocks.push_back(std::move(t));
  }
  std::string contact = "查阅地址：" + (agency->address.empty() ? std::string("见本单位门户网站") : agency->address);
  if (!agency->phone.empty()) contact += "；咨询电话：" + agency->phone;
  doc.blocks.push_back(render::Paragraph{"共" + std::to_string(rows.size()) + "条。全文请登录本单位政府信息公开网站查阅。" + contact + "。",
                                         render::Align::kLeft, false, true});
  return doc;
}

}  // namespace gongkai::app
