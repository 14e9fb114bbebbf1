// A small strict JSON (RFC 8259) reader and writer for the bundle and its parts.
// The core carries its own because a general JSON library more than doubles the WebAssembly module the
// widget downloads, and the core needs only this: parse into a tree with positions in errors, and write
// integers, strings, arrays and objects in a fixed order.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "aiexp/status.h"

namespace aiexp::json {

enum class Type : std::uint8_t { Null, Bool, Integer, Number, String, Array, Object };

class Value {
 public:
  Value() = default;

  Type type() const { return type_; }
  bool is_null() const { return type_ == Type::Null; }
  bool is_bool() const { return type_ == Type::Bool; }
  bool is_integer() const { return type_ == Type::Integer; }  // no fraction or exponent, fits int64
  bool is_number() const { return type_ == Type::Integer || type_ == Type::Number; }
  bool is_string() const { return type_ == Type::String; }
  bool is_array() const { return type_ == Type::Array; }
  bool is_object() const { return type_ == Type::Object; }

  bool as_bool() const { return boolean_; }
  std::int64_t as_integer() const { return integer_; }
  double as_number() const { return number_; }
  const std::string& as_string() const { return string_; }

  // Array elements; empty for other types.
  const std::vector<Value>& elements() const { return elements_; }
  std::size_t size() const { return type_ == Type::Object ? members_.size() : elements_.size(); }
  const Value& operator[](std::size_t index) const { return elements_[index]; }

  // Object members in document order; `find` returns null when the key is absent.
  const std::vector<std::pair<std::string, Value>>& members() const { return members_; }
  const Value* find(std::string_view key) const;

  // Builders, for the writer side.
  static Value integer(std::int64_t value);
  static Value string(std::string value);
  static Value array();
  static Value object();
  Value& push_back(Value value);                  // on an array
  Value& set(std::string key, Value value);       // on an object: appends (keys are written in set order)

 private:
  friend class Parser;
  Type type_ = Type::Null;
  bool boolean_ = false;
  std::int64_t integer_ = 0;
  double number_ = 0.0;
  std::string string_;
  std::vector<Value> elements_;
  std::vector<std::pair<std::string, Value>> members_;
};

// Parses a complete JSON text. Rejects anything RFC 8259 does not allow (comments, trailing commas, NaN,
// bad escapes, invalid UTF-8, control characters in strings), duplicate object keys, and nesting deeper than
// 64. Errors: BundleParse, with "line L, column C: what" in the detail.
Result<Value> parse(std::string_view text);

// Compact JSON text of `value` (no spaces). In strings, quote, backslash and control characters are escaped
// and other UTF-8 is kept as is. Members are written in the order they were set.
std::string write(const Value& value);

}  // namespace aiexp::json
