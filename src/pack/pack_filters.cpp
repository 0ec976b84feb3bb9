#include "pack/pack_filters.hpp"

#include "template/library.hpp"

#include <algorithm>
#include <utility>

namespace quorum::pack {

std::string demote_headings(std::string xhtml, int levels) {
    std::string out = std::move(xhtml);  // the whole paper: changed in place, not copied
    for (std::size_t at = out.find("<"); at != std::string::npos; at = out.find('<', at + 1)) {
        std::size_t h = at + 1;
        if (h < out.size() && out[h] == '/') ++h;
        if (h + 2 >= out.size() || (out[h] != 'h' && out[h] != 'H')) continue;
        const char digit = out[h + 1], after = out[h + 2];
        const bool ends_name = after == '>' || after == ' ' || after == '\t' || after == '\n' || after == '/';
        if (digit < '1' || digit > '6' || !ends_name) continue;
        out[h + 1] = static_cast<char>('0' + std::min(6, digit - '0' + levels));
    }
    return out;
}

void register_pack_filters(tmpl::Library& library) {
    library.add_filter("demote_headings", [](tmpl::CallContext&, const tmpl::Value& input, const tmpl::Arguments& args) {
        int levels = 1;
        if (!args.positional.empty() && args.positional[0].is_int()) levels = int(args.positional[0].as_int());
        if (const tmpl::Value* given = args.keyword_arg("levels"); given && given->is_int()) levels = int(given->as_int());
        return tmpl::Value::markup(demote_headings(tmpl::to_str(input), levels));
    });
}

}  // namespace quorum::pack
