#pragma once

#include <QProcess>
#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <QtGlobal>

namespace jwtwb::test {

// `program words… --help`; fatal when it does not run.
inline QString helpText(const QString& program, QStringList words)
{
    QProcess process;
    process.start(program, words << QStringLiteral("--help"));
    if (!process.waitForFinished(60000) || process.exitCode() != 0) {
        qFatal("%s --help failed", qPrintable(words.join(QLatin1Char(' '))));
    }
    return QString::fromUtf8(process.readAllStandardOutput());
}

// The names of the "Subcommands:" section of a CLI11 help text.
inline QStringList subcommandsIn(const QString& help)
{
    static const QRegularExpression line(QStringLiteral(R"(^  ([a-z0-9-]+)\s)"), QRegularExpression::MultilineOption);
    const auto section = help.indexOf(QStringLiteral("Subcommands:"));
    QStringList names;
    for (auto match = line.globalMatch(help.mid(section < 0 ? help.size() : section)); match.hasNext();) {
        names << match.next().captured(1);
    }
    return names;
}

// Every jwtwb command that does something, as `jwtwb --help` and its groups' help list them:
// "decode", …, "dpop create", "keys import", ….
inline QStringList leafSubcommands(const QString& program)
{
    QStringList leaves;
    for (const QString& command : subcommandsIn(helpText(program, {}))) {
        const QStringList children = subcommandsIn(helpText(program, {command}));
        if (children.isEmpty()) {
            leaves << command;
        }
        for (const QString& child : children) {
            leaves << command + QLatin1Char(' ') + child;
        }
    }
    return leaves;
}

// The long options a help text lists ("--key", "--json", …).
inline QStringList longOptionsIn(const QString& help)
{
    static const QRegularExpression option(QStringLiteral(R"(^  (?:-[a-zA-Z],)?(--[a-z0-9-]+))"),
                                           QRegularExpression::MultilineOption);
    QStringList options;
    for (auto match = option.globalMatch(help); match.hasNext();) {
        options << match.next().captured(1);
    }
    return options;
}

} // namespace jwtwb::test
