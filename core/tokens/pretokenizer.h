#pragma once

#include "tokens/charclass.h"

#include <QtGlobal>

// Splits UTF-8 text into the pieces tiktoken's split patterns produce, without a regex engine.
// Each next*() call returns the end of the piece that starts at `pos` (pos < size()); the
// alternatives are tried in the pattern's order with the same greedy/backtracking outcome.
//
// cl100k_base: '(?i:[sdmt]|ll|ve|re)|[^\r\n\p{L}\p{N}]?+\p{L}++|\p{N}{1,3}+|
//              ?[^\s\p{L}\p{N}]++[\r\n]*+|\s++$|\s*[\r\n]|\s+(?!\S)|\s
// o200k_base:
// [^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?|
//              [^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?|
//              \p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n/]*|\s*[\r\n]+|\s+(?!\S)|\s+
//
// A byte that does not belong to a well-formed UTF-8 sequence is a piece of its own and acts
// like the end of the text for the patterns around it ($ and (?!\S) see an end there).
class Pretokenizer final
{
public:
    Pretokenizer(const char *data, qsizetype size)
        : m_data(reinterpret_cast<const uchar *>(data))
        , m_size(size)
        , m_bmp(CharClass::bmpTable())
    {}

    qsizetype size() const { return m_size; }

    qsizetype nextCl100k(qsizetype pos) const
    {
        const Char c0 = at(pos);
        if (c0.flags & CharClass::End)
            return pos + 1;
        const uchar b = m_data[pos];
        if (b == '\'') {
            const qsizetype e = contraction(pos);
            if (e > 0)
                return e;
        } else if (const qsizetype e = asciiWordCl100k(pos); e > 0) {
            return e;
        }
        if (c0.flags & CharClass::Letter)
            return scanWhile(pos + c0.len, CharClass::Letter);
        if (!(c0.flags & (CharClass::Letter | CharClass::Number | CharClass::Newline))) {
            const Char c1 = at(pos + c0.len);
            if (c1.flags & CharClass::Letter)
                return scanWhile(pos + c0.len + c1.len, CharClass::Letter);
        }
        if (c0.flags & CharClass::Number)
            return numbers(pos);
        if (const qsizetype e = punctuation(pos); e > 0)
            return scanNewlines(e, false);
        return whitespace(pos, true);
    }

    qsizetype nextO200k(qsizetype pos) const
    {
        qsizetype e = asciiWordO200k(pos);
        if (e > 0)
            return withContraction(e);
        const Char c0 = at(pos);
        if (c0.flags & CharClass::End)
            return pos + 1;
        const bool canPrefix =
            !(c0.flags & (CharClass::Letter | CharClass::Number | CharClass::Newline));
        e = canPrefix ? lowerRun(pos + c0.len) : -1;
        if (e < 0)
            e = lowerRun(pos);
        if (e < 0 && canPrefix)
            e = upperRun(pos + c0.len);
        if (e < 0)
            e = upperRun(pos);
        if (e >= 0)
            return withContraction(e);
        if (c0.flags & CharClass::Number)
            return numbers(pos);
        if (const qsizetype p = punctuation(pos); p > 0)
            return scanNewlines(p, true);
        return whitespace(pos, false);
    }

private:
    // Fast paths for the commonest pieces, words of ASCII letters (optionally after one ASCII
    // space or punctuation byte), which need no UTF-8 decoding or class lookups. They give up
    // (return -1) as soon as a non-ASCII byte could change the outcome, leaving the general
    // path to decide; where they answer, it is the general path's answer.
    static bool isAsciiUpper(uchar b) { return uchar(b - 'A') < 26; }
    static bool isAsciiLower(uchar b) { return uchar(b - 'a') < 26; }
    static bool isAsciiLetter(uchar b) { return uchar((b | 0x20) - 'a') < 26; }
    // An ASCII byte that can start [^\r\n\p{L}\p{N}]? in front of a word.
    static bool isAsciiPrefix(uchar b)
    {
        return b < 0x80 && !(CharClass::ascii(b) &
                             (CharClass::Letter | CharClass::Number | CharClass::Newline));
    }
    qsizetype asciiStart(qsizetype pos) const
    {
        if (isAsciiLetter(m_data[pos]))
            return pos;
        if (isAsciiPrefix(m_data[pos]) && pos + 1 < m_size && isAsciiLetter(m_data[pos + 1]))
            return pos + 1;
        return -1;
    }
    qsizetype asciiWordCl100k(qsizetype pos) const
    {
        qsizetype p = asciiStart(pos);
        if (p < 0)
            return -1;
        while (p < m_size && isAsciiLetter(m_data[p]))
            ++p;
        return p < m_size && m_data[p] >= 0x80 ? -1 : p;
    }
    // [A-Z]*[a-z]+ or else [A-Z]+, the ASCII cases of o200k's first two alternatives.
    qsizetype asciiWordO200k(qsizetype pos) const
    {
        qsizetype p = asciiStart(pos);
        if (p < 0)
            return -1;
        while (p < m_size && isAsciiUpper(m_data[p]))
            ++p;
        while (p < m_size && isAsciiLower(m_data[p]))
            ++p;
        return p < m_size && m_data[p] >= 0x80 ? -1 : p;
    }
    // o200k's optional contraction suffix after a word ending at e.
    qsizetype withContraction(qsizetype e) const
    {
        if (e < m_size && m_data[e] == '\'') {
            const qsizetype s = contraction(e);
            if (s > 0)
                return s;
        }
        return e;
    }

    struct Char
    {
        quint8 flags;
        quint8 len;
    };

    Char at(qsizetype pos) const
    {
        if (pos >= m_size)
            return {CharClass::End, 0};
        const uchar b = m_data[pos];
        if (b < 0x80)
            return {CharClass::ascii(b), 1};
        return decode(pos, b);
    }

    Char decode(qsizetype pos, uchar b) const
    {
        const qsizetype left = m_size - pos;
        const uchar *p = m_data + pos;
        auto cont = [](uchar c) { return (c & 0xc0) == 0x80; };
        if (b >= 0xc2 && b <= 0xdf) {
            if (left >= 2 && cont(p[1]))
                return {m_bmp[((b & 0x1f) << 6) | (p[1] & 0x3f)], 2};
        } else if (b >= 0xe0 && b <= 0xef) {
            if (left >= 3 && cont(p[1]) && cont(p[2])) {
                const bool ok = (b == 0xe0) ? p[1] >= 0xa0 : (b == 0xed) ? p[1] <= 0x9f : true;
                if (ok)
                    return {m_bmp[((b & 0x0f) << 12) | ((p[1] & 0x3f) << 6) | (p[2] & 0x3f)], 3};
            }
        } else if (b >= 0xf0 && b <= 0xf4) {
            if (left >= 4 && cont(p[1]) && cont(p[2]) && cont(p[3])) {
                const bool ok = (b == 0xf0) ? p[1] >= 0x90 : (b == 0xf4) ? p[1] <= 0x8f : true;
                if (ok)
                    return {CharClass::of(char32_t(((b & 0x07) << 18) | ((p[1] & 0x3f) << 12) |
                                                   ((p[2] & 0x3f) << 6) | (p[3] & 0x3f))),
                            4};
            }
        }
        return {CharClass::End, 1};
    }

    qsizetype scanWhile(qsizetype pos, quint8 flags) const
    {
        for (;;) {
            const Char c = at(pos);
            if (!(c.flags & flags) || (c.flags & CharClass::End))
                return pos;
            pos += c.len;
        }
    }

    // '(?i:s|t|re|ve|m|ll|d) starting at the apostrophe; -1 when none matches. Case-insensitive
    // as the regex crate does it: 's' also matches U+017F LATIN SMALL LETTER LONG S.
    qsizetype contraction(qsizetype pos) const
    {
        if (pos + 1 >= m_size)
            return -1;
        const uchar c1 = m_data[pos + 1] | 0x20;
        if (c1 == 's' || c1 == 't' || c1 == 'm' || c1 == 'd')
            return m_data[pos + 1] < 0x80 ? pos + 2 : -1;
        if (m_data[pos + 1] == 0xc5 && pos + 2 < m_size && m_data[pos + 2] == 0xbf)
            return pos + 3;
        if (pos + 2 >= m_size)
            return -1;
        const uchar c2 = m_data[pos + 2] | 0x20;
        if ((c1 == 'l' && c2 == 'l') || (c1 == 'v' && c2 == 'e') || (c1 == 'r' && c2 == 'e'))
            return pos + 3;
        return -1;
    }

    // \p{N}{1,3}
    qsizetype numbers(qsizetype pos) const
    {
        for (int i = 0; i < 3; ++i) {
            const Char c = at(pos);
            if (!(c.flags & CharClass::Number) || (c.flags & CharClass::End))
                break;
            pos += c.len;
        }
        return pos;
    }

    //  ?[^\s\p{L}\p{N}]+ ; -1 when it does not match
    qsizetype punctuation(qsizetype pos) const
    {
        if (m_data[pos] == ' ')
            ++pos;
        constexpr quint8 stop =
            CharClass::Space | CharClass::Letter | CharClass::Number | CharClass::End;
        Char c = at(pos);
        if (c.flags & stop)
            return -1;
        do {
            pos += c.len;
            c = at(pos);
        } while (!(c.flags & stop));
        return pos;
    }

    // [\r\n]* or [\r\n/]*
    qsizetype scanNewlines(qsizetype pos, bool slash) const
    {
        while (pos < m_size) {
            const uchar b = m_data[pos];
            if (b == '\r' || b == '\n' || (slash && b == '/'))
                ++pos;
            else
                break;
        }
        return pos;
    }

    // The whitespace alternatives; pos starts a \s character.
    // cl100k: \s++$|\s*[\r\n]|\s+(?!\S)|\s    o200k: \s*[\r\n]+|\s+(?!\S)|\s+
    qsizetype whitespace(qsizetype pos, bool runToEnd) const
    {
        qsizetype end = pos;
        qsizetype lastNewline = -1;
        qsizetype lastStart = pos;
        for (;;) {
            const Char c = at(end);
            if (!(c.flags & CharClass::Space) || (c.flags & CharClass::End))
                break;
            if (c.flags & CharClass::Newline)
                lastNewline = end;
            lastStart = end;
            end += c.len;
        }
        const bool atEnd = at(end).flags & CharClass::End;
        if (runToEnd && atEnd)
            return end;
        if (lastNewline >= 0)
            return lastNewline + 1;
        if (atEnd || lastStart == pos)
            return end;
        return lastStart;
    }

    // [\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+ ; -1 when it does not match
    qsizetype lowerRun(qsizetype pos) const
    {
        qsizetype lastLowerEnd = -1;
        for (;;) {
            const Char c = at(pos);
            if (!(c.flags & CharClass::UpperLike) || (c.flags & CharClass::End))
                break;
            pos += c.len;
            if (c.flags & CharClass::LowerLike)
                lastLowerEnd = pos;
        }
        const Char c = at(pos);
        if ((c.flags & CharClass::LowerLike) && !(c.flags & CharClass::End))
            return scanWhile(pos + c.len, CharClass::LowerLike);
        return lastLowerEnd;
    }

    // [\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]* ; -1 when it does not match
    qsizetype upperRun(qsizetype pos) const
    {
        const Char c = at(pos);
        if (!(c.flags & CharClass::UpperLike) || (c.flags & CharClass::End))
            return -1;
        return scanWhile(scanWhile(pos + c.len, CharClass::UpperLike), CharClass::LowerLike);
    }

    const uchar *m_data;
    qsizetype m_size;
    const quint8 *m_bmp;
};
