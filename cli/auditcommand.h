#pragma once

#include <QStringList>

// voiceai-cli audit verify|list: checks and shows the hash-chained audit trail.
int runAuditCommand(const QStringList &arguments);
