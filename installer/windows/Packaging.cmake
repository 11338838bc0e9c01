# Windows: an NSIS installer and a .zip (included from installer/CMakeLists.txt). Not built on the
# Linux CI; the recipe is in installer/README.md (MSVC, Qt 6.4+ for MSVC, vcpkg for libssh and
# libvterm, NSIS 3, the Python embeddable package).
set(_res ${PROJECT_SOURCE_DIR}/resources)

# Icon and version resource of both executables (the version from project(VERSION)).
set(ONRAMP_ICO ${_res}/icons/onramp.ico)
configure_file(${CMAKE_CURRENT_SOURCE_DIR}/windows/onramp.rc.in ${CMAKE_CURRENT_BINARY_DIR}/onramp.rc @ONLY)
target_sources(onramp PRIVATE ${CMAKE_CURRENT_BINARY_DIR}/onramp.rc)
target_sources(onramp-cli PRIVATE ${CMAKE_CURRENT_BINARY_DIR}/onramp.rc)

# Qt's DLLs, plugins (platforms/qwindows, styles, iconengines/svg, imageformats) and Qt's own
# translations, by windeployqt through Qt's deploy script.
# FILENAME_VARIABLE: Qt 6.4's name for it (6.5 calls it OUTPUT_SCRIPT and still accepts this one).
qt_generate_deploy_app_script(TARGET onramp FILENAME_VARIABLE _onramp_deploy NO_UNSUPPORTED_PLATFORM_ERROR)
install(SCRIPT ${_onramp_deploy})

# Everything else the two programs load (libssh and OpenSSL, libvterm, qtkeychain, python311.dll
# when linked from the build's Python), found by walking their imports at install time. System
# DLLs stay out.
install(TARGETS onramp onramp-cli
  RUNTIME_DEPENDENCIES
    PRE_EXCLUDE_REGEXES "api-ms-" "ext-ms-" "^Qt6"
    POST_EXCLUDE_REGEXES ".*[/\\\\][Ss]ystem32[/\\\\].*" ".*[/\\\\]WinSxS[/\\\\].*"
    DIRECTORIES ${ONRAMP_WINDOWS_DLL_DIRS}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

# The Python the embedded interpreter runs: the "embeddable package" of exactly the Python the
# build linked (same X.Y.Z: python3XX.dll and its stdlib zip must match the headers). Unpack
# python-3.11.x-embed-amd64.zip and point ONRAMP_PYTHON_EMBED_DIR at it. python3XX.dll, the stdlib
# zip and the extension modules (.pyd) go beside onramp.exe; the ._pth file does not, because the
# interpreter is isolated and sets sys.path itself (python/).
set(ONRAMP_PYTHON_EMBED_DIR "" CACHE PATH "Unpacked Python embeddable package (python-3.X.Y-embed-amd64)")
set(ONRAMP_WINDOWS_DLL_DIRS "" CACHE STRING "Folders with the DLLs of libssh, OpenSSL, libvterm, qtkeychain (vcpkg's bin)")
if(ONRAMP_PYTHON_EMBED_DIR)
  install(DIRECTORY ${ONRAMP_PYTHON_EMBED_DIR}/ DESTINATION ${CMAKE_INSTALL_BINDIR}
    FILES_MATCHING PATTERN "*.dll" PATTERN "*.pyd" PATTERN "python3*.zip")
else()
  message(WARNING "ONRAMP_PYTHON_EMBED_DIR is not set: the installer will carry no Python, and the "
                  "embedded interpreter will not start on a machine without the same Python.")
endif()

set(CPACK_GENERATOR NSIS ZIP)
set(CPACK_NSIS_PACKAGE_NAME "Onramp")
set(CPACK_NSIS_DISPLAY_NAME "Onramp ${PROJECT_VERSION}")
set(CPACK_NSIS_MUI_ICON "${_res}/icons/onramp.ico")
set(CPACK_NSIS_MUI_UNIICON "${_res}/icons/onramp.ico")
set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\\\onramp.exe")
set(CPACK_NSIS_URL_INFO_ABOUT "${ONRAMP_PROJECT_URL}")
set(CPACK_NSIS_HELP_LINK "${ONRAMP_PROJECT_URL}")
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
# Offers to put bin\ (onramp-cli) on PATH; the Start menu entry is CPACK_PACKAGE_EXECUTABLES.
set(CPACK_NSIS_MODIFY_PATH ON)
# Per-machine install into Program Files; a student without admin rights uses the .zip.
set(CPACK_NSIS_INSTALL_ROOT "$PROGRAMFILES64")
