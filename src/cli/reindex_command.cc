// gongkai reindex: rebuilds the search index (store/search_store.h) with a progress bar.
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Stringifier.h>
#include <unistd.h>

#include <cstdio>

#include "app/search_queue.h"
#include "cli/args.h"
#include "cli/commands.h"
#include "store/directory_store.h"
#include "store/migrations.h"
#include "store/search_store.h"

namespace gongkai::cli {
namespace {

// "[#######·········]  7,000 / 16,000  43%" on one terminal line.
std::string progress_line(int64_t done, int64_t total) {
  constexpr int kWidth = 30;
  int filled = total > 0 ? static_cast<int>(done * kWidth / total) : kWidth;
  std::string bar = "[" + std::string(filled, '#') + std::string(kWidth - filled, '.') + "]";
  char tail[96];
  std::snprintf(tail, sizeof tail, " %lld / %lld  %d%%", static_cast<long long>(done), static_cast<long long>(total),
                total > 0 ? static_cast<int>(done * 100 / total) : 100);
  return "\r重建搜索索引 " + bar + tail;
}

int fail(bool json, std::ostream& out, std::ostream& err, const std::string& message) {
  if (json) {
    Poco::JSON::Object o;
    o.set("ok", false);
    o.set("error", message);
    Poco::JSON::Stringifier::stringify(o, out);
    out << "\n";
  } else {
    err << "gongkai reindex: " << message << "\n";
  }
  return 1;
}

int reindex_queued(const Args& a, int batch, bool bar, bool json, std::ostream& out, std::ostream& err) {
  app::QueueRun run;
  try {
    auto db = store::Database::open(database_target(a), 2);
    store::migrate(*db);
    run = app::work_off_search_queue(*db, std::chrono::hours(24 * 365), batch, [&](int64_t done, int64_t total) {
      if (bar) err << progress_line(done, total) << std::flush;
    });
  } catch (const store::DbError& e) {
    if (bar) err << "\n";
    return fail(json, out, err, std::string("数据库错误：") + e.what());
  }
  if (bar && run.indexed > 0) err << "\n";
  if (json) {
    Poco::JSON::Object o;
    o.set("ok", true);
    o.set("items", run.indexed);
    o.set("left", run.left);
    o.set("seconds", run.seconds);
    Poco::JSON::Stringifier::stringify(o, out);
    out << "\n";
  } else {
    char secs[32];
    std::snprintf(secs, sizeof secs, "%.2f", run.seconds);
    out << "已为排队的 " << run.indexed << " 条信息建立搜索索引，用时 " << secs << " 秒";
    if (run.left > 0) out << "；期间又有 " << run.left << " 条排队";
    out << "。\n";
  }
  return 0;
}

}  // namespace

int cmd_reindex(const Argv& argv, std::ostream& out, std::ostream& err) {
  Args a(argv, {"--db", "--data-dir", "--agency", "--batch"}, {"--help", "--json", "--queued"});
  const char* help =
      "usage: gongkai reindex [--agency SLUG | --queued] [--json] [--db TARGET]\n\n"
      "Rebuilds the full-text search index of the published items of one agency, or of all\n"
      "agencies, in one transaction: searches keep using the old index until it is done.\n"
      "With --queued, indexes instead the items a large import queued for the index (a running\n"
      "server does that by itself), committing every batch so that they become searchable\n"
      "as it goes. Shows a progress bar when standard error is a terminal.\n\n"
      "  --agency SLUG     only this agency's items (default: all)\n"
      "  --queued          work off the queue of items waiting for the index\n"
      "  --json            print a JSON summary on standard output\n"
      "  --batch N         items read and written at a time (default 1000)\n"
      "  --db TARGET       SQLite file or postgresql:// URL (default $DATA_DIR/gongkai.db)\n"
      "  --data-dir DIR    data directory (default $DATA_DIR or ./data)\n";
  if (a.has("--help")) {
    out << help;
    return 0;
  }
  if (!a.ok() || !a.positional().empty()) {
    err << (a.ok() ? "" : "gongkai reindex: " + a.error() + "\n") << help;
    return 2;
  }
  bool json = a.has("--json");
  int batch = a.has("--batch") ? std::atoi(a.get("--batch").c_str()) : 1000;
  if (batch < 1 || batch > 100000) return fail(json, out, err, "--batch 应为1至100000之间的整数");
  bool bar = !json && isatty(STDERR_FILENO);
  if (a.has("--queued")) {
    if (a.has("--agency")) return fail(json, out, err, "--queued 与 --agency 不能同时使用");
    return reindex_queued(a, batch, bar, json, out, err);
  }
  store::ReindexStats st;
  std::string agency_name = "全部机关";
  try {
    auto db = store::Database::open(database_target(a), 2);
    store::migrate(*db);
    auto conn = db->acquire();
    std::optional<int64_t> agency_id;
    if (a.has("--agency")) {
      auto ag = store::find_agency_by_slug(*conn, a.get("--agency"));
      if (!ag) return fail(json, out, err, "没有代码为 " + a.get("--agency") + " 的机关");
      agency_id = ag->id;
      agency_name = ag->name;
    }
    store::Tx tx(*conn);
    int64_t shown = -1;
    st = store::reindex_search(
        *conn, agency_id,
        [&](int64_t done, int64_t total) {
          if (!bar) return;
          // Redraw at most once per percent.
          int64_t pct = total > 0 ? done * 100 / total : 100;
          if (pct == shown) return;
          shown = pct;
          err << progress_line(done, total) << std::flush;
        },
        batch);
    tx.commit();
  } catch (const store::DbError& e) {
    if (bar) err << "\n";
    return fail(json, out, err, std::string("数据库错误：") + e.what());
  }
  if (bar) err << "\n";
  if (json) {
    Poco::JSON::Object o;
    o.set("ok", true);
    o.set("agency", a.has("--agency") ? Poco::Dynamic::Var(a.get("--agency")) : Poco::Dynamic::Var());
    o.set("items", st.items);
    o.set("removed", st.removed);
    o.set("seconds", st.seconds);
    Poco::JSON::Stringifier::stringify(o, out);
    out << "\n";
  } else {
    char secs[32];
    std::snprintf(secs, sizeof secs, "%.2f", st.seconds);
    out << "已重建" << agency_name << "的搜索索引：" << st.items << " 条已发布信息（原有 " << st.removed
        << " 条），用时 " << secs << " 秒。\n";
  }
  return 0;
}

}  // namespace gongkai::cli
