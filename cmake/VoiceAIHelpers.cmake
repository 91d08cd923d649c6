# Shared build helpers: warnings, core areas, tests and benchmarks.

function(voiceai_set_warnings target)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic)
    if(VOICEAI_WERROR)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
endfunction()

# voiceai_add_core_area(<area> SOURCES ... [LIBS ...])
# Each room of core/ is its own static library, voiceai_<area>, so that the
# layering between rooms is explicit in CMake and checked by the linker.
function(voiceai_add_core_area area)
    cmake_parse_arguments(ARG "" "" "SOURCES;LIBS" ${ARGN})
    qt_add_library(voiceai_${area} STATIC ${ARG_SOURCES})
    target_include_directories(voiceai_${area} PUBLIC ${PROJECT_SOURCE_DIR}/core)
    target_link_libraries(voiceai_${area} PUBLIC Qt6::Core ${ARG_LIBS})
    voiceai_set_warnings(voiceai_${area})
    foreach(lib IN LISTS ARG_LIBS)
        if(lib MATCHES "Widgets|Gui")
            message(FATAL_ERROR "core area '${area}' must not link ${lib}")
        endif()
    endforeach()
endfunction()

# voiceai_add_test(<name> SOURCES ... [LIBS ...] [NEEDS_CLI] [LABELS ...] [TIMEOUT s])
# Builds tst_<name> and registers it with CTest. Tests run on the offscreen
# platform; NEEDS_CLI passes the path of voiceai-cli as VOICEAI_CLI_PATH.
function(voiceai_add_test name)
    cmake_parse_arguments(ARG "NEEDS_CLI" "TIMEOUT" "SOURCES;LIBS;LABELS" ${ARGN})
    qt_add_executable(tst_${name} ${ARG_SOURCES})
    target_link_libraries(tst_${name} PRIVATE Qt6::Test voiceai_testsupport ${ARG_LIBS})
    voiceai_set_warnings(tst_${name})
    if(ARG_NEEDS_CLI)
        target_compile_definitions(tst_${name} PRIVATE VOICEAI_CLI_PATH="$<TARGET_FILE:voiceai-cli>")
        add_dependencies(tst_${name} voiceai-cli)
    endif()
    add_test(NAME ${name} COMMAND tst_${name})
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 300)
    endif()
    set_tests_properties(${name} PROPERTIES
        TIMEOUT ${ARG_TIMEOUT}
        LABELS "${ARG_LABELS}"
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;LC_ALL=C.UTF-8")
endfunction()

# voiceai_add_bench(<name> SOURCES ... [LIBS ...])
function(voiceai_add_bench name)
    cmake_parse_arguments(ARG "" "" "SOURCES;LIBS" ${ARGN})
    qt_add_executable(bench_${name} ${ARG_SOURCES})
    target_link_libraries(bench_${name} PRIVATE ${ARG_LIBS})
    voiceai_set_warnings(bench_${name})
endfunction()
