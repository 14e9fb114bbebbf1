// Delimited text tables (table.h).
#include "aiexp/pipeline/table.h"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <sstream>

namespace aiexp::pipeline {

SourceError::SourceError(std::string file, std::size_t line, std::string field, std::string problem)
    : std::runtime_error(file + ":" + std::to_string(line) + ": " + (field.empty() ? "" : field + ": ") + problem),
      file_(std::move(file)),
      line_(line),
      field_(std::move(field)),
      problem_(std::move(problem)) {}

std::vector<Record> split_records(std::string_view text, char delimiter, const std::string& file) {
  std::vector<Record> records;
  std::size_t line = 1;
  std::size_t pos = 0;
  const std::size_t n = text.size();
  while (pos < n) {
    Record record;
    record.line = line;
    std::string field;
    bool record_done = false;
    while (!record_done) {
      field.clear();
      if (pos < n && text[pos] == '"') {
        // Quoted field: runs to the next lone quote; "" is a literal quote; newlines are kept.
        const std::size_t open_line = line;
        ++pos;
        bool closed = false;
        while (pos < n) {
          const char c = text[pos];
          if (c == '"') {
            if (pos + 1 < n && text[pos + 1] == '"') {
              field.push_back('"');
              pos += 2;
              continue;
            }
            ++pos;
            closed = true;
            break;
          }
          if (c == '\r' && pos + 1 < n && text[pos + 1] == '\n') {
            ++pos;  // a CRLF inside a quoted field is one newline
            continue;
          }
          if (c == '\n') ++line;
          field.push_back(c);
          ++pos;
        }
        if (!closed) {
          throw SourceError(file, open_line, "field " + std::to_string(record.fields.size() + 1),
                            "quoted field is never closed");
        }
        if (pos < n && text[pos] != delimiter && text[pos] != '\n' && text[pos] != '\r') {
          throw SourceError(file, line, "field " + std::to_string(record.fields.size() + 1),
                            "unexpected text after a closing quote");
        }
      } else {
        while (pos < n && text[pos] != delimiter && text[pos] != '\n' && text[pos] != '\r') {
          field.push_back(text[pos]);
          ++pos;
        }
      }
      record.fields.push_back(field);
      if (pos < n && text[pos] == delimiter) {
        ++pos;
        continue;
      }
      // end of record: CRLF, LF or end of text
      if (pos < n && text[pos] == '\r') ++pos;
      if (pos < n && text[pos] == '\n') ++pos;
      ++line;
      record_done = true;
    }
    records.push_back(std::move(record));
  }
  return records;
}

Table Table::read(const std::filesystem::path& path, char delimiter, std::string display_name) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw SourceError(display_name, 0, "", "cannot open file (" + path.string() + ")");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) throw SourceError(display_name, 0, "", "read error");
  return parse(text, delimiter, std::move(display_name));
}

Table Table::parse(std::string_view text, char delimiter, std::string display_name) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // a UTF-8 byte-order mark is not data
  if (const std::size_t bad = first_invalid_utf8(text); bad != std::string_view::npos) {
    const auto line = 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(bad), '\n'));
    throw SourceError(display_name, line, "byte " + std::to_string(bad + 1), "not valid UTF-8");
  }
  std::vector<Record> records = split_records(text, delimiter, display_name);
  if (records.empty()) throw SourceError(display_name, 1, "", "file is empty (no header row)");
  Table table;
  table.name_ = std::move(display_name);
  table.header_ = std::move(records.front().fields);
  records.erase(records.begin());
  for (Record& record : records) {
    // A record of one empty field is a blank line: skip it.
    if (record.fields.size() == 1 && record.fields[0].empty()) continue;
    if (record.fields.size() != table.header_.size()) {
      throw SourceError(table.name_, record.line, "",
                        "has " + std::to_string(record.fields.size()) + " fields, the header has " +
                            std::to_string(table.header_.size()));
    }
    table.rows_.push_back(std::move(record));
  }
  return table;
}

void Table::expect_header(std::initializer_list<std::string_view> columns) const {
  std::size_t i = 0;
  for (std::string_view expected : columns) {
    if (i >= header_.size()) throw SourceError(name_, 1, std::string(expected), "column missing from the header");
    if (header_[i] != expected) {
      throw SourceError(name_, 1, "column " + std::to_string(i + 1),
                        "expected header \"" + std::string(expected) + "\", found \"" + header_[i] + "\"");
    }
    ++i;
  }
  if (i != header_.size()) {
    throw SourceError(name_, 1, "column " + std::to_string(i + 1), "unexpected extra column \"" + header_[i] + "\"");
  }
}

std::size_t Table::column(std::string_view name) const {
  for (std::size_t i = 0; i < header_.size(); ++i) {
    if (header_[i] == name) return i;
  }
  throw SourceError(name_, 1, std::string(name), "column missing from the header");
}

SourceError Table::error(const Record& record, std::size_t column, std::string problem) const {
  const std::string field = column < header_.size() ? header_[column] : "column " + std::to_string(column + 1);
  return SourceError(name_, record.line, field.empty() ? "column " + std::to_string(column + 1) : field,
                     std::move(problem));
}

std::string_view trim(std::string_view text) {
  const auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

bool is_valid_utf8(std::string_view text) { return first_invalid_utf8(text) == std::string_view::npos; }

std::size_t first_invalid_utf8(std::string_view text) {
  std::size_t i = 0;
  const std::size_t n = text.size();
  while (i < n) {
    const auto c = static_cast<unsigned char>(text[i]);
    std::size_t extra = 0;
    std::uint32_t code = 0;
    if (c < 0x80) {
      ++i;
      continue;
    } else if ((c & 0xE0) == 0xC0) {
      extra = 1;
      code = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      extra = 2;
      code = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      extra = 3;
      code = c & 0x07;
    } else {
      return i;
    }
    if (i + extra >= n) return i;
    for (std::size_t k = 1; k <= extra; ++k) {
      const auto cc = static_cast<unsigned char>(text[i + k]);
      if ((cc & 0xC0) != 0x80) return i;
      code = (code << 6) | (cc & 0x3F);
    }
    // reject overlong forms, surrogates and values beyond U+10FFFF
    if ((extra == 1 && code < 0x80) || (extra == 2 && code < 0x800) || (extra == 3 && code < 0x10000) ||
        (code >= 0xD800 && code <= 0xDFFF) || code > 0x10FFFF) {
      return i;
    }
    i += extra + 1;
  }
  return std::string_view::npos;
}

}  // namespace aiexp::pipeline
