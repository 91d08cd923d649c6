#pragma once

#include <QtGlobal>

// Classifies code points into the character classes tiktoken's split patterns use
// (\p{L}, \p{N}, \s, [\r\n] and o200k's two cased-letter classes), as bit flags.
// Letters and numbers follow Qt's Unicode tables; \s is Unicode White_Space, as in the Rust
// regex crate tiktoken uses (so U+0085 is whitespace and U+FEFF is not).
class CharClass final
{
public:
    enum Flag : quint8 {
        Letter = 1,     // \p{L}
        Number = 2,     // \p{N}
        Space = 4,      // \s
        Newline = 8,    // \r or \n
        UpperLike = 16, // [\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]
        LowerLike = 32, // [\p{Ll}\p{Lm}\p{Lo}\p{M}]
        End = 128,      // end of the text or a byte that is not well-formed UTF-8
    };

    // Flags of an ASCII byte (0..127).
    static quint8 ascii(uchar c) { return s_ascii[c]; }
    // Flags of any code point.
    static quint8 of(char32_t cp) { return cp < 128 ? s_ascii[cp] : nonAscii(cp); }
    // Flags of every code point of the Basic Multilingual Plane, indexed by code point: built
    // once on first use (about a millisecond), then a plain array lookup for the hot path.
    static const quint8 *bmpTable();

private:
    static quint8 nonAscii(char32_t cp);
    static const quint8 s_ascii[128];
};
