#pragma once

#include "store/callfilter.h"

#include <QWidget>

class AppServices;
class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QStandardItemModel;
class QTableView;
class QTimer;

// Past calls: full-text search and filters (date, campaign, outcome, prompt version) over the
// store, open a call read-only in the monitor, export it (Markdown, JSON, CSV; PII masked unless
// asked otherwise, which is audited) and save it as a regression scenario.
class HistoryPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryPage)

public:
    enum Column { Started, Customer, Campaign, Purpose, Outcome, Turns, Cost, Prompt, ColumnCount };

    explicit HistoryPage(QWidget *parent = nullptr);

    void setServices(AppServices *services);

    QLineEdit *searchField() const { return m_search; }
    QTableView *view() const { return m_view; }
    QStandardItemModel *model() const { return m_model; }
    CallFilter currentFilter() const;
    QString selectedCallId() const;
    void selectCall(const QString &callId);

    // Writes the selected call to `path` (format "md", "json" or "csv"). False + error on failure.
    bool exportCall(const QString &callId, const QString &format, const QString &path,
                    bool unmasked, QString *error);
    // Writes a scenario file replaying the call's customer lines. False + error on failure.
    bool writeRegressionScenario(const QString &callId, const QString &path, QString *error);

public slots:
    void refresh();

signals:
    void openCallRequested(const QString &callId);

private:
    void exportSelected();
    void regressionFromSelected();
    void openSelected();
    void updateButtons();

    AppServices *m_services = nullptr;
    QLineEdit *m_search;
    QCheckBox *m_useDates;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QComboBox *m_campaign;
    QComboBox *m_outcome;
    QSpinBox *m_promptVersion;
    QPushButton *m_open;
    QPushButton *m_export;
    QPushButton *m_regression;
    QCheckBox *m_unmasked;
    QLabel *m_status;
    QStandardItemModel *m_model;
    QTableView *m_view;
    QTimer *m_debounce;
};
