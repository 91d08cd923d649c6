#include "tokens/tokenizer.h"

#include "tokens/modeltable.h"
#include "tokens/tokenslog.h"

#include <QFile>
#include <QThreadPool>

#include <mutex>

namespace {

// The rank files shipped in resources/tokenizer (origin and hashes:
// resources/tokenizer/SOURCES.md). The hashes are the ones tiktoken itself checks after downloading
// the files.
struct EncodingSpec
{
    QLatin1StringView name;
    QLatin1StringView resource;
    QLatin1StringView sha256;
    Encoding::Split split;
    std::vector<Encoding::SpecialToken> (*specialTokens)();
};

std::vector<Encoding::SpecialToken> cl100kSpecials()
{
    return {{"<|endoftext|>", 100257},
            {"<|fim_prefix|>", 100258},
            {"<|fim_middle|>", 100259},
            {"<|fim_suffix|>", 100260},
            {"<|endofprompt|>", 100276}};
}

std::vector<Encoding::SpecialToken> o200kSpecials()
{
    return {{"<|endoftext|>", 199999}, {"<|endofprompt|>", 200018}};
}

const EncodingSpec kSpecs[] = {
    {QLatin1StringView("cl100k_base"), QLatin1StringView(":/tokenizer/cl100k_base.tiktoken"),
     QLatin1StringView("223921b76ee99bde995b7ff738513eef100fb51d18c93597a113bcffe865b2a7"),
     Encoding::Split::Cl100k, &cl100kSpecials},
    {QLatin1StringView("o200k_base"), QLatin1StringView(":/tokenizer/o200k_base.tiktoken"),
     QLatin1StringView("446a9538cb6c348e3516120d7c08b09f57c36495e2acfffe59a5bf8b0cfb1a2d"),
     Encoding::Split::O200k, &o200kSpecials},
};
constexpr int kSpecCount = int(sizeof(kSpecs) / sizeof(kSpecs[0]));

struct LoadedEncoding
{
    std::once_flag once;
    std::unique_ptr<Encoding> encoding;
    QString error;
};

LoadedEncoding &loaded(int index)
{
    static LoadedEncoding loadedEncodings[kSpecCount];
    return loadedEncodings[index];
}

int specIndex(QStringView name)
{
    for (int i = 0; i < kSpecCount; ++i) {
        if (name.compare(kSpecs[i].name, Qt::CaseInsensitive) == 0)
            return i;
    }
    return -1;
}

LoadedEncoding &load(int index)
{
    LoadedEncoding &slot = loaded(index);
    std::call_once(slot.once, [&slot, index] {
        const EncodingSpec &spec = kSpecs[index];
        QFile file(spec.resource);
        if (!file.open(QIODevice::ReadOnly)) {
            slot.error = QStringLiteral("%1: cannot read %2: %3")
                             .arg(spec.name, spec.resource, file.errorString());
        } else {
            const QByteArray data = file.readAll();
            slot.encoding = Encoding::fromTiktoken(
                spec.name, spec.split, data, QByteArrayView(spec.sha256.data(), spec.sha256.size()),
                spec.specialTokens(), &slot.error);
        }
        if (slot.encoding)
            qCDebug(lcTokens) << "loaded" << spec.name << slot.encoding->mergeableTokenCount()
                              << "tokens";
        else
            qCCritical(lcTokens).noquote() << "token encoding unavailable:" << slot.error;
    });
    return slot;
}

const ModelTable &modelTable()
{
    static const ModelTable table = [] {
        QFile file(QStringLiteral(":/tokenizer/models.json"));
        QString error;
        std::optional<ModelTable> t;
        if (file.open(QIODevice::ReadOnly))
            t = ModelTable::fromJson(file.readAll(), &error);
        else
            error = file.errorString();
        if (!t) {
            qCCritical(lcTokens).noquote() << "model table unavailable:" << error;
            t = ModelTable::fromJson(R"({"fallbackEncoding":"o200k_base","models":[]})", &error);
        }
        return *t;
    }();
    return table;
}

// Stands in when the rank data cannot be loaded: one token per byte, an upper bound.
const Encoding &unavailableEncoding()
{
    static const std::unique_ptr<Encoding> encoding = [] {
        QByteArray ranks;
        for (int b = 0; b < 256; ++b)
            ranks += QByteArray(1, char(b)).toBase64() + ' ' + QByteArray::number(b) + '\n';
        QString error;
        return Encoding::fromTiktoken(QStringLiteral("unavailable"), Encoding::Split::Cl100k, ranks,
                                      {}, {}, &error);
    }();
    return *encoding;
}

} // namespace

const Encoding &Tokenizer::forModel(QStringView model)
{
    const ModelTokenInfo info = modelInfo(model);
    if (const Encoding *e = byName(info.encoding))
        return *e;
    if (const Encoding *e = byName(modelTable().fallbackEncoding()))
        return *e;
    return unavailableEncoding();
}

const Encoding *Tokenizer::byName(QStringView encodingName)
{
    const int index = specIndex(encodingName);
    if (index < 0)
        return nullptr;
    return load(index).encoding.get();
}

ModelTokenInfo Tokenizer::modelInfo(QStringView model)
{
    return modelTable().lookup(model);
}

void Tokenizer::preloadInBackground()
{
    QThreadPool::globalInstance()->start([] {
        for (int i = 0; i < kSpecCount; ++i)
            load(i);
        modelTable();
    });
}

QStringList Tokenizer::encodingNames()
{
    QStringList names;
    for (const EncodingSpec &spec : kSpecs)
        names << spec.name;
    return names;
}

QList<ModelTokenInfo> Tokenizer::knownModels()
{
    return modelTable().entries();
}

QString Tokenizer::loadError(QStringView encodingName)
{
    const int index = specIndex(encodingName);
    if (index < 0)
        return QStringLiteral("unknown encoding \"%1\"").arg(encodingName);
    return load(index).error;
}
