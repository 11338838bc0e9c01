# GPU and PyTorch: nvidia-smi builders and parsers, the PyTorch probe, and their diagnoses.
target_sources(onramp_cluster PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/gputr.h
  ${CMAKE_CURRENT_LIST_DIR}/gpuparse_p.h ${CMAKE_CURRENT_LIST_DIR}/gpuparse.cpp
  ${CMAKE_CURRENT_LIST_DIR}/nvidiasmi.h ${CMAKE_CURRENT_LIST_DIR}/nvidiasmi.cpp
  ${CMAKE_CURRENT_LIST_DIR}/gpudiagnosis.h ${CMAKE_CURRENT_LIST_DIR}/gpudiagnosis.cpp
  ${CMAKE_CURRENT_LIST_DIR}/torchprobe.h ${CMAKE_CURRENT_LIST_DIR}/torchprobe.cpp)

# The probe script runs on the cluster; Onramp carries it as a resource (torchProbeScript()).
qt_add_resources(onramp_cluster onramp_cluster_gpu
  PREFIX /onramp/cluster/gpu
  BASE ${CMAKE_CURRENT_LIST_DIR}
  FILES ${CMAKE_CURRENT_LIST_DIR}/torch_probe.py)
