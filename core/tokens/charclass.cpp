#include "tokens/charclass.h"

#include <QChar>

#include <array>

namespace {

constexpr quint8 asciiFlags(int c)
{
    if (c == '\r' || c == '\n')
        return CharClass::Space | CharClass::Newline;
    if (c == ' ' || (c >= 0x09 && c <= 0x0d))
        return CharClass::Space;
    if (c >= 'a' && c <= 'z')
        return CharClass::Letter | CharClass::LowerLike;
    if (c >= 'A' && c <= 'Z')
        return CharClass::Letter | CharClass::UpperLike;
    if (c >= '0' && c <= '9')
        return CharClass::Number;
    return 0;
}

} // namespace

const quint8 CharClass::s_ascii[128] = {
#define F(n) asciiFlags(n)
#define ROW(b) F(b), F(b + 1), F(b + 2), F(b + 3), F(b + 4), F(b + 5), F(b + 6), F(b + 7)
    ROW(0),  ROW(8),  ROW(16), ROW(24), ROW(32), ROW(40),  ROW(48),  ROW(56),
    ROW(64), ROW(72), ROW(80), ROW(88), ROW(96), ROW(104), ROW(112), ROW(120),
#undef ROW
#undef F
};

quint8 CharClass::nonAscii(char32_t cp)
{
    // Unicode White_Space outside ASCII.
    switch (cp) {
    case 0x85:
    case 0xa0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202f:
    case 0x205f:
    case 0x3000:
        return Space;
    default:
        if (cp >= 0x2000 && cp <= 0x200a)
            return Space;
        break;
    }
    switch (QChar::category(cp)) {
    case QChar::Letter_Uppercase:
    case QChar::Letter_Titlecase:
        return Letter | UpperLike;
    case QChar::Letter_Lowercase:
        return Letter | LowerLike;
    case QChar::Letter_Modifier:
    case QChar::Letter_Other:
        return Letter | UpperLike | LowerLike;
    case QChar::Mark_NonSpacing:
    case QChar::Mark_SpacingCombining:
    case QChar::Mark_Enclosing:
        return UpperLike | LowerLike;
    case QChar::Number_DecimalDigit:
    case QChar::Number_Letter:
    case QChar::Number_Other:
        return Number;
    default:
        return 0;
    }
}

const quint8 *CharClass::bmpTable()
{
    static const std::array<quint8, 0x10000> table = [] {
        std::array<quint8, 0x10000> t{};
        for (char32_t cp = 0; cp < 0x10000; ++cp)
            t[cp] = of(cp);
        return t;
    }();
    return table.data();
}
