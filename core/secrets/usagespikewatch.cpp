#include "secrets/usagespikewatch.h"

#include "metrics/spikedetector.h"
#include "openai/openaiclient.h"

#include <QPointer>

UsageSpikeWatch::UsageSpikeWatch(OpenAIClient *client, SpikeDetector *detector, QObject *parent)
    : QObject(parent)
{
    QPointer<SpikeDetector> target(detector);
    connect(client, &OpenAIClient::requestCompleted, this,
            [target](const ChatResult &result, const ChatRequest &) {
                if (target)
                    target->record(result.costUsd);
            });
}
