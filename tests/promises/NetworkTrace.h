#pragma once

#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <QTemporaryFile>

#include <unistd.h>

namespace jwtwb::test {

enum class TraceMode {
    Plain, // as the user runs it
    Traced, // under strace, in an empty network namespace
};

struct TracedRun {
    int exitCode = -1; // -1: crashed, hung or did not start
    QString out;
    QString err;
    QStringList violations; // the log's socket() and connect() lines that are not AF_UNIX
};

// strace prints e.g. `4711  socket(AF_INET6, SOCK_DGRAM|SOCK_CLOEXEC, IPPROTO_IP) = 3` and
// `4711  connect(3, {sa_family=AF_INET, sin_port=htons(9), …}, 16) = -1 ENETUNREACH`.
inline QStringList networkViolations(const QString& log)
{
    static const QRegularExpression socketCall(QStringLiteral(R"(\bsocket\((\w+))"));
    static const QRegularExpression connectCall(QStringLiteral(R"(\bconnect\(\d+, )"));
    QStringList violations;
    for (const QString& line : log.split('\n', Qt::SkipEmptyParts)) {
        if (line.contains(QStringLiteral("resumed>"))) {
            continue; // the rest of a call whose start is on its own line
        }
        const auto socket = socketCall.match(line);
        if (socket.hasMatch() && socket.captured(1) != QStringLiteral("AF_UNIX")
            && socket.captured(1) != QStringLiteral("AF_LOCAL")) {
            violations << line;
        }
        if (connectCall.match(line).hasMatch() && !line.contains(QStringLiteral("sa_family=AF_UNIX"))) {
            violations << line;
        }
    }
    return violations;
}

// `unshare --net` as root; otherwise in a new user namespace where this user is root.
inline QStringList emptyNetworkNamespace()
{
    return geteuid() == 0
        ? QStringList{QStringLiteral("--net")}
        : QStringList{QStringLiteral("--user"), QStringLiteral("--map-root-user"), QStringLiteral("--net")};
}

// Runs `program arguments`; Traced: inside `unshare --net`, under `strace -f` for socket and connect.
inline TracedRun runTraced(const QString& program, const QStringList& arguments, TraceMode mode, int timeoutMs = 600000)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    QTemporaryFile log;
    TracedRun run;
    if (mode == TraceMode::Plain) {
        process.setProgram(program);
        process.setArguments(arguments);
    } else {
        if (!log.open()) {
            run.err = QStringLiteral("cannot create the trace log");
            return run;
        }
        // LeakSanitizer stops the world with ptrace, which a traced process cannot do.
        environment.insert(QStringLiteral("ASAN_OPTIONS"),
                           environment.value(QStringLiteral("ASAN_OPTIONS")) + QStringLiteral(":detect_leaks=0"));
        process.setProgram(QStringLiteral("unshare"));
        process.setArguments(emptyNetworkNamespace()
                             + QStringList{QStringLiteral("strace"), QStringLiteral("-f"), QStringLiteral("-qq"),
                                           QStringLiteral("--seccomp-bpf"), QStringLiteral("-e"),
                                           QStringLiteral("trace=socket,connect"), QStringLiteral("-o"), log.fileName(),
                                           program}
                             + arguments);
    }
    process.setProcessEnvironment(environment);
    process.start();
    process.closeWriteChannel();
    if (!process.waitForStarted() || !process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        run.err = QStringLiteral("did not start or timed out: ") + process.errorString();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    if (mode == TraceMode::Traced) {
        log.seek(0);
        const QString text = QString::fromUtf8(log.readAll());
        run.violations = networkViolations(text);
    }
    return run;
}

// Whether this machine lets us make an empty network namespace and trace in it.
inline bool networkNamespacesWork()
{
    const TracedRun run = runTraced(QStringLiteral("/bin/true"), {}, TraceMode::Traced, 30000);
    return run.exitCode == 0;
}

} // namespace jwtwb::test
