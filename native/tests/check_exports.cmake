# ctest helper: the shared library's dynamic symbol table must hold exactly the functions
# declared in the header (efacl_*), nothing more (no C++ symbols, no ACL symbols) and nothing less.
# Usage: cmake -DNM=<nm> -DLIB=<lib.so> -DHEADER=<efficientformer_acl.h> -P check_exports.cmake
execute_process(COMMAND "${NM}" -D --defined-only "${LIB}"
  OUTPUT_VARIABLE out RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${NM} failed on ${LIB}")
endif()
string(REGEX MATCHALL "[0-9a-f]+ [TDBRVW] [^\n]+" lines "${out}")
set(exported)
foreach(line IN LISTS lines)
  string(REGEX REPLACE "^[0-9a-f]+ [A-Za-z] " "" sym "${line}")
  list(APPEND exported "${sym}")
endforeach()

file(READ "${HEADER}" header)
string(REGEX MATCHALL "EFACL_API[^(]*[ *](efacl_[a-z0-9_]+)\\(" decls "${header}")
set(declared)
foreach(d IN LISTS decls)
  string(REGEX REPLACE ".*[ *](efacl_[a-z0-9_]+)\\($" "\\1" name "${d}")
  list(APPEND declared "${name}")
endforeach()

set(extra ${exported})
list(REMOVE_ITEM extra ${declared})
set(missing ${declared})
list(REMOVE_ITEM missing ${exported})
list(LENGTH declared n)
if(extra OR missing)
  message(FATAL_ERROR "exports differ from the header:\n  not declared: ${extra}\n  missing: ${missing}")
endif()
message(STATUS "exports: the ${n} functions of the header, nothing else")
