#pragma once
// Errors as values in the core.

#include <optional>
#include <string>
#include <utility>

namespace gongkai::core {

// A value or an error message (a small stand-in for C++23 std::expected).
template <typename T>
class Checked {
 public:
  Checked(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  static Checked failure(std::string message) {
    Checked c;
    c.error_ = std::move(message);
    return c;
  }

  bool ok() const { return value_.has_value(); }
  explicit operator bool() const { return ok(); }
  // Requires ok().
  const T& value() const& { return *value_; }
  T& value() & { return *value_; }
  T&& value() && { return std::move(*value_); }
  const T& operator*() const& { return *value_; }
  T& operator*() & { return *value_; }
  const T* operator->() const { return &*value_; }
  T* operator->() { return &*value_; }
  // Empty when ok().
  const std::string& error() const { return error_; }

 private:
  Checked() = default;
  std::optional<T> value_;
  std::string error_;
};

}  // namespace gongkai::core
