// How the server treats connections: an idle keep-alive connection gives its worker thread
// back after 5 s (each open connection holds one; docs/operations.md, "Behind nginx").
#include "web/server.h"

#include <gtest/gtest.h>

#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>

#include <chrono>
#include <string>

#include "store/migrations.h"
#include "store/test_databases.h"
#include "web/test_server.h"

namespace gongkai::web {
namespace {

TEST(ServerConnections, AnIdleKeepAliveConnectionIsClosedAfterFiveSeconds) {
  auto db = store::open_test_database("sqlite", 2);
  store::migrate(*db);
  TestServer server(*db);
  Poco::Net::StreamSocket s(Poco::Net::SocketAddress("127.0.0.1", server.port()));
  const std::string req = "GET /robots.txt HTTP/1.1\r\nHost: localhost\r\n\r\n";
  s.sendBytes(req.data(), static_cast<int>(req.size()));
  char buf[4096];
  s.setReceiveTimeout(Poco::Timespan(10, 0));
  std::string first;
  while (first.find("\r\n\r\n") == std::string::npos) {
    int n = s.receiveBytes(buf, sizeof buf);
    ASSERT_GT(n, 0) << "the server answered";
    first.append(buf, static_cast<size_t>(n));
  }
  EXPECT_EQ(first.rfind("HTTP/1.1 200", 0), 0u) << first.substr(0, 80);
  EXPECT_EQ(first.find("Connection: close"), std::string::npos) << "kept alive after the first answer";
  // Read the rest of the answer, then nothing more until the server closes the connection.
  auto idle_from = std::chrono::steady_clock::now();
  for (;;) {
    int n = s.receiveBytes(buf, sizeof buf);
    if (n <= 0) break;
    idle_from = std::chrono::steady_clock::now();
  }
  double idle = std::chrono::duration<double>(std::chrono::steady_clock::now() - idle_from).count();
  EXPECT_GT(idle, 4.0);
  EXPECT_LT(idle, 8.0);
}

}  // namespace
}  // namespace gongkai::web
