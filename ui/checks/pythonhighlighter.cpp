#include "ui/checks/pythonhighlighter.h"

#include "ui/theme.h"

#include <QPalette>

namespace onramp {
namespace ui {

PythonHighlighter::PythonHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document),
      m_keywords(QStringLiteral(
          "\\b(and|as|assert|async|await|break|class|continue|def|del|elif|else|except|finally|for|from|"
          "global|if|import|in|is|lambda|match|case|nonlocal|not|or|pass|raise|return|try|while|with|"
          "yield)\\b")),
      m_constants(QStringLiteral("\\b(True|False|None|self)\\b")),
      m_numbers(QStringLiteral("\\b(0[xX][0-9a-fA-F_]+|0[bB][01_]+|0[oO][0-7_]+|"
                               "(\\d[\\d_]*\\.?[\\d_]*|\\.\\d[\\d_]*)([eE][+-]?\\d+)?[jJ]?)\\b")),
      m_decorator(QStringLiteral("^\\s*@[\\w.]+"))
{
    applyPalette(QPalette());
}

void PythonHighlighter::applyPalette(const QPalette &palette)
{
    const bool dark = isDark(palette);
    m_keywordFormat.setForeground(dark ? QColor(0xc6, 0x8c, 0xff) : QColor(0x7a, 0x1f, 0xa2));
    m_keywordFormat.setFontWeight(QFont::Bold);
    m_constantFormat.setForeground(dark ? QColor(0x79, 0xb8, 0xff) : QColor(0x00, 0x5c, 0xc5));
    m_stringFormat.setForeground(toneColor(Tone::Success, palette));
    m_commentFormat.setForeground(palette.color(QPalette::Disabled, QPalette::Text));
    m_commentFormat.setFontItalic(true);
    m_numberFormat.setForeground(dark ? QColor(0xff, 0xab, 0x70) : QColor(0xb3, 0x50, 0x00));
    m_decoratorFormat.setForeground(dark ? QColor(0x56, 0xd3, 0xc2) : QColor(0x00, 0x7a, 0x6c));
    rehighlight();
}

int PythonHighlighter::highlightTripleQuotes(const QString &text)
{
    // Within a string opened on an earlier line: colour up to its end (or the whole line).
    const int previous = previousBlockState() < 0 ? Normal : previousBlockState();
    if (previous == Normal)
        return 0;
    const QString close = previous == InDoubleTriple ? QStringLiteral("\"\"\"") : QStringLiteral("'''");
    const qsizetype end = text.indexOf(close);
    if (end < 0) {
        setFormat(0, int(text.size()), m_stringFormat);
        setCurrentBlockState(previous);
        return int(text.size());
    }
    setFormat(0, int(end + 3), m_stringFormat);
    return int(end + 3);
}

void PythonHighlighter::highlightBlock(const QString &text)
{
    setCurrentBlockState(Normal);
    int i = highlightTripleQuotes(text);
    if (i >= text.size())
        return;

    // Words first; strings and comments below paint over anything inside them.
    auto paint = [&](const QRegularExpression &re, const QTextCharFormat &format) {
        auto matches = re.globalMatch(text, i);
        while (matches.hasNext()) {
            const QRegularExpressionMatch m = matches.next();
            setFormat(int(m.capturedStart()), int(m.capturedLength()), format);
        }
    };
    paint(m_numbers, m_numberFormat);
    paint(m_keywords, m_keywordFormat);
    paint(m_constants, m_constantFormat);
    if (i == 0)
        paint(m_decorator, m_decoratorFormat);

    // One pass for strings and comments, so a '#' inside a string is not a comment and a quote in a
    // comment opens nothing.
    while (i < text.size()) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('#')) {
            setFormat(i, int(text.size()) - i, m_commentFormat);
            return;
        }
        if (c != QLatin1Char('"') && c != QLatin1Char('\'')) {
            ++i;
            continue;
        }
        const QString triple(3, c);
        if (text.mid(i, 3) == triple) {
            const qsizetype end = text.indexOf(triple, i + 3);
            if (end < 0) {
                setFormat(i, int(text.size()) - i, m_stringFormat);
                setCurrentBlockState(c == QLatin1Char('"') ? InDoubleTriple : InSingleTriple);
                return;
            }
            setFormat(i, int(end + 3) - i, m_stringFormat);
            i = int(end + 3);
            continue;
        }
        int j = i + 1;
        while (j < text.size() && text.at(j) != c) {
            if (text.at(j) == QLatin1Char('\\'))
                ++j;
            ++j;
        }
        const int end = qMin(j + 1, int(text.size()));
        setFormat(i, end - i, m_stringFormat);
        i = end;
    }
}

} // namespace ui
} // namespace onramp
