#include "uisettings.h"

#include "common/osidentity.h"

#include "uilog.h"

#include <algorithm>

UiSettings::UiSettings(const QString &fileName, QObject *parent)
    : QObject(parent)
    , m_settings(fileName.isEmpty() ? std::make_unique<QSettings>()
                                    : std::make_unique<QSettings>(fileName, QSettings::IniFormat))
{}

void UiSettings::write(const QString &key, const QVariant &value)
{
    m_settings->setValue(key, value);
}

void UiSettings::sync()
{
    m_settings->sync();
    if (m_settings->status() != QSettings::NoError)
        qCWarning(lcUi) << "could not write settings to" << m_settings->fileName();
}

QByteArray UiSettings::windowGeometry() const
{
    return m_settings->value(QStringLiteral("window/geometry")).toByteArray();
}

void UiSettings::setWindowGeometry(const QByteArray &geometry)
{
    write(QStringLiteral("window/geometry"), geometry);
}

QByteArray UiSettings::windowState() const
{
    return m_settings->value(QStringLiteral("window/state")).toByteArray();
}

void UiSettings::setWindowState(const QByteArray &state)
{
    write(QStringLiteral("window/state"), state);
}

int UiSettings::currentPage() const
{
    return m_settings->value(QStringLiteral("window/page"), 0).toInt();
}

void UiSettings::setCurrentPage(int page)
{
    write(QStringLiteral("window/page"), page);
}

UiSettings::Theme UiSettings::theme() const
{
    const QString name = m_settings->value(QStringLiteral("appearance/theme")).toString();
    if (name == QLatin1String("light"))
        return Theme::Light;
    if (name == QLatin1String("dark"))
        return Theme::Dark;
    return Theme::System;
}

void UiSettings::setTheme(Theme theme)
{
    if (theme == this->theme())
        return;
    const char *name = theme == Theme::Light ? "light" : theme == Theme::Dark ? "dark" : "system";
    write(QStringLiteral("appearance/theme"), QString::fromLatin1(name));
    emit themeChanged(theme);
}

QString UiSettings::supervisorName() const
{
    return m_settings->value(QStringLiteral("supervisor/name"), OsIdentity::userName()).toString();
}

void UiSettings::setSupervisorName(const QString &name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty() || trimmed == supervisorName())
        return;
    write(QStringLiteral("supervisor/name"), trimmed);
    emit supervisorNameChanged(trimmed);
}

int UiSettings::alertThreshold() const
{
    return std::clamp(m_settings->value(QStringLiteral("alerts/threshold"), 50).toInt(), 1, 100);
}

void UiSettings::setAlertThreshold(int score)
{
    write(QStringLiteral("alerts/threshold"), std::clamp(score, 1, 100));
    emit alertSettingsChanged();
}

bool UiSettings::alertDesktop() const
{
    return m_settings->value(QStringLiteral("alerts/desktop"), true).toBool();
}

void UiSettings::setAlertDesktop(bool on)
{
    write(QStringLiteral("alerts/desktop"), on);
    emit alertSettingsChanged();
}

bool UiSettings::alertSound() const
{
    return m_settings->value(QStringLiteral("alerts/sound"), true).toBool();
}

void UiSettings::setAlertSound(bool on)
{
    write(QStringLiteral("alerts/sound"), on);
    emit alertSettingsChanged();
}

int UiSettings::demoCalls() const
{
    return std::clamp(m_settings->value(QStringLiteral("demo/calls"), 6).toInt(), 0, 200);
}

void UiSettings::setDemoCalls(int count)
{
    write(QStringLiteral("demo/calls"), std::clamp(count, 0, 200));
}

QString UiSettings::primaryModel() const
{
    return m_settings->value(QStringLiteral("models/primary"), QStringLiteral("gpt-4-1106-preview"))
        .toString();
}

void UiSettings::setPrimaryModel(const QString &model)
{
    write(QStringLiteral("models/primary"), model.trimmed());
}

QString UiSettings::fallbackModel() const
{
    return m_settings->value(QStringLiteral("models/fallback"), QStringLiteral("gpt-3.5-turbo"))
        .toString();
}

void UiSettings::setFallbackModel(const QString &model)
{
    write(QStringLiteral("models/fallback"), model.trimmed());
}

double UiSettings::temperature() const
{
    return std::clamp(m_settings->value(QStringLiteral("models/temperature"), 0.7).toDouble(), 0.0,
                      2.0);
}

void UiSettings::setTemperature(double value)
{
    write(QStringLiteral("models/temperature"), std::clamp(value, 0.0, 2.0));
}

int UiSettings::maxTokensPerTurn() const
{
    return m_settings->value(QStringLiteral("budget/tokensPerTurn"), 2000).toInt();
}

void UiSettings::setMaxTokensPerTurn(int tokens)
{
    write(QStringLiteral("budget/tokensPerTurn"), std::max(1, tokens));
}

int UiSettings::tokensPerCall() const
{
    return m_settings->value(QStringLiteral("budget/tokensPerCall"), 15000).toInt();
}

void UiSettings::setTokensPerCall(int tokens)
{
    write(QStringLiteral("budget/tokensPerCall"), std::max(1, tokens));
}

double UiSettings::costCapUsd() const
{
    return m_settings->value(QStringLiteral("budget/costCapUsd"), 0.50).toDouble();
}

void UiSettings::setCostCapUsd(double usd)
{
    write(QStringLiteral("budget/costCapUsd"), std::max(0.0, usd));
}

int UiSettings::maxConcurrent() const
{
    return m_settings->value(QStringLiteral("limits/maxConcurrent"), 8).toInt();
}

void UiSettings::setMaxConcurrent(int requests)
{
    write(QStringLiteral("limits/maxConcurrent"), std::max(1, requests));
}

int UiSettings::requestsPerMinute() const
{
    return m_settings->value(QStringLiteral("limits/requestsPerMinute"), 0).toInt();
}

void UiSettings::setRequestsPerMinute(int requests)
{
    write(QStringLiteral("limits/requestsPerMinute"), std::max(0, requests));
}

QString UiSettings::dataDir() const
{
    return m_settings->value(QStringLiteral("data/dir")).toString();
}

void UiSettings::setDataDir(const QString &dir)
{
    write(QStringLiteral("data/dir"), dir.trimmed());
}

int UiSettings::retentionDays() const
{
    return m_settings->value(QStringLiteral("data/retentionDays"), 0).toInt();
}

void UiSettings::setRetentionDays(int days)
{
    write(QStringLiteral("data/retentionDays"), std::max(0, days));
}
