# pdf_bench: a timing harness for the PDF stage (run by hand; not part of ctest).
add_executable(pdf_bench ${CMAKE_CURRENT_SOURCE_DIR}/pdf/bench/pdf_bench.cpp)
target_link_libraries(pdf_bench PRIVATE quorum_pdf quorum_warnings)
target_compile_definitions(pdf_bench PRIVATE QUORUM_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
