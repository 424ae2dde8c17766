#pragma once

#include <chrono>
#include <deque>
#include <map>
#include <mutex>
#include <string>

namespace gongkai::app {

// Counts attempts per key (an IP address) in a sliding window, in memory: a limit per process,
// forgotten on restart. Thread-safe.
class RateLimiter {
 public:
  RateLimiter(int max_attempts, std::chrono::seconds window) : max_(max_attempts), window_(window) {}
  // True while `key` has made fewer than max_attempts within the window before `now`.
  bool allowed(const std::string& key, std::chrono::steady_clock::time_point now = std::chrono::steady_clock::now());
  // Records one attempt of `key` at `now`.
  void record(const std::string& key, std::chrono::steady_clock::time_point now = std::chrono::steady_clock::now());

 private:
  void expire(std::deque<std::chrono::steady_clock::time_point>& q, std::chrono::steady_clock::time_point now);

  int max_;
  std::chrono::seconds window_;
  std::mutex mu_;
  std::map<std::string, std::deque<std::chrono::steady_clock::time_point>> seen_;
};

}  // namespace gongkai::app
