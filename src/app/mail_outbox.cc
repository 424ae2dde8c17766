#include "app/mail_outbox.h"

#include <algorithm>
#include <cctype>

#include "app/errors.h"
#include "core/clock.h"
#include "store/mail_store.h"

namespace gongkai::app {

bool plausible_address(const std::string& m) {
  size_t at = m.find('@');
  if (m.size() > 254 || at == std::string::npos || at == 0 || m.find('@', at + 1) != std::string::npos) return false;
  size_t dot = m.find('.', at);
  if (dot == std::string::npos || dot == at + 1 || dot + 1 >= m.size()) return false;
  return std::none_of(m.begin(), m.end(), [](char ch) {
    return std::isspace(static_cast<unsigned char>(ch)) || ch == '<' || ch == '>' || ch == ',' || ch == ';' ||
           static_cast<unsigned char>(ch) < 0x20;
  });
}

int64_t enqueue_mail(store::Conn& c, const OutgoingMail& m) {
  if (!plausible_address(m.to)) throw ValidationError("to", "收件人邮箱地址不正确：" + m.to.substr(0, 100));
  if (m.subject.empty() || m.subject.size() > 500 || m.subject.find_first_of("\r\n") != std::string::npos) {
    throw ValidationError("subject", "邮件标题不能为空、不能换行，且不能超过500字节");
  }
  if (m.body.size() > 1'000'000) throw ValidationError("body", "邮件正文不能超过1MB");
  std::string now = core::now_iso();
  store::MailRow row;
  row.agency_id = m.agency_id;
  row.recipient = m.to;
  row.subject = m.subject;
  row.body = m.body;
  row.purpose = m.purpose;
  row.dedupe_key = m.dedupe_key;
  row.next_attempt_at = now;
  row.created_at = now;
  return store::insert_mail(c, row);
}

int64_t enqueue_mail(store::Database& db, const OutgoingMail& m) {
  return db.with_tx([&](store::Conn& c) { return enqueue_mail(c, m); });
}

}  // namespace gongkai::app
