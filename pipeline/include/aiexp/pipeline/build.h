// The data pipeline: raw sources in, the derived bundle out (SCORING.md sections 3 and 5).
// build_bundle() reads and checks every source and produces every output file in memory; write_bundle()
// then replaces the files in the output folder. A bad source stops the build before anything is written.
#pragma once

#include <filesystem>
#include <map>
#include <string>

namespace aiexp::pipeline {

struct BuildSummary {
  int unit_groups = 0;
  int scored = 0;       // under the default (modal) bridge
  int scored_blend = 0;
  int rank_set = 0;     // scored with at least one ASHE figure
  int onets = 0;
  int tasks = 0;
  int rated_tasks = 0;  // tasks with an O*NET importance value
  int job_titles = 0;
  int bridge_good = 0;  // unit groups by bridge grade (aiexp/bridge.h)
  int bridge_partial = 0;
  int bridge_weak = 0;
  std::string build;
};

struct BuildResult {
  std::map<std::string, std::string> files;  // path relative to the output folder -> contents
  BuildSummary summary;
};

// Reads every source under `sources` and builds the bundle, its text parts, the job-title index,
// bundle.meta.json, SOURCES.md and COVERAGE.md. Deterministic: the same sources give the same bytes.
// Throws SourceError (file, line, field) on bad input.
BuildResult build_bundle(const std::filesystem::path& sources);

// Writes `result` under `out` (created if needed): every file goes to a staging folder first and is renamed
// into place only when all were written; text parts of an earlier build that this one lacks are removed. The
// files it replaces or removes are moved aside until the end, so a failure at any step leaves `out` as it was.
// Throws std::runtime_error naming the path on an I/O failure.
void write_bundle(const BuildResult& result, const std::filesystem::path& out);

}  // namespace aiexp::pipeline
