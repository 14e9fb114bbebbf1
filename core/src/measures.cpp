// Measures of exposure (measures.h), SCORING.md section 7.
#include "aiexp/measures.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

namespace aiexp {

namespace {

constexpr std::array<std::string_view, kMeasureCount> kNames = {"eloundou", "ilo2025", "ilo2023", "microsoft"};
constexpr std::array<std::string_view, kMeasureCount> kTitles = {"Eloundou et al. (2023)", "ILO 2025", "ILO 2023",
                                                                 "Microsoft applicability"};
constexpr std::array<std::string_view, kMeasureCount> kAbout = {
    "GPT-4 and human ratings of O*NET tasks (Eloundou, Manning, Mishkin & Rock), bridged to UK SOC 2020 through "
    "ISCO-08 and the US SOC: the published figures",
    "the ILO's refined 2025 index (Gmyrek et al., ILO Working Paper 140): the mean score of the ISCO-08 "
    "occupation's tasks, bridged to UK SOC 2020 in one hop",
    "the ILO's 2023 index (ILO Working Paper 96), scored on the same ISCO-08 tasks",
    "Microsoft's AI applicability (Tomlinson et al. 2025), from Bing Copilot conversations in 2024, per US SOC "
    "2018 occupation, bridged through SOC 2010 and ISCO-08"};

constexpr std::array<std::string_view, 7> kGradients = {"",
                                                        "Not Exposed",
                                                        "Minimal Exposure",
                                                        "Exposed: Gradient 1",
                                                        "Exposed: Gradient 2",
                                                        "Exposed: Gradient 3",
                                                        "Exposed: Gradient 4"};

// Ranks 1..n of `values` in ascending order, ties given their mean rank.
std::vector<double> ranks_of(const std::vector<double>& values) {
  std::vector<std::size_t> order(values.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return values[a] < values[b] || (values[a] == values[b] && a < b);
  });
  std::vector<double> ranks(values.size());
  for (std::size_t i = 0; i < order.size();) {
    std::size_t j = i;
    while (j + 1 < order.size() && values[order[j + 1]] == values[order[i]]) ++j;
    const double mean_rank = (static_cast<double>(i) + static_cast<double>(j)) / 2.0 + 1.0;
    for (std::size_t k = i; k <= j; ++k) ranks[order[k]] = mean_rank;
    i = j + 1;
  }
  return ranks;
}

}  // namespace

std::string_view measure_name(Measure measure) { return kNames[static_cast<std::size_t>(measure)]; }
std::string_view measure_title(Measure measure) { return kTitles[static_cast<std::size_t>(measure)]; }
std::string_view measure_about(Measure measure) { return kAbout[static_cast<std::size_t>(measure)]; }

std::optional<Measure> parse_measure(std::string_view name) {
  for (Measure measure : kMeasures) {
    if (measure_name(measure) == name) return measure;
  }
  return std::nullopt;
}

std::string_view measure_attribution(Measure measure) {
  switch (measure) {
    case Measure::Eloundou: return "";
    case Measure::Ilo2025:
    case Measure::Ilo2023:
      return "ILO: Gmyrek et al. (2025), Generative AI and Jobs: A Refined Global Index of Occupational Exposure, "
             "ILO Working Paper 140, © ILO, CC BY 4.0 (adapted: bridged to UK SOC 2020; not endorsed by the ILO).";
    case Measure::Microsoft:
      return "Microsoft: Tomlinson et al. (2025), Working with AI: Measuring the Applicability of Generative AI to "
             "Occupations, CC BY 4.0.";
  }
  return "";
}

std::string_view ilo_gradient_text(IloGradient gradient) { return kGradients[static_cast<std::size_t>(gradient)]; }

std::optional<IloGradient> parse_ilo_gradient(std::string_view text) {
  for (std::size_t g = 0; g < kGradients.size(); ++g) {
    if (kGradients[g] == text) return static_cast<IloGradient>(g);
  }
  return std::nullopt;
}

RankAgreement spearman(std::span<const double> a, std::span<const double> b) {
  std::vector<double> x;
  std::vector<double> y;
  for (std::size_t i = 0; i < a.size() && i < b.size(); ++i) {
    if (std::isnan(a[i]) || std::isnan(b[i])) continue;
    x.push_back(a[i]);
    y.push_back(b[i]);
  }
  RankAgreement agreement;
  agreement.pairs = static_cast<int>(x.size());
  if (x.size() < 3) return agreement;
  // Pearson's correlation of the ranks: with ties, the textbook 1 - 6 sum d^2 / ... shortcut is not exact.
  const std::vector<double> rx = ranks_of(x);
  const std::vector<double> ry = ranks_of(y);
  const double mean = (static_cast<double>(x.size()) + 1.0) / 2.0;
  double sxy = 0.0;
  double sxx = 0.0;
  double syy = 0.0;
  for (std::size_t i = 0; i < rx.size(); ++i) {
    sxy += (rx[i] - mean) * (ry[i] - mean);
    sxx += (rx[i] - mean) * (rx[i] - mean);
    syy += (ry[i] - mean) * (ry[i] - mean);
  }
  if (sxx == 0.0 || syy == 0.0) return agreement;
  agreement.rho = sxy / std::sqrt(sxx * syy);
  return agreement;
}

}  // namespace aiexp
