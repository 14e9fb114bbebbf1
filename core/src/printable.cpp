// Text made safe to print (printable.h).
#include "aiexp/printable.h"

#include <cstdint>

namespace aiexp {

namespace {

bool is_bidi_control(std::uint32_t code) {
  return code == 0x061C || code == 0x200E || code == 0x200F || (code >= 0x202A && code <= 0x202E) ||
         (code >= 0x2066 && code <= 0x2069);
}

bool is_control(std::uint32_t code) { return code < 0x20 || (code >= 0x7F && code <= 0x9F); }

constexpr char kHex[] = "0123456789ABCDEF";

// The length of the well-formed UTF-8 character at the start of `text` and its code point, or 0 when the first
// byte does not start one (a stray continuation byte, a lead byte cut short, an overlong form, a surrogate, or
// past U+10FFFF).
std::size_t decode(std::string_view text, std::uint32_t& code) {
  const auto lead = static_cast<unsigned char>(text[0]);
  if (lead < 0x80) {
    code = lead;
    return 1;
  }
  std::size_t extra = 0;
  if (lead >= 0xC2 && lead <= 0xDF) {
    extra = 1;
    code = lead & 0x1Fu;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    extra = 2;
    code = lead & 0x0Fu;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    extra = 3;
    code = lead & 0x07u;
  } else {
    return 0;
  }
  if (text.size() <= extra) return 0;
  for (std::size_t k = 1; k <= extra; ++k) {
    const auto next = static_cast<unsigned char>(text[k]);
    if ((next & 0xC0) != 0x80) return 0;
    code = (code << 6) | (next & 0x3Fu);
  }
  if ((extra == 2 && code < 0x800) || (extra == 3 && code < 0x10000) || (code >= 0xD800 && code <= 0xDFFF) ||
      code > 0x10FFFF) {
    return 0;
  }
  return extra + 1;
}

// Calls put(unit, width) for each unit of the printable form of `text` in order: a character that passes (width
// 1) or an escape (width its length). Stops early when put returns false.
template <class Put>
void for_each_unit(std::string_view text, LineBreaks breaks, Put put) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::string_view rest = text.substr(pos);
    std::uint32_t code = 0;
    const std::size_t length = decode(rest, code);
    char escape[6];
    if (length == 0) {
      const auto byte = static_cast<unsigned char>(rest[0]);
      escape[0] = '\\';
      escape[1] = 'x';
      escape[2] = kHex[byte >> 4];
      escape[3] = kHex[byte & 0xF];
      if (!put(std::string_view(escape, 4), 4)) return;
      ++pos;
      continue;
    }
    const bool kept_break = breaks == LineBreaks::Keep &&
                            (code == '\n' || (code == '\r' && rest.size() > 1 && rest[1] == '\n'));
    if (!kept_break && (is_control(code) || is_bidi_control(code))) {
      escape[0] = '\\';
      escape[1] = 'u';
      for (int digit = 0; digit < 4; ++digit) escape[2 + digit] = kHex[(code >> (12 - 4 * digit)) & 0xF];
      if (!put(std::string_view(escape, 6), 6)) return;
    } else if (!put(rest.substr(0, length), 1)) {
      return;
    }
    pos += length;
  }
}

}  // namespace

std::string printable(std::string_view text, LineBreaks breaks) {
  std::string out;
  out.reserve(text.size());
  for_each_unit(text, breaks, [&](std::string_view unit, std::size_t) {
    out += unit;
    return true;
  });
  return out;
}

std::string echo(std::string_view input, std::size_t max_chars) {
  constexpr std::string_view kEllipsis = "\u2026";
  std::string out;
  std::size_t chars = 0;
  std::size_t keep = 0;  // the bytes of `out` that fit beside an ellipsis
  bool cut = false;
  for_each_unit(input, LineBreaks::Escape, [&](std::string_view unit, std::size_t width) {
    chars += width;
    if (chars > max_chars) {
      cut = true;
      return false;
    }
    out += unit;
    if (chars < max_chars) keep = out.size();
    return true;
  });
  if (!cut) return out;
  out.resize(keep);
  out += kEllipsis;
  return out;
}

}  // namespace aiexp
