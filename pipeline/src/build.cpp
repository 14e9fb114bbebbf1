// The data pipeline (build.h): reads the sources, assembles the Bundle, and renders every output file.
#include "aiexp/pipeline/build.h"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <optional>
#include <set>
#include <stdexcept>
#include <system_error>
#include <tuple>

#include <nlohmann/json.hpp>

#include "aiexp/bridge.h"
#include "aiexp/bundle.h"
#include "aiexp/ilo_tasks.h"
#include "aiexp/pipeline/breakdowns.h"
#include "aiexp/pipeline/bridge.h"
#include "aiexp/pipeline/measures.h"
#include "aiexp/pipeline/reports.h"
#include "aiexp/pipeline/sha256.h"
#include "aiexp/pipeline/sources.h"
#include "aiexp/score.h"
#include "aiexp/search.h"
#include "aiexp/text.h"

namespace aiexp::pipeline {

namespace fs = std::filesystem;

namespace {

std::string read_bytes(const fs::path& path, std::string_view display_name) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw SourceError(std::string(display_name), 0, "", "cannot open file (" + path.string() + ")");
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// O*NET occupations and their tasks, from the label set; codes ascending, tasks in label-set order.
void add_occupations(const std::vector<LabelledTask>& labelled, const std::map<std::string, std::string>& titles,
                     const std::map<std::pair<std::string, std::int32_t>, std::uint16_t>& importance,
                     Bundle& bundle, std::vector<std::string>& task_text) {
  const std::string label_file(source_path::kLabelSet);
  std::map<std::int32_t, std::size_t> line_of_id;
  std::map<std::string, std::vector<const LabelledTask*>> by_code;
  for (const LabelledTask& task : labelled) {
    const auto [it, inserted] = line_of_id.emplace(task.task_id, task.line);
    if (!inserted) {
      throw SourceError(label_file, task.line, "Task ID",
                        "task id " + std::to_string(task.task_id) + " already on line " + std::to_string(it->second));
    }
    by_code[task.onet_code].push_back(&task);
  }
  TaskTable& tasks = bundle.tasks;
  for (const auto& [code, rows] : by_code) {
    const auto title = titles.find(code);
    if (title == titles.end()) {
      throw SourceError(label_file, rows.front()->line, "O*NET-SOC Code",
                        code + " is not in " + std::string(source_path::kOnetOccupations));
    }
    OnetOccupation occupation{code, static_cast<std::uint32_t>(tasks.size()),
                              static_cast<std::uint32_t>(rows.size()), title->second};
    const auto onet_index = static_cast<std::uint32_t>(bundle.onets.size());
    for (const LabelledTask* row : rows) {
      tasks.id.push_back(row->task_id);
      tasks.onet.push_back(onet_index);
      tasks.type.push_back(row->type);
      const auto im = importance.find({code, row->task_id});
      tasks.im_hundredths.push_back(im == importance.end() ? 0 : im->second);
      for (std::size_t s = 0; s < kLabelSourceCount; ++s) tasks.label[s].push_back(row->labels[s]);
      task_text.push_back(row->text);
    }
    bundle.onets.push_back(std::move(occupation));
  }
}

// Unit groups from SOC 2020 Volume 1, joined to their ASHE row; major groups alongside.
void add_unit_groups(const std::vector<SocUnitGroup>& structure, const std::vector<AsheRow>& ashe, Bundle& bundle) {
  const std::string structure_file(source_path::kSocStructure);
  const std::string ashe_file(source_path::kAshe);
  std::map<std::string, const SocUnitGroup*> by_soc;
  std::map<int, std::string> majors;
  for (const SocUnitGroup& group : structure) {
    if (!by_soc.emplace(group.soc, &group).second) {
      throw SourceError(structure_file, group.line, "unit_group", group.soc + " listed twice");
    }
    const auto [it, inserted] = majors.emplace(group.major_group, group.major_group_title);
    if (!inserted && it->second != group.major_group_title) {
      throw SourceError(structure_file, group.line, "major_group_title", "differs from an earlier row's");
    }
  }
  std::map<std::string, const AsheRow*> ashe_by_soc;
  for (const AsheRow& row : ashe) {
    if (!by_soc.count(row.soc)) {
      throw SourceError(ashe_file, row.line, "soc2020", row.soc + " is not a SOC 2020 unit group");
    }
    if (!ashe_by_soc.emplace(row.soc, &row).second) {
      throw SourceError(ashe_file, row.line, "soc2020", row.soc + " listed twice");
    }
  }
  for (const auto& [code, title] : majors) bundle.major_groups.push_back({code, title});
  for (const auto& [soc, group] : by_soc) {
    const auto row = ashe_by_soc.find(soc);
    if (row == ashe_by_soc.end()) {
      throw SourceError(ashe_file, 0, "soc2020", "no row for unit group " + soc + " (" + group->title + ")");
    }
    UnitGroup unit_group;
    unit_group.soc = soc;
    unit_group.title = group->title;
    unit_group.employees_k = row->second->employees_k;
    unit_group.median_pay_gbp = row->second->median_pay_gbp;
    unit_group.description = group->description;
    bundle.unit_groups.push_back(std::move(unit_group));
  }
}

// ISCO-08 groups and each unit group's ISCO-08 shares (SCORING.md section 3).
std::map<std::string, IscoLink> add_bridge(const std::vector<CodingIndexEntry>& entries,
                                           const IscoCrosswalk& isco_to_soc2010,
                                           const std::vector<CodePair>& soc2010_to_soc2018,
                                           const std::vector<CodePair>& onet_to_soc2018,
                                           std::map<std::string, IscoShares>& shares, Bundle& bundle) {
  const std::string index_file(source_path::kCodingIndex);
  std::map<std::string, std::string> isco_titles;
  for (const CodingIndexEntry& entry : entries) {
    if (!entry.soc.empty() && !bundle.find_unit_group(entry.soc)) {
      throw SourceError(index_file, entry.line, "SOC_2020", entry.soc + " is not a SOC 2020 unit group");
    }
    if (entry.isco.empty()) continue;
    const auto [it, inserted] = isco_titles.emplace(entry.isco, entry.isco_title);
    if (!inserted && it->second != entry.isco_title) {
      throw SourceError(index_file, entry.line, "ISCO08_unit_group_title",
                        "differs from another entry's title for ISCO-08 " + entry.isco);
    }
  }
  std::set<std::string> labelled;
  for (const OnetOccupation& occupation : bundle.onets) labelled.insert(occupation.code);
  std::map<std::string, IscoLink> links =
      link_isco(isco_titles, isco_to_soc2010.pairs, soc2010_to_soc2018, onet_to_soc2018, labelled);

  for (const auto& [code, link] : links) {
    IscoGroup group;
    group.code = code;
    group.title = link.title;
    group.soc2010.assign(link.soc2010.begin(), link.soc2010.end());
    group.soc2018.assign(link.soc2018.begin(), link.soc2018.end());
    for (const std::string& onet : link.onets) group.onets.push_back(*bundle.find_onet(onet));
    bundle.isco.push_back(std::move(group));
  }
  const auto isco_index = [&](const std::string& code) {
    const auto it = std::lower_bound(bundle.isco.begin(), bundle.isco.end(), code,
                                     [](const IscoGroup& g, const std::string& c) { return g.code < c; });
    return static_cast<std::uint32_t>(it - bundle.isco.begin());
  };
  shares = isco_shares_by_unit_group(entries);
  for (UnitGroup& group : bundle.unit_groups) {
    const auto it = shares.find(group.soc);
    if (it == shares.end()) continue;
    for (const auto& [code, count] : it->second) group.isco.push_back({isco_index(code), count});
  }
  return links;
}

// The other measures of each ISCO-08 group (SCORING.md section 7): the ILO's means and category by code, and the
// mean Microsoft applicability of the US SOC 2018 codes the group reaches through SOC 2010, each equally weighted.
void add_measures(const std::vector<IloOccupation>& ilo, const std::map<std::string, MicrosoftOccupation>& microsoft,
                  const std::map<std::string, IscoLink>& links, Bundle& bundle) {
  std::map<std::string, const IloOccupation*> ilo_by_code;
  for (const IloOccupation& occupation : ilo) ilo_by_code.emplace(occupation.isco, &occupation);
  for (IscoGroup& group : bundle.isco) {
    if (const auto found = ilo_by_code.find(group.code); found != ilo_by_code.end()) {
      const IloOccupation& occupation = *found->second;
      group.measures[stored_index(Measure::Ilo2025)] = measure_units(occupation.mean_2025);
      if (occupation.mean_2023) group.measures[stored_index(Measure::Ilo2023)] = measure_units(*occupation.mean_2023);
      group.ilo_gradient = occupation.gradient;
    }
    double sum = 0.0;
    int reached = 0;
    for (const std::string& soc2018 : links.at(group.code).soc2018) {
      const auto found = microsoft.find(soc2018);
      if (found == microsoft.end()) continue;
      sum += found->second.applicability;
      ++reached;
    }
    if (reached > 0) group.measures[stored_index(Measure::Microsoft)] = measure_units(sum / reached);
  }
}

// The ILO's tasks of each occupation a unit group reaches, one part per ISCO-08 code.
void add_ilo_parts(const std::vector<IloOccupation>& ilo, const Bundle& bundle,
                   std::map<std::string, std::string>& files) {
  for (const IloOccupation& occupation : ilo) {
    const auto group = std::lower_bound(bundle.isco.begin(), bundle.isco.end(), occupation.isco,
                                        [](const IscoGroup& g, const std::string& c) { return g.code < c; });
    if (group == bundle.isco.end() || group->code != occupation.isco) continue;  // no UK unit group reaches it
    IloTaskList list;
    list.build = bundle.build;
    list.isco = occupation.isco;
    list.title = occupation.title;
    for (const IloTask& task : occupation.tasks) {
      IloTaskText text;
      text.id = task.task_id;
      text.text = task.text;
      text.score_2025 = measure_units(task.score_2025);
      if (task.score_2023) text.score_2023 = measure_units(*task.score_2023);
      if (task.score_gpt4o) text.score_gpt4o = measure_units(*task.score_gpt4o);
      if (task.score_gemini) text.score_gemini = measure_units(*task.score_gemini);
      text.reason_gpt4o = task.reason_gpt4o;
      text.reason_gemini = task.reason_gemini;
      text.reconciled = task.reconciled;
      list.tasks.push_back(std::move(text));
    }
    files[ilo_tasks_part(occupation.isco) + ".json"] = serialize_ilo_tasks(list) + "\n";
  }
}

// Job titles of the coding index, one per distinct (unit group, title, qualifier).
std::vector<JobTitle> job_titles(const std::vector<CodingIndexEntry>& entries, const Bundle& bundle) {
  std::set<std::tuple<std::uint32_t, std::string, std::string>> unique;
  for (const CodingIndexEntry& entry : entries) {
    if (entry.soc.empty()) continue;
    unique.emplace(*bundle.find_unit_group(entry.soc), entry.title, entry.qualifier);
  }
  std::vector<JobTitle> titles;
  titles.reserve(unique.size());
  for (const auto& [group, title, qualifier] : unique) titles.push_back({title, qualifier, group});
  return titles;
}

std::string with_newline(std::string text) {
  text.push_back('\n');
  return text;
}

}  // namespace

BuildResult build_bundle(const fs::path& sources) {
  // Read everything first: any bad source stops the build here, before a byte is written.
  const std::vector<LabelledTask> labelled = read_label_set(sources);
  const auto importance = read_task_importance(sources);
  const auto onet_titles = read_onet_occupations(sources);
  const auto statements = read_task_statements(sources);
  const std::vector<AsheRow> ashe = read_ashe(sources);
  const std::vector<SocUnitGroup> structure = read_soc_structure(sources);
  const std::vector<CodingIndexEntry> index_entries = read_coding_index(sources);
  const IscoCrosswalk isco_to_soc2010 = read_isco_to_soc2010(sources);
  const std::vector<CodePair> soc2010_to_soc2018 = read_soc2010_to_soc2018(sources);
  const std::vector<CodePair> onet_to_soc2018 = read_onet_to_soc2018(sources);
  const std::vector<IloOccupation> ilo = read_ilo(sources);
  const std::map<std::string, MicrosoftOccupation> microsoft = read_microsoft(sources);
  const std::vector<AsheJobs> sex_pattern = read_ashe_sex_pattern(sources);
  const std::vector<AsheMedians> sex_medians = read_ashe_sex_medians(sources);
  const std::vector<ApsIndustryCell> industry = read_aps_industry(sources);
  const std::vector<ApsRegionCell> region = read_aps_region(sources);

  std::vector<SourceFile> source_files;
  for (const SourceInfo& info : source_catalog()) {
    const std::string bytes = read_bytes(sources / fs::path(std::string(info.path)), info.path);
    source_files.push_back({&info, sha256_hex(bytes), bytes.size()});
  }

  Bundle bundle;
  for (const SourceInfo& info : source_catalog()) {
    bundle.sources.push_back({std::string(info.id), std::string(info.path), std::string(info.title),
                              std::string(info.publisher), std::string(info.version), std::string(info.licence)});
  }
  std::vector<std::string> task_text;
  add_occupations(labelled, onet_titles, importance, bundle, task_text);
  add_unit_groups(structure, ashe, bundle);
  std::map<std::string, IscoShares> shares;
  const auto links = add_bridge(index_entries, isco_to_soc2010, soc2010_to_soc2018, onet_to_soc2018, shares, bundle);
  add_measures(ilo, microsoft, links, bundle);
  Breakdowns breakdown_data;
  const BreakdownSummary breakdowns =
      add_breakdowns(sex_pattern, sex_medians, industry, region, structure, ashe, bundle, breakdown_data);
  if (Status status = finalize_bundle(bundle); !status.ok()) {
    throw std::runtime_error("assembled bundle is inconsistent: " + status.error().message());
  }

  // The build id ties the bundle and its parts together: a digest of the sources and of the bundle itself.
  std::string identity = "aiexp bundle schema " + std::to_string(kBundleSchemaVersion) + "\n";
  for (const SourceFile& file : source_files) identity += std::string(file.info->path) + " " + file.sha256 + "\n";
  identity += serialize_bundle(bundle);
  identity += serialize_details(bundle);
  identity += serialize_breakdowns(breakdown_data, bundle.build);
  bundle.build = sha256_hex(identity).substr(0, 16);
  const std::string breakdowns_json = serialize_breakdowns(breakdown_data, bundle.build);
  // The core reads the breakdowns back with all its checks (sizes, indexes, shares): what it would refuse, stop here.
  if (const auto check = parse_breakdowns(bundle, breakdowns_json); !check.ok()) {
    throw std::runtime_error("assembled breakdowns are inconsistent: " + check.error().message());
  }

  BuildResult result;
  auto& files = result.files;
  files["bundle.json"] = with_newline(serialize_bundle(bundle));
  files["details.json"] = with_newline(serialize_details(bundle));
  files["breakdowns.json"] = with_newline(breakdowns_json);
  for (const std::string& part : text_parts(bundle)) {
    files["text/" + part + ".json"] = with_newline(serialize_task_text_part(bundle, task_text, part));
  }
  add_ilo_parts(ilo, bundle, files);
  const std::vector<JobTitle> titles = job_titles(index_entries, bundle);
  files["titles.json"] = with_newline(serialize_titles(bundle, titles));

  Scorer scorer(bundle);
  BuildSummary& summary = result.summary;
  summary.build = bundle.build;
  summary.unit_groups = static_cast<int>(bundle.unit_groups.size());
  summary.scored = scorer.totals().scored;
  summary.rank_set = scorer.totals().rank_set;
  Assumptions blend;
  blend.bridge = BridgeMode::Blend;
  if (Status status = scorer.set(blend); !status.ok()) throw std::runtime_error(status.error().message());
  summary.scored_blend = scorer.totals().scored;
  summary.onets = static_cast<int>(bundle.onets.size());
  summary.tasks = static_cast<int>(bundle.tasks.size());
  summary.rated_tasks = static_cast<int>(std::count_if(bundle.tasks.im_hundredths.begin(),
                                                       bundle.tasks.im_hundredths.end(),
                                                       [](std::uint16_t im) { return im != 0; }));
  summary.job_titles = static_cast<int>(titles.size());
  for (std::uint32_t g = 0; g < bundle.unit_groups.size(); ++g) {
    switch (bridge_quality(bundle, g).grade) {
      case BridgeGrade::Good: ++summary.bridge_good; break;
      case BridgeGrade::Partial: ++summary.bridge_partial; break;
      case BridgeGrade::Weak: ++summary.bridge_weak; break;
    }
  }

  CoverageInputs coverage{bundle, shares, links, statements, importance, isco_to_soc2010.skipped_minor_groups,
                          breakdowns};
  files["COVERAGE.md"] = render_coverage(coverage, summary);
  files["SOURCES.md"] = render_sources(source_files);
  files["bundle.meta.json"] = render_meta(source_files, files, summary);
  return result;
}

namespace {

// Moves files into `out` so that a failure part way leaves it as it was: each file it replaces or removes is
// first moved aside into `out/.previous`, and undo() moves everything back. commit() drops the old files.
class Replacement {
 public:
  explicit Replacement(fs::path out) : out_(std::move(out)), aside_(out_ / ".previous") {
    // A run stopped between moving a file aside and moving its successor in left the file only here: put it
    // back first, so that what this run may have to restore is whole.
    std::error_code error;
    if (!fs::is_directory(aside_, error)) return;
    std::vector<fs::path> left;
    for (const auto& entry : fs::recursive_directory_iterator(aside_)) {
      if (entry.is_regular_file()) left.push_back(fs::relative(entry.path(), aside_));
    }
    for (const fs::path& relative : left) {
      const fs::path target = out_ / relative;
      if (fs::exists(fs::symlink_status(target, error))) continue;
      fs::create_directories(target.parent_path(), error);
      if (!error) fs::rename(aside_ / relative, target, error);
      if (error) throw std::runtime_error("cannot restore " + target.string() + " from " + aside_.string() + ": " +
                                          error.message());
    }
    fs::remove_all(aside_, error);
  }

  // Puts `from` at `relative`, keeping what was there. Throws (after undoing every earlier step) on failure.
  void place(const fs::path& from, const std::string& relative) {
    const fs::path target = out_ / relative;
    set_aside(relative);
    std::error_code error;
    fs::create_directories(target.parent_path(), error);
    if (!error) fs::rename(from, target, error);
    if (error) fail("cannot move " + target.string() + " into place: " + error.message());
    steps_.back().placed = true;
  }

  // Removes the file at `relative`, keeping it until commit(). Throws (after undoing) on failure.
  void remove(const std::string& relative) { set_aside(relative); }

  void commit() {
    std::error_code ignored;
    fs::remove_all(aside_, ignored);
    steps_.clear();
  }

  // Back to the files `out` had, in reverse order. Returns what could not be put back (kept in `.previous`,
  // which the next run restores from); empty when `out` is as it was.
  std::string undo() {
    std::string lost;
    for (auto step = steps_.rbegin(); step != steps_.rend(); ++step) {
      std::error_code error;
      if (step->placed) fs::remove(out_ / step->relative, error);
      if (step->had_file) fs::rename(aside_ / step->relative, out_ / step->relative, error);
      if (error) lost += (lost.empty() ? "" : ", ") + step->relative;
    }
    steps_.clear();
    std::error_code ignored;
    if (lost.empty()) fs::remove_all(aside_, ignored);
    return lost;
  }

 private:
  struct Step {
    std::string relative;
    bool had_file = false;  // the earlier file is in `aside_`
    bool placed = false;    // the new file is in `out_`
  };

  void set_aside(const std::string& relative) {
    steps_.push_back({relative});
    const fs::path target = out_ / relative;
    std::error_code error;
    if (!fs::exists(fs::symlink_status(target, error))) return;
    fs::create_directories((aside_ / relative).parent_path(), error);
    if (!error) fs::rename(target, aside_ / relative, error);
    if (error) fail("cannot move " + target.string() + " aside: " + error.message());
    steps_.back().had_file = true;
  }

  [[noreturn]] void fail(const std::string& message) {
    const std::string lost = undo();
    if (lost.empty()) throw std::runtime_error(message);
    throw std::runtime_error(message + "; the earlier " + lost + " could not be put back and are in " + aside_.string());
  }

  fs::path out_;
  fs::path aside_;
  std::vector<Step> steps_;
};

}  // namespace

void write_bundle(const BuildResult& result, const fs::path& out) {
  std::error_code error;
  fs::create_directories(out, error);
  if (error) throw std::runtime_error("cannot create " + out.string() + ": " + error.message());
  const fs::path staging = out / ".staging";
  fs::remove_all(staging, error);
  const auto fail_staging = [&](const std::string& message) {
    std::error_code ignored;
    fs::remove_all(staging, ignored);
    throw std::runtime_error(message);
  };
  for (const auto& [relative, contents] : result.files) {
    const fs::path path = staging / relative;
    fs::create_directories(path.parent_path(), error);
    if (error) fail_staging("cannot create " + path.parent_path().string() + ": " + error.message());
    std::ofstream file(path, std::ios::binary | std::ios::trunc);
    file.write(contents.data(), static_cast<std::streamsize>(contents.size()));
    file.close();
    if (!file) fail_staging("cannot write " + path.string());
  }
  // Every file is on disk: move them into place and drop the text parts this build no longer has, all or none.
  std::optional<Replacement> replacement;
  try {
    replacement.emplace(out);
    for (const auto& [relative, contents] : result.files) replacement->place(staging / relative, relative);
    std::vector<std::string> stale;
    for (const char* parts : {"text", "ilo"}) {
      if (!fs::is_directory(out / parts)) continue;
      for (const auto& entry : fs::directory_iterator(out / parts)) {
        const std::string relative = std::string(parts) + "/" + entry.path().filename().string();
        if (entry.path().extension() == ".json" && !result.files.count(relative)) stale.push_back(relative);
      }
    }
    std::sort(stale.begin(), stale.end());
    for (const std::string& relative : stale) replacement->remove(relative);
  } catch (const std::exception&) {
    if (replacement) replacement->undo();  // done already when the failure was a move; not when a listing threw
    fs::remove_all(staging, error);
    throw;
  }
  replacement->commit();
  fs::remove_all(staging, error);
}

}  // namespace aiexp::pipeline
