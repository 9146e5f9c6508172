// Parsed<T>: the outcome of a pure parse, a value or a message for the user.
#ifndef JIXIAO_BASE_PARSED_H_
#define JIXIAO_BASE_PARSED_H_

#include <optional>
#include <string>
#include <utility>

#include "base/messages.h"

namespace jixiao {

// Either a value or an error message that says what was expected, written
// for the person who must fix the input ("expected a number after '≥', got
// 'abc'"), with the code of the problem (messages.h). The message carries no
// location; the caller adds it.
template <typename T>
class Parsed {
 public:
  Parsed(T value) : value_(std::move(value)) {}  // NOLINT: implicit on purpose.
  static Parsed Error(Message message) {
    Parsed p;
    p.error_ = std::move(message);
    return p;
  }
  bool ok() const { return value_.has_value(); }
  explicit operator bool() const { return ok(); }
  const T& value() const { return *value_; }
  T& value() { return *value_; }
  const T& operator*() const { return *value_; }
  const T* operator->() const { return &*value_; }
  // The message's text, and the message with its code.
  const std::string& error() const { return error_.text; }
  const Message& message() const { return error_; }

 private:
  Parsed() = default;
  std::optional<T> value_;
  Message error_;
};

}  // namespace jixiao

#endif  // JIXIAO_BASE_PARSED_H_
