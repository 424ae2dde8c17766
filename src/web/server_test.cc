// How the server treats connections: an idle keep-alive connection gives its worker thread
// back after 5 s (each open connection holds one; docs/operations.md, "Behind nginx"), and
// stopping waits until no connection is being handled.
#include "web/server.h"

#include <gtest/gtest.h>

#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>

#include <chrono>
#include <string>
#include <vector>

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

// Sends a GET of robots.txt and reads the answer's headers; the connection stays open.
void get_robots(Poco::Net::StreamSocket& s) {
  const std::string req = "GET /robots.txt HTTP/1.1\r\nHost: localhost\r\n\r\n";
  s.sendBytes(req.data(), static_cast<int>(req.size()));
  s.setReceiveTimeout(Poco::Timespan(10, 0));
  std::string got;
  char buf[4096];
  while (got.find("\r\n\r\n") == std::string::npos) {
    int n = s.receiveBytes(buf, sizeof buf);
    if (n <= 0) break;
    got.append(buf, static_cast<size_t>(n));
  }
  ASSERT_EQ(got.rfind("HTTP/1.1 200", 0), 0u) << got.substr(0, 80);
}

TEST(ServerConnections, StoppingWaitsUntilNoConnectionIsHandled) {
  auto db = store::open_test_database("sqlite", 2);
  store::migrate(*db);
  AppState state;
  state.db = db.get();
  Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0));
  auto server = start_server(state, socket);
  std::vector<Poco::Net::StreamSocket> clients;
  for (int i = 0; i < 4; ++i) {
    clients.emplace_back(Poco::Net::SocketAddress("127.0.0.1", socket.address().port()));
    get_robots(clients.back());
  }
  EXPECT_EQ(server->currentConnections(), 4) << "each kept-alive connection holds a handler";
  stop_server(*server);
  EXPECT_EQ(server->currentConnections(), 0);
}

}  // namespace
}  // namespace gongkai::web
