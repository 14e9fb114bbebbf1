// The bundle's JSON form and its invariants (bundle.h).
#include "aiexp/bundle.h"

#include <algorithm>
#include <array>
#include <limits>

#include "aiexp/provenance.h"
#include "json.h"
#include "json_reader.h"

namespace aiexp {

using detail::join_path;
using detail::JsonReader;
using detail::PathRef;
using json::Type;
using json::Value;

namespace {

constexpr std::string_view kBundleKind = "bundle";
constexpr std::string_view kDetailsKind = "details";
constexpr std::int64_t kMaxCount = std::numeric_limits<std::int32_t>::max();

char task_type_code(TaskType type) {
  switch (type) {
    case TaskType::Core: return 'C';
    case TaskType::Supplemental: return 'S';
    case TaskType::Untyped: return '-';
  }
  return '-';
}

std::optional<TaskType> parse_task_type_code(char code) {
  switch (code) {
    case 'C': return TaskType::Core;
    case 'S': return TaskType::Supplemental;
    case '-': return TaskType::Untyped;
    default: return std::nullopt;
  }
}

// The three labels of a task travel as one character, '0' + 9 x gpt4 + 3 x human + gpt4_alt ('0' to 'J'):
// the sources agree often, so one joint column compresses a fifth smaller than three separate ones.
constexpr char kLabelCodeBase = '0';
constexpr int kLabelCodes = 27;

char label_code(const TaskTable& table, std::size_t task) {
  int code = 0;
  for (LabelSource source : kLabelSources) code = code * 3 + static_cast<int>(table.label[static_cast<std::size_t>(source)][task]);
  return static_cast<char>(kLabelCodeBase + code);
}

bool parse_label_code(char character, TaskTable& table, std::size_t task) {
  int code = character - kLabelCodeBase;
  if (code < 0 || code >= kLabelCodes) return false;
  for (std::size_t s = kLabelSourceCount; s-- > 0;) {
    table.label[s][task] = static_cast<Label>(code % 3);
    code /= 3;
  }
  return true;
}

// An ASHE figure is written as its integer value when published, or as its marker string when not.
Value ashe_to_json(const AsheFigure& figure) {
  if (figure.published()) return Value::integer(figure.value);
  return Value::string(std::string(ashe_marker_name(figure.marker)));
}

bool read_ashe(JsonReader& reader, const Value& value, const PathRef& path, std::int64_t max_value,
               AsheFigure& out) {
  if (reader.failed()) return false;
  if (value.is_string()) {
    const auto marker = parse_ashe_marker(value.as_string());
    if (!marker || *marker == AsheMarker::Published) return reader.fail(path.str(), "unknown ASHE marker");
    out = AsheFigure{*marker, 0};
    return true;
  }
  std::int64_t number = 0;
  if (!reader.element_int(value, path, 0, max_value, number)) return false;
  out = AsheFigure{AsheMarker::Published, number};
  return true;
}

// A CV in tenths of a percent, or null when ONS gives none.
Value cv_to_json(const AsheFigure& figure) {
  return figure.has_cv() ? Value::integer(figure.cv_tenths) : Value();
}

bool read_cv(JsonReader& reader, const Value& value, const PathRef& path, AsheFigure& out) {
  if (reader.failed()) return false;
  if (value.is_null()) {
    out.cv_tenths = kNoCv;
    return true;
  }
  std::int64_t tenths = 0;
  if (!reader.element_int(value, path, 0, kMaxCvTenths, tenths)) return false;
  out.cv_tenths = static_cast<std::int32_t>(tenths);
  return true;
}

Value string_array(const std::vector<std::string>& items) {
  Value array = Value::array();
  for (const std::string& item : items) array.push_back(Value::string(item));
  return array;
}

void read_string_array(JsonReader& reader, const Value& object, std::string_view path, std::string_view key,
                       std::vector<std::string>& out) {
  const Value* items = reader.member(object, path, key, Type::Array);
  if (!items) return;
  out.resize(items->size());
  const std::string items_path = join_path(path, key);
  for (std::size_t i = 0; i < items->size() && !reader.failed(); ++i) {
    reader.element_string((*items)[i], {items_path, i}, out[i]);
  }
}

bool is_ascending(const auto& items, auto key) {
  return std::adjacent_find(items.begin(), items.end(),
                            [&](const auto& a, const auto& b) { return !(key(a) < key(b)); }) == items.end();
}

template <class T>
std::optional<std::uint32_t> find_sorted(const std::vector<T>& items, std::string_view code, auto key) {
  auto it = std::lower_bound(items.begin(), items.end(), code,
                             [&](const T& item, std::string_view wanted) { return key(item) < wanted; });
  if (it == items.end() || key(*it) != code) return std::nullopt;
  return static_cast<std::uint32_t>(it - items.begin());
}

// The compact file is columnar: each section is an object of equal-length arrays, or of strings with a fixed
// number of characters per item, which gzip compresses far better than an array of records. The task columns
// are strings because a page load parses them: 19,000 numbers in an array cost a parsed value each.
const Value* column(JsonReader& reader, const Value& section, std::string_view path, std::string_view key,
                    Type type, std::size_t expected, std::size_t chars_per_item = 1) {
  const Value* value = reader.member(section, path, key, type);
  if (!value) return nullptr;
  const std::size_t size = value->is_string() ? value->as_string().size() : value->size();
  const std::size_t items = value->is_string() ? size / chars_per_item : size;
  if (items != expected || (value->is_string() && size % chars_per_item != 0)) {
    reader.fail(join_path(path, key), "expected " + std::to_string(expected) + " items, found " +
                                          (value->is_string() ? std::to_string(size) + " characters" : std::to_string(size)));
    return nullptr;
  }
  return value;
}

// Importance x 100 is written as exactly three digits per task ("452", "000" when not rated).
constexpr std::size_t kImportanceDigits = 3;

void append_importance_digits(std::string& out, std::uint16_t im_hundredths) {  // at most 500 (finalize_bundle)
  out.push_back(static_cast<char>('0' + im_hundredths / 100 % 10));
  out.push_back(static_cast<char>('0' + im_hundredths / 10 % 10));
  out.push_back(static_cast<char>('0' + im_hundredths % 10));
}

std::optional<std::uint16_t> parse_importance_digits(const char* digits) {
  std::uint16_t value = 0;
  for (std::size_t i = 0; i < kImportanceDigits; ++i) {
    if (digits[i] < '0' || digits[i] > '9') return std::nullopt;
    value = static_cast<std::uint16_t>(value * 10 + (digits[i] - '0'));
  }
  return value;
}

// The first column of a section gives the section's size.
const Value* size_column(JsonReader& reader, const Value& root, std::string_view section, std::string_view key,
                         const Value*& object) {
  object = reader.member(root, "", section, Type::Object);
  if (!object) return nullptr;
  return reader.member(*object, section, key, Type::Array);
}

// The columns of the bundle's sources section, in the order they are written.
constexpr std::array<std::pair<const char*, std::string DataSource::*>, 6> kSourceFields{{
    {"id", &DataSource::id}, {"path", &DataSource::path}, {"title", &DataSource::title},
    {"publisher", &DataSource::publisher}, {"version", &DataSource::version}, {"licence", &DataSource::licence}}};

void parse_sources(JsonReader& reader, const Value& root, Bundle& bundle) {
  const Value* section = nullptr;
  const Value* ids = size_column(reader, root, "sources", "id", section);
  if (!ids) return;
  const std::size_t n = ids->size();
  std::array<const Value*, kSourceFields.size()> columns{};
  for (std::size_t f = 0; f < kSourceFields.size(); ++f) {
    columns[f] = column(reader, *section, "sources", kSourceFields[f].first, Type::Array, n);
  }
  if (reader.failed()) return;
  bundle.sources.resize(n);
  for (std::size_t f = 0; f < kSourceFields.size() && !reader.failed(); ++f) {
    const std::string path = join_path("sources", kSourceFields[f].first);
    for (std::size_t i = 0; i < n && !reader.failed(); ++i) {
      reader.element_string((*columns[f])[i], {path, i}, bundle.sources[i].*kSourceFields[f].second);
    }
  }
}

// An ISCO-08 group's other measures (details): billionths in [0, 1] or kNoMeasureValue, and the ILO category.
void read_measures(JsonReader& reader, const Value& item, const std::string& path, IscoGroup& group) {
  const Value* values = reader.member(item, path, "measures", Type::Array);
  if (!values) return;
  const std::string values_path = join_path(path, "measures");
  if (values->size() != kStoredMeasureCount) {
    reader.fail(values_path, "expected " + std::to_string(kStoredMeasureCount) + " values");
    return;
  }
  for (std::size_t m = 0; m < kStoredMeasureCount && !reader.failed(); ++m) {
    reader.element_int((*values)[m], {values_path, m}, kNoMeasureValue, kMeasureUnits, group.measures[m]);
  }
  std::string gradient;
  if (!reader.read_string(item, path, "ilo_gradient", gradient)) return;
  const auto parsed = parse_ilo_gradient(gradient);
  if (!parsed) {
    reader.fail(join_path(path, "ilo_gradient"), "not an ILO exposure category: \"" + gradient + "\"");
    return;
  }
  group.ilo_gradient = *parsed;
}

void parse_major_groups(JsonReader& reader, const Value& root, Bundle& bundle) {
  const Value* section = nullptr;
  const Value* codes = size_column(reader, root, "major_groups", "code", section);
  if (!codes) return;
  const Value* titles = column(reader, *section, "major_groups", "title", Type::Array, codes->size());
  for (std::size_t i = 0; titles && i < codes->size() && !reader.failed(); ++i) {
    MajorGroup group;
    std::int64_t code = 0;
    reader.element_int((*codes)[i], {"major_groups.code", i}, 1, 9, code);
    reader.element_string((*titles)[i], {"major_groups.title", i}, group.title);
    group.code = static_cast<int>(code);
    bundle.major_groups.push_back(std::move(group));
  }
}

void parse_unit_groups(JsonReader& reader, const Value& root, Bundle& bundle) {
  const Value* section = nullptr;
  const Value* socs = size_column(reader, root, "unit_groups", "soc", section);
  if (!socs) return;
  const std::size_t n = socs->size();
  const Value* titles = column(reader, *section, "unit_groups", "title", Type::Array, n);
  const Value* employees = column(reader, *section, "unit_groups", "employees_k", Type::Array, n);
  const Value* pay = column(reader, *section, "unit_groups", "median_pay_gbp", Type::Array, n);
  const Value* isco = column(reader, *section, "unit_groups", "isco", Type::Array, n);
  if (reader.failed()) return;
  bundle.unit_groups.resize(n);
  for (std::size_t i = 0; i < n && !reader.failed(); ++i) {
    UnitGroup& group = bundle.unit_groups[i];
    reader.element_string((*socs)[i], {"unit_groups.soc", i}, group.soc);
    reader.element_string((*titles)[i], {"unit_groups.title", i}, group.title);
    read_ashe(reader, (*employees)[i], {"unit_groups.employees_k", i}, 100'000, group.employees_k);
    read_ashe(reader, (*pay)[i], {"unit_groups.median_pay_gbp", i}, 100'000'000, group.median_pay_gbp);
    const Value& shares = (*isco)[i];
    const std::string path = join_path("unit_groups.isco", i);
    if (!shares.is_array()) {
      reader.fail(path, "expected an array");
      break;
    }
    for (std::size_t s = 0; s < shares.size() && !reader.failed(); ++s) {
      const Value& pair = shares[s];
      if (!pair.is_array() || pair.size() != 2) {
        reader.fail(join_path(path, s), "expected [isco index, entries]");
        break;
      }
      std::int64_t index = 0;
      std::int64_t entries = 0;
      reader.element_int(pair[0], {path, s}, 0, kMaxCount, index);
      reader.element_int(pair[1], {path, s}, 1, kMaxCount, entries);
      group.isco.push_back({static_cast<std::uint32_t>(index), static_cast<std::uint32_t>(entries)});
    }
  }
}

void parse_isco(JsonReader& reader, const Value& root, Bundle& bundle) {
  const Value* section = nullptr;
  const Value* codes = size_column(reader, root, "isco", "code", section);
  if (!codes) return;
  const Value* onets = column(reader, *section, "isco", "onets", Type::Array, codes->size());
  if (!onets) return;
  bundle.isco.resize(codes->size());
  for (std::size_t i = 0; i < codes->size() && !reader.failed(); ++i) {
    IscoGroup& group = bundle.isco[i];
    reader.element_string((*codes)[i], {"isco.code", i}, group.code);
    const Value& list = (*onets)[i];
    const std::string path = join_path("isco.onets", i);
    if (!list.is_array()) {
      reader.fail(path, "expected an array");
      break;
    }
    for (std::size_t o = 0; o < list.size() && !reader.failed(); ++o) {
      std::int64_t index = 0;
      reader.element_int(list[o], {path, o}, 0, kMaxCount, index);
      group.onets.push_back(static_cast<std::uint32_t>(index));
    }
  }
}

void parse_onets_and_tasks(JsonReader& reader, const Value& root, Bundle& bundle) {
  const Value* section = nullptr;
  const Value* codes = size_column(reader, root, "onets", "code", section);
  if (!codes) return;
  const Value* counts = column(reader, *section, "onets", "task_count", Type::Array, codes->size());
  if (!counts) return;
  bundle.onets.resize(codes->size());
  std::uint32_t next_task = 0;
  for (std::size_t i = 0; i < codes->size() && !reader.failed(); ++i) {
    OnetOccupation& occupation = bundle.onets[i];
    reader.element_string((*codes)[i], {"onets.code", i}, occupation.code);
    std::int64_t count = 0;
    reader.element_int((*counts)[i], {"onets.task_count", i}, 1, 100'000, count);
    occupation.first_task = next_task;
    occupation.task_count = static_cast<std::uint32_t>(count);
    if (next_task > 10'000'000) reader.fail("onets.task_count", "too many tasks");
    next_task += occupation.task_count;
  }
  if (reader.failed()) return;

  const std::size_t n = next_task;
  const Value* tasks = reader.member(root, "", "tasks", Type::Object);
  if (!tasks) return;
  const Value* types = column(reader, *tasks, "tasks", "type", Type::String, n);
  const Value* im = column(reader, *tasks, "tasks", "im", Type::String, n, kImportanceDigits);
  const Value* labels = column(reader, *tasks, "tasks", "labels", Type::String, n);
  if (reader.failed()) return;

  TaskTable& table = bundle.tasks;
  table.onet.resize(n);
  table.type.resize(n);
  table.im_hundredths.resize(n);
  for (auto& column_labels : table.label) column_labels.resize(n);
  for (std::uint32_t o = 0; o < bundle.onets.size(); ++o) {
    const OnetOccupation& occupation = bundle.onets[o];
    std::fill_n(table.onet.begin() + occupation.first_task, occupation.task_count, o);
  }
  const std::string& type_codes = types->as_string();
  for (std::size_t t = 0; t < n && !reader.failed(); ++t) {
    const auto type = parse_task_type_code(type_codes[t]);
    if (!type) {
      reader.fail(join_path("tasks.type", t), "unknown task type code");
      break;
    }
    table.type[t] = *type;
    const auto im_hundredths = parse_importance_digits(im->as_string().data() + t * kImportanceDigits);
    if (!im_hundredths) {
      reader.fail(join_path("tasks.im", t), "expected three digits");
      break;
    }
    if (*im_hundredths > 500 || (*im_hundredths != 0 && *im_hundredths < 100)) {
      reader.fail(join_path("tasks.im", t), "importance " + std::to_string(*im_hundredths) + " outside 100..500 (or 0)");
      break;
    }
    table.im_hundredths[t] = *im_hundredths;
    if (!parse_label_code(labels->as_string()[t], table, t)) {
      reader.fail(join_path("tasks.labels", t), "label code outside '0' to 'J'");
    }
  }
}

Status schema_error(std::string detail) { return make_error(ErrorCode::BundleSchema, std::move(detail)); }

// Each keyed section of details.json must name every item of the bundle exactly once, in bundle order.
bool check_keys(JsonReader& reader, const Value& section, std::string_view path, std::size_t expected,
                auto key_of) {
  if (section.size() != expected) {
    return reader.fail(path, "expected " + std::to_string(expected) + " entries, found " +
                                 std::to_string(section.size()));
  }
  for (std::size_t i = 0; i < expected; ++i) {
    if (section.members()[i].first != key_of(i)) {
      return reader.fail(join_path(path, section.members()[i].first), "not the bundle's entry at this position");
    }
  }
  return true;
}

}  // namespace

std::string_view ashe_marker_name(AsheMarker marker) {
  switch (marker) {
    case AsheMarker::Published: return "";
    case AsheMarker::Unreliable: return "x";
    case AsheMarker::Disclosive: return "..";
    case AsheMarker::NotApplicable: return ":";
    case AsheMarker::Blank: return "blank";
  }
  return "blank";
}

std::optional<AsheMarker> parse_ashe_marker(std::string_view name) {
  for (AsheMarker marker : {AsheMarker::Published, AsheMarker::Unreliable, AsheMarker::Disclosive,
                            AsheMarker::NotApplicable, AsheMarker::Blank}) {
    if (ashe_marker_name(marker) == name) return marker;
  }
  return std::nullopt;
}

std::optional<std::uint32_t> Bundle::find_unit_group(std::string_view soc) const {
  return find_sorted(unit_groups, soc, [](const UnitGroup& g) -> std::string_view { return g.soc; });
}

std::optional<std::uint32_t> Bundle::find_onet(std::string_view code) const {
  return find_sorted(onets, code, [](const OnetOccupation& o) -> std::string_view { return o.code; });
}

std::optional<std::uint32_t> Bundle::find_task(std::int32_t task_id) const {
  auto it = std::lower_bound(task_index_by_id.begin(), task_index_by_id.end(), task_id,
                             [&](std::uint32_t index, std::int32_t wanted) { return tasks.id[index] < wanted; });
  if (it == task_index_by_id.end() || tasks.id[*it] != task_id) return std::nullopt;
  return *it;
}

const DataSource* Bundle::find_source(std::string_view id) const {
  for (const DataSource& source : sources) {
    if (source.id == id) return &source;
  }
  return nullptr;
}

const MajorGroup* Bundle::find_major_group(int code) const {
  for (const MajorGroup& group : major_groups) {
    if (group.code == code) return &group;
  }
  return nullptr;
}

Status finalize_bundle(Bundle& bundle) {
  // The provenance panels name these sources: a bundle without one of them could not say where a figure is from.
  for (std::string_view id : kCitedSources) {
    if (bundle.has_details() && !bundle.find_source(id)) {
      return schema_error("sources: no source with id " + std::string(id));
    }
  }
  if (!is_ascending(bundle.major_groups, [](const MajorGroup& g) { return g.code; })) {
    return schema_error("major_groups: not in ascending code order");
  }
  if (!is_ascending(bundle.unit_groups, [](const UnitGroup& g) -> const std::string& { return g.soc; })) {
    return schema_error("unit_groups: not in ascending SOC order");
  }
  if (!is_ascending(bundle.isco, [](const IscoGroup& g) -> const std::string& { return g.code; })) {
    return schema_error("isco: not in ascending code order");
  }
  if (!is_ascending(bundle.onets, [](const OnetOccupation& o) -> const std::string& { return o.code; })) {
    return schema_error("onets: not in ascending code order");
  }
  for (std::size_t i = 0; i < bundle.unit_groups.size(); ++i) {
    const UnitGroup& group = bundle.unit_groups[i];
    const std::string path = join_path("unit_groups", i);
    if (group.soc.size() != 4 ||
        !std::all_of(group.soc.begin(), group.soc.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      return schema_error(path + ".soc: not a 4-digit code");
    }
    if (!bundle.find_major_group(group.major_group())) return schema_error(path + ".soc: unknown major group");
    for (std::size_t s = 0; s < group.isco.size(); ++s) {
      if (group.isco[s].isco >= bundle.isco.size()) return schema_error(path + ".isco: index out of range");
      if (s > 0) {
        const IscoShare& prev = group.isco[s - 1];
        const IscoShare& cur = group.isco[s];
        const bool ordered = prev.entries > cur.entries ||
                             (prev.entries == cur.entries && bundle.isco[prev.isco].code < bundle.isco[cur.isco].code);
        if (!ordered) return schema_error(path + ".isco: not ordered by entries, then code");
      }
    }
  }
  for (std::size_t i = 0; i < bundle.isco.size(); ++i) {
    const auto& onets = bundle.isco[i].onets;
    if (!std::is_sorted(onets.begin(), onets.end()) ||
        std::adjacent_find(onets.begin(), onets.end()) != onets.end()) {
      return schema_error(join_path("isco", i) + ".onets: not strictly ascending");
    }
    if (!onets.empty() && onets.back() >= bundle.onets.size()) {
      return schema_error(join_path("isco", i) + ".onets: index out of range");
    }
  }
  const TaskTable& tasks = bundle.tasks;
  const std::size_t n = tasks.size();
  for (const auto& labels : tasks.label) {
    if (labels.size() != n) return schema_error("tasks: label columns of unequal length");
  }
  if (tasks.type.size() != n || tasks.im_hundredths.size() != n) {
    return schema_error("tasks: columns of unequal length");
  }
  if (!tasks.id.empty() && tasks.id.size() != n) return schema_error("tasks: ids for only some tasks");
  std::uint32_t next_task = 0;
  for (std::size_t i = 0; i < bundle.onets.size(); ++i) {
    const OnetOccupation& occupation = bundle.onets[i];
    if (occupation.first_task != next_task || occupation.task_count == 0) {
      return schema_error(join_path("onets", i) + ": tasks not contiguous, or none");
    }
    next_task += occupation.task_count;
    if (next_task > n) return schema_error(join_path("onets", i) + ": task range beyond the task table");
    for (std::uint32_t t = occupation.first_task; t < next_task; ++t) {
      if (tasks.onet[t] != i) return schema_error(join_path("onets", i) + ": task owned by another occupation");
      const auto im = tasks.im_hundredths[t];
      if (im != 0 && (im < 100 || im > 500)) return schema_error(join_path("onets", i) + ": importance outside 1-5");
    }
  }
  if (next_task != n) return schema_error("tasks: rows not owned by any occupation");

  bundle.task_index_by_id.clear();
  if (tasks.id.empty()) return Status::success();
  bundle.task_index_by_id.resize(n);
  for (std::uint32_t t = 0; t < n; ++t) {
    if (tasks.id[t] <= 0) return schema_error("tasks: task id " + std::to_string(tasks.id[t]) + " not positive");
    bundle.task_index_by_id[t] = t;
  }
  std::sort(bundle.task_index_by_id.begin(), bundle.task_index_by_id.end(),
            [&](std::uint32_t a, std::uint32_t b) { return tasks.id[a] < tasks.id[b]; });
  for (std::size_t i = 1; i < n; ++i) {
    if (tasks.id[bundle.task_index_by_id[i - 1]] == tasks.id[bundle.task_index_by_id[i]]) {
      return schema_error("tasks: task id " + std::to_string(tasks.id[bundle.task_index_by_id[i]]) + " repeated");
    }
  }
  return Status::success();
}

Result<Bundle> parse_bundle(std::string_view json_text) {
  auto parsed = json::parse(json_text);
  if (!parsed.ok()) return parsed.error();
  const Value& root = parsed.value();
  Bundle bundle;
  if (Status header = detail::read_header(root, kBundleKind, bundle.build); !header.ok()) return header.error();

  JsonReader reader;
  parse_major_groups(reader, root, bundle);
  parse_unit_groups(reader, root, bundle);
  parse_isco(reader, root, bundle);
  parse_onets_and_tasks(reader, root, bundle);
  if (reader.failed()) return reader.take_error();
  if (Status status = finalize_bundle(bundle); !status.ok()) return status.error();
  return bundle;
}

Status merge_details(Bundle& bundle, std::string_view json_text) {
  auto parsed = json::parse(json_text);
  if (!parsed.ok()) return parsed.error();
  const Value& root = parsed.value();
  std::string build;
  if (Status header = detail::read_header(root, kDetailsKind, build); !header.ok()) return header;
  if (build != bundle.build) {
    return make_error(ErrorCode::BundleMismatch, "details build " + build + ", bundle build " + bundle.build);
  }
  JsonReader reader;
  const Value* groups = reader.member(root, "", "unit_groups", Type::Object);
  const Value* isco = reader.member(root, "", "isco", Type::Object);
  const Value* onets = reader.member(root, "", "onets", Type::Object);
  if (reader.failed()) return reader.take_error();
  check_keys(reader, *groups, "unit_groups", bundle.unit_groups.size(),
             [&](std::size_t i) -> const std::string& { return bundle.unit_groups[i].soc; });
  check_keys(reader, *isco, "isco", bundle.isco.size(),
             [&](std::size_t i) -> const std::string& { return bundle.isco[i].code; });
  check_keys(reader, *onets, "onets", bundle.onets.size(),
             [&](std::size_t i) -> const std::string& { return bundle.onets[i].code; });
  if (reader.failed()) return reader.take_error();

  // Stage into a copy and swap it in only when everything read and checked, so a bad file changes nothing.
  Bundle staged = bundle;
  staged.sources.clear();
  parse_sources(reader, root, staged);
  if (const Value* cvs = reader.member(root, "", "ashe_cv", Type::Object)) {
    const std::size_t n = staged.unit_groups.size();
    const Value* employees_cv = column(reader, *cvs, "ashe_cv", "employees", Type::Array, n);
    const Value* pay_cv = column(reader, *cvs, "ashe_cv", "median_pay", Type::Array, n);
    for (std::size_t i = 0; i < n && !reader.failed(); ++i) {
      read_cv(reader, (*employees_cv)[i], {"ashe_cv.employees", i}, staged.unit_groups[i].employees_k);
      read_cv(reader, (*pay_cv)[i], {"ashe_cv.median_pay", i}, staged.unit_groups[i].median_pay_gbp);
    }
  }
  for (std::size_t i = 0; i < staged.unit_groups.size() && !reader.failed(); ++i) {
    const auto& [soc, description] = groups->members()[i];
    reader.element_string(description, join_path("unit_groups", soc), staged.unit_groups[i].description);
  }
  for (std::size_t i = 0; i < staged.isco.size() && !reader.failed(); ++i) {
    const auto& [code, item] = isco->members()[i];
    const std::string path = join_path("isco", code);
    IscoGroup& group = staged.isco[i];
    reader.read_string(item, path, "title", group.title);
    read_string_array(reader, item, path, "soc2010", group.soc2010);
    read_string_array(reader, item, path, "soc2018", group.soc2018);
    read_measures(reader, item, path, group);
  }
  staged.tasks.id.clear();
  for (std::size_t i = 0; i < staged.onets.size() && !reader.failed(); ++i) {
    const auto& [code, item] = onets->members()[i];
    const std::string path = join_path("onets", code);
    OnetOccupation& occupation = staged.onets[i];
    reader.read_string(item, path, "title", occupation.title);
    const Value* ids = reader.member(item, path, "task_ids", Type::Array);
    if (!ids) break;
    if (ids->size() != occupation.task_count) {
      reader.fail(join_path(path, "task_ids"), "expected " + std::to_string(occupation.task_count) + " ids");
      break;
    }
    // Ids are written as differences from the previous id of the same occupation (the first from 0).
    const std::string ids_path = join_path(path, "task_ids");
    std::int64_t id = 0;
    for (std::size_t t = 0; t < ids->size() && !reader.failed(); ++t) {
      std::int64_t delta = 0;
      reader.element_int((*ids)[t], {ids_path, t}, -kMaxCount, kMaxCount, delta);
      id += delta;
      if (id <= 0 || id > kMaxCount) reader.fail(join_path(ids_path, t), "task id out of range");
      staged.tasks.id.push_back(static_cast<std::int32_t>(id));
    }
  }
  if (reader.failed()) return reader.take_error();
  if (Status status = finalize_bundle(staged); !status.ok()) return status;
  bundle = std::move(staged);
  return Status::success();
}

std::string serialize_bundle(const Bundle& bundle) {
  Value root = detail::make_header(kBundleKind, bundle.build);

  Value major_codes = Value::array();
  Value major_titles = Value::array();
  for (const MajorGroup& group : bundle.major_groups) {
    major_codes.push_back(Value::integer(group.code));
    major_titles.push_back(Value::string(group.title));
  }
  Value majors = Value::object();
  majors.set("code", std::move(major_codes));
  majors.set("title", std::move(major_titles));
  root.set("major_groups", std::move(majors));

  Value socs = Value::array();
  Value titles = Value::array();
  Value employees = Value::array();
  Value pay = Value::array();
  Value isco_shares = Value::array();
  for (const UnitGroup& group : bundle.unit_groups) {
    socs.push_back(Value::string(group.soc));
    titles.push_back(Value::string(group.title));
    employees.push_back(ashe_to_json(group.employees_k));
    pay.push_back(ashe_to_json(group.median_pay_gbp));
    Value shares = Value::array();
    for (const IscoShare& share : group.isco) {
      Value pair = Value::array();
      pair.push_back(Value::integer(share.isco));
      pair.push_back(Value::integer(share.entries));
      shares.push_back(std::move(pair));
    }
    isco_shares.push_back(std::move(shares));
  }
  Value groups = Value::object();
  groups.set("soc", std::move(socs));
  groups.set("title", std::move(titles));
  groups.set("employees_k", std::move(employees));
  groups.set("median_pay_gbp", std::move(pay));
  groups.set("isco", std::move(isco_shares));
  root.set("unit_groups", std::move(groups));

  Value isco_codes = Value::array();
  Value isco_onets = Value::array();
  for (const IscoGroup& group : bundle.isco) {
    isco_codes.push_back(Value::string(group.code));
    Value onets = Value::array();
    for (std::uint32_t onet : group.onets) onets.push_back(Value::integer(onet));
    isco_onets.push_back(std::move(onets));
  }
  Value isco = Value::object();
  isco.set("code", std::move(isco_codes));
  isco.set("onets", std::move(isco_onets));
  root.set("isco", std::move(isco));

  Value onet_codes = Value::array();
  Value task_counts = Value::array();
  for (const OnetOccupation& occupation : bundle.onets) {
    onet_codes.push_back(Value::string(occupation.code));
    task_counts.push_back(Value::integer(occupation.task_count));
  }
  Value onets = Value::object();
  onets.set("code", std::move(onet_codes));
  onets.set("task_count", std::move(task_counts));
  root.set("onets", std::move(onets));

  const TaskTable& table = bundle.tasks;
  std::string types;
  std::string labels;
  std::string im;
  for (std::size_t t = 0; t < table.size(); ++t) {
    types.push_back(task_type_code(table.type[t]));
    labels.push_back(label_code(table, t));
    append_importance_digits(im, table.im_hundredths[t]);
  }
  Value tasks = Value::object();
  tasks.set("type", Value::string(std::move(types)));
  tasks.set("im", Value::string(std::move(im)));
  tasks.set("labels", Value::string(std::move(labels)));
  root.set("tasks", std::move(tasks));
  return json::write(root);
}

std::string serialize_details(const Bundle& bundle) {
  Value root = detail::make_header(kDetailsKind, bundle.build);
  Value sources = Value::object();
  for (const auto& [key, field] : kSourceFields) {
    Value column = Value::array();
    for (const DataSource& source : bundle.sources) column.push_back(Value::string(source.*field));
    sources.set(key, std::move(column));
  }
  root.set("sources", std::move(sources));
  Value groups = Value::object();
  for (const UnitGroup& group : bundle.unit_groups) groups.set(group.soc, Value::string(group.description));
  root.set("unit_groups", std::move(groups));
  // ONS's CVs, in bundle order: only the page and the CLI show them.
  Value employees_cv = Value::array();
  Value pay_cv = Value::array();
  for (const UnitGroup& group : bundle.unit_groups) {
    employees_cv.push_back(cv_to_json(group.employees_k));
    pay_cv.push_back(cv_to_json(group.median_pay_gbp));
  }
  Value cvs = Value::object();
  cvs.set("employees", std::move(employees_cv));
  cvs.set("median_pay", std::move(pay_cv));
  root.set("ashe_cv", std::move(cvs));

  Value isco = Value::object();
  for (const IscoGroup& group : bundle.isco) {
    Value item = Value::object();
    item.set("title", Value::string(group.title));
    item.set("soc2010", string_array(group.soc2010));
    item.set("soc2018", string_array(group.soc2018));
    Value measures = Value::array();
    for (std::int64_t value : group.measures) measures.push_back(Value::integer(value));
    item.set("measures", std::move(measures));
    item.set("ilo_gradient", Value::string(std::string(ilo_gradient_text(group.ilo_gradient))));
    isco.set(group.code, std::move(item));
  }
  root.set("isco", std::move(isco));

  Value onets = Value::object();
  for (const OnetOccupation& occupation : bundle.onets) {
    Value ids = Value::array();
    std::int64_t previous = 0;
    for (std::uint32_t t = occupation.first_task; t < occupation.first_task + occupation.task_count; ++t) {
      ids.push_back(Value::integer(bundle.tasks.id[t] - previous));
      previous = bundle.tasks.id[t];
    }
    Value item = Value::object();
    item.set("title", Value::string(occupation.title));
    item.set("task_ids", std::move(ids));
    onets.set(occupation.code, std::move(item));
  }
  root.set("onets", std::move(onets));
  return json::write(root);
}

}  // namespace aiexp
