#pragma once

#include <QStringList>

class CredentialProvider;

// `voiceai-cli chat`: one chat completion through the OpenAI client (see docs/cli.md).
// Exit status: 0 success, 2 bad usage, 3 the API answered an error, 4 network failure,
// timeout or incomplete stream.
int runChatCommand(const QStringList &arguments);
// runChatCommand() takes the keychain's active key (with its base URL, organisation and project),
// else OPENAI_API_KEY (CliCredentials). This one uses an explicit key source and the configuration
// file's settings only.
int runChatCommand(const QStringList &arguments, CredentialProvider *credentials);
