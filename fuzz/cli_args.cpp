// Fuzz target: ukexp's argument grammar. One argument per line of the input. Any argument list parses to a
// request or to a one-line usage error that is printable and short, however long or hostile the argument it
// quotes; notices are printable too; a request's assumptions are within their ranges.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "aiexp/printable.h"
#include "args.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace aiexp;
  std::vector<std::string> args;
  std::string_view rest = fuzz::as_text(data, size);
  while (!rest.empty() && args.size() < 64) {
    const std::size_t end = rest.find('\n');
    args.emplace_back(rest.substr(0, end));
    rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end + 1);
  }
  const Result<cli::Request> parsed = cli::parse_args(args);
  if (!parsed.ok()) {
    const std::string& detail = parsed.error().detail;
    if (detail.find('\n') != std::string::npos) fuzz::invariant_broken("usage error spans lines");
    if (printable(detail) != detail) fuzz::invariant_broken("usage error holds a control character");
    // A message quotes at most kEchoChars characters of any argument (4 bytes each at most) besides its own words.
    if (detail.size() > 600) fuzz::invariant_broken("usage error quotes an argument whole");
    return 0;
  }
  for (const std::string& notice : parsed.value().notices) {
    if (printable(notice) != notice) fuzz::invariant_broken("notice holds a control character");
  }
  const Assumptions& a = parsed.value().assumptions;
  if (!(a.e1 >= 0.0 && a.e1 <= 1.0 && a.e2 >= 0.0 && a.e2 <= 1.0)) fuzz::invariant_broken("label value out of range");
  if (parsed.value().command == cli::Command::Help) (void)cli::help_text(parsed.value().help_topic);
  return 0;
}
