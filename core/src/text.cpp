// Task statement parts (text.h).
#include "aiexp/text.h"

#include <algorithm>
#include <utility>

#include "json.h"
#include "json_reader.h"

namespace aiexp {

using detail::join_path;
using detail::JsonReader;
using json::Type;
using json::Value;

namespace {

constexpr std::string_view kTasksKind = "tasks";

void insert_sorted(std::vector<std::string>& names, std::string name) {
  auto it = std::lower_bound(names.begin(), names.end(), name);
  if (it == names.end() || *it != name) names.insert(it, std::move(name));
}

}  // namespace

TextStore::TextStore(const Bundle& bundle) : task_text(bundle.tasks.size()) {}

bool TextStore::has_part(std::string_view part) const {
  return std::binary_search(loaded_parts.begin(), loaded_parts.end(), part);
}

std::string task_text_part(std::string_view onet_code) { return "tasks-" + std::string(onet_code.substr(0, 2)); }

std::vector<std::string> text_parts(const Bundle& bundle) {
  std::vector<std::string> parts;
  for (const OnetOccupation& occupation : bundle.onets) insert_sorted(parts, task_text_part(occupation.code));
  return parts;
}

std::vector<std::string> text_parts_for(const Bundle& bundle, const std::vector<std::uint32_t>& onets) {
  std::vector<std::string> parts;
  for (std::uint32_t onet : onets) insert_sorted(parts, task_text_part(bundle.onets[onet].code));
  return parts;
}

std::string serialize_task_text_part(const Bundle& bundle, const std::vector<std::string>& task_text,
                                     std::string_view part) {
  Value root = detail::make_header(kTasksKind, bundle.build);
  root.set("part", Value::string(std::string(part)));
  Value tasks = Value::object();
  for (const OnetOccupation& occupation : bundle.onets) {
    if (task_text_part(occupation.code) != part) continue;
    Value texts = Value::array();
    for (std::uint32_t t = occupation.first_task; t < occupation.first_task + occupation.task_count; ++t) {
      texts.push_back(Value::string(task_text[t]));
    }
    tasks.set(occupation.code, std::move(texts));
  }
  root.set("tasks", std::move(tasks));
  return json::write(root);
}

Status merge_text_part(const Bundle& bundle, std::string_view json_text, TextStore& store) {
  auto parsed = json::parse(json_text);
  if (!parsed.ok()) return parsed.error();
  const Value& root = parsed.value();
  std::string build;
  if (Status status = detail::read_header(root, kTasksKind, build); !status.ok()) return status;
  if (build != bundle.build) {
    return make_error(ErrorCode::BundleMismatch, "part build " + build + ", bundle build " + bundle.build);
  }
  JsonReader reader;
  std::string part;
  reader.read_string(root, "", "part", part);
  const Value* tasks = reader.member(root, "", "tasks", Type::Object);
  if (reader.failed()) return reader.take_error();
  // Read everything first and commit only when the whole part is good.
  std::vector<std::pair<std::uint32_t, std::string>> staged;
  for (const auto& [code, texts] : tasks->members()) {
    const std::string path = join_path("tasks", code);
    const auto onet = bundle.find_onet(code);
    if (!onet) return make_error(ErrorCode::BundleSchema, path + ": no such occupation in the bundle");
    if (task_text_part(code) != part) return make_error(ErrorCode::BundleSchema, path + ": belongs to another part");
    const OnetOccupation& occupation = bundle.onets[*onet];
    if (!texts.is_array() || texts.size() != occupation.task_count) {
      return make_error(ErrorCode::BundleSchema,
                        path + ": expected " + std::to_string(occupation.task_count) + " task statements");
    }
    for (std::uint32_t i = 0; i < occupation.task_count; ++i) {
      std::string text;
      if (!reader.element_string(texts[i], {path, i}, text)) return reader.take_error();
      if (text.empty()) return make_error(ErrorCode::BundleSchema, join_path(path, i) + ": empty task statement");
      staged.emplace_back(occupation.first_task + i, std::move(text));
    }
  }
  if (store.task_text.size() != bundle.tasks.size()) store = TextStore(bundle);
  for (auto& [task, text] : staged) store.task_text[task] = std::move(text);
  insert_sorted(store.loaded_parts, part);
  return Status::success();
}

}  // namespace aiexp
