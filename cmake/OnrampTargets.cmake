# Common settings for every Onramp target.
function(onramp_target_defaults target)
  target_compile_features(${target} PUBLIC cxx_std_20)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor)
  if(ONRAMP_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
  # Qt's `slots`/`signals` macros break Python's headers; use Q_SLOTS/Q_SIGNALS everywhere.
  target_compile_definitions(${target} PUBLIC QT_NO_KEYWORDS QT_NO_CAST_FROM_ASCII QT_USE_QSTRINGBUILDER)
endfunction()

# A layer library: app/<name> -> onramp_<name>; headers included as "<name>/file.h".
function(onramp_add_layer name)
  cmake_parse_arguments(ARG "" "" "SOURCES" ${ARGN})
  add_library(onramp_${name} STATIC ${ARG_SOURCES})
  target_include_directories(onramp_${name} PUBLIC ${CMAKE_CURRENT_SOURCE_DIR}/..)
  onramp_target_defaults(onramp_${name})
  set_property(GLOBAL APPEND PROPERTY ONRAMP_LAYERS onramp_${name})
endfunction()

# Where the programs and share/onramp's files are installed. Everywhere but macOS: bin/ and
# share/onramp/ beside it. In a macOS bundle: Contents/MacOS and Contents/Resources, because codesign
# seals only those. core/datadirs.h looks in both places relative to the executable.
include(GNUInstallDirs)
if(APPLE)
  set(ONRAMP_INSTALL_BINDIR onramp.app/Contents/MacOS)
  set(ONRAMP_INSTALL_DATADIR onramp.app/Contents/Resources)
else()
  set(ONRAMP_INSTALL_BINDIR ${CMAKE_INSTALL_BINDIR})
  set(ONRAMP_INSTALL_DATADIR ${CMAKE_INSTALL_DATADIR}/onramp)
endif()
