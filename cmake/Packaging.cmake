# `cmake --build build --target package` (or scripts/package) makes jwt-workbench_<version>_<arch>.deb
# from what `install` puts in place. The version is the project's (CMakeLists.txt), the one both
# programs print with --version; the dependencies come from dpkg-shlibdeps.
# The AppStream metainfo lists the releases, newest first: the newest must be this version.
file(READ ${PROJECT_SOURCE_DIR}/resources/linux/org.jwtworkbench.JwtWorkbench.metainfo.xml metainfo)
string(REGEX MATCH "<release version=\"([^\"]+)\"" newest_release "${metainfo}")
if(NOT CMAKE_MATCH_1 STREQUAL PROJECT_VERSION)
    message(FATAL_ERROR "the metainfo's newest release is ${CMAKE_MATCH_1}, the project's version ${PROJECT_VERSION}: "
                        "add a <release> for it (resources/linux/org.jwtworkbench.JwtWorkbench.metainfo.xml)")
endif()

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME jwt-workbench)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "JWT Workbench developers <jwt-workbench@example.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
string(CONCAT CPACK_PACKAGE_DESCRIPTION
    "Decode, verify, sign, encrypt and decrypt JSON Web Tokens without sending them anywhere: a Qt\n"
    "desktop application (jwt-workbench) and a command-line tool (jwtwb) on one core library.\n"
    "The application opens no network connection.")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Qt's own strings (standard dialog buttons) in the user's language; the program runs without them.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS qt6-translations-l10n)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${PROJECT_HOMEPAGE_URL}")
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
include(CPack)
