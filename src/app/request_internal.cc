#include "app/request_internal.h"

#include <algorithm>
#include <cctype>

#include "app/errors.h"
#include "app/passwords.h"
#include "app/work_calendar.h"

namespace gongkai::app::request_internal {
namespace {

using core::Role;

std::string join_lines(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += (out.empty() ? "" : "\n") + l;
  return out;
}

}  // namespace

std::shared_ptr<const core::WorkCalendar> calendar(store::Conn& c) { return current_calendar(c); }

core::Date today_or(std::optional<core::Date> today) { return today ? *today : core::Date::today_cst(); }

// ----- Who may do what -----

bool can_read(const Principal& p) {
  return p.is_system() || p.has(Role::kRequestClerk) || p.has(Role::kOffice) || p.has(Role::kLeader);
}
bool can_handle(const Principal& p) { return p.is_system() || p.has(Role::kRequestClerk) || p.has(Role::kOffice); }
bool can_see_identity(const Principal& p) { return can_handle(p); }
bool can_extend(const Principal& p) { return p.is_system() || p.has(Role::kOffice); }

void require_read(const Principal& by, int64_t agency_id) {
  if (!by.in_agency(agency_id)) throw not_found("申请");  // never confirm another agency's rows
  if (!can_read(by)) throw forbidden("只有申请受理员、办公室和分管领导可以查看依申请公开");
}

void require_handle(const Principal& by, int64_t agency_id) {
  if (!by.in_agency(agency_id)) throw not_found("申请");
  if (!can_handle(by)) throw forbidden("只有申请受理员和办公室可以办理依申请公开");
}
// ----- Events as stored ↔ as the core sees them -----

std::vector<core::RequestEvent> to_core(const std::vector<store::RequestEventRow>& rows) {
  std::vector<core::RequestEvent> out;
  for (const auto& r : rows) {
    auto kind = core::parse_event_kind(r.kind);
    auto on = core::Date::parse(r.event_date);
    if (!kind || !on) throw std::runtime_error("request event " + std::to_string(r.id) + " is malformed");
    auto e = core::event_from_json(*kind, *on, r.detail);
    if (!e) throw std::runtime_error("request event " + std::to_string(r.id) + ": " + e.error());
    out.push_back(std::move(e).value());
  }
  return out;
}

std::optional<std::string> iso(const std::optional<core::Date>& d) {
  if (!d) return std::nullopt;
  return d->iso();
}

core::RequestStatus derive_or_throw(const core::WorkCalendar& cal, const std::vector<core::RequestEvent>& events,
                                    std::optional<core::Date> today) {
  auto s = core::derive_status(cal, events, today);
  if (!s) throw std::runtime_error("request events do not add up: " + s.error());
  return std::move(s).value();
}

store::RequestDerived derived_of(const core::RequestStatus& s) {
  store::RequestDerived d;
  d.state = std::string(core::request_state_id(s.state));
  d.due_on = iso(s.due);
  d.waiting_until = iso(s.waiting_until);
  d.outcome = s.outcome;
  d.closed_on = iso(s.closed_on);
  d.concluded_on = iso(s.concluded_on);
  d.explanation = join_lines(s.explanation);
  d.warnings = join_lines(s.warnings);
  return d;
}

// ----- Input checks -----

bool is_choice(const std::vector<Choice>& choices, std::string_view id) {
  return std::any_of(choices.begin(), choices.end(), [&](const Choice& c) { return c.id == id; });
}

void check_text(std::map<std::string, std::string>& e, const char* field, const std::string& value, size_t max,
                bool required, const std::string& label) {
  size_t n = utf8_length(value);
  if (required && n == 0) e[field] = "请填写" + label;
  else if (n > max) e[field] = label + "不能超过" + std::to_string(max) + "个字";
}

std::string trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  size_t e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

// Code points of a UTF-8 string.
std::vector<std::string> code_points(std::string_view s) {
  std::vector<std::string> out;
  for (size_t i = 0; i < s.size();) {
    size_t n = 1;
    while (i + n < s.size() && (static_cast<unsigned char>(s[i + n]) & 0xC0) == 0x80) ++n;
    out.emplace_back(s.substr(i, n));
    i += n;
  }
  return out;
}

// ----- Codes -----

// `n` characters of kCodeAlphabet from a uniform random source (bytes 248..255 are dropped so
// that every character is equally likely).
std::string random_code(size_t n) {
  std::string out;
  while (out.size() < n) {
    std::string hex = random_hex(16);
    for (size_t i = 0; i + 1 < hex.size() && out.size() < n; i += 2) {
      int byte = std::stoi(hex.substr(i, 2), nullptr, 16);
      if (byte < 248) out += kCodeAlphabet[static_cast<size_t>(byte) % kCodeAlphabet.size()];
    }
  }
  return out;
}

bool valid_code(std::string_view s, size_t n) {
  return s.size() == n &&
         std::all_of(s.begin(), s.end(), [](char ch) { return kCodeAlphabet.find(ch) != std::string_view::npos; });
}

// Constant-time comparison of two hashes.
bool same_hash(const std::string& a, const std::string& b) {
  if (a.size() != b.size() || a.empty()) return false;
  unsigned char d = 0;
  for (size_t i = 0; i < a.size(); ++i) d |= static_cast<unsigned char>(a[i] ^ b[i]);
  return d == 0;
}

std::string secret_hash(const std::string& secret) { return sha256_hex("gk-request-secret:" + normalise_code(secret)); }

std::vector<std::string> work_states(WorkList w) {
  switch (w) {
    case WorkList::kNew: return {"new"};
    case WorkList::kDueSoon:
    case WorkList::kOverdue: return {"new", "processing"};
    case WorkList::kPaused: return {"consultation"};
    case WorkList::kWaiting: return {"awaiting_correction", "awaiting_fee"};
    case WorkList::kOpen: return {"new", "processing", "awaiting_correction", "consultation", "awaiting_fee"};
    case WorkList::kSettled: return {"decided", "delivered", "withdrawn", "treated_as_withdrawn"};
  }
  return {};
}

}  // namespace gongkai::app::request_internal
