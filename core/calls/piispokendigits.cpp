#include "calls/piispokendigits.h"

#include <QHash>

namespace {

enum class Type { Unit, Teen, Tens, Repeat, Hundred, Filler, Plus };

struct Entry
{
    Type type = Type::Unit;
    int value = 0; // the digit, the number (10..19, 20..90) or the repeat count
};

const QHash<QString, Entry> &lexicon()
{
    static const QHash<QString, Entry> words = [] {
        QHash<QString, Entry> w;
        const auto add = [&w](Type type, int value, std::initializer_list<const char16_t *> list) {
            for (const char16_t *word : list)
                w.insert(QString::fromUtf16(word), Entry{type, value});
        };
        add(Type::Unit, 0, {u"zero", u"oh", u"o", u"nought", u"null"});
        add(Type::Unit, 1, {u"one", u"eins"});
        add(Type::Unit, 2, {u"two", u"zwei", u"zwo"});
        add(Type::Unit, 3, {u"three", u"drei"});
        add(Type::Unit, 4, {u"four", u"vier"});
        add(Type::Unit, 5, {u"five", u"fünf", u"fuenf"});
        add(Type::Unit, 6, {u"six", u"sechs"});
        add(Type::Unit, 7, {u"seven", u"sieben"});
        add(Type::Unit, 8, {u"eight", u"acht"});
        add(Type::Unit, 9, {u"nine", u"niner", u"neun"});
        const char16_t *teensEn[] = {u"ten",      u"eleven",  u"twelve",  u"thirteen",
                                     u"fourteen", u"fifteen", u"sixteen", u"seventeen",
                                     u"eighteen", u"nineteen"};
        const char16_t *teensDe[] = {u"zehn",     u"elf",      u"zwölf",    u"dreizehn",
                                     u"vierzehn", u"fünfzehn", u"sechzehn", u"siebzehn",
                                     u"achtzehn", u"neunzehn"};
        for (int k = 0; k < 10; ++k) {
            w.insert(QString::fromUtf16(teensEn[k]), Entry{Type::Teen, 10 + k});
            w.insert(QString::fromUtf16(teensDe[k]), Entry{Type::Teen, 10 + k});
        }
        w.insert(QStringLiteral("zwoelf"), Entry{Type::Teen, 12});
        w.insert(QStringLiteral("fuenfzehn"), Entry{Type::Teen, 15});
        const char16_t *tensEn[] = {u"twenty", u"thirty",  u"forty",  u"fifty",
                                    u"sixty",  u"seventy", u"eighty", u"ninety"};
        const char16_t *tensDe[] = {u"zwanzig", u"dreißig", u"vierzig", u"fünfzig",
                                    u"sechzig", u"siebzig", u"achtzig", u"neunzig"};
        for (int k = 0; k < 8; ++k) {
            w.insert(QString::fromUtf16(tensEn[k]), Entry{Type::Tens, 20 + 10 * k});
            w.insert(QString::fromUtf16(tensDe[k]), Entry{Type::Tens, 20 + 10 * k});
        }
        w.insert(QStringLiteral("dreissig"), Entry{Type::Tens, 30});
        w.insert(QStringLiteral("fuenfzig"), Entry{Type::Tens, 50});
        add(Type::Repeat, 2, {u"double", u"doppel", u"doppelt", u"zweimal"});
        add(Type::Repeat, 3, {u"triple", u"treble", u"dreifach", u"dreimal"});
        add(Type::Hundred, 0, {u"hundred"});
        add(Type::Filler, 0, {u"uh", u"um", u"er", u"erm", u"äh", u"ähm", u"öh", u"hm"});
        add(Type::Plus, 0, {u"plus"});
        return w;
    }();
    return words;
}

// "zweiundvierzig" -> 42, "einundzwanzig" -> 21; 0 if the word is no such compound.
int germanCompound(const QString &word)
{
    const qsizetype und = word.indexOf(QLatin1StringView("und"));
    if (und <= 0)
        return 0;
    const QString unit = word.left(und);
    const auto tens = lexicon().constFind(word.mid(und + 3));
    if (tens == lexicon().constEnd() || tens->type != Type::Tens)
        return 0;
    static const QHash<QString, int> units = {
        {QStringLiteral("ein"), 1},       {QStringLiteral("zwei"), 2},
        {QStringLiteral("drei"), 3},      {QStringLiteral("vier"), 4},
        {QString::fromUtf16(u"fünf"), 5}, {QStringLiteral("fuenf"), 5},
        {QStringLiteral("sechs"), 6},     {QStringLiteral("sieben"), 7},
        {QStringLiteral("acht"), 8},      {QStringLiteral("neun"), 9}};
    const int u = units.value(unit, 0);
    return u ? tens->value + u : 0;
}

bool entryOf(const PiiText &text, int i, Entry *entry)
{
    const QString &w = text.lower(i);
    const auto it = lexicon().constFind(w);
    if (it != lexicon().constEnd()) {
        *entry = *it;
        return true;
    }
    if (const int n = germanCompound(w)) {
        *entry = Entry{Type::Teen, n}; // two digits, like a teen
        return true;
    }
    return false;
}

// Gaps that keep a run going: spaces, and a little punctuation ("four one, one one", "55-12").
bool joins(const PiiText &text, int i)
{
    const QStringView gap = text.gapAfter(i);
    if (i + 1 >= text.size() || gap.isEmpty() || gap.size() > 3)
        return false;
    for (QChar c : gap) {
        if (c != u' ' && c != u',' && c != u'-' && c != QChar(0x2013) && c != u'/' && c != u'.' &&
            c != QChar(0x00A0))
            return false;
    }
    return true;
}

bool isDigitWord(const PiiText &text, int i, int *digit)
{
    Entry e;
    if (entryOf(text, i, &e) && e.type == Type::Unit) {
        *digit = e.value;
        return true;
    }
    if (text.word(i).size() == 1 && text.allDigits(i)) {
        *digit = text.word(i).at(0).unicode() - u'0';
        return true;
    }
    return false;
}

} // namespace

bool PiiSpokenDigits::isSpokenStart(const PiiText &text, int i)
{
    Entry e;
    return entryOf(text, i, &e) && e.type != Type::Filler && e.type != Type::Hundred &&
           !(e.type == Type::Unit && text.lower(i) == u"o");
}

PiiSpokenDigits::Run PiiSpokenDigits::read(const PiiText &text, int first, Mode mode,
                                           int maxSymbols)
{
    Run run;
    run.first = first;
    int k = first;
    const auto append = [&run](QStringView symbols, int word) {
        run.symbols += symbols;
        for (qsizetype n = 0; n < symbols.size(); ++n)
            run.wordOf.append(word);
        run.last = word;
    };
    const qsizetype at = first < text.size() ? text.start(first) : 0;
    if (at > 0 && text.text().at(at - 1) == u'+')
        run.plus = true;
    while (k < text.size() && run.symbols.size() < maxSymbols) {
        if (k > first && !joins(text, k - 1))
            break;
        Entry e;
        const bool known = entryOf(text, k, &e);
        int next = k + 1;
        if (known && e.type == Type::Plus) {
            if (k != first || !joins(text, k))
                break;
            run.plus = true;
            run.last = k;
        } else if (known && e.type == Type::Filler) {
            if (k == first)
                break;
        } else if (known && e.type == Type::Repeat) {
            int digit = 0;
            if (!joins(text, k) || !isDigitWord(text, k + 1, &digit))
                break;
            append(QString(e.value, QChar(u'0' + digit)), k + 1);
            run.spoken = true;
            next = k + 2;
        } else if (known && e.type == Type::Tens) {
            Entry unit;
            // English says the tens first: "forty-five", "forty five".
            if (joins(text, k) && k + 1 < text.size() && entryOf(text, k + 1, &unit) &&
                unit.type == Type::Unit && unit.value > 0 && text.lower(k + 1) != u"o" &&
                text.lower(k + 1) != u"oh") {
                append(QString::number(e.value + unit.value), k + 1);
                next = k + 2;
            } else {
                append(QString::number(e.value), k);
            }
            run.spoken = true;
        } else if (known && e.type == Type::Teen) {
            append(QString::number(e.value), k);
            run.spoken = true;
        } else if (known && e.type == Type::Unit &&
                   !(mode == Mode::Alphanumeric && text.lower(k) == u"o")) {
            append(QString(QChar(u'0' + e.value)), k);
            run.spoken = true;
            Entry hundred;
            if (joins(text, k) && k + 1 < text.size() && entryOf(text, k + 1, &hundred) &&
                hundred.type == Type::Hundred) {
                append(QStringLiteral("00"), k + 1);
                next = k + 2;
            }
        } else if (text.allDigits(k)) {
            append(text.word(k), k);
        } else if (mode == Mode::Alphanumeric &&
                   (text.word(k).size() == 1 || text.hasDigit(k) ||
                    (text.word(k).size() <= 3 && text.word(k).toString().isUpper()))) {
            const QStringView w = text.word(k);
            if (!std::all_of(w.begin(), w.end(), [](QChar c) {
                    return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'z') ||
                           (c >= u'A' && c <= u'Z');
                }))
                break;
            append(w.toString().toUpper(), k);
        } else {
            break;
        }
        k = next;
    }
    // A run never ends on a filler or a bare "plus".
    if (run.symbols.isEmpty())
        run.last = first - 1;
    return run;
}
