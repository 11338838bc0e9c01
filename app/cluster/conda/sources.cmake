# conda: command builders, parsers (info, environments, packages, plans), progress, diagnosis.
target_sources(onramp_cluster PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/condatr.h
  ${CMAKE_CURRENT_LIST_DIR}/condaoutput.h ${CMAKE_CURRENT_LIST_DIR}/condaoutput.cpp
  ${CMAKE_CURRENT_LIST_DIR}/condacommands.h ${CMAKE_CURRENT_LIST_DIR}/condacommands.cpp
  ${CMAKE_CURRENT_LIST_DIR}/condainfo.h ${CMAKE_CURRENT_LIST_DIR}/condainfo.cpp
  ${CMAKE_CURRENT_LIST_DIR}/condaplan.h ${CMAKE_CURRENT_LIST_DIR}/condaplan.cpp
  ${CMAKE_CURRENT_LIST_DIR}/condaprogress.h ${CMAKE_CURRENT_LIST_DIR}/condaprogress.cpp
  ${CMAKE_CURRENT_LIST_DIR}/condadiagnosis.h ${CMAKE_CURRENT_LIST_DIR}/condadiagnosis.cpp)
