# The end-to-end tests run the real `quorum` binary (QUORUM_BINARY) and PDF readers.
if(TARGET test_typeset)
  add_dependencies(test_typeset quorum)
endif()
