#include "calls/compliancefinding.h"

#include <QJsonArray>

QString ComplianceFinding::code(ComplianceFindingType type)
{
    switch (type) {
    case ComplianceFindingType::AiDisclosureMissing:
        return QStringLiteral("ai-disclosure-missing");
    case ComplianceFindingType::OptOut:
        return QStringLiteral("opt-out");
    case ComplianceFindingType::HumanRequested:
        return QStringLiteral("human-requested");
    case ComplianceFindingType::NegativeSentiment:
        return QStringLiteral("negative-sentiment");
    case ComplianceFindingType::CheckFailed:
        return QStringLiteral("check-failed");
    }
    return QStringLiteral("check-failed");
}

QString ComplianceFinding::code() const
{
    return code(type);
}

QJsonObject ComplianceFinding::toJson() const
{
    QJsonObject json;
    json.insert(QStringLiteral("code"), code());
    json.insert(QStringLiteral("detail"), detail);
    json.insert(QStringLiteral("matched"), QJsonArray::fromStringList(matched));
    json.insert(QStringLiteral("score"), score);
    json.insert(QStringLiteral("failedClosed"), failedClosed);
    return json;
}
