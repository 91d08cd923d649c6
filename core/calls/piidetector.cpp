#include "calls/piidetector.h"

#include "calls/piiaddressscanner.h"
#include "calls/piidatescanner.h"
#include "calls/piiemailscanner.h"
#include "calls/piinamescanner.h"
#include "calls/piinetworkscanner.h"
#include "calls/piinumberscanner.h"
#include "calls/piiscan.h"
#include "calls/piispokenscanner.h"
#include "calls/piitext.h"

#include <QHash>

#include <algorithm>

namespace {

using Candidate = PiiDetector::Candidate;

// ---- IBAN ---------------------------------------------------------------------------------

int ibanLength(QStringView country)
{
    static const QHash<QString, int> lengths = {
        {QStringLiteral("AD"), 24}, {QStringLiteral("AE"), 23}, {QStringLiteral("AT"), 20},
        {QStringLiteral("BE"), 16}, {QStringLiteral("BG"), 22}, {QStringLiteral("BR"), 29},
        {QStringLiteral("CH"), 21}, {QStringLiteral("CY"), 28}, {QStringLiteral("CZ"), 24},
        {QStringLiteral("DE"), 22}, {QStringLiteral("DK"), 18}, {QStringLiteral("EE"), 20},
        {QStringLiteral("ES"), 24}, {QStringLiteral("FI"), 18}, {QStringLiteral("FR"), 27},
        {QStringLiteral("GB"), 22}, {QStringLiteral("GR"), 27}, {QStringLiteral("HR"), 21},
        {QStringLiteral("HU"), 28}, {QStringLiteral("IE"), 22}, {QStringLiteral("IL"), 23},
        {QStringLiteral("IS"), 26}, {QStringLiteral("IT"), 27}, {QStringLiteral("LI"), 21},
        {QStringLiteral("LT"), 20}, {QStringLiteral("LU"), 20}, {QStringLiteral("LV"), 21},
        {QStringLiteral("MC"), 27}, {QStringLiteral("MT"), 31}, {QStringLiteral("NL"), 18},
        {QStringLiteral("NO"), 15}, {QStringLiteral("PL"), 28}, {QStringLiteral("PT"), 25},
        {QStringLiteral("QA"), 29}, {QStringLiteral("RO"), 24}, {QStringLiteral("SA"), 24},
        {QStringLiteral("SE"), 24}, {QStringLiteral("SI"), 19}, {QStringLiteral("SK"), 24},
        {QStringLiteral("SM"), 27}, {QStringLiteral("TR"), 26},
    };
    return lengths.value(country.toString(), 0);
}

void findIbans(QStringView text, PiiFindings &out)
{
    for (qsizetype i = 0; i + 4 <= text.size(); ++i) {
        if (!PiiScan::isAsciiLetter(text.at(i)) || !PiiScan::isAsciiLetter(text.at(i + 1)) ||
            !PiiScan::isAsciiDigit(text.at(i + 2)) || !PiiScan::isAsciiDigit(text.at(i + 3)) ||
            !PiiScan::boundaryBefore(text, i))
            continue;
        // Collect up to 34 alphanumerics, allowing single spaces between groups; ends[k] is
        // the raw end position after the (k+1)-th character.
        QString compact;
        QList<qsizetype> ends;
        qsizetype j = i;
        while (j < text.size() && compact.size() < 34) {
            const QChar c = text.at(j);
            if (PiiScan::isAsciiDigit(c) || PiiScan::isAsciiLetter(c)) {
                compact += c.toUpper();
                ends.append(j + 1);
                ++j;
            } else if (c == u' ' && j + 1 < text.size() &&
                       (PiiScan::isAsciiDigit(text.at(j + 1)) ||
                        PiiScan::isAsciiLetter(text.at(j + 1)))) {
                ++j;
            } else {
                break;
            }
        }
        const int known = ibanLength(QStringView(compact).left(2));
        const int maxLen = known ? known : int(compact.size());
        const int minLen = known ? known : 15;
        for (int len = std::min<int>(maxLen, int(compact.size())); len >= minLen; --len) {
            const qsizetype end = ends.at(len - 1);
            if (!PiiScan::boundaryAfter(text, end))
                continue;
            const QStringView candidate = QStringView(compact).left(len);
            if (PiiDetector::ibanValid(candidate)) {
                out.take(PiiKind::Iban, i, end - i, candidate.toString());
                i = end - 1;
                break;
            }
        }
    }
}
void findNationalIds(QStringView text, PiiFindings &out)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (!PiiScan::boundaryBefore(text, i))
            continue;
        // UK National Insurance number: AB 12 34 56 C (spaces optional).
        if (PiiScan::isAsciiLetter(PiiScan::charAt(text, i)) &&
            PiiScan::isAsciiLetter(PiiScan::charAt(text, i + 1))) {
            QString compact = text.mid(i, 2).toString().toUpper();
            qsizetype p = i + 2;
            int digits = 0;
            while (digits < 6) {
                if (PiiScan::charAt(text, p) == u' ' && digits % 2 == 0)
                    ++p;
                if (!PiiScan::isAsciiDigit(PiiScan::charAt(text, p)))
                    break;
                compact += text.at(p);
                ++p;
                ++digits;
            }
            if (digits == 6) {
                if (PiiScan::charAt(text, p) == u' ')
                    ++p;
                if (PiiScan::isAsciiLetter(PiiScan::charAt(text, p)) &&
                    PiiScan::boundaryAfter(text, p + 1)) {
                    compact += text.at(p).toUpper();
                    if (PiiDetector::ninoValid(compact)) {
                        out.take(PiiKind::NationalId, i, p + 1 - i, compact);
                        i = p;
                        continue;
                    }
                }
            }
        }
        // Spanish DNI (8 digits + letter) and NIE (X/Y/Z + 7 digits + letter).
        const bool nie = QStringLiteral("XYZxyz").contains(PiiScan::charAt(text, i));
        if (nie || PiiScan::isAsciiDigit(PiiScan::charAt(text, i))) {
            QString compact;
            qsizetype p = i;
            if (nie)
                compact += text.at(p++).toUpper();
            while (compact.size() < 8 && PiiScan::isAsciiDigit(PiiScan::charAt(text, p)))
                compact += text.at(p++);
            if (compact.size() == 8) {
                if (PiiScan::charAt(text, p) == u'-')
                    ++p;
                if (PiiScan::isAsciiLetter(PiiScan::charAt(text, p)) &&
                    PiiScan::boundaryAfter(text, p + 1)) {
                    compact += text.at(p).toUpper();
                    if (PiiDetector::dniValid(compact)) {
                        out.take(PiiKind::NationalId, i, p + 1 - i, compact);
                        i = p;
                    }
                }
            }
        }
    }
}
int luhnSum(QStringView digits)
{
    int sum = 0;
    bool doubled = false;
    for (qsizetype k = digits.size() - 1; k >= 0; --k) {
        int d = digits.at(k).unicode() - u'0';
        if (doubled) {
            d *= 2;
            if (d > 9)
                d -= 9;
        }
        sum += d;
        doubled = !doubled;
    }
    return sum;
}
} // namespace

QList<Candidate> PiiDetector::detect(QStringView text, const Options &options)
{
    PiiFindings found(text.size());
    const PiiText words(text);
    // Order is priority: a later scanner never takes characters an earlier one claimed.
    PiiEmailScanner::findWritten(text, found);
    PiiEmailScanner::findSpoken(words, found);
    findIbans(text, found);
    PiiNetworkScanner::find(text, found);
    PiiDateScanner::findDatesOfBirth(text, found);
    findNationalIds(text, found);
    PiiSpokenScanner::find(words, found);
    PiiNumberScanner::findDigitRuns(text, found);
    PiiAddressScanner::find(words, found);
    if (!options.customerName.isEmpty())
        PiiNameScanner::findCustomer(words, options.customerName, found);
    PiiNameScanner::findOthers(words, options.knownNames, found);
    // The customer's name was found so that it is never taken for someone else's.
    if (!options.reportCustomerName)
        found.drop(PiiKind::CustomerName);
    return found.sorted();
}

bool PiiDetector::luhnValid(QStringView digits)
{
    if (digits.isEmpty() || !std::all_of(digits.begin(), digits.end(), PiiScan::isAsciiDigit))
        return false;
    return luhnSum(digits) % 10 == 0;
}

bool PiiDetector::ibanValid(QStringView iban)
{
    if (iban.size() < 15 || iban.size() > 34 || !PiiScan::isAsciiLetter(iban.at(0)) ||
        !PiiScan::isAsciiLetter(iban.at(1)) || !PiiScan::isAsciiDigit(iban.at(2)) ||
        !PiiScan::isAsciiDigit(iban.at(3)))
        return false;
    const int known = ibanLength(iban.left(2));
    if (known && known != iban.size())
        return false;
    // ISO 13616: move the first four characters to the end, letters become 10..35, mod 97 == 1.
    int remainder = 0;
    for (qsizetype k = 0; k < iban.size(); ++k) {
        const QChar c = iban.at((k + 4) % iban.size());
        if (PiiScan::isAsciiDigit(c)) {
            remainder = (remainder * 10 + (c.unicode() - u'0')) % 97;
        } else if (c >= u'A' && c <= u'Z') {
            remainder = (remainder * 100 + (c.unicode() - u'A' + 10)) % 97;
        } else {
            return false;
        }
    }
    return remainder == 1;
}

bool PiiDetector::ssnValid(QStringView d)
{
    if (d.size() != 9 || !std::all_of(d.begin(), d.end(), PiiScan::isAsciiDigit))
        return false;
    // SSA rules: area 000, 666 and 900-999, group 00 and serial 0000 are never issued.
    const QStringView area = d.left(3);
    if (area == u"000" || area == u"666" || area.at(0) == u'9')
        return false;
    return d.mid(3, 2) != u"00" && d.mid(5, 4) != u"0000";
}

bool PiiDetector::ninoValid(QStringView n)
{
    if (n.size() != 9)
        return false;
    const QChar a = n.at(0);
    const QChar b = n.at(1);
    const QChar suffix = n.at(8);
    if (QStringView(u"DFIQUV").contains(a) || QStringView(u"DFIOQUV").contains(b))
        return false;
    static const QStringList invalidPrefixes = {
        QStringLiteral("BG"), QStringLiteral("GB"), QStringLiteral("KN"), QStringLiteral("NK"),
        QStringLiteral("NT"), QStringLiteral("TN"), QStringLiteral("ZZ")};
    if (invalidPrefixes.contains(n.left(2).toString()))
        return false;
    return suffix >= u'A' && suffix <= u'D' &&
           std::all_of(n.begin() + 2, n.begin() + 8, PiiScan::isAsciiDigit);
}

bool PiiDetector::dniValid(QStringView n)
{
    if (n.size() != 9)
        return false;
    QString digits = n.left(8).toString();
    if (digits.at(0) == u'X')
        digits[0] = u'0';
    else if (digits.at(0) == u'Y')
        digits[0] = u'1';
    else if (digits.at(0) == u'Z')
        digits[0] = u'2';
    if (!std::all_of(digits.begin(), digits.end(), PiiScan::isAsciiDigit))
        return false;
    static const QString letters = QStringLiteral("TRWAGMYFPDXBNJZSQVHLCKE");
    return letters.at(digits.toInt() % 23) == n.at(8);
}
