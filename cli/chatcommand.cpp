#include "cli/chatcommand.h"

#include "cli/clicredentials.h"
#include "cli/cliio.h"
#include "cli/commandtable.h"
#include "common/apppaths.h"
#include "common/logsanitizer.h"
#include "openai/chatcall.h"
#include "openai/modelprofiles.h"
#include "openai/openaiclient.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

int usageError(const QString &message)
{
    CliIo::err() << "voiceai-cli chat: " << message << "\n"
                 << "Run 'voiceai-cli chat --help' for the options.\n";
    CliIo::err().flush();
    return ExitUsage;
}

bool parseCount(const QString &text, int minimum, int *out)
{
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok || value < minimum)
        return false;
    *out = value;
    return true;
}

QJsonObject resultJson(const ChatResult &result)
{
    QJsonArray attempts;
    for (const AttemptRecord &attempt : result.attempts) {
        attempts.append(QJsonObject{{"model", attempt.model},
                                    {"status", attempt.httpStatus},
                                    {"delay_ms", double(attempt.delayMs)},
                                    {"latency_ms", double(attempt.latencyMs)}});
    }
    QJsonArray toolCalls;
    for (const ToolCall &call : result.toolCalls) {
        toolCalls.append(
            QJsonObject{{"id", call.id}, {"name", call.name}, {"arguments", call.arguments}});
    }
    QJsonObject json{
        {"content", result.content},
        {"model", result.model},
        {"finish_reason", result.finishReason.isEmpty() ? QJsonValue(QJsonValue::Null)
                                                        : QJsonValue(result.finishReason)},
        {"usage", QJsonObject{{"prompt_tokens", result.usage.promptTokens},
                              {"completion_tokens", result.usage.completionTokens},
                              {"total_tokens", result.usage.totalTokens}}},
        {"cost_usd", result.costUsd},
        {"request_id",
         result.requestId.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(result.requestId)},
        {"attempts", attempts},
        {"tool_calls", toolCalls},
        {"ttft_ms",
         result.ttftMs < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(double(result.ttftMs))},
        {"latency_ms", double(result.latencyMs)},
    };
    if (!result.ok()) {
        json.insert("error", QJsonObject{{"type", result.error.typeName()},
                                         {"message", result.error.message}});
        json.insert("incomplete", result.incomplete);
    }
    return json;
}

int runChat(const QStringList &arguments, CredentialProvider *credentials,
            const CliCredentials *keychain);

} // namespace

int runChatCommand(const QStringList &arguments)
{
    LogSanitizer::install();
    const CliCredentials keychain(AppPaths::dataDir());
    if (!keychain.catalogError().isEmpty())
        CliIo::err() << "voiceai-cli chat: warning: " << keychain.catalogError()
                     << " (using OPENAI_API_KEY)\n";
    return runChat(arguments, keychain.provider(), &keychain);
}

int runChatCommand(const QStringList &arguments, CredentialProvider *credentials)
{
    return runChat(arguments, credentials, nullptr);
}

namespace {

int runChat(const QStringList &arguments, CredentialProvider *credentials,
            const CliCredentials *keychain)
{
    LogSanitizer::install();

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Sends MESSAGE to the chat completions API and prints the reply. Flags override the "
        "configuration file; the key comes from the keychain's active key (voiceai-cli keys), else "
        "OPENAI_API_KEY."));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("base-url"),
         QStringLiteral("API root including its version path (default: configuration, "
                        "OPENAI_BASE_URL, or https://api.openai.com/v1)."),
         QStringLiteral("URL")},
        {QStringLiteral("model"),
         QStringLiteral("Model to use; without --fallback-model there is no fallback."),
         QStringLiteral("NAME")},
        {QStringLiteral("fallback-model"), QStringLiteral("Model to fall back to."),
         QStringLiteral("NAME")},
        {QStringLiteral("system"), QStringLiteral("System message."), QStringLiteral("TEXT")},
        {QStringLiteral("no-stream"), QStringLiteral("Ask for the whole answer at once.")},
        {QStringLiteral("max-retries"), QStringLiteral("Retries per model (default 3)."),
         QStringLiteral("N")},
        {QStringLiteral("timeout-ms"), QStringLiteral("Timeout of each attempt in ms."),
         QStringLiteral("N")},
        {QStringLiteral("json"), QStringLiteral("Print one JSON object with the whole result.")},
        {QStringLiteral("allow-insecure-http"),
         QStringLiteral("Accept an http:// base URL that is not this computer.")},
    });
    parser.addPositionalArgument(QStringLiteral("MESSAGE"), QStringLiteral("The user message."));
    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        CliIo::out() << parser.helpText();
        CliIo::out().flush();
        return ExitOk;
    }
    const QString message = parser.positionalArguments().join(QLatin1Char(' '));
    if (message.trimmed().isEmpty())
        return usageError(QStringLiteral("MESSAGE is missing"));

    const QString configFile = AppPaths::configFile();
    QString error;
    ModelProfiles profiles = ModelProfiles::load(configFile, &error);
    ClientSettings settings = ClientSettings::load(configFile, &error);
    const PriceTable prices = PriceTable::load(configFile, &error);
    if (!error.isEmpty())
        return usageError(QStringLiteral("bad configuration: %1").arg(error));

    // The active key's base URL, organisation and project; flags override them.
    if (keychain)
        settings = keychain->applyActiveKey(settings);
    if (parser.isSet(QStringLiteral("base-url"))) {
        const QUrl url(parser.value(QStringLiteral("base-url")), QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty() ||
            (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
            return usageError(QStringLiteral("--base-url is not an http(s) URL: %1")
                                  .arg(parser.value(QStringLiteral("base-url"))));
        settings.baseUrl = url;
    }
    if (const QString refused = CliCredentials::checkBaseUrl(
            settings.baseUrl, parser.isSet(QStringLiteral("allow-insecure-http")));
        !refused.isEmpty())
        return usageError(refused);

    ChatRequest request;
    request.feature = QStringLiteral("chat-cli");
    request.stream = !parser.isSet(QStringLiteral("no-stream"));
    request.primary = profiles.primary();
    request.fallback = profiles.fallback();
    if (parser.isSet(QStringLiteral("model"))) {
        const QString model = parser.value(QStringLiteral("model")).trimmed();
        if (model.isEmpty())
            return usageError(QStringLiteral("--model needs a name"));
        request.primary.model = model;
        request.fallback.reset(); // the user asked for exactly this model
    }
    if (parser.isSet(QStringLiteral("fallback-model"))) {
        const QString model = parser.value(QStringLiteral("fallback-model")).trimmed();
        if (model.isEmpty())
            return usageError(QStringLiteral("--fallback-model needs a name"));
        ModelConfig fallback = profiles.fallback().value_or(profiles.primary());
        fallback.model = model;
        request.fallback = fallback;
    }
    if (parser.isSet(QStringLiteral("max-retries")) &&
        !parseCount(parser.value(QStringLiteral("max-retries")), 0, &request.maxRetries))
        return usageError(QStringLiteral("--max-retries needs a number >= 0, got '%1'")
                              .arg(parser.value(QStringLiteral("max-retries"))));
    if (parser.isSet(QStringLiteral("timeout-ms"))) {
        int timeout = 0;
        if (!parseCount(parser.value(QStringLiteral("timeout-ms")), 1, &timeout))
            return usageError(QStringLiteral("--timeout-ms needs a number >= 1, got '%1'")
                                  .arg(parser.value(QStringLiteral("timeout-ms"))));
        request.totalTimeoutMs = timeout;
        request.firstByteTimeoutMs = qMin(request.firstByteTimeoutMs, timeout);
    }
    if (parser.isSet(QStringLiteral("system")))
        request.messages.append(ChatMessage::system(parser.value(QStringLiteral("system"))));
    request.messages.append(ChatMessage::user(message));

    const bool json = parser.isSet(QStringLiteral("json"));
    OpenAIClient client(settings, credentials, prices, nullptr);
    ChatCall *call = client.chat(request);
    QEventLoop loop;
    bool printedText = false;
    if (!json) {
        QObject::connect(call, &ChatCall::contentDelta, call, [&printedText](const QString &text) {
            CliIo::out() << text;
            CliIo::out().flush();
            printedText = true;
        });
    }
    QObject::connect(call, &ChatCall::finished, &loop, &QEventLoop::quit);
    loop.exec();
    const ChatResult result = call->result();
    delete call;

    if (json) {
        CliIo::out() << QJsonDocument(resultJson(result)).toJson(QJsonDocument::Compact) << '\n';
    } else if (printedText || !result.content.isEmpty()) {
        CliIo::out() << '\n';
    }
    CliIo::out().flush();
    if (result.ok())
        return ExitOk;
    CliIo::err() << "voiceai-cli chat: " << result.error.typeName() << ": " << result.error.message
                 << '\n';
    CliIo::err().flush();
    return result.error.isApiError() ? ExitApiError : ExitNetwork;
}

} // namespace
