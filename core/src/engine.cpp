// A calculator session (engine.h).
#include "aiexp/engine.h"

#include "aiexp/csv.h"

namespace aiexp {

namespace {

Error not_loaded() { return make_error(ErrorCode::NotLoaded); }

const Assumptions& default_assumptions() {
  static const Assumptions kDefaults;
  return kDefaults;
}

}  // namespace

Engine::Engine() = default;
Engine::~Engine() = default;

Status Engine::load_bundle(std::string_view json_text) {
  auto parsed = parse_bundle(json_text);
  if (!parsed.ok()) return parsed.error();
  // The Scorer keeps a reference to the bundle, so the old pair is dropped together.
  auto bundle = std::make_unique<Bundle>(std::move(parsed).value());
  auto scorer = std::make_unique<Scorer>(*bundle);
  scorer_.reset();
  bundle_ = std::move(bundle);
  scorer_ = std::move(scorer);
  text_ = TextStore(*bundle_);
  titles_.reset();
  breakdowns_.reset();
  return Status::success();
}

Status Engine::load_details(std::string_view json_text) {
  if (!loaded()) return not_loaded();
  // merge_details replaces the bundle's contents in place (same address), so the Scorer's reference stays
  // valid; the Eloundou figures are unaffected (details carry no labels), the other measures arrive with them.
  Status merged = merge_details(*bundle_, json_text);
  if (merged.ok()) scorer_->refresh_measures();
  return merged;
}

Status Engine::load_text_part(std::string_view json_text) {
  if (!loaded()) return not_loaded();
  return merge_text_part(*bundle_, json_text, text_);
}

Status Engine::load_titles(std::string_view json_text) {
  if (!loaded()) return not_loaded();
  auto parsed = parse_titles(*bundle_, json_text);
  if (!parsed.ok()) return parsed.error();
  titles_ = std::move(parsed).value();
  return Status::success();
}

Status Engine::load_breakdowns(std::string_view json_text) {
  if (!loaded()) return not_loaded();
  auto parsed = parse_breakdowns(*bundle_, json_text);
  if (!parsed.ok()) return parsed.error();
  breakdowns_ = std::move(parsed).value();
  return Status::success();
}

Status Engine::set_assumptions(const Assumptions& assumptions) {
  if (!loaded()) return not_loaded();
  return scorer_->set(assumptions);
}

const Assumptions& Engine::assumptions() const {
  return loaded() ? scorer_->assumptions() : default_assumptions();
}

Result<UnitGroupReport> Engine::report(std::string_view soc) const {
  if (!loaded()) return not_loaded();
  const auto group = bundle_->find_unit_group(soc);
  if (!group) return make_error(ErrorCode::UnknownSoc, std::string(soc.substr(0, 16)));
  return make_report(*scorer_, &text_, *group);
}

Result<MeasuresReport> Engine::measures_report(std::string_view soc) const {
  if (!loaded()) return not_loaded();
  const auto group = bundle_->find_unit_group(soc);
  if (!group) return make_error(ErrorCode::UnknownSoc, std::string(soc.substr(0, 16)));
  return make_measures_report(*scorer_, *group);
}

Result<std::vector<std::string>> Engine::missing_text_parts(std::string_view soc) const {
  if (!loaded()) return not_loaded();
  const auto group = bundle_->find_unit_group(soc);
  if (!group) return make_error(ErrorCode::UnknownSoc, std::string(soc.substr(0, 16)));
  std::vector<std::uint32_t> onets;
  for (const Scorer::BridgeEntry& entry : scorer_->bridge(*group)) onets.push_back(entry.onet);
  std::vector<std::string> missing;
  for (std::string& part : text_parts_for(*bundle_, onets)) {
    if (!text_.has_part(part)) missing.push_back(std::move(part));
  }
  return missing;
}

std::vector<UnitGroupRow> Engine::rows() const {
  std::vector<UnitGroupRow> rows;
  if (!loaded()) return rows;
  rows.reserve(bundle_->unit_groups.size());
  for (std::uint32_t g = 0; g < bundle_->unit_groups.size(); ++g) rows.push_back(make_row(*scorer_, g));
  return rows;
}

std::optional<UnitGroupRow> Engine::row(std::size_t index) const {
  if (!loaded() || index >= bundle_->unit_groups.size()) return std::nullopt;
  return make_row(*scorer_, static_cast<std::uint32_t>(index));
}

TotalsView Engine::totals() const { return loaded() ? make_totals(*scorer_) : TotalsView{}; }

std::vector<MajorGroupSummary> Engine::major_group_summaries() const {
  return loaded() ? make_major_group_summaries(*scorer_) : std::vector<MajorGroupSummary>{};
}

TotalsView Engine::totals_at_or_above(double min_score10) const {
  return loaded() ? describe_totals(aiexp::totals_at_or_above(*scorer_, min_score10)) : TotalsView{};
}

Result<SplitBreakdown> Engine::sex_breakdown() const {
  if (Status status = breakdowns_ready(); !status.ok()) return status.error();
  return aiexp::sex_breakdown(*scorer_, *breakdowns_);
}

Result<SplitBreakdown> Engine::pattern_breakdown() const {
  if (Status status = breakdowns_ready(); !status.ok()) return status.error();
  return aiexp::pattern_breakdown(*scorer_, *breakdowns_);
}

Result<IndustryBreakdown> Engine::industry_breakdown() const {
  if (Status status = breakdowns_ready(); !status.ok()) return status.error();
  return aiexp::industry_breakdown(*scorer_, *breakdowns_);
}

Result<RegionBreakdown> Engine::region_breakdown() const {
  if (Status status = breakdowns_ready(); !status.ok()) return status.error();
  return aiexp::region_breakdown(*scorer_, *breakdowns_);
}

Result<PayBreakdown> Engine::pay_breakdown() const {
  if (Status status = breakdowns_ready(); !status.ok()) return status.error();
  return aiexp::pay_breakdown(*scorer_, *breakdowns_);
}

Result<RoleBreakdown> Engine::role_breakdown(std::string_view soc) const {
  if (Status status = breakdowns_ready(); !status.ok()) return status.error();
  const auto group = bundle_->find_unit_group(soc);
  if (!group) return make_error(ErrorCode::UnknownSoc, std::string(soc.substr(0, 16)));
  return aiexp::role_breakdown(*scorer_, *breakdowns_, *group);
}

std::vector<Provenance> Engine::breakdown_provenance(BreakdownKind kind) const {
  if (!breakdowns_ready().ok()) return {};
  return aiexp::breakdown_provenance(*scorer_, *breakdowns_, kind);
}

Result<std::string> Engine::breakdown_csv(BreakdownKind kind) const {
  if (Status status = breakdowns_ready(); !status.ok()) return status.error();
  return aiexp::breakdown_csv(*scorer_, *breakdowns_, kind);
}

Status Engine::breakdowns_ready() const {
  if (!loaded()) return not_loaded();
  if (!breakdowns_) return make_error(ErrorCode::BreakdownNotLoaded);
  return Status::success();
}

std::string Engine::table_csv(const std::vector<std::string>& socs) const {
  if (!loaded()) return {};
  std::vector<std::uint32_t> groups;
  for (const std::string& soc : socs) {
    if (const auto group = bundle_->find_unit_group(soc)) groups.push_back(*group);
  }
  return unit_groups_csv(*scorer_, groups);
}

Result<std::string> Engine::tasks_csv(std::string_view soc) const {
  auto report = this->report(soc);
  if (!report.ok()) return report.error();
  return aiexp::tasks_csv(report.value());
}

std::vector<SearchResult> Engine::search(std::string_view query, std::size_t limit) const {
  std::vector<SearchResult> results;
  if (!loaded()) return results;
  for (const SearchHit& hit : aiexp::search(*bundle_, titles_ ? &*titles_ : nullptr, query, limit)) {
    const UnitGroup& group = bundle_->unit_groups[hit.unit_group];
    SearchResult result{group.soc, group.title, {}, {}};
    if (hit.title >= 0) {
      const JobTitle& title = titles_->titles[static_cast<std::size_t>(hit.title)];
      result.matched_title = title.title;
      result.qualifier = title.qualifier;
    }
    results.push_back(std::move(result));
  }
  return results;
}

std::string Engine::encode_state(std::string_view soc, const std::vector<std::string>& compare) const {
  return aiexp::encode_state(ViewState{std::string(soc), compare, assumptions()});
}

Result<DecodedState> Engine::decode_state(std::string_view query) const {
  if (!loaded()) return not_loaded();
  return aiexp::decode_state(*bundle_, query);
}

}  // namespace aiexp
