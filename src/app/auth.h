#pragma once
// Log-in with lock-out after repeated failures, and sessions kept in the database.
// The browser holds a random token; the database holds only its SHA-256.

#include <optional>
#include <string>

#include "app/directory.h"
#include "store/db.h"

namespace gongkai::app {

inline constexpr int kMaxLoginFailures = 5;
inline constexpr int kLockMinutes = 15;
inline constexpr int kSessionHours = 8;

struct Session {
  std::string token;  // only known right after log-in
  std::string csrf_token;
  Principal who;
};

// Checks the password and opens a session. Throws AppError(kUnauthenticated) with one
// message for every failure (unknown user, wrong password, inactive), or kTooMany when locked.
Session login(store::Database& db, const std::string& username, const std::string& password, const std::string& ip);

// The session for a token, or nullopt if unknown, expired or the user is inactive.
std::optional<Session> resume_session(store::Database& db, const std::string& token);

void logout(store::Database& db, const std::string& token);

}  // namespace gongkai::app
