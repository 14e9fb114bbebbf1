// The human-readable and provenance outputs of the pipeline: data/SOURCES.md, data/COVERAGE.md and
// data/bundle.meta.json. The list of sources lives here, once.
#pragma once

#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "aiexp/bundle.h"
#include "aiexp/pipeline/breakdowns.h"
#include "aiexp/pipeline/bridge.h"
#include "aiexp/pipeline/build.h"

namespace aiexp::pipeline {

// One raw source the pipeline reads.
struct SourceInfo {
  std::string_view id;         // the bundle's id for it (aiexp/provenance.h names those the core cites)
  std::string_view path;       // relative to the sources folder
  std::string_view title;      // what it is
  std::string_view publisher;  // who published the data
  std::string_view version;    // release or date
  std::string_view licence;
  std::string_view feeds;      // what in the bundle it feeds
};

// Every source read by build_bundle, in reading order.
const std::vector<SourceInfo>& source_catalog();

struct SourceFile {
  const SourceInfo* info = nullptr;
  std::string sha256;
  std::size_t bytes = 0;
};

struct CoverageInputs {
  const Bundle& bundle;
  const std::map<std::string, IscoShares>& shares;
  const std::map<std::string, IscoLink>& links;
  const std::set<std::pair<std::string, std::int32_t>>& statements;  // O*NET 29.3 (code, task id)
  const std::map<std::pair<std::string, std::int32_t>, std::uint16_t>& importance;
  int skipped_minor_groups = 0;
  BreakdownSummary breakdowns;
};

std::string render_coverage(const CoverageInputs& inputs, const BuildSummary& summary);
std::string render_sources(const std::vector<SourceFile>& files);
// `outputs` are the other output files (their sizes and digests are recorded).
std::string render_meta(const std::vector<SourceFile>& files, const std::map<std::string, std::string>& outputs,
                        const BuildSummary& summary);

}  // namespace aiexp::pipeline
