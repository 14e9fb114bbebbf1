// Every error the core can report, with its stable name and its message, in one place.
// Nothing in core/ throws: fallible functions return Result<T> (a value or an Error).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace aiexp {

enum class ErrorCode : std::uint8_t {
  Ok,
  NotLoaded,          // an engine was asked for figures before a bundle was loaded
  BundleParse,        // the bundle text is not JSON
  BundleSchema,       // JSON, but a field is missing, has the wrong type or an impossible value
  BundleVersion,      // a schema version this build does not know
  BundleMismatch,     // a text part or title index from another data build than the bundle
  UnknownSoc,         // no SOC 2020 unit group with that code
  UnknownOnet,        // no O*NET-SOC occupation with that code in the bundle
  UnknownTask,        // no labelled task with that id
  InvalidLabelValue,  // e1 or e2 not a number in [0, 1]
  InvalidWeight,      // a task weight override not a finite number >= 0
  InvalidLabel,       // a label name other than E0, E1, E2
  InvalidOption,      // an unknown label source, weighting, bridge or wage-rounding name
  InvalidState,       // a permalink state string that cannot be decoded
  DataUnavailable,    // a data file could not be downloaded (reported by the JavaScript loader)
  MeasureNotLoaded,   // a measure other than Eloundou asked for before the details (which carry it) are loaded
  BreakdownNotLoaded, // a breakdown asked for before its data (data/breakdowns.json) are loaded
};

// The code whose name is `name`, or nullopt.
std::optional<ErrorCode> parse_code_name(std::string_view name);

// Stable kebab-case name of a code ("unknown-soc"): what JavaScript and the CLI's --json branch on.
std::string_view code_name(ErrorCode code);

// One sentence a visitor can read, without detail ("No UK occupation has that SOC 2020 code.").
std::string_view to_message(ErrorCode code);

struct Error {
  ErrorCode code = ErrorCode::Ok;
  std::string detail;  // what exactly was wrong: the field, the value, the code asked for

  // to_message(code), then ": detail" when there is one.
  std::string message() const;
};

// A value or the Error that prevented it. Accessors never throw: calling value() on an error
// (or error() on a value) is a programming error caught by the tests, not a runtime path.
template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::in_place_index<0>, std::move(value)) {}
  Result(Error error) : state_(std::in_place_index<1>, std::move(error)) {}

  bool ok() const { return state_.index() == 0; }
  const T& value() const& { return *std::get_if<0>(&state_); }
  T& value() & { return *std::get_if<0>(&state_); }
  T&& value() && { return std::move(*std::get_if<0>(&state_)); }
  const Error& error() const { return *std::get_if<1>(&state_); }

 private:
  std::variant<T, Error> state_;
};

// The result of an operation that produces nothing but can fail.
class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(Error error) : error_(std::move(error)) {}
  static Status success() { return {}; }

  bool ok() const { return error_.code == ErrorCode::Ok; }
  const Error& error() const { return error_; }

 private:
  Error error_;
};

inline Error make_error(ErrorCode code, std::string detail = {}) { return Error{code, std::move(detail)}; }

}  // namespace aiexp
