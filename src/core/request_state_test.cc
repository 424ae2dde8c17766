#include "core/request_state.h"

#include <gtest/gtest.h>

#include <charconv>
#include <fstream>
#include <map>
#include <sstream>

#include "core/outcomes.h"

namespace gongkai::core {
namespace {

// One case of testdata/request_states.txt (the format is documented at the top of that file).
struct Case {
  int line = 0;
  std::string title;
  std::vector<RequestEvent> events;
  std::optional<Date> today;
  std::map<std::string, std::string> expect;  // state, due, waiting, outcome, days-left, overdue, label
  std::vector<std::string> says, warns;
  std::optional<std::vector<std::string>> next;
  std::optional<std::string> error;
};

Date must_date(const std::string& s, int line) {
  auto d = Date::parse(s);
  if (!d) throw std::runtime_error("line " + std::to_string(line) + ": bad date '" + s + "'");
  return *d;
}

int must_int(const std::string& s, int line) {
  int v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) {
    throw std::runtime_error("line " + std::to_string(line) + ": bad number '" + s + "'");
  }
  return v;
}

std::string rest_of(std::istringstream& in) {
  std::string rest;
  std::getline(in, rest);
  size_t b = rest.find_first_not_of(' ');
  return b == std::string::npos ? std::string() : rest.substr(b);
}

// "event DATE KIND key=value ..." (values hold no spaces).
RequestEvent parse_event(std::istringstream& in, int line) {
  std::string date, kind;
  in >> date >> kind;
  auto k = parse_event_kind(kind);
  if (!k) throw std::runtime_error("line " + std::to_string(line) + ": unknown event " + kind);
  RequestEvent e;
  e.kind = *k;
  e.on = must_date(date, line);
  std::string kv;
  while (in >> kv) {
    size_t eq = kv.find('=');
    if (eq == std::string::npos) throw std::runtime_error("line " + std::to_string(line) + ": expected key=value");
    std::string key = kv.substr(0, eq), v = kv.substr(eq + 1);
    if (key == "missing") e.missing = v;
    else if (key == "reply_by" || key == "pay_by") e.reply_by = must_date(v, line);
    else if (key == "with") e.consult_kind = v == "other_agency" ? PauseKind::kOtherAgency
                                             : v == "third_party"  ? PauseKind::kThirdParty
                                                                   : PauseKind::kOther;
    else if (key == "party") e.party = v;
    else if (key == "no") e.consultation = must_int(v, line);
    else if (key == "answer") e.answer = v;
    else if (key == "days") e.days = must_int(v, line);
    else if (key == "by") e.approved_by = v;
    else if (key == "notified") e.applicant_notified = v == "yes";
    else if (key == "amount") e.amount = must_int(v, line);
    else if (key == "outcome") e.outcome = v;
    else if (key == "agency") e.other_agency = v;
    else if (key == "where") e.published_where = v;
    else if (key == "reason") e.reason = v;
    else if (key == "delivery") e.delivery = v;
    else throw std::runtime_error("line " + std::to_string(line) + ": unknown key " + key);
  }
  return e;
}

std::vector<Case> load_cases(const std::string& path) {
  std::ifstream file(path);
  if (!file) throw std::runtime_error("cannot open " + path);
  std::vector<Case> cases;
  std::string raw;
  int line_no = 0;
  while (std::getline(file, raw)) {
    ++line_no;
    if (!raw.empty() && raw.back() == '\r') raw.pop_back();
    size_t first = raw.find_first_not_of(' ');
    if (first == std::string::npos || raw[first] == '#') continue;
    std::istringstream in(raw);
    std::string key;
    in >> key;
    if (key == "case") {
      cases.emplace_back();
      cases.back().line = line_no;
      cases.back().title = rest_of(in);
      continue;
    }
    if (cases.empty()) throw std::runtime_error("line " + std::to_string(line_no) + ": expected 'case'");
    Case& c = cases.back();
    if (key == "event") {
      c.events.push_back(parse_event(in, line_no));
    } else if (key == "today") {
      std::string d;
      in >> d;
      c.today = must_date(d, line_no);
    } else if (key == "says") {
      c.says.push_back(rest_of(in));
    } else if (key == "warns") {
      c.warns.push_back(rest_of(in));
    } else if (key == "error") {
      c.error = rest_of(in);
    } else if (key == "next") {
      std::vector<std::string> kinds;
      std::string k;
      while (in >> k) {
        if (k != "none") kinds.push_back(k);
      }
      c.next = kinds;
    } else if (key == "state" || key == "due" || key == "waiting" || key == "outcome" || key == "days-left" ||
               key == "overdue" || key == "label" || key == "concluded") {
      c.expect[key] = rest_of(in);
    } else {
      throw std::runtime_error("line " + std::to_string(line_no) + ": unknown keyword " + key);
    }
  }
  return cases;
}

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += "    " + l + "\n";
  return out;
}

bool any_contains(const std::vector<std::string>& lines, const std::string& text) {
  for (const auto& l : lines) {
    if (l.find(text) != std::string::npos) return true;
  }
  return false;
}

std::string date_or_none(const std::optional<Date>& d) { return d ? d->iso() : "none"; }

const std::string kCasesPath = std::string(GK_SOURCE_DIR) + "/src/core/testdata/request_states.txt";

TEST(RequestStateTable, FileHasCasesForEveryEventKindAndState) {
  auto cases = load_cases(kCasesPath);
  EXPECT_GE(cases.size(), 30u);
  std::set<EventKind> kinds;
  std::set<std::string> states;
  int errors = 0;
  for (const auto& c : cases) {
    EXPECT_FALSE(c.events.empty()) << "case at line " << c.line << " has no events";
    EXPECT_TRUE(c.error || c.expect.count("state")) << "case at line " << c.line << " expects no state";
    for (const auto& e : c.events) kinds.insert(e.kind);
    if (c.expect.count("state")) states.insert(c.expect.at("state"));
    errors += c.error.has_value();
  }
  for (EventKind k : all_event_kinds()) EXPECT_TRUE(kinds.count(k)) << "no case uses " << event_kind_id(k);
  for (RequestState s : all_request_states()) {
    EXPECT_TRUE(states.count(std::string(request_state_id(s)))) << "no case ends in " << request_state_id(s);
  }
  EXPECT_GE(errors, 10);
}

// Each case appends its events one by one through check_new_event, as the service does, then
// derives the status.
TEST(RequestStateTable, EveryCase) {
  const auto& cal = default_calendar();
  for (const auto& c : load_cases(kCasesPath)) {
    SCOPED_TRACE("request_states.txt:" + std::to_string(c.line) + " " + c.title);
    Date check_day = c.today.value_or(*Date::from_ymd(2026, 12, 31));
    std::vector<RequestEvent> so_far;
    std::string refused;
    for (const auto& e : c.events) {
      refused = check_new_event(cal, so_far, e, check_day);
      if (!refused.empty()) break;
      so_far.push_back(e);
    }
    if (c.error) {
      EXPECT_NE(refused.find(*c.error), std::string::npos) << "expected refusal containing: " << *c.error
                                                           << "\n  got: " << (refused.empty() ? "(accepted)" : refused);
      continue;
    }
    ASSERT_EQ(refused, "");
    auto r = derive_status(cal, so_far, c.today);
    ASSERT_TRUE(r.ok()) << r.error();
    const RequestStatus& s = *r;
    std::string shown = "\n  explanation:\n" + joined(s.explanation);
    std::map<std::string, std::string> got = {
        {"state", std::string(request_state_id(s.state))},
        {"label", std::string(request_state_label(s.state))},
        {"due", date_or_none(s.due)},
        {"waiting", date_or_none(s.waiting_until)},
        {"outcome", s.outcome.value_or("none")},
        {"concluded", date_or_none(s.concluded_on)},
        {"days-left", s.days_left ? std::to_string(*s.days_left) : "none"},
        {"overdue", s.overdue ? "yes" : "no"},
    };
    for (const auto& [key, want] : c.expect) EXPECT_EQ(got[key], want) << key << shown;
    for (const auto& text : c.says) EXPECT_TRUE(any_contains(s.explanation, text)) << "missing: " << text << shown;
    for (const auto& text : c.warns) {
      EXPECT_TRUE(any_contains(s.warnings, text))
          << "missing warning: " << text << "\n  warnings:\n" << joined(s.warnings);
    }
    if (c.next) {
      std::vector<std::string> next;
      for (EventKind k : allowed_next(s)) next.emplace_back(event_kind_id(k));
      EXPECT_EQ(next, *c.next);
    }
  }
}

// ----- Behaviour not easily put in the table -----

Date D(const char* s) { return *Date::parse(s); }

RequestEvent ev(EventKind k, const char* on) {
  RequestEvent e;
  e.kind = k;
  e.on = D(on);
  return e;
}

TEST(RequestState, DetailJsonRoundTripsEveryField) {
  RequestEvent e = ev(EventKind::kDecided, "2024-05-06");
  e.outcome = "unable.1";
  e.other_agency = "慈溪市自然资源局（电话 0574-1234）";
  e.reason = "经检索，本机关未制作或获取该信息 \"引号\"";
  auto back = event_from_json(e.kind, e.on, event_detail_json(e));
  ASSERT_TRUE(back) << back.error();
  EXPECT_EQ(*back, e);

  RequestEvent f = ev(EventKind::kFeeNotice, "2024-05-06");
  f.amount = 3000;
  f.reply_by = D("2024-06-03");
  EXPECT_EQ(event_detail_json(f), R"({"amount":3000,"pay_by":"2024-06-03"})");
  EXPECT_EQ(*event_from_json(f.kind, f.on, event_detail_json(f)), f);

  RequestEvent x = ev(EventKind::kExtension, "2024-05-06");
  x.days = 20;
  x.approved_by = "王主任";
  x.applicant_notified = true;
  EXPECT_EQ(*event_from_json(x.kind, x.on, event_detail_json(x)), x);

  RequestEvent s = ev(EventKind::kConsultationSent, "2024-05-06");
  s.consult_kind = PauseKind::kOtherAgency;
  s.party = "市商务局";
  EXPECT_EQ(*event_from_json(s.kind, s.on, event_detail_json(s)), s);
}

TEST(RequestState, MalformedDetailIsAnError) {
  EXPECT_FALSE(event_from_json(EventKind::kDecided, D("2024-01-02"), "{not json"));
  EXPECT_FALSE(event_from_json(EventKind::kDecided, D("2024-01-02"), "[1,2]"));
  EXPECT_FALSE(event_from_json(EventKind::kCorrectionRequested, D("2024-01-02"), R"({"reply_by":"2024-13-01"})"));
  EXPECT_TRUE(event_from_json(EventKind::kReceived, D("2024-01-02"), "{}"));
}

TEST(RequestState, PublicSummaryLeavesOutThirdPartiesAndApprovers) {
  RequestEvent s = ev(EventKind::kConsultationSent, "2024-05-06");
  s.party = "某某科技有限公司";
  EXPECT_NE(event_summary(s, false).find("某某科技有限公司"), std::string::npos);
  EXPECT_EQ(event_summary(s, true).find("某某科技有限公司"), std::string::npos);
  EXPECT_NE(event_summary(s, true).find("征求第三方意见"), std::string::npos);

  RequestEvent a = ev(EventKind::kConsultationAnswered, "2024-05-10");
  a.consultation = 1;
  a.answer = "不同意公开";
  EXPECT_EQ(event_summary(a, true).find("不同意公开"), std::string::npos);
  EXPECT_NE(event_summary(a, false).find("不同意公开"), std::string::npos);

  RequestEvent x = ev(EventKind::kExtension, "2024-05-06");
  x.days = 10;
  x.approved_by = "王主任";
  x.applicant_notified = true;
  EXPECT_EQ(event_summary(x, true), "延长答复期限10个工作日，已告知申请人");
  EXPECT_EQ(event_summary(x, false), "延长答复期限10个工作日（王主任 批准），已告知申请人");

  RequestEvent d = ev(EventKind::kDecided, "2024-05-06");
  d.outcome = "denied.4";
  EXPECT_EQ(event_summary(d, true), "作出答复：（三）不予公开 4. 保护第三方合法权益");
}

TEST(RequestState, CachedStatusDoesNotDependOnToday) {
  std::vector<RequestEvent> events = {ev(EventKind::kReceived, "2024-09-27")};
  auto a = derive_status(default_calendar(), events);
  ASSERT_TRUE(a);
  EXPECT_FALSE(a->days_left);
  EXPECT_EQ(a->due->iso(), "2024-10-30");
  auto b = derive_status(default_calendar(), events, D("2024-10-10"));
  ASSERT_TRUE(b);
  EXPECT_EQ(b->due, a->due);
  EXPECT_EQ(*b->days_left, 15);
  // The cached explanation ends with the due date; the live one says where today stands.
  EXPECT_EQ(a->explanation.back(), "答复期限：2024-10-30（第20个工作日）");
  EXPECT_NE(b->explanation.back().find("截至 2024-10-10"), std::string::npos);
}

TEST(RequestState, AHolidayAddedLaterMovesAnOpenRequest) {
  HolidayCalendar cal = default_calendar();
  std::vector<RequestEvent> events = {ev(EventKind::kReceived, "2026-12-15")};
  auto before = derive_status(cal, events);
  ASSERT_TRUE(before);
  ASSERT_TRUE(cal.replace_year(2027, {{D("2027-01-01"), false, "元旦"}, {D("2027-01-04"), false, "元旦"}}));
  auto after = derive_status(cal, events);
  ASSERT_TRUE(after);
  // Without a 2027 notice only weekends were off; the two new days off push the date by two.
  EXPECT_EQ(before->due->iso(), "2027-01-12");
  EXPECT_EQ(after->due->iso(), "2027-01-14");
}

TEST(RequestState, EveryStateAndKindHasAnIdAndALabel) {
  for (EventKind k : all_event_kinds()) {
    EXPECT_FALSE(event_kind_label(k).empty());
    EXPECT_EQ(parse_event_kind(event_kind_id(k)), k);
  }
  for (RequestState s : all_request_states()) {
    EXPECT_FALSE(request_state_label(s).empty());
    EXPECT_EQ(parse_request_state(request_state_id(s)), s);
  }
  EXPECT_FALSE(parse_event_kind("appeal"));
  EXPECT_FALSE(parse_request_state(""));
}

TEST(Outcomes, CodesOfThe2021Format) {
  EXPECT_EQ(all_outcomes().size(), 2u + 8 + 3 + 5 + 3);
  EXPECT_EQ(outcome_display("granted"), "（一）予以公开");
  EXPECT_EQ(outcome_display("partial"), "（二）部分公开");
  EXPECT_EQ(outcome_display("denied.1"), "（三）不予公开 1. 属于国家秘密");
  EXPECT_EQ(outcome_display("unable.1"), "（四）无法提供 1. 本机关不掌握相关政府信息");
  EXPECT_EQ(outcome_display("not_processed.5"), "（五）不予处理 5. 要求行政机关确认或重新出具已获取信息");
  EXPECT_EQ(outcome_display("other.2"),
            "（六）其他处理 2. 申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请");
  EXPECT_EQ(outcome_display("denied.9"), "");
  EXPECT_EQ(find_outcome("unable.4"), nullptr);
  for (const auto& o : all_outcomes()) {
    std::string code(o.code);
    EXPECT_EQ(code.substr(0, o.group.size()), o.group);
    EXPECT_EQ(o.item == 0, code.find('.') == std::string::npos) << code;
  }
}

TEST(Outcomes, The2019FormatFoldsOtherIntoOneRow) {
  EXPECT_EQ(report_row("other.1", 2019), "other");
  EXPECT_EQ(report_row("other.3", 2020), "other");
  EXPECT_EQ(report_row("other.1", 2021), "other.1");
  EXPECT_EQ(report_row("denied.4", 2019), "denied.4");
  EXPECT_EQ(report_row("nonsense", 2021), "");
}

}  // namespace
}  // namespace gongkai::core
