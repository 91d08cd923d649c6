#include "contextcard.h"

#include <QLabel>
#include <QVBoxLayout>

ContextCard::ContextCard(QWidget *parent)
    : QWidget(parent)
    , m_label(new QLabel(this))
{
    setAccessibleName(tr("Call context"));
    m_label->setWordWrap(true);
    m_label->setTextFormat(Qt::RichText);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_label->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
}

void ContextCard::setContext(const CallContext &c, const QString &promptName, int promptVersion)
{
    auto row = [](const QString &label, const QString &value) {
        if (value.trimmed().isEmpty())
            return QString();
        return QStringLiteral("<tr><td style='padding-right:8px'><b>%1</b></td><td>%2</td></tr>")
            .arg(label.toHtmlEscaped(), value.toHtmlEscaped());
    };
    QString html = QStringLiteral("<table>");
    html += row(tr("Customer"), c.customerName.isEmpty()
                                    ? c.customerId
                                    : QStringLiteral("%1 (%2)").arg(c.customerName, c.customerId));
    html += row(tr("Purpose"), c.purpose);
    html += row(tr("Campaign"), c.campaign);
    html += row(tr("Language"), c.language);
    html += row(tr("Products"), c.products.join(QStringLiteral(", ")));
    html += row(tr("History"), c.previousInteractions.join(QStringLiteral("; ")));
    html += row(tr("Instructions"), c.specialInstructions);
    html += row(tr("Compliance"), c.complianceNotes);
    html += row(tr("Prompt"), promptVersion > 0
                                  ? tr("%1, version %2").arg(promptName).arg(promptVersion)
                                  : tr("%1, latest version").arg(promptName));
    html += QStringLiteral("</table>");
    m_label->setText(html);
}

QString ContextCard::text() const
{
    return m_label->text();
}
