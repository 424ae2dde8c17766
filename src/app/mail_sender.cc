#include "app/mail_sender.h"

#include <Poco/Exception.h>
#include <Poco/Net/MailMessage.h>
#include <Poco/Net/MailRecipient.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/SMTPClientSession.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/Timespan.h>

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <memory>

#include "core/clock.h"
#include "core/date.h"
#include "store/mail_store.h"

namespace gongkai::app {
namespace {

std::string env(const char* name, const std::string& fallback = "") {
  const char* v = std::getenv(name);
  return v && *v ? std::string(v) : fallback;
}

// Unix seconds of "YYYY-MM-DDTHH:MM:SSZ"; 0 when malformed.
int64_t unix_of(const std::string& iso) {
  if (iso.size() < 19) return 0;
  auto d = core::Date::parse(iso.substr(0, 10));
  if (!d) return 0;
  auto num = [&](size_t p) { return (iso[p] - '0') * 10 + (iso[p + 1] - '0'); };
  return static_cast<int64_t>(d->days_since_epoch()) * 86400 + num(11) * 3600 + num(14) * 60 + num(17);
}

// One SMTP connection for a run; reconnects after a failure.
class Connection {
 public:
  explicit Connection(const MailSettings& s) : s_(s) {}
  ~Connection() {
    if (!session_) return;
    try {
      session_->close();
    } catch (const Poco::Exception& e) {
      std::cerr << "mail: closing the SMTP session: " << e.displayText() << "\n";
    }
  }

  // True when the last send() failed before a session was open (server down or refusing).
  bool unreachable() const { return unreachable_; }

  void send(const store::MailRow& m) {
    unreachable_ = false;
    if (!session_) {
      unreachable_ = true;
      open();
      unreachable_ = false;
    }
    Poco::Net::MailMessage msg;
    msg.setSender(s_.from);
    msg.addRecipient(Poco::Net::MailRecipient(Poco::Net::MailRecipient::PRIMARY_RECIPIENT, m.recipient));
    msg.setSubject(Poco::Net::MailMessage::encodeWord(m.subject, "UTF-8"));
    msg.set("Message-ID", "<gongkai-mail-" + std::to_string(m.id) + "@" + domain() + ">");
    msg.setContentType("text/plain; charset=UTF-8");
    msg.setContent(m.body, Poco::Net::MailMessage::ENCODING_QUOTED_PRINTABLE);
    try {
      session_->sendMessage(msg);
    } catch (...) {
      // The session's state is unknown after a failure: start afresh for the next mail.
      drop();
      throw;
    }
  }

 private:
  void open() {
    Poco::Net::StreamSocket& socket = socket_;
    socket = Poco::Net::StreamSocket();
    socket.connect(Poco::Net::SocketAddress(s_.host, static_cast<Poco::UInt16>(s_.port)),
                   Poco::Timespan(s_.timeout.count(), 0));
    session_ = std::make_unique<Poco::Net::SMTPClientSession>(socket);
    session_->setTimeout(Poco::Timespan(s_.timeout.count(), 0));
    try {
      if (s_.username.empty()) {
        session_->login(domain());
      } else {
        session_->login(domain(), Poco::Net::SMTPClientSession::AUTH_LOGIN, s_.username, s_.password);
      }
    } catch (...) {
      drop();
      throw;
    }
  }
  void drop() {
    if (!session_) return;
    try {
      socket_.close();  // shares the session's socket: its QUIT then fails at once
    } catch (const Poco::Exception& e) {
      std::cerr << "mail: closing a failed SMTP connection: " << e.displayText() << "\n";
    }
    session_.reset();
  }
  std::string domain() const {
    size_t at = s_.from.find('@');
    return at == std::string::npos ? "localhost" : s_.from.substr(at + 1);
  }

  const MailSettings& s_;
  bool unreachable_ = false;
  Poco::Net::StreamSocket socket_;
  std::unique_ptr<Poco::Net::SMTPClientSession> session_;
};

}  // namespace

MailSettings mail_settings_from_env() {
  MailSettings s;
  s.host = env("GK_SMTP_HOST");
  std::string port = env("GK_SMTP_PORT", "25");
  s.port = port.find_first_not_of("0123456789") == std::string::npos && port.size() <= 5 ? std::stoi(port) : 25;
  s.from = env("GK_SMTP_FROM", "gongkai@localhost");
  s.username = env("GK_SMTP_USER");
  s.password = env("GK_SMTP_PASSWORD");
  return s;
}

std::chrono::minutes mail_retry_delay(int failed_attempts) {
  int n = std::clamp(failed_attempts, 1, 20);
  int64_t minutes = int64_t{1} << std::min(n - 1, 9);  // 1, 2, 4, ... 512
  return std::chrono::minutes(std::min<int64_t>(minutes, 360));
}

MailRunResult send_pending_mail(store::Database& db, const MailSettings& settings, std::optional<std::string> now_opt,
                                int limit) {
  MailRunResult out;
  if (settings.host.empty()) return out;
  std::string now = now_opt ? *now_opt : core::now_iso();
  std::vector<store::MailRow> due;
  {
    auto c = db.acquire();
    due = store::due_mail(*c, now, limit);
  }
  Connection conn(settings);
  for (const auto& m : due) {
    int attempts = m.attempts + 1;
    std::string error;
    try {
      conn.send(m);
    } catch (const Poco::Exception& e) {
      error = e.displayText();
    } catch (const std::exception& e) {
      error = e.what();
    }
    auto c = db.acquire();
    if (error.empty()) {
      store::mark_mail_sent(*c, m.id, attempts, core::now_iso());
      ++out.sent;
    } else if (attempts >= kMailMaxAttempts) {
      store::mark_mail_attempt_failed(*c, m.id, attempts, "", error.substr(0, 1000));
      std::cerr << "mail: giving up on mail " << m.id << " after " << attempts << " attempts: " << error << "\n";
      ++out.failed;
    } else {
      auto delay = std::chrono::duration_cast<std::chrono::seconds>(mail_retry_delay(attempts)).count();
      store::mark_mail_attempt_failed(*c, m.id, attempts, core::iso_from_unix(unix_of(now) + delay),
                                      error.substr(0, 1000));
      ++out.retried;
    }
    // The rest wait for the next pass rather than each waiting for a server that is down.
    if (!error.empty() && conn.unreachable()) break;
  }
  return out;
}

}  // namespace gongkai::app
