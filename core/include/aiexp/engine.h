// One calculator session: the loaded bundle and its parts, the current assumptions and every figure they
// give. It is what the WebAssembly bindings expose (wasm/bindings.cpp), kept here so it is plain C++ that
// the native tests exercise directly. Every method reports failure as a Status or Result, never a throw.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "aiexp/breakdowns.h"
#include "aiexp/bundle.h"
#include "aiexp/provenance.h"
#include "aiexp/report.h"
#include "aiexp/score.h"
#include "aiexp/search.h"
#include "aiexp/state.h"
#include "aiexp/text.h"

namespace aiexp {

// A role search result, ready to show.
struct SearchResult {
  std::string soc;
  std::string title;           // the unit group's title
  std::string matched_title;   // the job title that matched ("Data analyst"), empty when the unit group did
  std::string qualifier;       // that job title's qualifier ("computing/IT"), often empty
};

class Engine {
 public:
  Engine();
  ~Engine();
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  // Replaces everything with a new bundle (bundle.json) and the default assumptions.
  // Errors: BundleParse, BundleVersion, BundleSchema. On error the engine keeps what it had.
  Status load_bundle(std::string_view json_text);
  // details.json, text/tasks-NN.json and titles.json of the same build. Errors: NotLoaded, BundleParse,
  // BundleVersion, BundleSchema, BundleMismatch. On error nothing changes.
  Status load_details(std::string_view json_text);
  Status load_text_part(std::string_view json_text);
  Status load_titles(std::string_view json_text);
  // data/breakdowns.json of the same build (breakdown_data.h): what the breakdowns need; the compact bundle is
  // enough beside it. Errors: NotLoaded, BundleParse, BundleVersion, BundleSchema, BundleMismatch. On error nothing
  // changes.
  Status load_breakdowns(std::string_view json_text);

  bool loaded() const { return scorer_ != nullptr; }
  bool has_details() const { return loaded() && bundle_->has_details(); }
  bool has_titles() const { return titles_.has_value(); }
  bool has_breakdowns() const { return breakdowns_.has_value(); }
  const Breakdowns* breakdowns() const { return breakdowns_ ? &*breakdowns_ : nullptr; }
  const Bundle* bundle() const { return bundle_.get(); }
  const Scorer* scorer() const { return scorer_.get(); }

  // Errors: NotLoaded, InvalidLabelValue, InvalidWeight, UnknownTask (also while the details are not loaded
  // and an override names a task). On error the assumptions and figures stay as they were.
  Status set_assumptions(const Assumptions& assumptions);
  const Assumptions& assumptions() const;

  // Errors: NotLoaded, UnknownSoc.
  Result<UnitGroupReport> report(std::string_view soc) const;
  Result<MeasuresReport> measures_report(std::string_view soc) const;
  // The text parts ("tasks-11") the report of `soc` needs and that are not loaded yet. Errors: NotLoaded, UnknownSoc.
  Result<std::vector<std::string>> missing_text_parts(std::string_view soc) const;

  // One row per unit group, in bundle order; empty when nothing is loaded.
  std::vector<UnitGroupRow> rows() const;
  // The row of the unit group at `index` in bundle order; nullopt when nothing is loaded or out of range.
  std::optional<UnitGroupRow> row(std::size_t index) const;
  TotalsView totals() const;
  // The nine SOC 2020 major groups' totals, and the totals of the unit groups whose displayed headline is at
  // least `min_score10`; empty when nothing is loaded.
  std::vector<MajorGroupSummary> major_group_summaries() const;
  TotalsView totals_at_or_above(double min_score10) const;

  // Who holds the exposed work: the breakdowns by sex, working pattern, industry, region and pay under the current
  // assumptions (breakdowns.h). Errors: NotLoaded; BreakdownNotLoaded before load_breakdowns().
  Result<SplitBreakdown> sex_breakdown() const;
  Result<SplitBreakdown> pattern_breakdown() const;
  Result<IndustryBreakdown> industry_breakdown() const;
  Result<RegionBreakdown> region_breakdown() const;
  Result<PayBreakdown> pay_breakdown() const;
  // The one line a role's page says about who does the work (breakdowns.h). Errors: NotLoaded, BreakdownNotLoaded,
  // UnknownSoc.
  Result<RoleBreakdown> role_breakdown(std::string_view soc) const;
  // One provenance panel per group of a breakdown (provenance.h); empty before its data are loaded.
  std::vector<Provenance> breakdown_provenance(BreakdownKind kind) const;
  // The breakdown as CSV (csv.h). Errors: NotLoaded, BreakdownNotLoaded.
  Result<std::string> breakdown_csv(BreakdownKind kind) const;

  // CSV of the listed unit groups (by SOC code, unknown codes skipped) and of one role's tasks.
  // Errors of tasks_csv: NotLoaded, UnknownSoc.
  std::string table_csv(const std::vector<std::string>& socs) const;
  Result<std::string> tasks_csv(std::string_view soc) const;

  // Role search over codes, titles and (once loaded) job titles.
  std::vector<SearchResult> search(std::string_view query, std::size_t limit) const;

  // Permalink state of the current assumptions plus the given roles, and its decoding (which also checks
  // task ids against the loaded details). Errors of decode: NotLoaded.
  std::string encode_state(std::string_view soc, const std::vector<std::string>& compare) const;
  Result<DecodedState> decode_state(std::string_view query) const;

 private:
  Status breakdowns_ready() const;  // NotLoaded, BreakdownNotLoaded

  std::unique_ptr<Bundle> bundle_;
  std::unique_ptr<Scorer> scorer_;
  TextStore text_;
  std::optional<TitleIndex> titles_;
  std::optional<Breakdowns> breakdowns_;
};

}  // namespace aiexp
