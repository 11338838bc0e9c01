#pragma once

#include "setup/guided/setupevidence.h"

#include <QFrame>
#include <QList>
#include <QPointer>
#include <QString>

class QLabel;
class QTextEdit;

namespace onramp {
namespace ui {

// One line of a terminal card: a prompt with what was typed, or something the program printed.
struct CardLine {
    enum class Kind {
        Command, // prompt + command
        Output,
        Key, // an output line that matters (the node's name, device_count's answer)
        Comment, // Onramp's own note, shown as a shell comment
        Failure,
    };
    Kind kind = Kind::Output;
    QString prompt; // Command: "(base) student@node:~$"
    QString text;
};

struct CardContent {
    QString title; // the card's window title
    bool illustrative = true; // an example from the guide, not the person's own session
    QList<CardLine> lines;

    QString plainText() const; // as a terminal would show it
};

// The step as the guide shows it in its pictures (the commands a person would type at the prompt and
// what they print), built from the evidence the engine recorded: the real login and compute node, the
// real nvidia-smi table, device_count()'s real answer. Before the step ran: the guide's example.
CardContent stepCard(setup::guided::StepId step, const setup::guided::SetupEvidence &evidence,
                     const QString &user);

// A terminal-looking snapshot: a dark, rounded window with a title bar and monospace lines. It always
// looks like a terminal, in light and dark mode alike.
class TerminalCard : public QFrame {
    Q_OBJECT
public:
    explicit TerminalCard(QWidget *parent = nullptr);

    void setContent(const CardContent &content);
    const CardContent &content() const { return m_content; }
    QString text() const { return m_content.plainText(); }

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void fit();
    void updateAccessibleName();

    CardContent m_content;
    int m_longestLine = 0;
    QPointer<QLabel> m_title;
    QPointer<QLabel> m_badge;
    QPointer<QTextEdit> m_view;
};

} // namespace ui
} // namespace onramp
