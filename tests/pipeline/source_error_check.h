// The check every reader test makes of a refused source: a SourceError naming the file, the line and the field.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include <catch2/catch.hpp>

#include "aiexp/pipeline/table.h"

namespace aiexp::test {

// Runs `action`, which must throw a SourceError naming `file`, `line` and `field` (may be empty), with
// `problem_part` in its problem and what() reading "<file>:<line>: <field>: <problem>" (no field part when empty).
template <class Action>
void require_source_error(Action&& action, std::string_view file, std::size_t line, std::string_view field,
                          std::string_view problem_part) {
  try {
    action();
  } catch (const pipeline::SourceError& error) {
    CHECK(error.file() == file);
    CHECK(error.line() == line);
    CHECK(error.field() == field);
    CHECK_THAT(error.problem(), Catch::Matchers::Contains(std::string(problem_part)));
    CHECK(std::string(error.what()) == std::string(file) + ":" + std::to_string(line) + ": " +
                                           (field.empty() ? std::string() : std::string(field) + ": ") +
                                           error.problem());
    return;
  }
  FAIL("no SourceError was thrown");
}

}  // namespace aiexp::test
