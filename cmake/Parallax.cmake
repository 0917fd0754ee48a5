# parallax_module(NAME SOURCES a.cc b.cc DEPS x y): the library target parallax_NAME, with the
# public headers and src/ on its include path.
function(parallax_module name)
  cmake_parse_arguments(M "" "" "SOURCES;DEPS" ${ARGN})
  add_library(parallax_${name} STATIC ${M_SOURCES})
  target_include_directories(parallax_${name} PUBLIC ${PROJECT_SOURCE_DIR}/include
                                                     ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(parallax_${name} PUBLIC ${M_DEPS})
endfunction()

# parallax_tests(NAME a_test.cc b_test.cc DEPS x): one GoogleTest binary per module.
function(parallax_tests name)
  if(NOT PARALLAX_TESTS)
    return()
  endif()
  cmake_parse_arguments(T "" "" "SOURCES;DEPS" ${ARGN})
  add_executable(${name}_test ${T_SOURCES})
  target_link_libraries(${name}_test PRIVATE ${T_DEPS} GTest::gtest_main GTest::gmock)
  target_compile_definitions(${name}_test PRIVATE
      PARALLAX_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
  gtest_discover_tests(${name}_test DISCOVERY_TIMEOUT 60
      WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
endfunction()
