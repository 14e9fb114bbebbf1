// The core's strict JSON reader and writer (core/src/json.cpp).
#include <string>

#include <catch2/catch.hpp>

#include "../../core/src/json.h"

using namespace aiexp;

namespace {

bool parses(std::string_view text) { return json::parse(text).ok(); }

std::string parse_error(std::string_view text) {
  auto result = json::parse(text);
  REQUIRE_FALSE(result.ok());
  CHECK(result.error().code == ErrorCode::BundleParse);
  return result.error().detail;
}

}  // namespace

TEST_CASE("json reads every value type", "[json]") {
  auto result = json::parse(R"( {"a": [1, -2, 3.5, 1e3], "b": "x\"y\u00e9\ud83d\ude00", "c": true, "d": null} )");
  REQUIRE(result.ok());
  const json::Value& root = result.value();
  REQUIRE(root.is_object());
  const json::Value* a = root.find("a");
  REQUIRE(a);
  REQUIRE(a->size() == 4);
  CHECK((*a)[0].is_integer());
  CHECK((*a)[1].as_integer() == -2);
  CHECK_FALSE((*a)[2].is_integer());
  CHECK((*a)[2].as_number() == Approx(3.5));
  CHECK((*a)[3].as_number() == Approx(1000.0));
  CHECK(root.find("b")->as_string() == "x\"y\xC3\xA9\xF0\x9F\x98\x80");
  CHECK(root.find("c")->as_bool());
  CHECK(root.find("d")->is_null());
  CHECK(root.find("e") == nullptr);
}

TEST_CASE("json rejects what RFC 8259 does not allow, with line and column", "[json]") {
  CHECK(parse_error("{\"a\": 1,}").find("line 1, column 9") == 0);
  CHECK(parse_error("[1, 2\n, ]").find("line 2") == 0);
  CHECK_FALSE(parses(""));
  CHECK_FALSE(parses("{"));
  CHECK_FALSE(parses("[01]"));
  CHECK_FALSE(parses("[1.]"));
  CHECK_FALSE(parses("[NaN]"));
  CHECK_FALSE(parses("[Infinity]"));
  CHECK_FALSE(parses("// comment\n{}"));
  CHECK_FALSE(parses("{'a': 1}"));
  CHECK_FALSE(parses("[\"tab\there\"]"));
  CHECK_FALSE(parses("[\"bad \\x escape\"]"));
  CHECK_FALSE(parses("[\"\\ud800\"]"));            // lone surrogate
  CHECK_FALSE(parses("[\"\xC3\x28\"]"));           // invalid UTF-8
  CHECK_FALSE(parses("[\"\xE0\x80\xAF\"]"));       // overlong
  CHECK_FALSE(parses("{} extra"));
  CHECK_FALSE(parses("tru"));
  CHECK(parse_error("{\"a\": 1, \"a\": 2}").find("duplicate key") != std::string::npos);
}

TEST_CASE("json refuses nesting deeper than 64", "[json]") {
  CHECK(parses(std::string(64, '[') + std::string(64, ']')));
  CHECK(parse_error(std::string(65, '[') + std::string(65, ']')).find("nesting too deep") != std::string::npos);
  CHECK_FALSE(parses(std::string(100000, '[')));  // no stack exhaustion
}

TEST_CASE("integers beyond int64 stay numbers", "[json]") {
  auto result = json::parse("[9223372036854775807, 9223372036854775808, -9223372036854775807]");
  REQUIRE(result.ok());
  CHECK(result.value()[0].is_integer());
  CHECK_FALSE(result.value()[1].is_integer());
  CHECK(result.value()[1].is_number());
  CHECK(result.value()[2].as_integer() == -9223372036854775807LL);
}

TEST_CASE("json writes compact text that reads back the same", "[json]") {
  json::Value root = json::Value::object();
  root.set("z", json::Value::integer(-3));
  root.set("a", json::Value::string("quote \" backslash \\ newline \n tab \t bell \x07 é"));
  json::Value list = json::Value::array();
  list.push_back(json::Value::integer(1));
  list.push_back(json::Value::string(""));
  root.set("list", std::move(list));
  const std::string text = json::write(root);
  CHECK(text == "{\"z\":-3,\"a\":\"quote \\\" backslash \\\\ newline \\u000a tab \\u0009 bell \\u0007 é\","
                "\"list\":[1,\"\"]}");
  auto back = json::parse(text);
  REQUIRE(back.ok());
  CHECK(back.value().find("a")->as_string() == root.find("a")->as_string());
  CHECK(json::write(back.value()) == text);
}
