#include "benchcorpus.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QStringDecoder>

#include <algorithm>

namespace {

const char *const kCatalogues[] = {"gnome-keyring.mo", "pulseaudio.mo", "gst-plugins-base-1.0.mo"};

quint32 readWord(const QByteArray &data, qsizetype at, bool bigEndian)
{
    if (at < 0 || at + 4 > data.size())
        return 0xffffffffu;
    const auto *p = reinterpret_cast<const uchar *>(data.constData() + at);
    return bigEndian ? (quint32(p[0]) << 24 | quint32(p[1]) << 16 | quint32(p[2]) << 8 | p[3])
                     : (quint32(p[3]) << 24 | quint32(p[2]) << 16 | quint32(p[1]) << 8 | p[0]);
}

bool isUtf8(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    (void)decoder.decode(bytes);
    return !decoder.hasError() && !bytes.contains('\0');
}

} // namespace

bool BenchCorpus::appendCatalogue(const QByteArray &mo, QByteArray *out)
{
    // GNU gettext .mo: magic, revision, count, offset of originals, offset of translations;
    // each table holds (length, offset) pairs.
    const quint32 magic = readWord(mo, 0, false);
    bool bigEndian = false;
    if (magic == 0xde120495u)
        bigEndian = true;
    else if (magic != 0x950412deu)
        return false;
    const quint32 count = readWord(mo, 8, bigEndian);
    const quint32 originals = readWord(mo, 12, bigEndian);
    const quint32 translations = readWord(mo, 16, bigEndian);
    for (quint32 i = 0; i < count; ++i) {
        const quint32 olen = readWord(mo, qsizetype(originals) + 8 * i, bigEndian);
        const quint32 ooff = readWord(mo, qsizetype(originals) + 8 * i + 4, bigEndian);
        const quint32 tlen = readWord(mo, qsizetype(translations) + 8 * i, bigEndian);
        const quint32 toff = readWord(mo, qsizetype(translations) + 8 * i + 4, bigEndian);
        if (qsizetype(ooff) + olen > mo.size() || qsizetype(toff) + tlen > mo.size())
            return false;
        if (olen == 0)
            continue; // the catalogue header
        // Plural forms are separated by NUL bytes; turn them into newlines.
        QByteArray original = mo.mid(ooff, olen).replace('\0', '\n');
        QByteArray translation = mo.mid(toff, tlen).replace('\0', '\n');
        if (!isUtf8(original) || !isUtf8(translation))
            continue;
        *out += original + '\n' + translation + "\n\n";
    }
    return true;
}

QByteArray BenchCorpus::build(QString *error, QStringList *sources)
{
    QByteArray text;
    QStringList used;
    QDir licences(QStringLiteral("/usr/share/common-licenses"));
    QStringList licenceFiles = licences.entryList(QDir::Files, QDir::Name);
    if (!licenceFiles.contains(QLatin1String("GPL-3"))) {
        *error = QStringLiteral("/usr/share/common-licenses/GPL-3 is missing (package base-files)");
        return {};
    }
    for (const QString &name : licenceFiles) {
        QFile f(licences.filePath(name));
        if (f.open(QIODevice::ReadOnly)) {
            const QByteArray bytes = f.readAll();
            if (isUtf8(bytes)) {
                text += bytes + '\n';
                used << f.fileName();
            }
        }
    }
    for (const char *catalogue : kCatalogues) {
        QStringList files;
        QDirIterator it(QStringLiteral("/usr/share/locale"),
                        QStringList{QString::fromLatin1(catalogue)}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext())
            files << it.next();
        std::sort(files.begin(), files.end());
        if (files.size() < 10) {
            *error = QStringLiteral("only %1 translations of %2 under /usr/share/locale; install "
                                    "the packages of scripts/setup-deps.sh")
                         .arg(files.size())
                         .arg(QString::fromLatin1(catalogue));
            return {};
        }
        for (const QString &path : files) {
            QFile f(path);
            if (f.open(QIODevice::ReadOnly) && appendCatalogue(f.readAll(), &text))
                used << path;
        }
    }
    if (sources)
        *sources = used;
    return text;
}
