// SOURCES.md, COVERAGE.md and bundle.meta.json (reports.h).
#include "aiexp/pipeline/reports.h"
#include "aiexp/score.h"
#include "aiexp/pipeline/measures.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "aiexp/bridge.h"
#include "aiexp/format.h"
#include "aiexp/report.h"
#include "aiexp/pipeline/sha256.h"
#include "aiexp/pipeline/sources.h"

namespace aiexp::pipeline {

namespace {

// Markdown table cells must not contain a bare '|'.
std::string cell(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '|') out += "\\|";
    else out.push_back(c);
  }
  return out;
}

std::string count(std::size_t value) { return format_count(static_cast<double>(value)); }

std::string ashe_cell(const AsheFigure& figure, bool money) {
  if (figure.published()) return money ? format_gbp(figure.value) : format_employees_k(figure.value);
  return std::string(ashe_marker_text(figure.marker)) + " (`" + std::string(ashe_marker_name(figure.marker)) + "`)";
}

}  // namespace

const std::vector<SourceInfo>& source_catalog() {
  static const std::vector<SourceInfo> kCatalog = {
      {"labels", source_path::kLabelSet, "GPTs are GPTs task exposure labels (full_labelset.tsv)",
       "Eloundou, Manning, Mishkin & Rock (OpenAI, OpenResearch, University of Pennsylvania), 2023; Science 2024",
       "openai/GPTs-are-GPTs at commit 0471612", "MIT (copyright 2024 OpenAI); the task statements in it are O*NET content, CC BY 4.0",
       "task labels of all three sources (gpt4, human, gpt4_alt), task types (Core/Supplemental), task statements"},
      {"importance", source_path::kTaskImportance, "O*NET Task Ratings, importance scale (IM): a partial extract",
       "National Center for O*NET Development for the US Department of Labor (USDOL/ETA)",
       "O*NET 30.1 (2,494 rows) and 29.0 (9 rows)", "CC BY 4.0",
       "task importance for the importance weighting and the importance shown beside each task"},
      {"onet_occupations", source_path::kOnetOccupations, "O*NET Occupation Data", "National Center for O*NET Development (USDOL/ETA)",
       "O*NET 29.3, May 2025", "CC BY 4.0", "O*NET occupation titles"},
      {"task_statements", source_path::kTaskStatements, "O*NET Task Statements", "National Center for O*NET Development (USDOL/ETA)",
       "O*NET 29.3, May 2025", "CC BY 4.0",
       "the coverage check of labelled tasks against the current release (COVERAGE.md); nothing in the bundle"},
      {"ashe", source_path::kAshe, "Annual Survey of Hours and Earnings, Table 14.7a (annual gross pay by SOC 2020 unit group) "
       "with the coefficients of variation of Table 14.7b",
       "Office for National Statistics", "2025 provisional (released 23 October 2025, corrected 19 December 2025)",
       "Open Government Licence v3.0", "employees (thousands) and median annual gross pay, with ONS suppression markers, "
       "and ONS's CV of each (the precision readings and 95% intervals)"},
      {"soc_structure", source_path::kSocStructure, "SOC 2020 Volume 1: structure and descriptions of unit groups",
       "Office for National Statistics", "workbook dated 16 April 2025", "Open Government Licence v3.0",
       "unit group codes, titles and descriptions; major group titles"},
      {"coding_index", source_path::kCodingIndex, "SOC 2020 Volume 2: the coding index", "Office for National Statistics",
       "Version 13, 3 December 2025", "Open Government Licence v3.0",
       "the ISCO-08 code of each index entry (first step of the bridge) and the job titles of the role search"},
      {"isco_soc2010", source_path::kIscoToSoc2010, "ISCO-08 to 2010 SOC crosswalk",
       "US Bureau of Labor Statistics for the SOC Policy Committee", "August 2012, updated June 2015",
       "US government work, public domain in the US", "bridge step ISCO-08 -> US SOC 2010"},
      {"soc2010_soc2018", source_path::kSoc2010To2018, "2010 SOC to 2018 SOC crosswalk", "US Bureau of Labor Statistics",
       "November 2017", "US government work, public domain in the US", "bridge step US SOC 2010 -> US SOC 2018"},
      {"onet_soc2018", source_path::kOnetToSoc2018, "O*NET-SOC 2019 to 2018 SOC crosswalk",
       "National Center for O*NET Development (USDOL/ETA)", "O*NET-SOC 2019 taxonomy",
       "published by USDOL/ETA (O*NET content is CC BY 4.0)", "bridge step US SOC 2018 -> O*NET-SOC 2019"},
      {"ilo_tasks", source_path::kIloTasks,
       "Generative AI and Jobs: A Refined Global Index of Occupational Exposure, task-level scores by ISCO-08 "
       "(Final_Scores_ISCO08_Gmyrek_et_al_2025.xlsx, converted to CSV)",
       "Gmyrek, Berg, Kaminski, Konopczynski, Ladna, Nafradi, Roslaniec & Troszynski, ILO Working Paper 140 "
       "(International Labour Office and NASK), 2025",
       "pgmyrek/2025_GenAI_scores_ISCO08 at commit 6601522",
       "CC BY 4.0 (c) International Labour Organization 2025; adapted here (bridged to UK SOC 2020), not endorsed by "
       "the ILO",
       "the ILO 2025 and 2023 measures (occupation means recomputed from the task scores), the ILO exposure "
       "gradient, and the ILO tasks with the models' reasons"},
      {"microsoft_scores", source_path::kMicrosoftScores, "Working with AI: AI applicability score per US SOC 2018 occupation",
       "Tomlinson, Jaffe, Wang, Counts & Suri (Microsoft Research), arXiv 2507.07935, 2025",
       "microsoft/working-with-ai at commit 84c4eba", "CC BY 4.0",
       "the Microsoft applicability measure (each score recomputed from the three files below)"},
      {"microsoft_iwa_metrics", source_path::kMicrosoftIwaMetrics, "Working with AI: metrics per O*NET intermediate work activity",
       "Tomlinson et al. (Microsoft Research), 2025", "microsoft/working-with-ai at commit 84c4eba", "CC BY 4.0",
       "the recompute of the applicability scores: activity shares, completion rates and impact scopes"},
      {"microsoft_iwa_weights", source_path::kMicrosoftIwaWeights, "Working with AI: IWA weights per occupation",
       "Tomlinson et al. (Microsoft Research), 2025", "microsoft/working-with-ai at commit 84c4eba",
       "CC BY 4.0 (from O*NET 29.0 content, CC BY 4.0)", "the recompute of the applicability scores: weights"},
      {"microsoft_soc_to_iwas", source_path::kMicrosoftSocToIwas, "Working with AI: occupation to IWA pairs",
       "Tomlinson et al. (Microsoft Research), 2025", "microsoft/working-with-ai at commit 84c4eba", "CC BY 4.0",
       "the recompute of the applicability scores: which IWAs each occupation has"},
      {"ashe_2024_sex_pattern", source_path::kAsheSexPattern2024,
       "Annual Survey of Hours and Earnings, Table 14.7a (annual gross pay) by sex and working pattern, all nine "
       "sheets, with the coefficients of variation of Table 14.7b (extract of the two workbooks)",
       "Office for National Statistics", "2024 provisional", "Open Government Licence v3.0",
       "each unit group's female/male and full-time/part-time shares of employee jobs (from the nearest SOC 2020 "
       "code that publishes both sides), applied to its 2025 employees in the breakdowns by sex and working pattern"},
      {"ashe_2025_sex_medians", source_path::kAsheSexMedians2025,
       "Annual Survey of Hours and Earnings, Table 14.7a: median and mean annual gross pay by sex and full-time "
       "(third-party parse of the ONS workbook, kncube-stack/uk-earnings at commit 480a1f4)",
       "Office for National Statistics", "2025 provisional", "Open Government Licence v3.0",
       "women's and men's median pay per unit group, for the wage exposure of the breakdown by sex (its \"all\" "
       "medians are checked against Table 14.7a above)"},
      {"aps_industry", source_path::kApsIndustry,
       "Employment by 4-digit SOC 2020 and 1-digit industry (SIC 2007 sections A to S), UK, 2021 to 2024: "
       "Annual Population Survey ad hoc release (extract of the workbook created 14 November 2025)",
       "Office for National Statistics", "January to December 2024 (2021 to 2023 read and checked, not used)",
       "Open Government Licence v3.0",
       "people in employment (self-employed included) per unit group and section, and each section's total, for the "
       "breakdown by industry"},
      {"aps_region", source_path::kApsRegion,
       "Annual Population Survey: people in employment by SOC 2020 minor group and UK nation or ITL1 region "
       "(third-party parse of a Nomis export, PMOLDN/ukjobs at commit 3db7a2e)",
       "Office for National Statistics (via Nomis)", "January to December 2024", "Open Government Licence v3.0",
       "people in employment (self-employed included) per minor group in each of the 12 nations and regions, for "
       "the breakdown by region"},
  };
  return kCatalog;
}

std::string render_sources(const std::vector<SourceFile>& files) {
  std::string md;
  md += "# Sources of the data bundle\n\n";
  md += "Generated by `ukexp build-data`; do not edit by hand. Every figure the calculator shows is derived from\n";
  md += "the files below by the project's C++ pipeline (`pipeline/`), which reads them from the shared sources\n";
  md += "folder and never copies them. The digests identify the exact files each build read.\n\n";
  md += "| file | what it is | publisher | version | licence | feeds | bytes | sha256 |\n";
  md += "|---|---|---|---|---|---|---|---|\n";
  for (const SourceFile& file : files) {
    const SourceInfo& info = *file.info;
    md += "| `" + std::string(info.path) + "` | " + cell(info.title) + " | " + cell(info.publisher) + " | " +
          cell(info.version) + " | " + cell(info.licence) + " | " + cell(info.feeds) + " | " + count(file.bytes) +
          " | `" + file.sha256 + "` |\n";
  }
  md += "\n## Sources present but not read\n\n";
  md += "- `uk/ashe_2024_prov_table14_7a.csv`: the previous year's ASHE; the calculator shows 2025 figures only (its\n";
  md += "  2024 shares by sex and working pattern come from the nine-sheet extract above).\n";
  md += "- `uk/original/*.xlsx`: the ONS workbooks the 2024 ASHE and APS industry extracts were made from.\n";
  md += "- `xwalk/bls_isco08_soc2010_crosswalk.soc2010_to_isco08.csv`: the same pairs as the ISCO-08 to SOC 2010 sheet.\n";
  md += "- `xwalk/twalstrum_bls_soc_2010_2018_refined.csv`: the BLS SOC 2010 to 2018 pairs with an equal split; the\n";
  md += "  bundle weights O*NET occupations itself (SCORING.md section 3).\n";
  md += "- `xwalk/onetsoc2010_to_onetsoc2019_crosswalk.csv`: the label set already uses O*NET-SOC 2019 codes.\n";
  md += "- the `.xls`/`.xlsx` originals of the converted crosswalk CSV files, and O*NET's `Read Me.txt`,\n";
  md += "  `Scales Reference.txt` and `Task Categories.txt` (reference only).\n";
  md += "- `ilo/Final_Scores_ISCO08_Gmyrek_et_al_2025.xlsx`: the original of the converted ILO CSV.\n";
  md += "- `microsoft/soc_metrics.csv`: Microsoft's further per-occupation figures; the calculator shows the applicability\n";
  md += "  score only. `microsoft/LICENSE.txt` and `NOTICE.md`: the licence (CC BY 4.0) and its notice.\n";
  md += "\n## Attribution\n\n";
  md += "- This product includes information from the O*NET 29.3 Database (and O*NET 29.0 and 30.1 task ratings) by\n";
  md += "  the U.S. Department of Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0\n";
  md += "  license. O*NET® is a trademark of USDOL/ETA. USDOL/ETA has not approved, endorsed or tested this product.\n";
  md += "- Source: Office for National Statistics, licensed under the Open Government Licence v3.0.\n";
  md += "- The breakdowns by sex, working pattern, industry and region use ONS's ASHE 2024 and 2025 tables and the\n";
  md += "  Annual Population Survey 2024 (Crown copyright, the same licence); the shares, means and apportioned counts\n";
  md += "  are the calculator's estimates from them, not figures ONS publishes.\n";
  md += "- Task exposure labels: Eloundou, T., Manning, S., Mishkin, P. and Rock, D., \"GPTs are GPTs: Labor market\n";
  md += "  impact potential of LLMs\", Science 384 (2024); data released under the MIT licence.\n";
  md += "- Crosswalks between ISCO-08 and US SOC: US Bureau of Labor Statistics.\n";
  md += "- " + std::string(measure_attribution(Measure::Ilo2025)) + " " + std::string(kIloAdaptationNotice) + "\n";
  md += "- " + std::string(measure_attribution(Measure::Microsoft)) + "\n";
  return md;
}

std::string render_coverage(const CoverageInputs& inputs, const BuildSummary& summary) {
  const Bundle& bundle = inputs.bundle;
  std::string md;
  md += "# Coverage of the data bundle\n\n";
  md += "Generated by `ukexp build-data` (build `" + summary.build + "`); do not edit by hand. It says what the\n";
  md += "bundle covers and, where it cannot score or show a figure, why. Scores here use the default assumptions.\n\n";

  int employees = 0;
  int pay = 0;
  int either = 0;
  for (const UnitGroup& group : bundle.unit_groups) {
    employees += group.employees_k.published();
    pay += group.median_pay_gbp.published();
    either += group.employees_k.published() || group.median_pay_gbp.published();
  }
  std::set<std::uint32_t> modal_onets;
  for (const UnitGroup& group : bundle.unit_groups) {
    if (group.isco.empty()) continue;
    for (std::uint32_t onet : bundle.isco[group.isco.front().isco].onets) modal_onets.insert(onet);
  }
  std::size_t not_in_release = 0;
  for (std::size_t t = 0; t < bundle.tasks.size(); ++t) {
    if (!inputs.statements.count({bundle.onets[bundle.tasks.onet[t]].code, bundle.tasks.id[t]})) ++not_in_release;
  }
  std::size_t unmatched_importance = 0;
  for (const auto& [key, value] : inputs.importance) {
    const auto task = bundle.find_task(key.second);
    if (!task || bundle.onets[bundle.tasks.onet[*task]].code != key.first) ++unmatched_importance;
  }

  md += "## Summary\n\n| what | count |\n|---|---|\n";
  md += "| SOC 2020 unit groups | " + count(bundle.unit_groups.size()) + " |\n";
  md += "| scored, default bridge (modal ISCO-08 code) | " + count(summary.scored) + " |\n";
  md += "| scored, blended bridge (all ISCO-08 codes by share) | " + count(summary.scored_blend) + " |\n";
  md += "| with ASHE 2025 employees | " + count(employees) + " |\n";
  md += "| with ASHE 2025 median pay | " + count(pay) + " |\n";
  md += "| with at least one ASHE 2025 figure | " + count(either) + " |\n";
  md += "| scored and with at least one ASHE figure (N of the rank sentence) | " + count(summary.rank_set) + " |\n";
  md += "| labelled O*NET occupations | " + count(bundle.onets.size()) + " |\n";
  md += "| of which reached by the default bridge | " + count(modal_onets.size()) + " |\n";
  md += "| labelled tasks | " + count(bundle.tasks.size()) + " |\n";
  md += "| of which with an O*NET importance (IM) value | " + count(summary.rated_tasks) + " |\n";
  md += "| of which without one (weighted by their occupation's mean IM, or 1, under `importance`) | " +
        count(bundle.tasks.size() - summary.rated_tasks) + " |\n";
  md += "| labelled tasks whose id is not in O*NET 29.3 Task Statements (older release; text kept from the label set) | " +
        count(not_in_release) + " |\n";
  md += "| importance values for tasks not in the label set (unused) | " + count(unmatched_importance) + " |\n";
  md += "| BLS crosswalk rows on 3-digit ISCO-08 minor groups (skipped) | " + count(inputs.skipped_minor_groups) + " |\n";
  md += "| job titles in the role search | " + count(summary.job_titles) + " |\n";

  md += "\n## Unit groups not scored by the default bridge\n\n";
  md += "| SOC 2020 | title | reason | scored by the blended bridge |\n|---|---|---|---|\n";
  std::size_t unscored = 0;
  for (const UnitGroup& group : bundle.unit_groups) {
    const auto shares = inputs.shares.find(group.soc);
    const IscoShares none;
    const std::string reason = unscored_reason(shares == inputs.shares.end() ? none : shares->second, inputs.links);
    if (reason.empty()) continue;
    ++unscored;
    bool blend = false;
    for (const IscoShare& share : group.isco) blend = blend || !bundle.isco[share.isco].onets.empty();
    md += "| " + group.soc + " | " + cell(group.title) + " | " + cell(reason) + " | " + (blend ? "yes" : "no") + " |\n";
  }
  if (unscored == 0) md += "| | every unit group is scored | | |\n";

  md += "\n## Other measures\n\n";
  md += "The ILO's 2025 and 2023 indexes and Microsoft's AI applicability (SCORING.md section 7) reach a unit group\n";
  md += "through its modal ISCO-08 code (or, blended, every code by its share of index entries): the ILO index scores\n";
  md += "ISCO-08 codes directly, Microsoft's through the US SOC 2010 and SOC 2018 codes of the BLS crosswalks. Rank\n";
  md += "agreement is Spearman's correlation with the Eloundou score over the unit groups both score.\n\n";
  md += "| measure | scored, default bridge | scored, blended bridge | rank agreement with Eloundou |\n|---|---|---|---|\n";
  {
    Scorer scorer(bundle);
    Assumptions blend;
    blend.bridge = BridgeMode::Blend;
    Scorer blended(bundle);
    (void)blended.set(blend);
    for (std::size_t m = 1; m < kMeasureCount; ++m) {
      const Measure measure = kMeasures[m];
      const auto scored = [&](const Scorer& s) {
        int n = 0;
        for (const UnitGroupFigures& figures : s.figures(measure)) n += figures.scored;
        return n;
      };
      const RankAgreement agreement = scorer.agreement(measure);
      md += "| " + std::string(measure_title(measure)) + " | " + count(scored(scorer)) + " | " + count(scored(blended)) +
            " | " + format_decimal(agreement.rho, 2) + " over " + count(agreement.pairs) + " |\n";
    }
    md += "\n| SOC 2020 | title | modal ISCO-08 | ILO 2025 | Microsoft |\n|---|---|---|---|---|\n";
    int missed = 0;
    for (std::uint32_t g = 0; g < bundle.unit_groups.size(); ++g) {
      const UnitGroup& group = bundle.unit_groups[g];
      const bool ilo = scorer.figures(Measure::Ilo2025)[g].scored;
      const bool microsoft = scorer.figures(Measure::Microsoft)[g].scored;
      if (ilo && microsoft) continue;
      ++missed;
      std::string isco_text = "none";
      std::string ilo_reason = "no coding-index entry gives an ISCO-08 code";
      std::string microsoft_reason = ilo_reason;
      if (!group.isco.empty()) {
        const IscoGroup& isco = bundle.isco[group.isco.front().isco];
        isco_text = isco.code + " " + isco.title;
        ilo_reason = "not in the ILO index";
        if (isco.soc2010.empty()) {
          microsoft_reason = "no US SOC 2010 counterpart in the BLS crosswalk";
        } else if (isco.soc2018.empty()) {
          microsoft_reason = "its SOC 2010 codes have no SOC 2018 successor";
        } else {
          std::string codes;
          for (const std::string& code : isco.soc2018) codes += (codes.empty() ? "" : ", ") + code;
          microsoft_reason = "Microsoft scores none of its SOC 2018 codes (" + codes + ")";
        }
      }
      md += "| " + group.soc + " | " + cell(group.title) + " | " + cell(isco_text) + " | " +
            (ilo ? "scored" : cell(ilo_reason)) + " | " + (microsoft ? "scored" : cell(microsoft_reason)) + " |\n";
    }
    if (missed == 0) md += "| | every unit group is scored by both | | | |\n";
  }

  {
    const BreakdownSummary& b = inputs.breakdowns;
    md += "\n## Breakdowns by sex, working pattern, industry and region\n\n";
    md += "A unit group's female/male and full-time/part-time shares are those of its ASHE 2024 provisional jobs; where\n";
    md += "2024 does not publish both sides for it, the first of its minor, sub-major and major group that does. The\n";
    md += "shares are applied to its 2025 employees: apportioned estimates, not published counts. Industry and region\n";
    md += "figures are the Annual Population Survey's people in employment in 2024 (self-employed included).\n\n";
    md += "| share from | unit groups (sex) | unit groups (working pattern) |\n|---|---|---|\n";
    static constexpr const char* kLevels[] = {"the unit group itself", "its minor group (3 digits)",
                                              "its sub-major group (2 digits)", "its major group (1 digit)"};
    for (std::size_t level = 0; level < kSplitLevels; ++level) {
      md += "| " + std::string(kLevels[level]) + " | " + count(b.sex_levels[level]) + " | " +
            count(b.pattern_levels[level]) + " |\n";
    }
    md += "| no level publishes both sides | " + count(b.sex_none) + " | " + count(b.pattern_none) + " |\n\n";
    md += "| APS 2024 | count |\n|---|---|\n";
    md += "| published unit group x industry section cells | " + count(b.industry_cells) + " |\n";
    md += "| of which shaded by ONS as small samples (use with caution) | " + count(b.industry_small_cells) + " |\n";
    md += "| minor group x nation or region cells with a figure | " + count(b.region_cells) + " of " +
          count(b.region_table_cells) + " |\n";
  }

  md += "\n## Unit groups without an ASHE 2025 figure\n\n";
  md += "Where ASHE suppresses a figure the calculator says so and leaves the unit group out of the totals that need it.\n\n";
  md += "| SOC 2020 | title | employees | median pay |\n|---|---|---|---|\n";
  for (const UnitGroup& group : bundle.unit_groups) {
    if (group.employees_k.published() && group.median_pay_gbp.published()) continue;
    md += "| " + group.soc + " | " + cell(group.title) + " | " + ashe_cell(group.employees_k, false) + " | " +
          ashe_cell(group.median_pay_gbp, true) + " |\n";
  }

  md += "\n## Precision of the ASHE 2025 figures\n\n";
  md += "ONS's own reading of each estimate from the coefficient of variation it publishes (Table 14.7b): CV up to 5%\n";
  md += "precise, up to 10% reasonably precise, up to 20% acceptable (use with caution); above 20% ONS does not publish\n";
  md += "the estimate. The calculator shows the reading and the approximate 95% interval (± 1.96 × CV × the estimate).\n\n";
  md += "| reading | employees | median pay |\n|---|---|---|\n";
  {
    constexpr AsheQuality kQualities[] = {AsheQuality::Precise, AsheQuality::ReasonablyPrecise, AsheQuality::Acceptable,
                                          AsheQuality::Unreliable, AsheQuality::NoCv};
    for (const AsheQuality quality : kQualities) {
      int of_employees = 0;
      int of_pay = 0;
      for (const UnitGroup& group : bundle.unit_groups) {
        of_employees += ashe_quality(group.employees_k.cv_tenths) == quality;
        of_pay += ashe_quality(group.median_pay_gbp.cv_tenths) == quality;
      }
      const std::string_view text = ashe_quality_text(quality);
      md += "| " + (text.empty() ? std::string("no CV given") : std::string(text)) + " | " + count(of_employees) + " | " +
            count(of_pay) + " |\n";
    }
  }

  md += "\n## Bridge quality\n\n";
  md += "How cleanly each unit group maps onto the O*NET occupations behind its score, on the default (modal) bridge.\n";
  md += "**Good**: the modal ISCO-08 code carries at least 75% of the group's coded index entries and reaches 1 to 3\n";
  md += "labelled O*NET occupations. **Weak**: it reaches none, or carries under 50% of the entries, or reaches more than\n";
  md += "10 occupations (a broad ISCO-08 group averaged over many US jobs). **Partial**: the rest. The share of tasks\n";
  md += "with a real O*NET importance is shown beside the grade but does not enter it: it matters only under the\n";
  md += "importance weighting, where unrated tasks count at their occupation's mean importance.\n\n";
  std::vector<BridgeQuality> qualities;
  for (std::uint32_t g = 0; g < bundle.unit_groups.size(); ++g) qualities.push_back(bridge_quality(bundle, g));
  md += "| grade | unit groups | ASHE employees (thousands) |\n|---|---|---|\n";
  for (const BridgeGrade grade : {BridgeGrade::Good, BridgeGrade::Partial, BridgeGrade::Weak}) {
    int groups = 0;
    std::int64_t thousands = 0;
    for (std::uint32_t g = 0; g < bundle.unit_groups.size(); ++g) {
      if (qualities[g].grade != grade) continue;
      ++groups;
      if (bundle.unit_groups[g].employees_k.published()) thousands += bundle.unit_groups[g].employees_k.value;
    }
    md += "| " + std::string(bridge_grade_name(grade)) + " | " + count(groups) + " | " + count(thousands) + " |\n";
  }
  md += "\n| SOC 2020 | title | grade | modal ISCO-08 | its share of coded entries | O*NET occupations | tasks rated |\n";
  md += "|---|---|---|---|---|---|---|\n";
  for (std::uint32_t g = 0; g < bundle.unit_groups.size(); ++g) {
    const UnitGroup& group = bundle.unit_groups[g];
    const BridgeQuality& q = qualities[g];
    const auto percent = [](double share) { return format_decimal(share * 100.0, 1) + "%"; };
    md += "| " + group.soc + " | " + cell(group.title) + " | " + std::string(bridge_grade_name(q.grade)) + " | " +
          (q.has_isco ? q.isco_code : "none") + " | " + (q.has_isco ? percent(q.isco_share) : "") + " | " +
          std::to_string(q.onet_count) + " | " +
          (q.task_count ? std::to_string(q.rated_count) + " of " + std::to_string(q.task_count) : "") + " |\n";
  }

  md += "\n## O*NET occupations reached by the default bridge\n\n";
  md += "| O*NET-SOC | title | tasks | with IM value | UK unit groups |\n|---|---|---|---|---|\n";
  std::map<std::uint32_t, std::vector<std::string>> groups_of_onet;
  for (const UnitGroup& group : bundle.unit_groups) {
    if (group.isco.empty()) continue;
    for (std::uint32_t onet : bundle.isco[group.isco.front().isco].onets) groups_of_onet[onet].push_back(group.soc);
  }
  for (std::uint32_t onet : modal_onets) {
    const OnetOccupation& occupation = bundle.onets[onet];
    int rated = 0;
    for (std::uint32_t t = occupation.first_task; t < occupation.first_task + occupation.task_count; ++t) {
      rated += bundle.tasks.im_hundredths[t] != 0;
    }
    std::string socs;
    for (const std::string& soc : groups_of_onet[onet]) socs += (socs.empty() ? "" : ", ") + soc;
    md += "| " + occupation.code + " | " + cell(occupation.title) + " | " + std::to_string(occupation.task_count) +
          " | " + std::to_string(rated) + " | " + socs + " |\n";
  }
  return md;
}

std::string render_meta(const std::vector<SourceFile>& files, const std::map<std::string, std::string>& outputs,
                        const BuildSummary& summary) {
  nlohmann::ordered_json meta;
  meta["schema"] = kBundleSchemaVersion;
  meta["kind"] = "meta";
  meta["build"] = summary.build;
  meta["generator"] = "ukexp build-data";
  nlohmann::ordered_json counts;
  counts["unit_groups"] = summary.unit_groups;
  counts["scored"] = summary.scored;
  counts["scored_blend"] = summary.scored_blend;
  counts["rank_set"] = summary.rank_set;
  counts["onets"] = summary.onets;
  counts["tasks"] = summary.tasks;
  counts["rated_tasks"] = summary.rated_tasks;
  counts["job_titles"] = summary.job_titles;
  counts["bridge_good"] = summary.bridge_good;
  counts["bridge_partial"] = summary.bridge_partial;
  counts["bridge_weak"] = summary.bridge_weak;
  meta["counts"] = counts;
  nlohmann::ordered_json sources = nlohmann::ordered_json::array();
  for (const SourceFile& file : files) {
    sources.push_back({{"path", file.info->path}, {"bytes", file.bytes}, {"sha256", file.sha256}});
  }
  meta["sources"] = sources;
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const auto& [path, contents] : outputs) {
    out.push_back({{"path", path}, {"bytes", contents.size()}, {"sha256", sha256_hex(contents)}});
  }
  meta["files"] = out;
  return meta.dump(2) + "\n";
}

}  // namespace aiexp::pipeline
