#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>

// The "privacy" section of the configuration: how a call's personal data goes on the wire.
//   {"pseudonymiseCustomerName": false}
struct PrivacySettings
{
    // Replace the customer's own name (from the call's context) by [CUSTOMER_NAME],
    // [CUSTOMER_GIVEN_NAME] or [CUSTOMER_FAMILY_NAME] on the wire; restored on the way back.
    bool pseudonymiseCustomerName = false;

    QJsonObject toJson() const;
    // Fields present in `json` override `base`; an unknown field or a wrong type is an error
    // naming it ("privacy.pseudonymiseCustomerName: expected true or false").
    static std::optional<PrivacySettings> fromJson(const QJsonObject &json,
                                                   const PrivacySettings &base, QString *error,
                                                   const QString &path = QStringLiteral("privacy"));

    friend bool operator==(const PrivacySettings &, const PrivacySettings &) = default;
};
