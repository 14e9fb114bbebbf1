// Checked reads from a parsed JSON document, for the bundle and its text parts. Every accessor checks
// presence and type before reading; the first failure is kept with the JSON path of the field, and every
// later read becomes a no-op returning false, so callers can read a whole record and check once.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "aiexp/status.h"
#include "json.h"

namespace aiexp::detail {

using json::Value;

std::string join_path(std::string_view parent, std::string_view key);
std::string join_path(std::string_view parent, std::size_t index);

// Where a value sits: a whole path, or "parent[index]" put together only when a read fails, so reading the
// 19,000 elements of a column builds no strings.
class PathRef {
 public:
  PathRef(const char* path) : parent_(path) {}
  PathRef(std::string_view path) : parent_(path) {}
  PathRef(const std::string& path) : parent_(path) {}
  PathRef(std::string_view parent, std::size_t index) : parent_(parent), index_(index), indexed_(true) {}

  std::string str() const { return indexed_ ? join_path(parent_, index_) : std::string(parent_); }

 private:
  std::string_view parent_;
  std::size_t index_ = 0;
  bool indexed_ = false;
};

class JsonReader {
 public:
  bool failed() const { return error_.has_value(); }
  Error take_error() { return error_ ? std::move(*error_) : make_error(ErrorCode::BundleSchema, "unknown"); }

  // Marks the read as failed (if it was not already) with BundleSchema and "path: what".
  bool fail(std::string_view path, std::string_view what);

  // The member `key` of `object`, checked to have `type`; nullptr (and failure) otherwise.
  const Value* member(const Value& object, std::string_view path, std::string_view key, json::Type type);
  // Like member(), but an absent key is not an error: returns nullptr without failing.
  const Value* optional_member(const Value& object, std::string_view path, std::string_view key, json::Type type);

  bool read_string(const Value& object, std::string_view path, std::string_view key, std::string& out);
  bool read_int(const Value& object, std::string_view path, std::string_view key, std::int64_t min, std::int64_t max,
                std::int64_t& out);
  // An element checked to be an integer in [min, max].
  bool element_int(const Value& value, const PathRef& path, std::int64_t min, std::int64_t max, std::int64_t& out);
  bool element_string(const Value& value, const PathRef& path, std::string& out);

 private:
  std::optional<Error> error_;
};

// Reads the header every data file starts with: {"schema": kBundleSchemaVersion, "kind": kind, "build": "..."}.
// Errors: BundleSchema (missing or wrong kind), BundleVersion (another schema).
Status read_header(const Value& root, std::string_view kind, std::string& build);

// A fresh document with that header, for the writers.
Value make_header(std::string_view kind, const std::string& build);

}  // namespace aiexp::detail
