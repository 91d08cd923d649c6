#pragma once

#include <QStringList>

class CredentialProvider;

// `voiceai-cli chat`: one chat completion through the OpenAI client (see docs/cli.md).
// Exit status: 0 success, 2 bad usage, 3 the API answered an error, 4 network failure,
// timeout or incomplete stream.
int runChatCommand(const QStringList &arguments);
// The same with an explicit key source (e.g. the keychain); runChatCommand() uses OPENAI_API_KEY.
int runChatCommand(const QStringList &arguments, CredentialProvider *credentials);
