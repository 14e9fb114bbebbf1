// Scores of O*NET occupations and UK unit groups under any assumptions, SCORING.md sections 2 to 4.
// A Scorer is built once per bundle; each set() validates new assumptions and recomputes every figure
// (occupations, unit groups, ranks, UK totals) into buffers sized at construction, so a recompute
// allocates nothing.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "aiexp/bundle.h"
#include "aiexp/labels.h"
#include "aiexp/measures.h"
#include "aiexp/status.h"
#include "aiexp/weights.h"

namespace aiexp {

// Modal: the unit group's most frequent ISCO-08 code only (default). Blend: every ISCO-08 code of the unit
// group, weighted by its share of the unit group's coding-index entries.
enum class BridgeMode : std::uint8_t { Modal = 0, Blend = 1 };
std::string_view bridge_mode_name(BridgeMode mode);  // "modal", "blend"
std::optional<BridgeMode> parse_bridge_mode(std::string_view name);

// Displayed (default): wage exposure uses the headline as shown, rounded to 1 decimal. Exact: unrounded.
enum class WageRounding : std::uint8_t { Displayed = 0, Exact = 1 };
std::string_view wage_rounding_name(WageRounding rounding);  // "displayed", "exact"
std::optional<WageRounding> parse_wage_rounding(std::string_view name);

// A visitor's change to one task; it applies whatever the label source and weighting.
struct TaskOverride {
  std::int32_t task_id = 0;
  std::optional<Label> label;    // replaces the source's label
  std::optional<double> weight;  // replaces the scheme's weight; 0 excludes the task

  bool operator==(const TaskOverride&) const = default;
};

// Everything a visitor can change. The defaults reproduce the published pages.
struct Assumptions {
  LabelSource label_source = LabelSource::Gpt4;
  double e1 = 1.0;  // value of an E1 task, in [0, 1]
  double e2 = 0.0;  // value of an E2 task, in [0, 1]; the headline defaults to the paper's alpha
  WeightScheme weights = WeightScheme::Core;
  BridgeMode bridge = BridgeMode::Modal;
  WageRounding wage_rounding = WageRounding::Displayed;
  std::vector<TaskOverride> overrides;  // at most one per task id
  // The headline's measure: every unit group figure, rank and total follows it. The label values, source,
  // weighting and task changes shape the Eloundou score only; the bridge mode and wage rounding apply to all.
  Measure measure = Measure::Eloundou;

  bool operator==(const Assumptions&) const = default;
};

// Checks e1, e2 (finite, in [0, 1]), every override (known task id, no duplicate, weight finite and >= 0), and
// that a measure other than Eloundou has its values (they come with the details).
// Errors: InvalidLabelValue, UnknownTask, InvalidWeight (detail names the task id or the value), MeasureNotLoaded.
Status validate(const Bundle& bundle, const Assumptions& assumptions);

// Weights of one O*NET occupation's tasks by their effective label, under the current assumptions.
struct OccupationFigures {
  std::array<double, kLabelCount> weight_by_label{};  // sum of task weights with label E0, E1, E2

  double weight_total() const { return weight_by_label[0] + weight_by_label[1] + weight_by_label[2]; }
  bool scored() const { return weight_total() > 0.0; }  // false when every task is excluded
  // S = (e1 * W(E1) + e2 * W(E2)) / W, in [0, 1]. Zero when not scored.
  double score01(double e1, double e2) const;
  double alpha01() const { return score01(1.0, 0.0); }
  double beta01() const { return score01(1.0, 0.5); }
  double zeta01() const { return score01(1.0, 1.0); }
};

// Exposure bands of the headline (as displayed): [0,2) Minimal, [2,4) Low, [4,6) Moderate, [6,8) High,
// [8,10] Very high.
enum class Band : std::uint8_t { Minimal = 0, Low = 1, Moderate = 2, High = 3, VeryHigh = 4 };

// One unit group's figures under one measure. For Eloundou: `scored` when at least one bridged O*NET occupation has
// a task with weight > 0, and score01 the mean of its occupations' S. For another measure: `scored` when the
// bridge reaches an ISCO-08 group with a value, and score01 that value (blend: their entries-weighted mean);
// alpha01 and zeta01 then equal score01 (no label values).
struct UnitGroupFigures {
  bool scored = false;
  double score01 = 0.0;     // the headline / 10
  double alpha01 = 0.0;     // Eloundou with e1 = 1, e2 = 0 ("direct")
  double zeta01 = 0.0;      // Eloundou with e1 = 1, e2 = 1 ("with tools")
  double score10_displayed = 0.0;  // 10 x score01 rounded to 1 decimal, as shown
  Band band = Band::Minimal;
  bool has_wage_exposure = false;  // scored, and ASHE publishes both employees and median pay
  double wage_exposure_gbp = 0.0;  // employees x median pay x headline / 10 (displayed or exact)
  bool in_rank_set = false;        // scored and at least one ASHE 2025 figure published
  int lower_count = 0;             // rank-set unit groups with a strictly lower score01
  int rank_percent = 0;            // round(100 x lower_count / rank-set size); 0 when not scored
};

// One setting of the three choices a reader of the published figures could reasonably make differently.
struct Combination {
  LabelSource label_source = LabelSource::Gpt4;
  WeightScheme weights = WeightScheme::Core;
  BridgeMode bridge = BridgeMode::Modal;

  bool operator==(const Combination&) const = default;
};
inline constexpr std::size_t kCombinationCount = kLabelSourceCount * kWeightSchemeCount * 2;

// How far the headline moves over every combination of label source x weighting x bridge (18), at the
// current e1, e2 and task changes. `at_min` and `at_max` are the first combinations, in the order sources,
// then weightings, then bridges (each in its enum order), that give each end. The current combination's value is
// the headline itself; the others are computed from the label values' linear form, which agrees with a
// recompute under that combination to within rounding (1e-12). Combinations under which the unit
// group has no score are left out; `scored` is false when none scores it.
struct Sensitivity {
  bool scored = false;
  double min01 = 0.0;
  double max01 = 0.0;
  Combination at_min;
  Combination at_max;
};

struct UkTotals {
  int unit_groups = 0;            // all unit groups in the bundle
  int scored = 0;                 // unit groups with a score
  int rank_set = 0;               // N of the rank sentence: scored with at least one ASHE figure
  double employees = 0.0;         // employees in scored unit groups whose employees are published
  double mean_score10 = 0.0;      // employment-weighted mean headline over those unit groups
  double wage_exposure_gbp = 0.0; // sum of wage exposure where it can be computed
  int wage_exposure_groups = 0;   // how many unit groups that sum covers
  double pay_gbp = 0.0;           // employees x median pay over those same unit groups: the pay wage exposure is of
};

class Scorer;
// The totals over part of the UK, under the current assumptions and headline measure: the unit groups of one SOC
// 2020 major group (1-9), or those whose headline as displayed (one decimal) is at least `min_score10` (a NaN
// threshold takes none). `unit_groups` counts the part's unit groups, scored or not.
UkTotals major_group_totals(const Scorer& scorer, int major_group);
UkTotals totals_at_or_above(const Scorer& scorer, double min_score10);
// Whether a unit group counts in totals_at_or_above: scored, and its headline as displayed is at least
// `min_score10` (a displayed score is a count of tenths; the threshold may carry a binary fraction's error).
bool at_or_above(const UnitGroupFigures& figures, double min_score10);

// Headline rounded to one decimal as displayed: round(100 x score01) / 10.
double displayed_score10(double score01);
Band band_for(double score10_displayed);

class Scorer {
 public:
  // Precomputes per-task weights of each scheme, per-occupation label sums of each (source, scheme) and the
  // bridge weights of each mode, then computes the default assumptions. The bundle must outlive the Scorer.
  explicit Scorer(const Bundle& bundle);

  // Validates and applies new assumptions, then recomputes every figure. On error nothing changes.
  Status set(const Assumptions& assumptions);
  const Assumptions& assumptions() const { return assumptions_; }

  // Recomputes every figure from the current assumptions; allocates nothing. set() calls it.
  void recompute();

  // Recomputes the other measures' figures from the bundle's ISCO-08 groups: call it once the details (which
  // carry them) are merged into the bundle.
  void refresh_measures();

  const Bundle& bundle() const { return bundle_; }
  std::span<const OccupationFigures> occupations() const { return occupations_; }
  // The headline measure's figures (assumptions().measure).
  std::span<const UnitGroupFigures> unit_groups() const { return by_measure_[headline_index()]; }
  // Any measure's figures under the current bridge mode and wage rounding, each with its own ranks.
  std::span<const UnitGroupFigures> figures(Measure measure) const {
    return by_measure_[static_cast<std::size_t>(measure)];
  }
  // Whether the bundle carries the other measures' values (with its details).
  bool has_measures() const { return bundle_.has_details(); }
  // N of a measure's UK rank: the unit groups it scores that have at least one ASHE figure.
  int rank_set(Measure measure) const { return rank_set_[static_cast<std::size_t>(measure)]; }
  // How closely `other` orders the UK's unit groups as the Eloundou score does now, over the groups both score.
  RankAgreement agreement(Measure other) const;
  const UkTotals& totals() const { return totals_; }
  // Per unit group, the band of its headline over the 18 combinations (see Sensitivity).
  std::span<const Sensitivity> sensitivity() const { return sensitivity_; }

  // The task's label and weight after the current source, scheme and overrides.
  Label effective_label(std::uint32_t task) const;
  double effective_weight(std::uint32_t task) const;
  bool label_overridden(std::uint32_t task) const { return label_override_[task] != kNoLabelOverride; }
  bool weight_overridden(std::uint32_t task) const;
  // The scheme's weight before any override.
  double scheme_weight(std::uint32_t task) const;

  // The O*NET occupations behind a unit group under the current bridge mode, with their weights
  // (summing to 1 over all listed; an occupation whose tasks are all excluded is skipped when averaging).
  struct BridgeEntry {
    std::uint32_t onet = 0;
    double weight = 0.0;
  };
  std::span<const BridgeEntry> bridge(std::uint32_t unit_group) const;

 private:
  static constexpr std::uint8_t kNoLabelOverride = 0xFF;

  void apply_overrides(const std::vector<TaskOverride>& overrides);
  void clear_overrides();
  void compute_occupation(std::uint32_t onet);
  void compute_unit_groups();
  void compute_measures();
  void compute_ranks(std::vector<UnitGroupFigures>& figures, int& rank_set);
  void compute_totals();
  // Wage exposure, rank-set membership and band of a scored group whose score01 is set.
  void finish_figures(std::uint32_t unit_group, UnitGroupFigures& figures) const;
  std::size_t headline_index() const { return static_cast<std::size_t>(assumptions_.measure); }
  void compute_sensitivity();
  const OccupationFigures& sums_under(std::size_t source, std::size_t scheme, std::uint32_t onet) const;
  // A task's label under a label source, and its weight under a scheme, with its change applied if it has one.
  Label label_under(std::size_t source, std::uint32_t task) const;
  double weight_under(std::size_t scheme, std::uint32_t task) const;

  const Bundle& bundle_;
  Assumptions assumptions_;

  // weight of each task under each scheme, before overrides: [scheme][task]
  std::array<std::vector<double>, kWeightSchemeCount> scheme_weight_;
  // label sums of each occupation with no override: [source][scheme][onet]
  std::array<std::array<std::vector<OccupationFigures>, kWeightSchemeCount>, kLabelSourceCount> base_;
  // bridge weights, compressed rows per unit group: [mode]
  std::array<std::vector<BridgeEntry>, 2> bridge_entries_;
  std::array<std::vector<std::uint32_t>, 2> bridge_offsets_;  // unit_groups + 1 offsets

  // per-task overrides (kNoLabelOverride / NaN = none) and per-occupation override counts
  std::vector<std::uint8_t> label_override_;
  std::vector<double> weight_override_;
  std::vector<std::uint32_t> overrides_in_onet_;

  std::vector<OccupationFigures> occupations_;
  // every measure's unit group figures, by Measure; the stored measures' are recomputed when the bridge mode or
  // wage rounding changes or the measures arrive
  std::array<std::vector<UnitGroupFigures>, kMeasureCount> by_measure_;
  std::array<int, kMeasureCount> rank_set_{};
  std::vector<double> rank_scores_;  // scratch: sorted scores of the rank set
  UkTotals totals_;
  // label sums under each (source, scheme) of the occupations with a task change: [source][scheme][onet],
  // filled for those occupations only (the others read base_)
  std::array<std::array<std::vector<OccupationFigures>, kWeightSchemeCount>, kLabelSourceCount> changed_;
  // scratch: each occupation's E1 share under each (source, scheme), [onet][pair], then its E2 shares after them
  std::vector<double> pair_shares_;
  // A unit group's score is linear in the label values: e1 x (mean share of E1 weight) + e2 x (mean share of E2
  // weight) over its scored occupations. Those two means under each combination with no task change, computed
  // once: [(group x 2 + mode) x pairs + pair]; NaN where the combination does not score the group.
  std::vector<double> base_mean_e1_;
  std::vector<double> base_mean_e2_;
  void accumulate_band(std::uint32_t unit_group, int mode, const double* e1_shares, const double* e2_shares,
                       double* mean_e1, double* mean_e2) const;
  std::vector<Sensitivity> sensitivity_;
};

}  // namespace aiexp
