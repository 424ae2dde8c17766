// Demo data for quotas and the assessment: yearly quotas for the demo agency's departments,
// this year's months of simulated monthly submissions (submit, return and confidentiality-review
// records on the demo catalog's items) and channel records, so the quota table, the trend and
// the assessment have something to show. Clearly demo: the events' comments say so.
#include "app/demo_quota.h"

#include <algorithm>

#include "app/quota.h"
#include "core/clock.h"
#include "store/audit_log.h"
#include "store/directory_store.h"
#include "store/item_store.h"
#include "store/quota_store.h"
#include "store/register_store.h"

namespace gongkai::app {

void load_demo_quota_data(store::Database& db, int64_t agency_id, core::Date today) {
  db.with_tx([&](store::Conn& c) {
    std::string now = core::now_iso();
    auto liaison = store::find_user_by_username(c, "cxswj.liaison");
    auto secrecy = store::find_user_by_username(c, "cxswj.secrecy");
    std::optional<int64_t> liaison_id = liaison ? std::optional<int64_t>(liaison->id) : std::nullopt;
    std::optional<int64_t> secrecy_id = secrecy ? std::optional<int64_t>(secrecy->id) : std::nullopt;
    store::set_remind_workdays(c, agency_id, 3, now);
    int index = 0;
    for (const auto& d : store::list_departments(c, agency_id)) {
      if (d.name == "办公室") continue;
      int items = 2 + index % 3;
      for (int year : {today.year() - 1, today.year()}) {
        store::QuotaRuleRow r;
        r.agency_id = agency_id;
        r.department_id = d.id;
        r.year = year;
        r.items = items;
        r.due_day = 25;
        r.shift = "previous";
        store::upsert_quota_rule(c, r, std::nullopt, now);
      }
      // The department's published demo items serve as the simulated submissions.
      store::ItemFilter f;
      f.agency_id = agency_id;
      f.department_id = d.id;
      f.per_page = 60;
      auto page = store::list_items(c, f);
      if (page.rows.empty()) continue;
      size_t next = 0;
      // Every month of this year before this one (at least the three before it).
      for (int back = std::max(3, today.month() - 1); back >= 1; --back) {
        core::Date first = *core::Date::from_ymd(today.year(), today.month(), 1);
        for (int k = 0; k < back; ++k) first = first.add_days(-1), first = *core::Date::from_ymd(first.year(), first.month(), 1);
        // Some departments fall one short, some submit one late, some get one returned.
        int on_time = items - ((index + back) % 3 == 0 ? 1 : 0);
        bool late = (index + back) % 4 == 1;
        bool returned = (index + back) % 2 == 0;
        for (int n = 0; n < on_time + (late ? 1 : 0); ++n, ++next) {
          const auto& item = page.rows[next % page.rows.size()];  // an item may serve several months
          int64_t rev = item.published_rev_id.value_or(0);
          if (!rev) continue;
          core::Date day = n < on_time ? first.add_days(4 + 3 * n) : first.add_days(26);
          std::string at = day.iso() + "T02:00:00Z";  // 10:00 China Standard Time
          store::insert_workflow_event(c, agency_id, item.id, rev, liaison_id, "submit", "head", "演示：模拟月度报送", at);
          if (returned && n == 0) {
            store::insert_workflow_event(c, agency_id, item.id, rev, liaison_id, "return", "secrecy",
                                         "演示：请核对涉及企业的信息", day.iso() + "T06:00:00Z");
            store::insert_secrecy_entry(c, agency_id,
                                        {0, item.id, rev, d.id, secrecy_id, item.title, "", "", day.iso() + "T06:00:00Z",
                                         "退回", "演示：请核对涉及企业的信息"});
          } else {
            store::insert_secrecy_entry(c, agency_id,
                                        {0, item.id, rev, d.id, secrecy_id, item.title, "", "", day.iso() + "T07:00:00Z",
                                         "通过", "演示：不涉密"});
          }
        }
      }
      // Where some of its items went out besides the portal (seed: 报刊、媒体、咨询电话、政务公开栏).
      for (size_t n = 0; n < page.rows.size() && n < 3; ++n) {
        const auto& item = page.rows[n];
        std::string on = item.publish_date.value_or(today.iso());
        store::insert_channel(c, agency_id, {0, item.id, "政务公开栏", on, "局机关一楼政务公开栏", "", ""}, std::nullopt, now);
        if (n == 0) store::insert_channel(c, agency_id, {0, item.id, "报刊", on, "慈溪日报", "", ""}, std::nullopt, now);
      }
      ++index;
    }
    store::audit(c, {std::nullopt, "demo"}, {agency_id, "demo.quota", "agency", std::to_string(agency_id), "quotas"});
  });
}

}  // namespace gongkai::app
