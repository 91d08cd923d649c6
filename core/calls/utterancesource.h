#pragma once

#include <QList>
#include <QObject>
#include <QString>

// One line of the conversation as the customer hears it (whispers never appear here).
struct HeardLine
{
    bool fromCustomer = false;
    QString text;
};

// Where the customer's words come from: a simulated persona, scripted lines, or (later) speech
// recognition. The session asks for the next utterance with respond(); a source may also emit
// utterance() on its own (a person speaking), which the session treats the same way.
class UtteranceSource : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;
    ~UtteranceSource() override = default;

    // It is the customer's turn; `heard` is the whole conversation so far, oldest first.
    virtual void respond(const QList<HeardLine> &heard) = 0;
    // The call ended or the turn is no longer wanted; drop any pending work without emitting.
    virtual void cancel() = 0;

signals:
    void utterance(const QString &text);
    void hungUp(const QString &reason);
    void failed(const QString &message);
};
