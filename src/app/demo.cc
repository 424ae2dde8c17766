#include "app/demo.h"
#include "app/demo_quota.h"

#include "app/catalog.h"
#include "app/demo_corpus.h"
#include "app/directory.h"
#include "app/errors.h"
#include "core/clock.h"
#include "core/index_no.h"
#include "core/roles.h"
#include "render/html_sanitizer.h"
#include "store/audit_log.h"
#include "store/directory_store.h"
#include "store/item_store.h"
#include "store/search_store.h"

namespace gongkai::app {

std::vector<DemoLogin> load_demo(store::Database& db, const std::string& password) {
  const DemoAgency& d = demo_agency();
  auto sys = Principal::system("demo");
  NewAgency na;
  na.slug = d.slug;
  na.name = d.name;
  na.org_code = d.org_code;
  na.address = d.address;
  na.phone = d.phone;
  na.fax = d.fax;
  na.email = d.email;
  na.office_hours = d.office_hours;
  int64_t agency = create_agency(db, sys, na);
  std::map<std::string, int64_t> dept;
  int sort = 0;
  for (const auto& name : d.departments) dept[name] = create_department(db, sys, agency, name, ++sort);
  std::vector<DemoLogin> logins;
  struct U { const char* user; const char* role; const char* dept; const char* name; };
  for (U u : {U{"admin", "admin", "办公室", "系统管理员"}, U{"office", "office", "办公室", "办公室 王敏"},
              U{"liaison", "liaison", "商贸流通科", "联络员 陈晓"}, U{"head", "head", "商贸流通科", "科长 李军"},
              U{"leader", "leader", "", "副局长 张伟"}, U{"secrecy", "secrecy", "办公室", "保密审查 刘芳"},
              U{"clerk", "clerk", "办公室", "受理员 周静"}}) {
    NewUser nu;
    nu.agency_id = agency;
    nu.username = d.slug + "." + u.user;
    nu.display_name = u.name;
    nu.password = password;
    if (*u.dept) nu.department_id = dept[u.dept];
    nu.roles = {u.role};
    create_user(db, sys, nu);
    logins.push_back({nu.username, std::string(core::role_label(*core::parse_role(u.role)))});
  }
  auto corpus = generate_demo_corpus();
  db.with_tx([&](store::Conn& c) {
    auto ag = store::find_agency(c, agency);
    auto cat = [&](const std::string& scheme, const std::string& name) -> std::optional<int64_t> {
      if (name.empty()) return std::nullopt;
      auto r = store::find_category_by_name(c, agency, scheme, name);
      return r ? std::optional<int64_t>(r->id) : std::nullopt;
    };
    std::string now = core::now_iso();
    for (const auto& it : corpus) {
      store::ItemData data;
      data.title = it.title;
      data.summary = it.summary;
      data.body_html = render::sanitize_html(it.body_html).html;
      data.doc_no = it.doc_no;
      data.keywords = it.keywords;
      data.department_id = dept.count(it.department) ? std::optional<int64_t>(dept[it.department]) : std::nullopt;
      data.class_id = cat("class", it.class_sub);
      auto topic = cat("topic", it.topic_sub);
      data.topic_id = topic ? topic : cat("topic", it.topic);
      data.genre_id = cat("genre", it.genre);
      data.creation_date = it.creation_date.iso();
      data.publish_date = it.publish_date.iso();
      data.carrier = it.carrier;
      data.validity = it.validity;
      if (it.validity_changed) data.validity_changed_on = it.validity_changed->iso();
      auto [item_id, rev_id] = store::insert_item(c, agency, std::nullopt, data, now);
      int year = it.publish_date.year();
      int64_t serial = store::next_index_serial(c, agency, year);
      std::string index_no = core::format_index_no(ag->index_pattern, ag->org_code, ag->slug, year, serial);
      int workdays = workdays_between(data.creation_date.value(), data.publish_date.value());
      store::set_revision_state(c, rev_id, "published", std::nullopt, std::nullopt, now);
      store::set_item_summary(c, item_id, data, workdays > 20, now);
      store::set_item_published(c, item_id, rev_id, index_no);
      store::insert_workflow_event(c, agency, item_id, rev_id, std::nullopt, "publish", "", "演示数据导入 " + index_no, now);
    }
    store::reindex_search(c, agency);  // the new items become searchable with the commit
    store::audit(c, sys.actor(), {agency, "demo.load", "agency", std::to_string(agency),
                                  std::to_string(corpus.size()) + " items"});
  });
  load_demo_quota_data(db, agency, core::Date::today_cst());
  return logins;
}

}  // namespace gongkai::app
