// A problem found in a paper's data: where (JSON pointer from the file's root) and what.
//
// Every stage that checks data (schema validation, the council's rules) appends to one
// list, so the officer sees all problems at once, not the first only.
#pragma once

#include <string>
#include <vector>

namespace quorum::papers {

struct Issue {
    std::string file;     // the data file, as the user named it
    std::string path;     // JSON pointer, e.g. "/budget/capital/lines/0/stated/variance"
    std::string message;  // what was found and what was expected
};

using Issues = std::vector<Issue>;

// "FILE: /json/path: message" (the path is "/" for the whole document).
inline std::string format(const Issue& issue) {
    return issue.file + ": " + (issue.path.empty() ? std::string("/") : issue.path) + ": " + issue.message;
}

}  // namespace quorum::papers
