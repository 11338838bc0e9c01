#include "ui/setup/backgroundpages.h"

#include "ui/retranslate.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QListWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace onramp {
namespace ui {

BackgroundPages::BackgroundPages(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("backgroundPages"));

    m_topics = new QListWidget(this);
    m_topics->setObjectName(QStringLiteral("backgroundTopics"));
    for (int topic = 0; topic < TopicCount; ++topic)
        m_topics->addItem(QString());

    m_text = new QTextBrowser(this);
    m_text->setObjectName(QStringLiteral("backgroundText"));
    m_text->setOpenLinks(false);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_topics);
    layout->addWidget(m_text, 1);

    connect(m_topics, &QListWidget::currentRowChanged, this, &BackgroundPages::showTopic);
    m_topics->setCurrentRow(WhyPython);
    setFocusProxy(m_topics);
    bindTranslation(this, [this] {
        m_topics->setAccessibleName(tr("Background topics"));
        m_text->setAccessibleName(tr("Background page"));
        for (int topic = 0; topic < TopicCount; ++topic)
            m_topics->item(topic)->setText(topicTitle(static_cast<Topic>(topic)));
        // Wide enough for the longest title; the text gets the rest.
        m_topics->setMaximumWidth(m_topics->sizeHintForColumn(0) + 4 * m_topics->frameWidth() + 24);
        // The page again, without announcing a change of topic.
        m_text->setHtml(topicHtml(currentTopic()));
    });
}

QString BackgroundPages::topicTitle(Topic topic)
{
    switch (topic) {
    case WhyPython:
        return tr("Why Python");
    case WhyNotMatlab:
        return tr("Why not Matlab");
    case PyTorchOrTensorFlow:
        return tr("PyTorch or TensorFlow");
    case WhyConda:
        return tr("Why conda and Miniconda");
    case TopicCount:
        break;
    }
    return {};
}

QStringList BackgroundPages::paragraphs(Topic topic)
{
    switch (topic) {
    case WhyPython:
        return {
            tr("Most of the machine learning and data science world works in Python: the examples, "
               "tutorials and code published with papers are nearly all written in it."),
            tr("The language is easy to pick up and to read, so your time goes into the idea you are "
               "testing rather than into the details of the code."),
            tr("A large open-source community keeps adding libraries, so for most problems a good, "
               "tested solution already exists."),
            tr("Python itself is not fast, but the heavy work (matrix maths, training on the GPU) runs "
               "in compiled libraries underneath, so this rarely matters in practice."),
        };
    case WhyNotMatlab:
        return {
            tr("Machine learning frameworks are built for Python first (and C++ or Java next); Matlab "
               "is rarely the language they target."),
            tr("Matlab's early support for machine learning was thin, and as a closed, commercially "
               "licensed product it was hard to share and run everywhere."),
            tr("Its support is good today, but the community had already settled on Python, so that is "
               "where the code, help and new methods are."),
        };
    case PyTorchOrTensorFlow:
        return {
            tr("Most current machine learning research is done in PyTorch or TensorFlow; knowing at "
               "least one of them is part of the basic toolkit in the field."),
            tr("Fewer and fewer new papers use other frameworks, and the code released with papers "
               "is overwhelmingly written for these two."),
            tr("The guided setup installs PyTorch; TensorFlow can be added to the same environment "
               "later if a project needs it."),
        };
    case WhyConda:
        return {
            tr("Conda saves you from the hardest part of the work: getting Python, the framework and "
               "the CUDA libraries to fit together. It picks versions that work with each other."),
            tr("It does three jobs: it provides Python itself, it installs packages from online "
               "channels, and it keeps separate environments so one project's versions do not break "
               "another's."),
            tr("Anaconda is the large distribution that comes with hundreds of packages. Miniconda is "
               "its small, free core: just conda and Python, and you add only what you need."),
            tr("Miniconda is a quick way to get a clean Python on your own computer. On a cluster, "
               "conda is often already there; the setup looks for it first and only creates your "
               "environment with it."),
        };
    case TopicCount:
        break;
    }
    return {};
}

QString BackgroundPages::topicHtml(Topic topic)
{
    QString html = QStringLiteral("<h2>%1</h2>").arg(topicTitle(topic).toHtmlEscaped());
    for (const QString &paragraph : paragraphs(topic))
        html += QStringLiteral("<p>%1</p>").arg(paragraph.toHtmlEscaped());
    return html;
}

BackgroundPages::Topic BackgroundPages::currentTopic() const
{
    const int row = m_topics->currentRow();
    return row >= 0 && row < TopicCount ? static_cast<Topic>(row) : WhyPython;
}

void BackgroundPages::setCurrentTopic(Topic topic)
{
    m_topics->setCurrentRow(topic);
}

void BackgroundPages::showTopic(int row)
{
    if (row < 0 || row >= TopicCount)
        return;
    const auto topic = static_cast<Topic>(row);
    m_text->setHtml(topicHtml(topic));
    Q_EMIT currentTopicChanged(topic);
}

QDialog *BackgroundPages::showDialog(QWidget *parent)
{
    auto *dialog
        = parent->findChild<QDialog *>(QStringLiteral("backgroundDialog"), Qt::FindDirectChildrenOnly);
    if (!dialog) {
        dialog = new QDialog(parent);
        dialog->setObjectName(QStringLiteral("backgroundDialog"));
        bindTranslation(dialog, [dialog] { dialog->setWindowTitle(tr("Background")); });
        // Non-modal: the person can read while the setup runs.
        dialog->setModal(false);
        auto *pages = new BackgroundPages(dialog);
        auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
        connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::close);
        auto *layout = new QVBoxLayout(dialog);
        layout->addWidget(pages, 1);
        layout->addWidget(buttons);
        dialog->resize(640, 380);
    }
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
    return dialog;
}

} // namespace ui
} // namespace onramp
