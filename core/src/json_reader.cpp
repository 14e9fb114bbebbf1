// Checked JSON reads (json_reader.h).
#include "json_reader.h"

#include <limits>

#include "aiexp/bundle.h"

namespace aiexp::detail {

namespace {

std::string_view type_word(json::Type type) {
  switch (type) {
    case json::Type::Object: return "an object";
    case json::Type::Array: return "an array";
    case json::Type::String: return "a string";
    case json::Type::Bool: return "a boolean";
    case json::Type::Integer: return "an integer";
    case json::Type::Number: return "a number";
    case json::Type::Null: return "null";
  }
  return "a value";
}

bool has_type(const Value& value, json::Type type) {
  if (type == json::Type::Number) return value.is_number();
  return value.type() == type;
}

}  // namespace

bool JsonReader::fail(std::string_view path, std::string_view what) {
  if (!error_) {
    std::string detail(path.empty() ? "top level" : path);
    detail += ": ";
    detail += what;
    error_ = make_error(ErrorCode::BundleSchema, std::move(detail));
  }
  return false;
}

const Value* JsonReader::member(const Value& object, std::string_view path, std::string_view key, json::Type type) {
  if (failed()) return nullptr;
  if (!object.is_object()) {
    fail(path, "expected an object");
    return nullptr;
  }
  const Value* value = object.find(key);
  if (!value) {
    fail(join_path(path, key), "missing");
    return nullptr;
  }
  if (!has_type(*value, type)) {
    fail(join_path(path, key), std::string("expected ") + std::string(type_word(type)));
    return nullptr;
  }
  return value;
}

const Value* JsonReader::optional_member(const Value& object, std::string_view path, std::string_view key,
                                         json::Type type) {
  if (failed() || !object.is_object() || !object.find(key)) return nullptr;
  return member(object, path, key, type);
}

bool JsonReader::read_string(const Value& object, std::string_view path, std::string_view key, std::string& out) {
  const Value* value = member(object, path, key, json::Type::String);
  if (!value) return false;
  out = value->as_string();
  return true;
}

bool JsonReader::read_int(const Value& object, std::string_view path, std::string_view key, std::int64_t min,
                          std::int64_t max, std::int64_t& out) {
  const Value* value = member(object, path, key, json::Type::Integer);
  if (!value) return false;
  return element_int(*value, join_path(path, key), min, max, out);
}

bool JsonReader::element_int(const Value& value, const PathRef& path, std::int64_t min, std::int64_t max,
                             std::int64_t& out) {
  if (failed()) return false;
  if (!value.is_integer()) return fail(path.str(), "expected an integer");
  out = value.as_integer();
  if (out < min || out > max) {
    return fail(path.str(), "integer " + std::to_string(out) + " outside " + std::to_string(min) + ".." +
                          std::to_string(max));
  }
  return true;
}

bool JsonReader::element_string(const Value& value, const PathRef& path, std::string& out) {
  if (failed()) return false;
  if (!value.is_string()) return fail(path.str(), "expected a string");
  out = value.as_string();
  return true;
}

std::string join_path(std::string_view parent, std::string_view key) {
  std::string path(parent);
  if (!path.empty()) path += '.';
  path += key;
  return path;
}

std::string join_path(std::string_view parent, std::size_t index) {
  std::string path(parent);
  path += '[';
  path += std::to_string(index);
  path += ']';
  return path;
}

Status read_header(const Value& root, std::string_view kind, std::string& build) {
  JsonReader reader;
  if (!root.is_object()) return make_error(ErrorCode::BundleSchema, "top level: expected an object");
  std::int64_t schema = 0;
  if (!reader.read_int(root, "", "schema", 0, std::numeric_limits<std::int32_t>::max(), schema)) {
    return reader.take_error();
  }
  if (schema != kBundleSchemaVersion) {
    return make_error(ErrorCode::BundleVersion, "schema " + std::to_string(schema) + ", this build reads schema " +
                                                    std::to_string(kBundleSchemaVersion));
  }
  std::string file_kind;
  if (!reader.read_string(root, "", "kind", file_kind) || !reader.read_string(root, "", "build", build)) {
    return reader.take_error();
  }
  if (file_kind != kind) {
    return make_error(ErrorCode::BundleSchema, "kind: expected \"" + std::string(kind) + "\", found \"" +
                                                   file_kind + "\"");
  }
  return Status::success();
}

Value make_header(std::string_view kind, const std::string& build) {
  Value root = Value::object();
  root.set("schema", Value::integer(kBundleSchemaVersion));
  root.set("kind", Value::string(std::string(kind)));
  root.set("build", Value::string(build));
  return root;
}

}  // namespace aiexp::detail
