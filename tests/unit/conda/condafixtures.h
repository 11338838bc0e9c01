#pragma once

// Reading tests/fixtures/conda (README there: real captures, issue texts, stand-in output, hand-written).

#include <QByteArray>
#include <QFile>
#include <QString>
#include <QTest>

namespace condafixtures {

inline QString path(const QString &relative)
{
    return QStringLiteral(ONRAMP_CONDA_FIXTURES "/") + relative;
}

// The file's bytes; an empty QByteArray (and a test failure message) when it is missing.
inline QByteArray bytes(const QString &relative)
{
    QFile f(path(relative));
    if (!f.open(QIODevice::ReadOnly)) {
        qWarning("fixture missing: %s", qPrintable(relative));
        return {};
    }
    return f.readAll();
}

inline bool exists(const QString &relative)
{
    return QFile::exists(path(relative));
}

inline QString text(const QString &relative)
{
    return QString::fromUtf8(bytes(relative));
}

// A capture's stdout (NAME.txt) followed by its stderr (NAME.stderr.txt), as a terminal shows both.
inline QString output(const QString &name)
{
    QString out;
    if (exists(name + QStringLiteral(".txt")))
        out += text(name + QStringLiteral(".txt"));
    if (exists(name + QStringLiteral(".stderr.txt")))
        out += text(name + QStringLiteral(".stderr.txt"));
    return out;
}

} // namespace condafixtures
