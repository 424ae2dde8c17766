#include "app/rate_limiter.h"

namespace gongkai::app {

void RateLimiter::expire(std::deque<std::chrono::steady_clock::time_point>& q,
                         std::chrono::steady_clock::time_point now) {
  while (!q.empty() && now - q.front() >= window_) q.pop_front();
}

bool RateLimiter::allowed(const std::string& key, std::chrono::steady_clock::time_point now) {
  std::lock_guard g(mu_);
  auto it = seen_.find(key);
  if (it == seen_.end()) return true;
  expire(it->second, now);
  return static_cast<int>(it->second.size()) < max_;
}

void RateLimiter::record(const std::string& key, std::chrono::steady_clock::time_point now) {
  std::lock_guard g(mu_);
  // Forget keys whose window has passed, so that the map does not grow without bound.
  if (seen_.size() > 10000) {
    for (auto it = seen_.begin(); it != seen_.end();) {
      expire(it->second, now);
      it = it->second.empty() ? seen_.erase(it) : std::next(it);
    }
  }
  auto& q = seen_[key];
  expire(q, now);
  q.push_back(now);
}

}  // namespace gongkai::app
