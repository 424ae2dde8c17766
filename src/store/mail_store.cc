#include "store/mail_store.h"

namespace gongkai::store {
namespace {

constexpr const char* kMailCols =
    "id, agency_id, recipient, subject, body, purpose, dedupe_key, status, attempts, next_attempt_at, last_error, "
    "created_at, sent_at";

MailRow mail_from(const Row& r) {
  MailRow m;
  m.id = r.i64(0);
  m.agency_id = r.opt_i64(1);
  m.recipient = r.str(2);
  m.subject = r.str(3);
  m.body = r.str(4);
  m.purpose = r.str(5);
  m.dedupe_key = r.opt_str(6);
  m.status = r.str(7);
  m.attempts = static_cast<int>(r.i64(8));
  m.next_attempt_at = r.str(9);
  m.last_error = r.str(10);
  m.created_at = r.str(11);
  m.sent_at = r.opt_str(12);
  return m;
}

}  // namespace

int64_t insert_mail(Conn& c, const MailRow& m) {
  auto r = c.query_one(
      "INSERT INTO mail_outbox (agency_id, recipient, subject, body, purpose, dedupe_key, status, attempts, "
      "next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?) "
      "ON CONFLICT (dedupe_key) DO NOTHING RETURNING id",
      {m.agency_id, m.recipient, m.subject, m.body, m.purpose, m.dedupe_key, m.next_attempt_at, m.created_at});
  return r ? r->i64(0) : 0;
}

std::vector<MailRow> due_mail(Conn& c, const std::string& now, int limit) {
  std::vector<MailRow> out;
  for (const auto& r : c.query(std::string("SELECT ") + kMailCols +
                                   " FROM mail_outbox WHERE status = 'pending' AND next_attempt_at <= ? "
                                   "ORDER BY next_attempt_at, id LIMIT ?",
                               {now, limit})) {
    out.push_back(mail_from(r));
  }
  return out;
}

std::optional<MailRow> find_mail(Conn& c, int64_t id) {
  auto r = c.query_one(std::string("SELECT ") + kMailCols + " FROM mail_outbox WHERE id = ?", {id});
  if (!r) return std::nullopt;
  return mail_from(*r);
}

void mark_mail_sent(Conn& c, int64_t id, int attempts, const std::string& at) {
  c.query("UPDATE mail_outbox SET status = 'sent', attempts = ?, sent_at = ?, last_error = '' WHERE id = ?",
          {attempts, at, id});
}

void mark_mail_attempt_failed(Conn& c, int64_t id, int attempts, const std::string& next_at,
                              const std::string& error) {
  if (next_at.empty()) {
    c.query("UPDATE mail_outbox SET status = 'failed', attempts = ?, last_error = ? WHERE id = ?",
            {attempts, error, id});
  } else {
    c.query("UPDATE mail_outbox SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ?",
            {attempts, next_at, error, id});
  }
}

int64_t count_mail(Conn& c, const std::string& status) {
  return c.query_int("SELECT COUNT(*) FROM mail_outbox WHERE status = ?", {status});
}

int64_t insert_staff_notice(Conn& c, const StaffNoticeRow& n) {
  auto r = c.query_one(
      "INSERT INTO staff_notices (agency_id, request_id, kind, body, dedupe_key, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (dedupe_key) DO NOTHING RETURNING id",
      {n.agency_id, n.request_id, n.kind, n.body, n.dedupe_key, n.created_at});
  return r ? r->i64(0) : 0;
}

std::vector<StaffNoticeRow> list_staff_notices(Conn& c, int64_t agency_id, int limit) {
  std::vector<StaffNoticeRow> out;
  for (const auto& r : c.query("SELECT id, agency_id, request_id, kind, body, dedupe_key, created_at "
                               "FROM staff_notices WHERE agency_id = ? ORDER BY id DESC LIMIT ?",
                               {agency_id, limit})) {
    out.push_back({r.i64(0), r.i64(1), r.opt_i64(2), r.str(3), r.str(4), r.opt_str(5), r.str(6)});
  }
  return out;
}

}  // namespace gongkai::store
