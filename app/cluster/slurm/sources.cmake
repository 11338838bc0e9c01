# Slurm: command builders, parsers (sinfo, squeue, scontrol) and explanations of reasons and errors.
target_sources(onramp_cluster PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/slurmdetail.h
  ${CMAKE_CURRENT_LIST_DIR}/slurmvalidate.h ${CMAKE_CURRENT_LIST_DIR}/slurmvalidate.cpp
  ${CMAKE_CURRENT_LIST_DIR}/slurmvalues.h ${CMAKE_CURRENT_LIST_DIR}/slurmvalues.cpp
  ${CMAKE_CURRENT_LIST_DIR}/slurmcommands.h ${CMAKE_CURRENT_LIST_DIR}/slurmcommands.cpp
  ${CMAKE_CURRENT_LIST_DIR}/slurmparsers.h ${CMAKE_CURRENT_LIST_DIR}/slurmparsers.cpp
  ${CMAKE_CURRENT_LIST_DIR}/scontrol.h ${CMAKE_CURRENT_LIST_DIR}/scontrol.cpp
  ${CMAKE_CURRENT_LIST_DIR}/slurmdiagnosis.h ${CMAKE_CURRENT_LIST_DIR}/slurmdiagnosis.cpp)
