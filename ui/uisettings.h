#pragma once

#include <QByteArray>
#include <QObject>
#include <QSettings>
#include <QString>

#include <memory>

// The GUI's typed settings over QSettings: one getter/setter per setting, a change signal for
// those the window reacts to while it runs, and a status check after each write.
class UiSettings final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UiSettings)

public:
    enum class Theme { System, Light, Dark };
    Q_ENUM(Theme)

    // `fileName` empty: the platform's settings location for the application.
    explicit UiSettings(const QString &fileName = {}, QObject *parent = nullptr);

    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray &state);
    int currentPage() const;
    void setCurrentPage(int page);

    Theme theme() const;
    void setTheme(Theme theme);

    QString supervisorName() const;
    void setSupervisorName(const QString &name);

    int alertThreshold() const; // risk score (0..100) at which a call raises an alert
    void setAlertThreshold(int score);
    bool alertDesktop() const;
    void setAlertDesktop(bool on);
    bool alertSound() const;
    void setAlertSound(bool on);

    int demoCalls() const; // simulated calls started in demo mode
    void setDemoCalls(int count);

    QString primaryModel() const;
    void setPrimaryModel(const QString &model);
    QString fallbackModel() const;
    void setFallbackModel(const QString &model);
    double temperature() const;
    void setTemperature(double value);
    int maxTokensPerTurn() const;
    void setMaxTokensPerTurn(int tokens);
    int tokensPerCall() const;
    void setTokensPerCall(int tokens);
    double costCapUsd() const;
    void setCostCapUsd(double usd);
    int maxConcurrent() const;
    void setMaxConcurrent(int requests);
    int requestsPerMinute() const;
    void setRequestsPerMinute(int requests);

    QString dataDir() const; // empty: the platform default
    void setDataDir(const QString &dir);
    int retentionDays() const; // 0: keep forever
    void setRetentionDays(int days);

    QSettings::Status status() const { return m_settings->status(); }
    QString fileName() const { return m_settings->fileName(); }
    void sync();

signals:
    void themeChanged(UiSettings::Theme theme);
    void alertSettingsChanged();
    void supervisorNameChanged(const QString &name);

private:
    void write(const QString &key, const QVariant &value);

    std::unique_ptr<QSettings> m_settings;
};
