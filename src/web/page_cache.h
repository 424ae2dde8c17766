#pragma once
// Rendered public responses kept in memory, so that the portal answers at the speed of a
// static file while staying live (docs/architecture.md, "Page cache").
//
// Contract.
//  * Only GET/HEAD requests without a session cookie are looked up or stored, and only
//    responses that are 200, say `Cache-Control: public`, set no cookie and are at most
//    kMaxEntryBytes. Pages with personal data say no-store (PortalPage::set_private) and
//    the back office never says public, so neither is ever kept.
//  * The key is the request URI with the reader's care-mode cookie.
//  * An entry is served while it is younger than the freshness window (1 s) and no write
//    has happened on this node since it was stored: every request other than GET, HEAD and
//    OPTIONS calls invalidate() once handled. Changes made elsewhere (another node, the
//    command line, the scheduled-publication job) show once the window has passed.
//  * Bounded: at most kMaxEntries entries and kMaxBytes of bodies; when full, stale entries
//    are dropped, and if that is not enough, all of them.
//  * One render per page at a time: when a page is missing, the first reader renders it and
//    the others wait for that render (at most kWaitForRender) instead of all rendering at
//    once, which on a page costing a third of a second would take the node down each time
//    the page's second is over. A page that has only aged past the window (nothing was
//    written on this node since) is served as it was while one reader renders it anew, so a
//    change made elsewhere shows within the window plus one render.

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace gongkai::web {

class PageCache {
 public:
  using Clock = std::chrono::steady_clock;
  static constexpr size_t kMaxEntryBytes = 1u << 20;
  static constexpr size_t kMaxEntries = 20000;
  static constexpr size_t kMaxBytes = 256u << 20;

  struct Entry {
    std::vector<std::pair<std::string, std::string>> headers;  // replayed as they were
    std::string body;
    Clock::time_point stored;
    uint64_t generation = 0;
  };

  explicit PageCache(std::chrono::milliseconds fresh_for = std::chrono::milliseconds(1000)) : fresh_for_(fresh_for) {}

  static std::string key(const std::string& uri, bool care) { return (care ? "1" : "0") + uri; }

  // The fresh entry for `key`, or nullptr.
  std::shared_ptr<const Entry> find(const std::string& key, Clock::time_point now) const;
  // The entry for `key` that is only too old (no write since it was stored), or nullptr: it
  // may stand in while another reader renders the page anew.
  std::shared_ptr<const Entry> find_aged(const std::string& key) const;

  // The generation to stamp an entry with: read it before rendering, so that a write
  // during rendering makes the entry stale at once.
  uint64_t generation() const { return generation_.load(std::memory_order_acquire); }
  void store(const std::string& key, std::shared_ptr<Entry> e);
  void invalidate() { generation_.fetch_add(1, std::memory_order_acq_rel); }

  size_t size() const;

  static constexpr std::chrono::milliseconds kWaitForRender{5000};
  // Claims the render of `key`: true when no other reader is rendering it (call
  // end_render(key) when done, whatever happened); false after waiting for the reader who
  // was (look the page up again; render it yourself, unclaimed, if it is still missing).
  bool begin_render(const std::string& key);
  // Claims the render of `key` only if nobody is rendering it; never waits.
  bool try_begin_render(const std::string& key);
  void end_render(const std::string& key);

 private:
  bool fresh(const Entry& e, Clock::time_point now) const {
    return e.generation == generation() && now - e.stored < fresh_for_;
  }

  std::chrono::milliseconds fresh_for_;
  std::atomic<uint64_t> generation_{1};
  mutable std::shared_mutex mu_;
  std::unordered_map<std::string, std::shared_ptr<const Entry>> entries_;
  size_t bytes_ = 0;
  std::mutex flight_mu_;
  std::condition_variable flight_cv_;
  std::unordered_set<std::string> rendering_;
};

}  // namespace gongkai::web
