#include "app/passwords.h"

#include <Poco/DigestEngine.h>
#include <Poco/RandomStream.h>
#include <Poco/SHA2Engine.h>
#include <argon2.h>
#include <sys/random.h>

#include <stdexcept>
#include <vector>

namespace gongkai::app {
namespace {
// OWASP's argon2id minimum: m=19 MiB, t=2, p=1.
constexpr uint32_t kTime = 2, kMemoryKiB = 19456, kLanes = 1, kHashLen = 32, kSaltLen = 16;

void random_bytes(unsigned char* out, size_t n) {
  size_t got = 0;
  while (got < n) {
    ssize_t r = getrandom(out + got, n - got, 0);
    if (r <= 0) throw std::runtime_error("getrandom failed");
    got += static_cast<size_t>(r);
  }
}
}  // namespace

std::string hash_password(std::string_view password) {
  unsigned char salt[kSaltLen];
  random_bytes(salt, sizeof salt);
  size_t len = argon2_encodedlen(kTime, kMemoryKiB, kLanes, kSaltLen, kHashLen, Argon2_id);
  std::vector<char> encoded(len);
  int rc = argon2id_hash_encoded(kTime, kMemoryKiB, kLanes, password.data(), password.size(), salt,
                                 kSaltLen, kHashLen, encoded.data(), len);
  if (rc != ARGON2_OK) throw std::runtime_error(argon2_error_message(rc));
  return std::string(encoded.data());
}

bool verify_password(std::string_view password, const std::string& encoded) {
  if (encoded.rfind("$argon2id$", 0) != 0) return false;
  return argon2id_verify(encoded.c_str(), password.data(), password.size()) == ARGON2_OK;
}

std::string password_problem(std::string_view p) {
  if (p.size() < 10) return "密码至少需要10个字符";
  if (p.size() > 128) return "密码不能超过128个字符";
  bool letter = false, digit = false;
  for (unsigned char ch : p) {
    if (std::isalpha(ch)) letter = true;
    if (std::isdigit(ch)) digit = true;
  }
  if (!letter || !digit) return "密码须同时包含字母和数字";
  return "";
}

std::string random_hex(size_t n) {
  std::vector<unsigned char> b(n);
  random_bytes(b.data(), n);
  static const char* kHex = "0123456789abcdef";
  std::string out;
  out.reserve(2 * n);
  for (unsigned char ch : b) {
    out += kHex[ch >> 4];
    out += kHex[ch & 15];
  }
  return out;
}

std::string sha256_hex(std::string_view text) {
  Poco::SHA2Engine sha(Poco::SHA2Engine::SHA_256);
  sha.update(text.data(), static_cast<unsigned>(text.size()));
  return Poco::DigestEngine::digestToHex(sha.digest());
}

}  // namespace gongkai::app
