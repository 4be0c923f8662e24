#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QtGlobal>

namespace jwtwb::test {

struct CliRun {
    int exitCode;
    QString out;
    QString err;
    QByteArray outBytes; // standard output as it came (binary output, exact bytes)
};

// Runs the built jwtwb with arguments and standard input; -1 when it crashed or hung.
inline CliRun runCli(const QStringList& arguments, const QByteArray& input = {})
{
    QProcess process;
    process.start(QStringLiteral(JWTWB_CLI_PATH), arguments);
    if (!process.waitForStarted()) {
        qFatal("cannot start jwtwb");
    }
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished();
        return {-1, {}, QStringLiteral("timed out"), {}};
    }
    const QByteArray out = process.readAllStandardOutput();
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, QString::fromUtf8(out),
            QString::fromUtf8(process.readAllStandardError()), out};
}

} // namespace jwtwb::test
