# bash completion for jwtwb. Subcommands and options are read from `jwtwb … --help` as you type,
# so they never drift from the program: an option whose help names a file or folder completes
# file or folder names, other options that take a value complete nothing.

_jwtwb_subcommands() {
    sed -n '/^Subcommands:/,/^$/s/^  \([a-z0-9-]*\) .*/\1/p' <<<"$1"
}

_jwtwb_options() {
    grep -oE -- '^  (-[a-zA-Z],)?--[a-z0-9-]+' <<<"$1" | sed 's/^  //; s/,/ /'
}

_jwtwb() {
    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]}
    local program=${COMP_WORDS[0]} help word line i
    local -a path=()
    COMPREPLY=()
    help=$("$program" --help 2>/dev/null) || return 0
    # The subcommands typed before the cursor, e.g. `keys import`.
    for ((i = 1; i < COMP_CWORD; i++)); do
        word=${COMP_WORDS[i]}
        [[ $word == -* ]] && continue
        if grep -qxF -- "$word" <<<"$(_jwtwb_subcommands "$help")"; then
            path+=("$word")
            help=$("$program" "${path[@]}" --help 2>/dev/null) || return 0
        fi
    done

    if [[ $prev == -* ]]; then
        line=$(grep -E -- "^  (-[a-zA-Z],)?${prev}( |,)" <<<"$help" | head -n 1)
        if [[ $line =~ ^\ \ (-[a-zA-Z],)?--[a-z0-9-]+\ [A-Z] ]]; then
            case ${line,,} in
            *folder*) COMPREPLY=($(compgen -d -- "$cur")) ;;
            *file*) COMPREPLY=($(compgen -f -- "$cur")) ;;
            esac
            compopt -o filenames 2>/dev/null
            return 0
        fi
    fi
    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$(_jwtwb_options "$help")" -- "$cur"))
        return 0
    fi
    COMPREPLY=($(compgen -W "$(_jwtwb_subcommands "$help")" -- "$cur"))
    if ((${#COMPREPLY[@]} == 0)) && grep -q '^Positionals:' <<<"$help"; then
        COMPREPLY=($(compgen -f -- "$cur"))
        compopt -o filenames 2>/dev/null
    fi
    return 0
}

complete -F _jwtwb jwtwb
