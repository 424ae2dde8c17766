#include "app/auth.h"

#include "app/errors.h"
#include "app/passwords.h"
#include "core/clock.h"
#include "store/directory_store.h"

namespace gongkai::app {

Session login(store::Database& db, const std::string& username, const std::string& password, const std::string& ip) {
  const AppError bad(ErrorKind::kUnauthenticated, "bad_credentials", "用户名或密码不正确");
  if (username.empty() || username.size() > 64 || password.size() > 256) throw bad;
  std::optional<store::UserRow> user;
  {
    auto c = db.acquire();
    user = store::find_user_by_username(*c, username);
  }
  int64_t now = core::unix_now();
  if (user && user->locked_until && *user->locked_until > core::iso_from_unix(now)) {
    throw AppError(ErrorKind::kTooMany, "locked", "登录失败次数过多，账号已临时锁定，请" +
                                                      std::to_string(kLockMinutes) + "分钟后再试");
  }
  // Verify even for unknown users so that timing does not reveal which usernames exist.
  static const std::string kDummy = hash_password("not-a-real-password-0");
  bool ok = verify_password(password, user ? user->password_hash : kDummy) && user && user->active;
  if (!user) throw bad;
  if (!ok) {
    db.with_tx([&](store::Conn& c) {
      int failures = user->failed_logins + 1;
      std::optional<std::string> lock;
      if (failures >= kMaxLoginFailures) {
        lock = core::iso_from_unix(now + kLockMinutes * 60);
        failures = 0;
      }
      store::set_login_failures(c, user->id, failures, lock);
      store::audit(c, {user->id, user->username}, {user->agency_id, lock ? "login.locked" : "login.failed", "user",
                                                   std::to_string(user->id), ip});
    });
    throw bad;
  }
  Session s;
  s.token = random_hex(32);
  s.csrf_token = random_hex(16);
  s.who = Principal::from_user(*user);
  db.with_tx([&](store::Conn& c) {
    if (user->failed_logins || user->locked_until) store::set_login_failures(c, user->id, 0, std::nullopt);
    store::delete_expired_sessions(c, core::iso_from_unix(now));
    store::insert_session(c, {sha256_hex(s.token), user->id, s.csrf_token, core::iso_from_unix(now),
                              core::iso_from_unix(now + kSessionHours * 3600)},
                          ip);
    store::audit(c, {user->id, user->username}, {user->agency_id, "login", "user", std::to_string(user->id), ip});
  });
  return s;
}

std::optional<Session> resume_session(store::Database& db, const std::string& token) {
  if (token.size() != 64) return std::nullopt;
  auto c = db.acquire();
  auto row = store::find_session(*c, sha256_hex(token), core::now_iso());
  if (!row) return std::nullopt;
  auto user = store::find_user(*c, row->user_id);
  if (!user || !user->active) return std::nullopt;
  return Session{token, row->csrf_token, Principal::from_user(*user)};
}

void logout(store::Database& db, const std::string& token) {
  auto c = db.acquire();
  store::delete_session(*c, sha256_hex(token));
}

}  // namespace gongkai::app
