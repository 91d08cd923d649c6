#include "piicorpus.h"

#include "calls/piidetector.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

constexpr PiiKind kKinds[] = {PiiKind::Email,       PiiKind::Phone,     PiiKind::Card,
                              PiiKind::Iban,        PiiKind::Ssn,       PiiKind::NationalId,
                              PiiKind::DateOfBirth, PiiKind::Address,   PiiKind::Passport,
                              PiiKind::Account,     PiiKind::IpAddress, PiiKind::PersonName,
                              PiiKind::CustomerName};

struct Found
{
    QString type;
    qsizetype start = 0;
    qsizetype length = 0;
};

bool overlaps(qsizetype a, qsizetype alen, qsizetype b, qsizetype blen)
{
    return a < b + blen && b < a + alen;
}

QString quote(const QString &text, qsizetype start, qsizetype length)
{
    return QStringLiteral("\"%1\"").arg(text.mid(start, length));
}

} // namespace

QString PiiCorpus::typeName(PiiKind kind)
{
    switch (kind) {
    case PiiKind::Email:
        return QStringLiteral("email");
    case PiiKind::Phone:
        return QStringLiteral("phone");
    case PiiKind::Card:
        return QStringLiteral("card");
    case PiiKind::Iban:
        return QStringLiteral("iban");
    case PiiKind::Ssn:
        return QStringLiteral("ssn");
    case PiiKind::NationalId:
        return QStringLiteral("natid");
    case PiiKind::DateOfBirth:
        return QStringLiteral("dob");
    case PiiKind::Address:
        return QStringLiteral("address");
    case PiiKind::Passport:
        return QStringLiteral("passport");
    case PiiKind::Account:
        return QStringLiteral("account");
    case PiiKind::IpAddress:
        return QStringLiteral("ip");
    case PiiKind::PersonName:
        return QStringLiteral("name");
    case PiiKind::CustomerName:
        return QStringLiteral("customer_name");
    }
    return QString();
}

QStringList PiiCorpus::typeNames()
{
    QStringList names;
    for (PiiKind kind : kKinds)
        names.append(typeName(kind));
    return names;
}

std::optional<QList<PiiCorpusUtterance>> PiiCorpus::load(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    const QStringList types = typeNames();
    QList<PiiCorpusUtterance> utterances;
    QStringList ids;
    int lineNumber = 0;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        ++lineNumber;
        if (line.isEmpty())
            continue;
        const auto fail = [&](const QString &message) {
            *error = QStringLiteral("%1:%2: %3").arg(path).arg(lineNumber).arg(message);
            return std::nullopt;
        };
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(line, &parseError);
        if (!doc.isObject())
            return fail(QStringLiteral("not a JSON object (%1)").arg(parseError.errorString()));
        const QJsonObject object = doc.object();
        PiiCorpusUtterance u;
        u.id = object.value(QLatin1String("id")).toString();
        u.language = object.value(QLatin1String("lang")).toString();
        u.text = object.value(QLatin1String("text")).toString();
        u.customer = object.value(QLatin1String("customer")).toString();
        u.split = object.value(QLatin1String("split")).toString(QStringLiteral("dev"));
        if (u.id.isEmpty() || ids.contains(u.id))
            return fail(QStringLiteral("id: missing or repeated"));
        if (u.language != u"en" && u.language != u"de")
            return fail(QStringLiteral("lang: expected \"en\" or \"de\""));
        if (u.split != u"dev" && u.split != u"heldout")
            return fail(QStringLiteral("split: expected \"dev\" or \"heldout\""));
        if (u.text.isEmpty())
            return fail(QStringLiteral("text: missing"));
        if (!object.value(QLatin1String("spans")).isArray())
            return fail(QStringLiteral("spans: expected an array"));
        for (const QJsonValue &value : object.value(QLatin1String("spans")).toArray()) {
            const QJsonObject span = value.toObject();
            const QString type = span.value(QLatin1String("type")).toString();
            const QString text = span.value(QLatin1String("text")).toString();
            const int nth = span.value(QLatin1String("nth")).toInt(1);
            if (!types.contains(type))
                return fail(QStringLiteral("spans.type: unknown type \"%1\"").arg(type));
            qsizetype at = -1;
            for (int k = 0; k < nth; ++k) {
                at = u.text.indexOf(text, at + 1);
                if (at < 0 || text.isEmpty())
                    return fail(QStringLiteral("spans.text: \"%1\" not in the text").arg(text));
            }
            u.spans.append(PiiCorpusSpan{type, at, text.size()});
        }
        ids.append(u.id);
        utterances.append(u);
    }
    return utterances;
}

PiiEvaluation PiiCorpus::evaluate(const QList<PiiCorpusUtterance> &utterances)
{
    PiiEvaluation result;
    for (const PiiCorpusUtterance &u : utterances) {
        PiiDetectorOptions options;
        options.customerName = u.customer;
        options.reportCustomerName = !u.customer.isEmpty();
        QList<Found> found;
        for (const PiiDetector::Candidate &c : PiiDetector::detect(u.text, options))
            found.append(Found{typeName(c.kind), c.start, c.length});
        if (u.spans.isEmpty()) {
            ++result.negatives;
            if (!found.isEmpty())
                ++result.negativesFlagged;
        }
        // Exact: same type, same characters.
        QList<bool> exactHit(u.spans.size(), false);
        for (const Found &f : found) {
            bool hit = false;
            for (qsizetype k = 0; k < u.spans.size() && !hit; ++k) {
                const PiiCorpusSpan &s = u.spans.at(k);
                if (!exactHit.at(k) && s.type == f.type && s.start == f.start &&
                    s.length == f.length) {
                    exactHit[k] = hit = true;
                }
            }
            PiiTally &tally = result.exact[f.type];
            PiiTally &language = result.exactByLanguage[u.language];
            PiiTally &split = result.exactBySplit[u.split];
            if (hit) {
                ++tally.truePositives;
                ++language.truePositives;
                ++split.truePositives;
                ++result.exactTotal.truePositives;
            } else {
                ++tally.falsePositives;
                ++language.falsePositives;
                ++split.falsePositives;
                ++result.exactTotal.falsePositives;
                result.mistakes.append(QStringLiteral("%1: found %2 %3")
                                           .arg(u.id, f.type, quote(u.text, f.start, f.length)));
            }
        }
        for (qsizetype k = 0; k < u.spans.size(); ++k) {
            if (exactHit.at(k))
                continue;
            const PiiCorpusSpan &s = u.spans.at(k);
            ++result.exact[s.type].falseNegatives;
            ++result.exactByLanguage[u.language].falseNegatives;
            ++result.exactBySplit[u.split].falseNegatives;
            ++result.exactTotal.falseNegatives;
            result.mistakes.append(QStringLiteral("%1: missed %2 %3")
                                       .arg(u.id, s.type, quote(u.text, s.start, s.length)));
        }
        // Overlap: same type, at least one shared character.
        QList<bool> overlapHit(u.spans.size(), false);
        for (const Found &f : found) {
            bool hit = false;
            for (qsizetype k = 0; k < u.spans.size() && !hit; ++k) {
                const PiiCorpusSpan &s = u.spans.at(k);
                if (!overlapHit.at(k) && s.type == f.type &&
                    overlaps(s.start, s.length, f.start, f.length)) {
                    overlapHit[k] = hit = true;
                }
            }
            PiiTally &tally = result.overlap[f.type];
            if (hit) {
                ++tally.truePositives;
                ++result.overlapTotal.truePositives;
            } else {
                ++tally.falsePositives;
                ++result.overlapTotal.falsePositives;
            }
        }
        for (qsizetype k = 0; k < u.spans.size(); ++k) {
            if (!overlapHit.at(k)) {
                ++result.overlap[u.spans.at(k).type].falseNegatives;
                ++result.overlapTotal.falseNegatives;
            }
        }
    }
    return result;
}
