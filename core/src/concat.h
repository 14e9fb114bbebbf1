// One string from several pieces, allocated once. A chain of `+` on strings grows and copies the result at
// every step; the report and the table rows build hundreds of such strings per render.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

namespace aiexp::detail {

inline std::string concat(std::initializer_list<std::string_view> pieces) {
  std::size_t size = 0;
  for (std::string_view piece : pieces) size += piece.size();
  std::string out;
  out.reserve(size);
  for (std::string_view piece : pieces) out.append(piece);
  return out;
}

}  // namespace aiexp::detail
