// ILO task parts (ilo_tasks.h).
#include "aiexp/ilo_tasks.h"

#include <array>

#include "json.h"
#include "json_reader.h"

namespace aiexp {

using detail::join_path;
using detail::JsonReader;
using json::Type;
using json::Value;

namespace {

constexpr std::string_view kIloTasksKind = "ilo-tasks";

// The integer columns of a part, in the order they are written.
constexpr std::array<std::pair<const char*, std::int64_t IloTaskText::*>, 4> kScoreColumns{{
    {"score_2025", &IloTaskText::score_2025}, {"score_2023", &IloTaskText::score_2023},
    {"score_gpt4o", &IloTaskText::score_gpt4o}, {"score_gemini", &IloTaskText::score_gemini}}};
constexpr std::array<std::pair<const char*, std::string IloTaskText::*>, 3> kTextColumns{{
    {"text", &IloTaskText::text}, {"reason_gpt4o", &IloTaskText::reason_gpt4o},
    {"reason_gemini", &IloTaskText::reason_gemini}}};

}  // namespace

std::string ilo_tasks_part(std::string_view isco) { return "ilo/tasks-" + std::string(isco); }

std::string serialize_ilo_tasks(const IloTaskList& list) {
  Value root = detail::make_header(kIloTasksKind, list.build);
  root.set("isco", Value::string(list.isco));
  root.set("title", Value::string(list.title));
  Value tasks = Value::object();
  Value ids = Value::array();
  Value reconciled = Value::array();
  for (const IloTaskText& task : list.tasks) {
    ids.push_back(Value::integer(task.id));
    reconciled.push_back(Value::integer(task.reconciled ? 1 : 0));
  }
  tasks.set("id", std::move(ids));
  for (const auto& [key, field] : kScoreColumns) {
    Value column = Value::array();
    for (const IloTaskText& task : list.tasks) column.push_back(Value::integer(task.*field));
    tasks.set(key, std::move(column));
  }
  for (const auto& [key, field] : kTextColumns) {
    Value column = Value::array();
    for (const IloTaskText& task : list.tasks) column.push_back(Value::string(task.*field));
    tasks.set(key, std::move(column));
  }
  tasks.set("reconciled", std::move(reconciled));
  root.set("tasks", std::move(tasks));
  return json::write(root);
}

Result<IloTaskList> parse_ilo_tasks(const Bundle& bundle, std::string_view json_text) {
  auto parsed = json::parse(json_text);
  if (!parsed.ok()) return parsed.error();
  const Value& root = parsed.value();
  IloTaskList list;
  if (Status status = detail::read_header(root, kIloTasksKind, list.build); !status.ok()) return status.error();
  if (list.build != bundle.build) {
    return make_error(ErrorCode::BundleMismatch, "part build " + list.build + ", bundle build " + bundle.build);
  }
  JsonReader reader;
  reader.read_string(root, "", "isco", list.isco);
  reader.read_string(root, "", "title", list.title);
  const Value* tasks = reader.member(root, "", "tasks", Type::Object);
  const Value* ids = tasks ? reader.member(*tasks, "tasks", "id", Type::Array) : nullptr;
  if (reader.failed()) return reader.take_error();
  const std::size_t n = ids->size();
  list.tasks.resize(n);
  const auto column = [&](const char* key) -> const Value* {
    const Value* values = reader.member(*tasks, "tasks", key, Type::Array);
    if (values && values->size() != n) {
      reader.fail(join_path("tasks", key), "expected " + std::to_string(n) + " values");
      return nullptr;
    }
    return values;
  };
  for (std::size_t i = 0; i < n && !reader.failed(); ++i) {
    std::int64_t id = 0;
    reader.element_int((*ids)[i], {"tasks.id", i}, 1, 1'000'000, id);
    list.tasks[i].id = static_cast<std::int32_t>(id);
  }
  for (const auto& [key, field] : kScoreColumns) {
    const Value* values = column(key);
    const std::string path = join_path("tasks", key);
    // score_2025 is always present; the others may be missing
    const std::int64_t min = field == &IloTaskText::score_2025 ? 0 : kNoMeasureValue;
    for (std::size_t i = 0; values && i < n && !reader.failed(); ++i) {
      reader.element_int((*values)[i], {path, i}, min, kMeasureUnits, list.tasks[i].*field);
    }
  }
  for (const auto& [key, field] : kTextColumns) {
    const Value* values = column(key);
    const std::string path = join_path("tasks", key);
    for (std::size_t i = 0; values && i < n && !reader.failed(); ++i) {
      reader.element_string((*values)[i], {path, i}, list.tasks[i].*field);
    }
  }
  const Value* reconciled = column("reconciled");
  for (std::size_t i = 0; reconciled && i < n && !reader.failed(); ++i) {
    std::int64_t flag = 0;
    reader.element_int((*reconciled)[i], {"tasks.reconciled", i}, 0, 1, flag);
    list.tasks[i].reconciled = flag == 1;
  }
  if (reader.failed()) return reader.take_error();
  return list;
}

}  // namespace aiexp
