// The embind registration of the UK AI Exposure module: one table of names. Conversions live in
// convert.cpp and the method bodies in api.cpp; aiexp.d.ts declares the same names in the same order.
#include <emscripten/bind.h>

#include "api.h"
#include "convert.h"

using namespace emscripten;
using namespace aiexp::js;
using aiexp::Engine;

EMSCRIPTEN_BINDINGS(uk_ai_exposure) {
  value_object<StatusJs>("Status")
      .field("ok", &StatusJs::ok)
      .field("code", &StatusJs::code)
      .field("message", &StatusJs::message);

  value_object<UnitGroupInfoJs>("UnitGroupInfo")
      .field("soc", &UnitGroupInfoJs::soc)
      .field("title", &UnitGroupInfoJs::title)
      .field("majorGroup", &UnitGroupInfoJs::majorGroup)
      .field("hasEmployees", &UnitGroupInfoJs::hasEmployees)
      .field("employees", &UnitGroupInfoJs::employees)
      .field("employeesText", &UnitGroupInfoJs::employeesText)
      .field("hasMedianPay", &UnitGroupInfoJs::hasMedianPay)
      .field("medianPayGbp", &UnitGroupInfoJs::medianPayGbp)
      .field("medianPayText", &UnitGroupInfoJs::medianPayText)
      .field("bridgeGrade", &UnitGroupInfoJs::bridgeGrade);

  value_object<MajorGroupJs>("MajorGroup")
      .field("code", &MajorGroupJs::code)
      .field("title", &MajorGroupJs::title);

  value_object<RowJs>("Row")
      .field("soc", &RowJs::soc)
      .field("scored", &RowJs::scored)
      .field("score10", &RowJs::score10)
      .field("scoreText", &RowJs::scoreText)
      .field("band", &RowJs::band)
      .field("bandKey", &RowJs::bandKey)
      .field("hasWageExposure", &RowJs::hasWageExposure)
      .field("wageExposureGbp", &RowJs::wageExposureGbp)
      .field("wageExposureText", &RowJs::wageExposureText)
      .field("rankPercent", &RowJs::rankPercent)
      .field("rangeScored", &RowJs::rangeScored)
      .field("rangeMin10", &RowJs::rangeMin10)
      .field("rangeMax10", &RowJs::rangeMax10)
      .field("rangeText", &RowJs::rangeText)
#ifdef AIEXP_PAGE_BUILD
      // The table's optional columns of the other measures: the page's only.
      .field("ilo2025Text", &RowJs::ilo2025Text)
      .field("ilo2023Text", &RowJs::ilo2023Text)
      .field("microsoftText", &RowJs::microsoftText)
#endif
      ;

  value_object<TotalsJs>("Totals")
      .field("unitGroups", &TotalsJs::unitGroups)
      .field("scored", &TotalsJs::scored)
      .field("rankSet", &TotalsJs::rankSet)
      .field("employees", &TotalsJs::employees)
      .field("employeesText", &TotalsJs::employeesText)
      .field("meanScore10", &TotalsJs::meanScore10)
      .field("meanScoreText", &TotalsJs::meanScoreText)
      .field("wageExposureGbp", &TotalsJs::wageExposureGbp)
      .field("wageExposureText", &TotalsJs::wageExposureText)
      .field("wageExposureGroups", &TotalsJs::wageExposureGroups)
      .field("distributionText", &TotalsJs::distributionText);

  value_object<SearchResultJs>("SearchResult")
      .field("soc", &SearchResultJs::soc)
      .field("title", &SearchResultJs::title)
      .field("matchedTitle", &SearchResultJs::matchedTitle)
      .field("qualifier", &SearchResultJs::qualifier);

  value_object<TaskLineJs>("TaskLine")
      .field("id", &TaskLineJs::id)
      .field("onet", &TaskLineJs::onet)
      .field("text", &TaskLineJs::text)
      .field("label", &TaskLineJs::label)
      .field("labelText", &TaskLineJs::labelText)
      .field("sourceLabel", &TaskLineJs::sourceLabel)
      .field("labelOverridden", &TaskLineJs::labelOverridden)
      .field("weight", &TaskLineJs::weight)
      .field("weightOverridden", &TaskLineJs::weightOverridden)
      .field("excluded", &TaskLineJs::excluded)
      .field("importanceKnown", &TaskLineJs::importanceKnown)
      .field("importance", &TaskLineJs::importance)
      .field("importanceText", &TaskLineJs::importanceText);

  value_object<StartLineJs>("StartLine")
      .field("task", &StartLineJs::task)
      .field("note", &StartLineJs::note);

  value_object<OnetLineJs>("OnetLine")
      .field("code", &OnetLineJs::code)
      .field("title", &OnetLineJs::title)
      .field("bridgeWeight", &OnetLineJs::bridgeWeight)
      .field("scored", &OnetLineJs::scored)
      .field("score10", &OnetLineJs::score10)
      .field("taskCount", &OnetLineJs::taskCount)
      .field("ratedCount", &OnetLineJs::ratedCount);

  function("errorStatus", &error_status);
  function("grammar", &grammar);
#ifdef AIEXP_PAGE_BUILD
  function("bands", &bands);
  function("bandOf", &band_of);
#endif

  const auto& engine = class_<Engine>("Engine")
      .constructor<>()
      .function("loadBundle", &load_bundle)
      .function("loadDetails", &load_details)
      .function("loadTextPart", &load_text_part)
      .function("loadTitles", &load_titles)
      .function("hasDetails", &has_details)
      .function("hasTitles", &has_titles)
      .function("setAssumptions", &set_assumptions)
      .function("assumptions", &assumptions)
      .function("defaultAssumptions", &default_assumptions)
      .function("unitGroups", &unit_groups)
      .function("majorGroups", &major_groups)
      .function("rows", &rows)
      .function("rowsAt", &rows_at)
      .function("figureColumns", &figure_columns)
      .function("totals", &totals)
      .function("report", &report)
      .function("missingTextParts", &missing_text_parts)
      .function("search", &search)
      .function("encodeState", &encode_state)
      .function("decodeState", &decode_state);
#ifdef AIEXP_PAGE_BUILD
  // The page's CSV exports, provenance panels, dataset record and breakdowns only: the widget's build (size) leaves
  // them and the core code behind them out.
  engine.function("tableCsv", &table_csv)
      .function("tasksCsv", &tasks_csv)
      .function("sources", &sources)
      .function("provenance", &provenance)
      .function("taskProvenance", &task_provenance)
      .function("totalsProvenance", &totals_provenance)
      .function("measures", &measures)
      .function("measureColumns", &measure_columns)
      .function("agreement", &agreement)
      .function("iloTasks", &ilo_tasks)
      .function("majorGroupSummaries", &major_group_summaries)
      .function("totalsAtOrAbove", &totals_at_or_above)
      .function("loadBreakdowns", &load_breakdowns)
      .function("hasBreakdowns", &has_breakdowns)
      .function("sexBreakdown", &sex_breakdown)
      .function("patternBreakdown", &pattern_breakdown)
      .function("industryBreakdown", &industry_breakdown)
      .function("regionBreakdown", &region_breakdown)
      .function("payBreakdown", &pay_breakdown)
      .function("roleBreakdown", &role_breakdown)
      .function("breakdownProvenance", &breakdown_provenance)
      .function("breakdownCsv", &breakdown_csv);
#else
  (void)engine;
#endif
}
