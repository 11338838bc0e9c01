# Remote runs that survive a sleeping laptop: detached runs on the cluster, tailed by byte offset,
# recorded in a local journal and resumed after a disconnect or a restart.
target_sources(onramp_setup PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/runstr.h
  ${CMAKE_CURRENT_LIST_DIR}/runspec.h ${CMAKE_CURRENT_LIST_DIR}/runspec.cpp
  ${CMAKE_CURRENT_LIST_DIR}/runcommands.h ${CMAKE_CURRENT_LIST_DIR}/runcommands.cpp
  ${CMAKE_CURRENT_LIST_DIR}/runjournal.h ${CMAKE_CURRENT_LIST_DIR}/runjournal.cpp
  ${CMAKE_CURRENT_LIST_DIR}/remoterun.h ${CMAKE_CURRENT_LIST_DIR}/remoterun.cpp)
