#pragma once
// Password hashing with argon2id (encoded form with its own salt and parameters).

#include <string>
#include <string_view>

namespace gongkai::app {

// Hashes with argon2id, a fresh random salt and the parameters below.
std::string hash_password(std::string_view password);
// Verifies against an encoded hash; false on mismatch or a malformed hash.
bool verify_password(std::string_view password, const std::string& encoded);
// Checks a new password: 10..128 characters with letters and digits. Returns a Chinese
// message, or empty when acceptable.
std::string password_problem(std::string_view password);

// Cryptographically random bytes, hex-encoded (2*n characters).
std::string random_hex(size_t n);
// SHA-256 of text, hex.
std::string sha256_hex(std::string_view text);

}  // namespace gongkai::app
