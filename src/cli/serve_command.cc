// gongkai serve: migrations, then the HTTP server.
#include <filesystem>

#include "app/jobs.h"
#include "cli/args.h"
#include "cli/commands.h"
#include "store/migrations.h"
#include "web/server.h"

namespace gongkai::cli {

int cmd_serve(const Argv& argv, std::ostream& out, std::ostream& err) {
  Args a(argv, {"--db", "--data-dir", "--listen", "--threads", "--pool", "--blob-store"}, {"--help", "--secure-cookies", "--no-page-cache", "--behind-proxy"});
  if (a.has("--help")) {
    out << "usage: gongkai serve [--listen HOST:PORT] [--db TARGET] [--data-dir DIR] [--threads N] [--pool N]\n\n"
           "Applies pending migrations and serves the portal, back office and API until SIGINT/SIGTERM.\n"
           "  --listen HOST:PORT  address to listen on (default 127.0.0.1:$PORT or 127.0.0.1:8080)\n"
           "  --db TARGET         SQLite file or postgresql:// URL (default $DATA_DIR/gongkai.db)\n"
           "  --data-dir DIR      data directory for the database and attachments (default $DATA_DIR or ./data)\n"
           "  --threads N         HTTP worker threads (default 16)\n"
           "  --pool N            database connections (default 16)\n"
           "  --blob-store fs|db  keep attachment bytes under DATA_DIR/blobs (fs, default) or in the\n"
           "                      database (db: for several nodes without a shared disk)\n"
           "  --secure-cookies    mark cookies Secure (behind TLS)\n"
           "  --behind-proxy      take readers' addresses from X-Real-IP sent by a proxy on this\n"
           "                      machine (deploy/nginx/gongkai.conf); for rate limits and logs\n"
           "  --no-page-cache     render every public page anew (by default rendered public pages\n"
           "                      are kept in memory for up to a second, and dropped on any change)\n";
    return 0;
  }
  if (!a.ok()) { err << "gongkai serve: " << a.error() << "\n"; return 2; }
  web::AppState state;
  const char* port = std::getenv("PORT");
  state.options.listen = a.get("--listen", std::string("127.0.0.1:") + (port && *port ? port : "8080"));
  state.options.data_dir = data_dir(a);
  state.options.threads = std::stoi(a.get("--threads", "16"));
  state.options.secure_cookies = a.has("--secure-cookies");
  state.options.behind_proxy = a.has("--behind-proxy");
  std::string target = database_target(a);
  if (target.rfind("postgres", 0) != 0) std::filesystem::create_directories(std::filesystem::path(target).parent_path());
  auto db = store::Database::open(target, std::stoi(a.get("--pool", "16")));
  store::migrate(*db);
  state.db = db.get();
  std::string blob_mode = a.get("--blob-store", "fs");
  if (blob_mode != "fs" && blob_mode != "db") { err << "gongkai serve: --blob-store must be fs or db\n"; return 2; }
  app::BlobStore blobs(*db, blob_mode == "fs" ? state.options.data_dir + "/blobs" : "");
  state.blobs = &blobs;
  web::PageCache cache;
  if (!a.has("--no-page-cache")) state.page_cache = &cache;
  app::JobRunner jobs(*db, std::chrono::seconds(30));
  return web::run_server(state);
}

}  // namespace gongkai::cli
