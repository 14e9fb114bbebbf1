// The functions behind each method of the JavaScript `Engine` (registered in bindings.cpp): unwrap the
// arguments, call the core Engine, convert the result. None of them throws or aborts on any input.
#pragma once

#include <string>

#include <emscripten/val.h>

#include "aiexp/engine.h"
#include "convert.h"

namespace aiexp::js {

// A failed Status for a code named by JavaScript (the loader reports download failures this way), so every
// message comes from status.cpp. An unknown name gives "invalid-option".
StatusJs error_status(const std::string& code, const std::string& detail);

// The names, aliases and bounds of every link parameter, widget attribute and CLI option (grammar.h).
val grammar();

// The page's only: the five bands in order ({ key, name, rangeText }[]), and the key of the band of a score as
// displayed (0-10; "" for NaN), so charts colour by the core's rule.
val bands();
std::string band_of(double score10_displayed);

// The data files, as a Uint8Array of their bytes (fast) or a string; anything else is InvalidOption.
StatusJs load_bundle(Engine& engine, const val& input);
StatusJs load_details(Engine& engine, const val& input);
StatusJs load_text_part(Engine& engine, const val& input);
StatusJs load_titles(Engine& engine, const val& input);
bool has_details(const Engine& engine);
bool has_titles(const Engine& engine);

StatusJs set_assumptions(Engine& engine, const val& input);
val assumptions(const Engine& engine);
val default_assumptions(const Engine& engine);

val unit_groups(const Engine& engine);  // UnitGroupInfo[]
val major_groups(const Engine& engine);  // MajorGroup[]
val rows(const Engine& engine);          // Row[]
val rows_at(const Engine& engine, const val& indices);  // Row[] of the listed indices, in their order
val figure_columns(const Engine& engine);  // FigureColumns
TotalsJs totals(const Engine& engine);
// The page's only: the nine major groups' totals (MajorGroupSummary[]) and those of the unit groups whose
// displayed headline is at least `min_score10` (PartTotals).
val major_group_summaries(const Engine& engine);
val totals_at_or_above(const Engine& engine, double min_score10);
val report(const Engine& engine, const std::string& soc);
// Where each figure of a role comes from (aiexp/provenance.h); empty for an unknown role or before a bundle is
// loaded. Apart from report(): the page asks for it only when a panel is open.
val provenance(const Engine& engine, const std::string& soc);
// Where the label and weight of the role's task `task_id` come from; null when the role has no such task.
val task_provenance(const Engine& engine, const std::string& soc, int task_id);
// The sources the bundle was built from, as the pipeline recorded them (Bundle::sources).
val sources(const Engine& engine);
// Where each UK total comes from (aiexp/provenance.h); empty before a bundle is loaded.
val totals_provenance(const Engine& engine);
val missing_text_parts(const Engine& engine, const std::string& soc);  // {ok, code, message, parts}
val search(const Engine& engine, const std::string& query, int limit);  // SearchResult[]

// Every measure's 0-10 score per unit group in bundle order ({eloundou, ilo2025, ...}: Float64Array, NaN where a
// measure does not score the group), and Spearman's agreement of a measure with the Eloundou score ({pairs, rho}).
val measures(const Engine& engine, const std::string& soc);  // {ok, code, message, measures}
val measure_columns(const Engine& engine);
val agreement(const Engine& engine, const std::string& measure);
// The ILO's tasks of one ISCO-08 code from its part (data/ilo/tasks-<code>.json), with display strings:
// {ok, code, message, isco, title, tasks: [{id, text, scoreText, score2023Text, gpt4oText, geminiText, reasonGpt4o,
// reasonGemini, reconciled}]}.
val ilo_tasks(const Engine& engine, const val& input);

// Who holds the exposed work (aiexp/breakdowns.h), the page's build only: their data file; one call per kind under
// the applied assumptions, each {ok, code, message, kind, caption, ...}; one provenance panel per group of a kind
// (Provenance[], empty for an unknown kind or before the data file); a kind's CSV ({ok, code, message, csv}).
StatusJs load_breakdowns(Engine& engine, const val& input);  // data/breakdowns.json, bytes or text
bool has_breakdowns(const Engine& engine);
val sex_breakdown(const Engine& engine);
val pattern_breakdown(const Engine& engine);
val industry_breakdown(const Engine& engine);
val region_breakdown(const Engine& engine);
val pay_breakdown(const Engine& engine);
val role_breakdown(const Engine& engine, const std::string& soc);  // the role page's line on who does the work
val breakdown_provenance(const Engine& engine, const std::string& kind);
val breakdown_csv(const Engine& engine, const std::string& kind);

std::string table_csv(const Engine& engine, const val& socs);
val tasks_csv(const Engine& engine, const std::string& soc);  // {ok, code, message, csv}

std::string encode_state(const Engine& engine, const std::string& soc, const val& compare);
val decode_state(const Engine& engine, const std::string& query);

}  // namespace aiexp::js
