#include "secrets/secretinput.h"

#include <cstdio>
#include <termios.h>
#include <unistd.h>

namespace {

QByteArray readLine()
{
    QByteArray line;
    int c = 0;
    while ((c = std::fgetc(stdin)) != EOF && c != '\n')
        line.append(static_cast<char>(c));
    return line;
}

} // namespace

bool SecretInput::stdinIsTerminal()
{
    return ::isatty(STDIN_FILENO) == 1;
}

std::optional<QByteArray> SecretInput::read(const QString &prompt, QString *error)
{
    QByteArray line;
    if (stdinIsTerminal()) {
        std::fputs(prompt.toLocal8Bit().constData(), stderr);
        std::fflush(stderr);
        termios saved{};
        const bool haveTerm = ::tcgetattr(STDIN_FILENO, &saved) == 0;
        if (haveTerm) {
            termios quiet = saved;
            quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
            quiet.c_lflag |= ECHONL;
            ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
        }
        line = readLine();
        if (haveTerm)
            ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
    } else {
        line = readLine();
    }
    line = line.trimmed();
    if (line.isEmpty()) {
        if (error)
            *error = QStringLiteral("no key was given on standard input");
        return std::nullopt;
    }
    return line;
}
