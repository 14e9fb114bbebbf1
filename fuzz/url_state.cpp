// Fuzz target: the permalink decoder. Any query string decodes to a state whose assumptions are valid
// (whatever could not be used is listed, never applied), and decoding what encode made gives it back.
#include <cstddef>
#include <cstdint>
#include <string>

#include "aiexp/score.h"
#include "aiexp/state.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace aiexp;
  const Bundle& bundle = fuzz::base_bundle();
  const DecodedState first = decode_state(bundle, fuzz::as_text(data, size));
  if (!validate(bundle, first.state.assumptions).ok()) fuzz::invariant_broken("decoded assumptions are invalid");
  if (first.state.compare.size() > kMaxCompared) fuzz::invariant_broken("too many compared roles");
  if (first.state.assumptions.overrides.size() > kMaxOverrides) fuzz::invariant_broken("too many task changes");

  // Encoding rounds numbers to the link's precision; from then on the state is a fixed point.
  const std::string encoded = encode_state(first.state);
  const DecodedState second = decode_state(bundle, encoded);
  if (!second.rejected.empty()) fuzz::invariant_broken("an encoded state is rejected");
  if (encode_state(second.state) != encoded) fuzz::invariant_broken("encode(decode(encode(s))) != encode(s)");
  return 0;
}
