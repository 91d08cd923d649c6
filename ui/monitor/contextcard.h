#pragma once

#include "calls/callcontext.h"

#include <QWidget>

class QLabel;

// The call's context at a glance: customer, purpose, campaign, products, instructions,
// compliance notes and which prompt version the agent runs.
class ContextCard final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ContextCard)

public:
    explicit ContextCard(QWidget *parent = nullptr);

    void setContext(const CallContext &context, const QString &promptName, int promptVersion);
    QString text() const;

private:
    QLabel *m_label;
};
