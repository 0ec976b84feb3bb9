# End-to-end checks of `quorum validate` and `quorum report` (tests/papers/cli_papers_test.sh):
# exit codes, messages naming file and JSON path, nothing written on error, a rendered report
# read back with pdftotext. Included from stage_tests() in tests/CMakeLists.txt.
add_test(NAME "papers: quorum validate and report"
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/papers/cli_papers_test.sh $<TARGET_FILE:quorum>
         WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
set_tests_properties("papers: quorum validate and report" PROPERTIES TIMEOUT 120)
