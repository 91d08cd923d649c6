#pragma once

#include "tokens/encoding.h"
#include "tokens/modeltokeninfo.h"

#include <QString>
#include <QStringList>
#include <QStringView>

// Process-wide access to the encodings: each is loaded (and its sha256 checked) once, on first
// use, from the application's resources; the data is immutable afterwards, so every method is
// safe to call from any thread.
class Tokenizer final
{
public:
    Tokenizer() = delete;

    // The encoding for a model name (exact entry, else longest matching prefix of the model
    // table; unknown names get o200k_base). Never fails: if the rank data cannot be loaded
    // (a broken build), a byte-level stand-in named "unavailable" is returned that counts one
    // token per byte (an upper bound), and the reason is logged and in loadError().
    static const Encoding &forModel(QStringView model);
    // "cl100k_base" or "o200k_base"; nullptr for an unknown name or when loading failed.
    static const Encoding *byName(QStringView encodingName);
    static ModelTokenInfo modelInfo(QStringView model);

    // Loads every encoding on the global thread pool, so that a later first count (say, on the
    // GUI thread) does not wait for it; call it once the user interface is up.
    static void preloadInBackground();

    static QStringList encodingNames();
    // Every entry of the model table, in table order.
    static QList<ModelTokenInfo> knownModels();
    // Why byName() returned nullptr for a known encoding name; empty when it loaded.
    static QString loadError(QStringView encodingName);
};
