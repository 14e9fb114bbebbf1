// The data pipeline end to end (pipeline/src/build.cpp, reports.cpp), SCORING.md sections 3 to 5: the real
// sources reproduce the committed bundle and the published check values ([shared]), and a tiny synthetic
// source tree shows that bad input stops the build, naming file, line and field, before anything is written.
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "aiexp/bridge.h"
#include "aiexp/bundle.h"
#include "aiexp/format.h"
#include "aiexp/breakdown_data.h"
#include "aiexp/pipeline/breakdowns.h"
#include "aiexp/pipeline/build.h"
#include "aiexp/pipeline/measures.h"
#include "aiexp/ilo_tasks.h"
#include "aiexp/score.h"
#include "aiexp/pipeline/reports.h"
#include "aiexp/pipeline/sha256.h"
#include "aiexp/pipeline/sources.h"
#include "aiexp/pipeline/table.h"
#include "aiexp/score.h"
#include "test_data.h"
#include "source_error_check.h"
#include "temp_dir.h"

using namespace aiexp;
using namespace aiexp::pipeline;
using aiexp::test::check_values;
using aiexp::test::read_text;
using aiexp::test::TempDir;
using aiexp::test::require_source_error;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
namespace fs = std::filesystem;

namespace {

// ---------------------------------------------------------------------------------------------------------
// Helpers


void write_file(const fs::path& path, std::string_view contents) {
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(contents.data(), static_cast<std::streamsize>(contents.size()));
  REQUIRE(out.good());
}

// Every regular file under `dir`, by path relative to it ('/'-separated), with its bytes.
std::map<std::string, std::string> snapshot(const fs::path& dir) {
  std::map<std::string, std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file()) files[fs::relative(entry.path(), dir).generic_string()] = read_text(entry.path());
  }
  return files;
}

// All directories under `dir`, relative.
std::set<std::string> directories(const fs::path& dir) {
  std::set<std::string> found;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_directory()) found.insert(fs::relative(entry.path(), dir).generic_string());
  }
  return found;
}


// What `ukexp build-data` does: build everything first, and write only when the build succeeded.
void build_and_write(const fs::path& sources, const fs::path& out) {
  const BuildResult result = build_bundle(sources);
  write_bundle(result, out);
}

// ---------------------------------------------------------------------------------------------------------
// A tiny but complete synthetic source tree: three unit groups (1137 and 2134 scored, 5111 not: its modal
// ISCO-08 code 6111 reaches only an unlabelled O*NET occupation), two labelled O*NET occupations and five
// tasks, with the quirks of the real files (unnamed first column, float task ids, empty task type, E3,
// doubled quotes in the TSV, trailing spaces in BLS codes, a 3-digit ISCO-08 row, ASHE markers, '}}}}',
// a description spanning two lines).

std::string tsv(std::initializer_list<std::string_view> fields) {
  std::string line;
  bool first = true;
  for (std::string_view field : fields) {
    if (!first) line += '\t';
    line += field;
    first = false;
  }
  return line + "\n";
}

std::string index_line(std::string_view id, std::string_view soc, std::string_view isco, std::string_view isco_title,
                       std::string_view title, std::string_view add = "") {
  // UNIQUE ID,RECNO,D,SOC_90,SOC_2000,SOC_2010,SOC_2020,SOC_2020_ext,INDEXOCC,ADD,IND,SEE,ISCO,VERSNO,CHANGE,
  // SOC2020_ext_SUG_title,SOC90..,SOC2000..,SOC2010..,SOC2020_unit_group_title,ISCO08_unit_group_title,natural
  return std::string(id) + ",1,,,,," + std::string(soc) + "," + std::string(soc) + "/01,\"" + std::string(title) +
         "\"," + std::string(add) + ",,," + std::string(isco) + ",13,,,,,,Unit group," + std::string(isco_title) +
         "," + std::string(title) + "\n";
}

// The breakdowns' four sources for the three unit groups. ASHE 2024: 1137 publishes both sides of both splits; 2134
// withholds its women ('x') and takes 213's split, but publishes its own working pattern; 5111, 511 and 51 withhold
// women and men, so 5111 takes major group 5's split, and its working pattern comes from 51. APS industry 2024: cells
// in sections A (5111, a small sample), C (2134) and J (1137, 2134; 5111 withheld), a '-' cell, and every section's
// total. APS region: the three minor groups in the 12 regions, 511 without a London figure, 213 untitled.
void add_breakdown_sources(std::map<std::string, std::string>& files) {
  // One code's nine sheets: "all,male,female,full_time,part_time,male_ft,male_pt,female_ft,female_pt" as thousands,
  // or a marker ('x' with a CV of 25%; '..' empties the row).
  const auto ashe_code = [](std::string_view code, std::string_view description, std::initializer_list<std::string_view> jobs) {
    static constexpr std::array<std::string_view, 9> kSheets{"all", "male", "female", "full_time", "part_time",
                                                             "male_full_time", "male_part_time", "female_full_time",
                                                             "female_part_time"};
    std::string rows;
    std::size_t i = 0;
    for (std::string_view value : jobs) {
      const std::string line = std::string(code) + "," + std::string(description) + "," + std::string(kSheets[i++]) + ",";
      if (value == "x") rows += line + ",,,25.0,,x,x,x\n";
      else if (value == "..") rows += line + ",,,,,..,,\n";
      else rows += line + std::string(value) + ",30000,32000,5.0,3.0,,,\n";
    }
    return rows;
  };
  files[std::string(source_path::kAsheSexPattern2024)] =
      "soc2020,description,group,jobs_thousands,median_gbp,mean_gbp,cv_jobs_pct,cv_median_pct,jobs_marker,"
      "median_marker,mean_marker\n" +
      ashe_code("1", "\"Managers, directors and senior officials\"", {"2697", "1629", "1068", "2500", "197", "1580", "49", "920", "148"}) +
      ashe_code("11", "Corporate managers and directors", {"2134", "1300", "834", "2000", "134", "1250", "50", "750", "84"}) +
      ashe_code("113", "Functional managers and directors", {"500", "380", "120", "470", "30", "365", "15", "105", "15"}) +
      ashe_code("1137", "Information technology directors", {"60", "50", "10", "55", "5", "48", "2", "7", "3"}) +
      ashe_code("2", "Professional occupations", {"6744", "3000", "3744", "5500", "1244", "2700", "300", "2800", "944"}) +
      ashe_code("21", "\"Science, research, engineering and technology professionals\"", {"1500", "1100", "400", "1400", "100", "1050", "50", "350", "50"}) +
      ashe_code("213", "Information technology professionals", {"150", "120", "30", "140", "10", "115", "5", "25", "5"}) +
      ashe_code("2134", "Programmers and software development professionals", {"140", "112", "x", "130", "10", "107", "5", "x", "x"}) +
      ashe_code("5", "Skilled trades occupations", {"400", "300", "100", "350", "50", "280", "20", "70", "30"}) +
      ashe_code("51", "Skilled agricultural and related trades", {"50", "x", "x", "40", "10", "x", "x", "x", "x"}) +
      ashe_code("511", "Agricultural and related trades", {"x", "x", "x", "x", "x", "x", "x", "x", "x"}) +
      ashe_code("5111", "Farmers", {"x", "x", "..", "x", "x", "x", "x", "..", ".."});
  files[std::string(source_path::kAsheSexMedians2025)] =
      "soc2020,group,median_gbp,mean_gbp\n"
      "1137,all,90081,95000\n1137,male,92000,96000\n1137,female,85000.0,86000\n"
      "1137,full_time,91000,96000\n1137,male_full_time,93000,97000\n1137,female_full_time,86000,87000\n"
      "2134,all,45000,47000\n2134,male,46000,48000\n2134,female,40000,41000\n"
      "2134,full_time,45500,47500\n2134,male_full_time,46500,48500\n2134,female_full_time,,\n"
      "5111,all,,\n5111,male,,\n5111,female,,\n5111,full_time,,\n5111,male_full_time,,\n5111,female_full_time,,\n";
  std::string industry = "year,soc2020,section,section_title,employment,marker,small_sample\n";
  for (const SectionName& section : industry_sections()) {
    const std::string letter(section.letter);
    // A title with a comma is quoted, as the extract writes it.
    std::string title(section.workbook_title);
    if (title.find(',') != std::string::npos) title = std::string(1, '"').append(title).append(1, '"');
    if (letter == "A") industry += "2024,5111,A," + title + ",3000,,1\n";
    if (letter == "C") industry += "2024,2134,C," + title + ",8000,,0\n2024,1137,C," + title + ",,-,0\n";
    if (letter == "J") {
      industry += "2024,1137,J," + title + ",20000,,0\n2024,2134,J," + title + ",150000,,0\n2024,5111,J," + title +
                  ",,*,0\n";
    }
    industry += "2024,total," + letter + "," + title + "," + (letter == "J" ? "200000" : "10000") + ",,0\n";
  }
  files[std::string(source_path::kApsIndustry)] = industry;
  std::string region = "soc2020_minor_group,title,region,employment\n";
  for (const std::string_view name : region_names()) {
    const bool london = name == "London";
    region += "113,Functional Managers," + std::string(name) + "," + (london ? "20000" : "4000") + "\n";
    region += "213,," + std::string(name) + "," + (london ? "60000" : "10000") + "\n";
    region += "511,Agricultural and Related Trades," + std::string(name) + "," + (london ? "" : "2000") + "\n";
  }
  files[std::string(source_path::kApsRegion)] = region;
}

std::map<std::string, std::string> synthetic_sources() {
  std::map<std::string, std::string> files;
  const std::string cism = "Computer and Information Systems Managers";
  files[std::string(source_path::kLabelSet)] =
      tsv({"", "O*NET-SOC Code", "Task ID", "Task", "Task Type", "Title", "human_exposure_agg", "gpt4_exposure",
           "gpt4_exposure_alt_rubric", "gpt_3_relevant", "gpt4_automation", "alpha", "beta", "gamma", "automation",
           "human_labels"}) +
      tsv({"0", "11-3021.00", "968.0", "Review project plans to plan and coordinate project activity.", "Core", cism,
           "E1", "E1", "E1", "False", "T2", "1.0", "1.0", "1.0", "0.5", "E1"}) +
      tsv({"1", "11-3021.00", "969.0", "Assign and review the work of systems analysts.", "Core", cism, "E0", "E2",
           "E0", "False", "T1", "0.0", "0.5", "1.0", "0.25", "E0"}) +
      tsv({"2", "11-3021.00", "970.0", "Purchase necessary equipment.", "", cism, "E0", "E0", "E0", "False", "T0",
           "0.0", "0.0", "0.0", "0.0", "E0"}) +
      tsv({"3", "15-1252.00", "16987.0", "Modify existing software to correct errors.", "Core", "Software Developers",
           "E1", "E1", "E1", "True", "T3", "1.0", "1.0", "1.0", "0.75", "E1"}) +
      tsv({"4", "15-1252.00", "16988.0", "\"Confer with \"\"clients\"\" about project needs.\"", "Supplemental",
           "Software Developers", "E2", "E3", "E2", "True", "T2", "0.0", "0.5", "1.0", "0.5", "E2"});
  files[std::string(source_path::kTaskImportance)] =
      "onet_soc_code,task_id,im,onet_release\n"
      "11-3021.00,968,4.10,30.1\n"
      "11-3021.00,969,3.85,30.1\n";
  files[std::string(source_path::kOnetOccupations)] =
      tsv({"O*NET-SOC Code", "Title", "Description"}) +
      tsv({"11-3021.00", cism, "Plan, direct, or coordinate activities in such fields as electronic data processing."}) +
      tsv({"15-1252.00", "Software Developers", "Research, design, and develop computer and network software."}) +
      tsv({"45-2092.00", "Farmworkers and Laborers, Crop, Nursery, and Greenhouse", "Manually plant and harvest."});
  files[std::string(source_path::kTaskStatements)] =
      tsv({"O*NET-SOC Code", "Title", "Task ID", "Task", "Task Type", "Incumbents Responding", "Date",
           "Domain Source"}) +
      tsv({"11-3021.00", cism, "968", "Review project plans to plan and coordinate project activity.", "Core", "95.0",
           "08/2023", "Incumbent"}) +
      tsv({"11-3021.00", cism, "969", "Assign and review the work of systems analysts.", "Core", "95.0", "08/2023",
           "Incumbent"}) +
      tsv({"11-3021.00", cism, "970", "Purchase necessary equipment.", "Supplemental", "95.0", "08/2023",
           "Incumbent"}) +
      tsv({"15-1252.00", "Software Developers", "16987", "Modify existing software to correct errors.", "Core", "34.0",
           "08/2023", "Incumbent"});
  files[std::string(source_path::kAshe)] =
      "soc2020,description,jobs_thousands,median_gbp,cv_jobs_pct,cv_median_pct,jobs_marker,median_marker\n"
      "1137,Information technology directors,60,90081,5.0,4.0,,\n"
      "2134,Programmers and software development professionals,150,45000,3.0,2.0,,\n"
      "5111,Farmers,,,25.0,30.0,x,x\n";
  files[std::string(source_path::kSocStructure)] =
      "major_group,major_group_title,sub_major_group,sub_major_group_title,minor_group,minor_group_title,unit_group,"
      "unit_group_title,unit_group_description,typical_entry_routes_and_qualifications,tasks,related_job_titles\n"
      "1,\"Managers, directors and senior officials\",11,Corporate managers and directors,113,Functional managers,"
      "1137,Information technology directors,\"IT directors plan and direct IT.\nThey run its services.\","
      "Degree,~ plans IT,IT director\n"
      "2,Professional occupations,21,\"Science, research, engineering and technology professionals\",213,"
      "Information technology professionals,2134,Programmers and software development professionals,"
      "Programmers design and write software.,Degree,~ writes code,Software engineer\n"
      "5,Skilled trades occupations,51,Skilled agricultural and related trades,511,Agricultural and related trades,"
      "5111,Farmers,Farmers run farms.,Experience,~ farms,Farmer\n";
  const std::string ict = "Information and communications technology services managers";
  files[std::string(source_path::kCodingIndex)] =
      "UNIQUE ID,RECNO,D,SOC_90,SOC_2000,SOC_2010,SOC_2020,SOC_2020_ext,INDEXOCC,ADD,IND,SEE,"
      "ISCO-08 code based on SOC2020,VERSNO,CHANGE,SOC2020_ext_SUG_title,SOC90_unit_group_title,"
      "SOC2000_unit_group_title,SOC2010_unit_group_title,SOC2020_unit_group_title,ISCO08_unit_group_title,"
      "INDEXOCC-natural_word_order\n" +
      index_line("a001", "1137", "1330", ict, "IT director") +
      index_line("a002", "1137", "1330", ict, "Head of IT", "computing") +
      index_line("a003", "1137", "2512", "Software developers", "Systems architect") +
      index_line("a004", "2134", "2512", "Software developers", "Software developer") +
      index_line("a005", "5111", "6111", "Field crop and vegetable growers", "Farmer") +
      index_line("a006", "}}}}", "}}}}", "", "Agent");
  files[std::string(source_path::kIscoToSoc2010)] =
      "ISCO-08 Code,ISCO-08 Title EN,part,2010 SOC Code,2010 SOC Title,Comment 8/17/11\n"
      "1330,Information and communications technology services managers,,11-3021 ," + cism + ",\n"
      "011,Commissioned armed forces officers,,55-1019,Military Officers,matches to 3-digit ISCO\n"
      "2512,Software developers,,15-1132,\"Software Developers, Applications\",\n"
      "6111,Field crop and vegetable growers,*,45-2092,\"Farmworkers and Laborers, Crop\",\n";
  files[std::string(source_path::kSoc2010To2018)] =
      "2010 SOC Code,2010 SOC Title,2018 SOC Code,2018 SOC Title\n"
      "11-3021," + cism + ",11-3021," + cism + "\n"
      "15-1132,\"Software Developers, Applications\",15-1252,Software Developers\n"
      "45-2092,\"Farmworkers and Laborers, Crop\",45-2092,\"Farmworkers and Laborers, Crop\"\n";
  files[std::string(source_path::kOnetToSoc2018)] =
      "O*NET-SOC 2019 Code,O*NET-SOC 2019 Title,2018 SOC Code,2018 SOC Title\n"
      "11-3021.00," + cism + ",11-3021," + cism + "\n"
      "15-1252.00,Software Developers,15-1252,Software Developers\n"
      "45-2092.00,\"Farmworkers and Laborers, Crop\",45-2092,\"Farmworkers and Laborers, Crop\"\n";
  files[std::string(source_path::kIloTasks)] =
      "label4d,label1d,ISCO_08,Title,taskID,Task_ISCO,score_2023,Weaviate Status,predicted_score_2025_gpt4o,"
      "prediction_justification_gpt4o,weaviate_status_gemini,predicted_score_2025_gemini,"
      "prediction_justification_gemini,score_2025,source,mean_score_2023,mean_score_2025,SD_2023,SD_2025,potential25,"
      "potential23\n"
      "1330 - ICT managers,1 - Managers,1330,ICT services managers,1,\"Plan, direct and coordinate ICT work;\",0.3,"
      "success,0.42,\"Planning is \"\"partly\"\" automatable.\",success,0.38,Mostly human judgement.,0.4,predicted,0.35,0.45,"
      "0.07,0.07,Exposed: Gradient 2,Minimal Exposure\n"
      "1330 - ICT managers,1 - Managers,1330,ICT services managers,2,Write reports on ICT services.,0.4,success,0.5,"
      "\"Reports\nare text.\",success,0.5,Drafting is exposed.,0.50000000000000001,reconciled,0.35,0.45,0.07,0.07,"
      "Exposed: Gradient 2,Minimal Exposure\n"
      "2512 - Software developers,2 - Professionals,2512,Software developers,1,Write code.,,success,0.6,Code is text.,"
      "fail,,,0.6,predicted,,0.6,,,Exposed: Gradient 3,\n";
  files[std::string(source_path::kMicrosoftScores)] =
      "SOC Code,title,ai_applicability_score\n"
      "11-3021," + cism + ",0.25\n"
      "15-1252,Software Developers,0.3\n";
  files[std::string(source_path::kMicrosoftIwaMetrics)] =
      "IWA,title,share_user,share_ai,completion_user,completion_ai,impact_scope_user,impact_scope_ai,"
      "feedback_positive_fraction_user,feedback_positive_fraction_ai,completion_x_scope_x_coverage_user,"
      "completion_x_scope_x_coverage_ai\n"
      "4.A.1.a.1.I01,Study details.,0.01,0.002,0.8,0.5,0.5,0.4,0.7,0.6,0.1,0.1\n"
      "4.A.1.a.1.I02,Read documents.,1e-04,0.01,,0.6,,0.5,,0.6,0.0,0.1\n";
  files[std::string(source_path::kMicrosoftIwaWeights)] =
      "SOC Code,4.A.1.a.1.I01,4.A.1.a.1.I02\n"
      "11-3021,2.0,1.0\n"
      "15-1252,1.0,5.0\n";
  files[std::string(source_path::kMicrosoftSocToIwas)] =
      "SOC Code,IWA\n"
      "11-3021,4.A.1.a.1.I01\n"
      "11-3021,4.A.1.a.1.I02\n"
      "15-1252,4.A.1.a.1.I01\n";
  add_breakdown_sources(files);
  return files;
}

void write_tree(const fs::path& dir, const std::map<std::string, std::string>& files) {
  for (const auto& [relative, contents] : files) write_file(dir / relative, contents);
}

// `text` with its only occurrence of `from` replaced by `to`.
std::string replace_once(const std::string& text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  REQUIRE(text.find(from, at + 1) == std::string::npos);
  std::string out = text;
  return out.replace(at, from.size(), to);
}

Bundle parse_built(const BuildResult& result) {
  auto parsed = parse_bundle(result.files.at("bundle.json"));
  REQUIRE(parsed.ok());
  Bundle bundle = std::move(parsed).value();
  REQUIRE(merge_details(bundle, result.files.at("details.json")).ok());
  return bundle;
}

// The rows of one "## " section of a Markdown report: its table lines after the header and separator.
std::vector<std::vector<std::string>> section_rows(const std::string& markdown, const std::string& heading) {
  const auto start = markdown.find("## " + heading + "\n");
  REQUIRE(start != std::string::npos);
  const auto end = markdown.find("\n## ", start + 3);
  std::istringstream lines(markdown.substr(start, end == std::string::npos ? std::string::npos : end - start));
  std::vector<std::vector<std::string>> rows;
  std::string line;
  int table_line = 0;
  while (std::getline(lines, line)) {
    if (line.rfind("|", 0) != 0) continue;
    if (++table_line <= 2) continue;  // header and separator
    std::vector<std::string> cells;
    std::size_t pos = 1;
    while (pos < line.size()) {
      const auto bar = line.find(" |", pos);
      if (bar == std::string::npos) break;
      std::string cell = line.substr(pos, bar - pos);
      if (!cell.empty() && cell.front() == ' ') cell.erase(0, 1);
      cells.push_back(cell);
      pos = bar + 2;
    }
    rows.push_back(cells);
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------------------
// The real sources ([shared])

const BuildResult& shared_build() {
  static const BuildResult result = build_bundle(aiexp::test::shared_sources_dir());
  return result;
}

}  // namespace

// =========================================================================================================
// [shared]: the real sources

TEST_CASE("building the bundle twice from the same sources gives byte-identical files", "[build][shared]") {
  const BuildResult& first = shared_build();
  const BuildResult second = build_bundle(aiexp::test::shared_sources_dir());
  CHECK(first.summary.build == second.summary.build);
  REQUIRE(first.files.size() == second.files.size());
  for (const auto& [path, contents] : first.files) {
    INFO(path);
    REQUIRE(second.files.count(path) == 1);
    CHECK(second.files.at(path) == contents);
  }
  // And written out twice, the folders hold the same bytes.
  TempDir a;
  TempDir b;
  write_bundle(first, a.path());
  write_bundle(second, b.path());
  CHECK(snapshot(a.path()) == snapshot(b.path()));
}

TEST_CASE("the bundle built from the sources equals the committed data folder, file for file", "[build][shared]") {
  const BuildResult& result = shared_build();
  const auto committed = snapshot(aiexp::test::data_dir());
  REQUIRE(result.files.count("bundle.json") == 1);
  REQUIRE(result.files.count("details.json") == 1);
  CHECK(result.files.at("bundle.json") == read_text(aiexp::test::data_dir() / "bundle.json"));
  CHECK(result.files.at("details.json") == read_text(aiexp::test::data_dir() / "details.json"));
  std::set<std::string> built_paths;
  for (const auto& [path, contents] : result.files) {
    built_paths.insert(path);
    INFO(path);
    REQUIRE(committed.count(path) == 1);
    CHECK(committed.at(path) == contents);
  }
  std::set<std::string> committed_paths;
  for (const auto& [path, contents] : committed) committed_paths.insert(path);
  CHECK(committed_paths == built_paths);
}

TEST_CASE("the built bundle reproduces the published employees and pay of 1137 and 2132", "[build][shared][spec]") {
  const Bundle bundle = parse_built(shared_build());
  for (const auto& expected : check_values()["unit_groups"]) {
    const std::string soc = expected["soc"];
    INFO(soc);
    const auto index = bundle.find_unit_group(soc);
    REQUIRE(index);
    const UnitGroup& group = bundle.unit_groups[*index];
    CHECK(group.title == expected["title"].get<std::string>());
    REQUIRE(group.employees_k.published());
    REQUIRE(group.median_pay_gbp.published());
    CHECK(group.employees_k.value * 1000 == expected["employees"].get<std::int64_t>());
    CHECK(group.median_pay_gbp.value == expected["median_pay_gbp"].get<std::int64_t>());
    CHECK(format_employees_k(group.employees_k.value) == expected["employees_text"].get<std::string>());
    CHECK(format_gbp(group.median_pay_gbp.value) == expected["median_pay_text"].get<std::string>());
    // The modal bridge reaches 11-3021.00 only.
    REQUIRE_FALSE(group.isco.empty());
    const IscoGroup& modal = bundle.isco[group.isco.front().isco];
    REQUIRE(modal.onets.size() == 1);
    CHECK(bundle.onets[modal.onets[0]].code == expected["onet"].get<std::string>());
    CHECK(bundle.onets[modal.onets[0]].title == expected["onet_title"].get<std::string>());
  }
}

TEST_CASE("the built bundle scores 1137 and 2132 as published: 1.2 direct, 9.4 with tools, £649m and £1.42bn",
          "[build][shared][spec]") {
  const Bundle bundle = parse_built(shared_build());
  Scorer scorer(bundle);
  for (const auto& expected : check_values()["unit_groups"]) {
    const std::string soc = expected["soc"];
    INFO(soc);
    const auto index = bundle.find_unit_group(soc);
    REQUIRE(index);
    const UnitGroupFigures& figures = scorer.unit_groups()[*index];
    REQUIRE(figures.scored);
    CHECK(figures.alpha01 == Approx(expected["alpha"].get<double>()).margin(1e-9));
    CHECK(figures.zeta01 == Approx(expected["zeta"].get<double>()).margin(1e-9));
    CHECK(format_score10(figures.score10_displayed) == expected["exposure_text"].get<std::string>());
    CHECK(format_score10(displayed_score10(figures.zeta01)) == expected["with_tools_text"].get<std::string>());
    REQUIRE(figures.has_wage_exposure);
    CHECK(figures.wage_exposure_gbp == Approx(expected["wage_exposure_gbp"].get<double>()).margin(0.5));
    CHECK(format_money_short(figures.wage_exposure_gbp) == expected["wage_exposure_text"].get<std::string>());
  }
}

TEST_CASE("the built bundle holds the 17 tasks of 11-3021.00 with the published importance to one decimal",
          "[build][shared][spec]") {
  const Bundle bundle = parse_built(shared_build());
  const auto onet = bundle.find_onet("11-3021.00");
  REQUIRE(onet);
  const OnetOccupation& occupation = bundle.onets[*onet];
  const auto& expected_tasks = check_values()["onet_11_3021"]["tasks"];
  REQUIRE(occupation.task_count == expected_tasks.size());
  CHECK(occupation.task_count == 17);
  for (const auto& expected : expected_tasks) {
    const std::int32_t id = expected["id"];
    INFO("task " << id);
    const auto task = bundle.find_task(id);
    REQUIRE(task);
    CHECK(bundle.tasks.onet[*task] == *onet);
    REQUIRE(bundle.tasks.im_hundredths[*task] != 0);
    CHECK(format_importance(bundle.tasks.im_hundredths[*task]) == expected["importance_text"].get<std::string>());
    const Label gpt4 = bundle.tasks.label[static_cast<std::size_t>(LabelSource::Gpt4)][*task];
    if (expected.contains("label")) CHECK(label_name(gpt4) == expected["label"].get<std::string>());
    else CHECK(gpt4 != Label::E1);
  }
}

TEST_CASE("the built bundle has the published coverage: at least 370 unit groups with a score and an ASHE figure",
          "[build][shared][spec]") {
  const BuildResult& result = shared_build();
  const Bundle bundle = parse_built(result);
  const auto& coverage = check_values()["coverage"];
  CHECK(bundle.unit_groups.size() == coverage["unit_groups"].get<std::size_t>());
  CHECK(bundle.onets.size() == coverage["onets"].get<std::size_t>());
  CHECK(bundle.tasks.size() == coverage["tasks"].get<std::size_t>());
  int employees = 0;
  int pay = 0;
  int either = 0;
  for (const UnitGroup& group : bundle.unit_groups) {
    employees += group.employees_k.published();
    pay += group.median_pay_gbp.published();
    either += group.employees_k.published() || group.median_pay_gbp.published();
  }
  CHECK(employees == coverage["ashe_employees_published"].get<int>());
  CHECK(pay == coverage["ashe_median_published"].get<int>());
  CHECK(either == coverage["ashe_either_published"].get<int>());

  Scorer scorer(bundle);
  const int minimum = coverage["min_scored_with_ashe"];
  CHECK(scorer.totals().rank_set >= minimum);
  CHECK(result.summary.rank_set == scorer.totals().rank_set);
  CHECK(result.summary.unit_groups == static_cast<int>(bundle.unit_groups.size()));
  CHECK(result.summary.scored == scorer.totals().scored);
  // Every unit group has one bridge grade, and the grades the summary counts are those of the core's rule.
  int grades[3] = {};
  for (std::uint32_t g = 0; g < bundle.unit_groups.size(); ++g) ++grades[static_cast<int>(bridge_quality(bundle, g).grade)];
  CHECK(result.summary.bridge_good == grades[0]);
  CHECK(result.summary.bridge_partial == grades[1]);
  CHECK(result.summary.bridge_weak == grades[2]);
  CHECK(grades[0] + grades[1] + grades[2] == 412);
  const std::string& coverage_md = result.files.at("COVERAGE.md");
  CHECK(coverage_md.find("## Bridge quality") != std::string::npos);
  CHECK(coverage_md.find("| 1137 | Information technology directors | good | 1330 | 93.3% | 1 | 17 of 17 |") !=
        std::string::npos);
  CHECK(coverage_md.find("## Precision of the ASHE 2025 figures") != std::string::npos);
  CHECK(result.summary.tasks == static_cast<int>(bundle.tasks.size()));
}

TEST_CASE("COVERAGE.md lists every unit group the default bridge leaves unscored, with its reason",
          "[build][shared]") {
  const BuildResult& result = shared_build();
  const Bundle bundle = parse_built(result);
  Scorer scorer(bundle);
  std::set<std::string> unscored;
  for (std::size_t g = 0; g < bundle.unit_groups.size(); ++g) {
    if (!scorer.unit_groups()[g].scored) unscored.insert(bundle.unit_groups[g].soc);
  }
  REQUIRE(result.files.count("COVERAGE.md") == 1);
  const std::string& coverage = result.files.at("COVERAGE.md");
  const auto rows = section_rows(coverage, "Unit groups not scored by the default bridge");
  std::set<std::string> listed;
  for (const auto& row : rows) {
    REQUIRE(row.size() == 4);
    INFO(row[0]);
    listed.insert(row[0]);
    const auto index = bundle.find_unit_group(row[0]);
    REQUIRE(index);
    CHECK(row[1] == bundle.unit_groups[*index].title);
    const bool known_reason = row[2].rfind("modal ISCO-08 ", 0) == 0 ||
                              row[2] == "no coding-index entry gives an ISCO-08 code";
    CHECK(known_reason);
    CHECK((row[3] == "yes" || row[3] == "no"));
  }
  CHECK(listed == unscored);
  CHECK_THAT(coverage, Contains("| scored, default bridge (modal ISCO-08 code) | " +
                                format_count(scorer.totals().scored) + " |"));
  CHECK_THAT(coverage, Contains("| SOC 2020 unit groups | " + format_count(412) + " |"));
}

TEST_CASE("the other measures recompute every published figure and give 1137 and 2132 the check values",
          "[build][shared][spec]") {
  // Every one of the 427 ILO occupations and 785 Microsoft occupations was recomputed from its parts (the readers
  // throw on any difference); these are the counts SOURCES-measures.md gives.
  const auto ilo = read_ilo(aiexp::test::shared_sources_dir());
  CHECK(ilo.size() == 427);
  std::size_t tasks = 0;
  for (const IloOccupation& occupation : ilo) tasks += occupation.tasks.size();
  CHECK(tasks == 3266);
  CHECK(read_microsoft(aiexp::test::shared_sources_dir()).size() == 785);

  const Bundle bundle = parse_built(shared_build());
  Scorer scorer(bundle);
  for (const char* soc : {"1137", "2132"}) {
    INFO(soc);
    const std::uint32_t g = *bundle.find_unit_group(soc);
    CHECK(bundle.isco[bundle.unit_groups[g].isco.front().isco].code == "1330");
    const UnitGroupFigures& ilo2025 = scorer.figures(Measure::Ilo2025)[g];
    REQUIRE(ilo2025.scored);
    CHECK(ilo2025.score01 == Approx(0.4402).margin(5e-5));
    CHECK(ilo2025.score10_displayed == 4.4);
    const UnitGroupFigures& microsoft = scorer.figures(Measure::Microsoft)[g];
    REQUIRE(microsoft.scored);
    CHECK(microsoft.score01 == Approx(0.1519).margin(5e-5));  // SOC 11-3021
    CHECK(microsoft.score10_displayed == 1.5);
  }
  for (const Measure measure : kMeasures) {
    INFO(measure_name(measure));
    int scored = 0;
    for (const UnitGroupFigures& figures : scorer.figures(measure)) {
      if (!figures.scored) continue;
      ++scored;
      CHECK(figures.score10_displayed >= 0.0);
      CHECK(figures.score10_displayed <= 10.0);
    }
    CHECK(scored > 390);
  }
}

TEST_CASE("SOURCES.md and bundle.meta.json name every source path with its sha256", "[build][shared]") {
  // The digest function itself, on the FIPS 180-4 examples.
  REQUIRE(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  REQUIRE(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");

  const BuildResult& result = shared_build();
  const std::string& sources_md = result.files.at("SOURCES.md");
  const auto meta = nlohmann::json::parse(result.files.at("bundle.meta.json"));
  const fs::path shared = aiexp::test::shared_sources_dir();
  // The digests the people who copied the files published beside them.
  const std::string published = read_text(shared / "SOURCES-onet-eloundou-xwalk.md") +
                                read_text(shared / "uk" / "SOURCES-uk.md") +
                                read_text(shared / "onet" / "SOURCES-task-ratings.md") +
                                read_text(shared / "SOURCES-measures.md");
  // The breakdowns' extracts have no published digest: their SOURCES file gives each one's row count instead.
  const std::string breakdowns = read_text(shared / "uk" / "SOURCES-breakdowns.md");
  const std::map<std::string, std::string> rows_of{
      {std::string(source_path::kAsheSexPattern2024), "4,959"},
      {std::string(source_path::kAsheSexMedians2025), "2,472"},
      {std::string(source_path::kApsIndustry), "31,388"},
      {std::string(source_path::kApsRegion), "1,248"}};
  REQUIRE(source_catalog().size() == 19);
  REQUIRE(meta["sources"].size() == source_catalog().size());
  std::size_t i = 0;
  for (const SourceInfo& info : source_catalog()) {
    const std::string path(info.path);
    INFO(path);
    const std::string bytes = read_text(shared / path);
    const std::string digest = sha256_hex(bytes);
    if (const auto rows = rows_of.find(path); rows != rows_of.end()) {
      const std::string name = path.substr(path.find('/') + 1);
      const auto line = breakdowns.find("| `" + name + "` |");
      REQUIRE(line != std::string::npos);
      CHECK_THAT(breakdowns.substr(line, breakdowns.find('\n', line) - line), Contains("| " + rows->second + " |"));
      std::string digits = rows->second;
      digits.erase(std::remove(digits.begin(), digits.end(), ','), digits.end());
      CHECK(static_cast<std::size_t>(std::count(bytes.begin(), bytes.end(), '\n')) - 1 == std::stoul(digits));
    } else {
      CHECK_THAT(published, Contains(digest));
    }
    const auto row = sources_md.find("| `" + path + "` |");
    REQUIRE(row != std::string::npos);
    const std::string line = sources_md.substr(row, sources_md.find('\n', row) - row);
    CHECK_THAT(line, Contains("`" + digest + "`"));
    CHECK_THAT(line, Contains("| " + format_count(static_cast<double>(bytes.size())) + " |"));
    CHECK(meta["sources"][i]["path"] == path);
    CHECK(meta["sources"][i]["sha256"] == digest);
    CHECK(meta["sources"][i]["bytes"] == bytes.size());
    ++i;
  }
}

// =========================================================================================================
// A synthetic source tree

TEST_CASE("a complete synthetic source tree builds, with every quirk handled", "[build]") {
  TempDir sources;
  write_tree(sources.path(), synthetic_sources());
  const BuildResult result = build_bundle(sources.path());

  std::set<std::string> paths;
  for (const auto& [path, contents] : result.files) paths.insert(path);
  CHECK(paths == std::set<std::string>{"COVERAGE.md", "SOURCES.md", "breakdowns.json", "bundle.json",
                                       "bundle.meta.json", "details.json", "ilo/tasks-1330.json", "ilo/tasks-2512.json",
                                       "text/tasks-11.json", "text/tasks-15.json", "titles.json"});
  const BuildSummary& summary = result.summary;
  CHECK(summary.unit_groups == 3);
  CHECK(summary.scored == 2);
  CHECK(summary.rank_set == 2);
  CHECK(summary.onets == 2);
  CHECK(summary.tasks == 5);
  CHECK(summary.rated_tasks == 2);
  CHECK(summary.job_titles == 5);
  CHECK(summary.build.size() == 16);

  const Bundle bundle = parse_built(result);
  CHECK(bundle.build == summary.build);
  // Float task ids, an empty Task Type, E3 folded into E2, importance as exact hundredths.
  const auto task = [&](std::int32_t id) {
    const auto index = bundle.find_task(id);
    REQUIRE(index);
    return *index;
  };
  CHECK(bundle.tasks.type[task(968)] == TaskType::Core);
  CHECK(bundle.tasks.type[task(970)] == TaskType::Untyped);
  CHECK(bundle.tasks.type[task(16988)] == TaskType::Supplemental);
  CHECK(bundle.tasks.label[static_cast<std::size_t>(LabelSource::Gpt4)][task(16988)] == Label::E2);
  CHECK(bundle.tasks.im_hundredths[task(968)] == 410);
  CHECK(bundle.tasks.im_hundredths[task(969)] == 385);
  CHECK(bundle.tasks.im_hundredths[task(970)] == 0);
  // The doubled quotes of the TSV are one quote in the task text part.
  CHECK_THAT(result.files.at("text/tasks-15.json"), Contains(R"(Confer with \"clients\" about project needs.)"));
  // ASHE markers, and the description that spans two lines.
  const UnitGroup& farmers = bundle.unit_groups[*bundle.find_unit_group("5111")];
  CHECK(farmers.employees_k.marker == AsheMarker::Unreliable);
  CHECK(farmers.median_pay_gbp.marker == AsheMarker::Unreliable);
  CHECK(bundle.unit_groups[*bundle.find_unit_group("1137")].description ==
        "IT directors plan and direct IT.\nThey run its services.");
  // The trailing space of "11-3021 " did not break the bridge: 1137's modal 1330 reaches 11-3021.00.
  Scorer scorer(bundle);
  const UnitGroupFigures& directors = scorer.unit_groups()[*bundle.find_unit_group("1137")];
  REQUIRE(directors.scored);
  CHECK(directors.alpha01 == Approx(2.0 / 5.0).margin(1e-12));  // Core E1 2, Core E2 2, untyped E0 1
  CHECK(directors.zeta01 == Approx(4.0 / 5.0).margin(1e-12));
  const UnitGroupFigures& programmers = scorer.unit_groups()[*bundle.find_unit_group("2134")];
  REQUIRE(programmers.scored);
  CHECK(programmers.alpha01 == Approx(2.0 / 3.0).margin(1e-12));  // Core E1 2, Supplemental E3->E2 1
  CHECK(programmers.zeta01 == Approx(1.0).margin(1e-12));
  CHECK_FALSE(farmers.isco.empty());
  CHECK_FALSE(scorer.unit_groups()[*bundle.find_unit_group("5111")].scored);

  // The other measures, recomputed from their parts and bridged through the modal ISCO-08 code: 1137 -> 1330 (ILO
  // mean of 0.4 and 0.5; Microsoft 11-3021, (2 x 0.3 + 1 x 0.15) / 3), 2134 -> 2512, 5111 -> 6111 (in neither).
  const auto value = [&](Measure measure, const char* soc) {
    const UnitGroupFigures& figures = scorer.figures(measure)[*bundle.find_unit_group(soc)];
    return figures.scored ? figures.score01 : -1.0;
  };
  CHECK(value(Measure::Ilo2025, "1137") == Approx(0.45).margin(1e-9));
  CHECK(value(Measure::Ilo2023, "1137") == Approx(0.35).margin(1e-9));
  CHECK(value(Measure::Microsoft, "1137") == Approx(0.25).margin(1e-9));
  CHECK(value(Measure::Ilo2025, "2134") == Approx(0.6).margin(1e-9));
  CHECK(value(Measure::Ilo2023, "2134") == -1.0);  // the ILO gives 2512 no 2023 score
  CHECK(value(Measure::Microsoft, "2134") == Approx(0.3).margin(1e-9));
  CHECK(value(Measure::Ilo2025, "5111") == -1.0);
  CHECK(value(Measure::Microsoft, "5111") == -1.0);
  CHECK(bundle.isco[bundle.unit_groups[*bundle.find_unit_group("1137")].isco.front().isco].ilo_gradient ==
        IloGradient::Gradient2);
  Assumptions blend;
  blend.bridge = BridgeMode::Blend;
  REQUIRE(scorer.set(blend).ok());
  CHECK(value(Measure::Ilo2025, "1137") == Approx((2 * 0.45 + 0.6) / 3).margin(1e-9));  // 1330 x 2 entries, 2512 x 1
  // The ILO task part keeps the quoted reasons, the line break and the expert-reconciled flag.
  const auto ilo = parse_ilo_tasks(bundle, result.files.at("ilo/tasks-1330.json"));
  REQUIRE(ilo.ok());
  REQUIRE(ilo.value().tasks.size() == 2);
  CHECK(ilo.value().tasks[0].reason_gpt4o == "Planning is \"partly\" automatable.");
  CHECK(ilo.value().tasks[0].score_gpt4o == 420'000'000);
  CHECK(ilo.value().tasks[1].reason_gpt4o == "Reports\nare text.");
  CHECK(ilo.value().tasks[1].reconciled);
  CHECK(ilo.value().tasks[1].score_2025 == 500'000'000);
  const auto other = parse_ilo_tasks(bundle, result.files.at("ilo/tasks-2512.json"));
  REQUIRE(other.ok());
  CHECK(other.value().tasks[0].score_gemini == kNoMeasureValue);
  CHECK(other.value().tasks[0].score_2023 == kNoMeasureValue);

  // COVERAGE.md explains 5111, and counts the skipped 3-digit ISCO-08 row and the task not in 29.3.
  const std::string& coverage = result.files.at("COVERAGE.md");
  const auto unscored = section_rows(coverage, "Unit groups not scored by the default bridge");
  REQUIRE(unscored.size() == 1);
  CHECK(unscored[0] == std::vector<std::string>{"5111", "Farmers",
                                                "modal ISCO-08 6111 reaches SOC 2018 45-2092, which has no O*NET "
                                                "occupation with labelled tasks",
                                                "no"});
  CHECK_THAT(coverage, Contains("| BLS crosswalk rows on 3-digit ISCO-08 minor groups (skipped) | 1 |"));
  CHECK_THAT(coverage, Contains("not in O*NET 29.3 Task Statements (older release; text kept from the label set) | 1 |"));

  // SOURCES.md and bundle.meta.json carry the digest of every synthetic source.
  const auto meta = nlohmann::json::parse(result.files.at("bundle.meta.json"));
  for (const auto& [path, contents] : synthetic_sources()) {
    INFO(path);
    const std::string digest = sha256_hex(contents);
    std::string quoted = "`";
    quoted += digest;
    quoted += '`';
    CHECK_THAT(result.files.at("SOURCES.md"), Contains(quoted));
    CHECK_THAT(result.files.at("bundle.meta.json"), Contains(digest));
  }
  // ... and of every other output file.
  for (const auto& file : meta["files"]) {
    const std::string path = file["path"];
    INFO(path);
    REQUIRE(result.files.count(path) == 1);
    CHECK(file["sha256"] == sha256_hex(result.files.at(path)));
  }
}

TEST_CASE("the breakdowns' sources give each unit group its split from the nearest code with both sides", "[build]") {
  TempDir sources;
  write_tree(sources.path(), synthetic_sources());
  const BuildResult result = build_bundle(sources.path());
  const Bundle bundle = parse_built(result);
  const auto parsed = parse_breakdowns(bundle, result.files.at("breakdowns.json"));
  REQUIRE(parsed.ok());
  const Breakdowns& b = parsed.value();
  const auto split = [&](const std::vector<SplitSource>& splits, const char* soc) {
    return splits[*bundle.find_unit_group(soc)];
  };
  // Sex: 1137 its own 10 women and 50 men; 2134 withholds its women, so 213's 30 and 120; 5111 withholds both, and
  // so do 511 and 51: major group 5's 100 and 300.
  CHECK(split(b.sex, "1137").level == 0);
  CHECK(split(b.sex, "1137").first_k == 10);
  CHECK(split(b.sex, "1137").second_k == 50);
  CHECK(split(b.sex, "2134").level == 1);
  CHECK(split(b.sex, "2134").first_k == 30);
  CHECK(split(b.sex, "2134").second_k == 120);
  CHECK(split(b.sex, "5111").level == 3);
  CHECK(split(b.sex, "5111").first_k == 100);
  // Working pattern: 2134 publishes its own; 5111 takes sub-major group 51's 40 and 10.
  CHECK(split(b.pattern, "2134").level == 0);
  CHECK(split(b.pattern, "2134").first_k == 130);
  CHECK(split(b.pattern, "5111").level == 2);
  CHECK(split(b.pattern, "5111").first_k == 40);
  CHECK(split(b.pattern, "5111").second_k == 10);
  // 2025 medians by sex, "85000.0" read as whole pounds; none for 5111.
  CHECK(b.female_median_gbp[*bundle.find_unit_group("1137")] == 85000);
  CHECK(b.male_median_gbp[*bundle.find_unit_group("2134")] == 46000);
  CHECK(b.female_median_gbp[*bundle.find_unit_group("5111")] == kNoMedian);
  // Industry: 19 sections; J's two published cells, its withheld one and its total.
  REQUIRE(b.industry.size() == 19);
  const IndustrySection& j = b.industry[9];
  CHECK(j.letter == "J");
  CHECK(j.title == "Information and communication");
  CHECK(j.total_people == 200000);
  CHECK(j.withheld_cells == 1);
  REQUIRE(j.cells.size() == 2);
  CHECK(j.cells[0].unit_group == *bundle.find_unit_group("1137"));
  CHECK(j.cells[0].people == 20000);
  CHECK(j.cells[1].people == 150000);
  CHECK(b.industry[0].cells.size() == 1);
  CHECK(b.industry[0].cells[0].small_sample);
  CHECK(b.industry[2].withheld_cells == 0);  // C's '-' cell: no figures to report, not withheld
  // Region: every SOC 2020 minor group of the structure, in the 12 nations and regions; 511 has no London figure.
  CHECK(b.region.minor_groups == std::vector<std::string>{"113", "213", "511"});
  REQUIRE(b.region.regions.size() == 12);
  CHECK(b.region.regions[2] == "London");
  CHECK(b.region.at(0, 2) == 20000);
  CHECK(b.region.at(2, 2) == kNoPeople);
  CHECK(b.region.at(2, 0) == 2000);
  // COVERAGE.md counts the levels and cells.
  const std::string& coverage = result.files.at("COVERAGE.md");
  CHECK_THAT(coverage, Contains("| the unit group itself | 1 | 2 |"));
  CHECK_THAT(coverage, Contains("| its sub-major group (2 digits) | 0 | 1 |"));
  CHECK_THAT(coverage, Contains("| published unit group x industry section cells | 4 |"));
  CHECK_THAT(coverage, Contains("| minor group x nation or region cells with a figure | 35 of 36 |"));
}

TEST_CASE("the synthetic build is deterministic and changes its build id when a source changes", "[build]") {
  TempDir sources;
  auto files = synthetic_sources();
  write_tree(sources.path(), files);
  const BuildResult first = build_bundle(sources.path());
  const BuildResult second = build_bundle(sources.path());
  CHECK(first.files == second.files);

  files[std::string(source_path::kTaskImportance)] += "15-1252.00,16987,4.00,30.1\n";
  write_tree(sources.path(), files);
  const BuildResult changed = build_bundle(sources.path());
  CHECK(changed.summary.build != first.summary.build);
  CHECK(changed.summary.rated_tasks == 3);
}

namespace {

struct BadInput {
  const char* what;
  std::string_view file;
  std::string from;  // replaced once in `file`
  std::string to;
  std::size_t line;
  const char* field;
  const char* problem;
};

const std::vector<BadInput>& malformed_rows() {
  static const std::vector<BadInput> cases{
      {"a label set Task ID with a fraction", source_path::kLabelSet, "\t968.0\t", "\t968.5\t", 2, "Task ID",
       "\"968.5\" is not a whole task id"},
      {"an importance with three decimals", source_path::kTaskImportance, "968,4.10", "968,4.105", 2, "im",
       "is not an importance from 1.00 to 5.00"},
      {"an O*NET occupation code without its suffix", source_path::kOnetOccupations, "15-1252.00\tSoftware",
       "15-1252\tSoftware", 3, "O*NET-SOC Code", "is not an O*NET-SOC code"},
      {"a Task Statements id with a fraction", source_path::kTaskStatements, "\t16987\t", "\t16987.5\t", 5, "Task ID",
       "is not a whole task id"},
      {"an ASHE marker beside a value", source_path::kAshe, "60,90081,5.0,4.0,,", "60,90081,5.0,4.0,x,", 2,
       "jobs_marker", "beside a published value"},
      {"an ASHE row with a field missing", source_path::kAshe, "25.0,30.0,x,x", "25.0,30.0,x", 4, "",
       "has 7 fields, the header has 8"},
      {"a 3-digit unit group after a description spanning two lines", source_path::kSocStructure,
       ",2134,Programmers", ",213,Programmers", 4, "unit_group", "\"213\" is not a 4-digit SOC 2020 code"},
      {"an unterminated quote in the structure", source_path::kSocStructure, "Farmers run farms.",
       "\"Farmers run farms.", 5, "field 9", "quoted field is never closed"},
      {"a coding-index ISCO-08 code missing a digit", source_path::kCodingIndex, ",6111,", ",611,", 6,
       "ISCO-08 code based on SOC2020", "\"611\" is not a 4-digit ISCO-08 code"},
      {"a BLS SOC 2010 code missing a digit", source_path::kIscoToSoc2010, "15-1132,", "15-113,", 4, "2010 SOC Code",
       "\"15-113\" is not a US SOC 2010 code"},
      {"a letter O for a zero in a SOC 2010 code", source_path::kSoc2010To2018, "\n45-2092,", "\n45-2O92,", 4,
       "2010 SOC Code", "\"45-2O92\" is not a US SOC 2010 code"},
      {"an O*NET-SOC 2019 code with one decimal", source_path::kOnetToSoc2018, "45-2092.00,", "45-2092.0,", 4,
       "O*NET-SOC 2019 Code", "is not an O*NET-SOC code"},
      // Problems only visible across files.
      {"an ASHE row for a unit group SOC 2020 does not have", source_path::kAshe, "5111,Farmers", "5112,Farmers", 4,
       "soc2020", "5112 is not a SOC 2020 unit group"},
      {"a task id used twice in the label set", source_path::kLabelSet, "\t969.0\t", "\t968.0\t", 3, "Task ID",
       "task id 968 already on line 2"},
      {"a coding-index entry for an unknown unit group", source_path::kCodingIndex, ",2134,2134/01,",
       ",2135,2135/01,", 5, "SOC_2020", "2135 is not a SOC 2020 unit group"},
      {"two titles for one ISCO-08 code", source_path::kCodingIndex, ",Software developers,Software developer\n",
       ",Software engineers,Software developer\n", 5, "ISCO08_unit_group_title",
       "differs from another entry's title for ISCO-08 2512"},
      // The independent measures: bad fields, and published figures the parts do not reproduce.
      {"an ILO task score above 1", source_path::kIloTasks, ",0.6,predicted,", ",1.6,predicted,", 5, "score_2025",
       "\"1.6\" is not a number from 0 to 1"},
      {"an ILO code of three digits", source_path::kIloTasks, ",2512,Software", ",251,Software", 5, "ISCO_08",
       "\"251\" is not a 4-digit ISCO-08 code"},
      {"an unknown ILO exposure category", source_path::kIloTasks, "Exposed: Gradient 3", "Exposed: Gradient 5", 5,
       "potential25", "is not an exposure category of WP 140"},
      {"an ILO occupation mean its tasks do not give", source_path::kIloTasks, ",0.4,predicted,0.35,0.45,",
       ",0.3,predicted,0.35,0.45,", 2, "mean_score_2025", "ISCO-08 1330: the mean of its 2 task scores is 0.4, published 0.45"},
      {"an ILO task whose published mean differs from the occupation's first row", source_path::kIloTasks,
       "reconciled,0.35,0.45,", "reconciled,0.35,0.46,", 3, "mean_score_2025", "differs from line 2 for ISCO-08 1330"},
      {"an ILO task listed twice", source_path::kIloTasks, "Managers,1330,ICT services managers,2,",
       "Managers,1330,ICT services managers,1,", 3, "taskID", "task 1 of ISCO-08 1330 listed twice"},
      {"a Microsoft score its IWA figures do not give", source_path::kMicrosoftScores, ",0.25\n", ",0.26\n", 2,
       "ai_applicability_score", "11-3021: recomputed from the IWA figures as 0.25"},
      {"a Microsoft IWA with a counting side but no completion", source_path::kMicrosoftIwaMetrics,
       "0.01,0.002,0.8,", "0.01,0.002,,", 2, "completion_user", "empty"},
      {"a negative Microsoft weight", source_path::kMicrosoftIwaWeights, "11-3021,2.0,", "11-3021,-2.0,", 2,
       "4.A.1.a.1.I01", "\"-2.0\" is not a weight of 0 or more"},
      {"a Microsoft pair naming an unknown IWA", source_path::kMicrosoftSocToIwas, "15-1252,4.A.1.a.1.I01",
       "15-1252,4.A.1.a.1.I09", 4, "IWA", "4.A.1.a.1.I09 has no row in microsoft/iwa_metrics.csv"},
      // The breakdowns' sources. ASHE 2024 by sex and working pattern (line 2 is major group 1's "all" row).
      {"an ASHE 2024 jobs marker that is not ONS's", source_path::kAsheSexPattern2024,
       "2134,Programmers and software development professionals,female,,,,25.0,,x,x,x",
       "2134,Programmers and software development professionals,female,,,,25.0,,z,x,x", 67, "jobs_marker",
       "empty value needs a marker of x, .., : or blank, found \"z\""},
      {"an ASHE 2024 median marker that is not ONS's", source_path::kAsheSexPattern2024,
       "2134,Programmers and software development professionals,female,,,,25.0,,x,x,x",
       "2134,Programmers and software development professionals,female,,,,25.0,,x,?,x", 67, "median_marker",
       "\"?\" is not an ONS marker (x, .., :)"},
      {"an ASHE 2024 code of five digits", source_path::kAsheSexPattern2024, "\n1137,Information technology directors,all,",
       "\n11370,Information technology directors,all,", 29, "soc2020", "\"11370\" is not a SOC 2020 code of 1 to 4 digits"},
      {"an ASHE 2024 sheet that is not one of the nine", source_path::kAsheSexPattern2024,
       "1137,Information technology directors,female,", "1137,Information technology directors,women,", 31, "group",
       "\"women\" is not one of the nine sheets"},
      {"an ASHE 2024 sheet listed twice", source_path::kAsheSexPattern2024,
       "1137,Information technology directors,female,", "1137,Information technology directors,male,", 31, "group",
       "sheet male of 1137 listed twice"},
      {"ASHE 2024 women and men who do not add up to all jobs", source_path::kAsheSexPattern2024,
       "1137,Information technology directors,female,10,", "1137,Information technology directors,female,12,", 29,
       "jobs_thousands", "1137: all 60 thousand jobs is not male 50 + female 12"},
      // ASHE 2025 medians by sex.
      {"an ASHE 2025 median with a fraction", source_path::kAsheSexMedians2025, "1137,female,85000.0,",
       "1137,female,85000.5,", 4, "median_gbp", "\"85000.5\" is not whole pounds"},
      {"an ASHE 2025 sheet the extract does not have", source_path::kAsheSexMedians2025, "5111,female,,",
       "5111,part_time,,", 16, "group", "\"part_time\" is not one of all, male, female"},
      {"an ASHE 2025 all median that is not Table 14.7a's", source_path::kAsheSexMedians2025, "2134,all,45000,",
       "2134,all,45001,", 8, "median_gbp", "2134: the median of sheet all (45001) is not Table 14.7a's"},
      // APS 2024 by industry (line 2 is section A's small-sample cell of 5111).
      {"an APS marker that is not ONS's", source_path::kApsIndustry, ",,*,0\n", ",,x,0\n", 16, "marker",
       "\"x\" is not an ONS marker (* or -)"},
      {"an APS section outside A to S", source_path::kApsIndustry, "2024,5111,A,", "2024,5111,T,", 2, "section",
       "\"T\" is not a section from A to S"},
      {"an APS section title not in the list", source_path::kApsIndustry, "2024,5111,A,\"Agriculture, forestry and fishing\"",
       "2024,5111,A,Farming", 2, "section_title", "\"Farming\" is not the title of section A"},
      {"an APS small-sample flag other than 0 or 1", source_path::kApsIndustry, ",3000,,1\n", ",3000,,2\n", 2,
       "small_sample", "\"2\" is not 0 or 1"},
      {"an APS figure beside a marker", source_path::kApsIndustry, ",8000,,0\n", ",8000,*,0\n", 5, "marker",
       "marker \"*\" beside a published figure"},
      {"an APS unit group that is not in SOC 2020", source_path::kApsIndustry, "2024,2134,C,", "2024,2135,C,", 5,
       "soc2020", "2135 is not a SOC 2020 unit group"},
      {"APS cells above their section's total: a share above 1", source_path::kApsIndustry,
       "2024,total,J,Information and communication,200000,", "2024,total,J,Information and communication,160000,", 17,
       "employment", "add up to 170000 people, more than its total: a share above 1"},
      // APS 2024 by region.
      {"an APS region not in the list", source_path::kApsRegion, "113,Functional Managers,London,",
       "113,Functional Managers,Greater London,", 8, "region", "\"Greater London\" is not one of the 12 UK nations"},
      {"an APS minor group title that is not SOC 2020's", source_path::kApsRegion, "113,Functional Managers,East,",
       "113,Functional Directors,East,", 2, "title", "\"Functional Directors\" is not the title of minor group 113"},
      {"an APS region figure that is not a whole number", source_path::kApsRegion, "213,,East,10000",
       "213,,East,10000.5", 3, "employment", "\"10000.5\" is not a whole number of people"},
  };
  return cases;
}

}  // namespace

TEST_CASE("a missing source file stops the build, naming the file", "[build]") {
  const auto i = GENERATE(range(std::size_t{0}, std::size_t{19}));
  REQUIRE(source_catalog().size() == 19);
  const std::string missing(source_catalog()[i].path);
  INFO(missing);
  TempDir sources;
  auto files = synthetic_sources();
  REQUIRE(files.size() == source_catalog().size());
  REQUIRE(files.erase(missing) == 1);
  write_tree(sources.path(), files);
  require_source_error([&] { (void)build_bundle(sources.path()); }, missing, 0, "", "cannot open file");
}

TEST_CASE("a changed header stops the build, naming the file, line 1 and the column", "[build]") {
  const auto i = GENERATE(range(std::size_t{0}, std::size_t{19}));
  const std::string path(source_catalog()[i].path);
  INFO(path);
  TempDir sources;
  auto files = synthetic_sources();
  std::string& text = files.at(path);
  // Rename the last column of the header.
  const auto end_of_header = text.find('\n');
  REQUIRE(end_of_header != std::string::npos);
  const char delimiter = text.substr(0, end_of_header).find('\t') != std::string::npos ? '\t' : ',';
  std::size_t columns = 1;
  for (std::size_t c = 0; c < end_of_header; ++c) columns += text[c] == delimiter;
  text.insert(end_of_header, " (renamed)");
  write_tree(sources.path(), files);
  require_source_error([&] { (void)build_bundle(sources.path()); }, path, 1, "column " + std::to_string(columns),
                       "expected header");
}

TEST_CASE("a malformed row stops the build, naming the file, line and field", "[build]") {
  const auto i = GENERATE(range(std::size_t{0}, malformed_rows().size()));
  const BadInput& bad = malformed_rows()[i];
  INFO(bad.what);
  TempDir sources;
  auto files = synthetic_sources();
  std::string& text = files.at(std::string(bad.file));
  text = replace_once(text, bad.from, bad.to);
  write_tree(sources.path(), files);
  require_source_error([&] { (void)build_bundle(sources.path()); }, bad.file, bad.line, bad.field, bad.problem);
}

TEST_CASE("a code the breakdowns' sources give that is not in SOC 2020 stops the build at its first row", "[build]") {
  struct Case {
    std::string_view file;
    std::string from;  // every occurrence is replaced
    std::string to;
    std::size_t line;
    const char* field;
    const char* problem;
  };
  const auto i = GENERATE(0, 1, 2);
  const Case cases[] = {
      {source_path::kAsheSexPattern2024, "\n113,Functional", "\n119,Functional", 20, "soc2020",
       "119 is not a SOC 2020 code"},
      {source_path::kAsheSexMedians2025, "\n5111,", "\n5112,", 14, "soc2020", "5112 is not a SOC 2020 unit group"},
      {source_path::kApsRegion, "\n511,", "\n512,", 4, "soc2020_minor_group", "512 is not a SOC 2020 minor group"},
  };
  const Case& bad = cases[i];
  INFO(bad.file);
  TempDir sources;
  auto files = synthetic_sources();
  std::string& text = files.at(std::string(bad.file));
  std::size_t replaced = 0;
  for (auto at = text.find(bad.from); at != std::string::npos; at = text.find(bad.from, at + bad.to.size())) {
    text.replace(at, bad.from.size(), bad.to);
    ++replaced;
  }
  REQUIRE(replaced > 1);
  write_tree(sources.path(), files);
  require_source_error([&] { (void)build_bundle(sources.path()); }, bad.file, bad.line, bad.field, bad.problem);
}

TEST_CASE("a label set code missing from O*NET Occupation Data stops the build at the label set row", "[build]") {
  TempDir sources;
  auto files = synthetic_sources();
  std::string& occupations = files.at(std::string(source_path::kOnetOccupations));
  occupations = replace_once(occupations,
                             "15-1252.00\tSoftware Developers\tResearch, design, and develop computer and network "
                             "software.\n",
                             "");
  write_tree(sources.path(), files);
  require_source_error([&] { (void)build_bundle(sources.path()); }, source_path::kLabelSet, 5, "O*NET-SOC Code",
                       "15-1252.00 is not in onet/Occupation Data.txt");
}

TEST_CASE("a unit group without an ASHE row stops the build, naming the ASHE file and the unit group", "[build]") {
  TempDir sources;
  auto files = synthetic_sources();
  std::string& ashe = files.at(std::string(source_path::kAshe));
  ashe = replace_once(ashe, "2134,Programmers and software development professionals,150,45000,3.0,2.0,,\n", "");
  write_tree(sources.path(), files);
  require_source_error([&] { (void)build_bundle(sources.path()); }, source_path::kAshe, 0, "soc2020",
                       "no row for unit group 2134");
}

TEST_CASE("bad input leaves an earlier bundle in the output folder byte-identical", "[build]") {
  // One case of each kind: a missing file, a changed header, a malformed row.
  const auto kind = GENERATE(0, 1, 2);
  TempDir work;
  const fs::path good = work.path() / "good";
  const fs::path bad = work.path() / "bad";
  const fs::path out = work.path() / "out";
  write_tree(good, synthetic_sources());
  build_and_write(good, out);
  const auto before = snapshot(out);
  REQUIRE(before.count("bundle.json") == 1);
  const auto folders_before = directories(out);

  auto files = synthetic_sources();
  // Make the bad build differ in content too, so a partial write would show.
  files[std::string(source_path::kTaskImportance)] += "15-1252.00,16987,4.00,30.1\n";
  std::string expected_file;
  switch (kind) {
    case 0:
      expected_file = std::string(source_path::kCodingIndex);
      files.erase(expected_file);
      break;
    case 1: {
      expected_file = std::string(source_path::kOnetToSoc2018);
      std::string& text = files.at(expected_file);
      text = replace_once(text, "2018 SOC Title\n", "2018 SOC Name\n");
      break;
    }
    default: {
      expected_file = std::string(source_path::kSoc2010To2018);
      std::string& text = files.at(expected_file);
      text = replace_once(text, "\n45-2092,", "\n45-2092x,");
      break;
    }
  }
  INFO(expected_file);
  write_tree(bad, files);
  try {
    build_and_write(bad, out);
    FAIL("no SourceError was thrown");
  } catch (const SourceError& error) {
    CHECK(error.file() == expected_file);
  }
  CHECK(snapshot(out) == before);
  CHECK(directories(out) == folders_before);
  CHECK_FALSE(fs::exists(out / ".staging"));
}

TEST_CASE("write_bundle writes every file of the build, creating the output folder", "[build]") {
  TempDir work;
  write_tree(work.path() / "sources", synthetic_sources());
  const BuildResult result = build_bundle(work.path() / "sources");
  const fs::path out = work.path() / "nested" / "out";
  write_bundle(result, out);
  CHECK(snapshot(out) == result.files);
  CHECK_FALSE(fs::exists(out / ".staging"));
}

TEST_CASE("write_bundle replaces an earlier bundle and removes text parts the new build lacks", "[build]") {
  TempDir work;
  write_tree(work.path() / "sources", synthetic_sources());
  const BuildResult result = build_bundle(work.path() / "sources");
  const fs::path out = work.path() / "out";
  // An earlier build: other contents, a text part this build does not have, and files that are not parts.
  write_file(out / "bundle.json", "{\"old\": true}\n");
  write_file(out / "text" / "tasks-11.json", "old part\n");
  write_file(out / "text" / "tasks-99.json", "stale part\n");
  write_file(out / "text" / "README.txt", "not a part\n");
  write_file(out / "notes.txt", "kept\n");

  write_bundle(result, out);
  auto expected = result.files;
  expected["text/README.txt"] = "not a part\n";
  expected["notes.txt"] = "kept\n";
  CHECK(snapshot(out) == expected);
  CHECK_FALSE(fs::exists(out / "text" / "tasks-99.json"));
  CHECK_FALSE(fs::exists(out / ".staging"));

  // Writing the same build again changes nothing.
  write_bundle(result, out);
  CHECK(snapshot(out) == expected);
}

TEST_CASE("write_bundle clears a stale staging folder left by an interrupted run", "[build]") {
  TempDir work;
  write_tree(work.path() / "sources", synthetic_sources());
  const BuildResult result = build_bundle(work.path() / "sources");
  const fs::path out = work.path() / "out";
  write_file(out / ".staging" / "text" / "tasks-42.json", "left over\n");
  write_file(out / ".previous" / "bundle.json", "set aside by an interrupted run\n");
  write_bundle(result, out);
  CHECK(snapshot(out) == result.files);
  CHECK_FALSE(fs::exists(out / ".staging"));
  CHECK_FALSE(fs::exists(out / ".previous"));
}

TEST_CASE("a failure while moving files into place puts back every file already replaced", "[build]") {
  TempDir work;
  write_tree(work.path() / "sources", synthetic_sources());
  const fs::path out = work.path() / "out";
  build_and_write(work.path() / "sources", out);
  // The text parts cannot be moved in: "text" is now a file. Seven files come before them in the build's order.
  fs::remove_all(out / "text");
  write_file(out / "text", "a file where the parts' folder was\n");
  const auto before = snapshot(out);
  // And a run stopped between moving bundle.json aside and moving its successor in: the run restores it first.
  fs::create_directories(out / ".previous");
  fs::rename(out / "bundle.json", out / ".previous" / "bundle.json");
  BuildResult next = build_bundle(work.path() / "sources");
  for (auto& [relative, contents] : next.files) contents += "changed\n";
  REQUIRE(next.files.begin()->first < "text/");
  try {
    write_bundle(next, out);
    FAIL("no exception was thrown");
  } catch (const std::runtime_error& error) {
    CHECK_THAT(error.what(), Contains((out / "text").string()));
  }
  CHECK(snapshot(out) == before);
  CHECK(directories(out) == std::set<std::string>{"ilo"});  // the ILO parts' folder, as before; nothing left over
}

TEST_CASE("a write failure while staging leaves an earlier bundle byte-identical and names the path", "[build]") {
  TempDir work;
  write_tree(work.path() / "sources", synthetic_sources());
  const fs::path out = work.path() / "out";
  build_and_write(work.path() / "sources", out);
  const auto before = snapshot(out);
  // "details.json" must be both a file and a folder: the second cannot be staged.
  BuildResult impossible;
  impossible.files["bundle.json"] = "new bundle\n";
  impossible.files["details.json"] = "new details\n";
  impossible.files["details.json/part.json"] = "cannot exist\n";
  try {
    write_bundle(impossible, out);
    FAIL("no exception was thrown");
  } catch (const SourceError&) {
    FAIL("an I/O failure is not a SourceError");
  } catch (const std::runtime_error& error) {
    CHECK_THAT(error.what(), Contains("details.json"));
  }
  auto after = snapshot(out);
  // Whatever is left in the staging folder, the bundle itself is untouched.
  for (auto it = after.begin(); it != after.end();) {
    it = it->first.rfind(".staging/", 0) == 0 ? after.erase(it) : std::next(it);
  }
  CHECK(after == before);
}

TEST_CASE("write_bundle names the path when the output folder cannot be created", "[build]") {
  TempDir work;
  write_tree(work.path() / "sources", synthetic_sources());
  const BuildResult result = build_bundle(work.path() / "sources");
  const fs::path blocker = work.path() / "file";
  write_file(blocker, "a file, not a folder\n");
  try {
    write_bundle(result, blocker / "out");
    FAIL("no exception was thrown");
  } catch (const SourceError&) {
    FAIL("an I/O failure is not a SourceError");
  } catch (const std::runtime_error& error) {
    CHECK_THAT(error.what(), Contains((blocker / "out").string()));
  }
  CHECK(read_text(blocker) == "a file, not a folder\n");
}
