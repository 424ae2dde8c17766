// Deriving state and due dates again after the working-day calendar changed. All open
// requests are read with their events in one streamed query and derived in memory; those whose
// derived columns differ are written in batches, each batch one transaction with one audit
// entry per agency listing its requests and their old and new due dates, and the requests'
// system records inserted in bulk. A request that got
// a new event between the read and the write is skipped by the batch and derived again on its
// own, under its row lock.
#include <map>
#include <optional>

#include "app/errors.h"
#include "app/request_internal.h"
#include "app/requests.h"
#include "core/clock.h"
#include "store/audit_log.h"
#include "store/request_note_store.h"

namespace gongkai::app {

using namespace request_internal;

namespace {

// Requests written per transaction, and named per audit entry. Larger transactions write each
// dirty page of the requests' indexes to the WAL fewer times; audit entries stay readable.
constexpr size_t kBatch = 5000;
constexpr int kPerAuditEntry = 500;

struct Change {
  int64_t id = 0, agency_id = 0;
  int event_count = 0;
  store::RequestDerived old, now;
};

bool same(const store::RequestDerived& a, const store::RequestDerived& b) {
  return a.state == b.state && a.due_on == b.due_on && a.waiting_until == b.waiting_until &&
         a.explanation == b.explanation && a.warnings == b.warnings;
}

// The system record shown on the request page's timeline when a date or the state moved, so
// that staff see why; nullopt when neither moved.
std::optional<store::RequestNoteRow> note_of(const Change& ch, const std::string& why, const std::string& now) {
  const auto& old = ch.old;
  const auto& d = ch.now;
  if (d.due_on == old.due_on && d.waiting_until == old.waiting_until && d.state == old.state) return std::nullopt;
  std::string body = why + "：答复期限由 " + old.due_on.value_or("无") + " 调整为 " + d.due_on.value_or("无");
  if (d.waiting_until != old.waiting_until && d.waiting_until != d.due_on) {
    body += "；待办期限由 " + old.waiting_until.value_or("无") + " 调整为 " + d.waiting_until.value_or("无");
  }
  return store::RequestNoteRow{0, ch.id, ch.agency_id, "deadline_recomputed", body, "系统", now};
}

// "12345 due 2026-11-05 → 2026-11-06": one request's line in the audit entry.
std::string audit_line(const Change& ch) {
  return std::to_string(ch.id) + " due " + ch.old.due_on.value_or("-") + " → " + ch.now.due_on.value_or("-");
}

// The system record and the audit entry of one change written on its own.
void record(store::Conn& c, const Change& ch, const std::string& why, const std::string& now) {
  if (auto note = note_of(ch, why, now)) store::insert_request_note(c, *note);
  store::audit(c, store::Actor{std::nullopt, "system"},
               {ch.agency_id, "request.recompute", "request", std::to_string(ch.id), audit_line(ch)});
}

// One request on its own, under its row lock: for those that changed since the bulk read.
bool recompute_one(store::Database& db, const core::WorkCalendar& cal, int64_t id, const std::string& why) {
  return db.with_tx([&](store::Conn& c) {
    auto agency = store::request_agency(c, id);
    if (!agency) return false;
    std::string now = core::now_iso();
    store::lock_request(c, *agency, id, now);
    auto r = store::find_request(c, *agency, id);
    auto rows = store::list_request_events(c, *agency, id);
    Change ch{id, *agency, static_cast<int>(rows.size()), r->derived,
              derived_of(derive_or_throw(cal, to_core(rows), std::nullopt))};
    if (same(ch.now, ch.old)) return false;
    store::set_request_derived(c, id, ch.now, ch.event_count, now);
    record(c, ch, why, now);
    return true;
  });
}

}  // namespace

int recompute_open_requests(store::Database& db, const core::WorkCalendar& cal) {
  return recompute_open_requests(db, cal, "工作日历变更").changed;
}

RecomputeResult recompute_open_requests(store::Database& db, const core::WorkCalendar& cal, const std::string& why) {
  RecomputeResult out;
  std::vector<Change> changes;
  {
    auto c = db.acquire();
    store::for_each_request_with_events(*c, work_states(WorkList::kOpen), [&](const store::RequestWithEvents& r) {
      ++out.checked;
      store::RequestDerived now = derived_of(derive_or_throw(cal, to_core(r.events), std::nullopt));
      if (!same(now, r.derived)) changes.push_back({r.id, r.agency_id, r.event_count, r.derived, std::move(now)});
    });
  }
  std::vector<int64_t> moved_since_read;
  for (size_t start = 0; start < changes.size(); start += kBatch) {
    size_t end = std::min(changes.size(), start + kBatch);
    std::vector<int64_t> skipped;
    int written = db.with_tx([&](store::Conn& c) {
      std::string now = core::now_iso();
      skipped.clear();  // the transaction may run again
      std::vector<store::RequestNoteRow> notes;
      // One audit entry per agency and up to kPerAuditEntry requests, naming every request
      // written with its old and new due date: the accountability of one entry each, for a
      // fraction of the writes (each entry hashes the one before).
      std::map<int64_t, std::pair<int, std::string>> lines;  // agency → count, lines
      auto flush = [&](int64_t agency) {
        auto& [count, text] = lines[agency];
        if (count == 0) return;
        store::audit(c, store::Actor{std::nullopt, "system"},
                     {agency, "request.recompute", "request", "", why + "：" + std::to_string(count) + " requests" + text});
        count = 0;
        text.clear();
      };
      int n = 0;
      for (size_t i = start; i < end; ++i) {
        const Change& ch = changes[i];
        if (!store::set_request_derived_if_unchanged(c, ch.id, ch.now, ch.event_count, now)) {
          skipped.push_back(ch.id);
          continue;
        }
        if (auto note = note_of(ch, why, now)) notes.push_back(std::move(*note));
        auto& [count, text] = lines[ch.agency_id];
        ++count;
        text += "\n" + audit_line(ch);
        if (count == kPerAuditEntry) flush(ch.agency_id);
        ++n;
      }
      store::insert_request_notes(c, notes);
      for (auto& entry : lines) flush(entry.first);
      return n;
    });
    out.changed += written;
    moved_since_read.insert(moved_since_read.end(), skipped.begin(), skipped.end());
  }
  for (int64_t id : moved_since_read) out.changed += recompute_one(db, cal, id, why);
  db.with_tx([&](store::Conn& c) {
    store::audit(c, store::Actor{std::nullopt, "system"},
                 {std::nullopt, "requests.recompute", "request", "",
                  "checked " + std::to_string(out.checked) + ", changed " + std::to_string(out.changed)});
  });
  return out;
}

}  // namespace gongkai::app
