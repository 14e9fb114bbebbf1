// Provenance of the role page's figures and the UK totals (provenance.h).
#include "aiexp/provenance.h"

#include <cmath>
#include <cstdint>
#include <optional>
#include <span>

#include "aiexp/format.h"
#include "aiexp/labels.h"
#include "code_size.h"
#include "concat.h"
#include "rounding.h"

namespace aiexp {

namespace {

constexpr const char* kTimes = " \u00D7 ";

// A fixed number of decimals, trailing zeros kept: the formulas show their operands as computed.
std::string fixed(double value, int decimals) {
  double scale = 1.0;
  for (int i = 0; i < decimals; ++i) scale *= 10.0;
  const std::int64_t scaled = detail::round_to_int64(value * scale);
  const std::int64_t unit = static_cast<std::int64_t>(scale);
  std::string text = format_count(static_cast<double>(scaled / unit));
  if (decimals == 0) return text;
  std::string fraction = std::to_string(scaled % unit);
  fraction.insert(0, static_cast<std::size_t>(decimals) - fraction.size(), '0');
  return text + "." + fraction;
}

// "£648.6m": pounds in millions to one decimal, so the product can be checked by hand against the rounded figure.
std::string millions(double pounds) { return detail::concat({"\u00A3", fixed(pounds / 1e6, 1), "m"}); }

std::string source_text(const DataSource& source) {
  return detail::concat({source.publisher, ", ", source.title, " (", source.version, "). ", source.licence, "."});
}

SourceLine source_line(const Bundle& bundle, std::string_view id, std::string row) {
  const DataSource* source = bundle.find_source(id);  // present: finalize_bundle checks every cited id
  return SourceLine{std::string(id), source ? source_text(*source) : std::string(id), std::move(row)};
}

std::string short_source(const Bundle& bundle, std::string_view id) {
  const DataSource* source = bundle.find_source(id);
  return source ? detail::concat({source->title, " (", source->version, ")"}) : std::string(id);
}

std::string weighting_text(WeightScheme weights) {
  switch (weights) {
    case WeightScheme::Core: return "core tasks weighted double";
    case WeightScheme::Importance: return "tasks weighted by O*NET importance";
    case WeightScheme::Equal: return "every task weighted equally";
  }
  return "";
}

// The sources behind a score: the labels, the bridge's four steps and, under the importance weighting, O*NET's
// ratings.
std::vector<SourceLine> score_sources(const Bundle& bundle, const UnitGroupReport& report, WeightScheme weights) {
  std::string onets;
  for (const OnetLine& line : report.onets) onets += (onets.empty() ? "" : ", ") + line.code;
  std::vector<SourceLine> lines;
  lines.push_back(source_line(bundle, kSourceLabels, onets.empty() ? "no labelled occupation is reached"
                                                                    : "the labels of the tasks of " + onets));
  if (weights == WeightScheme::Importance) {
    lines.push_back(source_line(bundle, kSourceImportance, "the importance ratings of those tasks"));
  }
  lines.push_back(source_line(bundle, kSourceCodingIndex,
                              "the ISCO-08 codes of the index entries of SOC 2020 " + report.soc));
  lines.push_back(source_line(bundle, kSourceIscoSoc2010, "ISCO-08 to US SOC 2010"));
  lines.push_back(source_line(bundle, kSourceSoc2010Soc2018, "US SOC 2010 to 2018"));
  lines.push_back(source_line(bundle, kSourceOnetSoc2018, "US SOC 2018 to O*NET-SOC 2019"));
  return lines;
}

// The sources behind another measure's score: the measure's own files and the bridge steps it uses.
std::vector<SourceLine> measure_sources(const Bundle& bundle, const UnitGroupReport& report, Measure measure) {
  std::vector<SourceLine> lines;
  const std::string codes = report.isco.empty() ? std::string("no ISCO-08 code") : "ISCO-08 " + report.isco.front().code;
  if (measure == Measure::Microsoft) {
    lines.push_back(source_line(bundle, kSourceMicrosoftScores, "the applicability of the US SOC 2018 codes reached"));
    lines.push_back(source_line(bundle, kSourceMicrosoftIwaMetrics, "the work-activity figures the scores are recomputed from"));
    lines.push_back(source_line(bundle, kSourceMicrosoftIwaWeights, "the activities' weights per occupation"));
    lines.push_back(source_line(bundle, kSourceMicrosoftSocToIwas, "each occupation's activities"));
  } else {
    lines.push_back(source_line(bundle, kSourceIloTasks, "the task scores of " + codes));
  }
  lines.push_back(source_line(bundle, kSourceCodingIndex, "the ISCO-08 codes of the index entries of SOC 2020 " + report.soc));
  if (measure == Measure::Microsoft) {
    lines.push_back(source_line(bundle, kSourceIscoSoc2010, "ISCO-08 to US SOC 2010"));
    lines.push_back(source_line(bundle, kSourceSoc2010Soc2018, "US SOC 2010 to 2018"));
  }
  return lines;
}

// What a citation of another measure's figure names.
std::vector<std::string_view> measure_cited(Measure measure) {
  if (measure == Measure::Microsoft) {
    return {kSourceMicrosoftScores, kSourceCodingIndex, kSourceIscoSoc2010, kSourceSoc2010Soc2018};
  }
  return {kSourceIloTasks, kSourceCodingIndex};
}

std::string ashe_row(const UnitGroupReport& report) {
  return "Table 14.7a, the row for SOC 2020 " + report.soc + " (sheet \u201CAll\u201D)";
}

// "<subject>: <value>. UK AI Exposure, under <assumptions>. Sources: <each source's title and release>."
std::string citation(std::string_view subject, const Provenance& p, const Bundle& bundle,
                     const std::vector<std::string_view>& ids) {
  std::string sources;
  for (std::string_view id : ids) sources += (sources.empty() ? "" : "; ") + short_source(bundle, id);
  return detail::concat({subject, ": ", p.value_text, ". UK AI Exposure, under ", p.assumptions, ". Sources: ",
                         sources, "."});
}

// "Information technology directors (SOC 2020 1137), "
std::string role_subject(const UnitGroupReport& report) {
  return detail::concat({report.title, " (SOC 2020 ", report.soc, "), "});
}

}  // namespace

std::string assumptions_text(const Assumptions& a) {
  const std::string_view bridge = a.bridge == BridgeMode::Blend ? "the blended bridge" : "the modal bridge";
  const std::size_t changes = a.overrides.size();
  const std::string tasks = changes == 0 ? "no task changes"
                                         : std::to_string(changes) + (changes == 1 ? " task changed" : " tasks changed");
  const std::string measure = a.measure == Measure::Eloundou
                                  ? std::string()
                                  : detail::concat({"; headline measure ", measure_title(a.measure)});
  return detail::concat({label_source_display(a.label_source), " labels; E1 = ", format_decimal(a.e1, 3), ", E2 = ",
                         format_decimal(a.e2, 3), "; ", weighting_text(a.weights), "; ", bridge, "; ", tasks, measure});
}

std::vector<Provenance> figure_provenance(const Scorer& scorer, const UnitGroupReport& r) {
  const Bundle& bundle = scorer.bundle();
  const Assumptions& a = scorer.assumptions();
  const UnitGroupFigures& f = r.figures;
  const std::string in_force = assumptions_text(a);
  std::vector<Provenance> out;
  const auto add = [&](std::string figure, std::string title, std::string value, std::vector<SourceLine> sources,
                       std::string formula, const std::vector<std::string_view>& cited) {
    Provenance p{std::move(figure), std::move(title), std::move(value), std::move(sources), std::move(formula),
                 in_force, ""};
    p.citation = citation(role_subject(r) + p.title, p, bundle, cited);
    out.push_back(std::move(p));
  };

  add("employees", "Employees (UK)", r.employees.text, {source_line(bundle, kSourceAshe, ashe_row(r))},
      r.employees.published
          ? detail::concat({"ASHE gives ", format_count(static_cast<double>(r.employees.value / 1000)),
                            " thousand jobs: ", format_count(static_cast<double>(r.employees.value / 1000)), kTimes,
                            "1,000 = ", format_count(static_cast<double>(r.employees.value)), " employees",
                            r.employees.precision_text.empty() ? "" : "; ", r.employees.precision_text, "."})
          : detail::concat({"ASHE gives no figure: ", r.employees.text,
                            r.employees.precision_text.empty() ? "" : " (", r.employees.precision_text,
                            r.employees.precision_text.empty() ? "" : ")", "."}),
      {kSourceAshe});
  add("median_pay", "Median annual pay", r.median_pay.text, {source_line(bundle, kSourceAshe, ashe_row(r))},
      r.median_pay.published
          ? detail::concat({"The median gross annual pay of all employee jobs: ", r.median_pay.text,
                            r.median_pay.precision_text.empty() ? "" : "; ", r.median_pay.precision_text, "."})
          : detail::concat({"ASHE gives no figure: ", r.median_pay.text, "."}),
      {kSourceAshe});

  // Direct and with tools are the Eloundou score's, whichever measure the headline uses.
  const UnitGroupFigures& eloundou = scorer.figures(Measure::Eloundou)[*bundle.find_unit_group(r.soc)];
  const double s1 = eloundou.alpha01;                 // weighted share of E1 tasks
  const double s2 = eloundou.zeta01 - eloundou.alpha01;  // of E2 tasks
  const Measure measure = a.measure;
  const bool other = measure != Measure::Eloundou;
  const std::size_t reached = r.onets.size();
  const std::string over = detail::concat({"the weighted shares of the tasks labelled E1 and E2, averaged over the ",
                                           std::to_string(reached), reached == 1 ? " O*NET occupation" : " O*NET occupations",
                                           " the bridge reaches"});
  const std::vector<SourceLine> eloundou_sources = score_sources(bundle, r, a.weights);
  const std::vector<std::string_view> eloundou_cited{kSourceLabels, kSourceCodingIndex, kSourceIscoSoc2010,
                                                     kSourceSoc2010Soc2018, kSourceOnetSoc2018};
  const std::vector<SourceLine> scoring = other ? measure_sources(bundle, r, measure) : eloundou_sources;
  const std::vector<std::string_view> scoring_cited = other ? measure_cited(measure) : eloundou_cited;
  const auto eloundou_or = [&](std::string formula) {
    return eloundou.scored ? std::move(formula) : std::string("Not scored: no O*NET occupation with labelled tasks is reached.");
  };
  std::string score_formula;
  if (!f.scored) {
    score_formula = other ? r.rank_text : "Not scored: no O*NET occupation with labelled tasks is reached.";
  } else if (!other) {
    score_formula = detail::concat({"10", kTimes, "(E1 share", kTimes, "E1 + E2 share", kTimes, "E2) = 10", kTimes, "(",
                                    fixed(s1, 3), kTimes, format_decimal(a.e1, 3), " + ", fixed(s2, 3), kTimes,
                                    format_decimal(a.e2, 3), ") = ", fixed(r.score10, 2), ", shown as ", r.score_text,
                                    "; the shares are ", over, "."});
  } else {
    const std::string what = measure == Measure::Microsoft
                                 ? "Microsoft's AI applicability of the US SOC 2018 occupations its ISCO-08 code reaches "
                                   "through SOC 2010, each weighted equally"
                                 : detail::concat({"the mean ", measure == Measure::Ilo2025 ? "2025" : "2023",
                                                   " score of the ILO's tasks of its ISCO-08 code"});
    const std::string_view how = a.bridge == BridgeMode::Blend
                                     ? " (blended: every ISCO-08 code of the unit group by its share of index entries)"
                                     : "";
    score_formula = detail::concat({"10", kTimes, what, how, " = 10", kTimes, fixed(f.score01, 4), " = ",
                                    fixed(r.score10, 2), ", shown as ", r.score_text, "."});
  }
  add("score", other ? detail::concat({"Exposure score (", measure_title(measure), ")"}) : std::string("Exposure score"),
      f.scored ? r.score_text + "/10" : r.score_text, scoring, std::move(score_formula), scoring_cited);
  add("direct", "Direct exposure", format_score10(displayed_score10(eloundou.alpha01)), eloundou_sources,
      eloundou_or(detail::concat({"10", kTimes, "E1 share = 10", kTimes, fixed(s1, 3), " = ",
                                  fixed(eloundou.alpha01 * 10.0, 2), ", shown as ",
                                  format_score10(displayed_score10(eloundou.alpha01)), " (\u03B1: E1 counts 1, E2 counts 0)."})),
      eloundou_cited);
  const std::string with_tools_text = format_score10(displayed_score10(eloundou.zeta01));
  add("with_tools", "Exposure with tools", with_tools_text, eloundou_sources,
      eloundou_or(detail::concat({"10", kTimes, "(E1 share + E2 share) = 10", kTimes, "(", fixed(s1, 3), " + ",
                                  fixed(s2, 3), ") = ", fixed(eloundou.zeta01 * 10.0, 2), ", shown as ", with_tools_text,
                                  " (\u03B6: E1 and E2 count 1)."})),
      eloundou_cited);

  std::vector<SourceLine> wage_sources{source_line(bundle, kSourceAshe, ashe_row(r))};
  wage_sources.insert(wage_sources.end(), scoring.begin(), scoring.end());
  std::string wage_formula;
  if (f.has_wage_exposure) {
    const double shown = displayed_score10(f.score01);
    const bool exact = a.wage_rounding == WageRounding::Exact;
    wage_formula = detail::concat({format_count(static_cast<double>(r.employees.value)), kTimes,
                                   format_gbp(r.median_pay.value), kTimes,
                                   exact ? fixed(f.score01, 4) : fixed(shown / 10.0, 2), " = ",
                                   millions(f.wage_exposure_gbp), ": employees", kTimes, "median pay", kTimes,
                                   exact ? "the unrounded score" : "the score as shown", " \u00F7 10."});
  } else {
    wage_formula = detail::concat({"Not computed: ", r.wage_exposure_text, "."});
  }
  std::vector<std::string_view> wage_cited{kSourceAshe};
  wage_cited.insert(wage_cited.end(), scoring_cited.begin(), scoring_cited.end());
  add("wage_exposure", "Wage exposure", r.wage_exposure_text, std::move(wage_sources), std::move(wage_formula),
      wage_cited);

  const int n = scorer.totals().rank_set;
  std::vector<SourceLine> rank_sources = scoring;
  rank_sources.push_back(source_line(bundle, kSourceAshe, "which occupations have an ASHE figure (the rank set)"));
  add("rank", "Rank among UK occupations", f.scored ? format_percent(f.rank_percent) : std::string("not ranked"),
      std::move(rank_sources),
      f.scored && n > 0
          ? detail::concat({std::to_string(f.lower_count), " of the ", std::to_string(n),
                            " scored UK occupations with an ASHE figure score lower: 100", kTimes,
                            std::to_string(f.lower_count), " \u00F7 ", std::to_string(n), " = ",
                            fixed(100.0 * f.lower_count / n, 1), ", shown as ", format_percent(f.rank_percent), "."})
          : std::string("Not ranked: the occupation is not scored."),
      {scoring_cited.front(), kSourceAshe, kSourceCodingIndex});
  return out;
}

Provenance task_provenance(const Scorer& scorer, const UnitGroupReport& r, const TaskLine& task) {
  const Bundle& bundle = scorer.bundle();
  const Assumptions& a = scorer.assumptions();
  const std::string id = task.id ? std::to_string(task.id) : std::string("without an id");
  const std::string name = detail::concat({"task ", id, " of ", task.onet_code});
  Provenance p;
  p.figure = "task";
  p.title = detail::concat({"Task ", id, ": its label and weight"});
  p.value_text = detail::concat({task.label_text, " (", label_name(task.label), "), weight ", format_decimal(task.weight, 3)});
  p.sources.push_back(source_line(bundle, kSourceLabels,
                                  detail::concat({name, ": its ", label_source_display(a.label_source),
                                                  " label and its task type"})));
  if (task.importance_known) {
    p.sources.push_back(source_line(bundle, kSourceImportance,
                                    detail::concat({name, ", scale IM: ", format_decimal(task.importance, 2)})));
  }
  const double value = task.label == Label::E1 ? a.e1 : task.label == Label::E2 ? a.e2 : 0.0;
  std::string label = detail::concat({"Label ", label_name(task.label), " (", task.label_text, ")"});
  label += task.label_overridden
               ? detail::concat({", changed by you from the source's ", label_name(task.source_label)})
               : detail::concat({" as ", label_source_display(a.label_source), " labelled it"});
  label += detail::concat({": it counts ", format_decimal(value, 3), " under these label values"});
  std::string weight = detail::concat({"weight ", format_decimal(task.weight, 3)});
  if (task.weight_overridden) {
    weight += ", set by you";
  } else {
    switch (a.weights) {
      case WeightScheme::Core:
        weight += bundle.tasks.type[task.task] == TaskType::Supplemental ? ", a supplemental task under the core weighting"
                                                                         : ", a core task under the core weighting";
        break;
      case WeightScheme::Importance:
        weight += task.importance_known ? ", its O*NET importance" : ", its occupation's mean importance (O*NET does not rate it)";
        break;
      case WeightScheme::Equal: weight += ", every task weighted equally"; break;
    }
  }
  p.formula = detail::concat({label, "; ", weight, task.excluded ? " (left out)" : "", ". ", task.importance_known
                                  ? detail::concat({"O*NET rates its importance ", format_decimal(task.importance, 2), " of 5."})
                                  : std::string("O*NET does not rate its importance: the page shows its task type.")});
  p.assumptions = assumptions_text(a);
  p.citation = task.importance_known ? citation(role_subject(r) + name, p, bundle, {kSourceLabels, kSourceImportance})
                                      : citation(role_subject(r) + name, p, bundle, {kSourceLabels});
  return p;
}

std::vector<Provenance> totals_provenance(const Scorer& scorer, const TotalsView& view) {
  const Bundle& bundle = scorer.bundle();
  const UkTotals& t = view.totals;
  const std::string in_force = assumptions_text(scorer.assumptions());
  const SourceLine ashe = source_line(bundle, kSourceAshe, "Table 14.7a, every unit group's row");
  // The scores behind the totals: the labels, or the headline's other measure.
  const Measure measure = scorer.assumptions().measure;
  const std::string_view score_id = measure == Measure::Eloundou ? kSourceLabels
                                    : measure == Measure::Microsoft ? kSourceMicrosoftScores
                                                                    : kSourceIloTasks;
  const SourceLine labels = source_line(bundle, score_id, measure == Measure::Eloundou
                                                              ? "the labels of every task the bridge reaches"
                                                              : "the score of every ISCO-08 group the bridge reaches");
  const auto make = [&](std::string figure, std::string title, std::string value, std::vector<SourceLine> sources,
                        std::string formula, const std::vector<std::string_view>& cited) {
    Provenance p{std::move(figure), std::move(title), std::move(value), std::move(sources), std::move(formula),
                 in_force, ""};
    p.citation = citation("UK, " + p.title, p, bundle, cited);
    return p;
  };
  return {
      make("total_employees", "Employees in scored occupations", view.employees_text, {ashe},
           detail::concat({"The sum of ASHE's employees over the scored occupations whose employees ASHE publishes: ",
                           format_count(t.employees), "; the others are left out, not guessed."}),
           {kSourceAshe}),
      make("total_mean_score", "Mean exposure, weighted by employees", view.mean_score_text + "/10", {ashe, labels},
           detail::concat({"\u03A3 (employees", kTimes, "score) \u00F7 \u03A3 employees over the same occupations = ",
                           fixed(t.mean_score10, 2), ", shown as ", view.mean_score_text, "."}),
           {kSourceAshe, score_id}),
      make("total_wage_exposure", "Wage exposure, all scored occupations", view.wage_exposure_text, {ashe, labels},
           detail::concat({"The sum of employees", kTimes, "median pay", kTimes, "score \u00F7 10 over the ",
                           std::to_string(t.wage_exposure_groups),
                           " occupations where ASHE publishes both figures = ", millions(t.wage_exposure_gbp), "."}),
           {kSourceAshe, score_id}),
  };
}

namespace {

// A sentence built piece by piece in one string. The breakdown panels have a hundred pieces between them: each one
// a call (kept out of line, which -O3 would otherwise undo) rather than a temporary string, they cost the page's
// module a few kilobytes less code.
class Text {
 public:
  [[gnu::noinline]] Text& operator<<(std::string_view piece) {
    text_ += piece;
    return *this;
  }
  [[gnu::noinline]] Text& count(double value) { return *this << format_count(value); }
  // "339 unit groups", "1 unit group".
  [[gnu::noinline]] Text& plural(int n, std::string_view one, std::string_view many) {
    return *this << std::to_string(n) << " " << (n == 1 ? one : many);
  }
  // "Σ (jobs × score) ÷ Σ jobs = 22,885,771 ÷ 12,573,960 = 1.8201": a weighted mean with its two sums.
  [[gnu::noinline]] Text& mean(std::string_view weight, double weights, double mean10) {
    *this << "\u03A3 (" << weight << kTimes << "score) \u00F7 \u03A3 " << weight << " = ";
    return count(weights * mean10) << " \u00F7 " << format_count(weights) << " = " << fixed(mean10, 4);
  }
  std::string take() { return std::move(text_); }

 private:
  std::string text_;
};

// The sources behind the breakdowns' scores: the labels, or the headline's other measure, and the bridge's first step.
AIEXP_FOR_SIZE void add_score_sources(const Bundle& bundle, Measure measure, std::vector<SourceLine>& lines) {
  if (measure == Measure::Eloundou) {
    lines.push_back(source_line(bundle, kSourceLabels, "the labels of every task the bridge reaches"));
  } else {
    lines.push_back(source_line(bundle, measure == Measure::Microsoft ? kSourceMicrosoftScores : kSourceIloTasks,
                                "the score of every ISCO-08 group the bridge reaches"));
  }
  lines.push_back(source_line(bundle, kSourceCodingIndex, "the ISCO-08 codes of every unit group's index entries"));
}

std::string_view score_source_id(Measure measure) {
  return measure == Measure::Eloundou ? kSourceLabels
         : measure == Measure::Microsoft ? kSourceMicrosoftScores
                                         : kSourceIloTasks;
}

}  // namespace

AIEXP_FOR_SIZE std::vector<Provenance> breakdown_provenance(const Scorer& scorer, const Breakdowns& data,
                                                            BreakdownKind kind) {
  const Bundle& bundle = scorer.bundle();
  const Measure measure = scorer.assumptions().measure;
  std::vector<Provenance> out;
  // One panel: its title and value, the kind's own source and ASHE where it counts, then the score's; the formula;
  // the citation's subject. What each count is (published or estimated) is the caption's, breakdowns.h.
  // `ashe`: the figures also rest on ASHE 2025's employees; `medians`: on women's and men's medians too.
  const auto add = [&](std::string title, std::string value, std::string_view source, std::string row, bool ashe,
                       bool medians, std::string formula, std::string_view subject) {
    Provenance p;
    p.figure = detail::concat({"breakdown_", breakdown_kind_name(kind)});
    p.title = std::move(title);
    p.value_text = std::move(value);
    std::vector<std::string_view> cited{source};
    p.sources.push_back(source_line(bundle, source, std::move(row)));
    if (ashe) {
      p.sources.push_back(source_line(bundle, kSourceAshe, "Table 14.7a, the employees of every unit group"));
      cited.push_back(kSourceAshe);
    }
    if (medians) {
      p.sources.push_back(source_line(bundle, kSourceAsheSexMedians, "women's and men's median pay per unit group"));
      cited.push_back(kSourceAsheSexMedians);
    }
    add_score_sources(bundle, measure, p.sources);
    cited.push_back(score_source_id(measure));
    p.formula = std::move(formula);
    p.assumptions = assumptions_text(scorer.assumptions());
    p.citation = citation(subject, p, bundle, cited);
    out.push_back(std::move(p));
  };
  switch (kind) {
    case BreakdownKind::Sex:
    case BreakdownKind::Pattern: {
      const bool sex = kind == BreakdownKind::Sex;
      const SplitBreakdown b = sex ? sex_breakdown(scorer, data) : pattern_breakdown(scorer, data);
      for (std::size_t s = 0; s < 2; ++s) {
        const SplitSide& side = b.sides[s];
        Text formula;
        static constexpr std::array<std::string_view, 4> kShare{"female", "male", "full-time", "part-time"};
        formula << "\u03A3 employees" << kTimes << "the " << kShare[(sex ? 0 : 2) + s] << " share of the 2024 jobs over the ";
        formula.plural(b.unit_groups, "unit group", "unit groups") << " with a score and published employees = ";
        formula.count(side.employees) << " employee jobs: an estimate (2024 shares applied to 2025 employees), not a "
                                         "count ONS publishes. "
                                      << b.levels_text
                                      << " Mean exposure ";
        formula.mean("jobs", side.employees, side.mean_score10) << ", shown as " << side.mean_score_text
                                                                 << "; at 6.0 or above: ";
        formula.count(side.high_employees) << " jobs, " << side.high_share_text << ".";
        if (side.has_wage_exposure) {
          formula << " Wage exposure, from their own 2025 median where ONS publishes it (";
          formula.count(side.wage_employees) << " jobs): " << millions(side.wage_exposure_gbp) << ".";
        }
        add(detail::concat({side.title, ": employee jobs and mean exposure"}),
            detail::concat({side.employees_text, " employee jobs, mean ", side.mean_score_text}), kSourceAsheSexPattern,
            sex ? "each unit group's female and male jobs, or its nearest parent code's"
                : "each unit group's full-time and part-time jobs, or its nearest parent code's",
            true, sex, formula.take(), detail::concat({"UK, ", side.title}));
      }
      break;
    }
    case BreakdownKind::Industry:
      for (const IndustryRow& row : industry_breakdown(scorer, data).rows) {
        Text formula;
        if (row.scored) {
          formula.mean("people", row.people, row.mean_score10) << " over ";
          formula.plural(row.cells, "published cell", "published cells") << " of scored unit groups, shown as "
                                                                          << row.mean_score_text << "; ";
        }
        formula << std::to_string(row.small_sample_cells) << " are small samples ONS marks for caution. The cells hold "
                << row.covered_text << " of the section's ";
        formula.count(row.total_people) << " people in employment. Left out: ";
        formula.plural(row.unscored_cells, "cell", "cells") << " of unscored unit groups and ";
        formula.plural(row.withheld_cells, "cell", "cells") << " ONS withholds.";
        const std::string name = detail::concat({row.group, " ", row.title});
        add(detail::concat({name, ": mean exposure"}),
            detail::concat({"mean ", row.mean_score_text, " over ", row.people_text, " people"}), kSourceApsIndustry,
            detail::concat({"section ", row.group, " in 2024"}), false, false, formula.take(),
            detail::concat({"UK, industry ", name}));
      }
      break;
    case BreakdownKind::Region:
      for (const RegionRow& row : region_breakdown(scorer, data).rows) {
        Text formula;
        if (row.scored) {
          formula.mean("people", row.people, row.mean_score10) << " over ";
          formula.plural(row.minor_groups, "minor group", "minor groups")
              << ", each with its minor group's score, shown as " << row.mean_score_text << ". ";
        }
        formula << "Left out: ";
        formula.plural(row.unscored_minor_groups, "minor group", "minor groups") << " without a score and ";
        formula.plural(row.missing_minor_groups, "minor group", "minor groups") << " without a figure.";
        add(detail::concat({row.title, ": mean exposure"}),
            detail::concat({"mean ", row.mean_score_text, " over ", row.people_text, " people"}), kSourceApsRegion,
            detail::concat({row.title, " in 2024"}), true, false, formula.take(), detail::concat({"UK, ", row.title}));
      }
      break;
    case BreakdownKind::Pay: {
      const PayBreakdown pay = pay_breakdown(scorer, data);
      for (const PayRow& row : pay.rows) {
        Text formula;
        if (row.scored) {
          formula.mean("jobs", row.employees, row.mean_score10) << " over the ";
          formula.plural(row.occupations, "unit group", "unit groups")
              << " whose median pay (" << row.pay_range_text << ") puts the midpoint of their employees in this tenth, "
              << "shown as " << row.mean_score_text << ". Wage exposure " << millions(row.wage_exposure_gbp) << ": "
              << row.wage_share_text << " of the " << millions(pay.wage_exposure_gbp) << " of all ten tenths.";
        }
        add(detail::concat({row.title, ": mean exposure"}),
            detail::concat({"mean ", row.mean_score_text, " over ", row.employees_text, " employee jobs"}), kSourceAshe,
            "the employees and median pay of every unit group", false, false, formula.take(),
            detail::concat({"UK, ", row.title, " by pay"}));
      }
      break;
    }
  }
  return out;
}

}  // namespace aiexp
