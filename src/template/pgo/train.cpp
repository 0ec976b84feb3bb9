// The training run of the template engine's profile-guided build (CMakeLists.txt next to this
// file). Linked with the instrumented copy of the engine, it renders, through the API
// `quorum render-template` uses, every differential case and the sample templates it is given,
// and loads the project's data files; the output is thrown away, only the execution counts
// left behind matter.
//
//   quorum_template_train CASES_DIR DATA_DIR [TEMPLATE_DIR ENTRY DATA_FILE]...
//
// CASES_DIR holds tests/template/cases/NNN-name/ folders: main.<ext> (with the templates it
// includes) and data.json. Error cases throw, as they should: their paths are trained too.
// Every .json file under DATA_DIR (data/: meetings, reports, schemas) is loaded: the cases'
// data is a few values each, and the real reports' tables of indicators, budget lines and risks
// are what the JSON reader spends its time on. Each TEMPLATE_DIR ENTRY DATA_FILE triple must render.
#include "template/environment.hpp"
#include "template/json_data.hpp"

#include <algorithm>
#include <exception>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace quorum;

namespace {

// Said before every fatal message: this runs inside the build, and the way round it.
constexpr const char* kFailed = "template profile: training failed (configure with -DQUORUM_PGO=OFF to build without it): ";

// A fixed order, so that the same sources always get the same profile (GCC records which
// function runs first, and orders them by it).
std::vector<fs::path> sorted_entries(const fs::path& dir) {
    std::vector<fs::path> entries{fs::directory_iterator(dir), fs::directory_iterator()};
    std::sort(entries.begin(), entries.end());
    return entries;
}

// The .json files under `dir`, in a fixed order.
std::vector<fs::path> json_files(const fs::path& dir) {
    std::vector<fs::path> files;
    for (const fs::directory_entry& entry : fs::recursive_directory_iterator(dir))
        if (entry.is_regular_file() && entry.path().extension() == ".json") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

void render(const fs::path& template_dir, const std::string& entry, const fs::path& data_file) {
    tmpl::Environment env({template_dir});
    env.render(entry, tmpl::load_json_data(data_file));
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3 || (argc - 3) % 3 != 0) {
        std::cerr << "usage: " << argv[0] << " CASES_DIR DATA_DIR [TEMPLATE_DIR ENTRY DATA_FILE]...\n";
        return 2;
    }
    int cases = 0, errors = 0;
    std::size_t data_files = 0;
    try {
        for (const fs::path& case_dir : sorted_entries(argv[1])) {
            for (const fs::path& file : sorted_entries(case_dir)) {
                if (!file.filename().string().starts_with("main.")) continue;
                ++cases;
                try {
                    render(case_dir, file.filename().string(), case_dir / "data.json");
                } catch (const std::exception& e) {
                    ++errors;
                    // Expected of error cases; of any other, a regression the differential test
                    // will report, and a profile skewed towards error paths meanwhile: say so.
                    if (!fs::exists(case_dir / "expected-error.txt") && !fs::exists(case_dir / "quorum-expect.txt"))
                        std::cerr << "template profile: case " << case_dir.filename().string()
                                  << " failed, though Jinja2 renders it: " << e.what() << "\n";
                }
            }
        }
        for (const fs::path& file : json_files(argv[2])) {
            tmpl::load_json_data(file);
            ++data_files;
        }
        for (int i = 3; i < argc; i += 3) render(argv[i], argv[i + 1], argv[i + 2]);
    } catch (const tmpl::RenderError& e) {  // a data file or sample that does not load or render
        std::cerr << kFailed << e.format();
        return 1;
    } catch (const std::exception& e) {  // a folder that cannot be read
        std::cerr << kFailed << e.what() << "\n";
        return 1;
    }
    if (cases == 0) {  // a wrong CASES_DIR would otherwise leave a profile of nothing, silently
        std::cerr << kFailed << "no cases in " << argv[1] << "\n";
        return 1;
    }
    std::cout << "template profile: trained on " << cases << " cases (" << errors << " of them errors), "
              << data_files << " data files and " << (argc - 3) / 3 << " samples\n";
    return 0;
}
