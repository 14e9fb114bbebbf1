// The measures of exposure a visitor can choose as the headline (SCORING.md section 7): Eloundou et al.'s task
// labels (the default, the published figures) and three independent measures carried per ISCO-08 group, the
// ILO's 2025 and 2023 indexes and Microsoft's AI applicability. Each gives a unit group a value in [0, 1]; the
// page shows 10 x that value with the same bands, ranks and wage exposure as the Eloundou score.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace aiexp {

enum class Measure : std::uint8_t { Eloundou = 0, Ilo2025 = 1, Ilo2023 = 2, Microsoft = 3 };
inline constexpr std::size_t kMeasureCount = 4;
// The measures stored per ISCO-08 group (all but Eloundou), indexed by stored_index().
inline constexpr std::size_t kStoredMeasureCount = kMeasureCount - 1;
inline constexpr std::array<Measure, kMeasureCount> kMeasures = {Measure::Eloundou, Measure::Ilo2025,
                                                                 Measure::Ilo2023, Measure::Microsoft};
inline std::size_t stored_index(Measure measure) { return static_cast<std::size_t>(measure) - 1; }

std::string_view measure_name(Measure measure);   // "eloundou", "ilo2025", "ilo2023", "microsoft"
std::optional<Measure> parse_measure(std::string_view name);
std::string_view measure_title(Measure measure);  // "Eloundou et al. (2023)", "ILO 2025", ...
std::string_view measure_about(Measure measure);  // one line: what the measure is and what it rests on

// The credit line each measure's source asks for ("" for Eloundou, credited with the labels), and the notice the
// ILO asks adaptations of its work to carry.
std::string_view measure_attribution(Measure measure);
inline constexpr std::string_view kIloAdaptationNotice =
    "This is an adaptation of a copyrighted work of the International Labour Organization (ILO). This adaptation "
    "has not been prepared, reviewed or endorsed by the ILO and should not be considered an official ILO adaptation.";

// A stored measure value in billionths: 440'200'000 is 0.4402. kNoMeasureValue when the source has none.
inline constexpr std::int64_t kMeasureUnits = 1'000'000'000;
inline constexpr std::int64_t kNoMeasureValue = -1;

// The ILO's exposure category of an ISCO-08 occupation (WP 140's potential25), as published.
enum class IloGradient : std::uint8_t {
  None = 0,  // not in the ILO index
  NotExposed,
  MinimalExposure,
  Gradient1,
  Gradient2,
  Gradient3,
  Gradient4,
};
std::string_view ilo_gradient_text(IloGradient gradient);  // "Exposed: Gradient 2" as published; "" for None
std::optional<IloGradient> parse_ilo_gradient(std::string_view text);  // "" -> None

// How closely two measures order the same occupations: Spearman's rank correlation (ties share their mean rank),
// over the pairs where both have a value.
struct RankAgreement {
  int pairs = 0;       // occupations with both values
  double rho = 0.0;    // in [-1, 1]; 0 when fewer than 3 pairs or either side is constant
};
// `a` and `b` are the same length; NaN marks a missing value on either side.
RankAgreement spearman(std::span<const double> a, std::span<const double> b);

}  // namespace aiexp
