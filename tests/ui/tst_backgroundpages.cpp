// BackgroundPages: the four topics are listed, the selected one's title and text are shown, and the
// keyboard moves between them; the setup page's button opens them without blocking the window.
#include "ui/setup/backgroundpages.h"
#include "ui/setup/setuppage.h"

#include "../support/screenshots.h"

#include <QDialog>
#include <QDir>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTextBrowser>

using onramp::ui::BackgroundPages;

class TestBackgroundPages : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void listsFourTopics();
    void showsSelectedTopic_data();
    void showsSelectedTopic();
    void keyboardChangesPage();
    void setupPageOpensDialog();
};

void TestBackgroundPages::listsFourTopics()
{
    BackgroundPages pages;
    QCOMPARE(pages.objectName(), QStringLiteral("backgroundPages"));
    auto *topics = pages.findChild<QListWidget *>(QStringLiteral("backgroundTopics"));
    QVERIFY(topics);
    QCOMPARE(topics->count(), 4);
    QCOMPARE(topics->item(0)->text(), QStringLiteral("Why Python"));
    QCOMPARE(topics->item(1)->text(), QStringLiteral("Why not Matlab"));
    QCOMPARE(topics->item(2)->text(), QStringLiteral("PyTorch or TensorFlow"));
    QCOMPARE(topics->item(3)->text(), QStringLiteral("Why conda and Miniconda"));
    QCOMPARE(pages.currentTopic(), BackgroundPages::WhyPython);
}

void TestBackgroundPages::showsSelectedTopic_data()
{
    QTest::addColumn<int>("topic");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("phrase");
    QTest::newRow("python") << int(BackgroundPages::WhyPython) << QStringLiteral("Why Python")
                            << QStringLiteral("open-source community");
    QTest::newRow("matlab") << int(BackgroundPages::WhyNotMatlab) << QStringLiteral("Why not Matlab")
                            << QStringLiteral("commercially licensed");
    QTest::newRow("frameworks") << int(BackgroundPages::PyTorchOrTensorFlow)
                                << QStringLiteral("PyTorch or TensorFlow") << QStringLiteral("new papers");
    QTest::newRow("conda") << int(BackgroundPages::WhyConda) << QStringLiteral("Why conda and Miniconda")
                           << QStringLiteral("Miniconda is its small, free core");
}

void TestBackgroundPages::showsSelectedTopic()
{
    QFETCH(int, topic);
    QFETCH(QString, title);
    QFETCH(QString, phrase);

    BackgroundPages pages;
    auto *text = pages.findChild<QTextBrowser *>(QStringLiteral("backgroundText"));
    QVERIFY(text);
    pages.setCurrentTopic(static_cast<BackgroundPages::Topic>(topic));
    QCOMPARE(int(pages.currentTopic()), topic);
    const QString shown = text->toPlainText();
    QVERIFY2(shown.startsWith(title), qPrintable(shown));
    QVERIFY2(shown.contains(phrase), qPrintable(shown));
    if (topic == 0) {
        pages.resize(820, 480);
        QVERIFY(onramp::testing::saveInBothLanguages(&pages, QStringLiteral("background")));
    }
    // One topic at a time: no other page's title is in the text.
    for (int other = 0; other < BackgroundPages::TopicCount; ++other) {
        if (other != topic)
            QVERIFY(!shown.contains(BackgroundPages::topicTitle(static_cast<BackgroundPages::Topic>(other))));
    }
}

void TestBackgroundPages::keyboardChangesPage()
{
    BackgroundPages pages;
    pages.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pages));
    auto *topics = pages.findChild<QListWidget *>(QStringLiteral("backgroundTopics"));
    auto *text = pages.findChild<QTextBrowser *>(QStringLiteral("backgroundText"));
    QSignalSpy changed(&pages, &BackgroundPages::currentTopicChanged);

    topics->setFocus();
    QTest::keyClick(topics, Qt::Key_Down);
    QCOMPARE(pages.currentTopic(), BackgroundPages::WhyNotMatlab);
    QVERIFY(text->toPlainText().startsWith(QStringLiteral("Why not Matlab")));
    QTest::keyClick(topics, Qt::Key_End);
    QCOMPARE(pages.currentTopic(), BackgroundPages::WhyConda);
    QVERIFY(text->toPlainText().startsWith(QStringLiteral("Why conda and Miniconda")));
    QTest::keyClick(topics, Qt::Key_Up);
    QCOMPARE(pages.currentTopic(), BackgroundPages::PyTorchOrTensorFlow);
    QVERIFY(text->toPlainText().startsWith(QStringLiteral("PyTorch or TensorFlow")));
    QCOMPARE(changed.count(), 3);
}

void TestBackgroundPages::setupPageOpensDialog()
{
    onramp::ui::SetupPage page;
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    auto *button = page.findChild<QPushButton *>(QStringLiteral("backgroundButton"));
    QVERIFY(button);
    QVERIFY(button->isEnabled());
    QTest::mouseClick(button, Qt::LeftButton);
    auto *dialog = page.findChild<QDialog *>(QStringLiteral("backgroundDialog"));
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QVERIFY(!dialog->isModal());
    QVERIFY(dialog->findChild<BackgroundPages *>(QStringLiteral("backgroundPages")));
    // A second click brings back the same dialog rather than stacking another.
    dialog->close();
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(page.findChildren<QDialog *>(QStringLiteral("backgroundDialog")).size(), 1);
    QTRY_VERIFY(dialog->isVisible());
}

QTEST_MAIN(TestBackgroundPages)
#include "tst_backgroundpages.moc"
