// Readers of the raw sources (pipeline/src/sources.cpp): one test per data quirk of SCORING.md section 6 and
// the SOURCES files in ../shared/data, each on small inline text, plus the field helpers they share.
#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdint>
#include <initializer_list>
#include <map>
#include <utility>
#include <string>
#include <string_view>
#include <vector>

#include "aiexp/pipeline/sources.h"
#include "aiexp/pipeline/table.h"
#include "source_error_check.h"

using namespace aiexp;
using namespace aiexp::pipeline;
using Catch::Matchers::Contains;
using aiexp::test::require_source_error;

namespace {


std::string join(std::initializer_list<std::string_view> fields, char delimiter) {
  std::string line;
  bool first = true;
  for (std::string_view field : fields) {
    if (!first) line += delimiter;
    line += field;
    first = false;
  }
  return line + "\n";
}

// ---- eloundou/full_labelset.tsv ----

const std::string kLabelHeader = join({"", "O*NET-SOC Code", "Task ID", "Task", "Task Type", "Title",
                                       "human_exposure_agg", "gpt4_exposure", "gpt4_exposure_alt_rubric",
                                       "gpt_3_relevant", "gpt4_automation", "alpha", "beta", "gamma", "automation",
                                       "human_labels"},
                                      '\t');

struct LabelRow {
  std::string index = "0";
  std::string code = "11-3021.00";
  std::string id = "968.0";
  std::string text = "Review project plans to plan and coordinate project activity.";
  std::string type = "Core";
  std::string title = "Computer and Information Systems Managers";
  std::string human_agg = "E0";
  std::string gpt4 = "E2";
  std::string alt = "E2";
  std::string human = "E0";

  std::string line() const {
    return join({index, code, id, text, type, title, human_agg, gpt4, alt, "False", "T2", "0.0", "0.5", "1.0", "0.5",
                 human},
                '\t');
  }
};

std::vector<LabelledTask> parse_labels(const std::vector<LabelRow>& rows) {
  std::string text = kLabelHeader;
  for (const LabelRow& row : rows) text += row.line();
  return parse_label_set(Table::parse(text, '\t', std::string(source_path::kLabelSet)));
}

Label label_of(const LabelledTask& task, LabelSource source) { return task.labels[static_cast<std::size_t>(source)]; }

// ---- onet/task_importance_IM.csv ----

std::map<std::pair<std::string, std::int32_t>, std::uint16_t> parse_importance(std::string_view rows) {
  return parse_task_importance(Table::parse("onet_soc_code,task_id,im,onet_release\n" + std::string(rows), ',',
                                            std::string(source_path::kTaskImportance)));
}

// ---- uk/ashe_2025_prov_table14_7a.csv ----

std::vector<AsheRow> parse_ashe_rows(std::string_view rows) {
  return parse_ashe(Table::parse(
      "soc2020,description,jobs_thousands,median_gbp,cv_jobs_pct,cv_median_pct,jobs_marker,median_marker\n" +
          std::string(rows),
      ',', std::string(source_path::kAshe)));
}

// ---- uk/soc2020_coding_index.csv ----

struct IndexRow {
  std::string soc = "2132";
  std::string isco = "1330";
  std::string add;
  std::string ind;
  std::string isco_title = "Information and communications technology services managers";
  std::string title = "IT manager";

  std::string line() const {
    return join({"a1aa", "1", "", "", "", "", soc, soc + "/00", "\"Manager, IT\"", add, ind, "", isco, "", "", "",
                 "", "", "", "IT managers", isco_title, title},
                ',');
  }
};

std::vector<CodingIndexEntry> parse_index(const std::vector<IndexRow>& rows) {
  std::string text = join({"UNIQUE ID", "RECNO", "D", "SOC_90", "SOC_2000", "SOC_2010", "SOC_2020", "SOC_2020_ext",
                           "INDEXOCC", "ADD", "IND", "SEE", "ISCO-08 code based on SOC2020", "VERSNO", "CHANGE",
                           "SOC2020_ext_SUG_title", "SOC90_unit_group_title", "SOC2000_unit_group_title",
                           "SOC2010_unit_group_title", "SOC2020_unit_group_title", "ISCO08_unit_group_title",
                           "INDEXOCC-natural_word_order"},
                          ',');
  for (const IndexRow& row : rows) text += row.line();
  return parse_coding_index(Table::parse(text, ',', std::string(source_path::kCodingIndex)));
}

// ---- xwalk/bls_isco08_soc2010_crosswalk.isco08_to_soc2010.csv ----

IscoCrosswalk parse_crosswalk(std::string_view rows) {
  return parse_isco_to_soc2010(Table::parse(
      "ISCO-08 Code,ISCO-08 Title EN,part,2010 SOC Code,2010 SOC Title,Comment 8/17/11\n" + std::string(rows), ',',
      std::string(source_path::kIscoToSoc2010)));
}

}  // namespace

// ==== Eloundou label set ====

TEST_CASE("the label set's unnamed first column (a pandas row index) is accepted and not read", "[sources]") {
  LabelRow a;
  a.index = "0";
  LabelRow b;
  b.index = "not a number";  // the index is never interpreted
  b.id = "969.0";
  const auto tasks = parse_labels({a, b});
  REQUIRE(tasks.size() == 2);
  CHECK(tasks[0].task_id == 968);
  CHECK(tasks[1].task_id == 969);

  // A header whose first column has a name is not the label set.
  std::string renamed = kLabelHeader;
  renamed.insert(0, "index");
  require_source_error(
      [&] { (void)parse_label_set(Table::parse(renamed + a.line(), '\t', std::string(source_path::kLabelSet))); },
      source_path::kLabelSet, 1, "column 1", "expected header \"\", found \"index\"");
}

TEST_CASE("a label set Task ID written as a float with a zero fraction is read as a whole id", "[sources]") {
  LabelRow float_id;
  float_id.id = "968.0";
  LabelRow plain_id;
  plain_id.id = "969";
  LabelRow two_zeros;
  two_zeros.id = "15198.00";
  const auto tasks = parse_labels({float_id, plain_id, two_zeros});
  REQUIRE(tasks.size() == 3);
  CHECK(tasks[0].task_id == 968);
  CHECK(tasks[1].task_id == 969);
  CHECK(tasks[2].task_id == 15198);
  CHECK(tasks[0].line == 2);
  CHECK(tasks[2].line == 4);
}

TEST_CASE("a label set Task ID with a non-zero fraction is rejected naming file, line and field", "[sources]") {
  LabelRow good;
  LabelRow bad;
  bad.id = "968.5";
  require_source_error([&] { (void)parse_labels({good, bad}); }, source_path::kLabelSet, 3, "Task ID",
                       "\"968.5\" is not a whole task id");
  bad.id = "";
  require_source_error([&] { (void)parse_labels({bad}); }, source_path::kLabelSet, 2, "Task ID",
                       "is not a whole task id");
  bad.id = "-968.0";
  require_source_error([&] { (void)parse_labels({bad}); }, source_path::kLabelSet, 2, "Task ID",
                       "is not a whole task id");
}

TEST_CASE("parse_task_id accepts whole ids and float ids with a zero fraction only", "[sources]") {
  CHECK(parse_task_id("968.0") == 968);
  CHECK(parse_task_id("968") == 968);
  CHECK(parse_task_id("968.000") == 968);
  CHECK(parse_task_id("1") == 1);
  CHECK(parse_task_id("2147483647") == 2147483647);
  CHECK_FALSE(parse_task_id("968.5"));
  CHECK_FALSE(parse_task_id("968.05"));
  CHECK_FALSE(parse_task_id("968."));
  CHECK_FALSE(parse_task_id(".0"));
  CHECK_FALSE(parse_task_id(""));
  CHECK_FALSE(parse_task_id("0"));
  CHECK_FALSE(parse_task_id("0.0"));
  CHECK_FALSE(parse_task_id("-5"));
  CHECK_FALSE(parse_task_id("+5"));
  CHECK_FALSE(parse_task_id("9.68e2"));
  CHECK_FALSE(parse_task_id("2147483648"));
  CHECK_FALSE(parse_task_id("99999999999999999999"));
  CHECK_FALSE(parse_task_id("96 8"));
}

TEST_CASE("an empty label set Task Type is Untyped", "[sources]") {
  LabelRow core;
  core.type = "Core";
  LabelRow supplemental;
  supplemental.id = "969.0";
  supplemental.type = "Supplemental";
  LabelRow untyped;
  untyped.id = "970.0";
  untyped.type = "";
  const auto tasks = parse_labels({core, supplemental, untyped});
  REQUIRE(tasks.size() == 3);
  CHECK(tasks[0].type == TaskType::Core);
  CHECK(tasks[1].type == TaskType::Supplemental);
  CHECK(tasks[2].type == TaskType::Untyped);

  LabelRow other;
  other.type = "core";
  require_source_error([&] { (void)parse_labels({other}); }, source_path::kLabelSet, 2, "Task Type",
                       "\"core\" is not Core, Supplemental or empty");
}

TEST_CASE("an E3 label (image capability) folds into E2 in every label column", "[sources]") {
  LabelRow row;
  row.gpt4 = "E3";
  row.alt = "E3";
  row.human = "E3";
  row.human_agg = "E3";
  const auto tasks = parse_labels({row});
  REQUIRE(tasks.size() == 1);
  CHECK(label_of(tasks[0], LabelSource::Gpt4) == Label::E2);
  CHECK(label_of(tasks[0], LabelSource::Human) == Label::E2);
  CHECK(label_of(tasks[0], LabelSource::Gpt4Alt) == Label::E2);
}

TEST_CASE("each label source reads its own column: gpt4_exposure, human_labels, gpt4_exposure_alt_rubric",
          "[sources]") {
  LabelRow row;
  row.gpt4 = "E1";
  row.human = "E2";
  row.human_agg = "E0";  // not read: human_labels is the human source
  row.alt = "E0";
  const auto tasks = parse_labels({row});
  REQUIRE(tasks.size() == 1);
  CHECK(label_of(tasks[0], LabelSource::Gpt4) == Label::E1);
  CHECK(label_of(tasks[0], LabelSource::Human) == Label::E2);
  CHECK(label_of(tasks[0], LabelSource::Gpt4Alt) == Label::E0);
  CHECK(tasks[0].onet_code == "11-3021.00");
  CHECK(tasks[0].onet_title == "Computer and Information Systems Managers");
}

TEST_CASE("a label other than E0 to E3 is rejected naming its column", "[sources]") {
  LabelRow row;
  row.alt = "E4";
  require_source_error([&] { (void)parse_labels({row}); }, source_path::kLabelSet, 2, "gpt4_exposure_alt_rubric",
                       "\"E4\" is not E0, E1, E2 or E3");
  row.alt = "E1";
  row.human = "";
  require_source_error([&] { (void)parse_labels({row}); }, source_path::kLabelSet, 2, "human_labels",
                       "is not E0, E1, E2 or E3");
  row.human = "E1";
  row.gpt4 = "e1";
  require_source_error([&] { (void)parse_labels({row}); }, source_path::kLabelSet, 2, "gpt4_exposure",
                       "\"e1\" is not E0, E1, E2 or E3");
}

TEST_CASE("a label set task text quoted with doubled quotes inside the TSV is unquoted", "[sources]") {
  LabelRow row;
  row.text = "\"Write \"\"help\"\" pages, manuals\tand FAQs.\"";
  LabelRow next;
  next.id = "969.0";
  const auto tasks = parse_labels({row, next});
  REQUIRE(tasks.size() == 2);
  CHECK(tasks[0].text == "Write \"help\" pages, manuals\tand FAQs.");
  CHECK(tasks[1].task_id == 969);
  CHECK(tasks[1].line == 3);
}

TEST_CASE("a label set row with a bad O*NET-SOC code, or no task text or title, is rejected", "[sources]") {
  LabelRow row;
  row.code = "11-3021";
  require_source_error([&] { (void)parse_labels({row}); }, source_path::kLabelSet, 2, "O*NET-SOC Code",
                       "\"11-3021\" is not an O*NET-SOC code");
  row.code = "11-3021.00";
  row.text = "  ";
  require_source_error([&] { (void)parse_labels({row}); }, source_path::kLabelSet, 2, "Task", "empty");
  row.text = "A task.";
  row.title = "";
  require_source_error([&] { (void)parse_labels({row}); }, source_path::kLabelSet, 2, "Title", "empty");
}

// ==== O*NET task importance (IM) ====

TEST_CASE("an importance of 3.85 is read as 385 hundredths exactly, as decimal text", "[sources]") {
  const auto importance = parse_importance(
      "11-3021.00,968,3.85,30.1\n"
      "11-3021.00,969,4.35,30.1\n"   // 4.35 * 100 is 434.999... as a double
      "11-3021.00,970,1.15,30.1\n"   // 1.15 * 100 is 114.999... as a double
      "11-3021.00,971,4.1,30.1\n"
      "11-3021.00,972.0,4,29.0\n");
  REQUIRE(importance.size() == 5);
  CHECK(importance.at({"11-3021.00", 968}) == 385);
  CHECK(importance.at({"11-3021.00", 969}) == 435);
  CHECK(importance.at({"11-3021.00", 970}) == 115);
  CHECK(importance.at({"11-3021.00", 971}) == 410);
  CHECK(importance.at({"11-3021.00", 972}) == 400);
}

TEST_CASE("parse_hundredths reads every two-decimal value from 1.00 to 5.00 exactly", "[sources]") {
  for (unsigned hundredths = 100; hundredths <= 500; ++hundredths) {
    char text[16];
    std::snprintf(text, sizeof text, "%u.%02u", hundredths / 100, hundredths % 100);
    INFO(text);
    CHECK(parse_hundredths(text) == hundredths);
  }
  CHECK(parse_hundredths("4.5") == 450u);
  CHECK(parse_hundredths("4") == 400u);
  CHECK(parse_hundredths("0.07") == 7u);
}

TEST_CASE("an importance with more than two decimals is rejected", "[sources]") {
  CHECK_FALSE(parse_hundredths("3.855"));
  CHECK_FALSE(parse_hundredths("3.850"));
  require_source_error([] { (void)parse_importance("11-3021.00,968,4.10,30.1\n11-3021.00,969,3.855,30.1\n"); },
                       source_path::kTaskImportance, 3, "im", "\"3.855\" is not an importance from 1.00 to 5.00");
}

TEST_CASE("parse_hundredths rejects anything but plain decimal text", "[sources]") {
  CHECK_FALSE(parse_hundredths(""));
  CHECK_FALSE(parse_hundredths("4."));
  CHECK_FALSE(parse_hundredths(".5"));
  CHECK_FALSE(parse_hundredths("-1.5"));
  CHECK_FALSE(parse_hundredths("+1.5"));
  CHECK_FALSE(parse_hundredths("4,5"));
  CHECK_FALSE(parse_hundredths("4.5a"));
  CHECK_FALSE(parse_hundredths("4.-5"));
  CHECK_FALSE(parse_hundredths("4.+5"));
  CHECK_FALSE(parse_hundredths("1e2"));
  CHECK_FALSE(parse_hundredths("nan"));
}

TEST_CASE("an importance outside 1.00 to 5.00 is rejected, and both ends are accepted", "[sources]") {
  const auto ends = parse_importance("11-3021.00,968,1.00,30.1\n11-3021.00,969,5.00,30.1\n");
  CHECK(ends.at({"11-3021.00", 968}) == 100);
  CHECK(ends.at({"11-3021.00", 969}) == 500);
  for (const char* value : {"0.99", "5.01", "5.1", "0", "6"}) {
    INFO(value);
    require_source_error([&] { (void)parse_importance("11-3021.00,968," + std::string(value) + ",30.1\n"); },
                         source_path::kTaskImportance, 2, "im", "is not an importance from 1.00 to 5.00");
  }
}

TEST_CASE("an importance row with a bad code or task id names its field", "[sources]") {
  require_source_error([] { (void)parse_importance("11-3021.0,968,4.00,30.1\n"); }, source_path::kTaskImportance,
                       2, "onet_soc_code", "is not an O*NET-SOC code");
  require_source_error([] { (void)parse_importance("11-3021.00,968.5,4.00,30.1\n"); }, source_path::kTaskImportance,
                       2, "task_id", "\"968.5\" is not a whole task id");
}

TEST_CASE("one task with two different importance values is rejected, but a repeat of the same value is accepted",
          "[sources]") {
  const auto repeated = parse_importance("11-3021.00,968,4.10,30.1\n11-3021.00,968,4.1,29.0\n");
  CHECK(repeated.size() == 1);
  CHECK(repeated.at({"11-3021.00", 968}) == 410);
  require_source_error([] { (void)parse_importance("11-3021.00,968,4.10,30.1\n11-3021.00,968,4.20,29.0\n"); },
                       source_path::kTaskImportance, 3, "im", "task 968 has two different importance values");
  // The same task id under another occupation is another key.
  const auto two = parse_importance("11-3021.00,968,4.10,30.1\n15-1252.00,968,3.00,30.1\n");
  CHECK(two.size() == 2);
}

// ==== ASHE 2025 Table 14.7a ====

TEST_CASE("ASHE published figures are read as whole numbers", "[sources]") {
  const auto rows = parse_ashe_rows("1137,Information technology directors,60,90081,5.1,4.2,,\n"
                                    "2132,IT managers,213,55502,3.0,2.1,,\n");
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].soc == "1137");
  CHECK(rows[0].line == 2);
  CHECK(rows[0].employees_k.published());
  CHECK(rows[0].employees_k.value == 60);
  CHECK(rows[0].median_pay_gbp.published());
  CHECK(rows[0].median_pay_gbp.value == 90081);
  CHECK(rows[1].soc == "2132");
  CHECK(rows[1].employees_k.value == 213);
  CHECK(rows[1].median_pay_gbp.value == 55502);
}

TEST_CASE("ASHE markers x, .., : and blank stand for an empty value", "[sources]") {
  const auto rows = parse_ashe_rows("1112,Elected officers,,,21.6,31,x,x\n"
                                    "3312,Police officers,,48000,,,..,\n"
                                    "9999,Not applicable,12,,,,,:\n"
                                    "1116,Empty cells,,,,,blank,blank\n");
  REQUIRE(rows.size() == 4);
  CHECK(rows[0].employees_k.marker == AsheMarker::Unreliable);
  CHECK(rows[0].median_pay_gbp.marker == AsheMarker::Unreliable);
  CHECK_FALSE(rows[0].employees_k.published());
  CHECK(rows[1].employees_k.marker == AsheMarker::Disclosive);
  CHECK(rows[1].median_pay_gbp.published());
  CHECK(rows[1].median_pay_gbp.value == 48000);
  CHECK(rows[2].employees_k.published());
  CHECK(rows[2].employees_k.value == 12);
  CHECK(rows[2].median_pay_gbp.marker == AsheMarker::NotApplicable);
  CHECK(rows[3].employees_k.marker == AsheMarker::Blank);
  CHECK(rows[3].median_pay_gbp.marker == AsheMarker::Blank);
}

TEST_CASE("an ASHE marker beside a published value is an error naming the marker column", "[sources]") {
  require_source_error([] { (void)parse_ashe_rows("1137,IT directors,60,90081,,,x,\n"); }, source_path::kAshe, 2,
                       "jobs_marker", "marker \"x\" beside a published value");
  require_source_error([] { (void)parse_ashe_rows("1137,IT directors,60,90081,,,,\n2132,IT managers,213,55502,,,,..\n"); },
                       source_path::kAshe, 3, "median_marker", "marker \"..\" beside a published value");
}

TEST_CASE("an empty ASHE value without a marker is an error naming the marker column", "[sources]") {
  require_source_error([] { (void)parse_ashe_rows("1137,IT directors,,90081,,,,\n"); }, source_path::kAshe, 2,
                       "jobs_marker", "empty value needs a marker of x, .., : or blank, found \"\"");
  require_source_error([] { (void)parse_ashe_rows("1137,IT directors,60,,,,,\n"); }, source_path::kAshe, 2,
                       "median_marker", "empty value needs a marker");
  // An unknown marker is no marker.
  require_source_error([] { (void)parse_ashe_rows("1137,IT directors,,90081,,,z,\n"); }, source_path::kAshe, 2,
                       "jobs_marker", "found \"z\"");
}

TEST_CASE("an ASHE value that is not a whole number names its value column", "[sources]") {
  require_source_error([] { (void)parse_ashe_rows("1137,IT directors,60.5,90081,,,,\n"); }, source_path::kAshe, 2,
                       "jobs_thousands", "\"60.5\" is not a whole number");
  require_source_error([] { (void)parse_ashe_rows("1137,IT directors,60,\"90,081\",,,,\n"); }, source_path::kAshe, 2,
                       "median_gbp", "\"90,081\" is not a whole number");
  require_source_error([] { (void)parse_ashe_rows("1137,IT directors,-60,90081,,,,\n"); }, source_path::kAshe, 2,
                       "jobs_thousands", "is not a whole number");
}

TEST_CASE("ASHE CVs are read in tenths of a percent, and may be missing", "[sources]") {
  const auto rows = parse_ashe_rows("1137,Information technology directors,60,90081,7.1,5.3,,\n"
                                    "2132,IT managers,213,55502,4,3.1,,\n"
                                    "1163,Senior officers,,,27.8,49,x,x\n"
                                    "1161,Officers in armed forces,,,,,:,blank\n"
                                    "5111,Farmers,6,32728,20,15,,\n");
  REQUIRE(rows.size() == 5);
  CHECK(rows[0].employees_k.cv_tenths == 71);
  CHECK(rows[0].median_pay_gbp.cv_tenths == 53);
  CHECK(rows[1].employees_k.cv_tenths == 40);
  CHECK(rows[1].median_pay_gbp.cv_tenths == 31);
  CHECK(rows[2].employees_k.cv_tenths == 278);  // withheld figures keep their CV
  CHECK(rows[2].median_pay_gbp.cv_tenths == 490);
  CHECK_FALSE(rows[3].employees_k.has_cv());
  CHECK_FALSE(rows[3].median_pay_gbp.has_cv());
  CHECK(rows[4].employees_k.cv_tenths == 200);  // exactly 20%: ONS still publishes
  CHECK(parse_tenths("0.5") == 5);
  CHECK_FALSE(parse_tenths("7.").has_value());
  CHECK_FALSE(parse_tenths("7.12").has_value());
  CHECK_FALSE(parse_tenths(".5").has_value());
  CHECK_FALSE(parse_tenths("-1").has_value());
}

TEST_CASE("a bad ASHE CV is an error naming its column", "[sources]") {
  require_source_error([] { (void)parse_ashe_rows("1137,IT directors,60,90081,7.12,5.3,,\n"); }, source_path::kAshe, 2,
                       "cv_jobs_pct", "\"7.12\" is not a percentage");
  require_source_error([] { (void)parse_ashe_rows("1137,IT directors,60,90081,7.1,five,,\n"); }, source_path::kAshe, 2,
                       "cv_median_pct", "\"five\" is not a percentage");
  require_source_error([] { (void)parse_ashe_rows("1137,IT directors,60,90081,0,5.3,,\n"); }, source_path::kAshe, 2,
                       "cv_jobs_pct", "\"0\" is not a percentage above 0");
  // ONS withholds an estimate whose CV is above 20%: a published one with such a CV is a broken source.
  require_source_error([] { (void)parse_ashe_rows("1137,IT directors,60,90081,20.1,5.3,,\n"); }, source_path::kAshe, 2,
                       "cv_jobs_pct", "a CV of 20.1% beside a published value");
  require_source_error([] { (void)parse_ashe_rows("1137,IT directors,60,90081,7.1,35,,\n"); }, source_path::kAshe, 2,
                       "cv_median_pct", "ONS does not publish estimates whose CV is above 20%");
}

TEST_CASE("an ASHE row needs a 4-digit SOC 2020 code", "[sources]") {
  require_source_error([] { (void)parse_ashe_rows("113,IT directors,60,90081,,,,\n"); }, source_path::kAshe, 2,
                       "soc2020", "\"113\" is not a 4-digit SOC 2020 code");
}

// ==== SOC 2020 coding index ====

TEST_CASE("the coding index's '}}}}' no-code marker leaves the SOC 2020 or ISCO-08 code empty", "[sources]") {
  IndexRow no_soc;
  no_soc.soc = "}}}}";
  IndexRow no_isco;
  no_isco.isco = "}}}}";
  no_isco.isco_title = "";  // no title is needed without a code
  IndexRow neither;
  neither.soc = "}}}}}}";
  neither.isco = "}";
  const auto entries = parse_index({no_soc, no_isco, neither});
  REQUIRE(entries.size() == 3);
  CHECK(entries[0].soc.empty());
  CHECK(entries[0].isco == "1330");
  CHECK(entries[1].soc == "2132");
  CHECK(entries[1].isco.empty());
  CHECK(entries[1].isco_title.empty());
  CHECK(entries[2].soc.empty());
  CHECK(entries[2].isco.empty());
  CHECK(entries[2].line == 4);
}

TEST_CASE("is_no_code_marker is true for a run of '}' only", "[sources]") {
  CHECK(is_no_code_marker("}"));
  CHECK(is_no_code_marker("}}}}"));
  CHECK(is_no_code_marker("}}}}}}}}"));
  CHECK_FALSE(is_no_code_marker(""));
  CHECK_FALSE(is_no_code_marker("}}1}"));
  CHECK_FALSE(is_no_code_marker("{{{{"));
  CHECK_FALSE(is_no_code_marker("0000"));
}

TEST_CASE("a coding-index ISCO-08 code keeps its leading zero (0110 armed forces)", "[sources]") {
  IndexRow armed;
  armed.soc = "3311";
  armed.isco = "0110";
  armed.isco_title = "Commissioned armed forces officers";
  const auto entries = parse_index({armed});
  REQUIRE(entries.size() == 1);
  CHECK(entries[0].isco == "0110");
  CHECK(entries[0].isco_title == "Commissioned armed forces officers");
  CHECK(entries[0].soc == "3311");
}

TEST_CASE("coding-index ADD and IND qualifiers are joined by a semicolon and a space", "[sources]") {
  IndexRow both;
  both.add = "computing";
  both.ind = "IT services";
  IndexRow add_only;
  add_only.add = "computing";
  IndexRow ind_only;
  ind_only.ind = " Cabinet Office ";
  IndexRow neither;
  const auto entries = parse_index({both, add_only, ind_only, neither});
  REQUIRE(entries.size() == 4);
  CHECK(entries[0].qualifier == "computing; IT services");
  CHECK(entries[1].qualifier == "computing");
  CHECK(entries[2].qualifier == "Cabinet Office");
  CHECK(entries[3].qualifier.empty());
  CHECK(entries[0].title == "IT manager");
}

TEST_CASE("a coding-index code that is neither 4 digits nor the no-code marker names its column", "[sources]") {
  IndexRow good;
  IndexRow bad_soc;
  bad_soc.soc = "213";
  require_source_error([&] { (void)parse_index({good, bad_soc}); }, source_path::kCodingIndex, 3, "SOC_2020",
                       "\"213\" is not a 4-digit SOC 2020 code or the no-code marker");
  IndexRow empty_soc;
  empty_soc.soc = "";
  require_source_error([&] { (void)parse_index({empty_soc}); }, source_path::kCodingIndex, 2, "SOC_2020",
                       "is not a 4-digit SOC 2020 code");
  IndexRow bad_isco;
  bad_isco.isco = "110";  // a zero dropped
  require_source_error([&] { (void)parse_index({bad_isco}); }, source_path::kCodingIndex, 2,
                       "ISCO-08 code based on SOC2020", "\"110\" is not a 4-digit ISCO-08 code or the no-code marker");
}

TEST_CASE("a coding-index entry with an ISCO-08 code needs its title, and every entry a job title", "[sources]") {
  IndexRow no_isco_title;
  no_isco_title.isco_title = "";
  require_source_error([&] { (void)parse_index({no_isco_title}); }, source_path::kCodingIndex, 2,
                       "ISCO08_unit_group_title", "empty");
  IndexRow no_title;
  no_title.title = "";
  require_source_error([&] { (void)parse_index({no_title}); }, source_path::kCodingIndex, 2,
                       "INDEXOCC-natural_word_order", "empty");
}

// ==== BLS ISCO-08 -> US SOC 2010 ====

TEST_CASE("BLS crosswalk codes with trailing spaces ('55-1011 ') are trimmed", "[sources]") {
  const auto crosswalk = parse_crosswalk("0110 ,Commissioned armed forces officers,*,55-1011 ,Air Crew Officers,\n"
                                         " 1330,ICT services managers,,11-3021,Computer and Information Systems Managers,\n");
  REQUIRE(crosswalk.pairs.size() == 2);
  CHECK(crosswalk.pairs[0].from == "0110");
  CHECK(crosswalk.pairs[0].to == "55-1011");
  CHECK(crosswalk.pairs[0].line == 2);
  CHECK(crosswalk.pairs[1].from == "1330");
  CHECK(crosswalk.pairs[1].to == "11-3021");
  CHECK(crosswalk.pairs[1].line == 3);
  REQUIRE(crosswalk.titles.size() == 2);
  CHECK(crosswalk.titles[0] == "Commissioned armed forces officers");
  CHECK(crosswalk.skipped_minor_groups == 0);
}

TEST_CASE("BLS crosswalk rows on a 3-digit ISCO-08 minor group are skipped and counted", "[sources]") {
  const auto crosswalk = parse_crosswalk("1330,ICT services managers,,11-3021,Computer and Information Systems Managers,\n"
                                         "011,Armed forces,,55-3019,Military enlisted n.e.c.,matches to 3-digit ISCO\n"
                                         "021 ,Armed forces,,55-3011,Other,matches to 3-digit ISCO\n"
                                         "2512,Software developers,,15-1132,Software Developers,\n");
  CHECK(crosswalk.skipped_minor_groups == 2);
  REQUIRE(crosswalk.pairs.size() == 2);
  CHECK(crosswalk.pairs[0].from == "1330");
  CHECK(crosswalk.pairs[1].from == "2512");
  CHECK(crosswalk.pairs[1].line == 5);
  // Titles stay aligned with the pairs they belong to.
  REQUIRE(crosswalk.titles.size() == 2);
  CHECK(crosswalk.titles[1] == "Software developers");
}

TEST_CASE("a BLS crosswalk row with a malformed code names its column", "[sources]") {
  require_source_error([] { (void)parse_crosswalk("13300,ICT services managers,,11-3021,Managers,\n"); },
                       source_path::kIscoToSoc2010, 2, "ISCO-08 Code", "\"13300\" is not a 4-digit ISCO-08 code");
  require_source_error([] { (void)parse_crosswalk("1330,ICT services managers,,11-302,Managers,\n"); },
                       source_path::kIscoToSoc2010, 2, "2010 SOC Code", "\"11-302\" is not a US SOC 2010 code");
  require_source_error([] { (void)parse_crosswalk("1330,,,11-3021,Managers,\n"); }, source_path::kIscoToSoc2010, 2,
                       "ISCO-08 Title EN", "empty");
}

// ==== field helpers ====

TEST_CASE("is_us_soc_code and is_onet_code accept only NN-NNNN and NN-NNNN.NN", "[sources]") {
  CHECK(is_us_soc_code("11-3021"));
  CHECK(is_us_soc_code("55-1011"));
  CHECK_FALSE(is_us_soc_code("55-1011 "));  // the readers trim first
  CHECK_FALSE(is_us_soc_code("11-302"));
  CHECK_FALSE(is_us_soc_code("113021"));
  CHECK_FALSE(is_us_soc_code("11_3021"));
  CHECK_FALSE(is_us_soc_code("1a-3021"));
  CHECK_FALSE(is_us_soc_code("11-3021.00"));
  CHECK(is_onet_code("11-3021.00"));
  CHECK(is_onet_code("15-1299.08"));
  CHECK_FALSE(is_onet_code("11-3021"));
  CHECK_FALSE(is_onet_code("11-3021.0"));
  CHECK_FALSE(is_onet_code("11-3021,00"));
  CHECK_FALSE(is_onet_code("11-3021.0a"));
  CHECK_FALSE(is_onet_code("1-13021.00"));
  CHECK_FALSE(is_onet_code(""));
}

TEST_CASE("is_digits checks both the length and the digits", "[sources]") {
  CHECK(is_digits("0110", 4));
  CHECK(is_digits("011", 3));
  CHECK_FALSE(is_digits("011", 4));
  CHECK_FALSE(is_digits("01a0", 4));
  CHECK_FALSE(is_digits("", 1));
  CHECK(is_digits("", 0));
}

TEST_CASE("parse_whole reads non-negative whole numbers without signs or separators", "[sources]") {
  CHECK(parse_whole("0") == 0);
  CHECK(parse_whole("90081") == 90081);
  CHECK(parse_whole("007") == 7);
  CHECK(parse_whole("9223372036854775807") == INT64_C(9223372036854775807));
  CHECK_FALSE(parse_whole("9223372036854775808"));
  CHECK_FALSE(parse_whole(""));
  CHECK_FALSE(parse_whole("-1"));
  CHECK_FALSE(parse_whole("+1"));
  CHECK_FALSE(parse_whole("1,000"));
  CHECK_FALSE(parse_whole("1 000"));
  CHECK_FALSE(parse_whole("1.0"));
  CHECK_FALSE(parse_whole(" 1"));
}
