# Visual regression (issue 3, "How we know it works"): each fixture tests/data/visual/NAME.xhtml is
# rendered with `quorum render`, rasterised with `pdftoppm -r 50 -gray` and compared page by page with
# the reviewed golden PNGs tests/data/visual/golden/NAME-pN.png (tests/visual/compare.py: a page fails
# when more than 0.1% of its pixels differ by more than 64 gray levels). Regenerate the goldens with
# tests/visual/update_golden.sh and look at every one before committing it.
# Included from stage_tests() in tests/CMakeLists.txt (no C++ sources here).
file(GLOB _visual_docs CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/data/visual/*.xhtml)
foreach(_doc IN LISTS _visual_docs)
  get_filename_component(_name ${_doc} NAME_WE)
  add_test(NAME "visual: ${_name}"
           COMMAND /usr/bin/python3 ${CMAKE_CURRENT_SOURCE_DIR}/visual/compare.py $<TARGET_FILE:quorum>
                   --only ${_name} --out ${CMAKE_CURRENT_BINARY_DIR}/visual-out
           WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  set_tests_properties("visual: ${_name}" PROPERTIES TIMEOUT 60)
endforeach()
