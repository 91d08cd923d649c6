#include "calls/piicues.h"

#include <QHash>
#include <QStringList>

namespace {

struct Phrase
{
    QStringList words; // lower case
    PiiCue cue = PiiCue::None;
};

using PhraseIndex = QHash<QString, QList<Phrase>>; // keyed by the phrase's last word

void add(PhraseIndex &index, PiiCue cue, std::initializer_list<const char16_t *> phrases)
{
    for (const char16_t *p : phrases) {
        const QStringList words = QString::fromUtf16(p).split(u' ');
        index[words.last()].append(Phrase{words, cue});
    }
}

const PhraseIndex &numberPhrases()
{
    static const PhraseIndex index = [] {
        PhraseIndex i;
        add(i, PiiCue::Phone,
            {u"phone",
             u"phone number",
             u"telephone",
             u"telephone number",
             u"mobile",
             u"mobile number",
             u"cell",
             u"cell number",
             u"cellphone",
             u"landline",
             u"tel",
             u"number",
             u"call me on",
             u"call me at",
             u"call me",
             u"reach me on",
             u"reach me at",
             u"reach me",
             u"text me",
             u"text me on",
             u"whatsapp",
             u"callback number",
             u"call back number",
             u"contact number",
             u"fax",
             u"telefon",
             u"telefonnummer",
             u"handy",
             u"handynummer",
             u"mobilnummer",
             u"mobilfunknummer",
             u"festnetz",
             u"festnetznummer",
             u"rufnummer",
             u"rückrufnummer",
             u"nummer",
             u"erreichbar unter",
             u"erreichen unter",
             u"anrufen unter",
             u"durchwahl"});
        add(i, PiiCue::Account,
            {u"account",
             u"account number",
             u"account no",
             u"acct",
             u"customer number",
             u"customer id",
             u"customer no",
             u"customer reference",
             u"member number",
             u"membership number",
             u"membership id",
             u"contract number",
             u"policy number",
             u"sort code",
             u"routing number",
             u"billing account",
             u"konto",
             u"kontonummer",
             u"kontonr",
             u"kundennummer",
             u"kundennr",
             u"kunden nr",
             u"kundenkennung",
             u"vertragsnummer",
             u"vertragsnr",
             u"mitgliedsnummer",
             u"versicherungsnummer",
             u"versichertennummer",
             u"policennummer",
             u"bankleitzahl",
             u"blz"});
        add(i, PiiCue::Passport,
            {u"passport", u"passport number", u"passport no", u"travel document", u"id card number",
             u"identity card number", u"reisepass", u"reisepassnummer", u"pass", u"passnummer",
             u"ausweis", u"ausweisnummer", u"personalausweis", u"personalausweisnummer"});
        add(i, PiiCue::Ssn, {u"ssn", u"social security", u"social security number"});
        add(i, PiiCue::NationalId,
            {u"steuer id", u"steuernummer", u"steueridentifikationsnummer",
             u"sozialversicherungsnummer", u"rentenversicherungsnummer", u"national insurance",
             u"national insurance number", u"tax id", u"tax number"});
        add(i, PiiCue::NotPersonal,
            {u"order",
             u"order number",
             u"order no",
             u"reference",
             u"reference number",
             u"ref",
             u"ticket",
             u"ticket number",
             u"invoice",
             u"invoice number",
             u"tracking",
             u"tracking number",
             u"confirmation",
             u"confirmation number",
             u"confirmation code",
             u"booking",
             u"booking number",
             u"booking reference",
             u"case number",
             u"item number",
             u"product",
             u"product number",
             u"serial",
             u"serial number",
             u"model number",
             u"claim number",
             u"voucher",
             u"coupon",
             u"promo code",
             u"parcel",
             u"bestellung",
             u"bestellnummer",
             u"bestellnr",
             u"auftrag",
             u"auftragsnummer",
             u"rechnung",
             u"rechnungsnummer",
             u"sendungsnummer",
             u"sendung",
             u"paket",
             u"buchung",
             u"buchungsnummer",
             u"referenz",
             u"referenznummer",
             u"vorgang",
             u"vorgangsnummer",
             u"ticketnummer",
             u"artikelnummer",
             u"bestätigungsnummer",
             u"aktenzeichen",
             u"seriennummer",
             u"gutschein",
             u"gutscheincode"});
        return i;
    }();
    return index;
}

const PhraseIndex &addressPhrases()
{
    static const PhraseIndex index = [] {
        PhraseIndex i;
        add(i, PiiCue::None,
            {u"address",    u"live at",       u"live on",          u"live in",      u"living at",
             u"lives at",   u"moved to",      u"deliver to",       u"delivered to", u"send it to",
             u"ship to",    u"located at",    u"postcode",         u"post code",    u"zip",
             u"zip code",   u"residence",     u"adresse",          u"anschrift",    u"wohne",
             u"wohnen",     u"wohnt",         u"wohnhaft",         u"lebe",         u"umgezogen",
             u"ziehe",      u"lieferadresse", u"rechnungsadresse", u"postleitzahl", u"plz",
             u"liefern an", u"schicken an",   u"senden an",        u"zustellen an"});
        return i;
    }();
    return index;
}

// The longest phrase of `index` whose last word is word k.
const Phrase *phraseEndingAt(const PiiText &text, int k, const PhraseIndex &index)
{
    const auto it = index.constFind(text.lower(k));
    if (it == index.constEnd())
        return nullptr;
    const Phrase *best = nullptr;
    for (const Phrase &phrase : *it) {
        const int first = k - int(phrase.words.size()) + 1;
        if (first >= 0 && (!best || phrase.words.size() > best->words.size()) &&
            text.matches(first, phrase.words))
            best = &phrase;
    }
    return best;
}

// A sentence ends after word k, unless the full stop belongs to an abbreviation ("no.", "Nr.").
bool sentenceEndAfter(const PiiText &text, int k)
{
    static const QStringList abbreviations = {
        QStringLiteral("no"),   QStringLiteral("nr"), QStringLiteral("tel"), QStringLiteral("ref"),
        QStringLiteral("acct"), QStringLiteral("st"), QStringLiteral("str"), QStringLiteral("mr"),
        QStringLiteral("mrs"),  QStringLiteral("ms"), QStringLiteral("dr"),  QStringLiteral("ca")};
    const QStringView gap = text.gapAfter(k);
    if (gap.contains(u'!') || gap.contains(u'?') || gap.contains(u'\n'))
        return true;
    return gap.contains(u'.') && !abbreviations.contains(text.lower(k));
}

bool generic(const Phrase &phrase)
{
    return phrase.words.size() == 1 &&
           (phrase.words.first() == u"number" || phrase.words.first() == u"nummer");
}

} // namespace

PiiCue PiiCues::numberCueBefore(const PiiText &text, int first, int maxWords, int *keyword)
{
    // The gap right before the number is not checked ("account no. 1234"), nor one right after
    // a keyword ("Kundennummer? Ja, 4711 ..."). A bare "number" is a phone number unless a
    // keyword of its own comes before it: "my passport, uh, number is ...".
    const Phrase *fallback = nullptr;
    int fallbackAt = -1;
    for (int k = first - 1; k >= 0 && k >= first - maxWords; --k) {
        if (const Phrase *phrase = phraseEndingAt(text, k, numberPhrases())) {
            if (generic(*phrase) && !fallback) {
                fallback = phrase;
                fallbackAt = k;
            } else if (!generic(*phrase)) {
                if (keyword)
                    *keyword = k;
                return phrase->cue;
            }
        }
        if (k > 0 && sentenceEndAfter(text, k - 1) && !phraseEndingAt(text, k - 1, numberPhrases()))
            break;
    }
    if (keyword && fallback)
        *keyword = fallbackAt;
    return fallback ? fallback->cue : PiiCue::None;
}

bool PiiCues::addressCueBefore(const PiiText &text, int first, int maxWords)
{
    for (int k = first - 1; k >= 0 && k >= first - maxWords; --k) {
        if (phraseEndingAt(text, k, addressPhrases()))
            return true;
    }
    return false;
}

bool PiiCues::emailCueBefore(const PiiText &text, int first, int maxWords)
{
    for (int k = first - 1; k >= 0 && k >= first - maxWords; --k) {
        const QString &w = text.lower(k);
        if (w.endsWith(u"mail") || w.endsWith(u"mails") || w == u"address" ||
            w.endsWith(u"adresse") || w == u"write" || w == u"send" || w == u"schreiben" ||
            w == u"schreib" || w == u"schicken" || w == u"senden" || w == u"contact" ||
            w == u"kontakt")
            return true;
    }
    return false;
}
