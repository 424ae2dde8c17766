#include "app/work_calendar.h"

#include <gtest/gtest.h>

#include "app/errors.h"
#include "app/request_test_inputs.h"
#include "app/requests.h"
#include "app/test_fixture.h"
#include "store/audit_log.h"
#include "store/calendar_store.h"
#include "store/migrations.h"
#include "store/test_databases.h"

namespace gongkai::app {
namespace {

using core::Date;

Date D(const char* s) { return *Date::parse(s); }

// The shipped 2024 notice as a chinese-days year file, with `extra_off` added as a holiday.
std::string chinese_days_2024(const std::string& extra_off) {
  std::string holidays, workdays;
  for (const auto& e : core::default_calendar().entries()) {
    if (core::notice_year(e.date) != 2024) continue;
    std::string& to = e.workday ? workdays : holidays;
    to += std::string(to.empty() ? "" : ",") + "\"" + e.date.iso() + "\":\"Holiday," + e.name + ",1\"";
  }
  holidays += ",\"" + extra_off + "\":\"Test,测试假日,1\"";
  return "{\"holidays\":{" + holidays + "},\"workdays\":{" + workdays + "},\"inLieuDays\":{}}";
}

class WorkCalendarTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = store::open_test_database(GetParam(), 4);
    if (!db_) GTEST_SKIP() << "backend not available: " << GetParam();
    store::migrate(*db_);
    a_ = make_test_agency(*db_, "wc", "000014349");
  }
  int64_t entered(const char* received_on) {
    return enter_request(*db_, a_.who["clerk"], a_.id, letter_request(received_on), new_request_keys()).id;
  }
  RequestView view(int64_t id) { return view_request(*db_, a_.who["office"], a_.id, id); }

  std::unique_ptr<store::Database> db_;
  TestAgency a_;
};

TEST_P(WorkCalendarTest, ImportingAYearMovesTheDueDatesOfOpenRequestsAndSaysWhy) {
  int64_t open = entered("2024-09-27");
  int64_t decided = entered("2024-09-27");
  EventInput d;
  d.kind = "decided";
  d.date = "2024-10-29";
  d.outcome = "granted";
  add_request_event(*db_, a_.who["clerk"], a_.id, decided, d);
  ASSERT_EQ(*view(open).request.derived.due_on, "2024-10-30");

  auto r = import_calendar(*db_, a_.who["admin"], chinese_days_2024("2024-10-29"));
  EXPECT_EQ(r.year, 2024);
  EXPECT_EQ(r.format, "chinese-days");
  EXPECT_EQ(r.requests_checked, 1);  // the decided one is not open
  EXPECT_EQ(r.requests_moved, 1);

  RequestView v = view(open);
  EXPECT_EQ(*v.request.derived.due_on, "2024-10-31");
  ASSERT_EQ(v.notes.size(), 1u);
  EXPECT_EQ(v.notes[0].kind, "deadline_recomputed");
  EXPECT_NE(v.notes[0].body.find("答复期限由 2024-10-30 调整为 2024-10-31"), std::string::npos) << v.notes[0].body;
  EXPECT_NE(v.notes[0].body.find("2024年节假日安排已更新"), std::string::npos);
  EXPECT_EQ(*view(decided).request.derived.due_on, "2024-10-30");
  EXPECT_TRUE(view(decided).notes.empty());

  // The explanation of the deadline counts with the new day, and new requests do too.
  auto cal = current_calendar(*db_);
  EXPECT_FALSE(cal->is_workday(D("2024-10-29")));
  EXPECT_EQ(cal->classify(D("2024-10-29")).reason, "测试假日");
  EXPECT_EQ(*view(entered("2024-09-27")).request.derived.due_on, "2024-10-31");

  auto c = db_->acquire();
  EXPECT_EQ(c->query_int("SELECT COUNT(*) FROM audit_log WHERE action = 'calendar.import'"), 1);
  EXPECT_EQ(c->query_int("SELECT COUNT(*) FROM audit_log WHERE action = 'request.recompute'"), 1);
  EXPECT_TRUE(store::verify_audit(*c).ok);
}

TEST_P(WorkCalendarTest, ABatchOfMovedRequestsIsOneAuditEntryNamingEachWithItsDates) {
  std::vector<int64_t> ids = {entered("2024-09-27"), entered("2024-09-27"), entered("2024-09-27")};
  auto r = import_calendar(*db_, a_.who["admin"], chinese_days_2024("2024-10-29"));
  EXPECT_EQ(r.requests_moved, 3);
  auto c = db_->acquire();
  auto rows = c->query("SELECT agency_id, entity_id, detail FROM audit_log WHERE action = 'request.recompute'");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].i64(0), a_.id);
  std::string detail = rows[0].str(2);
  EXPECT_NE(detail.find("3 requests"), std::string::npos) << detail;
  for (int64_t id : ids) {
    EXPECT_NE(detail.find("\n" + std::to_string(id) + " due 2024-10-30 → 2024-10-31"), std::string::npos) << detail;
    auto v = view(id);
    ASSERT_EQ(v.notes.size(), 1u);
    EXPECT_NE(v.notes[0].body.find("答复期限由 2024-10-30 调整为 2024-10-31"), std::string::npos);
  }
  EXPECT_TRUE(store::verify_audit(*c).ok);
}

TEST_P(WorkCalendarTest, ANewYearFromHolidayCalendarIsAddedAndListed) {
  std::string json = R"({"year": 2027, "region": "CN", "dates": [
    {"name": "New Year's Day", "name_cn": "元旦", "date": "2027-01-01", "type": "public_holiday"},
    {"name": "New Year's Day", "name_cn": "元旦", "date": "2027-01-02", "type": "public_holiday"},
    {"name": "New Year's Day", "name_cn": "元旦", "date": "2027-01-03", "type": "public_holiday"},
    {"name": "Spring Festival", "name_cn": "春节", "date": "2027-02-06", "type": "public_holiday"},
    {"name": "Spring Festival", "name_cn": "春节补班", "date": "2027-02-14", "type": "transfer_workday"}]})";
  EXPECT_FALSE(current_calendar(*db_)->covers(2027));
  auto r = import_calendar(*db_, Principal::system(), json);
  EXPECT_EQ(r.year, 2027);
  EXPECT_EQ(r.format, "holiday-calendar");
  EXPECT_EQ(r.entries, 5);
  auto cal = current_calendar(*db_);
  EXPECT_TRUE(cal->covers(2027));
  EXPECT_TRUE(cal->is_workday(D("2027-02-14")));  // a Sunday worked by notice
  EXPECT_EQ(cal->classify(D("2027-02-14")).reason, "调休上班");
  EXPECT_TRUE(cal->covers(2026));  // the shipped years stay

  auto years = calendar_years(*db_);
  ASSERT_FALSE(years.empty());
  EXPECT_EQ(years[0].year, 2027);
  EXPECT_TRUE(years[0].imported);
  EXPECT_FALSE(years[0].shipped);
  EXPECT_EQ(years[0].holidays, 4);
  EXPECT_EQ(years[0].adjusted_workdays, 1);
  EXPECT_EQ(years[1].year, 2026);
  EXPECT_TRUE(years[1].shipped);
  EXPECT_FALSE(years[1].imported);

  // Importing the year again replaces it, it does not add to it.
  import_calendar(*db_, Principal::system(), "2027-01-01\toff\t元旦\n", 2027);
  cal = current_calendar(*db_);
  EXPECT_TRUE(cal->is_workday(D("2027-02-14")) == false);  // a plain Sunday again
  EXPECT_EQ(calendar_years(*db_)[0].holidays, 1);
}

TEST_P(WorkCalendarTest, BadFilesAndOtherRolesAreRefusedAndNothingChanges) {
  try {
    import_calendar(*db_, a_.who["admin"], "2027-01-04\twork\t元旦\n");  // a Monday
    FAIL() << "accepted an adjusted working day on a weekday";
  } catch (const ValidationError& e) {
    ASSERT_TRUE(e.fields().count("file"));
    EXPECT_NE(e.fields().at("file").find("不是周末"), std::string::npos) << e.fields().at("file");
  }
  EXPECT_THROW(import_calendar(*db_, a_.who["admin"], "{not json"), ValidationError);
  EXPECT_THROW(import_calendar(*db_, a_.who["admin"], ""), ValidationError);
  try {
    import_calendar(*db_, a_.who["clerk"], "2027-01-01\toff\t元旦\n");
    FAIL() << "a clerk imported a calendar";
  } catch (const AppError& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kForbidden);
  }
  EXPECT_FALSE(current_calendar(*db_)->covers(2027));
  auto c = db_->acquire();
  EXPECT_EQ(c->query_int("SELECT COUNT(*) FROM calendar_overrides"), 0);
  EXPECT_EQ(c->query_int("SELECT COUNT(*) FROM calendar_imports"), 0);
}

TEST_P(WorkCalendarTest, ARecomputationCutShortIsFinishedByTheJobs) {
  int64_t open = entered("2024-09-27");
  EXPECT_EQ(finish_calendar_recompute(*db_).checked, 0) << "nothing pending";
  // The notice stored, then the process stopped before recomputing (as import_calendar would
  // have left it).
  db_->with_tx([&](store::Conn& c) {
    store::replace_calendar_year(c, 2024, {});
    std::vector<store::CalendarOverrideRow> rows;
    for (const auto& e : core::default_calendar().entries()) {
      if (core::notice_year(e.date) == 2024) rows.push_back({2024, e.date.iso(), e.workday, e.name});
    }
    rows.push_back({2024, "2024-10-29", false, "测试假日"});
    store::replace_calendar_year(c, 2024, rows);
    store::insert_calendar_import(c, {0, 2024, "table", static_cast<int>(rows.size()), "test", "2024-11-01T00:00:00Z", {}});
  });
  EXPECT_EQ(*view(open).request.derived.due_on, "2024-10-30");
  auto r = finish_calendar_recompute(*db_);
  EXPECT_EQ(r.changed, 1);
  EXPECT_EQ(*view(open).request.derived.due_on, "2024-10-31");
  EXPECT_NE(view(open).notes.at(0).body.find("补做重新计算"), std::string::npos);
  EXPECT_EQ(finish_calendar_recompute(*db_).checked, 0) << "recorded as done";
  // A normal import records its recomputation itself.
  import_calendar(*db_, Principal::system(), "2027-01-01\toff\t元旦\n", 2027);
  EXPECT_EQ(finish_calendar_recompute(*db_).checked, 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, WorkCalendarTest, ::testing::Values("sqlite", "postgres"));

}  // namespace
}  // namespace gongkai::app
