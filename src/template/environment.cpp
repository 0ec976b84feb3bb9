#include "template/environment.hpp"

#include "template/error.hpp"
#include "template/parser.hpp"

#include <fstream>
#include <sstream>

namespace quorum::tmpl {

namespace fs = std::filesystem;

namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Why a template name may not be loaded: absolute, or climbing out with "..".
std::string refusal_reason(const std::string& name) {
    if (name.empty()) return "template name is empty";
    if (name[0] == '/' || name[0] == '\\' || (name.size() > 1 && name[1] == ':'))
        return "refusing to load template '" + name + "': absolute paths are not allowed";
    std::size_t start = 0;
    while (start <= name.size()) {
        std::size_t end = name.find_first_of("/\\", start);
        if (end == std::string::npos) end = name.size();
        if (name.compare(start, end - start, "..") == 0)
            return "refusing to load template '" + name + "': '..' may not leave the template folders";
        start = end + 1;
    }
    if (name.find('\0') != std::string::npos) return "refusing to load template: name contains a NUL byte";
    return {};
}

// Is `path` (resolved through symlinks) inside `dir`?
bool is_within(const fs::path& dir, const fs::path& path) {
    std::error_code ec;
    fs::path base = fs::weakly_canonical(dir, ec);
    if (ec) return false;
    fs::path full = fs::weakly_canonical(path, ec);
    if (ec) return false;
    auto b = base.begin(), f = full.begin();
    for (; b != base.end(); ++b, ++f)
        if (f == full.end() || *b != *f) return false;
    return true;
}

}  // namespace

Environment::Environment(std::vector<fs::path> template_dirs) : dirs_(std::move(template_dirs)) {
    register_builtin_filters(library_);
    register_builtin_tests(library_);
    register_builtin_globals(library_);
    register_council_filters(library_);
}

bool Environment::autoescape_for(std::string_view name) {
    if (ends_with(name, ".j2")) name.remove_suffix(3);
    return ends_with(name, ".html") || ends_with(name, ".htm") || ends_with(name, ".xhtml") || ends_with(name, ".xml");
}

void Environment::add_template(std::string name, std::string source) {
    cache_.erase(name);
    memory_[std::move(name)] = std::move(source);
}

std::optional<std::string> Environment::read_source(const std::string& name, std::string& why) const {
    if (auto it = memory_.find(name); it != memory_.end()) return it->second;
    why = refusal_reason(name);
    if (!why.empty()) return std::nullopt;
    for (const fs::path& dir : dirs_) {
        fs::path path = dir / name;
        std::error_code ec;
        if (!fs::is_regular_file(path, ec)) continue;
        if (!is_within(dir, path)) {
            why = "refusing to load template '" + name + "': it resolves outside the template folders";
            return std::nullopt;
        }
        std::ifstream in(path, std::ios::binary);
        if (!in) continue;
        std::ostringstream text;
        text << in.rdbuf();
        return text.str();
    }
    why = "template not found: " + name;
    return std::nullopt;
}

LoadResult Environment::load(const std::string& name) {
    if (auto it = cache_.find(name); it != cache_.end()) return {it->second, {}};
    std::string why;
    std::optional<std::string> source = read_source(name, why);
    if (!source) return {nullptr, why};
    TemplatePtr tmpl = parse_template(*source, name, autoescape_for(name), symbols_, library_);
    cache_[name] = tmpl;
    return {tmpl, {}};
}

TemplatePtr Environment::get_template(const std::string& name) {
    LoadResult result = load(name);
    if (!result.tmpl) throw RenderError(RenderError::Kind::NotFound, result.why, {name, 0, 1});
    return result.tmpl;
}

std::string Environment::render(const std::string& name, const Value& context, std::size_t reserve) {
    TemplatePtr tmpl = get_template(name);
    Interpreter interp(*this);
    return interp.render(tmpl, context, reserve);
}

}  // namespace quorum::tmpl
