# CMake toolchain file: cross-compile for 64-bit Arm Linux (glibc) with Debian/Ubuntu's
# aarch64-linux-gnu cross compilers (packages g++-aarch64-linux-gnu, gcc-aarch64-linux-gnu).
#
#   cmake -S native -B build -DCMAKE_TOOLCHAIN_FILE=cmake/aarch64-linux-gnu.cmake
#
# Libraries and headers are found the multiarch way (e.g. libarm-compute-dev:arm64 installs into
# /usr/lib/aarch64-linux-gnu and /usr/include/aarch64-linux-gnu), so no sysroot is needed on a
# multiarch Debian/Ubuntu; set CMAKE_SYSROOT (e.g. -DCMAKE_SYSROOT=/path/to/arm64-rootfs) to build
# against a separate arm64 root filesystem instead.
#
# When qemu-aarch64 is on the PATH it becomes CMAKE_CROSSCOMPILING_EMULATOR, so ctest runs the
# arm64 test programs through it (QEMU_CPU in the environment picks the emulated CPU).

set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)

set(EFACL_CROSS_PREFIX "aarch64-linux-gnu-" CACHE STRING "prefix of the cross tools")
set(CMAKE_C_COMPILER "${EFACL_CROSS_PREFIX}gcc")
set(CMAKE_CXX_COMPILER "${EFACL_CROSS_PREFIX}g++")

# Multiarch: search lib/aarch64-linux-gnu and include/aarch64-linux-gnu under each prefix.
set(CMAKE_LIBRARY_ARCHITECTURE aarch64-linux-gnu)

# Programs (cmake, qemu) come from the build machine; libraries, headers and packages from the
# target. With a sysroot they are searched only inside it.
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
if(CMAKE_SYSROOT)
  set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
  set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
  set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
endif()

find_program(EFACL_QEMU_AARCH64 NAMES qemu-aarch64 qemu-aarch64-static)
if(EFACL_QEMU_AARCH64)
  if(CMAKE_SYSROOT)
    set(CMAKE_CROSSCOMPILING_EMULATOR "${EFACL_QEMU_AARCH64};-L;${CMAKE_SYSROOT}")
  else()
    # On a multiarch system the arm64 loader and libraries sit at their usual paths under /.
    set(CMAKE_CROSSCOMPILING_EMULATOR "${EFACL_QEMU_AARCH64};-L;/")
  endif()
endif()
