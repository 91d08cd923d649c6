#include "prompts/promptrepository.h"
#include "prompts/templaterenderer.h"
#include "store/sqlitestore.h"

#include "tempdatadir.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include <memory>

// The prompt repository over the real SQLite store: seeding v1, versions, template validation at
// save time, immutability, and rendering the shipped context template.
class TestPromptRepository : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void seedsVersionOneOnce();
    void shippedPromptSaysWhatItMust_data();
    void shippedPromptSaysWhatItMust();
    void addsVersionsWithoutTouchingOldOnes();
    void refusesUnknownVariablesAtSaveTime_data();
    void refusesUnknownVariablesAtSaveTime();
    void resolvesVersions();
    void rendersShippedTemplate();
    void rendersMissingValuesAsNone();

private:
    std::unique_ptr<TempDataDir> m_dir;
    std::unique_ptr<SqliteStore> m_store;
};

void TestPromptRepository::init()
{
    m_dir = std::make_unique<TempDataDir>();
    QString error;
    m_store = SqliteStore::open(m_dir->dataDir(), &error);
    QVERIFY2(m_store, qPrintable(error));
}

void TestPromptRepository::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

void TestPromptRepository::seedsVersionOneOnce()
{
    PromptRepository repository(m_store.get());
    QString error;
    QVERIFY2(repository.ensureSeeded(&error), qPrintable(error));
    QVERIFY(repository.ensureSeeded(&error));
    const QList<PromptVersion> versions = repository.versions(PromptRepository::agentPromptName());
    QCOMPARE(versions.size(), 1);
    QCOMPARE(versions.first().version, 1);
    QCOMPARE(versions.first().body, PromptRepository::builtInSystemPrompt());
    QCOMPARE(versions.first().contextTemplate, PromptRepository::builtInContextTemplate());
    QVERIFY(TemplateRenderer().validate(versions.first().contextTemplate).isEmpty());

    // A second process (or restart) over the same data does not seed again.
    m_store.reset();
    m_store = SqliteStore::open(m_dir->dataDir(), &error);
    QVERIFY(m_store);
    PromptRepository again(m_store.get());
    QVERIFY(again.ensureSeeded(&error));
    QCOMPARE(again.versions(PromptRepository::agentPromptName()).size(), 1);
}

void TestPromptRepository::shippedPromptSaysWhatItMust_data()
{
    QTest::addColumn<QString>("phrase");
    QTest::newRow("name") << "VoiceAI";
    QTest::newRow("identifies as an AI") << "Always identify yourself as an AI";
    QTest::newRow("professional yet warm") << "Professional yet warm";
    QTest::newRow("clear and concise") << "Clear and concise";
    QTest::newRow("adaptive") << "Adaptive";
    QTest::newRow("solution-oriented") << "Solution-oriented";
    QTest::newRow("respectful") << "Respectful";
    QTest::newRow("scope") << "Stay within the purpose";
    QTest::newRow("objections") << "# Objections";
    QTest::newRow("opt-out") << "do-not-call list";
    QTest::newRow("ends gracefully") << "End gracefully";
    QTest::newRow("compliance") << "# Compliance";
}

void TestPromptRepository::shippedPromptSaysWhatItMust()
{
    QFETCH(QString, phrase);
    QVERIFY2(PromptRepository::builtInSystemPrompt().contains(phrase, Qt::CaseInsensitive),
             qPrintable(phrase));
}

void TestPromptRepository::addsVersionsWithoutTouchingOldOnes()
{
    PromptRepository repository(m_store.get());
    QVERIFY(repository.ensureSeeded());
    const PromptVersion v1 = *repository.latest(PromptRepository::agentPromptName());

    PromptVersion edited = v1;
    edited.body = v1.body + QStringLiteral("\nNever discuss competitors' prices.");
    edited.version = 1; // ignored: a new version is always added
    edited.note = QStringLiteral("competitor rule");
    QString error;
    QCOMPARE(repository.addVersion(edited, &error), 2);

    const PromptVersion stored1 = *repository.version(PromptRepository::agentPromptName(), 1);
    QCOMPARE(stored1.body, v1.body);
    QCOMPARE(stored1.note, v1.note);
    const PromptVersion latest = *repository.latest(PromptRepository::agentPromptName());
    QCOMPARE(latest.version, 2);
    QVERIFY(latest.body.endsWith(QLatin1String("competitors' prices.")));
    QCOMPARE(latest.note, QStringLiteral("competitor rule"));
    QCOMPARE(repository.versions(PromptRepository::agentPromptName()).size(), 2);
}

void TestPromptRepository::refusesUnknownVariablesAtSaveTime_data()
{
    QTest::addColumn<QString>("templ");
    QTest::addColumn<QString>("mustName");

    QTest::newRow("typo") << "Purpose: ${context.purpose}\nName: ${context.customer_name}"
                          << "\"context.customer_name\"";
    QTest::newRow("line number") << "a\nb\nc ${context.mood}"
                                 << "line 3";
    QTest::newRow("unterminated") << "x ${context.purpose"
                                  << "unterminated";
}

void TestPromptRepository::refusesUnknownVariablesAtSaveTime()
{
    QFETCH(QString, templ);
    QFETCH(QString, mustName);
    PromptRepository repository(m_store.get());
    PromptVersion prompt;
    prompt.name = QStringLiteral("experiment");
    prompt.body = QStringLiteral("You are VoiceAI.");
    prompt.contextTemplate = templ;
    QString error;
    QCOMPARE(repository.addVersion(prompt, &error), -1);
    QVERIFY2(error.contains(mustName), qPrintable(error));
    QVERIFY(repository.versions(QStringLiteral("experiment")).isEmpty());
}

void TestPromptRepository::resolvesVersions()
{
    PromptRepository repository(m_store.get());
    QString error;
    QVERIFY(!repository.resolve(QStringLiteral("nothing"), 0, &error));
    QVERIFY(error.contains(QLatin1String("nothing")));
    QVERIFY(repository.ensureSeeded());
    QCOMPARE(repository.resolve(PromptRepository::agentPromptName(), 0)->version, 1);
    QCOMPARE(repository.resolve(PromptRepository::agentPromptName(), 1)->version, 1);
    QVERIFY(!repository.resolve(PromptRepository::agentPromptName(), 7, &error));
    QVERIFY2(error.contains(QLatin1String("version 7")), qPrintable(error));
}

void TestPromptRepository::rendersShippedTemplate()
{
    PromptRepository repository(m_store.get());
    QVERIFY(repository.ensureSeeded());
    QJsonObject context;
    context.insert(QStringLiteral("purpose"), QStringLiteral("Offer the fibre upgrade"));
    context.insert(QStringLiteral("customerName"), QStringLiteral("Ada Lovelace"));
    context.insert(QStringLiteral("previousInteractions"),
                   QJsonArray{QStringLiteral("2024-05-02: asked about speeds"),
                              QStringLiteral("2024-06-10: billing question")});
    context.insert(QStringLiteral("products"), QJsonArray{QStringLiteral("Fibre 500")});
    context.insert(QStringLiteral("specialInstructions"), QStringLiteral("Prefers mornings"));
    context.insert(QStringLiteral("complianceNotes"),
                   QStringLiteral("Do not mention credit checks"));
    context.insert(QStringLiteral("campaign"), QStringLiteral("Spring upgrade"));
    context.insert(QStringLiteral("language"), QStringLiteral("en-GB"));
    QString error;
    const std::optional<QString> text = PromptRepository::renderContext(
        *repository.latest(PromptRepository::agentPromptName()), context, &error);
    QVERIFY2(text, qPrintable(error));
    for (const char *expected :
         {"Purpose of the call: Offer the fibre upgrade", "Customer name: Ada Lovelace",
          "- 2024-05-02: asked about speeds\n- 2024-06-10: billing question", "- Fibre 500",
          "Prefers mornings", "Do not mention credit checks", "Campaign: Spring upgrade",
          "Language to speak: en-GB"})
        QVERIFY2(text->contains(QLatin1String(expected)), expected);
    QVERIFY(!text->contains(QLatin1String("${")));
    QVERIFY(!text->contains(QLatin1String("(none)")));
}

void TestPromptRepository::rendersMissingValuesAsNone()
{
    PromptVersion prompt;
    prompt.name = PromptRepository::agentPromptName();
    prompt.contextTemplate = PromptRepository::builtInContextTemplate();
    const std::optional<QString> text = PromptRepository::renderContext(
        prompt, QJsonObject{{QStringLiteral("purpose"), QStringLiteral("Survey")}});
    QVERIFY(text);
    QVERIFY(text->contains(QLatin1String("Customer name: (none)")));
    QVERIFY(text->contains(QLatin1String("Previous interactions:\n(none)")));
    QVERIFY(!text->contains(QLatin1String("undefined")));
}

QTEST_GUILESS_MAIN(TestPromptRepository)
#include "tst_promptrepository.moc"
