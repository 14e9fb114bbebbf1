// Occupation and unit-group scores, ranks and UK totals (score.h), SCORING.md sections 2 to 4.
#include "aiexp/score.h"

#include "aiexp/format.h"
#include "rounding.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

namespace aiexp {

namespace {

constexpr double kNoWeightOverride = std::numeric_limits<double>::quiet_NaN();

bool is_unit_interval(double value) { return std::isfinite(value) && value >= 0.0 && value <= 1.0; }

std::string format_value(double value) { return format_decimal(value, 6); }

// Importance weights: the task's IM where O*NET rates it; otherwise the mean IM of the rated tasks of its
// occupation, or 1 when none is rated (SCORING.md section 2). The fill is a weight, never shown as O*NET's.
std::vector<double> importance_weights(const Bundle& bundle) {
  const TaskTable& tasks = bundle.tasks;
  std::vector<double> weights(tasks.size(), 1.0);
  for (const OnetOccupation& occupation : bundle.onets) {
    const std::uint32_t begin = occupation.first_task;
    const std::uint32_t end = begin + occupation.task_count;
    double rated_sum = 0.0;
    int rated = 0;
    for (std::uint32_t t = begin; t < end; ++t) {
      if (tasks.im_hundredths[t] != 0) {
        rated_sum += tasks.im_hundredths[t] / 100.0;
        ++rated;
      }
    }
    const double fill = rated > 0 ? rated_sum / rated : 1.0;
    for (std::uint32_t t = begin; t < end; ++t) {
      weights[t] = tasks.im_hundredths[t] != 0 ? tasks.im_hundredths[t] / 100.0 : fill;
    }
  }
  return weights;
}

}  // namespace

std::string_view bridge_mode_name(BridgeMode mode) { return mode == BridgeMode::Blend ? "blend" : "modal"; }

std::optional<BridgeMode> parse_bridge_mode(std::string_view name) {
  if (name == "modal") return BridgeMode::Modal;
  if (name == "blend") return BridgeMode::Blend;
  return std::nullopt;
}

std::string_view wage_rounding_name(WageRounding rounding) {
  return rounding == WageRounding::Exact ? "exact" : "displayed";
}

std::optional<WageRounding> parse_wage_rounding(std::string_view name) {
  if (name == "displayed") return WageRounding::Displayed;
  if (name == "exact") return WageRounding::Exact;
  return std::nullopt;
}

Status validate(const Bundle& bundle, const Assumptions& assumptions) {
  if (!is_unit_interval(assumptions.e1)) {
    return make_error(ErrorCode::InvalidLabelValue, "e1 = " + format_value(assumptions.e1));
  }
  if (!is_unit_interval(assumptions.e2)) {
    return make_error(ErrorCode::InvalidLabelValue, "e2 = " + format_value(assumptions.e2));
  }
  std::vector<std::int32_t> ids;
  ids.reserve(assumptions.overrides.size());
  for (const TaskOverride& change : assumptions.overrides) ids.push_back(change.task_id);
  std::sort(ids.begin(), ids.end());
  if (const auto twice = std::adjacent_find(ids.begin(), ids.end()); twice != ids.end()) {
    return make_error(ErrorCode::InvalidState, "task " + std::to_string(*twice) + " changed twice");
  }
  if (assumptions.measure != Measure::Eloundou && !bundle.has_details()) {
    return make_error(ErrorCode::MeasureNotLoaded, std::string(measure_name(assumptions.measure)));
  }
  for (const TaskOverride& change : assumptions.overrides) {
    if (!bundle.find_task(change.task_id)) {
      return make_error(ErrorCode::UnknownTask, "task " + std::to_string(change.task_id));
    }
    if (change.weight && !(std::isfinite(*change.weight) && *change.weight >= 0.0)) {
      return make_error(ErrorCode::InvalidWeight,
                        "task " + std::to_string(change.task_id) + " weight " + format_value(*change.weight));
    }
  }
  return Status::success();
}

double OccupationFigures::score01(double e1, double e2) const {
  const double total = weight_total();
  if (!(total > 0.0)) return 0.0;
  return (e1 * weight_by_label[1] + e2 * weight_by_label[2]) / total;
}

double displayed_score10(double score01) { return detail::round_half_away(score01 * 100.0) / 10.0; }

Band band_for(double score10_displayed) {
  if (score10_displayed < 2.0) return Band::Minimal;
  if (score10_displayed < 4.0) return Band::Low;
  if (score10_displayed < 6.0) return Band::Moderate;
  if (score10_displayed < 8.0) return Band::High;
  return Band::VeryHigh;
}

Scorer::Scorer(const Bundle& bundle) : bundle_(bundle) {
  const TaskTable& tasks = bundle.tasks;
  const std::size_t task_count = tasks.size();
  const std::size_t onet_count = bundle.onets.size();

  auto& core = scheme_weight_[static_cast<std::size_t>(WeightScheme::Core)];
  core.resize(task_count);
  for (std::size_t t = 0; t < task_count; ++t) core[t] = core_scheme_weight(tasks.type[t]);
  scheme_weight_[static_cast<std::size_t>(WeightScheme::Importance)] = importance_weights(bundle);
  scheme_weight_[static_cast<std::size_t>(WeightScheme::Equal)].assign(task_count, 1.0);

  // Every (label source, weighting) pair's sums in one pass over the tasks, through plain pointers: this runs
  // on every page load, and a size-optimised WebAssembly build leaves vector indexing as calls. Each sum still
  // adds its tasks in task order, so the figures do not depend on how the loop is arranged.
  constexpr auto kSchemes = static_cast<std::size_t>(kWeightSchemeCount);
  const Label* labels[kLabelSourceCount];
  const double* weights[kSchemes];
  OccupationFigures* sums[kLabelSourceCount][kSchemes];
  for (std::size_t source = 0; source < kLabelSourceCount; ++source) {
    labels[source] = tasks.label[source].data();
    for (std::size_t scheme = 0; scheme < kSchemes; ++scheme) {
      base_[source][scheme].assign(onet_count, OccupationFigures{});
      sums[source][scheme] = base_[source][scheme].data();
    }
  }
  for (std::size_t scheme = 0; scheme < kSchemes; ++scheme) weights[scheme] = scheme_weight_[scheme].data();
  const std::uint32_t* onet_of = tasks.onet.data();
  for (std::size_t t = 0; t < task_count; ++t) {
    const std::uint32_t onet = onet_of[t];
    for (std::size_t source = 0; source < kLabelSourceCount; ++source) {
      const auto label = static_cast<std::size_t>(labels[source][t]);
      for (std::size_t scheme = 0; scheme < kSchemes; ++scheme) {
        sums[source][scheme][onet].weight_by_label[label] += weights[scheme][t];
      }
    }
  }

  // Bridge weights. Modal: the modal ISCO-08 code's occupations, equal weight. Blend: each ISCO-08 code that
  // reaches an occupation gets its share of the unit group's index entries, split equally among its occupations
  // (codes reaching none are left out and the shares renormalised).
  for (int mode = 0; mode < 2; ++mode) {
    auto& entries = bridge_entries_[mode];
    auto& offsets = bridge_offsets_[mode];
    offsets.assign(1, 0);
    std::vector<double> weight_of(onet_count, 0.0);
    std::vector<std::uint32_t> touched;
    for (const UnitGroup& group : bundle.unit_groups) {
      double reached_entries = 0.0;
      const std::size_t used = mode == 0 ? std::min<std::size_t>(1, group.isco.size()) : group.isco.size();
      for (std::size_t s = 0; s < used; ++s) {
        if (!bundle.isco[group.isco[s].isco].onets.empty()) reached_entries += group.isco[s].entries;
      }
      for (std::size_t s = 0; s < used && reached_entries > 0.0; ++s) {
        const IscoGroup& isco = bundle.isco[group.isco[s].isco];
        if (isco.onets.empty()) continue;
        const double share = group.isco[s].entries / reached_entries / static_cast<double>(isco.onets.size());
        for (std::uint32_t onet : isco.onets) {
          if (weight_of[onet] == 0.0) touched.push_back(onet);
          weight_of[onet] += share;
        }
      }
      std::sort(touched.begin(), touched.end());
      for (std::uint32_t onet : touched) {
        entries.push_back({onet, weight_of[onet]});
        weight_of[onet] = 0.0;
      }
      touched.clear();
      offsets.push_back(static_cast<std::uint32_t>(entries.size()));
    }
  }

  label_override_.assign(task_count, kNoLabelOverride);
  weight_override_.assign(task_count, kNoWeightOverride);
  overrides_in_onet_.assign(onet_count, 0);
  occupations_.assign(onet_count, OccupationFigures{});
  for (auto& by_scheme : changed_) {
    for (auto& sums_of : by_scheme) sums_of.assign(onet_count, OccupationFigures{});
  }
  for (auto& figures : by_measure_) figures.assign(bundle.unit_groups.size(), UnitGroupFigures{});
  sensitivity_.assign(bundle.unit_groups.size(), Sensitivity{});
  pair_shares_.assign(2 * onet_count * kLabelSourceCount * static_cast<std::size_t>(kWeightSchemeCount), 0.0);
  rank_scores_.reserve(bundle.unit_groups.size());
  compute_measures();
  recompute();
}

void Scorer::refresh_measures() {
  compute_measures();
  compute_totals();
}

Status Scorer::set(const Assumptions& assumptions) {
  if (Status status = validate(bundle_, assumptions); !status.ok()) return status;
  if (assumptions.overrides != assumptions_.overrides) {
    clear_overrides();
    apply_overrides(assumptions.overrides);
  }
  const bool measures_change =
      assumptions.bridge != assumptions_.bridge || assumptions.wage_rounding != assumptions_.wage_rounding;
  assumptions_ = assumptions;
  if (measures_change) compute_measures();
  recompute();
  return Status::success();
}

void Scorer::clear_overrides() {
  for (const TaskOverride& change : assumptions_.overrides) {
    const std::uint32_t task = *bundle_.find_task(change.task_id);
    label_override_[task] = kNoLabelOverride;
    weight_override_[task] = kNoWeightOverride;
    --overrides_in_onet_[bundle_.tasks.onet[task]];
  }
}

void Scorer::apply_overrides(const std::vector<TaskOverride>& overrides) {
  for (const TaskOverride& change : overrides) {
    const std::uint32_t task = *bundle_.find_task(change.task_id);
    if (change.label) label_override_[task] = static_cast<std::uint8_t>(*change.label);
    if (change.weight) weight_override_[task] = *change.weight;
    ++overrides_in_onet_[bundle_.tasks.onet[task]];
  }
}

Label Scorer::label_under(std::size_t source, std::uint32_t task) const {
  if (label_override_[task] != kNoLabelOverride) return static_cast<Label>(label_override_[task]);
  return bundle_.tasks.label[source][task];
}

double Scorer::weight_under(std::size_t scheme, std::uint32_t task) const {
  return weight_overridden(task) ? weight_override_[task] : scheme_weight_[scheme][task];
}

Label Scorer::effective_label(std::uint32_t task) const {
  return label_under(static_cast<std::size_t>(assumptions_.label_source), task);
}

double Scorer::scheme_weight(std::uint32_t task) const {
  return scheme_weight_[static_cast<std::size_t>(assumptions_.weights)][task];
}

bool Scorer::weight_overridden(std::uint32_t task) const { return !std::isnan(weight_override_[task]); }

double Scorer::effective_weight(std::uint32_t task) const {
  return weight_under(static_cast<std::size_t>(assumptions_.weights), task);
}

std::span<const Scorer::BridgeEntry> Scorer::bridge(std::uint32_t unit_group) const {
  const int mode = static_cast<int>(assumptions_.bridge);
  const auto& offsets = bridge_offsets_[mode];
  return std::span<const BridgeEntry>(bridge_entries_[mode]).subspan(
      offsets[unit_group], offsets[unit_group + 1] - offsets[unit_group]);
}

void Scorer::compute_occupation(std::uint32_t onet) {
  const auto source = static_cast<std::size_t>(assumptions_.label_source);
  const auto scheme = static_cast<std::size_t>(assumptions_.weights);
  if (overrides_in_onet_[onet] == 0) {
    occupations_[onet] = base_[source][scheme][onet];
    return;
  }
  const OnetOccupation& occupation = bundle_.onets[onet];
  OccupationFigures sums;
  for (std::uint32_t t = occupation.first_task, end = t + occupation.task_count; t < end; ++t) {
    sums.weight_by_label[static_cast<std::size_t>(effective_label(t))] += effective_weight(t);
  }
  occupations_[onet] = sums;
}

void Scorer::recompute() {
  for (std::uint32_t onet = 0; onet < occupations_.size(); ++onet) compute_occupation(onet);
  compute_unit_groups();
  compute_ranks(by_measure_[0], rank_set_[0]);
  compute_totals();
  compute_sensitivity();
}

const OccupationFigures& Scorer::sums_under(std::size_t source, std::size_t scheme, std::uint32_t onet) const {
  return overrides_in_onet_[onet] == 0 ? base_[source][scheme][onet] : changed_[source][scheme][onet];
}

namespace {

constexpr std::size_t kPairs = kLabelSourceCount * static_cast<std::size_t>(kWeightSchemeCount);
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

}  // namespace

// The mean E1 and E2 shares of one unit group's scored occupations under one bridge mode, for each of the nine
// (source, scheme) pairs, from each occupation's shares (NaN where it is not scored): NaN where none is scored.
void Scorer::accumulate_band(std::uint32_t unit_group, int mode, const double* e1_shares, const double* e2_shares,
                             double* mean_e1, double* mean_e2) const {
  std::array<double, kPairs> weight{};
  std::array<double, kPairs> sum_e1{};
  std::array<double, kPairs> sum_e2{};
  const auto& offsets = bridge_offsets_[mode];
  for (std::uint32_t e = offsets[unit_group]; e < offsets[unit_group + 1]; ++e) {
    const BridgeEntry& entry = bridge_entries_[mode][e];
    const double* a = e1_shares + entry.onet * kPairs;
    const double* b = e2_shares + entry.onet * kPairs;
    for (std::size_t pair = 0; pair < kPairs; ++pair) {
      if (std::isnan(a[pair])) continue;  // as compute_unit_groups skips an occupation with no score
      weight[pair] += entry.weight;
      sum_e1[pair] += entry.weight * a[pair];
      sum_e2[pair] += entry.weight * b[pair];
    }
  }
  for (std::size_t pair = 0; pair < kPairs; ++pair) {
    mean_e1[pair] = weight[pair] > 0.0 ? sum_e1[pair] / weight[pair] : kNaN;
    mean_e2[pair] = weight[pair] > 0.0 ? sum_e2[pair] / weight[pair] : kNaN;
  }
}

// Each unit group's headline under the 18 combinations, as e1 x mean E1 share + e2 x mean E2 share. The means
// with no task change are computed once (the first call); a task change recomputes them for the unit groups
// whose occupations it touches.
void Scorer::compute_sensitivity() {
  const std::size_t onets = occupations_.size();
  const std::size_t groups = by_measure_[0].size();
  std::vector<double>& e1_shares = pair_shares_;  // [onet][pair], then the E2 shares after them
  const auto fill_shares = [&](std::uint32_t onet) {
    for (std::size_t pair = 0; pair < kPairs; ++pair) {
      const OccupationFigures& sums = sums_under(pair / kWeightSchemeCount, pair % kWeightSchemeCount, onet);
      const double total = sums.weight_total();
      e1_shares[onet * kPairs + pair] = total > 0.0 ? sums.weight_by_label[1] / total : kNaN;
      e1_shares[(onets + onet) * kPairs + pair] = total > 0.0 ? sums.weight_by_label[2] / total : kNaN;
    }
  };
  if (base_mean_e1_.empty()) {
    for (std::uint32_t onet = 0; onet < onets; ++onet) fill_shares(onet);
    base_mean_e1_.assign(groups * 2 * kPairs, 0.0);
    base_mean_e2_.assign(groups * 2 * kPairs, 0.0);
    for (std::uint32_t g = 0; g < groups; ++g) {
      for (int mode = 0; mode < 2; ++mode) {
        const std::size_t at = (g * 2 + static_cast<std::size_t>(mode)) * kPairs;
        accumulate_band(g, mode, e1_shares.data(), e1_shares.data() + onets * kPairs, &base_mean_e1_[at], &base_mean_e2_[at]);
      }
    }
  }
  const bool changed = !assumptions_.overrides.empty();
  if (changed) {
    for (std::uint32_t onet = 0; onet < onets; ++onet) {
      if (overrides_in_onet_[onet] == 0) continue;
      const OnetOccupation& occupation = bundle_.onets[onet];
      for (std::size_t source = 0; source < kLabelSourceCount; ++source) {
        for (std::size_t scheme = 0; scheme < static_cast<std::size_t>(kWeightSchemeCount); ++scheme) {
          OccupationFigures sums;
          for (std::uint32_t t = occupation.first_task, end = t + occupation.task_count; t < end; ++t) {
            sums.weight_by_label[static_cast<std::size_t>(label_under(source, t))] += weight_under(scheme, t);
          }
          changed_[source][scheme][onet] = sums;
        }
      }
    }
    // Shares of every occupation, so that a unit group touching a changed one averages current shares.
    for (std::uint32_t onet = 0; onet < onets; ++onet) fill_shares(onet);
  }
  const double e1 = assumptions_.e1;
  const double e2 = assumptions_.e2;
  std::array<double, kPairs> mean_e1{};
  std::array<double, kPairs> mean_e2{};
  // Values in the combinations' order (pair x 2 + bridge is sources, then weightings, then bridges), so a scan
  // with strict comparisons keeps the first of equal ends.
  std::array<double, kCombinationCount> values{};
  const std::size_t current = (static_cast<std::size_t>(assumptions_.label_source) * kWeightSchemeCount +
                               static_cast<std::size_t>(assumptions_.weights)) * 2 + static_cast<std::size_t>(assumptions_.bridge);
  for (std::uint32_t g = 0; g < groups; ++g) {
    for (int mode = 0; mode < 2; ++mode) {
      const std::size_t at = (g * 2 + static_cast<std::size_t>(mode)) * kPairs;
      const double* means_e1 = &base_mean_e1_[at];
      const double* means_e2 = &base_mean_e2_[at];
      if (changed) {
        const auto& offsets = bridge_offsets_[mode];
        bool touched = false;
        for (std::uint32_t e = offsets[g]; e < offsets[g + 1] && !touched; ++e) {
          touched = overrides_in_onet_[bridge_entries_[mode][e].onet] != 0;
        }
        if (touched) {
          accumulate_band(g, mode, e1_shares.data(), e1_shares.data() + onets * kPairs, mean_e1.data(), mean_e2.data());
          means_e1 = mean_e1.data();
          means_e2 = mean_e2.data();
        }
      }
      for (std::size_t pair = 0; pair < kPairs; ++pair) {
        values[pair * 2 + static_cast<std::size_t>(mode)] = e1 * means_e1[pair] + e2 * means_e2[pair];  // NaN: not scored
      }
    }
    // The current combination is the headline, exactly as shown.
    if (by_measure_[0][g].scored) values[current] = by_measure_[0][g].score01;
    Sensitivity band;
    std::size_t low = 0;
    std::size_t high = 0;
    for (std::size_t k = 0; k < kCombinationCount; ++k) {
      const double value = values[k];
      if (std::isnan(value)) continue;
      if (!band.scored) {
        band.scored = true;
        low = high = k;
      } else if (value < values[low]) {
        low = k;
      } else if (value > values[high]) {
        high = k;
      }
    }
    if (band.scored) {
      const auto combination = [](std::size_t k) {
        return Combination{static_cast<LabelSource>(k / 2 / kWeightSchemeCount),
                           static_cast<WeightScheme>(k / 2 % kWeightSchemeCount), static_cast<BridgeMode>(k % 2)};
      };
      band.min01 = values[low];
      band.max01 = values[high];
      band.at_min = combination(low);
      band.at_max = combination(high);
    }
    sensitivity_[g] = band;
  }
}

void Scorer::finish_figures(std::uint32_t unit_group, UnitGroupFigures& figures) const {
  const UnitGroup& group = bundle_.unit_groups[unit_group];
  figures.scored = true;
  figures.score10_displayed = displayed_score10(figures.score01);
  figures.band = band_for(figures.score10_displayed);
  figures.in_rank_set = group.employees_k.published() || group.median_pay_gbp.published();
  if (group.employees_k.published() && group.median_pay_gbp.published()) {
    // Money stays in doubles: wasm32 `long` is 32 bits (NOTES-toolchain.md #7). With displayed rounding
    // the factor is an exact count of hundredths, so 60,000 x 90,081 x 12 / 100 has no rounding error.
    const double pay_bill = static_cast<double>(group.employees_k.value) * 1000.0 *
                            static_cast<double>(group.median_pay_gbp.value);
    figures.has_wage_exposure = true;
    figures.wage_exposure_gbp = assumptions_.wage_rounding == WageRounding::Displayed
                                    ? pay_bill * detail::round_half_away(figures.score01 * 100.0) / 100.0
                                    : pay_bill * figures.score01;
  }
}

void Scorer::compute_unit_groups() {
  const double e1 = assumptions_.e1;
  const double e2 = assumptions_.e2;
  std::vector<UnitGroupFigures>& eloundou = by_measure_[0];
  for (std::uint32_t g = 0; g < eloundou.size(); ++g) {
    UnitGroupFigures figures;
    double weight = 0.0;
    double score = 0.0;
    double alpha = 0.0;
    double zeta = 0.0;
    for (const BridgeEntry& entry : bridge(g)) {
      const OccupationFigures& occupation = occupations_[entry.onet];
      if (!occupation.scored()) continue;
      weight += entry.weight;
      score += entry.weight * occupation.score01(e1, e2);
      alpha += entry.weight * occupation.alpha01();
      zeta += entry.weight * occupation.zeta01();
    }
    if (weight > 0.0) {
      figures.score01 = score / weight;
      figures.alpha01 = alpha / weight;
      figures.zeta01 = zeta / weight;
      finish_figures(g, figures);
    }
    eloundou[g] = figures;
  }
}

// The stored measures under the bridge mode: the modal ISCO-08 group's value, or (blend) every ISCO-08 group's
// value weighted by its share of the unit group's index entries, over the groups that have one (SCORING.md s.7).
void Scorer::compute_measures() {
  const bool blend = assumptions_.bridge == BridgeMode::Blend;
  for (std::size_t m = 1; m < kMeasureCount; ++m) {
    const Measure measure = kMeasures[m];
    std::vector<UnitGroupFigures>& out = by_measure_[m];
    for (std::uint32_t g = 0; g < out.size(); ++g) {
      UnitGroupFigures figures;
      const UnitGroup& group = bundle_.unit_groups[g];
      double entries = 0.0;
      double sum = 0.0;
      const std::size_t used = blend ? group.isco.size() : std::min<std::size_t>(1, group.isco.size());
      for (std::size_t s = 0; s < used && has_measures(); ++s) {
        const IscoGroup& isco = bundle_.isco[group.isco[s].isco];
        if (!isco.has_measure(measure)) continue;
        entries += group.isco[s].entries;
        sum += group.isco[s].entries * isco.measure01(measure);
      }
      if (entries > 0.0) {
        figures.score01 = sum / entries;
        figures.alpha01 = figures.score01;
        figures.zeta01 = figures.score01;
        finish_figures(g, figures);
      }
      out[g] = figures;
    }
    compute_ranks(out, rank_set_[m]);
  }
}

RankAgreement Scorer::agreement(Measure other) const {
  const auto nan = std::numeric_limits<double>::quiet_NaN();
  const std::vector<UnitGroupFigures>& a = by_measure_[0];
  const std::vector<UnitGroupFigures>& b = by_measure_[static_cast<std::size_t>(other)];
  std::vector<double> x(a.size(), nan);
  std::vector<double> y(b.size(), nan);
  for (std::size_t g = 0; g < a.size(); ++g) {
    if (a[g].scored) x[g] = a[g].score01;
    if (b[g].scored) y[g] = b[g].score01;
  }
  return spearman(x, y);
}

void Scorer::compute_ranks(std::vector<UnitGroupFigures>& figures_of, int& rank_set) {
  rank_scores_.clear();
  for (const UnitGroupFigures& figures : figures_of) {
    if (figures.in_rank_set) rank_scores_.push_back(figures.score01);
  }
  std::sort(rank_scores_.begin(), rank_scores_.end());
  rank_set = static_cast<int>(rank_scores_.size());
  const auto size = static_cast<double>(rank_scores_.size());
  for (UnitGroupFigures& figures : figures_of) {
    if (!figures.scored || rank_scores_.empty()) continue;
    const auto lower = std::lower_bound(rank_scores_.begin(), rank_scores_.end(), figures.score01);
    figures.lower_count = static_cast<int>(lower - rank_scores_.begin());
    figures.rank_percent = static_cast<int>(detail::round_to_int64(100.0 * figures.lower_count / size));
  }
}

namespace {

// The totals over the unit groups `include(g)` accepts, from the headline figures.
template <typename Include>
UkTotals sum_totals(const Bundle& bundle, std::span<const UnitGroupFigures> headline, Include include) {
  UkTotals totals;
  double weighted_score = 0.0;
  for (std::uint32_t g = 0; g < headline.size(); ++g) {
    if (!include(g)) continue;
    ++totals.unit_groups;
    const UnitGroupFigures& figures = headline[g];
    if (!figures.scored) continue;
    ++totals.scored;
    if (figures.in_rank_set) ++totals.rank_set;
    const UnitGroup& group = bundle.unit_groups[g];
    if (group.employees_k.published()) {
      const double employees = static_cast<double>(group.employees_k.value) * 1000.0;
      totals.employees += employees;
      weighted_score += employees * figures.score01 * 10.0;
    }
    if (figures.has_wage_exposure) {
      totals.wage_exposure_gbp += figures.wage_exposure_gbp;
      totals.pay_gbp += static_cast<double>(group.employees_k.value) * 1000.0 *
                        static_cast<double>(group.median_pay_gbp.value);
      ++totals.wage_exposure_groups;
    }
  }
  totals.mean_score10 = totals.employees > 0.0 ? weighted_score / totals.employees : 0.0;
  return totals;
}

}  // namespace

void Scorer::compute_totals() {
  totals_ = sum_totals(bundle_, by_measure_[headline_index()], [](std::uint32_t) { return true; });
  totals_.rank_set = rank_set_[headline_index()];
}

UkTotals major_group_totals(const Scorer& scorer, int major_group) {
  const Bundle& bundle = scorer.bundle();
  return sum_totals(bundle, scorer.unit_groups(),
                    [&](std::uint32_t g) { return bundle.unit_groups[g].major_group() == major_group; });
}

bool at_or_above(const UnitGroupFigures& figures, double min_score10) {
  // A displayed score is a count of tenths; the threshold may carry a binary fraction's error ("0.7").
  return figures.scored && figures.score10_displayed >= min_score10 - 1e-9;
}

UkTotals totals_at_or_above(const Scorer& scorer, double min_score10) {
  const std::span<const UnitGroupFigures> headline = scorer.unit_groups();
  return sum_totals(scorer.bundle(), headline,
                    [&](std::uint32_t g) { return at_or_above(headline[g], min_score10); });
}

}  // namespace aiexp
