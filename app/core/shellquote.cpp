#include "core/shellquote.h"

namespace onramp {

namespace {
// Characters that never need quoting in a POSIX shell word. Keeping common arguments readable
// (paths, options, package specs) makes logs easier for people to follow.
bool isPlainWordChar(QChar c)
{
    if (c.unicode() >= 128)
        return false;
    return c.isLetterOrNumber() || QStringView(u"@%+=:,./_-").contains(c);
}
} // namespace

QString shellQuote(QStringView argument)
{
    if (argument.isEmpty())
        return QStringLiteral("''");
    bool plain = true;
    for (QChar c : argument)
        plain = plain && isPlainWordChar(c);
    // A leading '=' or '-' is fine for the shell; '~' or '#' would not be, and they are not plain.
    if (plain)
        return argument.toString();

    // Single quotes keep every byte literally; a single quote itself becomes '\'' .
    QString quoted;
    quoted.reserve(argument.size() + 8);
    quoted += QLatin1Char('\'');
    for (QChar c : argument) {
        if (c == QLatin1Char('\''))
            quoted += QLatin1String("'\\''");
        else
            quoted += c;
    }
    quoted += QLatin1Char('\'');
    return quoted;
}

QString shellJoin(const QStringList &arguments)
{
    QStringList words;
    words.reserve(arguments.size());
    for (const QString &a : arguments)
        words << shellQuote(a);
    return words.join(QLatin1Char(' '));
}

} // namespace onramp
