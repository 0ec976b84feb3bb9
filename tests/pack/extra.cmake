# End-to-end checks of `quorum pack` (tests/pack/pack_e2e.py) on tests/data/pack/meeting.json
# with real readers (poppler's pdftotext/pdfinfo, qpdf). Included from stage_tests().
if(TARGET test_pack)
  add_dependencies(test_pack quorum)
  # pdf_assembly opens its qpdf module from the running executable's directory: the build's top.
  set_target_properties(test_pack PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR})
endif()
add_test(NAME "pack: end to end (quorum pack with real PDF readers)"
         COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/pack/pack_e2e.py $<TARGET_FILE:quorum>
         WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
set_tests_properties("pack: end to end (quorum pack with real PDF readers)" PROPERTIES TIMEOUT 300)
add_test(NAME "pack: qpdf module loaded by pack only, missing module is exit 2"
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/pack/pdf_module_test.sh $<TARGET_FILE:quorum>
         WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
set_tests_properties("pack: qpdf module loaded by pack only, missing module is exit 2" PROPERTIES TIMEOUT 120)
