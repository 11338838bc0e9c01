# The guided setup engine (issue 5): the cluster guide's steps as a resumable state machine with
# evidence, checks, plan review and diagnosis; no widgets.
target_sources(onramp_setup PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/guidedtr.h
  ${CMAKE_CURRENT_LIST_DIR}/setupevidence.h ${CMAKE_CURRENT_LIST_DIR}/setupevidence.cpp
  ${CMAKE_CURRENT_LIST_DIR}/setupchecks.h ${CMAKE_CURRENT_LIST_DIR}/setupchecks.cpp
  ${CMAKE_CURRENT_LIST_DIR}/reportevidence.h ${CMAKE_CURRENT_LIST_DIR}/reportevidence.cpp
  ${CMAKE_CURRENT_LIST_DIR}/setupjournal.h ${CMAKE_CURRENT_LIST_DIR}/setupjournal.cpp
  ${CMAKE_CURRENT_LIST_DIR}/longrun.h ${CMAKE_CURRENT_LIST_DIR}/longrun.cpp
  ${CMAKE_CURRENT_LIST_DIR}/remoterunlauncher.h ${CMAKE_CURRENT_LIST_DIR}/remoterunlauncher.cpp
  ${CMAKE_CURRENT_LIST_DIR}/setupengine.h ${CMAKE_CURRENT_LIST_DIR}/setupengine.cpp)
