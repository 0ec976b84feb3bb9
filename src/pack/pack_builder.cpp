#include "pack/pack_builder.hpp"

#include "pack/calendar.hpp"
#include "pack/manifest.hpp"
#include "pack/naming.hpp"
#include "pack/pack_context.hpp"
#include "pack/pack_filters.hpp"
#include "pack/pdf_assembly.hpp"
#include "pack/staging.hpp"
#include "quorum/version.hpp"
#include "template/environment.hpp"
#include "template/error.hpp"
#include "template/json_data.hpp"

#include "io/files.hpp"
#include "typeset/typeset.hpp"

#include <fstream>
#include <map>
#include <set>
#include <stdexcept>

namespace quorum::pack {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

const char* const kStylesheets[] = {"papers.css", "pack.css"};

// The item's pages in the pack, from the anchors the typesetter reports.
struct ItemPages {
    const LoadedItem* item;
    std::string file_stem;
    int first = 0, last = 0;
};

std::vector<fs::path> template_search_path(const PackRequest& request) {
    std::vector<fs::path> dirs = request.template_dirs;
    dirs.emplace_back(QUORUM_TEMPLATES_DIR);
    return dirs;
}

// "<stem>-agenda<kind>[-members]<extension>", "-supplementary-agenda" for a supplement:
// the pack PDF and the HTML agenda are named alike so a folder lists them together.
std::string agenda_file_name(const std::string& stem, const PackRequest& request, const std::string& kind,
                             const std::string& extension) {
    return stem + (request.supplement ? "-supplementary-agenda" : "-agenda") + kind +
           (request.for_members() ? "-members" : "") + extension;
}

void write_text(const fs::path& file, const std::string& text) {
    if (const std::error_code error = io::write_text(file, text))
        throw fs::filesystem_error("cannot write", file, error);
}

// Copies the house stylesheets (the first template folder holding each wins) into `dir`.
void copy_stylesheets(const std::vector<fs::path>& template_dirs, const fs::path& dir) {
    fs::create_directories(dir);
    for (const char* name : kStylesheets) {
        bool found = false;
        for (const fs::path& templates : template_dirs) {
            const fs::path sheet = templates / "style" / name;
            if (!fs::is_regular_file(sheet)) continue;
            fs::copy_file(sheet, dir / name, fs::copy_options::overwrite_existing);
            found = true;
            break;
        }
        if (!found) throw PackFailure{{std::string("style/") + name + ": error: stylesheet not found in the template folders"}};
    }
}

class PackBuilder {
public:
    PackBuilder(const PackRequest& request, const ProgressFn& progress, const ProgressFn& warn)
        : request_(request), progress_(progress), warn_(warn), templates_(template_search_path(request)),
          env_(templates_) {
        register_pack_filters(env_.library());
        settings_.audience = request.audience;
        settings_.supplement = request.supplement;
    }

    PackSummary build() {
        load();
        check_publication_date();
        Staging staging(request_.out_dir);
        const fs::path work = staging.path(".work");
        const typeset::RenderResult typeset = typeset_pack(work);
        pages_ = item_pages(typeset);
        const std::string pack_name = pack_file_name(stem_, request_);
        assemble(work / "typeset.pdf", typeset, staging.path(pack_name));
        write_item_pdfs(staging);
        const std::string html_name = html_file_name();
        write_html(staging, html_name);
        write_manifest(staging, typeset.page_count);
        staging.commit({"items", "html", pack_name, html_name, "manifest.json"});
        summary_.pack_pdf = request_.out_dir / pack_name;
        summary_.pages = typeset.page_count;
        return summary_;
    }

private:
    const PackRequest& request_;
    const ProgressFn& progress_;
    const ProgressFn& warn_;
    std::vector<fs::path> templates_;
    tmpl::Environment env_;
    LoadedMeeting meeting_;
    std::string stem_;
    std::vector<ItemPages> pages_;
    std::vector<WrittenFile> written_;
    PackSummary summary_;
    PackSettings settings_;


    void load() {
        papers::Issues issues;
        meeting_ = load_meeting(request_.meeting_file, {request_.audience, request_.supplement}, issues);
        if (!issues.empty()) {
            PackFailure failure;
            for (const papers::Issue& issue : issues) failure.messages.push_back(papers::format(issue));
            throw failure;
        }
        stem_ = output_stem(meeting_.data.value("committee", ""), meeting_.data.value("date", ""));
        progress_("loaded " + std::to_string(meeting_.items.size()) + " items from " + request_.meeting_file.string());
    }

    void check_publication_date() {
        const Date publication = meeting_dates(meeting_.data).publication;
        if (today() <= publication) return;
        const std::string message =
            request_.meeting_file.string() + ": warning: published after the statutory publication date " +
            date_text_with_weekday(publication) +
            " (the agenda must be open to inspection five clear working days before the meeting, "
            "Local Government Act 1972 s100B)";
        summary_.warnings.push_back(message);
        warn_(message);
    }

    std::string render_template(const std::string& name, const json& context) {
        try {
            return env_.render(name, tmpl::parse_json_data(context.dump(), "<pack context>"));
        } catch (const tmpl::RenderError& e) {
            throw PackFailure{{e.format()}};
        }
    }

    typeset::RenderResult typeset_pack(const fs::path& work) {
        copy_stylesheets(templates_, work / "style");
        typeset::RenderResult result = typeset_once(work);
        // Single-page items print one page number. Saying so changes only the text of the
        // order of business, but check the next layout agrees, and fall back to "N - N"
        // (always true) rather than ever print one number for a longer item.
        for (int pass = 0; pass < 2; ++pass) {
            const std::set<std::string> singles = single_page_items(result);
            if (singles == settings_.single_page_items) return result;
            settings_.single_page_items = singles;
            result = typeset_once(work);
        }
        if (single_page_items(result) == settings_.single_page_items) return result;
        settings_.single_page_items.clear();
        return typeset_once(work);
    }

    std::set<std::string> single_page_items(const typeset::RenderResult& result) const {
        std::set<std::string> out;
        for (const ItemPages& item : item_pages(result))
            if (item.first == item.last) out.insert(item.item->number);
        return out;
    }

    typeset::RenderResult typeset_once(const fs::path& work) {
        const json context = pack_context(meeting_, settings_, Medium::Print, {"style/", ""});
        write_text(work / "pack.xhtml", render_template("pack/pack.xhtml.j2", context));
        progress_("typesetting the pack");
        typeset::RenderOptions options;
        options.font_catalogue = request_.font_catalogue;
        try {
            typeset::RenderResult result = typeset::render_document(work / "pack.xhtml", {}, work / "typeset.pdf", options);
            for (const std::string& w : result.warnings) warn_(w);
            return result;
        } catch (const typeset::RenderError& e) {
            // The XHTML it names lives in the staging folder, removed when the pack fails.
            throw PackFailure{{request_.meeting_file.string() + ": error: cannot typeset the pack its templates made: " +
                               e.message + " (the XHTML was temporary)"}};
        }
    }

    int anchor_page(const typeset::RenderResult& result, const std::string& anchor) const {
        const auto it = result.anchor_pages.find(anchor);
        // Only a pack template (the built-in one, or one given with --templates) can lose an
        // anchor: that is the user's to fix, so say which id the template must emit.
        if (it == result.anchor_pages.end())
            throw PackFailure{{request_.meeting_file.string() + ": error: the pack's templates made no element with id=\"" +
                               anchor + "\"; the pack template (pack/item.xhtml.j2) must emit it to number the pages"}};
        return it->second;
    }

    std::vector<ItemPages> item_pages(const typeset::RenderResult& result) const {
        std::vector<ItemPages> out;
        for (const LoadedItem& item : meeting_.items) {
            if (!item.has_section()) continue;
            out.push_back({&item, item_file_stem(item.number, item.title), anchor_page(result, item_anchor(item.number)),
                           anchor_page(result, item_end_anchor(item.number))});
        }
        return out;
    }

    // The pages the template reserved for PDF appendices, checked to be consecutive.
    std::vector<AppendixPlacement> placements(const typeset::RenderResult& result) const {
        std::vector<AppendixPlacement> out;
        const bool members = request_.for_members();
        for (const LoadedItem& item : meeting_.items) {
            if (item.to_follow && !request_.supplement) continue;
            if (item.exempt_paragraph && !members) continue;  // the public pack shows no appendix
            for (std::size_t i = 0; i < item.appendices.size(); ++i) {
                const LoadedAppendix& appendix = item.appendices[i];
                if (appendix.pdf_file.empty()) continue;
                const int first = anchor_page(result, pdf_page_anchor(item.number, i, 1));
                std::string found;
                bool consecutive = true;
                for (int page = 1; page <= appendix.pdf_pages; ++page) {
                    const int at = anchor_page(result, pdf_page_anchor(item.number, i, page));
                    found += (page > 1 ? ", " : "") + std::to_string(at);
                    consecutive = consecutive && at == first + page - 1;
                }
                if (!consecutive)
                    throw PackFailure{{request_.meeting_file.string() + ": error: the pages the pack's templates reserved for " +
                                       appendix.pdf_file.string() + " are not consecutive (" + found +
                                       "); each placeholder page must follow the last"}};
                out.push_back({appendix.pdf_file, first});
            }
        }
        return out;
    }

    void assemble(const fs::path& typeset_pdf, const typeset::RenderResult& result, const fs::path& pack_pdf) {
        const std::vector<AppendixPlacement> appendices = placements(result);
        try {
            if (appendices.empty()) {
                fs::rename(typeset_pdf, pack_pdf);
            } else {
                progress_("drawing in " + std::to_string(appendices.size()) + " PDF appendices");
                insert_appendix_pages(typeset_pdf, appendices, pack_pdf);
            }
        } catch (const PdfAssemblyError& e) {
            throw PackFailure{{e.message}};
        }
        written_.push_back({pack_pdf.filename().string(), result.page_count});
    }

    void write_item_pdfs(const Staging& staging) {
        fs::create_directories(staging.path("items"));
        const fs::path pack_pdf = staging.path(pack_file_name(stem_, request_));
        std::vector<PageRange> ranges;
        for (const ItemPages& item : pages_) {
            const std::string name = "items/" + item.file_stem + ".pdf";
            progress_("item " + item.item->number + ": pages " + std::to_string(item.first) + " - " +
                      std::to_string(item.last));
            ranges.push_back({item.first, item.last, staging.path(name)});
            written_.push_back({name, item.last - item.first + 1});
        }
        try {
            extract_page_ranges(pack_pdf, ranges);  // the pack is read once for all items
        } catch (const PdfAssemblyError& e) {
            throw PackFailure{{e.message}};
        }
    }

    std::string html_file_name() const { return agenda_file_name(stem_, request_, "", ".html"); }

    void write_html(const Staging& staging, const std::string& html_name) {
        const json whole = pack_context(meeting_, settings_, Medium::Web, {"html/style/", "items/"});
        write_text(staging.path(html_name), render_template("pack/pack.xhtml.j2", whole));
        written_.push_back({html_name, std::nullopt});
        const json per_item = pack_context(meeting_, settings_, Medium::Web, {"style/", "../items/"});
        for (const json& item : per_item["items"]) {
            if (!item["has_section"].get<bool>()) continue;
            json context = {{"meeting", per_item["meeting"]}, {"pack", per_item["pack"]}, {"item", item},
                            {"agenda_href", "../" + html_name + "#" + item["anchor"].get<std::string>()}};
            const std::string name = "html/" + item["file_stem"].get<std::string>() + ".html";
            write_text(staging.path(name), render_template("pack/item_page.xhtml.j2", context));
            written_.push_back({name, std::nullopt});
        }
        copy_stylesheets(templates_, staging.path("html/style"));
        for (const char* sheet : kStylesheets) written_.push_back({std::string("html/style/") + sheet, std::nullopt});
    }

    std::vector<InputRecord> input_records() const {
        const bool members = request_.for_members();
        std::vector<InputRecord> out;
        const fs::path base = meeting_.file.parent_path();
        for (const InputFile& input : meeting_.inputs) {
            if (input.confidential && !members) continue;
            const std::string name = input.path == meeting_.file ? meeting_.file.filename().string()
                                                                 : input.path.lexically_relative(base).string();
            out.push_back({name, input.path});
        }
        return out;
    }

    void write_manifest(const Staging& staging, int pack_pages) {
        const MeetingDates dates = meeting_dates(meeting_.data);
        ManifestFacts facts;
        facts.version = kVersion;
        facts.committee = meeting_.data.value("committee", "");
        facts.meeting_date = meeting_.data.value("date", "");
        facts.audience = request_.for_members() ? "members" : "public";
        facts.supplement = request_.supplement;
        facts.publication_date = to_iso(dates.publication);
        facts.questions_deadline = to_iso(dates.questions.date) + "T" + dates.questions.time;
        facts.pack_pages = pack_pages;
        std::vector<ItemRange> ranges;
        for (const ItemPages& item : pages_)
            ranges.push_back({item.item->number, item.item->title, "items/" + item.file_stem + ".pdf", item.first,
                              item.last});
        write_text(staging.path("manifest.json"),
                   manifest_text(facts, staging.dir(), written_, ranges, input_records()));
    }
};

}  // namespace

std::string output_stem(const std::string& committee, const std::string& date) {
    return slugify(committee) + "-" + date;
}

std::string pack_file_name(const std::string& stem, const PackRequest& request) {
    return agenda_file_name(stem, request, "-pack", ".pdf");
}

PackSummary make_pack(const PackRequest& request, const ProgressFn& progress, const ProgressFn& warn) {
    return PackBuilder(request, progress, warn).build();
}

}  // namespace quorum::pack
