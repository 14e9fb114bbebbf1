// Everything shown for one unit group, figures and display strings together, SCORING.md section 4: the
// single source for the CLI's `score`, the page's occupation view and the widget's card.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "aiexp/bridge.h"
#include "aiexp/figures.h"
#include "aiexp/score.h"
#include "aiexp/text.h"

namespace aiexp {

// ONS's reading of an ASHE estimate from its coefficient of variation: CV <= 5% precise, <= 10% reasonably
// precise, <= 20% acceptable but to be used with caution; above 20% ONS does not publish the estimate.
enum class AsheQuality : std::uint8_t { Precise, ReasonablyPrecise, Acceptable, Unreliable, NoCv };
AsheQuality ashe_quality(std::int32_t cv_tenths);
std::string_view ashe_quality_name(AsheQuality quality);  // "precise", "reasonably_precise", ...; "" for NoCv
std::string_view ashe_quality_text(AsheQuality quality);  // "reasonably precise", "acceptable, use with caution", ...
std::string cv_percent_text(std::int32_t cv_tenths);     // 71 -> "7.1%", 350 -> "35%"

// A published ASHE figure or the reason there is none, with ONS's precision of it.
struct AsheView {
  bool published = false;
  std::int64_t value = 0;  // employees (not thousands) or pounds; 0 when not published
  std::string text;        // "60k", "£90,081", or "not published: sample too small"
  bool has_cv = false;
  double cv_pct = 0.0;     // ONS's coefficient of variation, percent
  AsheQuality quality = AsheQuality::NoCv;
  // The approximate 95% interval, value ± 1.96 × CV × value (employees to the thousand, pounds to the hundred),
  // for a published figure with a CV.
  bool has_interval = false;
  std::int64_t interval_low = 0;
  std::int64_t interval_high = 0;
  std::string interval_text;   // "52k–68k", "£80,700–£99,400"
  std::string interval_label;  // "95% interval 52k–68k"; empty without an interval
  std::string reading_text;    // "CV 7.1%: reasonably precise", or why there is no reading; may be empty
  std::string precision_text;  // "CV 7.1%: reasonably precise; 95% interval 52k–68k": the two together
};

// Employees and median pay of a unit group, or why ASHE gives none.
AsheView employees_view(const UnitGroup& group);
AsheView median_pay_view(const UnitGroup& group);

struct TaskLine {
  std::uint32_t task = 0;  // index into Bundle::tasks
  std::int32_t id = 0;  // 0 until the details are loaded
  std::string onet_code;
  std::string text;  // the task statement; empty until its text part is loaded
  Label label = Label::E0;         // effective label
  Label source_label = Label::E0;  // the label source's own label
  bool label_overridden = false;
  std::string label_text;          // "AI can do this" / "AI can help" / "Human work"
  double weight = 0.0;             // effective weight
  bool weight_overridden = false;
  bool excluded = false;           // weight 0
  bool importance_known = false;   // O*NET rates this task
  double importance = 0.0;         // O*NET IM, 1-5; 0 when not rated
  std::string importance_text;     // "importance 4.2/5", else "Core task" / "Supplemental task" / "task type not recorded"
};

struct StartLine {
  TaskLine task;
  std::string note;  // "O*NET importance 4.2/5 · not directly (α = 0), but tools built on an LLM halve it"
};

struct OnetLine {
  std::string code;
  std::string title;
  double bridge_weight = 0.0;  // its weight in the unit group's mean
  bool scored = false;         // false when every one of its tasks is excluded
  double score10 = 0.0;        // its own headline under the current assumptions, unrounded
  int task_count = 0;
  int rated_count = 0;         // tasks with a real O*NET IM value
};

struct IscoLine {
  std::string code;
  std::string title;
  std::uint32_t entries = 0;  // coding-index entries of the unit group with this code
  double share = 0.0;         // entries / all entries with an ISCO-08 code
  bool used = false;          // used by the current bridge mode
  std::vector<std::string> soc2010;
  std::vector<std::string> soc2018;
  std::vector<std::string> onets;
};

// One measure's figures for a unit group, side by side with the others (SCORING.md section 7).
struct MeasureLine {
  Measure measure = Measure::Eloundou;
  std::string name;    // "ilo2025"
  std::string title;   // "ILO 2025"
  std::string about;   // what the measure rests on
  bool headline = false;  // the measure the page's headline uses now
  bool scored = false;
  double score10 = 0.0;       // unrounded
  std::string score_text;     // "4.4"; "—" when not scored
  std::string band_text;      // "Moderate"; "" when not scored
  std::string band_key;       // "moderate" (band_key); "" when not scored
  int rank_percent = 0;       // its own UK rank (as the headline's)
  int rank_set = 0;           // N of that rank
  std::string rank_text;      // "higher than 61% of 398 UK occupations"; why not when not scored
  std::string wage_exposure_text;
};

struct UnitGroupReport {
  std::string soc;
  std::string title;
  int major_group = 0;
  std::string major_group_title;
  std::string description;  // empty until the unit-groups text part is loaded
  AsheView employees;
  AsheView median_pay;

  UnitGroupFigures figures;
  double score10 = 0.0;       // unrounded headline, 0-10
  double direct10 = 0.0;      // 10 x alpha, unrounded
  double with_tools10 = 0.0;  // 10 x zeta, unrounded
  std::string score_text;     // "1.2"; "—" when not scored
  std::string direct_text;
  std::string with_tools_text;
  std::string band_text;      // "Minimal"
  std::string band_meaning;
  std::string band_advice;
  std::string wage_exposure_text;  // "£649m", or why there is none
  std::string rank_text;           // "Higher exposure than 61% of the 376 UK occupations we scored."
  Sensitivity sensitivity;         // the headline over the 18 combinations of source, weighting and bridge
  std::string range_text;          // "0.9–2.2" (displayed ends); "—" when not scored
  std::string range_low_text;      // "0.9 with human annotators' labels, equal weights and the blended bridge"
  std::string range_high_text;
  TaskCounts counts;
  std::string can_do_text;         // "2 of 17 tasks in this role are things an AI can already do today."
  std::string can_do_short;        // "2 of 17"
  std::string mapped_via_text;     // "Task list mapped via O*NET “Computer and ...” (11-3021.00)."
  std::string rated_text;          // how many tasks have a real O*NET importance value

  BridgeQuality bridge_quality;    // how well the modal bridge maps the group, and its grade
  std::string bridge_quality_text; // "Good: ISCO-08 1330 carries 93% of …"
  std::vector<OnetLine> onets;     // the occupations behind the score, under the current bridge
  std::vector<IscoLine> isco;      // every ISCO-08 code of the unit group's index entries
  std::vector<TaskLine> tasks;     // ordered_tasks()
  std::vector<StartLine> where_to_start;

  std::string measure;            // the headline's measure, "eloundou"
  std::string measure_title;      // "Eloundou et al. (2023)"
};

// A role under every measure side by side (the page's "Other measures" section): apart from the report, so what
// shows the headline only (the widget) carries none of it.
struct MeasuresReport {
  bool loaded = false;            // the other measures' values are in (they come with the details)
  std::vector<MeasureLine> lines;  // every measure, Eloundou first
  std::string agreement_text;     // whether the measures agree on this role, in a sentence; "" until loaded
  std::string ilo_isco;           // the ISCO-08 code whose ILO tasks are this role's (the modal one); "" if none
  std::string ilo_isco_title;
  std::string ilo_gradient_text;  // the ILO's exposure category of that code, "Exposed: Gradient 2"
};
// `unit_group` must be a valid index.
MeasuresReport make_measures_report(const Scorer& scorer, std::uint32_t unit_group);

// "0.9–2.2": the displayed ends of a sensitivity band; "—" when not scored.
std::string range_text(const Sensitivity& band);
// "0.9 with human annotators' labels, equal weights and the blended bridge": one end and its combination.
std::string combination_text(double score10_displayed, const Combination& combination);

// `text` may be null (no text loaded). `unit_group` must be a valid index.
UnitGroupReport make_report(const Scorer& scorer, const TextStore* text, std::uint32_t unit_group);

// One row of the all-occupations table: what changes with the assumptions, with its display strings.
struct UnitGroupRow {
  std::uint32_t unit_group = 0;
  bool scored = false;
  double score10 = 0.0;       // unrounded
  std::string score_text;     // "1.2", "—"
  Band band = Band::Minimal;
  std::string band_text;
  bool has_wage_exposure = false;
  double wage_exposure_gbp = 0.0;
  std::string wage_exposure_text;  // "£649m", "—"
  int rank_percent = 0;
  bool range_scored = false;
  double range_min10 = 0.0;   // displayed ends of the sensitivity band
  double range_max10 = 0.0;
  std::string range_text;     // "0.9–2.2", "—"
  // Every measure's score as shown, by Measure: "4.4", "—".
  std::array<std::string, kMeasureCount> measure_text;
};
UnitGroupRow make_row(const Scorer& scorer, std::uint32_t unit_group);

// The UK totals with their display strings.
struct TotalsView {
  UkTotals totals;
  std::array<int, 5> band_counts{};  // scored unit groups per band, Minimal to Very high
  std::string distribution_text;     // "Of 410 scored occupations, 180 are Minimal, ..."
  std::string employees_text;        // "24.6m"
  std::string mean_score_text;       // "2.1"
  std::string wage_exposure_text;    // "£102bn"
  std::string pay_text;              // "£840bn": the pay that wage exposure is a share of
  std::string band_key;              // the band of the mean as displayed ("low"); "" when no employee is scored
};
TotalsView make_totals(const Scorer& scorer);
// The display strings of any totals (band counts and the distribution sentence are the UK's only).
TotalsView describe_totals(const UkTotals& totals);

// One SOC 2020 major group's totals, for the group summary.
struct MajorGroupSummary {
  int code = 0;
  std::string title;
  TotalsView totals;
};
// The nine major groups in code order.
std::vector<MajorGroupSummary> make_major_group_summaries(const Scorer& scorer);

}  // namespace aiexp
