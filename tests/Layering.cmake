cmake_minimum_required(VERSION 3.25)

# The layering test (ctest: TestLayering): core's private headers (core/private: the OpenSSL
# wrappers, the JSON lexing, the SHA rounds) are included by core and the bench library only.
# CMake already keeps them off ui/'s and app/'s include path; this names any file that tries, and
# any public core header that would drag one in. Run as: cmake -DROOT=<checkout> -P Layering.cmake
file(GLOB_RECURSE private_headers RELATIVE ${ROOT}/core/private ${ROOT}/core/private/*.h)
file(GLOB_RECURSE outside ${ROOT}/ui/*.cpp ${ROOT}/ui/*.h ${ROOT}/app/*.cpp ${ROOT}/app/*.h)
file(GLOB_RECURSE public_headers ${ROOT}/core/*.h)
list(FILTER public_headers EXCLUDE REGEX "/core/private/")
if(NOT private_headers)
    message(FATAL_ERROR "no private headers found under ${ROOT}/core/private")
endif()
set(offenders "")
foreach(file IN LISTS outside public_headers)
    file(STRINGS ${file} includes REGEX "^[ \t]*#[ \t]*include[ \t]*[\"<]")
    foreach(line IN LISTS includes)
        string(REGEX REPLACE "^[ \t]*#[ \t]*include[ \t]*[\"<]([^\">]+)[\">].*" "\\1" included "${line}")
        # "ossl/Handles.h", or the same path written from the private root ("private/ossl/…").
        string(REGEX REPLACE "^(.*/)?private/" "" included "${included}")
        if(included IN_LIST private_headers)
            file(RELATIVE_PATH shown ${ROOT} ${file})
            list(APPEND offenders "${shown} includes the private core header ${included}")
        endif()
    endforeach()
endforeach()
if(offenders)
    list(JOIN offenders "\n  " text)
    message(FATAL_ERROR "Private core headers reached from outside core:\n  ${text}")
endif()
list(LENGTH private_headers count)
message(STATUS "${count} private core headers; none included from ui/, app/ or a public core header")
