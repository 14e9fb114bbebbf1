// The derived data bundle: its in-memory model, and its JSON form (parse and serialize).
// The pipeline fills a Bundle from the raw sources (SCORING.md sections 3 and 5) and serializes it;
// the core parses it back. Both directions live here so the format has exactly one definition.
//
// The bundle travels in two files. bundle.json holds what a full recompute needs (labels, task types,
// importance, the bridge, ASHE figures, unit group titles): all the embeddable widget downloads.
// details.json holds what only the page and the CLI show or look up: task ids, O*NET and ISCO-08 titles,
// the US SOC codes of the bridge, unit group descriptions, the sources, and the other measures of each ISCO-08
// group (measures.h: a widget that shows one of them downloads the details too). Fields marked "details" are empty until
// merge_details() has run. Task statements come separately, per O*NET major group (text.h).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "aiexp/labels.h"
#include "aiexp/measures.h"
#include "aiexp/status.h"
#include "aiexp/weights.h"

namespace aiexp {

// Bumped whenever the JSON layout changes; a bundle with another version is refused (BundleVersion).
// 2: task importance as a string of three digits per task instead of an array of numbers.
// 3: ONS's coefficient of variation of each ASHE figure (unit_groups.employees_cv, median_pay_cv), and the sources
//    the bundle was built from (sources.id, path, title, publisher, version, licence).
// 4: the sources and the CVs move to details.json (the widget shows neither; ashe_cv.employees, median_pay), which
//    also gains each ISCO-08 group's other measures (isco.<code>.measures, ilo_gradient).
inline constexpr int kBundleSchemaVersion = 4;

// Why ASHE left a cell empty. Published means the value is there.
enum class AsheMarker : std::uint8_t {
  Published,      // ""
  Unreliable,     // "x": coefficient of variation above 20%, or withheld for quality
  Disclosive,     // "..": would disclose an individual employer
  NotApplicable,  // ":"
  Blank,          // "blank": the ONS cell was empty
};
std::string_view ashe_marker_name(AsheMarker marker);  // "", "x", "..", ":", "blank"
std::optional<AsheMarker> parse_ashe_marker(std::string_view name);

// The coefficient of variation ONS gives for an ASHE estimate (Table 14.7b), in tenths of a percent: 71 is 7.1%.
// kNoCv when ONS gives none.
inline constexpr std::int32_t kNoCv = -1;
inline constexpr std::int32_t kMaxCvTenths = 9'999;  // 999.9%: ONS prints CVs with one decimal

// One ASHE figure; `value` is meaningful only when marker == Published. A CV may come with an unpublished figure
// too (ONS withholds estimates whose CV is above 20%).
struct AsheFigure {
  AsheMarker marker = AsheMarker::Blank;
  std::int64_t value = 0;
  std::int32_t cv_tenths = kNoCv;  // details

  bool published() const { return marker == AsheMarker::Published; }
  bool has_cv() const { return cv_tenths != kNoCv; }
};

// One ISCO-08 code's share of a unit group's coding-index entries.
struct IscoShare {
  std::uint32_t isco = 0;     // index into Bundle::isco
  std::uint32_t entries = 0;  // coding-index entries of the unit group that carry this ISCO-08 code
};

struct UnitGroup {
  std::string soc;    // SOC 2020 unit group code, "1137"
  std::string title;  // SOC 2020 Volume 1 title
  AsheFigure employees_k;     // employees, thousands (ASHE 2025 provisional, Table 14.7a)
  AsheFigure median_pay_gbp;  // median gross annual pay, pounds
  std::string description;    // details: SOC 2020 Volume 1 description
  // Every ISCO-08 code of the unit group's index entries: most entries first, ties by lowest code,
  // so isco[0] is the modal code the default bridge uses. Empty when no entry carries an ISCO-08 code.
  std::vector<IscoShare> isco;

  int major_group() const { return soc.empty() ? 0 : soc[0] - '0'; }
};

// An ISCO-08 unit group and the labelled O*NET occupations it reaches through the US crosswalks
// (ISCO-08 -> US SOC 2010 -> US SOC 2018 -> O*NET-SOC 2019).
struct IscoGroup {
  std::string code;   // "1330"
  std::vector<std::uint32_t> onets;   // indexes into Bundle::onets, ascending
  std::string title;                  // details: as given in the SOC 2020 coding index
  std::vector<std::string> soc2010;   // details: sorted
  std::vector<std::string> soc2018;   // details: sorted
  // details: the other measures' values in billionths by stored_index() (kNoMeasureValue where the source has
  // none), and the ILO's exposure category
  std::array<std::int64_t, kStoredMeasureCount> measures{kNoMeasureValue, kNoMeasureValue, kNoMeasureValue};
  IloGradient ilo_gradient = IloGradient::None;

  bool has_measure(Measure measure) const { return measures[stored_index(measure)] != kNoMeasureValue; }
  double measure01(Measure measure) const {
    return static_cast<double>(measures[stored_index(measure)]) / static_cast<double>(kMeasureUnits);
  }
};

struct OnetOccupation {
  std::string code;   // O*NET-SOC 2019 code, "11-3021.00"
  std::uint32_t first_task = 0;  // its tasks are tasks[first_task, first_task + task_count)
  std::uint32_t task_count = 0;
  std::string title;  // details: O*NET 29.3 Occupation Data title
};

// All labelled tasks, structure of arrays, grouped by occupation (label-set order within one).
struct TaskTable {
  std::vector<std::uint32_t> onet;            // owning occupation
  std::vector<TaskType> type;                 // as recorded in the label set
  std::vector<std::uint16_t> im_hundredths;   // O*NET importance x 100 (100..500); 0 when not rated
  std::array<std::vector<Label>, kLabelSourceCount> label;  // indexed by LabelSource
  std::vector<std::int32_t> id;               // details: O*NET task id, unique across the table

  std::size_t size() const { return onet.size(); }
};

struct MajorGroup {
  int code = 0;  // 1..9
  std::string title;
};

// One public source the pipeline read, as data/SOURCES.md names it: the figures' provenance panels cite these.
struct DataSource {
  std::string id;         // "ashe", "labels", ... (the ids the core cites are in provenance.h)
  std::string path;       // in the shared sources folder, "uk/ashe_2025_prov_table14_7a.csv"
  std::string title;      // "Annual Survey of Hours and Earnings, Table 14.7a ..."
  std::string publisher;
  std::string version;
  std::string licence;
};

struct Bundle {
  std::string build;  // data build id: the bundle and all its text parts carry the same one
  std::vector<DataSource> sources;       // details: in the pipeline's reading order
  std::vector<MajorGroup> major_groups;  // ascending code
  std::vector<UnitGroup> unit_groups;    // ascending SOC code
  std::vector<IscoGroup> isco;           // ascending ISCO-08 code
  std::vector<OnetOccupation> onets;     // ascending O*NET-SOC code
  TaskTable tasks;

  // True once the details are present (task ids, titles, descriptions).
  bool has_details() const { return tasks.id.size() == tasks.size(); }

  std::optional<std::uint32_t> find_unit_group(std::string_view soc) const;
  std::optional<std::uint32_t> find_onet(std::string_view code) const;
  // nullopt also while the details (task ids) are not loaded.
  std::optional<std::uint32_t> find_task(std::int32_t id) const;
  const MajorGroup* find_major_group(int code) const;
  const DataSource* find_source(std::string_view id) const;

  // Task indexes sorted by task id, for find_task. Filled by finalize_bundle once ids are present.
  std::vector<std::uint32_t> task_index_by_id;
};

// Checks every invariant above (order, index ranges, task grouping, IM range and, when present, unique
// task ids and detail sizes) and builds the lookup index. Errors: BundleSchema, naming the first broken
// invariant.
Status finalize_bundle(Bundle& bundle);

// Parses the JSON text of data/bundle.json. Errors: BundleParse (with line and column), BundleVersion,
// BundleSchema (with the JSON path of the offending field in the detail).
Result<Bundle> parse_bundle(std::string_view json_text);

// Parses data/details.json and fills the details of `bundle`. Errors: BundleParse, BundleVersion,
// BundleSchema, BundleMismatch (another data build). On error `bundle` is unchanged.
Status merge_details(Bundle& bundle, std::string_view json_text);

// The JSON text of bundle.json and of details.json: fields in a fixed order, arrays in model order, so equal
// bundles give equal bytes.
std::string serialize_bundle(const Bundle& bundle);
std::string serialize_details(const Bundle& bundle);

}  // namespace aiexp
