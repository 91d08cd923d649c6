#include "calls/piispokenscanner.h"

#include "calls/piicues.h"
#include "calls/piispokendigits.h"

#include <QHash>

namespace {

using Run = PiiSpokenDigits::Run;

// Words allowed between a keyword and its value: "account number is, uh, 4711",
// "Kundennummer lautet KD 4711".
bool isValueFiller(const QString &word)
{
    static const QStringList fillers = {
        QStringLiteral("is"),    QStringLiteral("it"),     QStringLiteral("s"),
        QStringLiteral("its"),   QStringLiteral("was"),    QStringLiteral("number"),
        QStringLiteral("no"),    QStringLiteral("my"),     QStringLiteral("the"),
        QStringLiteral("uh"),    QStringLiteral("um"),     QStringLiteral("er"),
        QStringLiteral("erm"),   QStringLiteral("so"),     QStringLiteral("that"),
        QStringLiteral("reads"), QStringLiteral("yes"),    QStringLiteral("sure"),
        QStringLiteral("okay"),  QStringLiteral("ok"),     QStringLiteral("has"),
        QStringLiteral("ist"),   QStringLiteral("lautet"), QStringLiteral("lautete"),
        QStringLiteral("war"),   QStringLiteral("nummer"), QStringLiteral("nr"),
        QStringLiteral("meine"), QStringLiteral("mein"),   QStringLiteral("die"),
        QStringLiteral("äh"),    QStringLiteral("ähm"),    QStringLiteral("also"),
        QStringLiteral("ja"),    QStringLiteral("das"),    QStringLiteral("klar"),
        QStringLiteral("hat")};
    return fillers.contains(word);
}

qsizetype digitCount(QStringView symbols)
{
    return std::count_if(symbols.begin(), symbols.end(),
                         [](QChar c) { return c >= u'0' && c <= u'9'; });
}

bool digitsOnly(QStringView symbols)
{
    return digitCount(symbols) == symbols.size();
}

qsizetype runStart(const PiiText &text, const Run &run)
{
    const qsizetype start = text.start(run.first);
    return start > 0 && text.text().at(start - 1) == u'+' ? start - 1 : start;
}

bool takeCut(const PiiText &text, const Run &run, qsizetype symbols, PiiKind kind, QString value,
             PiiFindings &out)
{
    const qsizetype start = runStart(text, run);
    const qsizetype end = text.end(run.wordOf.at(symbols - 1));
    return out.take(kind, start, end - start, std::move(value));
}

bool takeCard(const PiiText &text, const Run &run, PiiFindings &out)
{
    if (run.plus || !digitsOnly(run.symbols))
        return false;
    // The whole run, else its longest start that is a card (a card, then an expiry date).
    for (qsizetype len = std::min<qsizetype>(19, run.symbols.size()); len >= 13; --len) {
        const QStringView digits = QStringView(run.symbols).left(len);
        if (run.cutsAt(len) && digits.at(0) >= u'2' && digits.at(0) <= u'6' &&
            PiiDetector::luhnValid(digits))
            return takeCut(text, run, len, PiiKind::Card, digits.toString(), out);
    }
    return false;
}

bool takeIban(const PiiText &text, const Run &run, PiiFindings &out)
{
    const QString &s = run.symbols;
    if (s.size() < 15 || !s.at(0).isLetter() || !s.at(1).isLetter())
        return false;
    for (qsizetype len = std::min<qsizetype>(34, s.size()); len >= 15; --len) {
        const QStringView candidate = QStringView(s).left(len);
        if (run.cutsAt(len) && PiiDetector::ibanValid(candidate))
            return takeCut(text, run, len, PiiKind::Iban, candidate.toString(), out);
    }
    return false;
}

bool isPhone(const Run &run, PiiCue cue)
{
    const qsizetype n = run.symbols.size();
    if (run.plus)
        return n >= 8 && n <= 15;
    if (run.symbols.startsWith(QLatin1StringView("00")))
        return n >= 10 && n <= 15;
    if (run.symbols.startsWith(u'0'))
        return n >= 9 && n <= 12;
    return cue == PiiCue::Phone && n >= 7 && n <= 15;
}

// A spoken run of digits (at least one number word), classified by its digits and its cue.
bool classifySpoken(const PiiText &text, const Run &run, PiiCue cue, PiiFindings &out)
{
    if (!digitsOnly(run.symbols))
        return false;
    const QString &d = run.symbols;
    const qsizetype all = d.size();
    if (takeCard(text, run, out))
        return true;
    switch (cue) {
    case PiiCue::Ssn:
        return all == 9 && PiiDetector::ssnValid(d) &&
               takeCut(text, run, all, PiiKind::Ssn, d, out);
    case PiiCue::Account:
        return all >= 5 && all <= 24 && takeCut(text, run, all, PiiKind::Account, d, out);
    case PiiCue::Passport:
        return all >= 6 && all <= 10 && takeCut(text, run, all, PiiKind::Passport, d, out);
    case PiiCue::NationalId:
        return all >= 8 && all <= 14 && takeCut(text, run, all, PiiKind::NationalId, d, out);
    case PiiCue::NotPersonal:
        return false;
    case PiiCue::Phone:
    case PiiCue::None:
        break;
    }
    return isPhone(run, cue) && takeCut(text, run, all, PiiKind::Phone,
                                        (run.plus ? QStringLiteral("+") : QString()) + d, out);
}

// An identifier right after its keyword, written or spoken, letters allowed.
bool classifyKeyed(const PiiText &text, const Run &run, PiiCue cue, PiiFindings &out)
{
    const QString &s = run.symbols;
    const qsizetype digits = digitCount(s);
    if (takeIban(text, run, out) || takeCard(text, run, out))
        return true;
    switch (cue) {
    case PiiCue::Account:
        return s.size() >= 5 && s.size() <= 24 && digits >= 4 &&
               takeCut(text, run, s.size(), PiiKind::Account, s, out);
    case PiiCue::Passport:
        return s.size() >= 6 && s.size() <= 10 && digits >= 2 &&
               takeCut(text, run, s.size(), PiiKind::Passport, s, out);
    case PiiCue::NationalId:
        return s.size() >= 8 && s.size() <= 14 && digits >= 6 &&
               takeCut(text, run, s.size(), PiiKind::NationalId, s, out);
    default:
        return false;
    }
}

bool keyedCue(PiiCue cue)
{
    return cue == PiiCue::Account || cue == PiiCue::Passport || cue == PiiCue::NationalId;
}

// Word i starts something worth reading: a number word, a numeral, a letter-digit word, a single
// letter or a short upper-case code.
bool mayStartValue(const PiiText &text, int i)
{
    const QStringView w = text.word(i);
    return PiiSpokenDigits::isSpokenStart(text, i) || text.hasDigit(i) || w.size() == 1 ||
           (w.size() <= 3 && w.toString().isUpper());
}

// Two letters, then a number word: the start of a spoken IBAN ("D E eight nine", "DE eight").
bool mayStartSpokenIban(const PiiText &text, int i)
{
    const QStringView w = text.word(i);
    if (w.size() == 2 && text.allLetters(i))
        return i + 1 < text.size() && PiiSpokenDigits::isSpokenStart(text, i + 1);
    if (w.size() == 1 && text.allLetters(i) && i + 1 < text.size() &&
        text.word(i + 1).size() == 1 && text.allLetters(i + 1))
        return i + 2 < text.size() &&
               (PiiSpokenDigits::isSpokenStart(text, i + 2) || text.allDigits(i + 2));
    return false;
}

} // namespace

void PiiSpokenScanner::find(const PiiText &text, PiiFindings &out)
{
    using Mode = PiiSpokenDigits::Mode;
    for (int i = 0; i < text.size(); ++i) {
        if (!mayStartValue(text, i))
            continue;
        int keyword = -1;
        const PiiCue cue = PiiCues::numberCueBefore(text, i, 8, &keyword);
        bool keyed = keyedCue(cue);
        for (int k = keyword + 1; keyed && k < i; ++k)
            keyed = isValueFiller(text.lower(k));
        int next = i;
        // "number's 1 2 3": the "s" is a filler, not the value's first letter.
        if (keyed && isValueFiller(text.lower(i)))
            continue;
        if (keyed) {
            const Run run = PiiSpokenDigits::read(text, i, Mode::Alphanumeric);
            if (!run.isEmpty() && classifyKeyed(text, run, cue, out)) {
                i = run.last;
                continue;
            }
        }
        if (mayStartSpokenIban(text, i)) {
            const Run run = PiiSpokenDigits::read(text, i, Mode::Alphanumeric);
            if (run.spoken && takeIban(text, run, out)) {
                i = run.last;
                continue;
            }
        }
        if (PiiSpokenDigits::isSpokenStart(text, i) || text.allDigits(i)) {
            const Run run = PiiSpokenDigits::read(text, i, Mode::Digits);
            if (run.isEmpty())
                continue;
            // Numerals alone are the written scanners' job.
            if (run.spoken)
                classifySpoken(text, run, cue, out);
            next = run.last;
        }
        i = std::max(i, next);
    }
}
