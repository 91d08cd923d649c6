#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

// Builds the benchmark's multilingual text deterministically from files every machine set up
// by scripts/setup-deps.sh has: the licence texts of base-files and the message catalogues
// (.mo, original and translation) of gnome-keyring, pulseaudio and gst-plugins-base, in
// sorted path order.
class BenchCorpus final
{
public:
    // Returns an empty array and sets *error (naming what is missing) when the files are absent.
    static QByteArray build(QString *error, QStringList *sources = nullptr);

private:
    static bool appendCatalogue(const QByteArray &mo, QByteArray *out);
};
