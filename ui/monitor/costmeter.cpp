#include "costmeter.h"

#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>

CostMeter::CostMeter(QWidget *parent)
    : QWidget(parent)
    , m_tokens(new QProgressBar(this))
    , m_cost(new QProgressBar(this))
    , m_projection(new QLabel(this))
{
    setAccessibleName(tr("Budget"));
    m_tokens->setAccessibleName(tr("Tokens used"));
    m_cost->setAccessibleName(tr("Cost so far"));
    m_projection->setAccessibleName(tr("Projected cost"));
    m_projection->setWordWrap(true);
    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("Tokens"), m_tokens);
    form->addRow(tr("Cost"), m_cost);
    form->addRow(tr("Projected"), m_projection);
}

double CostMeter::projectedCost(double costUsd, qint64 elapsedMs, qint64 totalMs)
{
    if (elapsedMs <= 0 || totalMs <= elapsedMs)
        return costUsd;
    return costUsd * double(totalMs) / double(elapsedMs);
}

void CostMeter::setStats(const CallStats &s, qint64 maxDurationMs, bool live)
{
    const QLocale locale;
    const int tokenCap = s.tokenCap > 0 ? s.tokenCap : std::max(1, s.totalTokens);
    m_tokens->setRange(0, tokenCap);
    m_tokens->setValue(std::min(s.totalTokens, tokenCap));
    m_tokens->setFormat(s.tokenCap > 0 ? tr("%1 / %2").arg(locale.toString(s.totalTokens),
                                                           locale.toString(s.tokenCap))
                                       : locale.toString(s.totalTokens));
    const double cap = s.costCap > 0 ? s.costCap : std::max(0.000001, s.costUsd);
    m_cost->setRange(0, 1000);
    m_cost->setValue(int(std::min(1.0, s.costUsd / cap) * 1000));
    m_cost->setFormat(
        s.costCap > 0
            ? QStringLiteral("$%1 / $%2").arg(s.costUsd, 0, 'f', 4).arg(s.costCap, 0, 'f', 2)
            : QStringLiteral("$%1").arg(s.costUsd, 0, 'f', 4));
    if (!live) {
        m_projection->setText(tr("Final: $%1").arg(s.costUsd, 0, 'f', 4));
        return;
    }
    double projected = projectedCost(s.costUsd, s.durationMs, maxDurationMs);
    QString note;
    if (s.costCap > 0 && projected > s.costCap) {
        projected = s.costCap;
        note = tr(" (the cost cap will end the call first)");
    }
    m_projection->setText(tr("$%1 if the call runs its full %2 min at this rate%3")
                              .arg(projected, 0, 'f', 4)
                              .arg(maxDurationMs / 60000)
                              .arg(note));
}

QString CostMeter::projectionText() const
{
    return m_projection->text();
}
