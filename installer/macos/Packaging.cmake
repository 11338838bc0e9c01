# macOS: Onramp.app in a drag-and-drop .dmg (included from installer/CMakeLists.txt). Not built on
# the Linux CI; the recipe, signing and notarisation are in installer/README.md.
set(_res ${PROJECT_SOURCE_DIR}/resources)

# The bundle: Info.plist fields, and an .icns made from the committed PNGs by iconutil at build time.
set(_iconset ${CMAKE_CURRENT_BINARY_DIR}/onramp.iconset)
set(_icns ${CMAKE_CURRENT_BINARY_DIR}/onramp.icns)
set(_icon_commands)
foreach(size 16 32 128 256 512)
  math(EXPR double "${size} * 2")
  list(APPEND _icon_commands
    COMMAND ${CMAKE_COMMAND} -E copy ${_res}/icons/hicolor/${size}x${size}/apps/onramp.png
            ${_iconset}/icon_${size}x${size}.png)
  if(EXISTS ${_res}/icons/hicolor/${double}x${double}/apps/onramp.png)
    list(APPEND _icon_commands
      COMMAND ${CMAKE_COMMAND} -E copy ${_res}/icons/hicolor/${double}x${double}/apps/onramp.png
              ${_iconset}/icon_${size}x${size}@2x.png)
  endif()
endforeach()
add_custom_command(OUTPUT ${_icns}
  COMMAND ${CMAKE_COMMAND} -E make_directory ${_iconset}
  ${_icon_commands}
  COMMAND iconutil -c icns -o ${_icns} ${_iconset}
  VERBATIM)
target_sources(onramp PRIVATE ${_icns})
set_source_files_properties(${_icns} PROPERTIES MACOSX_PACKAGE_LOCATION Resources)
set_target_properties(onramp PROPERTIES
  MACOSX_BUNDLE_BUNDLE_NAME "Onramp"
  MACOSX_BUNDLE_GUI_IDENTIFIER "${ONRAMP_APPSTREAM_ID}"
  MACOSX_BUNDLE_BUNDLE_VERSION "${PROJECT_VERSION}"
  MACOSX_BUNDLE_SHORT_VERSION_STRING "${PROJECT_VERSION}"
  MACOSX_BUNDLE_ICON_FILE onramp.icns
  MACOSX_BUNDLE_COPYRIGHT "The Onramp developers")

# Qt's frameworks and plugins into the bundle, and every other dylib the bundle loads (libssh,
# OpenSSL, libvterm, qtkeychain from Homebrew), by macdeployqt through Qt's deploy script. onramp-cli
# lives in Contents/MacOS (cmake/OnrampTargets.cmake), so it shares those frameworks.
# FILENAME_VARIABLE: Qt 6.4's name for it (6.5 calls it OUTPUT_SCRIPT and still accepts this one).
qt_generate_deploy_app_script(TARGET onramp FILENAME_VARIABLE _onramp_deploy NO_UNSUPPORTED_PLATFORM_ERROR)
install(SCRIPT ${_onramp_deploy})

# The Python the embedded interpreter runs: a relocatable CPython of the version the build linked
# (python-build-standalone's "install_only" 3.11), its lib/python3.11 copied into Resources/python-stdlib.
set(ONRAMP_PYTHON_HOME "" CACHE PATH "A relocatable Python 3.X (python-build-standalone install_only)")
if(ONRAMP_PYTHON_HOME)
  install(DIRECTORY ${ONRAMP_PYTHON_HOME}/lib/python${Python3_VERSION_MAJOR}.${Python3_VERSION_MINOR}
    DESTINATION ${ONRAMP_INSTALL_DATADIR}/python-stdlib
    PATTERN "__pycache__" EXCLUDE PATTERN "test" EXCLUDE PATTERN "site-packages" EXCLUDE)
endif()

# Signing before the .dmg is made (CPack runs this on the staged bundle); notarising the .dmg
# afterwards: installer/README.md. Without ONRAMP_CODESIGN_IDENTITY the bundle is only ad-hoc signed.
set(ONRAMP_CODESIGN_IDENTITY "" CACHE STRING "Developer ID Application: NAME (TEAMID), or empty")
configure_file(${CMAKE_CURRENT_SOURCE_DIR}/macos/codesign.cmake.in ${CMAKE_CURRENT_BINARY_DIR}/codesign.cmake @ONLY)
set(CPACK_PRE_BUILD_SCRIPTS ${CMAKE_CURRENT_BINARY_DIR}/codesign.cmake)

set(CPACK_GENERATOR DragNDrop)
set(CPACK_DMG_VOLUME_NAME "Onramp ${PROJECT_VERSION}")
set(CPACK_DMG_FORMAT UDZO)
set(CPACK_PACKAGE_ICON ${_icns})
set(CPACK_PACKAGE_FILE_NAME "Onramp-${PROJECT_VERSION}-macOS-${CMAKE_SYSTEM_PROCESSOR}")
