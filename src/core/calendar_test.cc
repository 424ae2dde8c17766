#include "core/calendar.h"

#include <gtest/gtest.h>

namespace gongkai::core {
namespace {

Date D(const char* s) { return *Date::parse(s); }

// ----- The shipped data, checked against the State Council notices (DOMAIN.md §6) -----

TEST(ShippedCalendar, CoversTheNoticesOf2008To2026) {
  const auto& cal = default_calendar();
  for (int y = 2008; y <= 2026; ++y) EXPECT_TRUE(cal.covers(y)) << y;
  EXPECT_FALSE(cal.covers(2007));
  EXPECT_FALSE(cal.covers(2027));
  EXPECT_EQ(&cal, &default_calendar());  // parsed once
}

TEST(ShippedCalendar, DaysWhereHolidayCalendarIsWrong) {
  const auto& cal = default_calendar();
  // Saturdays opening a holiday are days off ("与周末连休"), not 调休上班.
  for (const char* s : {"2008-06-07", "2008-09-13", "2016-04-02", "2018-06-16", "2018-09-22"}) {
    EXPECT_FALSE(cal.is_workday(D(s))) << s;
    EXPECT_FALSE(cal.classify(D(s)).workday) << s;
  }
  // Adjusted working Sundays and Saturday 2011-12-31.
  for (const char* s : {"2008-05-04", "2009-01-04", "2009-09-27", "2015-01-04", "2011-12-31"}) {
    EXPECT_TRUE(cal.is_workday(D(s))) << s;
    DayInfo info = cal.classify(D(s));
    EXPECT_EQ(info.kind, DayKind::kAdjustedWorkday) << s;
    EXPECT_EQ(info.reason, "调休上班") << s;
  }
  EXPECT_EQ(cal.classify(D("2011-12-31")).holiday, "元旦");
  EXPECT_EQ(cal.classify(D("2015-01-04")).holiday, "元旦");
  EXPECT_EQ(cal.classify(D("2008-05-04")).holiday, "劳动节");
  // The days around them.
  EXPECT_EQ(cal.classify(D("2018-06-18")).reason, "端午节");
  EXPECT_EQ(cal.classify(D("2018-09-24")).reason, "中秋节");
  EXPECT_EQ(cal.classify(D("2018-06-16")).reason, "周末");  // the notice names only 06-18
}

TEST(ShippedCalendar, KnownNotices) {
  const auto& cal = default_calendar();
  // 2024 National Day: 10-01..07 off, 09-29 (Sun) and 10-12 (Sat) worked.
  for (int d = 1; d <= 7; ++d) EXPECT_FALSE(cal.is_workday(*Date::from_ymd(2024, 10, d))) << d;
  EXPECT_TRUE(cal.is_workday(D("2024-09-29")));
  EXPECT_TRUE(cal.is_workday(D("2024-10-12")));
  EXPECT_TRUE(cal.is_workday(D("2024-10-08")));
  // 2020 Spring Festival, extended to 02-02; 02-01 (Sat) no longer worked.
  EXPECT_FALSE(cal.is_workday(D("2020-01-31")));
  EXPECT_FALSE(cal.is_workday(D("2020-02-01")));
  EXPECT_TRUE(cal.is_workday(D("2020-02-03")));
  // 2019 New Year (notice of 2019 reaching into 2018).
  EXPECT_TRUE(cal.is_workday(D("2018-12-29")));
  EXPECT_FALSE(cal.is_workday(D("2018-12-31")));
  // 2026.
  EXPECT_TRUE(cal.is_workday(D("2026-01-04")));
  EXPECT_TRUE(cal.is_workday(D("2026-02-14")));
  EXPECT_TRUE(cal.is_workday(D("2026-02-28")));
  EXPECT_FALSE(cal.is_workday(D("2026-02-23")));
  EXPECT_TRUE(cal.is_workday(D("2026-09-20")));
  EXPECT_FALSE(cal.is_workday(D("2026-10-07")));
  // Combined Mid-Autumn and National Day in 2023.
  EXPECT_EQ(cal.classify(D("2023-09-29")).reason, "中秋节");
  EXPECT_EQ(cal.classify(D("2023-10-02")).reason, "国庆节");
}

TEST(ShippedCalendar, IsWorkdayAgreesWithClassifyEveryDay) {
  const auto& cal = default_calendar();
  int work_weekends = 0, weekday_holidays = 0;
  for (Date d = D("2007-12-01"); d <= D("2027-12-31"); d = d.add_days(1)) {
    DayInfo info = cal.classify(d);
    ASSERT_EQ(cal.is_workday(d), info.workday) << d.iso();
    work_weekends += info.workday && d.is_weekend();
    weekday_holidays += !info.workday && !d.is_weekend();
    if (info.kind == DayKind::kAdjustedWorkday) {
      ASSERT_TRUE(d.is_weekend()) << d.iso();
    }
  }
  EXPECT_GT(work_weekends, 100);
  EXPECT_GT(weekday_holidays, 300);
}

TEST(ShippedCalendar, TableIsSortedAndRoundTrips) {
  const auto& cal = default_calendar();
  auto entries = cal.entries();
  ASSERT_GT(entries.size(), 600u);
  for (size_t i = 1; i < entries.size(); ++i) ASSERT_LT(entries[i - 1].date, entries[i].date);
  EXPECT_EQ(entries.front().date.iso(), "2008-01-01");
  auto again = HolidayCalendar::parse(cal.to_table());
  ASSERT_TRUE(again) << again.error();
  EXPECT_EQ(again->entries(), entries);
  EXPECT_EQ(again->years(), cal.years());
}

// ----- classify -----

TEST(Classify, Reasons) {
  const auto& cal = default_calendar();
  EXPECT_EQ(cal.classify(D("2024-09-30")).reason, "工作日");
  EXPECT_EQ(cal.classify(D("2024-09-28")).reason, "周末");
  EXPECT_EQ(cal.classify(D("2024-09-28")).kind, DayKind::kWeekend);
  DayInfo holiday = cal.classify(D("2024-10-01"));
  EXPECT_FALSE(holiday.workday);
  EXPECT_EQ(holiday.kind, DayKind::kHoliday);
  EXPECT_EQ(holiday.reason, "国庆节");
  EXPECT_EQ(holiday.holiday, "国庆节");
  EXPECT_TRUE(holiday.notice_known);
  EXPECT_EQ(cal.classify(D("2024-02-12")).reason, "春节");
  EXPECT_EQ(cal.classify(D("2024-04-04")).reason, "清明节");
  DayInfo adjusted = cal.classify(D("2024-09-29"));
  EXPECT_TRUE(adjusted.workday);
  EXPECT_EQ(adjusted.reason, "调休上班");
  EXPECT_EQ(adjusted.holiday, "国庆节");
  // No notice for 2027 yet: weekday rule, flagged.
  DayInfo unknown = cal.classify(D("2027-01-01"));
  EXPECT_TRUE(unknown.workday);
  EXPECT_FALSE(unknown.notice_known);
  // Late December belongs to the next year's notice.
  EXPECT_FALSE(cal.classify(D("2026-12-30")).notice_known);
  EXPECT_FALSE(cal.classify(D("2026-12-20")).notice_known);
  EXPECT_TRUE(cal.classify(D("2026-12-19")).notice_known);
  EXPECT_TRUE(cal.classify(D("2025-12-30")).notice_known);
  EXPECT_EQ(notice_year(D("2018-12-29")), 2019);
  EXPECT_EQ(notice_year(D("2018-12-19")), 2018);
}

TEST(Classify, WeekdayCalendar) {
  WeekdayCalendar cal;
  EXPECT_TRUE(cal.is_workday(D("2024-10-01")));
  EXPECT_EQ(cal.classify(D("2024-10-01")).reason, "工作日");
  EXPECT_FALSE(cal.is_workday(D("2024-09-29")));
  EXPECT_EQ(cal.classify(D("2024-09-29")).reason, "周末");
  EXPECT_FALSE(cal.classify(D("2024-09-29")).notice_known);
  EXPECT_FALSE(cal.covers(2024));
}

TEST(Classify, EmptyHolidayCalendarBehavesLikeWeekdays) {
  HolidayCalendar cal;
  EXPECT_TRUE(cal.is_workday(D("2024-10-01")));
  EXPECT_FALSE(cal.is_workday(D("2024-10-05")));
  EXPECT_TRUE(cal.years().empty());
}

// ----- Table parser -----

TEST(TableParser, ReadsCommentsBlankLinesAndCrlf) {
  auto cal = HolidayCalendar::parse(
      "# header\n\n2027-01-01\toff\t元旦\r\n2027-02-06\twork\t春节\n   \n2027-02-08\toff\t春节");
  ASSERT_TRUE(cal) << cal.error();
  EXPECT_EQ(cal->entries().size(), 3u);
  EXPECT_TRUE(cal->covers(2027));
  EXPECT_FALSE(cal->covers(2026));
  EXPECT_TRUE(cal->is_workday(D("2027-02-06")));  // Saturday
  EXPECT_FALSE(cal->is_workday(D("2027-02-08")));
  EXPECT_EQ(cal->classify(D("2027-01-01")).reason, "元旦");
}

TEST(TableParser, ErrorsNameTheLine) {
  struct Bad {
    const char* text;
    const char* message;
  };
  const Bad bad[] = {
      {"2024-10-01\toff\t国庆节\n2024-10-32\toff\t国庆节", "第2行：日期无效"},
      {"# c\n2024/10/01\toff\t国庆节", "第2行：日期无效"},
      {"2024-10-01 off 国庆节", "第1行：应为“日期<TAB>off或work<TAB>名称”三栏，实为1栏"},
      {"2024-10-01\toff", "第1行：应为"},
      {"2024-10-01\toff\t国庆节\textra", "实为4栏"},
      {"2024-10-01\tholiday\t国庆节", "第1行：类型应为 off（放假）或 work（调休上班）"},
      {"2024-10-01\toff\t", "第1行：缺少节日名称"},
      {"\n\n2024-10-08\twork\t国庆节", "第3行：2024-10-08 不是周末，不能是调休上班日"},
      {"2024-10-01\toff\t国庆节\n2024-10-01\toff\t国庆节", "第2行：2024-10-01 重复出现"},
  };
  for (const auto& b : bad) {
    auto r = HolidayCalendar::parse(b.text);
    ASSERT_FALSE(r) << b.text;
    EXPECT_NE(r.error().find(b.message), std::string::npos) << "got: " << r.error();
  }
}

TEST(TableParser, RejectsAYearOfHolidays) {
  std::string text;
  for (Date d = D("2030-01-01"); d <= D("2030-06-30"); d = d.add_days(1)) text += d.iso() + "\toff\t假日\n";
  auto r = HolidayCalendar::parse(text);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().find("2030年的放假日超过100天"), std::string::npos) << r.error();
}

// ----- replace_year -----

TEST(ReplaceYear, AddsANewYearWithoutTouchingOthers) {
  HolidayCalendar cal = default_calendar();
  size_t before = cal.entries().size();
  auto r = cal.replace_year(2027, {{D("2026-12-31"), false, "元旦"},
                                   {D("2027-01-01"), false, "元旦"},
                                   {D("2027-02-06"), true, "春节"}});
  ASSERT_TRUE(r) << r.error();
  EXPECT_EQ(*r, 3);
  EXPECT_TRUE(cal.covers(2027));
  EXPECT_EQ(cal.entries().size(), before + 3);
  EXPECT_FALSE(cal.is_workday(D("2026-12-31")));
  EXPECT_TRUE(cal.is_workday(D("2027-02-06")));
  EXPECT_EQ(cal.classify(D("2027-02-06")).reason, "调休上班");
  // The shipped calendar is unchanged.
  EXPECT_FALSE(default_calendar().covers(2027));
  EXPECT_TRUE(default_calendar().is_workday(D("2026-12-31")));
}

TEST(ReplaceYear, ReplacesTheWholeNoticeOfThatYear) {
  HolidayCalendar cal = default_calendar();
  // Replace the 2019 notice (whose New Year holiday starts 2018-12-30) by a single day.
  ASSERT_TRUE(cal.replace_year(2019, {{D("2019-01-01"), false, "元旦"}}));
  EXPECT_TRUE(cal.is_workday(D("2018-12-31")));   // removed with the 2019 notice
  EXPECT_FALSE(cal.is_workday(D("2018-12-29")));  // no longer worked
  EXPECT_TRUE(cal.is_workday(D("2019-10-01")));   // removed
  EXPECT_FALSE(cal.is_workday(D("2019-01-01")));
  EXPECT_FALSE(cal.is_workday(D("2018-10-01")));  // 2018 untouched
  EXPECT_EQ(cal.entries_in_year(2019).size(), 1u);
}

TEST(ReplaceYear, DecemberDaysOfTheYearBelongToTheNextNotice) {
  HolidayCalendar cal = default_calendar();
  // A 2018 file without the late-December days keeps those of the 2019 notice.
  ASSERT_TRUE(cal.replace_year(2018, {{D("2018-01-01"), false, "元旦"}}));
  EXPECT_FALSE(cal.is_workday(D("2018-12-31")));
  EXPECT_TRUE(cal.is_workday(D("2018-12-29")));
  EXPECT_TRUE(cal.is_workday(D("2018-10-01")));
}

TEST(ReplaceYear, RejectsBadEntriesAndChangesNothing) {
  HolidayCalendar cal = default_calendar();
  auto weekday_work = cal.replace_year(2027, {{D("2027-01-04"), true, "元旦"}});
  ASSERT_FALSE(weekday_work);
  EXPECT_NE(weekday_work.error().find("不是周末"), std::string::npos);
  auto twice = cal.replace_year(2027, {{D("2027-01-01"), false, "元旦"}, {D("2027-01-01"), false, "元旦"}});
  ASSERT_FALSE(twice);
  EXPECT_NE(twice.error().find("出现了两次"), std::string::npos);
  auto far = cal.replace_year(2027, {{D("2028-01-01"), false, "元旦"}});
  ASSERT_FALSE(far);
  EXPECT_NE(far.error().find("不属于2027年的节假日安排"), std::string::npos);
  auto early = cal.replace_year(2027, {{D("2026-12-19"), false, "元旦"}});
  ASSERT_FALSE(early);
  EXPECT_NE(early.error().find("应在 2026-12-20 至 2027-12-31 之间"), std::string::npos) << early.error();
  auto unnamed = cal.replace_year(2027, {{D("2027-01-01"), false, " "}});
  ASSERT_FALSE(unnamed);
  EXPECT_NE(unnamed.error().find("缺少节日名称"), std::string::npos);
  EXPECT_FALSE(cal.covers(2027));
  EXPECT_EQ(cal.entries(), default_calendar().entries());
}

// ----- Importers -----

// Shaped like chinese-days 1.5.7 dist/years/2024.json (abridged).
constexpr const char* kChineseDays2024 = R"({"holidays":{"2024-01-01":"New Year's Day,元旦,1",
"2024-04-04":"Tomb-sweeping Day,清明,1","2024-06-10":"Dragon Boat Festival,端午,1",
"2024-09-15":"Mid-autumn Festival,中秋,1","2024-10-01":"National Day,国庆节,3"},
"workdays":{"2024-09-29":"National Day,国庆节,3","2024-10-12":"National Day,国庆节,3"},
"inLieuDays":{"2024-10-04":"National Day,国庆节,3"}})";

// Shaped like holiday-calendar 1.3.3 data/CN/2019.json (abridged).
constexpr const char* kHolidayCalendar2019 = R"({
  "year": 2019,
  "region": "CN",
  "dates": [
    {"date": "2018-12-29", "name": "元旦补班", "name_cn": "元旦补班", "name_en": "New Year's Day Workday", "type": "transfer_workday"},
    {"date": "2018-12-30", "name": "元旦", "name_cn": "元旦", "name_en": "New Year's Day", "type": "public_holiday"},
    {"date": "2019-01-01", "name": "元旦", "name_cn": "元旦", "name_en": "New Year's Day", "type": "public_holiday"},
    {"date": "2019-10-01", "name": "国庆节", "name_cn": "国庆节", "name_en": "National Day", "type": "public_holiday"},
    {"date": "2019-10-12", "name": "国庆节补班", "name_cn": "国庆节补班", "name_en": "National Day Workday", "type": "transfer_workday"}
  ]
})";

TEST(Import, ChineseDays) {
  auto r = parse_chinese_days_json(kChineseDays2024);
  ASSERT_TRUE(r) << r.error();
  EXPECT_EQ(r->year, 2024);
  EXPECT_EQ(r->format, "chinese-days");
  ASSERT_EQ(r->entries.size(), 7u);
  EXPECT_EQ(r->entries[0], (CalendarEntry{D("2024-01-01"), false, "元旦"}));
  EXPECT_EQ(r->entries[1].name, "清明节");  // normalised to the notice's name
  EXPECT_EQ(r->entries[2].name, "端午节");
  EXPECT_EQ(r->entries[3].name, "中秋节");
  EXPECT_EQ(r->entries[4], (CalendarEntry{D("2024-09-29"), true, "国庆节"}));
  EXPECT_EQ(parse_chinese_days_json(kChineseDays2024, 2030)->year, 2030);
}

TEST(Import, HolidayCalendar) {
  auto r = parse_holiday_calendar_json(kHolidayCalendar2019);
  ASSERT_TRUE(r) << r.error();
  EXPECT_EQ(r->year, 2019);
  EXPECT_EQ(r->format, "holiday-calendar");
  ASSERT_EQ(r->entries.size(), 5u);
  EXPECT_EQ(r->entries[0], (CalendarEntry{D("2018-12-29"), true, "元旦"}));  // "补班" dropped
  EXPECT_EQ(r->entries[4], (CalendarEntry{D("2019-10-12"), true, "国庆节"}));
  HolidayCalendar cal;
  ASSERT_TRUE(cal.replace_year(r->year, r->entries));
  EXPECT_TRUE(cal.covers(2019));
  EXPECT_TRUE(cal.is_workday(D("2018-12-29")));
}

TEST(Import, DetectsTheFormat) {
  auto a = parse_calendar_import(kChineseDays2024);
  ASSERT_TRUE(a);
  EXPECT_EQ(a->format, "chinese-days");
  auto b = parse_calendar_import(std::string("\xEF\xBB\xBF\n") + kHolidayCalendar2019);
  ASSERT_TRUE(b) << b.error();
  EXPECT_EQ(b->format, "holiday-calendar");
  auto c = parse_calendar_import("# 2027\n2026-12-31\toff\t元旦\n2027-01-01\toff\t元旦\n2027-01-02\toff\t元旦\n");
  ASSERT_TRUE(c) << c.error();
  EXPECT_EQ(c->format, "table");
  EXPECT_EQ(c->year, 2027);
  EXPECT_EQ(c->entries.size(), 3u);
  auto d = parse_calendar_import("\n2027-01-01\toff\n");
  ASSERT_FALSE(d);
  EXPECT_NE(d.error().find("第2行"), std::string::npos) << d.error();
}

TEST(Import, MalformedInput) {
  struct Bad {
    const char* text;
    const char* message;
  };
  const Bad bad[] = {
      {"{\"holidays\": {", "JSON 格式错误"},
      {"[1, 2]", "JSON 格式错误"},
      {"{\"holidays\": {}}", "缺少“workdays”对象"},
      {"{\"holidays\": {}, \"workdays\": {}}", "没有任何节假日"},
      {"{\"holidays\": {\"2024-13-01\": \"X,元旦,1\"}, \"workdays\": {}}", "日期无效"},
      {"{\"holidays\": {\"2024-01-01\": 5}, \"workdays\": {}}", "应为字符串"},
      {"{\"holidays\": {\"2024-01-01\": \"X,,1\"}, \"workdays\": {}}", "缺少节日名称"},
      {"{\"holidays\": {}, \"workdays\": {\"2024-01-02\": \"X,元旦,1\"}}", "不是周末"},
      {"{\"holidays\": {\"2024-01-06\": \"X,元旦,1\"}, \"workdays\": {\"2024-01-06\": \"X,元旦,1\"}}", "出现了两次"},
  };
  for (const auto& b : bad) {
    auto r = parse_chinese_days_json(b.text);
    ASSERT_FALSE(r) << b.text;
    EXPECT_NE(r.error().find(b.message), std::string::npos) << b.text << " -> " << r.error();
  }
  const Bad bad_hc[] = {
      {"{\"year\": 2019}", "缺少“dates”数组"},
      {"{\"year\": \"x\", \"dates\": []}", "“year”应为整数"},
      {"{\"region\": \"JP\", \"dates\": []}", "只能导入中国（CN）"},
      {"{\"dates\": [{\"date\": \"2019-01-01\"}]}", "缺少“date”或“type”"},
      {"{\"dates\": [{\"date\": \"2019-1-1\", \"type\": \"public_holiday\"}]}", "日期无效"},
      {"{\"dates\": [{\"date\": \"2019-01-01\", \"type\": \"holiday\", \"name_cn\": \"元旦\"}]}", "类型“holiday”未知"},
      {"{\"dates\": [3]}", "第1项应为对象"},
      {"{\"dates\": []}", "没有任何节假日"},
  };
  for (const auto& b : bad_hc) {
    auto r = parse_holiday_calendar_json(b.text);
    ASSERT_FALSE(r) << b.text;
    EXPECT_NE(r.error().find(b.message), std::string::npos) << b.text << " -> " << r.error();
  }
}

}  // namespace
}  // namespace gongkai::core
