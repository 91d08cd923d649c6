#pragma once

#include <QWidget>

class AppServices;
class KeyValidator;
class QLabel;
class QListWidget;
class QPushButton;
class QTreeWidget;
struct KeyValidation;

// The API keys in the OS keychain: list them with their age and state, add one (validated with
// a cheap request, never blocking the window), remove, make active, validate, and read the key
// access log. The secret itself is never shown or written anywhere but the keychain.
class KeysPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeysPage)

public:
    explicit KeysPage(QWidget *parent = nullptr);
    ~KeysPage() override;

    void setServices(AppServices *services);
    QTreeWidget *keyList() const { return m_keys; }
    QLabel *statusLabel() const { return m_status; }

public slots:
    void reload();

public:
    // Keys older than this many days are marked for rotation.
    static constexpr int RotationWarningDays = 90; // without services (security.keyMaxAgeDays)

private:
    void addKey();
    void removeKey();
    void useKey();
    void validateKey();
    void importEnvironmentKey();
    void showValidation(const KeyValidation &validation);
    QString selectedName() const;

    AppServices *m_services = nullptr;
    QTreeWidget *m_keys;
    QPushButton *m_add;
    QPushButton *m_remove;
    QPushButton *m_use;
    QPushButton *m_validate;
    QPushButton *m_import;
    QLabel *m_status;
    QListWidget *m_log;
    KeyValidator *m_validator = nullptr;
};
