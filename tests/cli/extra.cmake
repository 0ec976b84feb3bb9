# End-to-end checks of the `quorum` command line (tests/cli/cli_test.sh): help, version,
# render-template to stdout and to a file, and the error contract (exit codes, one
# FILE:LINE:COL line on stderr, nothing on stdout, no output file).
# Included from stage_tests() in tests/CMakeLists.txt.
add_test(NAME "cli: quorum command line"
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/cli/cli_test.sh $<TARGET_FILE:quorum>
         WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
set_tests_properties("cli: quorum command line" PROPERTIES TIMEOUT 120)
