#pragma once

#include <QJsonObject>
#include <QString>
#include <QUrl>

#include <optional>

// Where and how the client talks to the API (one set per OpenAIClient).
struct ClientSettings
{
    QUrl baseUrl = QUrl(QStringLiteral("https://api.openai.com/v1")); // API root incl. /v1
    QString organization; // OpenAI-Organization header, only when set
    QString project;      // OpenAI-Project header, only when set
    // Azure OpenAI: baseUrl is the resource endpoint (https://NAME.openai.azure.com), the model
    // name is the deployment name, the key goes in an api-key header, api-version in the query.
    bool azure = false;
    QString azureApiVersion = QStringLiteral("2024-10-21");
    int maxConcurrent = 8;
    // Connection pools: QNetworkAccessManager opens at most 6 HTTP/1.1 connections per host, so
    // the client spreads requests over up to `maxPools` managers with at most
    // `connectionsPerPool` (1..6) requests in flight each. Origins that negotiate HTTP/2 (https)
    // stay on the first manager, which multiplexes them over one connection.
    int connectionsPerPool = 6;
    int maxPools = 32;
    int requestsPerMinute = 0; // client-side limit; 0 = none (still learns from x-ratelimit-*)
    int tokensPerMinute = 0;
    // Deltas are delivered in batches at most this far apart (ms); 0 = after every network read.
    int deltaBatchMs = 16;

    // OPENAI_BASE_URL, OPENAI_ORG_ID, OPENAI_PROJECT_ID, OPENAI_API_VERSION, OPENAI_API_TYPE=azure
    // (azure is also implied by a *.openai.azure.com base URL).
    static ClientSettings fromEnvironment();
    // Fields of the config file's "client" object override `base`: baseUrl, organization, project,
    // azure, azureApiVersion, maxConcurrent, connectionsPerPool, maxPools, requestsPerMinute,
    // tokensPerMinute, deltaBatchMs.
    static std::optional<ClientSettings> fromJson(const QJsonObject &json,
                                                  const ClientSettings &base, QString *error);
    // Defaults, overlaid by the environment, overlaid by the "client" object of `configFile`
    // (command-line flags are applied by the caller on top). On a malformed file the
    // environment settings are returned and *error names the problem.
    static ClientSettings load(const QString &configFile, QString *error);
};
