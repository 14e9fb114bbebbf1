// Text safe to print (core/src/printable.cpp) and CSV fields safe to open (core/src/csv.cpp): what a hostile
// title or argument becomes on a terminal and in a spreadsheet.
#include <catch2/catch.hpp>

#include <string>

#include "aiexp/csv.h"
#include "aiexp/printable.h"

using namespace aiexp;

namespace {

// Whether `text` holds anything a terminal acts on: a C0 control, DEL, a C1 control (as UTF-8), a bidi
// control, or a byte that is not UTF-8. Line feeds are allowed when `line_feeds` is true.
bool has_control(const std::string& text, bool line_feeds = false) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte == '\n' && line_feeds) continue;
    if (byte < 0x20 || byte == 0x7F) return true;
    if (byte == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) <= 0x9F) return true;
    if (text.compare(i, 3, "\u202E") == 0 || text.compare(i, 3, "\u2066") == 0 || text.compare(i, 3, "\u200F") == 0) {
      return true;
    }
    if (byte == 0xFF || byte == 0xC0) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("printable leaves ordinary text alone, UTF-8 and backslashes included", "[printable]") {
  for (const std::string text : {"", "Information technology directors", "£55,502 · 1.2/10 — “quoted” 日本",
                                 "C:\\path\\u001B", "tab-free 😀 emoji"}) {
    INFO(text);
    CHECK(printable(text) == text);
    CHECK(printable(text, LineBreaks::Keep) == text);
  }
}

TEST_CASE("printable writes terminal escape sequences as visible escapes", "[printable]") {
  CHECK(printable("Managers\x1b[2J\x1b[31m") == "Managers\\u001B[2J\\u001B[31m");
  CHECK(printable("bell\x07 back\x08 nul" + std::string(1, '\0') + "!") == "bell\\u0007 back\\u0008 nul\\u0000!");
  CHECK(printable("a\tb") == "a\\u0009b");
  CHECK(printable("del\x7f") == "del\\u007F");
  // C1 controls encoded as UTF-8: U+009B is CSI, which some terminals act on as ESC [.
  CHECK(printable("csi\u009b2J nel\u0085") == "csi\\u009B2J nel\\u0085");
  // The last C1 control and the first printable Latin-1 character either side of the range.
  CHECK(printable("\u009f\u00a0") == "\\u009F\u00a0");
}

TEST_CASE("printable escapes line breaks in a field and keeps them in a whole output", "[printable]") {
  CHECK(printable("Managers\nUK totals: fake") == "Managers\\u000AUK totals: fake");
  CHECK(printable("over\rwrite") == "over\\u000Dwrite");
  CHECK(printable("line\r\n") == "line\\u000D\\u000A");
  CHECK(printable("one\ntwo\r\nthree\n", LineBreaks::Keep) == "one\ntwo\r\nthree\n");
  // A carriage return that ends no line would still move the cursor back over it.
  CHECK(printable("fake\rreal\n", LineBreaks::Keep) == "fake\\u000Dreal\n");
  CHECK(printable("end\r", LineBreaks::Keep) == "end\\u000D");
  CHECK(printable("\x1b[2J\n", LineBreaks::Keep) == "\\u001B[2J\n");
}

TEST_CASE("printable escapes bidirectional controls, so text shows in the order it is stored", "[printable]") {
  // "Trojan source": a right-to-left override makes "1137 exe.txt" look like "1137 txt.exe".
  CHECK(printable("1137 \u202Etxt.exe") == "1137 \\u202Etxt.exe");
  CHECK(printable("\u202A\u202B\u202C\u202D\u202E") == "\\u202A\\u202B\\u202C\\u202D\\u202E");
  CHECK(printable("\u2066\u2067\u2068\u2069") == "\\u2066\\u2067\\u2068\\u2069");
  CHECK(printable("\u200E\u200F\u061C") == "\\u200E\\u200F\\u061C");
  // Neighbours of those ranges are ordinary characters.
  CHECK(printable("\u2029\u2065\u206A\u200D") == "\u2029\u2065\u206A\u200D");
}

TEST_CASE("printable writes bytes that are not UTF-8 as \\xHH, one byte at a time", "[printable]") {
  CHECK(printable("\xff") == "\\xFF");
  CHECK(printable("a\x9b" "2J") == "a\\x9B2J");           // a bare C1 byte: CSI on 8-bit terminals
  CHECK(printable("\xc0\xaf") == "\\xC0\\xAF");           // overlong "/"
  CHECK(printable("\xed\xa0\x80") == "\\xED\\xA0\\x80");  // a surrogate
  CHECK(printable("\xf4\x90\x80\x80") == "\\xF4\\x90\\x80\\x80");  // past U+10FFFF
  CHECK(printable("cut \xe2\x82") == "cut \\xE2\\x82");   // "€" cut short
  CHECK(printable("\xe2\x82\xac") == "\u20ac");
}

TEST_CASE("printable output holds no control, whatever the input", "[printable]") {
  std::string every_byte;
  for (int b = 0; b < 256; ++b) every_byte.push_back(static_cast<char>(b));
  CHECK_FALSE(has_control(printable(every_byte)));
  CHECK_FALSE(has_control(printable(every_byte, LineBreaks::Keep), true));
  for (const std::string control : {"\u0080", "\u0085", "\u009B", "\u009F", "\u202E", "\u2066"}) {
    INFO(printable(control));
    CHECK_FALSE(has_control(printable(control)));
    CHECK(printable(control).starts_with("\\u"));
  }
}

TEST_CASE("echo quotes input whole up to 60 characters, else its first characters and an ellipsis", "[printable]") {
  CHECK(kEchoChars == 60);
  const std::string sixty(60, 'a');
  CHECK(echo(sixty) == sixty);
  const std::string long_input(100 * 1024, 'x');
  const std::string cut = echo(long_input);
  CHECK(cut == std::string(59, 'x') + "\u2026");
  CHECK(echo(sixty + "b") == std::string(59, 'a') + "\u2026");
  // Characters, not bytes: 60 pound signs fit, 61 do not.
  std::string pounds;
  for (int i = 0; i < 61; ++i) pounds += "\u00a3";
  CHECK(echo(pounds.substr(0, 120)) == pounds.substr(0, 120));
  CHECK(echo(pounds) == pounds.substr(0, 118) + "\u2026");
  CHECK(echo("abcdef", 4) == "abc\u2026");
}

TEST_CASE("echo escapes what it quotes and never cuts an escape in two", "[printable]") {
  CHECK(echo("a\nb") == "a\\u000Ab");
  const std::string escapes(40, '\x1b');
  const std::string shown = echo(escapes);
  // 9 escapes of 6 characters fit before the ellipsis (54 + 1 <= 60); a 10th would not.
  std::string expected;
  for (int i = 0; i < 9; ++i) expected += "\\u001B";
  CHECK(shown == expected + "\u2026");
  CHECK_FALSE(has_control(echo(std::string(1000, '\x9b'))));
  CHECK(echo("\x1b[2J", 4) == "\u2026");  // not even one escape fits beside the ellipsis
}

// ---- CSV fields ----

TEST_CASE("a CSV field is quoted when it holds a comma, a semicolon or a quote (RFC 4180)", "[printable][csv]") {
  CHECK(csv_field("plain") == "plain");
  CHECK(csv_field("") == "");
  CHECK(csv_field("a,b") == "\"a,b\"");
  CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(csv_field("a;=1+1") == "\"a;=1+1\"");  // a semicolon starts a new cell in many locales
  CHECK(csv_field("Managers and directors") == "Managers and directors");
}

TEST_CASE("a CSV field never holds a control character, a line break or an escape sequence", "[printable][csv]") {
  CHECK(csv_field("Managers\x1b[2J") == "Managers\\u001B[2J");
  CHECK(csv_field("two\nlines") == "two\\u000Alines");
  CHECK(csv_field("over\rwrite, then") == "\"over\\u000Dwrite, then\"");
  CHECK(csv_field("\u202Eexe") == "\\u202Eexe");
}

TEST_CASE("a CSV field starting with = + - or @ is neutralised with an apostrophe (OWASP)", "[printable][csv]") {
  CHECK(csv_field("=HYPERLINK(\"http://x\")") == "\"'=HYPERLINK(\"\"http://x\"\")\"");
  CHECK(csv_field("=1+1") == "'=1+1");
  CHECK(csv_field("+1+1") == "'+1+1");
  CHECK(csv_field("-1+1") == "'-1+1");
  CHECK(csv_field("@SUM(A1:A9)") == "'@SUM(A1:A9)");
  CHECK(csv_field("-cmd|' /C calc'!A0") == "'-cmd|' /C calc'!A0");
  CHECK(csv_field("=2,3") == "\"'=2,3\"");
  // A leading tab or carriage return is an escape already, which no spreadsheet runs.
  CHECK(csv_field("\t=1+1") == "\\u0009=1+1");
  CHECK(csv_field("\r=1+1") == "\\u000D=1+1");
  // Only the first character counts.
  CHECK(csv_field("a=1+1") == "a=1+1");
  CHECK(csv_field(" =1") == " =1");
}

TEST_CASE("a CSV field that is a plain number stays a number, negative ones included", "[printable][csv]") {
  for (const char* number : {"-1", "-0.25", "-1234.5", "0", "12", "3.5", "-1e-05", "1E+20", "-0", "-.5", "-5."}) {
    INFO(number);
    CHECK(csv_field(number) == number);
  }
  // Anything else that starts like a number but is more is text, and neutralised.
  for (const char* text : {"-", "-.", "-1-1", "-1e", "-1e+", "-1..2", "-1 ", "+1", "-inf", "-nan", "-1,5", "-0x1"}) {
    INFO(text);
    const std::string field = csv_field(text);
    CHECK((field.starts_with("'") || field.starts_with("\"'")));
  }
}
