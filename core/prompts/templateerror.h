#pragma once

#include <QString>

// Why a context template was refused or could not be rendered: the offending variable (if any)
// and where it is (1-based line and column).
struct TemplateError
{
    QString variable; // e.g. "context.customerNmae"; empty for syntax errors
    int line = 0;
    int column = 0;
    QString message; // human readable, names the variable and the line

    bool isError() const { return !message.isEmpty(); }
};
