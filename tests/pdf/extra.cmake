# pdf_bench: a timing harness for the PDF stage (run by hand; not part of ctest).
add_executable(pdf_bench ${CMAKE_CURRENT_SOURCE_DIR}/pdf/bench/pdf_bench.cpp)
target_link_libraries(pdf_bench PRIVATE quorum_pdf quorum_warnings)
target_compile_definitions(pdf_bench PRIVATE QUORUM_SOURCE_DIR="${PROJECT_SOURCE_DIR}")

# test_libharu_premise.cpp calls libharu directly to show the ToUnicode bug we work around.
target_include_directories(test_pdf PRIVATE ${HPDF_INCLUDE_DIR})
target_link_libraries(test_pdf PRIVATE ${HPDF_LIBRARY})
find_package(ZLIB REQUIRED)  # test_page_compressor.cpp inflates what the writer deflated
target_link_libraries(test_pdf PRIVATE ZLIB::ZLIB)
