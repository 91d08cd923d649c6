#pragma once

#include <QObject>

class OpenAIClient;
class SpikeDetector;

// Feeds every finished API request of a client (OpenAIClient::requestCompleted),
// failed ones included, into a SpikeDetector: requests and cost per hour.
class UsageSpikeWatch final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UsageSpikeWatch)

public:
    // Neither is owned; both must outlive the watch (or the connection ends with them).
    UsageSpikeWatch(OpenAIClient *client, SpikeDetector *detector, QObject *parent = nullptr);
};
