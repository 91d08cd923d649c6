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

// Phrases separated by '|', their words by spaces: u"phone|phone number|call me on".
void add(PhraseIndex &index, PiiCue cue, QStringView phrases)
{
    for (QStringView phrase : phrases.split(u'|', Qt::SkipEmptyParts)) {
        const QStringList words = phrase.toString().split(u' ');
        index[words.last()].append(Phrase{words, cue});
    }
}

const PhraseIndex &numberPhrases()
{
    static const PhraseIndex index = [] {
        PhraseIndex i;
        add(i, PiiCue::Phone,
            u"phone|phone number|telephone|telephone number|mobile|mobile number|cell|"
            u"cell number|cellphone|landline|tel|number|call me on|call me at|call me|"
            u"reach me on|reach me at|reach me|text me|text me on|whatsapp|callback number|"
            u"call back number|contact number|fax|telefon|telefonnummer|handy|handynummer|"
            u"mobilnummer|mobilfunknummer|festnetz|festnetznummer|rufnummer|rückrufnummer|"
            u"nummer|erreichbar unter|erreichen unter|anrufen unter|durchwahl");
        add(i, PiiCue::Account,
            u"account|account number|account no|acct|customer number|customer id|customer no|"
            u"customer reference|member number|membership number|membership id|"
            u"contract number|policy number|sort code|routing number|billing account|konto|"
            u"kontonummer|kontonr|kundennummer|kundennr|kunden nr|kundenkennung|"
            u"vertragsnummer|vertragsnr|mitgliedsnummer|versicherungsnummer|"
            u"versichertennummer|policennummer|bankleitzahl|blz");
        add(i, PiiCue::Passport,
            u"passport|passport number|passport no|travel document|id card number|"
            u"identity card number|reisepass|reisepassnummer|pass|passnummer|ausweis|"
            u"ausweisnummer|personalausweis|personalausweisnummer");
        add(i, PiiCue::Ssn, u"ssn|social security|social security number");
        add(i, PiiCue::NationalId,
            u"steuer id|steuernummer|steueridentifikationsnummer|sozialversicherungsnummer|"
            u"rentenversicherungsnummer|national insurance|national insurance number|tax id|"
            u"tax number");
        add(i, PiiCue::NotPersonal,
            u"order|order number|order no|reference|reference number|ref|ticket|"
            u"ticket number|invoice|invoice number|tracking|tracking number|confirmation|"
            u"confirmation number|confirmation code|booking|booking number|booking reference|"
            u"case number|item number|product|product number|serial|serial number|"
            u"model number|claim number|voucher|coupon|promo code|parcel|bestellung|"
            u"bestellnummer|bestellnr|auftrag|auftragsnummer|rechnung|rechnungsnummer|"
            u"sendungsnummer|sendung|paket|buchung|buchungsnummer|referenz|referenznummer|"
            u"vorgang|vorgangsnummer|ticketnummer|artikelnummer|bestätigungsnummer|"
            u"aktenzeichen|seriennummer|gutschein|gutscheincode");
        return i;
    }();
    return index;
}

const PhraseIndex &addressPhrases()
{
    static const PhraseIndex index = [] {
        PhraseIndex i;
        add(i, PiiCue::None,
            u"address|live at|live on|live in|living at|lives at|moved to|deliver to|"
            u"delivered to|send it to|ship to|located at|postcode|post code|zip|zip code|"
            u"residence|adresse|anschrift|wohne|wohnen|wohnt|wohnhaft|lebe|umgezogen|ziehe|"
            u"lieferadresse|rechnungsadresse|postleitzahl|plz|liefern an|schicken an|"
            u"senden an|zustellen an");
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
