// Fuzz target: the loaders of every file the page and the widget download. The first byte picks the file:
//   0 bundle.json (then every figure is computed from whatever loaded), 1 details.json, 2 text/tasks-NN.json,
//   3 titles.json (then searched), 4 ilo/tasks-NNNN.json, 5 breakdowns.json (then every breakdown, its panels and
//   CSV). Parts 1-5 merge into (or are read against) the committed bundle, as the page does; accepted details are
//   scored under every measure.
// A loader may refuse an input; it must never crash, and what it accepts must give figures in range.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "aiexp/breakdowns.h"
#include "aiexp/bundle.h"
#include "aiexp/csv.h"
#include "aiexp/engine.h"
#include "aiexp/ilo_tasks.h"
#include "aiexp/measures.h"
#include "aiexp/provenance.h"
#include "aiexp/score.h"
#include "aiexp/search.h"
#include "aiexp/text.h"
#include "fuzz_support.h"

namespace {

using namespace aiexp;

void check_figures(const Engine& engine) {
  for (const UnitGroupRow& row : engine.rows()) {
    if (row.scored && !(row.score10 >= 0.0 && row.score10 <= 10.0)) fuzz::invariant_broken("score outside [0, 10]");
    if (row.rank_percent < 0 || row.rank_percent > 100) fuzz::invariant_broken("rank outside [0, 100]");
    if (row.has_wage_exposure && !std::isfinite(row.wage_exposure_gbp)) fuzz::invariant_broken("wage exposure");
  }
  const TotalsView totals = engine.totals();
  (void)totals;
}

void load_bundle(std::string_view text) {
  Engine engine;
  if (!engine.load_bundle(text).ok()) return;
  check_figures(engine);
  // The other assumptions take other paths through the bridge and the weights.
  Assumptions changed;
  changed.e2 = 0.5;
  changed.weights = WeightScheme::Importance;
  changed.bridge = BridgeMode::Blend;
  changed.label_source = LabelSource::Human;
  if (engine.set_assumptions(changed).ok()) check_figures(engine);
  for (std::uint32_t i = 0; i < engine.bundle()->unit_groups.size() && i < 64; ++i) {
    (void)engine.report(engine.bundle()->unit_groups[i].soc);
  }
  (void)engine.search("manager", 10);
  (void)engine.encode_state("1137", {});
}

void merge_details_part(std::string_view text) {
  Bundle bundle = fuzz::base_bundle();
  // Details of a bundle that has them already are refused as a whole or replace them consistently.
  if (!merge_details(bundle, text).ok()) return;
  if (!finalize_bundle(bundle).ok()) fuzz::invariant_broken("accepted details break the bundle's invariants");
  // Whatever measure values they carry, every measure scores within [0, 10] under both bridges.
  Scorer scorer(bundle);
  for (const BridgeMode mode : {BridgeMode::Modal, BridgeMode::Blend}) {
    for (const Measure measure : kMeasures) {
      Assumptions a;
      a.measure = measure;
      a.bridge = mode;
      if (!scorer.set(a).ok()) fuzz::invariant_broken("a measure refused with the details loaded");
      for (const UnitGroupFigures& f : scorer.unit_groups()) {
        if (f.scored && !(f.score10_displayed >= 0.0 && f.score10_displayed <= 10.0)) fuzz::invariant_broken("measure outside [0, 10]");
      }
      if (measure != Measure::Eloundou) {
        const RankAgreement agreement = scorer.agreement(measure);
        if (!(agreement.rho >= -1.0 - 1e-9 && agreement.rho <= 1.0 + 1e-9)) fuzz::invariant_broken("rank agreement outside [-1, 1]");
      }
    }
  }
}

void read_ilo_tasks(std::string_view text) {
  const Result<IloTaskList> list = parse_ilo_tasks(fuzz::base_bundle(), text);
  if (!list.ok()) return;
  for (const IloTaskText& task : list.value().tasks) {
    if (task.score_2025 < 0 || task.score_2025 > kMeasureUnits) fuzz::invariant_broken("ILO task score outside [0, 1]");
  }
}

// Whatever a breakdowns file that parses holds, every breakdown is finite, its means within [0, 10] and its shares
// within [0, 1], under the defaults and under another measure and bridge.
void read_breakdowns(std::string_view text) {
  const Bundle& bundle = fuzz::base_bundle();
  const Result<Breakdowns> data = parse_breakdowns(bundle, text);
  if (!data.ok()) return;
  const auto mean_ok = [](double employees, double mean10) {
    return std::isfinite(employees) && employees >= 0.0 && (employees == 0.0 || (mean10 >= -1e-9 && mean10 <= 10.0 + 1e-9));
  };
  Scorer scorer(bundle);
  Assumptions other;
  other.measure = Measure::Ilo2025;
  other.bridge = BridgeMode::Blend;
  for (const Assumptions& assumptions : {Assumptions{}, other}) {
    if (!scorer.set(assumptions).ok()) fuzz::invariant_broken("assumptions refused");
    for (const BreakdownKind kind : {BreakdownKind::Sex, BreakdownKind::Pattern}) {
      for (const SplitSide& side : (kind == BreakdownKind::Sex ? sex_breakdown(scorer, data.value())
                                                               : pattern_breakdown(scorer, data.value())).sides) {
        if (!mean_ok(side.employees, side.mean_score10) || !(side.high_share >= 0.0 && side.high_share <= 1.0 + 1e-9)) {
          fuzz::invariant_broken("split side out of range");
        }
      }
    }
    for (const IndustryRow& row : industry_breakdown(scorer, data.value()).rows) {
      if (!mean_ok(row.people, row.mean_score10) || row.covered_share > 1.0 + 1e-9) fuzz::invariant_broken("industry row");
    }
    for (const RegionRow& row : region_breakdown(scorer, data.value()).rows) {
      if (!mean_ok(row.people, row.mean_score10)) fuzz::invariant_broken("region row");
    }
    const PayBreakdown pay = pay_breakdown(scorer, data.value());
    if (pay.rows.size() != 10) fuzz::invariant_broken("pay tenths");
    for (const PayRow& row : pay.rows) {
      if (!mean_ok(row.employees, row.mean_score10)) fuzz::invariant_broken("pay row");
    }
    for (const BreakdownKind kind : kBreakdownKinds) {
      (void)breakdown_provenance(scorer, data.value(), kind);
      (void)breakdown_csv(scorer, data.value(), kind);
    }
  }
}

void merge_text(std::string_view text) {
  const Bundle& bundle = fuzz::base_bundle();
  TextStore store(bundle);
  (void)merge_text_part(bundle, text, store);
}

void load_titles(std::string_view text) {
  const Bundle& bundle = fuzz::base_bundle();
  Result<TitleIndex> titles = parse_titles(bundle, text);
  if (!titles.ok()) return;
  for (const SearchHit& hit : search(bundle, &titles.value(), "data analyst", 20)) {
    if (hit.unit_group >= bundle.unit_groups.size()) fuzz::invariant_broken("search hit outside the bundle");
    if (hit.title >= static_cast<std::int32_t>(titles.value().titles.size())) fuzz::invariant_broken("title index");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view text = fuzz::as_text(data + 1, size - 1);
  switch (data[0] % 6) {
    case 0: load_bundle(text); break;
    case 1: merge_details_part(text); break;
    case 2: merge_text(text); break;
    case 3: load_titles(text); break;
    case 5: read_breakdowns(text); break;
    default: read_ilo_tasks(text); break;
  }
  return 0;
}
