// Strict JSON reader and compact writer (json.h).
#include "json.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "aiexp/format.h"

namespace aiexp::json {

namespace {

constexpr int kMaxDepth = 64;

}  // namespace

class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text) {}

  Result<Value> run() {
    Value root;
    skip_whitespace();
    if (!parse_value(root, 0)) return error();
    skip_whitespace();
    if (pos_ != text_.size()) {
      fail("unexpected text after the JSON value");
      return error();
    }
    return root;
  }

 private:
  bool fail(std::string_view what) {
    if (message_.empty()) {
      // Line and column of the failure, 1-based, columns in bytes.
      std::size_t line = 1;
      std::size_t column = 1;
      for (std::size_t i = 0; i < pos_ && i < text_.size(); ++i) {
        if (text_[i] == '\n') {
          ++line;
          column = 1;
        } else {
          ++column;
        }
      }
      message_ = "line " + std::to_string(line) + ", column " + std::to_string(column) + ": " + std::string(what);
    }
    return false;
  }

  Error error() const { return make_error(ErrorCode::BundleParse, message_); }

  bool at_end() const { return pos_ >= text_.size(); }
  char peek() const { return text_[pos_]; }

  void skip_whitespace() {
    while (!at_end() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r')) ++pos_;
  }

  bool expect_literal(std::string_view literal) {
    if (text_.compare(pos_, literal.size(), literal) != 0) return fail("invalid literal");
    pos_ += literal.size();
    return true;
  }

  bool parse_value(Value& out, int depth) {
    if (at_end()) return fail("unexpected end of text");
    switch (peek()) {
      case '{': return parse_object(out, depth + 1);
      case '[': return parse_array(out, depth + 1);
      case '"':
        out.type_ = Type::String;
        return parse_string(out.string_);
      case 't':
        out.type_ = Type::Bool;
        out.boolean_ = true;
        return expect_literal("true");
      case 'f':
        out.type_ = Type::Bool;
        out.boolean_ = false;
        return expect_literal("false");
      case 'n':
        out.type_ = Type::Null;
        return expect_literal("null");
      default:
        if (peek() == '-' || (peek() >= '0' && peek() <= '9')) return parse_number(out);
        return fail("expected a value");
    }
  }

  bool parse_object(Value& out, int depth) {
    if (depth > kMaxDepth) return fail("nesting too deep");
    out.type_ = Type::Object;
    ++pos_;  // '{'
    skip_whitespace();
    if (!at_end() && peek() == '}') {
      ++pos_;
      return true;
    }
    while (true) {
      skip_whitespace();
      if (at_end() || peek() != '"') return fail("expected a string key");
      std::string key;
      const std::size_t key_pos = pos_;
      if (!parse_string(key)) return false;
      for (const auto& member : out.members_) {
        if (member.first == key) {
          pos_ = key_pos;
          return fail("duplicate key \"" + key + "\"");
        }
      }
      skip_whitespace();
      if (at_end() || peek() != ':') return fail("expected ':'");
      ++pos_;
      skip_whitespace();
      // Parsed in place: a value is never moved after it is read, except when its vector grows.
      out.members_.emplace_back(std::move(key), Value());
      if (!parse_value(out.members_.back().second, depth)) return false;
      skip_whitespace();
      if (at_end()) return fail("unexpected end of text in an object");
      if (peek() == ',') {
        ++pos_;
        continue;
      }
      if (peek() == '}') {
        ++pos_;
        return true;
      }
      return fail("expected ',' or '}'");
    }
  }

  bool parse_array(Value& out, int depth) {
    if (depth > kMaxDepth) return fail("nesting too deep");
    out.type_ = Type::Array;
    ++pos_;  // '['
    skip_whitespace();
    if (!at_end() && peek() == ']') {
      ++pos_;
      return true;
    }
    while (true) {
      skip_whitespace();
      if (!parse_value(out.elements_.emplace_back(), depth)) return false;
      skip_whitespace();
      if (at_end()) return fail("unexpected end of text in an array");
      if (peek() == ',') {
        ++pos_;
        continue;
      }
      if (peek() == ']') {
        ++pos_;
        return true;
      }
      return fail("expected ',' or ']'");
    }
  }

  static int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }

  bool read_hex4(std::uint32_t& out) {
    if (pos_ + 4 > text_.size()) return fail("truncated \\u escape");
    out = 0;
    for (int i = 0; i < 4; ++i) {
      const int digit = hex_digit(text_[pos_ + i]);
      if (digit < 0) return fail("bad \\u escape");
      out = out * 16 + static_cast<std::uint32_t>(digit);
    }
    pos_ += 4;
    return true;
  }

  static void append_utf8(std::string& out, std::uint32_t code) {
    if (code < 0x80) {
      out.push_back(static_cast<char>(code));
    } else if (code < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (code >> 6)));
      out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
    } else if (code < 0x10000) {
      out.push_back(static_cast<char>(0xE0 | (code >> 12)));
      out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
    } else {
      out.push_back(static_cast<char>(0xF0 | (code >> 18)));
      out.push_back(static_cast<char>(0x80 | ((code >> 12) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
    }
  }

  // Copies one UTF-8 character starting at pos_, checking it is well formed (no overlongs, no surrogates).
  bool copy_utf8(std::string& out) {
    const auto lead = static_cast<unsigned char>(peek());
    std::size_t extra = 0;
    std::uint32_t code = 0;
    if ((lead & 0xE0) == 0xC0) {
      extra = 1;
      code = lead & 0x1F;
    } else if ((lead & 0xF0) == 0xE0) {
      extra = 2;
      code = lead & 0x0F;
    } else if ((lead & 0xF8) == 0xF0) {
      extra = 3;
      code = lead & 0x07;
    } else {
      return fail("invalid UTF-8");
    }
    if (pos_ + extra >= text_.size()) return fail("truncated UTF-8");
    for (std::size_t k = 1; k <= extra; ++k) {
      const auto next = static_cast<unsigned char>(text_[pos_ + k]);
      if ((next & 0xC0) != 0x80) return fail("invalid UTF-8");
      code = (code << 6) | (next & 0x3F);
    }
    if ((extra == 1 && code < 0x80) || (extra == 2 && code < 0x800) || (extra == 3 && code < 0x10000) ||
        (code >= 0xD800 && code <= 0xDFFF) || code > 0x10FFFF) {
      return fail("invalid UTF-8");
    }
    out.append(text_.substr(pos_, extra + 1));
    pos_ += extra + 1;
    return true;
  }

  static bool is_plain_ascii(char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte >= 0x20 && byte < 0x80 && c != '"' && c != '\\';
  }

  bool parse_string(std::string& out) {
    ++pos_;  // opening quote
    while (true) {
      if (at_end()) return fail("unterminated string");
      const char c = peek();
      if (c == '"') {
        ++pos_;
        return true;
      }
      if (static_cast<unsigned char>(c) < 0x20) return fail("control character in a string");
      if (static_cast<unsigned char>(c) >= 0x80) {
        if (!copy_utf8(out)) return false;
        continue;
      }
      if (c != '\\') {
        // A run of plain ASCII is appended at once: most strings are nothing else, and the bundle's task columns
        // are strings of 19,000 to 58,000 characters. The scan runs on plain pointers: a page's first load runs
        // it before the engine has optimised anything, where every call per character counts.
        const char* const run_start = text_.data() + pos_;
        const char* const text_end = text_.data() + text_.size();
        const char* cursor = run_start;
        while (cursor != text_end && is_plain_ascii(*cursor)) ++cursor;
        out.append(run_start, static_cast<std::size_t>(cursor - run_start));
        pos_ += static_cast<std::size_t>(cursor - run_start);
        continue;
      }
      ++pos_;
      if (at_end()) return fail("unterminated escape");
      const char escape = peek();
      ++pos_;
      switch (escape) {
        case '"': out.push_back('"'); break;
        case '\\': out.push_back('\\'); break;
        case '/': out.push_back('/'); break;
        case 'b': out.push_back('\b'); break;
        case 'f': out.push_back('\f'); break;
        case 'n': out.push_back('\n'); break;
        case 'r': out.push_back('\r'); break;
        case 't': out.push_back('\t'); break;
        case 'u': {
          std::uint32_t code = 0;
          if (!read_hex4(code)) return false;
          if (code >= 0xDC00 && code <= 0xDFFF) return fail("unpaired surrogate in \\u escape");
          if (code >= 0xD800 && code <= 0xDBFF) {
            std::uint32_t low = 0;
            if (text_.compare(pos_, 2, "\\u") != 0) return fail("unpaired surrogate in \\u escape");
            pos_ += 2;
            if (!read_hex4(low)) return false;
            if (low < 0xDC00 || low > 0xDFFF) return fail("unpaired surrogate in \\u escape");
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
          }
          append_utf8(out, code);
          break;
        }
        default:
          --pos_;
          return fail("invalid escape");
      }
    }
  }

  bool parse_number(Value& out) {
    const std::size_t start = pos_;
    bool is_integer = true;
    if (peek() == '-') ++pos_;
    if (at_end() || !(peek() >= '0' && peek() <= '9')) return fail("invalid number");
    if (peek() == '0') {
      ++pos_;
    } else {
      while (!at_end() && peek() >= '0' && peek() <= '9') ++pos_;
    }
    if (!at_end() && peek() == '.') {
      is_integer = false;
      ++pos_;
      if (at_end() || !(peek() >= '0' && peek() <= '9')) return fail("invalid number");
      while (!at_end() && peek() >= '0' && peek() <= '9') ++pos_;
    }
    if (!at_end() && (peek() == 'e' || peek() == 'E')) {
      is_integer = false;
      ++pos_;
      if (!at_end() && (peek() == '+' || peek() == '-')) ++pos_;
      if (at_end() || !(peek() >= '0' && peek() <= '9')) return fail("invalid number");
      while (!at_end() && peek() >= '0' && peek() <= '9') ++pos_;
    }
    const std::string_view literal = text_.substr(start, pos_ - start);
    out.type_ = Type::Number;
    if (is_integer) {
      // Accumulate with overflow checks; integers beyond int64 stay plain numbers.
      const bool negative = literal[0] == '-';
      std::int64_t value = 0;
      bool fits = true;
      for (std::size_t i = negative ? 1 : 0; i < literal.size() && fits; ++i) {
        const int digit = literal[i] - '0';
        if (value > (std::numeric_limits<std::int64_t>::max() - digit) / 10) fits = false;
        else value = value * 10 + digit;
      }
      if (fits) {
        out.type_ = Type::Integer;
        out.integer_ = negative ? -value : value;
        out.number_ = static_cast<double>(out.integer_);
        return true;
      }
    }
    out.number_ = approximate_value(literal);
    return true;
  }

  // The value of a JSON number, close but not always correctly rounded. The bundle holds integers only
  // (read exactly above); this serves the rare other number without pulling strtod into the module.
  static double approximate_value(std::string_view literal) {
    double mantissa = 0.0;
    int exponent = 0;
    std::size_t i = literal[0] == '-' ? 1 : 0;
    for (; i < literal.size() && literal[i] >= '0' && literal[i] <= '9'; ++i) mantissa = mantissa * 10 + (literal[i] - '0');
    if (i < literal.size() && literal[i] == '.') {
      for (++i; i < literal.size() && literal[i] >= '0' && literal[i] <= '9'; ++i) {
        mantissa = mantissa * 10 + (literal[i] - '0');
        --exponent;
      }
    }
    if (i < literal.size() && (literal[i] == 'e' || literal[i] == 'E')) {
      ++i;
      const bool negative = i < literal.size() && literal[i] == '-';
      if (i < literal.size() && (literal[i] == '+' || literal[i] == '-')) ++i;
      int written = 0;
      for (; i < literal.size() && literal[i] >= '0' && literal[i] <= '9'; ++i) written = std::min(written * 10 + (literal[i] - '0'), 100000);
      exponent += negative ? -written : written;
    }
    const double value = mantissa * std::pow(10.0, exponent);
    return literal[0] == '-' ? -value : value;
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  std::string message_;
};

const Value* Value::find(std::string_view key) const {
  for (const auto& member : members_) {
    if (member.first == key) return &member.second;
  }
  return nullptr;
}

Value Value::integer(std::int64_t value) {
  Value v;
  v.type_ = Type::Integer;
  v.integer_ = value;
  v.number_ = static_cast<double>(value);
  return v;
}

Value Value::string(std::string value) {
  Value v;
  v.type_ = Type::String;
  v.string_ = std::move(value);
  return v;
}

Value Value::array() {
  Value v;
  v.type_ = Type::Array;
  return v;
}

Value Value::object() {
  Value v;
  v.type_ = Type::Object;
  return v;
}

Value& Value::push_back(Value value) {
  elements_.push_back(std::move(value));
  return elements_.back();
}

Value& Value::set(std::string key, Value value) {
  members_.emplace_back(std::move(key), std::move(value));
  return members_.back().second;
}

Result<Value> parse(std::string_view text) { return Parser(text).run(); }

namespace {

void write_string(const std::string& text, std::string& out) {
  static constexpr char kHex[] = "0123456789abcdef";
  out.push_back('"');
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(c);
    } else if (byte < 0x20) {
      out += "\\u00";
      out.push_back(kHex[byte >> 4]);
      out.push_back(kHex[byte & 0xF]);
    } else {
      out.push_back(c);
    }
  }
  out.push_back('"');
}

void write_value(const Value& value, std::string& out) {
  switch (value.type()) {
    case Type::Null: out += "null"; break;
    case Type::Bool: out += value.as_bool() ? "true" : "false"; break;
    case Type::Integer: out += std::to_string(value.as_integer()); break;
    case Type::Number: out += format_decimal(value.as_number(), 9); break;  // the core's writers make none
    case Type::String: write_string(value.as_string(), out); break;
    case Type::Array: {
      out.push_back('[');
      for (std::size_t i = 0; i < value.elements().size(); ++i) {
        if (i) out.push_back(',');
        write_value(value.elements()[i], out);
      }
      out.push_back(']');
      break;
    }
    case Type::Object: {
      out.push_back('{');
      bool first = true;
      for (const auto& [key, member] : value.members()) {
        if (!first) out.push_back(',');
        first = false;
        write_string(key, out);
        out.push_back(':');
        write_value(member, out);
      }
      out.push_back('}');
      break;
    }
  }
}

}  // namespace

std::string write(const Value& value) {
  std::string out;
  write_value(value, out);
  return out;
}

}  // namespace aiexp::json
