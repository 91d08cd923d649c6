#pragma once

#include "openai/modelconfig.h"

#include <QString>

#include <optional>

// The primary and fallback model configurations: defaults from :/config/models.json, then the
// "models" object of the user's config file ({"primary": {...}, "fallback": {...} | null}).
class ModelProfiles
{
public:
    ModelProfiles();

    ModelConfig primary() const { return m_primary; }
    std::optional<ModelConfig> fallback() const { return m_fallback; }
    void setPrimary(const ModelConfig &config) { m_primary = config; }
    void setFallback(const std::optional<ModelConfig> &config) { m_fallback = config; }

    // The built-in defaults only.
    static ModelProfiles defaults();
    // Defaults overlaid with `configFile` (which may be empty or missing). On a malformed file
    // the defaults are returned and *error names the problem.
    static ModelProfiles load(const QString &configFile, QString *error);

private:
    ModelConfig m_primary;
    std::optional<ModelConfig> m_fallback;
};
