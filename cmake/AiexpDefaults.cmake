# Settings every target of the project shares, and the nlohmann_json target for both builds.

# Warnings and the C++ standard for one target.
function(aiexp_defaults target)
  target_compile_features(${target} PUBLIC cxx_std_20)
  if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion)
  endif()
endfunction()

# nlohmann_json is header-only. find_package() fails under Emscripten (the toolchain confines searches to its
# sysroot) and adding /usr/include leaks glibc headers into the wasm build, so link only the nlohmann/ folder
# into a build-local include directory (NOTES-toolchain.md #2). The same target serves the native build.
find_path(AIEXP_NLOHMANN_DIR nlohmann/json.hpp PATHS /usr/include NO_CMAKE_FIND_ROOT_PATH REQUIRED)
set(_aiexp_json_include "${CMAKE_BINARY_DIR}/third_party/include")
file(MAKE_DIRECTORY "${_aiexp_json_include}")
file(CREATE_LINK "${AIEXP_NLOHMANN_DIR}/nlohmann" "${_aiexp_json_include}/nlohmann" SYMBOLIC)
add_library(aiexp_json INTERFACE)
target_include_directories(aiexp_json SYSTEM INTERFACE "${_aiexp_json_include}")
if(EMSCRIPTEN)
  # Exceptions are off in the wasm build: any nlohmann throw becomes an abort the tests would see,
  # and core/ never relies on one (every read is checked first).
  target_compile_definitions(aiexp_json INTERFACE JSON_NOEXCEPTION)
endif()
