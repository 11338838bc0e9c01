# The GPU and job status feature without widgets: pollers over the shared session, their models,
# starting an allocation, and the JSON of onramp-cli's status commands.
target_sources(onramp_setup PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/statustr.h
  ${CMAKE_CURRENT_LIST_DIR}/pollingmonitor.h ${CMAKE_CURRENT_LIST_DIR}/pollingmonitor.cpp
  ${CMAKE_CURRENT_LIST_DIR}/jobsmonitor.h ${CMAKE_CURRENT_LIST_DIR}/jobsmonitor.cpp
  ${CMAKE_CURRENT_LIST_DIR}/gpupoll.h ${CMAKE_CURRENT_LIST_DIR}/gpupoll.cpp
  ${CMAKE_CURRENT_LIST_DIR}/gpumonitor.h ${CMAKE_CURRENT_LIST_DIR}/gpumonitor.cpp
  ${CMAKE_CURRENT_LIST_DIR}/allocationstarter.h ${CMAKE_CURRENT_LIST_DIR}/allocationstarter.cpp
  ${CMAKE_CURRENT_LIST_DIR}/statusjson.h ${CMAKE_CURRENT_LIST_DIR}/statusjson.cpp
  ${CMAKE_CURRENT_LIST_DIR}/hostlist.h ${CMAKE_CURRENT_LIST_DIR}/hostlist.cpp)
