#pragma once
// A real server on a free loopback port over a test database, and a tiny HTTP client,
// for tests of the web layer.

#include <map>
#include <memory>
#include <string>

#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/ServerSocket.h>

#include "app/attachments.h"
#include "app/auth.h"
#include "store/db.h"
#include "web/server.h"

namespace gongkai::web {

struct TestReply {
  int status = 0;
  std::string body;
  std::map<std::string, std::string> headers;  // lower-case names
};

class TestServer {
 public:
  // Serves `db` (migrated by the caller) with blobs kept in the database.
  explicit TestServer(store::Database& db);
  ~TestServer();

  // Sends a request; `form` is an url-encoded body for POST. With a session, its cookie and
  // CSRF token go along. Extra cookies as "name=value; …".
  TestReply request(const std::string& method, const std::string& path, const app::Session* session = nullptr,
                    const std::string& form = "", const std::string& cookies = "");
  TestReply get(const std::string& path, const app::Session* s = nullptr) { return request("GET", path, s); }
  // Sends `body` as it is with this content type and extra headers (name → value).
  TestReply send_raw(const std::string& method, const std::string& path, const std::string& content_type,
                     const std::string& body, const std::map<std::string, std::string>& headers = {});

  uint16_t port() const { return socket_.address().port(); }

  // Serves through a page cache from now on (off by default, so that tests which change
  // data behind the server's back see the change at once).
  PageCache& enable_page_cache(std::chrono::milliseconds fresh_for = std::chrono::milliseconds(1000));

 private:
  AppState state_;
  std::unique_ptr<PageCache> cache_;
  std::unique_ptr<app::BlobStore> blobs_;
  Poco::Net::ServerSocket socket_;
  std::unique_ptr<Poco::Net::HTTPServer> server_;
};

}  // namespace gongkai::web
