#pragma once

#include <QRegularExpression>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace onramp {
namespace ui {

// Python colouring for the snippet editor: keywords, built-in constants, strings (triple-quoted ones
// across lines too), comments, numbers and decorators. Colours follow the palette of the editor it is
// given (light and dark mode): call applyPalette() when that changes.
class PythonHighlighter : public QSyntaxHighlighter {
public:
    explicit PythonHighlighter(QTextDocument *document);

    void applyPalette(const QPalette &palette);

protected:
    void highlightBlock(const QString &text) override;

private:
    enum BlockState { Normal = 0, InSingleTriple = 1, InDoubleTriple = 2 };
    // Colours the rest of a triple-quoted string opened on an earlier line; returns where normal text
    // resumes.
    int highlightTripleQuotes(const QString &text);

    QRegularExpression m_keywords;
    QRegularExpression m_constants;
    QRegularExpression m_numbers;
    QRegularExpression m_decorator;
    QTextCharFormat m_keywordFormat;
    QTextCharFormat m_constantFormat;
    QTextCharFormat m_stringFormat;
    QTextCharFormat m_commentFormat;
    QTextCharFormat m_numberFormat;
    QTextCharFormat m_decoratorFormat;
};

} // namespace ui
} // namespace onramp
