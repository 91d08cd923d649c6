#pragma once

#include "openai/chatcall.h"
#include "openai/credentialprovider.h"
#include "openai/openaiclient.h"

#include <QSignalSpy>
#include <QTest>

// A credential provider with a fixed key that records who asked.
class StaticCredentials final : public CredentialProvider
{
public:
    explicit StaticCredentials(QByteArray key = "sk-test-0123456789abcdef")
        : key(std::move(key))
    {}
    Credential credential(const QString &feature) override
    {
        features.append(feature);
        return {key, QStringLiteral("test")};
    }
    QByteArray key;
    QStringList features;
};

struct CallOutcome
{
    ChatResult result;
    QStringList deltas;
    int finishedCount = 0;
    bool finishedInTime = false;
};

inline ModelConfig testModel(const QString &name = QStringLiteral("gpt-4-1106-preview"))
{
    ModelConfig config;
    config.model = name;
    config.temperature = 0.7;
    config.maxTokens = 50;
    config.user = QStringLiteral("system-agent");
    return config;
}

inline ChatRequest testRequest(bool stream = true)
{
    ChatRequest request;
    request.messages = {ChatMessage::system(QStringLiteral("Be brief.")),
                        ChatMessage::user(QStringLiteral("Hello"))};
    request.primary = testModel();
    request.stream = stream;
    request.maxRetries = 3;
    request.firstByteTimeoutMs = 10000;
    request.totalTimeoutMs = 20000;
    request.feature = QStringLiteral("test");
    return request;
}

// Runs one request to completion on the event loop and collects what the handler emitted.
inline CallOutcome runCall(OpenAIClient &client, const ChatRequest &request, int timeoutMs = 30000)
{
    CallOutcome outcome;
    ChatCall *call = client.chat(request);
    QObject::connect(call, &ChatCall::contentDelta, call,
                     [&outcome](const QString &text) { outcome.deltas.append(text); });
    QSignalSpy finished(call, &ChatCall::finished);
    outcome.finishedInTime = finished.wait(timeoutMs);
    QTest::qWait(20); // anything emitted after finished() would show up here
    outcome.finishedCount = int(finished.size());
    outcome.result = call->result();
    delete call;
    return outcome;
}
