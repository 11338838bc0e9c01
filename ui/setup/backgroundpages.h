#pragma once

#include <QPointer>
#include <QWidget>

class QDialog;
class QListWidget;
class QTextBrowser;

namespace onramp {
namespace ui {

// Four short pages on why the setup installs what it does: Python, not Matlab, PyTorch or
// TensorFlow, and conda through Miniconda. A list of the topics and the selected one beside it; the
// text is built from one tr() per paragraph so each translation unit stays short.
class BackgroundPages : public QWidget {
    Q_OBJECT
public:
    enum Topic { WhyPython, WhyNotMatlab, PyTorchOrTensorFlow, WhyConda, TopicCount };

    explicit BackgroundPages(QWidget *parent = nullptr);

    static QString topicTitle(Topic topic);
    // The page as HTML: its title as a heading, then its paragraphs.
    static QString topicHtml(Topic topic);

    Topic currentTopic() const;
    void setCurrentTopic(Topic topic);

    // Shows the pages in a non-modal dialog owned by parent, reusing the one already open.
    static QDialog *showDialog(QWidget *parent);

Q_SIGNALS:
    void currentTopicChanged(onramp::ui::BackgroundPages::Topic topic);

private:
    static QStringList paragraphs(Topic topic);
    void showTopic(int row);

    QPointer<QListWidget> m_topics;
    QPointer<QTextBrowser> m_text;
};

} // namespace ui
} // namespace onramp
