#include "app/fake_smtp_server.h"

#include <Poco/Exception.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/Timespan.h>

#include <iostream>

namespace gongkai::app {
namespace {

// Reads CRLF-terminated lines from a socket.
class LineReader {
 public:
  explicit LineReader(Poco::Net::StreamSocket& s) : s_(s) {}
  // False on end of stream.
  bool next(std::string& line) {
    while (true) {
      size_t eol = buf_.find("\r\n");
      if (eol != std::string::npos) {
        line = buf_.substr(0, eol);
        buf_.erase(0, eol + 2);
        return true;
      }
      char chunk[4096];
      int n = s_.receiveBytes(chunk, sizeof chunk);
      if (n <= 0) return false;
      buf_.append(chunk, static_cast<size_t>(n));
    }
  }

 private:
  Poco::Net::StreamSocket& s_;
  std::string buf_;
};

void reply(Poco::Net::StreamSocket& s, const std::string& line) {
  std::string out = line + "\r\n";
  s.sendBytes(out.data(), static_cast<int>(out.size()));
}

bool starts_with_ci(const std::string& line, const char* word) {
  for (size_t i = 0; word[i]; ++i) {
    if (i >= line.size() || std::toupper(static_cast<unsigned char>(line[i])) != word[i]) return false;
  }
  return true;
}

std::string trim(const std::string& s) {
  size_t b = s.find_first_not_of(' ');
  return b == std::string::npos ? "" : s.substr(b);
}

}  // namespace

FakeSmtpServer::FakeSmtpServer() : socket_(Poco::Net::SocketAddress("127.0.0.1", 0)) {
  port_ = socket_.address().port();
  thread_ = std::thread([this] { serve(); });
}

FakeSmtpServer::~FakeSmtpServer() {
  stop_ = true;
  thread_.join();
  socket_.close();
}

std::vector<FakeSmtpServer::Message> FakeSmtpServer::received() const {
  std::lock_guard g(mu_);
  return received_;
}

void FakeSmtpServer::serve() {
  while (!stop_) {
    try {
      if (!socket_.poll(Poco::Timespan(0, 50'000), Poco::Net::Socket::SELECT_READ)) continue;
      session(socket_.acceptConnection());
    } catch (const Poco::Exception& e) {
      std::cerr << "fake smtp: " << e.displayText() << "\n";
    }
  }
}

void FakeSmtpServer::session(Poco::Net::StreamSocket s) {
  ++connections_;
  s.setReceiveTimeout(Poco::Timespan(5, 0));
  LineReader in(s);
  reply(s, "220 fake.test ESMTP");
  Message m;
  std::string line;
  while (in.next(line)) {
    if (starts_with_ci(line, "EHLO") || starts_with_ci(line, "HELO")) {
      reply(s, "250 fake.test");
    } else if (starts_with_ci(line, "MAIL FROM:")) {
      if (refuse_ > 0) {
        --refuse_;
        reply(s, "451 4.3.0 try again later");
        continue;
      }
      m = Message{};
      m.from = trim(line.substr(10));
      reply(s, "250 OK");
    } else if (starts_with_ci(line, "RCPT TO:")) {
      m.to.push_back(trim(line.substr(8)));
      reply(s, "250 OK");
    } else if (starts_with_ci(line, "DATA")) {
      reply(s, "354 end with .");
      std::string data;
      while (in.next(line) && line != ".") data += (line.rfind("..", 0) == 0 ? line.substr(1) : line) + "\n";
      m.data = data;
      {
        std::lock_guard g(mu_);
        received_.push_back(m);
      }
      reply(s, "250 OK queued");
    } else if (starts_with_ci(line, "QUIT")) {
      reply(s, "221 bye");
      return;
    } else if (starts_with_ci(line, "RSET") || starts_with_ci(line, "NOOP")) {
      reply(s, "250 OK");
    } else {
      reply(s, "502 not implemented");
    }
  }
}

}  // namespace gongkai::app
