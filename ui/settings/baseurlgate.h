#pragma once

#include <QCoreApplication>
#include <QString>
#include <QUrl>

class QWidget;

// Decides whether a base URL typed in the GUI may be stored, through BaseUrlPolicy: https and
// loopback http pass, plain http elsewhere needs the user's explicit confirmation, anything else
// is refused with a message.
class BaseUrlGate
{
    Q_DECLARE_TR_FUNCTIONS(BaseUrlGate)

public:
    enum class Decision { Accept, Confirm, Refuse };
    struct Outcome
    {
        Decision decision = Decision::Refuse;
        QUrl url;        // the parsed URL (empty text: empty URL, the default API root)
        QString message; // for Confirm and Refuse: what the user is told
    };

    // Pure: no dialog. Empty (or blank) text means "the default" and is accepted.
    static Outcome evaluate(const QString &text);
    // evaluate(), then a warning box for Refuse and a Yes/No question (default No) for Confirm.
    // Returns true when the URL may be used; `url` receives it.
    static bool ask(QWidget *parent, const QString &text, QUrl *url);
};
