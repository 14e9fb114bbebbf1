// Names and messages of the error codes declared in status.h.
#include "aiexp/status.h"

namespace aiexp {

std::string_view code_name(ErrorCode code) {
  switch (code) {
    case ErrorCode::Ok: return "ok";
    case ErrorCode::NotLoaded: return "not-loaded";
    case ErrorCode::BundleParse: return "bundle-parse";
    case ErrorCode::BundleSchema: return "bundle-schema";
    case ErrorCode::BundleVersion: return "bundle-version";
    case ErrorCode::BundleMismatch: return "bundle-mismatch";
    case ErrorCode::UnknownSoc: return "unknown-soc";
    case ErrorCode::UnknownOnet: return "unknown-onet";
    case ErrorCode::UnknownTask: return "unknown-task";
    case ErrorCode::InvalidLabelValue: return "invalid-label-value";
    case ErrorCode::InvalidWeight: return "invalid-weight";
    case ErrorCode::InvalidLabel: return "invalid-label";
    case ErrorCode::InvalidOption: return "invalid-option";
    case ErrorCode::InvalidState: return "invalid-state";
    case ErrorCode::DataUnavailable: return "data-unavailable";
    case ErrorCode::MeasureNotLoaded: return "measure-not-loaded";
    case ErrorCode::BreakdownNotLoaded: return "breakdown-not-loaded";
  }
  return "unknown-error";
}

std::optional<ErrorCode> parse_code_name(std::string_view name) {
  for (int code = 0; code <= static_cast<int>(ErrorCode::BreakdownNotLoaded); ++code) {
    if (code_name(static_cast<ErrorCode>(code)) == name) return static_cast<ErrorCode>(code);
  }
  return std::nullopt;
}

std::string_view to_message(ErrorCode code) {
  switch (code) {
    case ErrorCode::Ok: return "OK.";
    case ErrorCode::NotLoaded: return "The occupation data has not been loaded yet.";
    case ErrorCode::BundleParse: return "The occupation data file is corrupt (not valid JSON).";
    case ErrorCode::BundleSchema: return "The occupation data file does not have the expected contents.";
    case ErrorCode::BundleVersion: return "The occupation data file was made for another version of this tool.";
    case ErrorCode::BundleMismatch: return "A data part belongs to a different data build than the loaded data.";
    case ErrorCode::UnknownSoc: return "No UK occupation has that SOC 2020 code.";
    case ErrorCode::UnknownOnet: return "No labelled O*NET occupation has that code.";
    case ErrorCode::UnknownTask: return "No labelled task has that id.";
    case ErrorCode::InvalidLabelValue: return "Label values must be numbers from 0 to 1.";
    case ErrorCode::InvalidWeight: return "Task weights must be numbers of 0 or more.";
    case ErrorCode::InvalidLabel: return "Task labels must be E0, E1 or E2.";
    case ErrorCode::InvalidOption: return "That option is not one of the allowed values.";
    case ErrorCode::InvalidState: return "The link's settings could not be read.";
    case ErrorCode::DataUnavailable: return "The occupation data could not be downloaded.";
    case ErrorCode::MeasureNotLoaded: return "That measure's figures come with the details, which are not loaded yet.";
    case ErrorCode::BreakdownNotLoaded:
      return "The breakdowns by sex, working pattern, industry, region and pay come with their own data file, which is "
             "not loaded yet.";
  }
  return "Unknown error.";
}

std::string Error::message() const {
  std::string text(to_message(code));
  if (!detail.empty()) {
    if (!text.empty() && text.back() == '.') text.pop_back();
    text += ": ";
    text += detail;
  }
  return text;
}

}  // namespace aiexp
