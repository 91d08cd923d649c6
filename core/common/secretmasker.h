#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

// Masks anything that looks like a credential in free text: OpenAI-style keys (sk-...,
// sk-proj-...), Bearer/Basic tokens, and the values of Authorization, api-key and similar headers
// or fields. Known secrets (e.g. the active key, whatever its shape) can be given to an instance as
// well.
class SecretMasker
{
public:
    SecretMasker() = default;
    explicit SecretMasker(const QList<QByteArray> &knownSecrets);

    void addKnownSecret(const QByteArray &secret);
    QString apply(const QString &text) const;

    // Pattern-based masking only (no known secrets).
    static QString mask(const QString &text);
    static QByteArray mask(const QByteArray &text);
    // True when `text` would be changed by mask().
    static bool containsSecret(const QString &text);

    static constexpr QLatin1StringView Replacement{"[masked]"};

private:
    QList<QByteArray> m_known;
};
