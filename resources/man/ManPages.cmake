# Writes the man pages from the programs' own --help, so that they never drift (cmake -P, at build time):
#   jwtwb.1, one jwtwb-<subcommand>.1 per subcommand that does something (`jwtwb keys import` is
#   jwtwb-keys-import.1), and jwt-workbench.1 when GUI is set; each also as <page>.1.gz to install.
# Variables: HELP2MAN, JWTWB, GUI (may be empty), VERSION, OUT (folder).
file(REMOVE_RECURSE "${OUT}")
file(MAKE_DIRECTORY "${OUT}")
set(ENV{ASAN_OPTIONS} "detect_leaks=0")
set(ENV{QT_QPA_PLATFORM} "offscreen")

# help2man <program> <help option> <page name> <NAME line>
function(write_page program help_option page name_line)
    execute_process(
        COMMAND "${HELP2MAN}" --no-info --version-string=${VERSION} "--help-option=${help_option}"
                "--name=${name_line}" --output=${OUT}/${page}.1 "${program}"
        RESULT_VARIABLE status ERROR_VARIABLE error)
    if(NOT status EQUAL 0)
        message(FATAL_ERROR "help2man failed for ${page}: ${error}")
    endif()
    # help2man names every page after the program; a subcommand's page is named after itself.
    get_filename_component(program_name "${program}" NAME)
    if(NOT page STREQUAL program_name)
        file(READ "${OUT}/${page}.1" text)
        string(TOUPPER "${program_name}" upper_program)
        string(TOUPPER "${page}" upper_page)
        string(REPLACE ".TH ${upper_program} " ".TH ${upper_page} " text "${text}")
        string(REPLACE "-" "\\-" roff_page "${page}")
        string(REPLACE "\n${program_name} \\- " "\n${roff_page} \\- " text "${text}")
        file(WRITE "${OUT}/${page}.1" "${text}")
    endif()
    # Installed compressed, as Debian policy (§12.1) asks: gzip -9n, no name or time stamp inside.
    execute_process(COMMAND gzip -9nkf "${OUT}/${page}.1" RESULT_VARIABLE status)
    if(NOT status EQUAL 0)
        message(FATAL_ERROR "gzip failed for ${page}.1")
    endif()
endfunction()

# The lines of the "Subcommands:" section of `jwtwb <words> --help`, as "name;description" pairs.
function(subcommands words out_names)
    execute_process(COMMAND "${JWTWB}" ${words} --help OUTPUT_VARIABLE help RESULT_VARIABLE status)
    if(NOT status EQUAL 0)
        message(FATAL_ERROR "jwtwb ${words} --help failed")
    endif()
    set(names)
    string(REPLACE ";" "@SEMICOLON@" help "${help}") # not a CMake list separator
    string(FIND "${help}" "Subcommands:\n" start)
    if(start GREATER_EQUAL 0)
        string(SUBSTRING "${help}" ${start} -1 section)
        string(REGEX MATCHALL "\n  [a-z0-9-]+ +[^\n]+" lines "${section}")
        foreach(line IN LISTS lines)
            string(REGEX REPLACE "^\n  ([a-z0-9-]+) +(.*)$" "\\1" name "${line}")
            string(REGEX REPLACE "^\n  ([a-z0-9-]+) +(.*)$" "\\2" description "${line}")
            string(REPLACE "@SEMICOLON@" ";" description "${description}")
            list(APPEND names "${name}")
            set(description_${name} "${description}" PARENT_SCOPE)
        endforeach()
    endif()
    set(${out_names} "${names}" PARENT_SCOPE)
endfunction()

write_page("${JWTWB}" "--help" jwtwb "JSON Web Token workbench for scripts")
subcommands("" commands)
foreach(command IN LISTS commands)
    set(command_description "${description_${command}}")
    subcommands("${command}" children)
    if(NOT children)
        write_page("${JWTWB}" "${command} --help" "jwtwb-${command}" "${command_description}")
    endif()
    foreach(child IN LISTS children)
        write_page("${JWTWB}" "${command} ${child} --help" "jwtwb-${command}-${child}" "${description_${child}}")
    endforeach()
endforeach()
if(GUI)
    write_page("${GUI}" "--help" jwt-workbench "offline desktop workbench for JSON Web Tokens")
endif()
