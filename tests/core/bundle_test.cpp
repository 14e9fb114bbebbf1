// The bundle's JSON form, its details and its text parts (core/src/bundle.cpp, core/src/text.cpp).
#include <catch2/catch.hpp>

#include "aiexp/bundle.h"
#include "aiexp/search.h"
#include "aiexp/text.h"
#include "test_data.h"

using namespace aiexp;
using aiexp::test::data_dir;
using aiexp::test::read_text;

namespace {

const std::string& bundle_text() {
  static const std::string text = read_text(data_dir() / "bundle.json");
  return text;
}

const std::string& details_text() {
  static const std::string text = read_text(data_dir() / "details.json");
  return text;
}

Error parse_error(const std::string& text) {
  auto result = parse_bundle(text);
  REQUIRE_FALSE(result.ok());
  return result.error();
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("the committed bundle parses and holds every unit group, occupation and task", "[bundle][spec]") {
  auto parsed = parse_bundle(bundle_text());
  REQUIRE(parsed.ok());
  const Bundle& bundle = parsed.value();
  const auto& coverage = aiexp::test::check_values()["coverage"];
  CHECK(bundle.unit_groups.size() == coverage["unit_groups"].get<std::size_t>());
  CHECK(bundle.onets.size() == coverage["onets"].get<std::size_t>());
  CHECK(bundle.tasks.size() == coverage["tasks"].get<std::size_t>());
  CHECK(bundle.major_groups.size() == 9);
  CHECK_FALSE(bundle.has_details());
  CHECK_FALSE(bundle.find_task(968).has_value());  // ids come with the details
  const UnitGroup& it_directors = bundle.unit_groups[*bundle.find_unit_group("1137")];
  CHECK(it_directors.title == "Information technology directors");
  CHECK(it_directors.employees_k.published());
  CHECK(it_directors.employees_k.value == 60);
  CHECK(it_directors.median_pay_gbp.value == 90081);
  CHECK(bundle.isco[it_directors.isco[0].isco].code == "1330");
}

TEST_CASE("serializing a parsed bundle and its details gives back the committed bytes", "[bundle]") {
  auto parsed = parse_bundle(bundle_text());
  REQUIRE(parsed.ok());
  Bundle bundle = std::move(parsed).value();
  CHECK(serialize_bundle(bundle) + "\n" == bundle_text());
  REQUIRE(merge_details(bundle, details_text()).ok());
  CHECK(serialize_details(bundle) + "\n" == details_text());
  CHECK(serialize_bundle(bundle) + "\n" == bundle_text());
}

TEST_CASE("details add task ids, titles, descriptions and the US SOC codes", "[bundle]") {
  Bundle bundle = parse_bundle(bundle_text()).value();
  REQUIRE(merge_details(bundle, details_text()).ok());
  CHECK(bundle.has_details());
  const auto task = bundle.find_task(968);
  REQUIRE(task.has_value());
  CHECK(bundle.onets[bundle.tasks.onet[*task]].code == "11-3021.00");
  CHECK(bundle.onets[*bundle.find_onet("11-3021.00")].title == "Computer and Information Systems Managers");
  CHECK(bundle.unit_groups[*bundle.find_unit_group("2132")].description.find("IT managers plan") == 0);
}

TEST_CASE("details of another build are refused and change nothing", "[bundle]") {
  Bundle bundle = parse_bundle(bundle_text()).value();
  const std::string other = replaced(details_text(), "\"build\":\"" + bundle.build + "\"", "\"build\":\"0000\"");
  const Status status = merge_details(bundle, other);
  REQUIRE_FALSE(status.ok());
  CHECK(status.error().code == ErrorCode::BundleMismatch);
  CHECK_FALSE(bundle.has_details());
}

TEST_CASE("truncated details are refused and change nothing", "[bundle]") {
  Bundle bundle = parse_bundle(bundle_text()).value();
  const Status status = merge_details(bundle, details_text().substr(0, details_text().size() / 2));
  REQUIRE_FALSE(status.ok());
  CHECK(status.error().code == ErrorCode::BundleParse);
  CHECK_FALSE(bundle.has_details());
  CHECK(bundle.unit_groups[0].description.empty());
}

TEST_CASE("a corrupt bundle is refused with an error naming what is wrong", "[bundle]") {
  CHECK(parse_error("").code == ErrorCode::BundleParse);
  CHECK(parse_error(bundle_text().substr(0, 1000)).code == ErrorCode::BundleParse);
  CHECK(parse_error("[1, 2]").code == ErrorCode::BundleSchema);
  const std::string schema = "\"schema\":" + std::to_string(kBundleSchemaVersion);
  CHECK(parse_error(replaced(bundle_text(), schema, "\"schema\":" + std::to_string(kBundleSchemaVersion + 1))).code ==
        ErrorCode::BundleVersion);
  CHECK(parse_error(replaced(bundle_text(), "\"kind\":\"bundle\"", "\"kind\":\"tasks\"")).code ==
        ErrorCode::BundleSchema);
  std::string bad_label = bundle_text();
  bad_label[bad_label.find("\"labels\":\"") + 10] = 'Z';  // the first task's joint label code
  const Error wrong_label = parse_error(bad_label);
  CHECK(wrong_label.code == ErrorCode::BundleSchema);
  CHECK(wrong_label.detail.find("tasks.labels[0]") != std::string::npos);
  std::string bad_importance = bundle_text();
  const std::size_t importance = bad_importance.find("\"im\":\"") + 6;
  bad_importance[importance + 4] = 'x';  // the second task's middle digit
  CHECK(parse_error(bad_importance).detail == "tasks.im[1]: expected three digits");
  bad_importance.replace(importance, 6, "501099");  // above 5.00, then above 0 but below 1.00
  CHECK(parse_error(bad_importance).detail == "tasks.im[0]: importance 501 outside 100..500 (or 0)");
  bad_importance.replace(importance, 3, "500");
  CHECK(parse_error(bad_importance).detail == "tasks.im[1]: importance 99 outside 100..500 (or 0)");
  bad_importance.erase(importance, 1);  // one digit short: the column no longer divides into tasks
  CHECK(parse_error(bad_importance).detail.find("tasks.im: expected 19265 items, found 57794 characters") == 0);
  const Error bad_soc = parse_error(replaced(bundle_text(), "\"soc\":[\"1111\"", "\"soc\":[1111"));
  CHECK(bad_soc.detail.find("unit_groups.soc[0]") == 0);
  const Error unordered = parse_error(replaced(bundle_text(), "\"soc\":[\"1111\",\"1112\"", "\"soc\":[\"1112\",\"1111\""));
  CHECK(unordered.detail.find("ascending") != std::string::npos);
}

TEST_CASE("text parts merge task statements and are checked against the bundle", "[bundle]") {
  Bundle bundle = parse_bundle(bundle_text()).value();
  TextStore store(bundle);
  const std::string part = read_text(data_dir() / "text" / "tasks-11.json");
  REQUIRE(merge_text_part(bundle, part, store).ok());
  CHECK(store.has_part("tasks-11"));
  const OnetOccupation& occupation = bundle.onets[*bundle.find_onet("11-3021.00")];
  CHECK_FALSE(store.task_text[occupation.first_task].empty());
  CHECK(text_parts(bundle).size() == 22);
  CHECK(task_text_part("11-3021.00") == "tasks-11");

  TextStore untouched(bundle);
  const Status wrong = merge_text_part(bundle, replaced(part, "\"part\":\"tasks-11\"", "\"part\":\"tasks-13\""), untouched);
  REQUIRE_FALSE(wrong.ok());
  CHECK(wrong.error().code == ErrorCode::BundleSchema);
  CHECK(untouched.loaded_parts.empty());
  CHECK(merge_text_part(bundle, "{\"schema\":" + std::to_string(kBundleSchemaVersion) + "}", untouched).error().code ==
        ErrorCode::BundleSchema);
}

TEST_CASE("the job-title index parses and belongs to the same build", "[bundle]") {
  Bundle bundle = parse_bundle(bundle_text()).value();
  auto titles = parse_titles(bundle, read_text(data_dir() / "titles.json"));
  REQUIRE(titles.ok());
  CHECK(titles.value().titles.size() > 30000);
  CHECK(titles.value().titles.size() == titles.value().folded.size());
  Bundle other = bundle;
  other.build = "another";
  auto mismatch = parse_titles(other, read_text(data_dir() / "titles.json"));
  REQUIRE_FALSE(mismatch.ok());
  CHECK(mismatch.error().code == ErrorCode::BundleMismatch);
}
