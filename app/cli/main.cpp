#include "BenchCommand.h"
#include "CrackCommand.h"
#include "DecodeCommand.h"
#include "DecryptCommand.h"
#include "DiffCommand.h"
#include "DpopCommand.h"
#include "EncryptCommand.h"
#include "FixturesCommand.h"
#include "KeyCommand.h"
#include "KeysCommand.h"
#include "LintCommand.h"
#include "RedactCommand.h"
#include "RotateCommand.h"
#include "SdCommand.h"
#include "SignCommand.h"
#include "VerifyCommand.h"

#include <CLI/CLI.hpp>

int main(int argc, char** argv)
{
    CLI::App app{"jwtwb: JSON Web Token workbench for scripts. Nothing leaves this machine.", "jwtwb"};
    app.set_version_flag("--version", "jwtwb " JWTWB_VERSION);
    app.require_subcommand(1);
    int exitCode = 0;
    jwtwb::cli::addDecodeCommand(app, exitCode);
    jwtwb::cli::addVerifyCommand(app, exitCode);
    jwtwb::cli::addSignCommand(app, exitCode);
    jwtwb::cli::addDecryptCommand(app, exitCode);
    jwtwb::cli::addEncryptCommand(app, exitCode);
    jwtwb::cli::addLintCommand(app, exitCode);
    jwtwb::cli::addDiffCommand(app, exitCode);
    jwtwb::cli::addRedactCommand(app, exitCode);
    jwtwb::cli::addDpopCommand(app, exitCode);
    jwtwb::cli::addRotateCommand(app, exitCode);
    jwtwb::cli::addSdCommand(app, exitCode);
    jwtwb::cli::addKeyCommand(app, exitCode);
    jwtwb::cli::addKeysCommand(app, exitCode);
    jwtwb::cli::addCrackCommand(app, exitCode);
    jwtwb::cli::addFixturesCommand(app, exitCode);
    jwtwb::cli::addBenchCommand(app, exitCode);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? 0 : 2;
    }
    return exitCode;
}
