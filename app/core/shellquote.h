#pragma once

#include <QString>
#include <QStringList>

namespace onramp {

// The one function that turns an argument into a word for a POSIX shell on the remote side.
// Every remote argument passes through it; nothing is pasted into a shell line unquoted.
QString shellQuote(QStringView argument);

// Quotes each argument and joins them with spaces: a command line with exactly these words.
QString shellJoin(const QStringList &arguments);

} // namespace onramp
