#pragma once
// Errors the application services raise; the web layer turns them into pages or JSON.

#include <map>
#include <stdexcept>
#include <string>

namespace gongkai::app {

enum class ErrorKind { kInvalid, kNotFound, kForbidden, kConflict, kUnauthenticated, kTooMany, kMethodNotAllowed };

class AppError : public std::runtime_error {
 public:
  // message: Chinese, shown to people. code: stable machine code, e.g. "not_found".
  AppError(ErrorKind kind, std::string code, const std::string& message)
      : std::runtime_error(message), kind_(kind), code_(std::move(code)) {}
  ErrorKind kind() const { return kind_; }
  const std::string& code() const { return code_; }

 private:
  ErrorKind kind_;
  std::string code_;
};

// Invalid input with a message per field (field name → Chinese message).
class ValidationError : public AppError {
 public:
  explicit ValidationError(std::map<std::string, std::string> fields)
      : AppError(ErrorKind::kInvalid, "invalid", "提交的内容有误，请按提示修改"), fields_(std::move(fields)) {}
  ValidationError(const std::string& field, const std::string& message)
      : ValidationError(std::map<std::string, std::string>{{field, message}}) {}
  const std::map<std::string, std::string>& fields() const { return fields_; }

 private:
  std::map<std::string, std::string> fields_;
};

inline AppError not_found(const std::string& what) {
  return AppError(ErrorKind::kNotFound, "not_found", what + "不存在");
}
inline AppError forbidden(const std::string& why = "您没有执行此操作的权限") {
  return AppError(ErrorKind::kForbidden, "forbidden", why);
}

}  // namespace gongkai::app
