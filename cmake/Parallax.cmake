# Unity builds (CMAKE_UNITY_BUILD, set by scripts/build.sh and the test command) compile a
# target's sources in batches, so two files of one target may not both define a helper of the
# same name in an anonymous namespace. Such a file is listed under UNITY_ALONE below: it is
# compiled on its own, the rest still in batches.
function(parallax_unity_alone)
  if(ARGN)
    set_source_files_properties(${ARGN} DIRECTORY ${CMAKE_CURRENT_SOURCE_DIR}
                                PROPERTIES SKIP_UNITY_BUILD_INCLUSION ON)
  endif()
endfunction()

# parallax_module(NAME SOURCES a.cc b.cc DEPS x y [UNITY_ALONE c.cc]): the library target
# parallax_NAME, with the public headers and src/ on its include path.
function(parallax_module name)
  cmake_parse_arguments(M "" "" "SOURCES;DEPS;UNITY_ALONE" ${ARGN})
  parallax_unity_alone(${M_UNITY_ALONE})
  add_library(parallax_${name} STATIC ${M_SOURCES})
  target_include_directories(parallax_${name} PUBLIC ${PROJECT_SOURCE_DIR}/include
                                                     ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(parallax_${name} PUBLIC ${M_DEPS})
endfunction()

# parallax_tests(NAME a_test.cc b_test.cc DEPS x [UNITY_ALONE c_test.cc]): one GoogleTest
# binary per module.
function(parallax_tests name)
  if(NOT PARALLAX_TESTS)
    return()
  endif()
  cmake_parse_arguments(T "" "" "SOURCES;DEPS;UNITY_ALONE" ${ARGN})
  parallax_unity_alone(${T_UNITY_ALONE})
  add_executable(${name}_test ${T_SOURCES})
  target_link_libraries(${name}_test PRIVATE ${T_DEPS} GTest::gtest_main GTest::gmock)
  target_compile_definitions(${name}_test PRIVATE
      PARALLAX_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
  gtest_discover_tests(${name}_test DISCOVERY_TIMEOUT 60
      WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
endfunction()
