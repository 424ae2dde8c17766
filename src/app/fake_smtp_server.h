#pragma once
// A tiny SMTP server for tests: speaks enough of RFC 5321 for Poco's SMTPClientSession (EHLO,
// HELO, AUTH refused, MAIL, RCPT, DATA, RSET, NOOP, QUIT) and keeps what it receives. It can be
// told to refuse the next N messages with a temporary error (451) to test retries.

#include <Poco/Net/ServerSocket.h>

#include <atomic>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace gongkai::app {

class FakeSmtpServer {
 public:
  struct Message {
    std::string from;
    std::vector<std::string> to;
    std::string data;  // headers and body as received, dot-unstuffed
  };

  FakeSmtpServer();
  ~FakeSmtpServer();  // stops and joins
  FakeSmtpServer(const FakeSmtpServer&) = delete;
  FakeSmtpServer& operator=(const FakeSmtpServer&) = delete;

  int port() const { return port_; }
  // The next `n` MAIL commands are answered 451 (try again later).
  void refuse_next(int n) { refuse_ = n; }
  std::vector<Message> received() const;
  int connections() const { return connections_; }

 private:
  void serve();
  void session(Poco::Net::StreamSocket s);

  Poco::Net::ServerSocket socket_;
  int port_ = 0;
  std::atomic<bool> stop_{false};
  std::atomic<int> refuse_{0};
  std::atomic<int> connections_{0};
  mutable std::mutex mu_;
  std::vector<Message> received_;
  std::thread thread_;
};

}  // namespace gongkai::app
