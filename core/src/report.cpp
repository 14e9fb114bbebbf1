// The unit group report, table rows and UK totals with display strings (report.h), SCORING.md section 4.
#include "aiexp/report.h"

#include <algorithm>
#include <cmath>

#include "aiexp/format.h"
#include "concat.h"
#include "rounding.h"

namespace aiexp {

namespace {

// value ± 1.96 × CV × value, in the figure's display units (thousands of employees, or pounds to the hundred).
void set_interval(AsheView& view, const AsheFigure& figure, bool money) {
  const double half = 1.96 * figure.cv_tenths / 1000.0 * static_cast<double>(figure.value);
  const double unit = money ? 100.0 : 1.0;
  const auto round_to_unit = [&](double x) { return detail::round_to_int64(std::max(0.0, x) / unit) * static_cast<std::int64_t>(unit); };
  const std::int64_t low = round_to_unit(static_cast<double>(figure.value) - half);
  const std::int64_t high = round_to_unit(static_cast<double>(figure.value) + half);
  view.has_interval = true;
  view.interval_low = money ? low : low * 1000;
  view.interval_high = money ? high : high * 1000;
  view.interval_text = money ? detail::concat({format_gbp(low), "\u2013", format_gbp(high)})
                             : detail::concat({format_employees_k(low), "\u2013", format_employees_k(high)});
}

AsheView ashe_view(const AsheFigure& figure, bool money) {  // money: pounds; else ASHE thousands of employees
  AsheView view;
  view.published = figure.published();
  if (view.published) {
    view.value = money ? figure.value : figure.value * 1000;
    view.text = money ? format_gbp(figure.value) : format_employees_k(figure.value);
  } else {
    view.text = std::string(ashe_marker_text(figure.marker));
  }
  view.has_cv = figure.has_cv();
  view.quality = view.has_cv ? ashe_quality(figure.cv_tenths) : AsheQuality::NoCv;
  if (view.has_cv) view.cv_pct = figure.cv_tenths / 10.0;
  if (view.published && view.has_cv) {
    set_interval(view, figure, money);
    view.interval_label = detail::concat({"95% interval ", view.interval_text});
    view.reading_text = detail::concat({"CV ", cv_percent_text(figure.cv_tenths), ": ", ashe_quality_text(view.quality)});
    view.precision_text = detail::concat({view.reading_text, "; ", view.interval_label});
  } else if (view.published) {
    view.reading_text = view.precision_text = "ONS gives no CV for this estimate";
  } else if (view.quality == AsheQuality::Unreliable) {
    view.reading_text = view.precision_text =
        detail::concat({"CV ", cv_percent_text(figure.cv_tenths), ": above 20%, ONS does not publish it"});
  }
  return view;
}

std::string importance_text(std::uint16_t im_hundredths, TaskType type) {
  if (im_hundredths != 0) return detail::concat({"importance ", format_importance(im_hundredths), "/5"});
  switch (type) {
    case TaskType::Core: return "Core task";
    case TaskType::Supplemental: return "Supplemental task";
    case TaskType::Untyped: return "task type not recorded";
  }
  return "";
}

TaskLine task_line(const Scorer& scorer, const TextStore* text, std::uint32_t task) {
  const Bundle& bundle = scorer.bundle();
  const TaskTable& tasks = bundle.tasks;
  TaskLine line;
  line.task = task;
  line.id = bundle.has_details() ? tasks.id[task] : 0;  // ids arrive with the details
  line.onet_code = bundle.onets[tasks.onet[task]].code;
  if (text && task < text->task_text.size()) line.text = text->task_text[task];
  line.label = scorer.effective_label(task);
  line.source_label = tasks.label[static_cast<std::size_t>(scorer.assumptions().label_source)][task];
  line.label_overridden = scorer.label_overridden(task);
  line.label_text = std::string(label_display(line.label));
  line.weight = scorer.effective_weight(task);
  line.weight_overridden = scorer.weight_overridden(task);
  line.excluded = line.weight == 0.0;
  line.importance_known = tasks.im_hundredths[task] != 0;
  line.importance = tasks.im_hundredths[task] / 100.0;
  line.importance_text = importance_text(tasks.im_hundredths[task], tasks.type[task]);
  return line;
}

std::string start_note(const TaskLine& line) {
  return detail::concat({line.importance_known ? "O*NET " : "", line.importance_text, " · ",
                         line.label == Label::E2
                             ? "an LLM alone does not halve it (strict α = 0), but tools built on one do"
                             : "neither an LLM nor tools built on one halve it: judgement or presence keeps it human"});
}

std::string wage_exposure_text(const UnitGroup& group, const UnitGroupFigures& figures) {
  if (!figures.scored) return "not scored";
  if (figures.has_wage_exposure) return format_money_short(figures.wage_exposure_gbp);
  if (!group.employees_k.published()) return detail::concat({"needs employees, ", ashe_marker_text(group.employees_k.marker)});
  return detail::concat({"needs median pay, ", ashe_marker_text(group.median_pay_gbp.marker)});
}

std::string mapped_via_sentence(const std::vector<OnetLine>& onets) {
  if (onets.empty()) return "No O*NET occupation with labelled tasks is reached from this unit group.";
  const auto name = [](const OnetLine& line) {
    return (line.title.empty() ? std::string() : "\u201C" + line.title + "\u201D ") + "(" + line.code + ")";
  };
  if (onets.size() == 1) return "Task list mapped via O*NET " + name(onets[0]) + ".";
  std::string text = "Task list mapped via " + std::to_string(onets.size()) + " O*NET occupations, averaged: ";
  for (std::size_t i = 0; i < onets.size(); ++i) text += (i ? "; " : "") + name(onets[i]);
  return text + ".";
}

std::string rated_sentence(const TaskCounts& counts, WeightScheme weights) {
  std::string text = "O*NET rates the importance of " + std::to_string(counts.rated) + " of these " +
                     std::to_string(counts.total) + (counts.total == 1 ? " task." : " tasks.");
  if (counts.rated < counts.total) {
    text += weights == WeightScheme::Importance
                ? " Under importance weighting the others count at their occupation's mean importance (or 1), "
                  "which is not shown as an O*NET value."
                : " The others show their O*NET task type instead.";
  }
  return text;
}

}  // namespace

AsheQuality ashe_quality(std::int32_t cv_tenths) {
  if (cv_tenths < 0) return AsheQuality::NoCv;
  if (cv_tenths <= 50) return AsheQuality::Precise;
  if (cv_tenths <= 100) return AsheQuality::ReasonablyPrecise;
  if (cv_tenths <= 200) return AsheQuality::Acceptable;
  return AsheQuality::Unreliable;
}

std::string_view ashe_quality_name(AsheQuality quality) {
  switch (quality) {
    case AsheQuality::Precise: return "precise";
    case AsheQuality::ReasonablyPrecise: return "reasonably_precise";
    case AsheQuality::Acceptable: return "acceptable";
    case AsheQuality::Unreliable: return "unreliable";
    case AsheQuality::NoCv: return "";
  }
  return "";
}

std::string_view ashe_quality_text(AsheQuality quality) {
  switch (quality) {
    case AsheQuality::Precise: return "precise";
    case AsheQuality::ReasonablyPrecise: return "reasonably precise";
    case AsheQuality::Acceptable: return "acceptable, use with caution";
    case AsheQuality::Unreliable: return "not reliable: ONS does not publish it";
    case AsheQuality::NoCv: return "";
  }
  return "";
}

std::string cv_percent_text(std::int32_t cv_tenths) {
  if (cv_tenths < 0) return "";
  const std::string whole = std::to_string(cv_tenths / 10);
  return cv_tenths % 10 ? detail::concat({whole, ".", std::to_string(cv_tenths % 10), "%"}) : whole + "%";
}

AsheView employees_view(const UnitGroup& group) { return ashe_view(group.employees_k, false); }
AsheView median_pay_view(const UnitGroup& group) { return ashe_view(group.median_pay_gbp, true); }

std::string range_text(const Sensitivity& band) {
  if (!band.scored) return kNotScored;
  return detail::concat({format_score10(displayed_score10(band.min01)), "\u2013", format_score10(displayed_score10(band.max01))});
}

std::string combination_text(double score10_displayed, const Combination& combination) {
  std::string_view source;
  switch (combination.label_source) {
    case LabelSource::Gpt4: source = "GPT-4's labels (main rubric)"; break;
    case LabelSource::Human: source = "the human annotators' labels"; break;
    case LabelSource::Gpt4Alt: source = "GPT-4's labels (alternative rubric)"; break;
  }
  std::string_view weights;
  switch (combination.weights) {
    case WeightScheme::Core: weights = "core tasks weighted double"; break;
    case WeightScheme::Importance: weights = "tasks weighted by O*NET importance"; break;
    case WeightScheme::Equal: weights = "every task weighted equally"; break;
  }
  const std::string_view bridge = combination.bridge == BridgeMode::Blend ? "the blended bridge" : "the modal bridge";
  return detail::concat({format_score10(score10_displayed), " with ", source, ", ", weights, " and ", bridge});
}

namespace {

std::string ordinal(int n) {
  const int tens = n % 100;
  const char* suffix = (tens >= 11 && tens <= 13) ? "th" : n % 10 == 1 ? "st" : n % 10 == 2 ? "nd" : n % 10 == 3 ? "rd" : "th";
  return std::to_string(n) + suffix;
}

std::string not_scored_text(Measure measure) {
  switch (measure) {
    case Measure::Eloundou: return "Not scored: no labelled O*NET occupation is reached from this unit group.";
    case Measure::Ilo2025:
    case Measure::Ilo2023: return "Not scored: the ILO index has no score for this unit group's ISCO-08 code.";
    case Measure::Microsoft: return "Not scored: Microsoft scores none of the US occupations this unit group reaches.";
  }
  return "Not scored.";
}

std::vector<MeasureLine> measure_lines(const Scorer& scorer, std::uint32_t unit_group) {
  std::vector<MeasureLine> lines;
  const UnitGroup& group = scorer.bundle().unit_groups[unit_group];
  for (const Measure measure : kMeasures) {
    const UnitGroupFigures& figures = scorer.figures(measure)[unit_group];
    const int rank_set = scorer.rank_set(measure);
    MeasureLine line;
    line.measure = measure;
    line.name = std::string(measure_name(measure));
    line.title = std::string(measure_title(measure));
    line.about = std::string(measure_about(measure));
    line.headline = measure == scorer.assumptions().measure;
    line.scored = figures.scored;
    line.score10 = figures.score01 * 10.0;
    line.rank_set = rank_set;
    if (figures.scored) {
      line.score_text = format_score10(figures.score10_displayed);
      line.band_text = std::string(band_name(figures.band));
      line.band_key = std::string(band_key(figures.band));
      line.rank_percent = figures.rank_percent;
      line.rank_text = "higher than " + format_percent(figures.rank_percent) + " of " + std::to_string(rank_set) +
                       " UK occupations";
    } else {
      line.score_text = kNotScored;
      line.rank_text = measure != Measure::Eloundou && !scorer.has_measures()
                           ? ""
                           : not_scored_text(measure).substr(std::string_view("Not scored: ").size());
    }
    line.wage_exposure_text = wage_exposure_text(group, figures);
    lines.push_back(std::move(line));
  }
  return lines;
}

// Whether the measures that score the role place it alike among UK occupations: by the spread of their ranks.
std::string agreement_sentence(const std::vector<MeasureLine>& lines) {
  const MeasureLine* low = nullptr;
  const MeasureLine* high = nullptr;
  int scored = 0;
  for (const MeasureLine& line : lines) {
    if (!line.scored) continue;
    ++scored;
    if (!low || line.rank_percent < low->rank_percent) low = &line;
    if (!high || line.rank_percent > high->rank_percent) high = &line;
  }
  if (scored == 0) return "No measure scores this role.";
  if (scored == 1) return "Only " + low->title + " scores this role, so there is nothing to compare it with.";
  const int spread = high->rank_percent - low->rank_percent;
  const std::string range = "between the " + ordinal(low->rank_percent) + " and the " + ordinal(high->rank_percent) +
                            " percentile of UK occupations";
  if (spread <= 20) return "The measures agree on this role: all place it " + range + ".";
  const std::string ends = high->title + " puts it at the " + ordinal(high->rank_percent) + " percentile, " +
                           low->title + " at the " + ordinal(low->rank_percent);
  if (spread <= 40) return "The measures partly agree on this role: " + ends + ".";
  return "The measures disagree on this role: " + ends + ".";
}

}  // namespace

UnitGroupReport make_report(const Scorer& scorer, const TextStore* text, std::uint32_t unit_group) {
  const Bundle& bundle = scorer.bundle();
  const UnitGroup& group = bundle.unit_groups[unit_group];
  UnitGroupReport report;
  report.soc = group.soc;
  report.title = group.title;
  report.major_group = group.major_group();
  if (const MajorGroup* major = bundle.find_major_group(report.major_group)) report.major_group_title = major->title;
  report.description = group.description;
  report.employees = employees_view(group);
  report.median_pay = median_pay_view(group);
  report.bridge_quality = bridge_quality(bundle, unit_group);
  report.bridge_quality_text = aiexp::bridge_quality_text(report.bridge_quality);

  const UnitGroupFigures& figures = scorer.unit_groups()[unit_group];
  report.figures = figures;
  report.score10 = figures.score01 * 10.0;
  report.direct10 = figures.alpha01 * 10.0;
  report.with_tools10 = figures.zeta01 * 10.0;
  if (figures.scored) {
    report.score_text = format_score10(figures.score10_displayed);
    report.direct_text = format_score10(displayed_score10(figures.alpha01));
    report.with_tools_text = format_score10(displayed_score10(figures.zeta01));
    report.band_text = std::string(band_name(figures.band));
    report.band_meaning = std::string(band_meaning(figures.band));
    report.band_advice = std::string(band_advice(figures.band));
    report.rank_text = rank_sentence(figures.rank_percent, scorer.totals().rank_set);
  } else {
    report.score_text = report.direct_text = report.with_tools_text = kNotScored;
    report.rank_text = not_scored_text(scorer.assumptions().measure);
  }
  report.wage_exposure_text = wage_exposure_text(group, figures);
  // The band is the Eloundou score's over its label sources, weightings and bridges: another measure has none.
  if (scorer.assumptions().measure == Measure::Eloundou) report.sensitivity = scorer.sensitivity()[unit_group];
  report.range_text = range_text(report.sensitivity);
  if (report.sensitivity.scored) {
    report.range_low_text = combination_text(displayed_score10(report.sensitivity.min01), report.sensitivity.at_min);
    report.range_high_text = combination_text(displayed_score10(report.sensitivity.max01), report.sensitivity.at_max);
  }
  report.counts = count_tasks(scorer, unit_group);
  report.can_do_text = can_do_sentence(report.counts.can_do, report.counts.total);
  report.can_do_short = detail::concat({std::to_string(report.counts.can_do), " of ", std::to_string(report.counts.total)});

  const Assumptions& assumptions = scorer.assumptions();
  report.onets.reserve(scorer.bridge(unit_group).size());
  for (const Scorer::BridgeEntry& entry : scorer.bridge(unit_group)) {
    const OnetOccupation& occupation = bundle.onets[entry.onet];
    const OccupationFigures& onet_figures = scorer.occupations()[entry.onet];
    OnetLine line{occupation.code, occupation.title, entry.weight, onet_figures.scored(),
                  onet_figures.score01(assumptions.e1, assumptions.e2) * 10.0,
                  static_cast<int>(occupation.task_count), 0};
    for (std::uint32_t t = occupation.first_task; t < occupation.first_task + occupation.task_count; ++t) {
      line.rated_count += bundle.tasks.im_hundredths[t] != 0;
    }
    report.onets.push_back(std::move(line));
  }

  report.mapped_via_text = mapped_via_sentence(report.onets);
  report.rated_text = rated_sentence(report.counts, assumptions.weights);

  std::uint32_t all_entries = 0;
  for (const IscoShare& share : group.isco) all_entries += share.entries;
  report.isco.reserve(group.isco.size());
  for (std::size_t s = 0; s < group.isco.size(); ++s) {
    const IscoGroup& isco = bundle.isco[group.isco[s].isco];
    IscoLine line;
    line.code = isco.code;
    line.title = isco.title;
    line.entries = group.isco[s].entries;
    line.share = all_entries > 0 ? static_cast<double>(line.entries) / all_entries : 0.0;
    line.used = !isco.onets.empty() && (assumptions.bridge == BridgeMode::Blend || s == 0);
    line.soc2010 = isco.soc2010;
    line.soc2018 = isco.soc2018;
    for (std::uint32_t onet : isco.onets) line.onets.push_back(bundle.onets[onet].code);
    report.isco.push_back(std::move(line));
  }

  const std::vector<std::uint32_t> ordered = ordered_tasks(scorer, unit_group);
  report.tasks.reserve(ordered.size());
  for (std::uint32_t task : ordered) report.tasks.push_back(task_line(scorer, text, task));
  for (std::uint32_t task : where_to_start(scorer, unit_group)) {
    StartLine start{task_line(scorer, text, task), {}};
    start.note = start_note(start.task);
    report.where_to_start.push_back(std::move(start));
  }

  report.measure = std::string(measure_name(scorer.assumptions().measure));
  report.measure_title = std::string(measure_title(scorer.assumptions().measure));
  return report;
}

MeasuresReport make_measures_report(const Scorer& scorer, std::uint32_t unit_group) {
  const Bundle& bundle = scorer.bundle();
  const UnitGroup& group = bundle.unit_groups[unit_group];
  MeasuresReport report;
  report.loaded = scorer.has_measures();
  report.lines = measure_lines(scorer, unit_group);
  report.agreement_text = report.loaded ? agreement_sentence(report.lines) : "";
  if (!group.isco.empty()) {
    const IscoGroup& modal = bundle.isco[group.isco.front().isco];
    if (modal.has_measure(Measure::Ilo2025)) {
      report.ilo_isco = modal.code;
      report.ilo_isco_title = modal.title;
      report.ilo_gradient_text = std::string(ilo_gradient_text(modal.ilo_gradient));
    }
  }
  return report;
}

UnitGroupRow make_row(const Scorer& scorer, std::uint32_t unit_group) {
  const UnitGroupFigures& figures = scorer.unit_groups()[unit_group];
  UnitGroupRow row;
  row.unit_group = unit_group;
  row.scored = figures.scored;
  row.score10 = figures.score01 * 10.0;
  row.score_text = figures.scored ? format_score10(figures.score10_displayed) : kNotScored;
  row.band = figures.band;
  row.band_text = figures.scored ? std::string(band_name(figures.band)) : "";
  row.has_wage_exposure = figures.has_wage_exposure;
  row.wage_exposure_gbp = figures.wage_exposure_gbp;
  row.wage_exposure_text = figures.has_wage_exposure ? format_money_short(figures.wage_exposure_gbp) : kNotScored;
  row.rank_percent = figures.rank_percent;
  const Sensitivity band = scorer.assumptions().measure == Measure::Eloundou ? scorer.sensitivity()[unit_group]
                                                                              : Sensitivity{};
  row.range_scored = band.scored;
  row.range_min10 = band.scored ? displayed_score10(band.min01) : 0.0;
  row.range_max10 = band.scored ? displayed_score10(band.max01) : 0.0;
  row.range_text = range_text(band);
  for (const Measure measure : kMeasures) {
    const UnitGroupFigures& of = scorer.figures(measure)[unit_group];
    row.measure_text[static_cast<std::size_t>(measure)] = of.scored ? format_score10(of.score10_displayed) : kNotScored;
  }
  return row;
}

TotalsView describe_totals(const UkTotals& totals) {
  TotalsView view;
  view.totals = totals;
  view.employees_text = format_employees_k(detail::round_to_int64(totals.employees / 1000.0));
  const double mean_displayed10 = detail::round_half_away(totals.mean_score10 * 10.0) / 10.0;
  view.mean_score_text = format_score10(mean_displayed10);
  if (totals.employees > 0.0) view.band_key = std::string(band_key(band_for(mean_displayed10)));
  view.wage_exposure_text = format_money_short(totals.wage_exposure_gbp);
  view.pay_text = format_money_short(totals.pay_gbp);
  return view;
}

std::vector<MajorGroupSummary> make_major_group_summaries(const Scorer& scorer) {
  std::vector<MajorGroupSummary> summaries;
  for (const MajorGroup& group : scorer.bundle().major_groups) {
    summaries.push_back({group.code, group.title, describe_totals(major_group_totals(scorer, group.code))});
  }
  return summaries;
}

TotalsView make_totals(const Scorer& scorer) {
  TotalsView view = describe_totals(scorer.totals());
  for (const UnitGroupFigures& figures : scorer.unit_groups()) {
    if (figures.scored) ++view.band_counts[static_cast<std::size_t>(figures.band)];
  }
  view.distribution_text = "Of " + std::to_string(view.totals.scored) + " scored occupations, ";
  for (std::size_t b = 0; b < view.band_counts.size(); ++b) {
    const bool last = b + 1 == view.band_counts.size();
    view.distribution_text += (b == 0 ? "" : last ? " and " : ", ") + std::to_string(view.band_counts[b]) + " " +
                              (view.band_counts[b] == 1 ? "is " : "are ") + std::string(band_name(static_cast<Band>(b)));
  }
  view.distribution_text += ".";
  return view;
}

}  // namespace aiexp
