#include "cli/tokenscommand.h"

#include "cli/cliio.h"
#include "cli/commandtable.h"
#include "tokens/tokenizer.h"

#include <QCommandLineParser>
#include <QFile>

namespace {

int usageError(const QString &message)
{
    CliIo::err() << "voiceai-cli tokens: " << message << '\n';
    CliIo::err().flush();
    return ExitUsage;
}

int listModels()
{
    QTextStream &out = CliIo::out();
    for (const ModelTokenInfo &m : Tokenizer::knownModels())
        out << m.model.leftJustified(24) << ' ' << m.encoding.leftJustified(12) << ' '
            << m.contextWindow << '\n';
    out.flush();
    return ExitOk;
}

int count(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Counts the tokens of a UTF-8 text file (or standard input) exactly as tiktoken does."));
    parser.addHelpOption();
    const QCommandLineOption modelOption(
        QStringLiteral("model"), QStringLiteral("Model whose encoding to use (default gpt-4o)."),
        QStringLiteral("model"));
    const QCommandLineOption encodingOption(QStringLiteral("encoding"),
                                            QStringLiteral("Encoding: cl100k_base or o200k_base."),
                                            QStringLiteral("encoding"));
    const QCommandLineOption idsOption(QStringLiteral("ids"),
                                       QStringLiteral("Also print the token ids."));
    parser.addOptions({modelOption, encodingOption, idsOption});
    parser.addPositionalArgument(QStringLiteral("file"),
                                 QStringLiteral("Text file; '-' or nothing for standard input."));
    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        CliIo::out() << parser.helpText();
        CliIo::out().flush();
        return ExitOk;
    }
    if (parser.isSet(modelOption) && parser.isSet(encodingOption))
        return usageError(QStringLiteral("use either --model or --encoding, not both"));
    if (parser.positionalArguments().size() > 1)
        return usageError(QStringLiteral("give at most one file"));

    const Encoding *encoding = nullptr;
    if (parser.isSet(encodingOption)) {
        const QString name = parser.value(encodingOption);
        if (!Tokenizer::encodingNames().contains(name))
            return usageError(
                QStringLiteral("unknown encoding \"%1\" (known: %2)")
                    .arg(name, Tokenizer::encodingNames().join(QStringLiteral(", "))));
        encoding = Tokenizer::byName(name);
        if (!encoding) {
            CliIo::err() << "voiceai-cli tokens: " << Tokenizer::loadError(name) << '\n';
            return ExitFailure;
        }
    } else {
        const QString model =
            parser.isSet(modelOption) ? parser.value(modelOption) : QStringLiteral("gpt-4o");
        const ModelTokenInfo info = Tokenizer::modelInfo(model);
        encoding = Tokenizer::byName(info.encoding);
        if (!encoding) {
            CliIo::err() << "voiceai-cli tokens: " << Tokenizer::loadError(info.encoding) << '\n';
            return ExitFailure;
        }
        if (!info.known)
            CliIo::err() << "voiceai-cli tokens: unknown model \"" << model << "\", using "
                         << info.encoding << '\n';
    }

    const QString path = parser.positionalArguments().value(0, QStringLiteral("-"));
    QFile file;
    bool opened = false;
    if (path == QLatin1String("-")) {
        opened = file.open(stdin, QIODevice::ReadOnly);
    } else {
        file.setFileName(path);
        opened = file.open(QIODevice::ReadOnly);
    }
    if (!opened)
        return usageError(QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    const QByteArray text = file.readAll();

    QTextStream &out = CliIo::out();
    if (parser.isSet(idsOption)) {
        const std::vector<quint32> ids = encoding->encode(QByteArrayView(text));
        out << ids.size() << '\n';
        QString line;
        line.reserve(qsizetype(ids.size()) * 7);
        for (size_t i = 0; i < ids.size(); ++i) {
            if (i)
                line += QLatin1Char(' ');
            line += QString::number(ids[i]);
        }
        out << line << '\n';
    } else {
        out << encoding->count(QByteArrayView(text)) << '\n';
    }
    out.flush();
    return ExitOk;
}

} // namespace

int runTokensCommand(const QStringList &arguments)
{
    const QString sub = arguments.value(1);
    if (sub == QLatin1String("count"))
        return count(arguments.mid(1));
    if (sub == QLatin1String("models"))
        return listModels();
    if (sub == QLatin1String("--help") || sub == QLatin1String("-h")) {
        CliIo::out() << "Usage: voiceai-cli tokens count [--model M | --encoding E] [--ids] "
                        "[FILE|-]\n       voiceai-cli tokens models\n";
        CliIo::out().flush();
        return ExitOk;
    }
    return usageError(sub.isEmpty() ? QStringLiteral("missing sub-command (count or models)")
                                    : QStringLiteral("unknown sub-command \"%1\"").arg(sub));
}
