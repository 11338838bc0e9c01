#pragma once

#include <QDir>
#include <QFile>
#include <QString>
#include <QStringList>

// Fixtures of the Slurm tests: tests/fixtures/slurm/{corpus,lab} (see the README there).
namespace slurmtest {

inline QString fixturePath(const QString &relative)
{
    return QStringLiteral(ONRAMP_SLURM_FIXTURES) + QLatin1Char('/') + relative;
}

// The file's text; a null QString when it cannot be read (tests QVERIFY(!text.isNull())).
inline QString readFixture(const QString &relative)
{
    QFile file(fixturePath(relative));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QString text = QString::fromUtf8(file.readAll());
    return text.isNull() ? QString(QLatin1String("")) : text; // an empty file is empty, not missing
}

// Documentation examples show the prompt: "$ squeue" then its output, sometimes several commands in
// one file. The output of the first `command` shown; the whole text when there is no prompt line.
inline QString commandOutput(const QString &text, const QString &command)
{
    const QStringList lines = text.split(QLatin1Char('\n'));
    const QString prompt = QStringLiteral("$ ") + command;
    qsizetype start = -1;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (lines.at(i).trimmed() == prompt || lines.at(i).trimmed().startsWith(prompt + QLatin1Char(' '))) {
            start = i + 1;
            break;
        }
    }
    if (start < 0)
        return text;
    QStringList out;
    for (qsizetype i = start; i < lines.size() && !lines.at(i).startsWith(QStringLiteral("$ ")); ++i)
        out << lines.at(i);
    return out.join(QLatin1Char('\n'));
}

// Every file of a fixture folder whose name contains `part`, sorted.
inline QStringList fixtureFiles(const QString &folder, const QString &part)
{
    QStringList names;
    const QStringList all = QDir(fixturePath(folder)).entryList(QDir::Files, QDir::Name);
    for (const QString &name : all) {
        if (name.contains(part))
            names << folder + QLatin1Char('/') + name;
    }
    return names;
}

} // namespace slurmtest
