# Differential suite: Quorum's template engine against Python's Jinja2 3.1 (issue 2, section 3).
# Included from stage_tests() in tests/CMakeLists.txt, so ${CMAKE_CURRENT_SOURCE_DIR} is tests/.
# One CTest test per group of case categories (folder names NNN-<category>-<name>), so that
# `ctest -j2` runs them in parallel and a failure names its area.  Each run also checks that the
# installed Jinja2 still agrees with the golden expected*.txt files.
set(_quorum_diff_groups
  "syntax and expressions|^[0-9]+-(syntax|ws|literal|op|bigint)-"
  "statements|^[0-9]+-(if|for|loop|set|global|macro|call|with|filterblock|raw|scope)-"
  "include, import, extends|^[0-9]+-(include|import|extends)-"
  "filters, tests, methods|^[0-9]+-(method|filter|test|generator|attrlookup|dictview)-"
  "escaping, JSON data, unicode, council papers|^[0-9]+-(escape|json|unicode|council|numsweep|strsweep)-"
  "syntax errors|^[0-9]+-errsyntax-"
  "runtime errors|^[0-9]+-errrun-"
  "errors two lines down|^[0-9]+-errshift-")
foreach(_group IN LISTS _quorum_diff_groups)
  string(REPLACE "|" ";" _parts "${_group}")
  list(GET _parts 0 _label)
  list(SUBLIST _parts 1 -1 _rest)
  list(JOIN _rest "|" _regex)
  add_test(NAME "template: differential against Jinja2 (${_label})"
           COMMAND /usr/bin/python3 ${CMAKE_CURRENT_SOURCE_DIR}/template/differential.py
                   $<TARGET_FILE:quorum> -k "${_regex}" -j 2
           WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  set_tests_properties("template: differential against Jinja2 (${_label})" PROPERTIES TIMEOUT 300)
endforeach()
# Every case belongs to exactly one group above; this catches a category missing from the list.
add_test(NAME "template: differential cases all grouped"
         COMMAND /usr/bin/python3 ${CMAKE_CURRENT_SOURCE_DIR}/template/differential.py --check-groups
         WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
# The JSON reader's shortcuts for table-like data (shared key lists, keys recognised by their raw
# bytes, strings that point into the file text) against Python's json, on seeded random documents.
add_test(NAME "template: JSON data loads as Python's json loads it (random documents)"
         COMMAND /usr/bin/python3 ${CMAKE_CURRENT_SOURCE_DIR}/template/json_random.py $<TARGET_FILE:quorum>
         WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
set_tests_properties("template: JSON data loads as Python's json loads it (random documents)" PROPERTIES TIMEOUT 300)
