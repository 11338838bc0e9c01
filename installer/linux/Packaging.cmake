# Linux: desktop integration and the .deb / .tar.gz (included from installer/CMakeLists.txt).
set(_res ${PROJECT_SOURCE_DIR}/resources)

# Desktop entry and the SVG icon: ui/CMakeLists.txt. The PNG sizes, rendered from
# resources/icons/onramp.svg by installer/linux/render-icons, for menus that do not draw SVG.
foreach(size 16 22 24 32 48 64 128 256 512)
  install(FILES ${_res}/icons/hicolor/${size}x${size}/apps/onramp.png
    DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps)
endforeach()

# AppStream: software centres read share/metainfo/<id>.metainfo.xml.
set(ONRAMP_METAINFO ${CMAKE_CURRENT_BINARY_DIR}/${ONRAMP_APPSTREAM_ID}.metainfo.xml)
configure_file(${_res}/metainfo/onramp.metainfo.xml.in ${ONRAMP_METAINFO} @ONLY)
install(FILES ${ONRAMP_METAINFO} DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)

# Man pages, gzip'd as Debian policy wants (-n: no timestamp, so the package is reproducible).
set(_man_pages)
foreach(page onramp onramp-cli)
  configure_file(${CMAKE_CURRENT_SOURCE_DIR}/linux/${page}.1.in ${CMAKE_CURRENT_BINARY_DIR}/man/${page}.1 @ONLY)
  add_custom_command(OUTPUT ${CMAKE_CURRENT_BINARY_DIR}/man/${page}.1.gz
    COMMAND gzip -n -9 -f -k ${CMAKE_CURRENT_BINARY_DIR}/man/${page}.1
    DEPENDS ${CMAKE_CURRENT_BINARY_DIR}/man/${page}.1
    VERBATIM)
  list(APPEND _man_pages ${CMAKE_CURRENT_BINARY_DIR}/man/${page}.1.gz)
endforeach()
add_custom_target(onramp_man ALL DEPENDS ${_man_pages})
install(FILES ${_man_pages} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)

# Checks of the desktop files, with the tools a distribution's own checks use (when installed).
find_program(APPSTREAMCLI appstreamcli)
find_program(DESKTOP_FILE_VALIDATE desktop-file-validate)
if(APPSTREAMCLI)
  # --no-net: CI has no internet; the screenshots' presence is checked against docs/screenshots below.
  add_test(NAME metainfo_validate COMMAND ${APPSTREAMCLI} validate --no-net --pedantic ${ONRAMP_METAINFO})
  set_tests_properties(metainfo_validate PROPERTIES LABELS "unit;install")
endif()
if(DESKTOP_FILE_VALIDATE)
  add_test(NAME desktop_file_validate COMMAND ${DESKTOP_FILE_VALIDATE} ${_res}/desktop/onramp.desktop)
  set_tests_properties(desktop_file_validate PROPERTIES LABELS "unit;install"
    FAIL_REGULAR_EXPRESSION "error:|warning:")
endif()
add_test(NAME metainfo_screenshots_exist
  COMMAND ${CMAKE_COMMAND} -DMETAINFO=${ONRAMP_METAINFO} -DSCREENSHOTS=${PROJECT_SOURCE_DIR}/docs/screenshots
          -P ${CMAKE_CURRENT_SOURCE_DIR}/linux/CheckScreenshots.cmake)
set_tests_properties(metainfo_screenshots_exist PROPERTIES LABELS "unit;install")

# --- .deb and .tar.gz --------------------------------------------------------------------------
set(CPACK_GENERATOR DEB TGZ)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "${PROJECT_DESCRIPTION}
 Onramp takes a student from an account on a GPU cluster to a verified PyTorch
 GPU environment with clicks instead of a terminal. It connects over SSH to the
 cluster's login node, drives Slurm and conda there with live output, checks
 the result on a GPU node, and keeps helping afterwards. onramp-cli does the
 same from a terminal. English and Simplified Chinese.")
# The libraries the binaries link (Qt, libssh, libpython, libvterm, qtkeychain, ...).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# What shlibdeps cannot see: the embedded interpreter imports Debian's standard library (the
# package's libpython3.X links it only as a library).
set(_py "${Python3_VERSION_MAJOR}.${Python3_VERSION_MINOR}")
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libpython${_py}-stdlib")
# Chinese without boxes; Qt's own Chinese strings; desktop look and file dialogs; a keychain to
# remember passwords in (without one Onramp keeps them in memory only, and says so).
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "fonts-noto-cjk, qt6-translations-l10n, qt6-qpa-plugins, hicolor-icon-theme")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "gnome-keyring")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${ONRAMP_PROJECT_URL}")
