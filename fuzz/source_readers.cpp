// Fuzz target: every reader of a raw public source (the breakdowns' four among them). The first byte picks the
// reader; the rest is the file's text. A reader may refuse its input only with a SourceError naming the file, the line and the field; any
// other exception or a crash is a bug. What a reader accepts must carry line numbers inside the file.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "aiexp/pipeline/breakdowns.h"
#include "aiexp/pipeline/measures.h"
#include "aiexp/pipeline/sources.h"
#include "aiexp/pipeline/table.h"
#include "fuzz_support.h"

namespace {

using namespace aiexp::pipeline;

template <typename Rows>
void check_lines(const Rows& rows, const Table& table) {
  const std::size_t last_line = table.rows().empty() ? 1 : table.rows().back().line;
  for (const auto& row : rows) {
    if (row.line < 2 || row.line > last_line) aiexp::fuzz::invariant_broken("row line outside the file");
  }
}

void read_with(std::uint8_t reader, std::string_view text) {
  // Each reader with the delimiter and the name its real file has.
  switch (reader % 15) {
    case 0: {
      const Table table = Table::parse(text, '\t', std::string(source_path::kLabelSet));
      check_lines(parse_label_set(table), table);
      break;
    }
    case 1: (void)parse_task_importance(Table::parse(text, ',', std::string(source_path::kTaskImportance))); break;
    case 2: (void)parse_onet_occupations(Table::parse(text, '\t', std::string(source_path::kOnetOccupations))); break;
    case 3: (void)parse_task_statements(Table::parse(text, '\t', std::string(source_path::kTaskStatements))); break;
    case 4: {
      const Table table = Table::parse(text, ',', std::string(source_path::kAshe));
      check_lines(parse_ashe(table), table);
      break;
    }
    case 5: {
      const Table table = Table::parse(text, ',', std::string(source_path::kSocStructure));
      check_lines(parse_soc_structure(table), table);
      break;
    }
    case 6: {
      const Table table = Table::parse(text, ',', std::string(source_path::kCodingIndex));
      check_lines(parse_coding_index(table), table);
      break;
    }
    case 7: {
      const Table table = Table::parse(text, ',', std::string(source_path::kIscoToSoc2010));
      check_lines(parse_isco_to_soc2010(table).pairs, table);
      break;
    }
    case 8: {
      const Table table = Table::parse(text, ',', std::string(source_path::kSoc2010To2018));
      check_lines(parse_soc2010_to_soc2018(table), table);
      break;
    }
    case 10: {
      const Table table = Table::parse(text, ',', std::string(source_path::kIloTasks));
      for (const IloOccupation& occupation : parse_ilo(table)) {
        if (!(occupation.mean_2025 >= 0.0 && occupation.mean_2025 <= 1.0)) aiexp::fuzz::invariant_broken("ILO mean outside [0, 1]");
        check_lines(occupation.tasks, table);
      }
      break;
    }
    // The breakdowns' four sources: ASHE 2024 by sex and working pattern, ASHE 2025 medians by sex, APS industry
    // and APS region. What they accept holds its promises: nine sheets per code, shares' parts within their whole.
    case 11: {
      const Table table = Table::parse(text, ',', std::string(source_path::kAsheSexPattern2024));
      for (const AsheJobs& jobs : parse_ashe_sex_pattern(table)) {
        if (jobs.line < 2 || jobs.code.empty() || jobs.code.size() > 4) aiexp::fuzz::invariant_broken("ASHE 2024 code");
        for (const aiexp::AsheFigure& figure : jobs.jobs_k) {
          if (figure.published() && (figure.value < 0 || figure.value > 100'000)) aiexp::fuzz::invariant_broken("jobs");
        }
      }
      break;
    }
    case 12: {
      const Table table = Table::parse(text, ',', std::string(source_path::kAsheSexMedians2025));
      for (const AsheMedians& medians : parse_ashe_sex_medians(table)) {
        for (const auto& median : medians.median_gbp) {
          if (median && *median <= 0) aiexp::fuzz::invariant_broken("a median of no pounds");
        }
      }
      break;
    }
    case 13: {
      const Table table = Table::parse(text, ',', std::string(source_path::kApsIndustry));
      check_lines(parse_aps_industry(table), table);
      break;
    }
    case 14: {
      const Table table = Table::parse(text, ',', std::string(source_path::kApsRegion));
      for (const ApsRegionCell& cell : parse_aps_region(table)) {
        if (cell.region >= region_names().size()) aiexp::fuzz::invariant_broken("region outside the list");
      }
      break;
    }
    default: {
      const Table table = Table::parse(text, ',', std::string(source_path::kOnetToSoc2018));
      check_lines(parse_onet_to_soc2018(table), table);
      break;
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  try {
    read_with(data[0], aiexp::fuzz::as_text(data + 1, size - 1));
  } catch (const SourceError& error) {
    // The message must say where: "<file>:<line>: <field>: <problem>".
    if (error.file().empty() || error.problem().empty()) aiexp::fuzz::invariant_broken("error without a place");
  }
  return 0;
}
