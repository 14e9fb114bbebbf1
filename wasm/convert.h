// C++ <-> JavaScript conversions for the embind module. JS-facing names (camelCase) are chosen here and in
// bindings.cpp only; aiexp.d.ts lists the same names in the same order.
#pragma once

#include <string>
#include <vector>

#include <emscripten/val.h>

#include "aiexp/breakdowns.h"
#include "aiexp/engine.h"
#include "aiexp/provenance.h"

namespace aiexp::js {

using emscripten::val;

// Plain structs registered as embind value_objects: embind copies them into fresh JS objects, so JS holds
// no handle into the module and nothing needs delete().
struct StatusJs {
  bool ok = true;
  std::string code = "ok";
  std::string message;
};

struct UnitGroupInfoJs {
  std::string soc;
  std::string title;
  int majorGroup = 0;
  bool hasEmployees = false;
  double employees = 0;  // people, not thousands
  std::string employeesText;
  bool hasMedianPay = false;
  double medianPayGbp = 0;
  std::string medianPayText;
  std::string bridgeGrade;  // "good", "partial", "weak" (aiexp/bridge.h)
};

struct MajorGroupJs {
  int code = 0;
  std::string title;
};

struct RowJs {
  std::string soc;
  bool scored = false;
  double score10 = 0;
  std::string scoreText;
  std::string band;
  std::string bandKey;  // "very_high"; "" when not scored
  bool hasWageExposure = false;
  double wageExposureGbp = 0;
  std::string wageExposureText;
  int rankPercent = 0;
  bool rangeScored = false;
  double rangeMin10 = 0;  // displayed ends of the sensitivity band
  double rangeMax10 = 0;
  std::string rangeText;
  std::string ilo2025Text;  // every other measure's score as shown, whichever is the headline
  std::string ilo2023Text;
  std::string microsoftText;
};

struct TotalsJs {
  int unitGroups = 0;
  int scored = 0;
  int rankSet = 0;
  double employees = 0;
  std::string employeesText;
  double meanScore10 = 0;
  std::string meanScoreText;
  double wageExposureGbp = 0;
  std::string wageExposureText;
  int wageExposureGroups = 0;
  std::string distributionText;
};

struct SearchResultJs {
  std::string soc;
  std::string title;
  std::string matchedTitle;
  std::string qualifier;
};

struct TaskLineJs {
  int id = 0;
  std::string onet;
  std::string text;
  std::string label;
  std::string labelText;
  std::string sourceLabel;
  bool labelOverridden = false;
  double weight = 0;
  bool weightOverridden = false;
  bool excluded = false;
  bool importanceKnown = false;
  double importance = 0;
  std::string importanceText;
};

struct StartLineJs {
  TaskLineJs task;
  std::string note;
};

struct OnetLineJs {
  std::string code;
  std::string title;
  double bridgeWeight = 0;
  bool scored = false;
  double score10 = 0;
  int taskCount = 0;
  int ratedCount = 0;
};

StatusJs to_js(const Status& status);
// A {ok, code, message} object for a call that returns more than a Status, the rest set by the caller.
val status_object(const Status& status);
template <class T>
val status_object(const Result<T>& result) {
  return status_object(result.ok() ? Status::success() : Status(result.error()));
}
UnitGroupInfoJs unit_group_info(const Bundle& bundle, std::uint32_t index);
RowJs to_js(const Bundle& bundle, const UnitGroupRow& row);
TotalsJs to_js(const TotalsView& totals);
SearchResultJs to_js(const SearchResult& result);

// {ok, code, message, report?}: the report as a JS object (fields in aiexp.d.ts `Report`).
val report_to_js(const Result<UnitGroupReport>& report);
// {ok, code, message, measures: MeasuresReport}
val measures_to_js(const Result<MeasuresReport>& measures);
// A provenance panel (aiexp/provenance.h) as a plain object, and a list of them as an array.
val provenance_to_js(const Provenance& panel);
val provenance_to_js(const std::vector<Provenance>& panels);
// The breakdowns of aiexp/breakdowns.h as {ok, code, message, kind, caption, ...}: `SplitBreakdown`,
// `IndustryBreakdown`, `RegionBreakdown` and `PayBreakdown` in aiexp.d.ts. Rows are plain objects; the row-ordered
// figures a chart draws from are also Float64Arrays (NaN where a group has no mean).
val split_breakdown_to_js(BreakdownKind kind, const Result<SplitBreakdown>& breakdown);
val industry_breakdown_to_js(const Result<IndustryBreakdown>& breakdown);
val region_breakdown_to_js(const Result<RegionBreakdown>& breakdown);
val pay_breakdown_to_js(const Result<PayBreakdown>& breakdown);
// A role's line ({ok, code, message, soc, ...}: `RoleBreakdown` in aiexp.d.ts).
val role_breakdown_to_js(const Result<RoleBreakdown>& line);
// The current assumptions as a JS object (`Assumptions` in aiexp.d.ts).
val assumptions_to_js(const Assumptions& assumptions);
// Reads a JS object into `out`, checking every field's type and value; absent fields keep their defaults.
// Errors: InvalidOption, InvalidLabelValue, InvalidWeight, InvalidLabel, InvalidState (not an object).
Status assumptions_from_js(const val& input, Assumptions& out);
// {ok, code, message, soc, compare, assumptions, rejected, rejections}.
val decoded_state_to_js(const Result<DecodedState>& decoded);
// The parameter table of grammar.h (`Grammar` in aiexp.d.ts).
val grammar_to_js();
// A JS array of strings, or the empty vector when `input` is not an array of strings.
std::vector<std::string> strings_from_js(const val& input);

// A Float64Array holding a copy of `values` (one copy out of module memory, not a call per element).
val float64_array_of(const std::vector<double>& values);

template <class T>
val array_of(const std::vector<T>& items) {
  val array = val::array();
  for (std::size_t i = 0; i < items.size(); ++i) array.set(i, val(items[i]));
  return array;
}

}  // namespace aiexp::js
