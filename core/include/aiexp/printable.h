// Text made safe to print: whatever the data or a user put in a string, written to a terminal or a file it
// shows as characters and never acts as a control (an escape sequence that clears the screen, a carriage
// return that overwrites a line, a bidirectional override that reorders what follows). One function, used by
// every writer of text for people: the CSV fields (csv.h) and everything ukexp prints.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace aiexp {

// Whether line feeds pass (the writer's own line breaks in a whole output) or are escaped (one field, one line).
enum class LineBreaks : unsigned char { Escape, Keep };

// `text` with every character a terminal would act on written as a visible escape:
//   - the C0 controls U+0000-U+001F (tab, line feed and carriage return included), DEL (U+007F) and the C1
//     controls U+0080-U+009F, as \u001B, \u007F, \u009B, ...;
//   - the bidirectional formatting characters U+061C, U+200E, U+200F, U+202A-U+202E and U+2066-U+2069, as
//     \u202E, ... (text can no longer be shown in another order than it is stored);
//   - each byte that is not part of well-formed UTF-8 (overlong forms and surrogates included), as \xHH.
// With LineBreaks::Keep a line feed, and a carriage return directly before one, pass unchanged. Everything else,
// backslashes included, passes unchanged; the escapes are JSON's, so a JSON text stays valid JSON with the same
// values.
std::string printable(std::string_view text, LineBreaks breaks = LineBreaks::Escape);

// How much of a piece of input a message quotes back: 60 characters, then "…".
inline constexpr std::size_t kEchoChars = 60;

// A piece of input as a message quotes it: printable() on one line, cut after at most `max_chars` characters
// (an escape counts as its length, and is never cut in two) with "…" when longer.
std::string echo(std::string_view input, std::size_t max_chars = kEchoChars);

}  // namespace aiexp
