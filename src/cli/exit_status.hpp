// How a subcommand ends: its callback throws the exit status through CLI11, so main()
// returns it (0 ok, 1 a problem with the input, 2 an internal error).
#pragma once

#include <CLI/CLI.hpp>

namespace quorum::cli {

[[noreturn]] inline void finish_with(int exit_status) {
    if (exit_status == 0) throw CLI::Success();
    throw CLI::RuntimeError(exit_status);
}

}  // namespace quorum::cli
