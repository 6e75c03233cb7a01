# FindArmComputeLibrary
# ---------------------
# Finds the Arm Compute Library (ACL): its headers (arm_compute/runtime/NEON/NEFunctions.h) and
# libarm_compute.
#
# Looks in the usual places, including multiarch ones (Debian/Ubuntu's libarm-compute-dev puts the
# headers in /usr/include/<triplet> and the library in /usr/lib/<triplet>), and first under
# ArmComputeLibrary_ROOT / $ENV{ARMCOMPUTE_ROOT} when set (an ACL source tree built with scons:
# headers at its top, libraries in build/).
#
# Imported target:
#   ArmComputeLibrary::arm_compute
# Result variables:
#   ArmComputeLibrary_FOUND, ArmComputeLibrary_INCLUDE_DIR, ArmComputeLibrary_LIBRARY,
#   ArmComputeLibrary_VERSION (e.g. 24.11, read from the library's build string when possible)

set(_acl_hints)
foreach(_root IN ITEMS "${ArmComputeLibrary_ROOT}" "$ENV{ArmComputeLibrary_ROOT}" "$ENV{ARMCOMPUTE_ROOT}")
  if(_root)
    list(APPEND _acl_hints "${_root}")
  endif()
endforeach()

find_path(ArmComputeLibrary_INCLUDE_DIR
  NAMES arm_compute/runtime/NEON/NEFunctions.h
  HINTS ${_acl_hints}
  PATH_SUFFIXES aarch64-linux-gnu include include/aarch64-linux-gnu
  DOC "directory holding arm_compute/")

find_library(ArmComputeLibrary_LIBRARY
  NAMES arm_compute
  HINTS ${_acl_hints}
  PATH_SUFFIXES lib build lib/aarch64-linux-gnu
  DOC "libarm_compute")

# Version: the library embeds "arm_compute_version=vXX.YY" in its build string.
if(ArmComputeLibrary_LIBRARY AND NOT ArmComputeLibrary_VERSION)
  get_filename_component(_acl_real "${ArmComputeLibrary_LIBRARY}" REALPATH)
  file(STRINGS "${_acl_real}" _acl_version_line REGEX "arm_compute_version=v[0-9]+\\.[0-9]+" LIMIT_COUNT 1)
  if(_acl_version_line MATCHES "arm_compute_version=v([0-9]+\\.[0-9]+(\\.[0-9]+)?)")
    set(ArmComputeLibrary_VERSION "${CMAKE_MATCH_1}" CACHE INTERNAL "Arm Compute Library version")
  endif()
endif()

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(ArmComputeLibrary
  REQUIRED_VARS ArmComputeLibrary_LIBRARY ArmComputeLibrary_INCLUDE_DIR
  VERSION_VAR ArmComputeLibrary_VERSION)

if(ArmComputeLibrary_FOUND AND NOT TARGET ArmComputeLibrary::arm_compute)
  add_library(ArmComputeLibrary::arm_compute UNKNOWN IMPORTED)
  set_target_properties(ArmComputeLibrary::arm_compute PROPERTIES
    IMPORTED_LOCATION "${ArmComputeLibrary_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${ArmComputeLibrary_INCLUDE_DIR}")
endif()

mark_as_advanced(ArmComputeLibrary_INCLUDE_DIR ArmComputeLibrary_LIBRARY)
