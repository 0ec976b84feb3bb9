// How a subcommand ends: its callback throws the exit status through CLI11, so main()
// returns it (0 ok, 1 a problem with the input, 2 an internal error).
#pragma once

#include <CLI/CLI.hpp>

#include <cstdio>
#include <exception>
#include <new>
#include <string>

namespace quorum::cli {

[[noreturn]] inline void finish_with(int exit_status) {
    if (exit_status == 0) throw CLI::Success();
    throw CLI::RuntimeError(exit_status);
}

// Runs a command's body, which reports the errors it expects itself and returns 0 or 1.
// Anything else that escapes is a bug: "SUBJECT: internal error: WHAT" and exit status 2,
// never an uncaught exception (which would abort with a core dump and no file name).
template <class Body>
int exit_status_of(const std::string& subject, Body&& body) {
    try {
        return body();
    } catch (const std::bad_alloc&) {
        std::fflush(stdout);
        std::fprintf(stderr, "%s: error: out of memory\n", subject.c_str());
    } catch (const std::exception& e) {
        std::fflush(stdout);
        std::fprintf(stderr, "%s: internal error: %s\n", subject.c_str(), e.what());
    } catch (...) {
        std::fflush(stdout);
        std::fprintf(stderr, "%s: internal error\n", subject.c_str());
    }
    return 2;
}

}  // namespace quorum::cli
