#include "app/catalog.h"

#include "app/errors.h"
#include "app/register.h"
#include "core/calendar.h"
#include "core/clock.h"
#include "core/deadline.h"
#include "core/date.h"
#include "core/index_no.h"
#include "core/workflow.h"
#include "store/directory_store.h"
#include "store/search_store.h"

namespace gongkai::app {
namespace {

using core::Role;

bool can_draft(const Principal& p) {
  return p.is_system() || p.has(Role::kLiaison) || p.has(Role::kOffice) || p.has(Role::kHead) ||
         p.has(Role::kLeader) || p.has(Role::kAdmin);
}

bool is_office(const Principal& p) { return p.is_system() || p.has(Role::kOffice); }

void require_agency(const Principal& by, int64_t agency_id) {
  if (!by.in_agency(agency_id)) throw not_found("信息");  // never reveal another agency's rows
}

// Answers ItemRefs with one query per lookup (the editor checks one item at a time).
class DbRefs final : public ItemRefs {
 public:
  DbRefs(store::Conn& c, int64_t agency_id) : c_(c), agency_id_(agency_id) {}
  bool department_exists(int64_t id) const override {
    return store::find_department(c_, agency_id_, id).has_value();
  }
  std::optional<std::string> category_scheme(int64_t id) const override {
    auto cat = store::find_category(c_, agency_id_, id);
    if (!cat) return std::nullopt;
    return cat->scheme;
  }

 private:
  store::Conn& c_;
  int64_t agency_id_;
};

// Checks the input against the agency's own rows and limits; returns the stored form.
store::ItemData validate(store::Conn& c, const Principal& by, int64_t agency_id, const ItemInput& in) {
  FieldErrors e;
  auto d = check_item(in, DbRefs(c, agency_id), by, e);
  if (!d) throw ValidationError(e);
  return std::move(*d);
}

store::RevisionRow load_revision(store::Conn& c, const Principal& by, int64_t agency_id, int64_t rev_id) {
  require_agency(by, agency_id);
  auto rev = store::find_revision(c, agency_id, rev_id);
  if (!rev) throw not_found("信息");
  return *rev;
}

void event(store::Conn& c, const Principal& by, const store::RevisionRow& rev, const std::string& action,
           const std::string& step, const std::string& comment, const std::string& now) {
  store::insert_workflow_event(c, rev.agency_id, rev.item_id, rev.id,
                               by.user_id ? std::optional<int64_t>(by.user_id) : std::nullopt, action, step, comment,
                               now);
  store::audit(c, by.actor(), {rev.agency_id, "item." + action, "item", std::to_string(rev.item_id),
                               "rev " + std::to_string(rev.rev_no) + (step.empty() ? "" : " " + step) +
                                   (comment.empty() ? "" : " " + comment.substr(0, 200))});
}

// Publishes a revision: index number on first publication, supersedes the previous version.
void publish(store::Conn& c, const Principal& by, store::RevisionRow rev, const std::string& now) {
  auto agency = store::find_agency(c, rev.agency_id);
  auto item = store::find_item(c, rev.agency_id, rev.item_id);
  std::string today = core::Date::today_cst().iso();
  if (!rev.data.publish_date || item->status != "published") rev.data.publish_date = today;
  if (item->published_rev_id && item->published_rev_id != rev.id) {
    store::set_revision_state(c, *item->published_rev_id, std::string(core::kStateSuperseded), std::nullopt,
                              std::nullopt, now);
    // A new version keeps the item's first publication date in listings.
    if (item->publish_date) rev.data.publish_date = *item->publish_date;
  }
  std::string index_no = item->index_no.value_or("");
  if (index_no.empty()) {
    int year = core::Date::parse(*rev.data.publish_date)->year();
    for (;;) {
      int64_t serial = store::next_index_serial(c, rev.agency_id, year);
      index_no = core::format_index_no(agency->index_pattern, agency->org_code, agency->slug, year, serial);
      if (!store::index_no_taken(c, index_no)) break;  // an imported number may already hold it
    }
  }
  store::update_revision_data(c, rev.id, rev.data, now);
  store::set_revision_state(c, rev.id, std::string(core::kStatePublished), std::nullopt, std::nullopt, now);
  bool late = rev.data.creation_date &&
              workdays_between(*rev.data.creation_date, *rev.data.publish_date) > kPublishWithinWorkdays;
  store::set_item_summary(c, rev.item_id, rev.data, late, now);
  store::set_item_published(c, rev.item_id, rev.id, index_no);
  store::index_item(c, rev.item_id);  // the search index follows in the same transaction
  event(c, by, rev, "publish", "", index_no, now);
}

}  // namespace

int workdays_between(const std::string& from_date, const std::string& to_date) {
  auto a = core::Date::parse(from_date), b = core::Date::parse(to_date);
  if (!a || !b || *b <= *a) return 0;
  return core::working_days_between(core::default_calendar(), *a, *b);
}

bool can_review(const Principal& by, const store::RevisionRow& rev) {
  if (rev.state != core::kStateInReview || !rev.step) return false;
  auto step = core::parse_step(*rev.step);
  if (!step || !by.has(core::step_role(*step)) || !by.in_agency(rev.agency_id)) return false;
  // A department head reviews their own department's items.
  if (*step == core::ReviewStep::kHead && by.department_id != rev.data.department_id) return false;
  return true;
}

int64_t create_item(store::Database& db, const Principal& by, int64_t agency_id, const ItemInput& in) {
  require_agency(by, agency_id);
  if (!can_draft(by)) throw forbidden();
  return db.with_tx([&](store::Conn& c) {
    store::ItemData d = validate(c, by, agency_id, in);
    std::string now = core::now_iso();
    auto author = by.user_id ? std::optional<int64_t>(by.user_id) : std::nullopt;
    auto [item_id, rev_id] = store::insert_item(c, agency_id, author, d, now);
    auto rev = store::find_revision(c, agency_id, rev_id);
    event(c, by, *rev, "create", "", "", now);
    record_attribute_from_draft(c, by, agency_id, item_id, d.disclosure_mode, now);
    return item_id;
  });
}

void update_revision(store::Database& db, const Principal& by, int64_t agency_id, int64_t rev_id,
                     const ItemInput& in) {
  db.with_tx([&](store::Conn& c) {
    auto rev = load_revision(c, by, agency_id, rev_id);
    if (rev.state != core::kStateDraft && rev.state != core::kStateReturned) {
      throw AppError(ErrorKind::kConflict, "not_editable", "该信息正在审核或已发布，不能直接修改");
    }
    if (!is_office(by) && rev.author_id != std::optional<int64_t>(by.user_id)) throw forbidden("只有起草人或办公室可以修改草稿");
    store::ItemData d = validate(c, by, agency_id, in);
    std::string now = core::now_iso();
    store::update_revision_data(c, rev.id, d, now);
    auto item = store::find_item(c, agency_id, rev.item_id);
    if (item->status == "draft") store::set_item_summary(c, rev.item_id, d, false, now);
    event(c, by, rev, "edit", "", "", now);
    record_attribute_from_draft(c, by, agency_id, rev.item_id, d.disclosure_mode, now);
  });
}

void submit_revision(store::Database& db, const Principal& by, int64_t agency_id, int64_t rev_id,
                     const std::string& comment) {
  db.with_tx([&](store::Conn& c) {
    auto rev = load_revision(c, by, agency_id, rev_id);
    if (rev.state != core::kStateDraft && rev.state != core::kStateReturned) {
      throw AppError(ErrorKind::kConflict, "not_submittable", "只有草稿或被退回的信息可以提交审核");
    }
    if (!is_office(by) && rev.author_id != std::optional<int64_t>(by.user_id)) throw forbidden("只有起草人或办公室可以提交");
    if (utf8_length(comment) > 500) throw ValidationError("comment", "说明不能超过500个字");
    auto agency = store::find_agency(c, agency_id);
    std::string err;
    auto wf = core::WorkflowConfig::parse(agency->workflow_steps, &err);
    std::string step(core::step_id(wf->first()));
    std::string now = core::now_iso();
    store::set_revision_state(c, rev.id, std::string(core::kStateInReview), step, std::nullopt, now);
    event(c, by, rev, "submit", step, comment, now);
  });
}

void approve_revision(store::Database& db, const Principal& by, int64_t agency_id, int64_t rev_id,
                      const std::string& comment, const std::optional<std::string>& publish_at) {
  if (utf8_length(comment) > 500) throw ValidationError("comment", "审核意见不能超过500个字");
  db.with_tx([&](store::Conn& c) {
    auto rev = load_revision(c, by, agency_id, rev_id);
    if (rev.state != core::kStateInReview) throw AppError(ErrorKind::kConflict, "not_in_review", "该信息不在审核中");
    if (!can_review(by, rev)) throw forbidden("您不是当前审核环节的审核人");
    auto agency = store::find_agency(c, agency_id);
    std::string err;
    auto wf = core::WorkflowConfig::parse(agency->workflow_steps, &err);
    auto step = *core::parse_step(*rev.step);
    std::string now = core::now_iso();
    event(c, by, rev, "approve", *rev.step, comment, now);
    if (step == core::ReviewStep::kSecrecy) record_secrecy_review(c, by, rev, true, comment, now);
    // A step removed from the configuration while the item waited moves on to the next one.
    std::optional<core::ReviewStep> next = wf->after(step);
    if (next) {
      store::set_revision_state(c, rev.id, std::string(core::kStateInReview), std::string(core::step_id(*next)),
                                std::nullopt, now);
    } else if (publish_at && *publish_at > now) {
      store::set_revision_state(c, rev.id, std::string(core::kStateScheduled), std::nullopt, *publish_at, now);
      event(c, by, rev, "schedule", "", *publish_at, now);
    } else {
      publish(c, by, rev, now);
    }
  });
}

void return_revision(store::Database& db, const Principal& by, int64_t agency_id, int64_t rev_id,
                     const std::string& reason) {
  if (utf8_length(reason) == 0) throw ValidationError("comment", "请填写退回理由");
  if (utf8_length(reason) > 500) throw ValidationError("comment", "退回理由不能超过500个字");
  db.with_tx([&](store::Conn& c) {
    auto rev = load_revision(c, by, agency_id, rev_id);
    if (rev.state != core::kStateInReview) throw AppError(ErrorKind::kConflict, "not_in_review", "该信息不在审核中");
    if (!can_review(by, rev)) throw forbidden("您不是当前审核环节的审核人");
    std::string now = core::now_iso();
    std::string step = *rev.step;
    store::set_revision_state(c, rev.id, std::string(core::kStateReturned), std::nullopt, std::nullopt, now);
    event(c, by, rev, "return", step, reason, now);
    if (step == core::step_id(core::ReviewStep::kSecrecy)) record_secrecy_review(c, by, rev, false, reason, now);
  });
}

int64_t start_new_version(store::Database& db, const Principal& by, int64_t agency_id, int64_t item_id) {
  require_agency(by, agency_id);
  if (!can_draft(by)) throw forbidden();
  return db.with_tx([&](store::Conn& c) {
    auto item = store::find_item(c, agency_id, item_id);
    if (!item) throw not_found("信息");
    if (item->working_rev_id) throw AppError(ErrorKind::kConflict, "revision_open", "该信息已有正在修改或审核中的版本");
    if (!item->published_rev_id) throw AppError(ErrorKind::kConflict, "not_published", "该信息尚未发布");
    auto pub = store::find_revision(c, agency_id, *item->published_rev_id);
    if (!is_office(by) && !by.has(Role::kAdmin) && by.department_id != pub->data.department_id) {
      throw forbidden("只能修改本科室的信息");
    }
    std::string now = core::now_iso();
    auto author = by.user_id ? std::optional<int64_t>(by.user_id) : std::nullopt;
    int64_t rev_id = store::insert_revision(c, item_id, agency_id, author, pub->data, now);
    store::copy_attachments(c, pub->id, rev_id);
    store::set_item_working_rev(c, item_id, rev_id);
    auto rev = store::find_revision(c, agency_id, rev_id);
    event(c, by, *rev, "new_version", "", "", now);
    return rev_id;
  });
}

void withdraw_item(store::Database& db, const Principal& by, int64_t agency_id, int64_t item_id,
                   const std::string& reason) {
  require_agency(by, agency_id);
  if (!is_office(by)) throw forbidden("只有办公室可以撤回已发布信息");
  if (utf8_length(reason) == 0) throw ValidationError("comment", "请填写撤回理由");
  if (utf8_length(reason) > 500) throw ValidationError("comment", "撤回理由不能超过500个字");
  db.with_tx([&](store::Conn& c) {
    auto item = store::find_item(c, agency_id, item_id);
    if (!item) throw not_found("信息");
    if (item->status != "published") throw AppError(ErrorKind::kConflict, "not_published", "该信息未处于发布状态");
    std::string now = core::now_iso();
    store::set_item_status(c, item_id, "withdrawn", now);
    store::unindex_item(c, item_id);
    auto rev = store::find_revision(c, agency_id, *item->published_rev_id);
    event(c, by, *rev, "withdraw", "", reason, now);
  });
}

void change_validity(store::Database& db, const Principal& by, int64_t agency_id, int64_t item_id,
                     const std::string& validity, const std::string& date, const std::string& reason) {
  require_agency(by, agency_id);
  if (!is_office(by)) throw forbidden("只有办公室可以变更有效性");
  std::map<std::string, std::string> e;
  if (!core::is_validity(validity)) e["validity"] = "有效性只能是 有效、失效 或 废止";
  auto d = core::Date::parse(date);
  if (!d) e["date"] = "请按 年-月-日 填写日期";
  if (utf8_length(reason) > 500) e["comment"] = "说明不能超过500个字";
  if (!e.empty()) throw ValidationError(e);
  db.with_tx([&](store::Conn& c) {
    auto item = store::find_item(c, agency_id, item_id);
    if (!item) throw not_found("信息");
    if (!item->published_rev_id) throw AppError(ErrorKind::kConflict, "not_published", "该信息尚未发布");
    std::string now = core::now_iso();
    bool back_to_valid = validity == core::kValid;
    store::set_item_validity(c, item_id, validity, back_to_valid ? std::nullopt : std::optional<std::string>(d->iso()),
                             now);
    auto rev = store::find_revision(c, agency_id, *item->published_rev_id);
    event(c, by, *rev, validity == core::kRepealed ? "repeal" : "validity", "", validity + " " + d->iso() +
                                                                                   (reason.empty() ? "" : " " + reason),
          now);
  });
}

int publish_due(store::Database& db, const std::string& now_iso) {
  std::vector<store::RevisionRow> due;
  {
    auto c = db.acquire();
    due = store::due_scheduled_revisions(*c, now_iso);
  }
  int n = 0;
  for (const auto& r : due) {
    db.with_tx([&](store::Conn& c) {
      auto fresh = store::find_revision(c, r.agency_id, r.id);
      if (!fresh || fresh->state != core::kStateScheduled) return;
      publish(c, Principal::system("scheduler"), *fresh, core::now_iso());
      ++n;
    });
  }
  return n;
}

ItemView view_item(store::Database& db, const Principal& by, int64_t agency_id, int64_t item_id) {
  require_agency(by, agency_id);
  auto c = db.acquire();
  auto item = store::find_item(*c, agency_id, item_id);
  if (!item) throw not_found("信息");
  ItemView v;
  v.item = *item;
  v.revisions = store::list_revisions(*c, item_id);
  v.events = store::list_workflow_events(*c, item_id);
  auto shown_id = item->working_rev_id ? item->working_rev_id : item->published_rev_id;
  if (shown_id) {
    v.shown = store::find_revision(*c, agency_id, *shown_id);
    v.attachments = store::list_attachments(*c, *shown_id);
  }
  return v;
}

}  // namespace gongkai::app
