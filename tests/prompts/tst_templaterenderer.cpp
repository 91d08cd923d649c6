#include "prompts/templaterenderer.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

// Context templates: variables, lists, "(none)" for missing values, refusal of unknown names.
class TestTemplateRenderer : public QObject
{
    Q_OBJECT

private slots:
    void rendersValues_data();
    void rendersValues();
    void refusesBadTemplates_data();
    void refusesBadTemplates();
    void reportsEveryProblem();
    void listsVariablesUsed();
    void nestedMapsAndJsonAgree();
    void customVariableSet();
};

static QJsonObject sampleContext()
{
    QJsonObject context;
    context.insert(QStringLiteral("purpose"), QStringLiteral("Renew the broadband contract"));
    context.insert(QStringLiteral("customerName"), QStringLiteral("Ada Lovelace"));
    context.insert(QStringLiteral("products"),
                   QJsonArray{QStringLiteral("Fibre 500"), QStringLiteral("TV Plus")});
    context.insert(QStringLiteral("previousInteractions"), QJsonArray{});
    context.insert(QStringLiteral("specialInstructions"), QStringLiteral("   "));
    context.insert(QStringLiteral("language"), QStringLiteral("en"));
    return context;
}

void TestTemplateRenderer::rendersValues_data()
{
    QTest::addColumn<QString>("templ");
    QTest::addColumn<QString>("expected");

    QTest::newRow("plain text") << "No variables here."
                                << "No variables here.";
    QTest::newRow("one variable") << "Purpose: ${context.purpose}"
                                  << "Purpose: Renew the broadband contract";
    QTest::newRow("spaces inside braces") << "${ context.customerName }"
                                          << "Ada Lovelace";
    QTest::newRow("two on a line") << "${context.customerName} (${context.language})"
                                   << "Ada Lovelace (en)";
    QTest::newRow("list as bullets") << "Products:\n${context.products}\nEnd"
                                     << "Products:\n- Fibre 500\n- TV Plus\nEnd";
    QTest::newRow("empty list") << "History: ${context.previousInteractions}"
                                << "History: (none)";
    QTest::newRow("missing value") << "Campaign: ${context.campaign}"
                                   << "Campaign: (none)";
    QTest::newRow("blank value") << "Notes: ${context.specialInstructions}"
                                 << "Notes: (none)";
    QTest::newRow("dollar amounts stay") << "Costs $5 and $ 6, ${context.language}"
                                         << "Costs $5 and $ 6, en";
    QTest::newRow("escaped") << "Write $${context.purpose} literally"
                             << "Write ${context.purpose} literally";
    QTest::newRow("escape then variable") << "$${x} ${context.language}"
                                          << "${x} en";
    QTest::newRow("empty template") << ""
                                    << "";
    QTest::newRow("unicode around") << "Grüße, ${context.customerName} — ✓"
                                    << "Grüße, Ada Lovelace — ✓";
}

void TestTemplateRenderer::rendersValues()
{
    QFETCH(QString, templ);
    QFETCH(QString, expected);
    TemplateRenderer renderer;
    TemplateError error;
    const std::optional<QString> text = renderer.renderContext(templ, sampleContext(), &error);
    QVERIFY2(text.has_value(), qPrintable(error.message));
    QCOMPARE(*text, expected);
    QVERIFY(!text->contains(QLatin1String("undefined")));
}

void TestTemplateRenderer::refusesBadTemplates_data()
{
    QTest::addColumn<QString>("templ");
    QTest::addColumn<QString>("variable");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");

    QTest::newRow("unknown on line 1") << "Hi ${context.nmae}"
                                       << "context.nmae" << 1 << 4;
    QTest::newRow("unknown on line 3") << "Purpose: ${context.purpose}\n\nBudget: ${context.budget}"
                                       << "context.budget" << 3 << 9;
    QTest::newRow("no namespace") << "${purpose}"
                                  << "purpose" << 1 << 1;
    QTest::newRow("other namespace") << "line1\n  ${customer.name}"
                                     << "customer.name" << 2 << 3;
    QTest::newRow("case matters") << "${context.Purpose}"
                                  << "context.Purpose" << 1 << 1;
    QTest::newRow("unterminated") << "a\nb ${context.purpose\nc"
                                  << "context.purpose" << 2 << 3;
    QTest::newRow("unterminated at end") << "${context.purpose"
                                         << "context.purpose" << 1 << 1;
    QTest::newRow("empty name") << "x ${}"
                                << "" << 1 << 3;
    QTest::newRow("bad characters") << "${context.pur-pose}"
                                    << "context.pur-pose" << 1 << 1;
    QTest::newRow("double dot") << "\n\n\n${context..purpose}"
                                << "context..purpose" << 4 << 1;
}

void TestTemplateRenderer::refusesBadTemplates()
{
    QFETCH(QString, templ);
    QFETCH(QString, variable);
    QFETCH(int, line);
    QFETCH(int, column);
    TemplateRenderer renderer;

    const QList<TemplateError> errors = renderer.validate(templ);
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.first().variable, variable);
    QCOMPARE(errors.first().line, line);
    QCOMPARE(errors.first().column, column);
    QVERIFY2(errors.first().message.contains(QStringLiteral("line %1").arg(line)),
             qPrintable(errors.first().message));
    if (!variable.isEmpty())
        QVERIFY2(errors.first().message.contains(variable), qPrintable(errors.first().message));

    TemplateError error;
    QVERIFY(!renderer.renderContext(templ, sampleContext(), &error).has_value());
    QCOMPARE(error.variable, variable);
    QCOMPARE(error.line, line);
}

void TestTemplateRenderer::reportsEveryProblem()
{
    const QString templ = QStringLiteral("${context.a}\n${context.purpose}\n${context.b} ${x");
    const QList<TemplateError> errors = TemplateRenderer().validate(templ);
    QCOMPARE(errors.size(), 3);
    QCOMPARE(errors.at(0).variable, QStringLiteral("context.a"));
    QCOMPARE(errors.at(0).line, 1);
    QCOMPARE(errors.at(1).variable, QStringLiteral("context.b"));
    QCOMPARE(errors.at(1).line, 3);
    QVERIFY(errors.at(2).message.contains(QLatin1String("unterminated")));
}

void TestTemplateRenderer::listsVariablesUsed()
{
    const QStringList used = TemplateRenderer().variablesUsed(
        QStringLiteral("${context.purpose} ${context.products} ${context.purpose} $${context.x}"));
    QCOMPARE(used,
             (QStringList{QStringLiteral("context.purpose"), QStringLiteral("context.products")}));
}

void TestTemplateRenderer::nestedMapsAndJsonAgree()
{
    const QString templ = QStringLiteral("${context.customerName}: ${context.products}");
    QVariantMap context;
    context.insert(QStringLiteral("customerName"), QStringLiteral("Ada Lovelace"));
    context.insert(QStringLiteral("products"),
                   QStringList{QStringLiteral("Fibre 500"), QStringLiteral("TV Plus")});
    QVariantMap root;
    root.insert(QStringLiteral("context"), context);
    TemplateRenderer renderer;
    const std::optional<QString> fromMap = renderer.render(templ, root);
    const std::optional<QString> fromJson = renderer.renderContext(templ, sampleContext());
    QVERIFY(fromMap && fromJson);
    QCOMPARE(*fromMap, *fromJson);
}

void TestTemplateRenderer::customVariableSet()
{
    TemplateRenderer renderer({QStringLiteral("persona.mood")});
    QVERIFY(renderer.validate(QStringLiteral("${persona.mood}")).isEmpty());
    QCOMPARE(renderer.validate(QStringLiteral("${context.purpose}")).size(), 1);
    QVariantMap persona{{QStringLiteral("mood"), QStringLiteral("grumpy")}};
    QCOMPARE(renderer.render(QStringLiteral("${persona.mood}"),
                             QVariantMap{{QStringLiteral("persona"), persona}}),
             std::optional<QString>(QStringLiteral("grumpy")));
}

QTEST_GUILESS_MAIN(TestTemplateRenderer)
#include "tst_templaterenderer.moc"
