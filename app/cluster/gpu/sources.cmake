# GPU and PyTorch: nvidia-smi builders and parsers, and the diagnoses of GPU failures.
target_sources(onramp_cluster PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/gputr.h
  ${CMAKE_CURRENT_LIST_DIR}/gpuparse_p.h ${CMAKE_CURRENT_LIST_DIR}/gpuparse.cpp
  ${CMAKE_CURRENT_LIST_DIR}/nvidiasmi.h ${CMAKE_CURRENT_LIST_DIR}/nvidiasmi.cpp
  ${CMAKE_CURRENT_LIST_DIR}/gpudiagnosis.h ${CMAKE_CURRENT_LIST_DIR}/gpudiagnosis.cpp)

