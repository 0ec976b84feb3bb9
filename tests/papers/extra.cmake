# End-to-end checks of `quorum validate` and `quorum report` (tests/papers/cli_papers_test.sh):
# exit codes, messages naming file and JSON path, nothing written on error, a rendered report
# read back with pdftotext. Included from stage_tests() in tests/CMakeLists.txt.
add_test(NAME "papers: quorum validate and report"
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/papers/cli_papers_test.sh $<TARGET_FILE:quorum>
         WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
set_tests_properties("papers: quorum validate and report" PROPERTIES TIMEOUT 120)

# The paper templates end to end: context fixtures and every sample paper rendered, the
# XHTML and the PDFs checked (cover sheet, numbering, brackets, RAG in text, landscape pages).
add_test(NAME "papers: templates end to end"
         COMMAND python3 ${PROJECT_SOURCE_DIR}/tests/data/templates/check_templates.py --quorum $<TARGET_FILE:quorum>
         WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
set_tests_properties("papers: templates end to end" PROPERTIES TIMEOUT 600)

# The three sample reports against the seeds' own figures (tests/papers/check_sample_reports.py):
# every budget line, indicator result, rating and arrow, Table 1, the not-met lists, risks.
add_test(NAME "papers: sample reports agree with the seeds"
         COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/papers/check_sample_reports.py --quorum $<TARGET_FILE:quorum>
         WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
set_tests_properties("papers: sample reports agree with the seeds" PROPERTIES TIMEOUT 600)
