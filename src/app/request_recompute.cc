// Deriving state and due dates again after the working-day calendar changed.
#include "app/errors.h"
#include "app/passwords.h"
#include "app/request_internal.h"
#include "app/requests.h"
#include "core/clock.h"
#include "core/deadline.h"
#include "core/outcomes.h"
#include "store/audit_log.h"
#include "store/directory_store.h"
#include "store/request_note_store.h"

namespace gongkai::app {

using namespace request_internal;

// ----- After a calendar change -----

int recompute_open_requests(store::Database& db, const core::WorkCalendar& cal) {
  return recompute_open_requests(db, cal, "工作日历变更").changed;
}

RecomputeResult recompute_open_requests(store::Database& db, const core::WorkCalendar& cal, const std::string& why) {
  std::vector<int64_t> ids;
  {
    auto c = db.acquire();
    ids = store::request_ids_in_states(*c, work_states(WorkList::kOpen));
  }
  int changed = 0;
  for (int64_t id : ids) {
    bool moved = db.with_tx([&](store::Conn& c) {
      auto agency = store::request_agency(c, id);
      if (!agency) return false;
      std::string now = core::now_iso();
      store::lock_request(c, *agency, id, now);
      auto r = store::find_request(c, *agency, id);
      auto rows = store::list_request_events(c, *agency, id);
      store::RequestDerived d = derived_of(derive_or_throw(cal, to_core(rows), std::nullopt));
      const store::RequestDerived& old = r->derived;
      if (d.state == old.state && d.due_on == old.due_on && d.waiting_until == old.waiting_until &&
          d.explanation == old.explanation && d.warnings == old.warnings) {
        return false;
      }
      store::set_request_derived(c, id, d, static_cast<int>(rows.size()), now);
      if (d.due_on != old.due_on || d.waiting_until != old.waiting_until || d.state != old.state) {
        // Shown on the request page's timeline, so that staff see why the date moved.
        std::string body = why + "：答复期限由 " + old.due_on.value_or("无") + " 调整为 " + d.due_on.value_or("无");
        if (d.waiting_until != old.waiting_until && d.waiting_until != d.due_on) {
          body += "；待办期限由 " + old.waiting_until.value_or("无") + " 调整为 " + d.waiting_until.value_or("无");
        }
        store::insert_request_note(c, {0, id, *agency, "deadline_recomputed", body, "系统", now});
      }
      store::audit(c, store::Actor{std::nullopt, "system"},
                   {*agency, "request.recompute", "request", std::to_string(id),
                    "due " + old.due_on.value_or("-") + " → " + d.due_on.value_or("-")});
      return true;
    });
    changed += moved;
  }
  db.with_tx([&](store::Conn& c) {
    store::audit(c, store::Actor{std::nullopt, "system"},
                 {std::nullopt, "requests.recompute", "request", "",
                  "checked " + std::to_string(ids.size()) + ", changed " + std::to_string(changed)});
  });
  return {static_cast<int>(ids.size()), changed};
}

}  // namespace gongkai::app
