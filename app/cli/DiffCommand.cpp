#include "DiffCommand.h"

#include "Input.h"
#include "encoding/Json.h"
#include "inspect/TokenDiff.h"
#include "jose/CompactToken.h"

#include <fmt/format.h>

#include <iostream>
#include <memory>

namespace jwtwb::cli {
namespace {

using encoding::Json;

struct DiffArguments {
    std::string first;
    std::string second;
    bool json = false;
};

Result<jose::CompactToken> readNamedToken(const std::string& argument, std::string_view what)
{
    auto token = readToken(argument, {}, what);
    if (!token) {
        return std::unexpected(Error{token.error().code, fmt::format("{}: {}", what, token.error().message)});
    }
    return token;
}

std::string shown(const std::optional<Json>& value)
{
    return value ? encoding::toCompactJson(*value) : std::string("—");
}

void printText(const inspect::TokenDiff& diff)
{
    if (diff.same()) {
        std::cout << "the same header and claims\n";
    }
    for (const auto& member : diff.members) {
        if (member.change == inspect::MemberChange::Same) {
            continue;
        }
        std::cout << fmt::format("{:<8} {}.{}: {} → {}{}\n", inspect::memberChangeName(member.change), member.part,
                                 member.name, shown(member.before), shown(member.after),
                                 member.note.empty() ? "" : " (" + member.note + ")");
    }
    if (!diff.same()) {
        std::cout << fmt::format("{} changed, {} added, {} removed, {} the same\n",
                                 diff.count(inspect::MemberChange::Changed), diff.count(inspect::MemberChange::Added),
                                 diff.count(inspect::MemberChange::Removed), diff.count(inspect::MemberChange::Same));
    }
}

Json toJson(const inspect::TokenDiff& diff)
{
    Json members = Json::array();
    for (const auto& member : diff.members) {
        Json row{{"part", member.part}, {"name", member.name}, {"change", inspect::memberChangeName(member.change)}};
        if (member.before) {
            row["before"] = *member.before;
        }
        if (member.after) {
            row["after"] = *member.after;
        }
        if (!member.note.empty()) {
            row["note"] = member.note;
        }
        members.push_back(std::move(row));
    }
    return Json{{"same", diff.same()}, {"members", std::move(members)}};
}

int run(const DiffArguments& arguments)
{
    if (arguments.first == "-" && arguments.second == "-") {
        std::cerr << "jwtwb: only one of the two tokens can come from standard input\n";
        return 2;
    }
    const auto first = readNamedToken(arguments.first, "the first token");
    const auto second = first ? readNamedToken(arguments.second, "the second token") : first;
    if (!first || !second) {
        std::cerr << "jwtwb: " << (!first ? first : second).error().message << "\n";
        return 2;
    }
    const auto diff = inspect::diffTokens(*first, *second);
    if (arguments.json) {
        std::cout << encoding::toPrettyJson(toJson(diff)) << "\n";
    } else {
        printText(diff);
    }
    return diff.same() ? 0 : 1;
}

} // namespace

void addDiffCommand(CLI::App& app, int& exitCode)
{
    auto arguments = std::make_shared<DiffArguments>();
    auto* command = app.add_subcommand(
        "diff", "Compare two tokens' headers and claims member by member; exit 0 when they are the same, 1 when not");
    command->add_option("first", arguments->first, "The first token (or text holding it); '-' reads standard input")
        ->required();
    command->add_option("second", arguments->second, "The second token")->required();
    command->add_flag("--json", arguments->json,
                      "Print JSON: same, and each member with part, name, change, before, after and note");
    command->callback([arguments, &exitCode] { exitCode = run(*arguments); });
}

} // namespace jwtwb::cli
