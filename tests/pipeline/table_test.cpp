// Delimited text tables (pipeline/src/table.cpp): quoting, line ends, line numbers, header checks and UTF-8,
// the reading layer under every raw source of SCORING.md section 5.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "aiexp/pipeline/table.h"
#include "temp_dir.h"

using namespace aiexp::pipeline;
using Catch::Matchers::Contains;

namespace {

using Fields = std::vector<std::string>;

// Runs `action`, which must throw a SourceError naming `file`, `line` and `field`; its problem must contain
// `problem_part`, and what() must read "<file>:<line>: <field>: <problem>".
template <class Action>
void require_source_error(Action&& action, const std::string& file, std::size_t line, const std::string& field,
                          const std::string& problem_part) {
  try {
    action();
  } catch (const SourceError& error) {
    CHECK(error.file() == file);
    CHECK(error.line() == line);
    CHECK(error.field() == field);
    CHECK_THAT(error.problem(), Contains(problem_part));
    const std::string prefix = file + ":" + std::to_string(line) + ": " + (field.empty() ? "" : field + ": ");
    CHECK(std::string(error.what()) == prefix + error.problem());
    return;
  }
  FAIL("no SourceError was thrown");
}

}  // namespace

TEST_CASE("split_records splits unquoted fields on the delimiter and numbers records from line 1", "[table]") {
  const auto records = split_records("a,b,c\n1,2,3\n", ',', "f.csv");
  REQUIRE(records.size() == 2);
  CHECK(records[0].line == 1);
  CHECK(records[0].fields == Fields{"a", "b", "c"});
  CHECK(records[1].line == 2);
  CHECK(records[1].fields == Fields{"1", "2", "3"});
}

TEST_CASE("a quoted field keeps delimiters and reads a doubled quote as one quote", "[table]") {
  const auto records = split_records("x,\"b, \"\"c\"\" d\",\"\"\n", ',', "f.csv");
  REQUIRE(records.size() == 1);
  CHECK(records[0].fields == Fields{"x", "b, \"c\" d", ""});

  // A field that is only a doubled quote is one quote character.
  const auto quote_only = split_records("\"\"\"\",z\n", ',', "f.csv");
  REQUIRE(quote_only.size() == 1);
  CHECK(quote_only[0].fields == Fields{"\"", "z"});
}

TEST_CASE("a quote inside an unquoted field is kept as text", "[table]") {
  const auto records = split_records("5\" pipe\tok\n", '\t', "f.tsv");
  REQUIRE(records.size() == 1);
  CHECK(records[0].fields == Fields{"5\" pipe", "ok"});
}

TEST_CASE("a quoted field may span lines and the records after it keep their physical line numbers", "[table]") {
  const std::string text =
      "code,description\n"
      "1111,\"first line\n"
      "second line\n"
      "third line\"\n"
      "1112,plain\n"
      "1113,\"two\n"
      "lines\"\n"
      "1114,last\n";
  const auto records = split_records(text, ',', "f.csv");
  REQUIRE(records.size() == 5);
  CHECK(records[0].line == 1);
  CHECK(records[1].line == 2);
  CHECK(records[1].fields == Fields{"1111", "first line\nsecond line\nthird line"});
  CHECK(records[2].line == 5);
  CHECK(records[2].fields == Fields{"1112", "plain"});
  CHECK(records[3].line == 6);
  CHECK(records[3].fields == Fields{"1113", "two\nlines"});
  CHECK(records[4].line == 8);
  CHECK(records[4].fields == Fields{"1114", "last"});
}

TEST_CASE("a CRLF inside a quoted field becomes one newline and counts one line", "[table]") {
  const auto records = split_records("h1,h2\r\n1,\"a\r\nb\"\r\n2,c\r\n", ',', "f.csv");
  REQUIRE(records.size() == 3);
  CHECK(records[1].fields == Fields{"1", "a\nb"});
  CHECK(records[2].line == 4);
  CHECK(records[2].fields == Fields{"2", "c"});
}

TEST_CASE("CRLF and LF line ends give the same records and line numbers", "[table]") {
  const auto lf = split_records("a,b\n1,2\n3,4\n", ',', "f.csv");
  const auto crlf = split_records("a,b\r\n1,2\r\n3,4\r\n", ',', "f.csv");
  REQUIRE(lf.size() == 3);
  REQUIRE(crlf.size() == lf.size());
  for (std::size_t i = 0; i < lf.size(); ++i) {
    CHECK(crlf[i].line == lf[i].line);
    CHECK(crlf[i].fields == lf[i].fields);
  }
  // No carriage return survives at the end of a last field.
  CHECK(crlf[2].fields.back() == "4");
}

TEST_CASE("the last record needs no line end", "[table]") {
  const auto records = split_records("a,b\n1,2", ',', "f.csv");
  REQUIRE(records.size() == 2);
  CHECK(records[1].fields == Fields{"1", "2"});
  const auto trailing_empty = split_records("a,b\n1,", ',', "f.csv");
  REQUIRE(trailing_empty.size() == 2);
  CHECK(trailing_empty[1].fields == Fields{"1", ""});
}

TEST_CASE("a tab-delimited table treats commas as text", "[table]") {
  const Table table = Table::parse("code\ttext\n11-3021.00\tPlan, direct, or coordinate.\n", '\t', "f.tsv");
  REQUIRE(table.rows().size() == 1);
  CHECK(table.header() == Fields{"code", "text"});
  CHECK(table.rows()[0].fields == Fields{"11-3021.00", "Plan, direct, or coordinate."});
}

TEST_CASE("an unterminated quote names the file and the line where the quote opened", "[table]") {
  require_source_error([] { (void)split_records("a,b\n1,2\n3,\"open\nmore text\n", ',', "uk/x.csv"); }, "uk/x.csv",
                       3, "field 2", "never closed");
  require_source_error([] { (void)Table::parse("a,b\n1,2\n3,\"open\nmore text\n", ',', "uk/x.csv"); }, "uk/x.csv",
                       3, "field 2", "never closed");
}

TEST_CASE("text after a closing quote names the file and the line of the closing quote", "[table]") {
  require_source_error([] { (void)split_records("a,b\n1,\"x\"y\n", ',', "onet/t.csv"); }, "onet/t.csv", 2,
                       "field 2", "after a closing quote");
  // The quoted field opens on line 2 and closes on line 3, where the stray text is.
  require_source_error([] { (void)Table::parse("a,b\n\"x\ny\"z,1\n", ',', "onet/t.csv"); }, "onet/t.csv", 3,
                       "field 1", "after a closing quote");
}

TEST_CASE("a UTF-8 byte-order mark before the header is skipped", "[table]") {
  const Table table = Table::parse("\xEF\xBB\xBFsoc2020,title\n1137,IT directors\n", ',', "f.csv");
  REQUIRE(table.header().size() == 2);
  CHECK(table.header()[0] == "soc2020");
  CHECK(table.column("soc2020") == 0);
  REQUIRE(table.rows().size() == 1);
  CHECK(table.rows()[0].line == 2);
}

TEST_CASE("text that is not valid UTF-8 is rejected naming the file, line and byte", "[table]") {
  try {
    (void)Table::parse("a,b\nok,1\n\xFF,1\n", ',', "uk/latin1.csv");
    FAIL("no SourceError was thrown");
  } catch (const SourceError& error) {
    CHECK(error.file() == "uk/latin1.csv");
    CHECK(error.line() == 3);
    CHECK(error.field() == "byte 10");
    CHECK_THAT(error.problem(), Contains("UTF-8"));
    CHECK_THAT(error.what(), Contains("uk/latin1.csv"));
  }
  // A Latin-1 pound sign (0xA3 alone) is not UTF-8 either; the UTF-8 one is.
  CHECK_THROWS_AS(Table::parse("pay\n\xA3" "100\n", ',', "f.csv"), SourceError);
  CHECK_NOTHROW(Table::parse("pay\n\xC2\xA3" "100\n", ',', "f.csv"));
}

TEST_CASE("a row whose field count differs from the header's names its line", "[table]") {
  require_source_error([] { (void)Table::parse("a,b,c\n1,2,3\n4,5\n", ',', "xwalk/x.csv"); }, "xwalk/x.csv", 3, "",
                       "has 2 fields, the header has 3");
  require_source_error([] { (void)Table::parse("a,b\n1,2\n3,4,5\n", ',', "xwalk/x.csv"); }, "xwalk/x.csv", 3, "",
                       "has 3 fields, the header has 2");
  // After a record spanning lines the bad row's physical line is named.
  require_source_error([] { (void)Table::parse("a,b\n1,\"x\ny\"\n2\n", ',', "xwalk/x.csv"); }, "xwalk/x.csv", 4, "",
                       "has 1 fields");
}

TEST_CASE("blank lines between and after records are skipped, and line numbers still count them", "[table]") {
  const Table table = Table::parse("a,b\n1,2\n\n3,4\r\n\r\n\n", ',', "f.csv");
  REQUIRE(table.rows().size() == 2);
  CHECK(table.rows()[0].line == 2);
  CHECK(table.rows()[0].fields == Fields{"1", "2"});
  CHECK(table.rows()[1].line == 4);
  CHECK(table.rows()[1].fields == Fields{"3", "4"});
}

TEST_CASE("an empty file has no header and is rejected", "[table]") {
  require_source_error([] { (void)Table::parse("", ',', "uk/empty.csv"); }, "uk/empty.csv", 1, "", "empty");
  require_source_error([] { (void)Table::parse("\xEF\xBB\xBF", ',', "uk/empty.csv"); }, "uk/empty.csv", 1, "",
                       "empty");
}

TEST_CASE("a header-only table has no rows", "[table]") {
  const Table table = Table::parse("a,b\n", ',', "f.csv");
  CHECK(table.header() == Fields{"a", "b"});
  CHECK(table.rows().empty());
  CHECK(table.name() == "f.csv");
}

TEST_CASE("expect_header accepts the exact header, including an unnamed first column", "[table]") {
  const Table table = Table::parse("\tcode\tid\n0\t11-3021.00\t968.0\n", '\t', "f.tsv");
  CHECK_NOTHROW(table.expect_header({"", "code", "id"}));
}

TEST_CASE("expect_header names the first differing column", "[table]") {
  const Table table = Table::parse("a,b,c\n1,2,3\n", ',', "uk/h.csv");
  require_source_error([&] { table.expect_header({"a", "x", "c"}); }, "uk/h.csv", 1, "column 2",
                       "expected header \"x\", found \"b\"");
  // Two differences: only the first is named.
  require_source_error([&] { table.expect_header({"z", "y", "c"}); }, "uk/h.csv", 1, "column 1",
                       "expected header \"z\", found \"a\"");
  // The header is case-sensitive.
  require_source_error([&] { table.expect_header({"a", "B", "c"}); }, "uk/h.csv", 1, "column 2",
                       "expected header \"B\", found \"b\"");
}

TEST_CASE("expect_header names a missing column and an unexpected extra one", "[table]") {
  const Table table = Table::parse("a,b,c\n1,2,3\n", ',', "uk/h.csv");
  require_source_error([&] { table.expect_header({"a", "b", "c", "d"}); }, "uk/h.csv", 1, "d",
                       "column missing from the header");
  require_source_error([&] { table.expect_header({"a", "b"}); }, "uk/h.csv", 1, "column 3",
                       "unexpected extra column \"c\"");
}

TEST_CASE("column() finds a header column and names a missing one", "[table]") {
  const Table table = Table::parse("a,b,c\n1,2,3\n", ',', "uk/h.csv");
  CHECK(table.column("a") == 0);
  CHECK(table.column("c") == 2);
  require_source_error([&] { (void)table.column("d"); }, "uk/h.csv", 1, "d", "column missing from the header");
}

TEST_CASE("Table::error names the record's line and the column's header", "[table]") {
  const Table table = Table::parse(",name\n0,x\n1,y\n", ',', "eloundou/l.tsv");
  REQUIRE(table.rows().size() == 2);
  const SourceError named = table.error(table.rows()[1], 1, "is wrong");
  CHECK(named.file() == "eloundou/l.tsv");
  CHECK(named.line() == 3);
  CHECK(named.field() == "name");
  CHECK(std::string(named.what()) == "eloundou/l.tsv:3: name: is wrong");
  // An unnamed column is named by its position.
  const SourceError unnamed = table.error(table.rows()[0], 0, "bad index");
  CHECK(unnamed.line() == 2);
  CHECK(unnamed.field() == "column 1");
}

TEST_CASE("Table::read reads a file and names a missing one by its display name", "[table]") {
  aiexp::test::TempDir dir;
  const auto path = dir.path() / "t.csv";
  {
    std::ofstream out(path, std::ios::binary);
    out << "a,b\r\n1,\"x,y\"\r\n";
  }
  const Table table = Table::read(path, ',', "uk/t.csv");
  CHECK(table.name() == "uk/t.csv");
  REQUIRE(table.rows().size() == 1);
  CHECK(table.rows()[0].fields == Fields{"1", "x,y"});

  try {
    (void)Table::read(dir.path() / "absent.csv", ',', "uk/absent.csv");
    FAIL("no SourceError was thrown");
  } catch (const SourceError& error) {
    CHECK(error.file() == "uk/absent.csv");
    CHECK(error.line() == 0);
    CHECK(error.field().empty());
    CHECK_THAT(error.problem(), Contains("cannot open file"));
    CHECK_THAT(error.problem(), Contains("absent.csv"));
  }
}

TEST_CASE("SourceError reads file:line: field: problem, and leaves out an empty field", "[table]") {
  const SourceError with_field("uk/a.csv", 7, "median_gbp", "not a number");
  CHECK(std::string(with_field.what()) == "uk/a.csv:7: median_gbp: not a number");
  CHECK(with_field.problem() == "not a number");
  const SourceError without_field("uk/a.csv", 0, "", "cannot open file");
  CHECK(std::string(without_field.what()) == "uk/a.csv:0: cannot open file");
}

TEST_CASE("trim removes leading and trailing ASCII whitespace only", "[table]") {
  CHECK(trim("55-1011 ") == "55-1011");
  CHECK(trim("  1330\t") == "1330");
  CHECK(trim("\r\n x y \r\n") == "x y");
  CHECK(trim("") == "");
  CHECK(trim("   ") == "");
  CHECK(trim("a  b") == "a  b");
  // A no-break space (U+00A0) is not ASCII whitespace.
  CHECK(trim("\xC2\xA0x") == "\xC2\xA0x");
}

TEST_CASE("is_valid_utf8 accepts ASCII and well-formed multi-byte sequences", "[table]") {
  CHECK(is_valid_utf8(""));
  CHECK(is_valid_utf8("plain ASCII, 123"));
  CHECK(is_valid_utf8("\xC2\xA3" "90,081"));        // £ (2 bytes)
  CHECK(is_valid_utf8("employers\xE2\x80\x99"));    // ’ (3 bytes)
  CHECK(is_valid_utf8("\xF0\x9F\x98\x80"));         // U+1F600 (4 bytes)
  CHECK(is_valid_utf8("\xC2\x80"));                 // U+0080, the smallest 2-byte value
  CHECK(is_valid_utf8("\xE0\xA0\x80"));             // U+0800, the smallest 3-byte value
  CHECK(is_valid_utf8("\xED\x9F\xBF"));             // U+D7FF, just below the surrogates
  CHECK(is_valid_utf8("\xEE\x80\x80"));             // U+E000, just above them
  CHECK(is_valid_utf8("\xF0\x90\x80\x80"));         // U+10000, the smallest 4-byte value
  CHECK(is_valid_utf8("\xF4\x8F\xBF\xBF"));         // U+10FFFF, the largest code point
}

TEST_CASE("is_valid_utf8 rejects overlong forms", "[table]") {
  CHECK_FALSE(is_valid_utf8("\xC0\x80"));          // NUL in 2 bytes
  CHECK_FALSE(is_valid_utf8("\xC1\xBF"));          // U+007F in 2 bytes
  CHECK_FALSE(is_valid_utf8("\xE0\x80\x80"));      // NUL in 3 bytes
  CHECK_FALSE(is_valid_utf8("\xE0\x9F\xBF"));      // U+07FF in 3 bytes
  CHECK_FALSE(is_valid_utf8("\xF0\x80\x80\x80"));  // NUL in 4 bytes
  CHECK_FALSE(is_valid_utf8("\xF0\x8F\xBF\xBF"));  // U+FFFF in 4 bytes
}

TEST_CASE("is_valid_utf8 rejects surrogates and code points beyond U+10FFFF", "[table]") {
  CHECK_FALSE(is_valid_utf8("\xED\xA0\x80"));      // U+D800
  CHECK_FALSE(is_valid_utf8("\xED\xBF\xBF"));      // U+DFFF
  CHECK_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // U+110000
  CHECK_FALSE(is_valid_utf8("\xF7\xBF\xBF\xBF"));
}

TEST_CASE("is_valid_utf8 rejects stray, missing and impossible bytes", "[table]") {
  CHECK_FALSE(is_valid_utf8("\x80"));              // a continuation byte alone
  CHECK_FALSE(is_valid_utf8("a\xBF" "b"));
  CHECK_FALSE(is_valid_utf8("\xC2"));              // truncated at the end
  CHECK_FALSE(is_valid_utf8("\xE2\x80"));
  CHECK_FALSE(is_valid_utf8("\xF0\x9F\x98"));
  CHECK_FALSE(is_valid_utf8("\xC2" "A"));          // a lead byte followed by ASCII
  CHECK_FALSE(is_valid_utf8("\xE2\x28\xA1"));
  CHECK_FALSE(is_valid_utf8("\xF8\x88\x80\x80\x80"));  // 5-byte forms do not exist
  CHECK_FALSE(is_valid_utf8("\xFE"));
  CHECK_FALSE(is_valid_utf8("\xFF"));
}
