// Prints the PII detector's recall and precision per type on the labelled utterances in
// tests/calls/data/pii-utterances.jsonl (span-level: exact and overlapping matches), and how
// many utterances per second it reads.
//   bench_pii [--corpus FILE] [--rounds N] [--mistakes]
//   bench_pii --text TEXT [--customer NAME]     (what one text becomes on the wire)
#include "piicorpus.h"

#include "calls/piidetector.h"
#include "calls/redactor.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

namespace {

QString percent(double ratio)
{
    return QString::number(100.0 * ratio, 'f', 1) + u'%';
}

void printRow(QTextStream &out, const QString &name, const PiiTally &exact, const PiiTally &overlap)
{
    out << name.leftJustified(14) << QString::number(exact.expected()).rightJustified(6)
        << QString::number(exact.found()).rightJustified(7)
        << QString::number(exact.truePositives).rightJustified(6)
        << QString::number(exact.falsePositives).rightJustified(5)
        << QString::number(exact.falseNegatives).rightJustified(5)
        << percent(exact.precision()).rightJustified(11)
        << percent(exact.recall()).rightJustified(9) << "  | "
        << percent(overlap.precision()).rightJustified(7)
        << percent(overlap.recall()).rightJustified(8) << '\n';
}

int explain(QTextStream &out, const QString &text, const QString &customer)
{
    PrivacySettings settings;
    settings.pseudonymiseCustomerName = !customer.isEmpty();
    Redactor redactor(settings);
    redactor.setCustomerName(customer);
    QList<RedactionMatch> matches;
    out << redactor.redact(text, &matches) << '\n';
    for (const RedactionMatch &m : matches)
        out << "  " << m.placeholder << "  \"" << text.mid(m.start, m.length) << "\"\n";
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("PII detector: recall, precision and speed on the labelled utterances"));
    parser.addHelpOption();
    const QCommandLineOption corpusOption(
        QStringLiteral("corpus"), QStringLiteral("The labelled utterances (JSON lines)."),
        QStringLiteral("file"), QStringLiteral(VOICEAI_PII_CORPUS));
    const QCommandLineOption roundsOption(
        QStringLiteral("rounds"), QStringLiteral("Passes over the utterances for the speed."),
        QStringLiteral("n"), QStringLiteral("200"));
    const QCommandLineOption mistakesOption(QStringLiteral("mistakes"),
                                            QStringLiteral("List every miss and false finding."));
    const QCommandLineOption textOption(QStringLiteral("text"),
                                        QStringLiteral("Redact this text and show the findings."),
                                        QStringLiteral("text"));
    const QCommandLineOption customerOption(QStringLiteral("customer"),
                                            QStringLiteral("The customer's name, pseudonymised."),
                                            QStringLiteral("name"));
    parser.addOptions({corpusOption, roundsOption, mistakesOption, textOption, customerOption});
    parser.process(app);
    QTextStream out(stdout);

    if (parser.isSet(textOption))
        return explain(out, parser.value(textOption), parser.value(customerOption));

    bool roundsOk = false;
    const int rounds = parser.value(roundsOption).toInt(&roundsOk);
    if (!roundsOk || rounds < 1 || rounds > 100000) {
        QTextStream(stderr) << "--rounds: expected a whole number from 1 to 100000\n";
        return 2;
    }
    QString error;
    const auto utterances = PiiCorpus::load(parser.value(corpusOption), &error);
    if (!utterances) {
        QTextStream(stderr) << error << '\n';
        return 1;
    }

    const PiiEvaluation score = PiiCorpus::evaluate(*utterances);
    out << "PII detector on " << utterances->size() << " labelled utterances ("
        << parser.value(corpusOption) << ")\n"
        << "exact: a finding of the labelled type on exactly the labelled characters; "
           "overlap: same type, one shared character\n\n";
    out << "type           spans  found    TP   FP   FN  precision   recall  |  overlap: P"
           "       R\n";
    for (const QString &type : PiiCorpus::typeNames())
        printRow(out, type, score.exact.value(type), score.overlap.value(type));
    printRow(out, QStringLiteral("all"), score.exactTotal, score.overlapTotal);
    out << '\n';
    for (auto it = score.exactByLanguage.begin(); it != score.exactByLanguage.end(); ++it)
        out << "language " << it.key() << ": precision " << percent(it->precision()) << ", recall "
            << percent(it->recall()) << " (" << it->expected() << " spans)\n";
    for (auto it = score.exactBySplit.begin(); it != score.exactBySplit.end(); ++it)
        out << "split " << it.key() << ": precision " << percent(it->precision()) << ", recall "
            << percent(it->recall()) << " (" << it->expected() << " spans)\n";
    out << "hard negatives: " << score.negatives << " utterances, " << score.negativesFlagged
        << " with a finding\n";

    // Speed: the detector alone, as the redactor calls it, over every utterance.
    qint64 characters = 0;
    for (const PiiCorpusUtterance &u : *utterances)
        characters += u.text.size();
    qsizetype sink = 0;
    QElapsedTimer timer;
    timer.start();
    for (int round = 0; round < rounds; ++round) {
        for (const PiiCorpusUtterance &u : *utterances) {
            PiiDetectorOptions options;
            options.customerName = u.customer;
            options.reportCustomerName = !u.customer.isEmpty();
            sink += PiiDetector::detect(u.text, options).size();
        }
    }
    const double seconds = std::max<qint64>(1, timer.nsecsElapsed()) / 1e9;
    const double perSecond = rounds * double(utterances->size()) / seconds;
    out << "throughput: " << QString::number(perSecond, 'f', 0) << " utterances/s, "
        << QString::number(rounds * double(characters) / seconds / 1e6, 'f', 2)
        << " M characters/s (" << rounds << " rounds, " << QString::number(seconds, 'f', 2)
        << " s, " << sink / rounds << " findings per round)\n";

    if (parser.isSet(mistakesOption)) {
        out << "\nmistakes (exact rule):\n";
        for (const QString &line : score.mistakes)
            out << "  " << line << '\n';
    }
    return 0;
}
