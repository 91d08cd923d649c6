#pragma once

#include "openai/credentialprovider.h"

// Reads the key from OPENAI_API_KEY (or another variable) on every request.
class EnvCredentialProvider final : public CredentialProvider
{
public:
    explicit EnvCredentialProvider(const char *variable = "OPENAI_API_KEY");
    Credential credential(const QString &feature) override;

private:
    const char *m_variable;
};
