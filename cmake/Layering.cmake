# Enforces architecture.md §2: which layer may include libssh / pybind11 / widgets, and which layer may
# link which. libssh and pybind11 headers live in /usr/include, so include paths alone cannot hide them:
# the sources are scanned, and each layer's link closure is checked. A violation fails the configure step.

# "target:allowed,allowed": commas, because a ';' inside an element would split the list.
set(ONRAMP_ALLOWED_LINKS
  "onramp_core:"
  "onramp_remote:onramp_core"
  "onramp_ssh:onramp_remote,onramp_core"
  "onramp_cluster:onramp_remote,onramp_core"
  "onramp_setup:onramp_cluster,onramp_remote,onramp_core"
  "onramp_python:onramp_setup,onramp_cluster,onramp_remote,onramp_core"
  "onramp_ui:onramp_python,onramp_setup,onramp_cluster,onramp_remote,onramp_core")

function(_onramp_scan_dir dir pattern what)
  file(GLOB_RECURSE files "${dir}/*.h" "${dir}/*.cpp")
  foreach(f IN LISTS files)
    file(STRINGS "${f}" hits REGEX "${pattern}")
    if(hits)
      message(FATAL_ERROR "Layering: ${f} includes ${what}, which this layer must not see:\n  ${hits}")
    endif()
  endforeach()
endfunction()

function(onramp_check_layering)
  set(src ${PROJECT_SOURCE_DIR})
  set(libssh_re "#[ \t]*include[ \t]*[<\"]libssh/")
  set(pybind_re "#[ \t]*include[ \t]*[<\"](pybind11/|Python\\.h)")
  set(widgets_re "#[ \t]*include[ \t]*[<\"](QtWidgets|QWidget|QMainWindow|QDialog)")
  foreach(dir app/core app/remote app/cluster app/setup python ui app/cli)
    _onramp_scan_dir(${src}/${dir} "${libssh_re}" "libssh")
  endforeach()
  foreach(dir app/core app/remote app/ssh app/cluster app/setup ui app/cli)
    _onramp_scan_dir(${src}/${dir} "${pybind_re}" "pybind11/Python")
  endforeach()
  foreach(dir app/core app/remote app/ssh app/cluster app/setup python app/cli)
    _onramp_scan_dir(${src}/${dir} "${widgets_re}" "Qt Widgets")
  endforeach()

  foreach(rule IN LISTS ONRAMP_ALLOWED_LINKS)
    string(REPLACE ":" ";" parts "${rule}")
    list(GET parts 0 target)
    list(SUBLIST parts 1 -1 allowed)
    string(REPLACE "," "|" allowed_re "${allowed}")
    get_target_property(links ${target} LINK_LIBRARIES)
    if(NOT links)
      continue()
    endif()
    foreach(lib IN LISTS links)
      if(lib MATCHES "^onramp_" AND NOT lib MATCHES "^(${allowed_re})$")
        message(FATAL_ERROR "Layering: ${target} links ${lib}; allowed: ${allowed}")
      endif()
      if(lib STREQUAL "ssh" AND NOT target STREQUAL "onramp_ssh")
        message(FATAL_ERROR "Layering: only onramp_ssh may link libssh (${target} does)")
      endif()
      if(lib MATCHES "pybind11|Python3::" AND NOT target STREQUAL "onramp_python")
        message(FATAL_ERROR "Layering: only onramp_python may link pybind11/Python (${target} does)")
      endif()
    endforeach()
  endforeach()
endfunction()
