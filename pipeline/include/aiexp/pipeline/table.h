// Delimited text tables (CSV and TSV) as the raw sources write them, with every error naming the file,
// the line and the field. The pipeline reads each source through a Table, so quoting, line endings and
// header checks are handled once.
#pragma once

#include <cstddef>
#include <filesystem>
#include <initializer_list>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace aiexp::pipeline {

// A problem in a source file. what() reads "<file>:<line>: <field>: <problem>".
class SourceError : public std::runtime_error {
 public:
  SourceError(std::string file, std::size_t line, std::string field, std::string problem);

  const std::string& file() const { return file_; }
  std::size_t line() const { return line_; }
  const std::string& field() const { return field_; }
  const std::string& problem() const { return problem_; }

 private:
  std::string file_;
  std::size_t line_;
  std::string field_;
  std::string problem_;
};

// One record: its fields and the physical line it starts on (1-based; the header is line 1).
struct Record {
  std::size_t line = 0;
  std::vector<std::string> fields;
};

// Splits text into records. Fields may be quoted with '"' (a doubled quote inside is one quote, and a quoted
// field may span lines), as pandas and Python's csv module write them; CRLF and LF line ends are accepted.
// Throws SourceError on an unterminated quote or text after a closing quote. `file` is only for messages.
std::vector<Record> split_records(std::string_view text, char delimiter, const std::string& file);

class Table {
 public:
  // Reads and splits a whole file; the first record is the header. Throws SourceError when the file is
  // missing, unreadable, empty, not UTF-8, or when a row's field count differs from the header's.
  static Table read(const std::filesystem::path& path, char delimiter, std::string display_name);
  // The same from text already in memory (tests).
  static Table parse(std::string_view text, char delimiter, std::string display_name);

  // Checks that the header is exactly `columns`, in order. Throws SourceError naming the first difference.
  void expect_header(std::initializer_list<std::string_view> columns) const;

  // Index of a header column. Throws SourceError when absent.
  std::size_t column(std::string_view name) const;

  const std::vector<std::string>& header() const { return header_; }
  const std::vector<Record>& rows() const { return rows_; }
  const std::string& name() const { return name_; }

  // A SourceError at `record`'s line, naming column `column`.
  SourceError error(const Record& record, std::size_t column, std::string problem) const;

 private:
  std::string name_;
  std::vector<std::string> header_;
  std::vector<Record> rows_;
};

// Leading and trailing ASCII whitespace removed (BLS codes carry trailing spaces: "55-1011 ").
std::string_view trim(std::string_view text);

// True when `text` is valid UTF-8.
bool is_valid_utf8(std::string_view text);
// Offset of the first byte that is not part of valid UTF-8, or npos when all of `text` is valid.
std::size_t first_invalid_utf8(std::string_view text);

}  // namespace aiexp::pipeline
