#include "web/page_cache.h"

#include <mutex>

namespace gongkai::web {

std::shared_ptr<const PageCache::Entry> PageCache::find(const std::string& key, Clock::time_point now) const {
  std::shared_lock g(mu_);
  auto it = entries_.find(key);
  if (it == entries_.end() || !fresh(*it->second, now)) return nullptr;
  return it->second;
}

void PageCache::store(const std::string& key, std::shared_ptr<Entry> e) {
  if (e->body.size() > kMaxEntryBytes) return;
  std::unique_lock g(mu_);
  if (entries_.size() >= kMaxEntries || bytes_ + e->body.size() > kMaxBytes) {
    auto now = Clock::now();
    for (auto it = entries_.begin(); it != entries_.end();) {
      if (fresh(*it->second, now)) {
        ++it;
      } else {
        bytes_ -= it->second->body.size();
        it = entries_.erase(it);
      }
    }
    if (entries_.size() >= kMaxEntries || bytes_ + e->body.size() > kMaxBytes) {
      entries_.clear();
      bytes_ = 0;
    }
  }
  auto& slot = entries_[key];
  if (slot) bytes_ -= slot->body.size();
  bytes_ += e->body.size();
  slot = std::move(e);
}

std::shared_ptr<const PageCache::Entry> PageCache::find_aged(const std::string& key) const {
  std::shared_lock g(mu_);
  auto it = entries_.find(key);
  if (it == entries_.end() || it->second->generation != generation()) return nullptr;
  return it->second;
}

bool PageCache::try_begin_render(const std::string& key) {
  std::lock_guard g(flight_mu_);
  return rendering_.insert(key).second;
}

bool PageCache::begin_render(const std::string& key) {
  std::unique_lock g(flight_mu_);
  if (rendering_.insert(key).second) return true;
  flight_cv_.wait_for(g, kWaitForRender, [&] { return rendering_.count(key) == 0; });
  return false;
}

void PageCache::end_render(const std::string& key) {
  {
    std::lock_guard g(flight_mu_);
    rendering_.erase(key);
  }
  flight_cv_.notify_all();
}

size_t PageCache::size() const {
  std::shared_lock g(mu_);
  return entries_.size();
}

}  // namespace gongkai::web
