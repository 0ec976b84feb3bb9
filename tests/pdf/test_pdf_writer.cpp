// The PDF writer checked with real readers: qpdf, poppler (pdftotext, pdffonts, pdfinfo), mupdf.
#include "pdf/pdf_writer.hpp"
#include "pdf_test_support.hpp"

#include <catch2/catch.hpp>

#include <sys/resource.h>

#include <cctype>
#include <csignal>
#include <cstdlib>
#include <fstream>
#include <sstream>

using namespace quorum;
using namespace quorum::pdf::test;
namespace fs = std::filesystem;

namespace {

constexpr std::int64_t fixed_date = 1773316800;  // 2026-03-12 12:00:00 UTC

fs::path write_sample(const std::string& name, const pdf::PdfOptions& options = {fixed_date, true}) {
    const fs::path path = scratch_folder() / name;
    pdf::write_pdf(sample_document(), path, options);
    return path;
}

std::string quoted(const fs::path& path) {
    std::string text = "'";
    text += path.string();
    text += '\'';
    return text;
}

std::string pdf_error_of(const std::function<void()>& action) {
    try {
        action();
    } catch (const pdf::PdfError& e) {
        return e.message;
    }
    return "(no PdfError thrown)";
}

std::string page_text(const fs::path& pdf, int page) {
    const CommandResult text = run_command("pdftotext -f " + std::to_string(page) + " -l " + std::to_string(page) +
                                           " " + quoted(pdf) + " -");
    INFO(text.err);
    CHECK(text.exit_code == 0);
    CHECK(text.err.empty());  // no "Invalid 'begincidrange' operator in ToUnicode CMap" or any other warning
    return text.out;
}

}  // namespace

TEST_CASE("text extracts exactly, with no warnings (the ToUnicode fix)") {
    const fs::path pdf = write_sample("text.pdf");
    CHECK(page_text(pdf, 1) ==
          "Cabinet – 12 March 2026\n"
          "Budget 2026/27: £5.2m – ‘approved’ “in full”\n"
          "Łódź, Caernarfon ŵ ŷ, Ελληνικά, Кириллица\n"
          "▲▼↔\n"
          "See appendix\n"
          "www.example.gov.uk\n\n\f");
    CHECK(page_text(pdf, 2) == "Appendix A — Ελληνικά\nПривет, Cymru ŵ\n\n\f");
}

TEST_CASE("every ToUnicode map is a bfrange map, not libharu's CID map") {
    const fs::path pdf = write_sample("tounicode.pdf");
    const fs::path qdf = scratch_folder() / "tounicode-qdf.pdf";
    REQUIRE(run_command("qpdf --qdf --object-streams=disable " + quoted(pdf) + " " + quoted(qdf)).exit_code == 0);
    std::ifstream in(qdf, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string text = buffer.str();
    CHECK(text.find("begincidrange") == std::string::npos);
    CHECK(text.find("beginbfrange") != std::string::npos);
    CHECK(text.find("<00A3> <00A3> <00A3>") != std::string::npos);  // £ maps to itself
    CHECK(text.find("/CMapName /UTF-8") == std::string::npos);
}

TEST_CASE("qpdf, mupdf and pdffonts accept the file without warnings, and every font is embedded") {
    const fs::path pdf = write_sample("check.pdf");
    const CommandResult check = run_command("qpdf --check " + quoted(pdf));
    INFO(check.out << check.err);
    CHECK(check.exit_code == 0);
    CHECK(check.err.empty());
    CHECK(check.out.find("No syntax or stream encoding errors found") != std::string::npos);

    const CommandResult draw = run_command("mutool draw -o /dev/null " + quoted(pdf));
    INFO(draw.err);
    CHECK(draw.exit_code == 0);
    CHECK(reader_warnings(draw.err).empty());

    const CommandResult fonts = run_command("pdffonts " + quoted(pdf));
    INFO(fonts.out << fonts.err);
    CHECK(fonts.exit_code == 0);
    CHECK(fonts.err.empty());
    std::istringstream rows(fonts.out);
    std::string row;
    int font_rows = 0;
    while (std::getline(rows, row)) {
        if (row.rfind("name", 0) == 0 || row.rfind("---", 0) == 0) continue;
        ++font_rows;
        CHECK(row.find("CID TrueType      Identity-H       yes yes yes") != std::string::npos);
    }
    CHECK(font_rows == 4);  // sans, sans bold, serif italic, DejaVu Sans
    CHECK(fonts.out.find("LiberationSans-Bold") != std::string::npos);
    CHECK(fonts.out.find("LiberationSerif-Italic") != std::string::npos);
    CHECK(fonts.out.find("DejaVuSans") != std::string::npos);
}

TEST_CASE("page sizes, metadata, and dates come through") {
    const fs::path pdf = write_sample("info.pdf");
    const CommandResult info = run_command("pdfinfo -f 1 -l 2 " + quoted(pdf));
    INFO(info.out << info.err);
    CHECK(info.err.empty());
    CHECK(info.out.find("Pages:           2") != std::string::npos);
    CHECK(info.out.find("Page    1 size:  595.276 x 841.89 pts (A4)") != std::string::npos);
    CHECK(info.out.find("Page    2 size:  841.89 x 595.276 pts (A4)") != std::string::npos);
    CHECK(info.out.find("Title:           Cabinet – 12 March 2026") != std::string::npos);
    CHECK(info.out.find("Author:          Democratic Services") != std::string::npos);
    CHECK(info.out.find("Subject:         Budget papers") != std::string::npos);
    CHECK(info.out.find("Keywords:        budget, cabinet") != std::string::npos);
    CHECK(info.out.find("Creator:         Quorum") != std::string::npos);
    CHECK(info.out.find("PDF version:     1.4") != std::string::npos);
    const CommandResult iso = run_command("pdfinfo -isodates " + quoted(pdf));
    CHECK(iso.out.find("CreationDate:    2026-03-12T12:00:00Z") != std::string::npos);
    CHECK(iso.out.find("ModDate:         2026-03-12T12:00:00Z") != std::string::npos);
}

TEST_CASE("outlines nest by heading level") {
    const fs::path pdf = write_sample("outline.pdf");
    const CommandResult outline = run_command("mutool show " + quoted(pdf) + " outline");
    INFO(outline.out << outline.err);
    CHECK(outline.exit_code == 0);
    CHECK(reader_warnings(outline.err).empty());
    // mutool prints one line per entry, indented by depth with tabs (+/- for open/closed).
    CHECK(outline.out.find("Cabinet – 12 March 2026") != std::string::npos);
    CHECK(outline.out.find("-\t\"Cabinet – 12 March 2026\"\t#page=1") != std::string::npos);
    CHECK(outline.out.find("\t\t\"Budget 2026/27\"\t#page=1") != std::string::npos);
    CHECK(outline.out.find("Appendix A — Ελληνικά") != std::string::npos);
    CHECK(outline.out.find("-\t\"Appendix A — Ελληνικά\"\t#page=2") != std::string::npos);
    CHECK(outline.out.find("\t\t\"Greek detail\"\t#page=2") != std::string::npos);
    const CommandResult json = run_command("qpdf --json --json-key=outlines " + quoted(pdf));
    CHECK(json.out.find("\"title\": \"Budget 2026/27\"") != std::string::npos);
    CHECK(json.out.find("\"destpageposfrom1\": 2") != std::string::npos);
}

namespace {

std::string show_object(const fs::path& pdf, const std::string& ref) {
    const std::string number = ref.substr(0, ref.find(' '));
    return run_command("mutool show " + quoted(pdf) + " " + number).out;
}

// "12 0 R" references in `text`, in order.
std::vector<std::string> references_in(const std::string& text) {
    std::vector<std::string> refs;
    for (std::size_t at = text.find(" 0 R"); at != std::string::npos; at = text.find(" 0 R", at + 1)) {
        std::size_t begin = at;
        while (begin > 0 && std::isdigit(static_cast<unsigned char>(text[begin - 1]))) --begin;
        refs.push_back(text.substr(begin, at - begin) + " 0 R");
    }
    return refs;
}

}  // namespace

TEST_CASE("external links are URI annotations, internal links go to the anchor's page") {
    const fs::path pdf = write_sample("links.pdf");
    const CommandResult urls = run_command("pdfinfo -url " + quoted(pdf));
    INFO(urls.out << urls.err);
    CHECK(urls.out.find("https://www.example.gov.uk/cabinet") != std::string::npos);

    const std::string pages = run_command("mutool show " + quoted(pdf) + " pages").out;
    const std::vector<std::string> page_refs = references_in(pages);
    REQUIRE(page_refs.size() == 2);
    const std::string first_page = show_object(pdf, page_refs[0]);
    const std::string annots = first_page.substr(first_page.find("/Annots"));
    const std::vector<std::string> annotation_refs = references_in(annots.substr(0, annots.find(']')));
    REQUIRE(annotation_refs.size() == 2);
    const std::string internal = show_object(pdf, annotation_refs[0]);
    const std::string external = show_object(pdf, annotation_refs[1]);
    INFO(internal << external);
    CHECK(internal.find("/Subtype /Link") != std::string::npos);
    CHECK(internal.find("/Border [ 0 0 0 ]") != std::string::npos);  // no box: links are styled by CSS
    const std::size_t dest = internal.find("/Dest ");
    REQUIRE(dest != std::string::npos);
    const std::string destination = show_object(pdf, references_in(internal.substr(dest))[0]);
    // The anchor is 60 pt below the top of the landscape page: /XYZ left top, zoom kept (null).
    CHECK(destination.find("[ " + page_refs[1] + " /XYZ 0 535.276 null ]") != std::string::npos);
    CHECK(external.find("/URI (https://www.example.gov.uk/cabinet)") != std::string::npos);
    CHECK(external.find("/Border [ 0 0 0 ]") != std::string::npos);
}

TEST_CASE("two renders are byte-identical (SOURCE_DATE_EPOCH), and the date is honoured") {
    ::setenv("SOURCE_DATE_EPOCH", "1773316800", 1);
    const std::string first = pdf::render_pdf(sample_document());
    const std::string second = pdf::render_pdf(sample_document());
    ::unsetenv("SOURCE_DATE_EPOCH");
    CHECK(first == second);
    CHECK(first.find("/CreationDate (D:20260312120000Z") != std::string::npos);
    CHECK(pdf::render_pdf(sample_document(), {fixed_date, true}) == first);

    ::setenv("SOURCE_DATE_EPOCH", "yesterday", 1);
    const std::string message = pdf_error_of([] { pdf::render_pdf(sample_document()); });
    ::unsetenv("SOURCE_DATE_EPOCH");
    CHECK(message.find("SOURCE_DATE_EPOCH: error") != std::string::npos);
}

TEST_CASE("compression is on by default and can be turned off") {
    const std::string compressed = pdf::render_pdf(sample_document(), {fixed_date, true});
    const std::string plain = pdf::render_pdf(sample_document(), {fixed_date, false});
    CHECK(compressed.find("/FlateDecode") != std::string::npos);
    CHECK(plain.find("/FlateDecode") == std::string::npos);
    CHECK(compressed.size() < plain.size());
    CHECK(plain.find("beginbfrange") != std::string::npos);
}

TEST_CASE("missing and corrupt images are clear errors, and no file is left behind") {
    const std::pair<std::string, std::string> cases[] = {
        {QUORUM_TEST_DATA "/pdf/no-such-image.png", "cannot open image: No such file or directory"},
        {QUORUM_TEST_DATA "/pdf/corrupt.png", "corrupt PNG image"},
        {QUORUM_TEST_DATA "/pdf/truncated.jpg", "truncated JPEG image"},
        {QUORUM_TEST_DATA "/pdf/drawing.gif", "not a PNG or JPEG image"},
    };
    for (const auto& [image, expected] : cases) {
        layout::LaidOutDocument doc = sample_document();
        doc.pages[0].images.push_back({image, 10, 10, 20, 20, "broken"});
        const fs::path target = scratch_folder() / "broken-image.pdf";
        const std::string message = pdf_error_of([&] { pdf::write_pdf(doc, target); });
        INFO(message);
        CHECK(message.rfind(image + ": error: ", 0) == 0);
        CHECK(message.find(expected) != std::string::npos);
        CHECK_FALSE(fs::exists(target));
    }
    for (const auto& entry : fs::directory_iterator(scratch_folder()))
        CHECK(entry.path().filename().string().find(".tmp-") == std::string::npos);
}

TEST_CASE("a font libharu cannot embed is a clear error naming the file") {
    const fonts::FontCatalogue broken = fonts::FontCatalogue::load(QUORUM_TEST_DATA "/fonts/missing_file.json");
    const std::string message = [&] {
        try {
            broken.face("Council Sans", 400, false);
        } catch (const fonts::FontError& e) {
            return e.message;
        }
        return std::string("(no FontError)");
    }();
    CHECK(message.find("CouncilSans-Regular.ttf") != std::string::npos);

    // A real font file libharu refuses: a TrueType collection is not a .ttf.
    struct FakeFace : fonts::Face {
        std::string name = "Fake";
        std::filesystem::path path = QUORUM_TEST_DATA "/pdf/logo.png";
        const std::string& family() const override { return name; }
        int weight() const override { return 400; }
        bool italic() const override { return false; }
        const std::filesystem::path& file() const override { return path; }
        int id() const override { return 0; }
        double units_per_em() const override { return 1000; }
        double ascender() const override { return 800; }
        double descender() const override { return -200; }
        double line_gap() const override { return 0; }
        bool has_glyph(char32_t) const override { return true; }
        double advance(char32_t) const override { return 500; }
        double underline_position() const override { return -100; }
        double underline_thickness() const override { return 50; }
    } fake;
    layout::LaidOutDocument doc;
    doc.pages.emplace_back();
    doc.pages[0].runs.push_back(run(fake, 12, 10, 10, "hello"));
    const std::string pdf_message = pdf_error_of([&] { pdf::render_pdf(doc); });
    INFO(pdf_message);
    CHECK(pdf_message.rfind(fake.path.string() + ": cannot embed font of family 'Fake': error: ", 0) == 0);
    CHECK(pdf_message.find("libharu error 0x") != std::string::npos);
}

TEST_CASE("odd input renders something sane") {
    layout::LaidOutDocument empty;
    const fs::path blank = scratch_folder() / "empty.pdf";
    pdf::write_pdf(empty, blank, {fixed_date, true});
    CHECK(run_command("pdfinfo " + quoted(blank)).out.find("Pages:           1") != std::string::npos);

    layout::LaidOutDocument odd;
    odd.pages.emplace_back();
    odd.pages[0].width = 1e9;  // clamped to PDF's 14400 pt limit
    odd.pages.emplace_back();
    odd.pages[1].height = -5;  // clamped to the 3 pt minimum
    const auto& sans = catalogue().face("Arial", 400, false);
    odd.pages[0].runs.push_back(run(sans, 12, 10, 10, std::string("bad \xFF\xFE bytes \x01 and \xF0\x9F\x98\x80 emoji")));
    odd.pages[0].links.push_back({0, 0, 10, 10, "", "no-such-id"});
    odd.bookmarks.push_back({2, "Orphan h2", 7, 0});  // page out of range: skipped
    const fs::path path = scratch_folder() / "odd.pdf";
    pdf::write_pdf(odd, path, {fixed_date, true});
    CHECK(run_command("qpdf --check " + quoted(path)).exit_code == 0);
    CHECK(page_text(path, 1) == "bad bytes and emoji\n\n\f");
    const CommandResult info = run_command("pdfinfo -f 1 -l 2 " + quoted(path));
    CHECK(info.out.find("Page    1 size:  14400 x 841.89 pts") != std::string::npos);
    CHECK(info.out.find("Page    2 size:  595.276 x 3 pts") != std::string::npos);
}

TEST_CASE("write_pdf replaces an existing file atomically and reports unwritable targets") {
    const fs::path path = scratch_folder() / "replace.pdf";
    { std::ofstream(path) << "old contents"; }
    pdf::write_pdf(sample_document(), path, {fixed_date, true});
    std::ifstream in(path, std::ios::binary);
    std::string head(5, '\0');
    in.read(head.data(), 5);
    CHECK(head == "%PDF-");
    const std::string message =
        pdf_error_of([] { pdf::write_pdf(sample_document(), "/nonexistent-folder/out.pdf", {fixed_date, true}); });
    CHECK(message.rfind("/nonexistent-folder/out.pdf: error: cannot write", 0) == 0);
}

TEST_CASE("a PDF cut short as libharu closes the file is an error, and no file is left behind") {
    // libharu does not check the fclose that writes its last buffer: a file size limit one
    // byte short of the PDF stands in for a disk that fills up just then.
    const std::size_t size = pdf::render_pdf(sample_document(), {fixed_date, true}).size();
    const fs::path path = scratch_folder() / "cut-short.pdf";
    rlimit previous{};
    REQUIRE(::getrlimit(RLIMIT_FSIZE, &previous) == 0);
    rlimit limit = previous;
    limit.rlim_cur = static_cast<rlim_t>(size - 1);
    const auto previous_handler = std::signal(SIGXFSZ, SIG_IGN);  // EFBIG instead of a kill
    REQUIRE(::setrlimit(RLIMIT_FSIZE, &limit) == 0);
    const std::string message = pdf_error_of([&] { pdf::write_pdf(sample_document(), path, {fixed_date, true}); });
    ::setrlimit(RLIMIT_FSIZE, &previous);
    std::signal(SIGXFSZ, previous_handler);
    CHECK(message.rfind(path.string() + ": error: cannot write: ", 0) == 0);
    CHECK_FALSE(fs::exists(path));
    for (const auto& entry : fs::directory_iterator(scratch_folder()))
        CHECK(entry.path().filename().string().rfind("cut-short.pdf.tmp", 0) == std::string::npos);
}

TEST_CASE("justified words land where layout put them (TJ adjustments from the font's widths)") {
    const auto& sans = catalogue().face("Arial", 400, false);
    layout::LaidOutDocument doc;
    doc.pages.emplace_back();
    const std::vector<std::pair<double, std::string>> words = {
        {56, "Members"}, {112.37, "are"}, {140.5, "asked"}, {190.01, "to"}, {230.77, "note"}, {300, "£5.2m"}, {351.25, "–"}};
    for (const auto& [x, word] : words) doc.pages[0].runs.push_back(run(sans, 11, x, 100, word));
    const fs::path path = scratch_folder() / "justified.pdf";
    pdf::write_pdf(doc, path, {fixed_date, true});
    const CommandResult boxes = run_command("pdftotext -bbox " + quoted(path) + " -");
    INFO(boxes.out);
    CHECK(boxes.err.empty());
    for (const auto& [x, word] : words) {
        const std::size_t at = boxes.out.find(">" + word + "</word>");
        REQUIRE(at != std::string::npos);
        const std::size_t x_min = boxes.out.rfind("xMin=\"", at);
        const double found = std::stod(boxes.out.substr(x_min + 6));
        CHECK(found == Approx(x).margin(0.02));
    }
    const CommandResult text = run_command("pdftotext -raw " + quoted(path) + " -");  // content order
    CHECK(text.out == "Members are asked to note £5.2m –\n\f");
}

TEST_CASE("two families naming the same font file share one embedded font") {
    const fonts::FontCatalogue shared = fonts::FontCatalogue::load(QUORUM_TEST_DATA "/fonts/shared_file.json");
    const fonts::Face& house = shared.face("House Sans", 400, false);
    const fonts::Face& liberation = shared.face("Liberation Sans", 400, false);
    REQUIRE(house.id() != liberation.id());
    layout::LaidOutDocument doc;
    doc.pages.emplace_back();
    doc.pages[0].runs.push_back(run(house, 12, 56, 100, "House style"));
    doc.pages[0].runs.push_back(run(liberation, 12, 56, 120, "Liberation style"));
    const fs::path path = scratch_folder() / "shared-font.pdf";
    pdf::write_pdf(doc, path, {fixed_date, true});
    const CommandResult fonts = run_command("pdffonts " + quoted(path));
    INFO(fonts.out);
    CHECK(fonts.out.find("HPDFAA+LiberationSans") != std::string::npos);
    CHECK(fonts.out.find("HPDFAB") == std::string::npos);
    CHECK(page_text(path, 1) == "House style\nLiberation style\n\n\f");
}

TEST_CASE("PNGs of every kind embed cleanly: 16-bit, palette, grey with alpha") {
    layout::LaidOutDocument doc;
    doc.pages.emplace_back();
    double x = 20;
    for (const char* name : {"rgb16.png", "rgba16.png", "palette.png", "gray_alpha.png", "logo.png"}) {
        doc.pages[0].images.push_back({std::string(QUORUM_TEST_DATA "/pdf/") + name, x, 20, 40, 30, name});
        x += 50;
    }
    const fs::path path = scratch_folder() / "png-kinds.pdf";
    pdf::write_pdf(doc, path, {fixed_date, true});
    const CommandResult draw = run_command("mutool draw -o /dev/null " + quoted(path));
    INFO(draw.err);
    CHECK(draw.exit_code == 0);
    CHECK(reader_warnings(draw.err).empty());  // libharu's own loader gave "padding truncated image" for 16-bit
    const CommandResult images = run_command("pdfimages -list " + quoted(path));
    INFO(images.out);
    CHECK(images.err.empty());
    std::size_t masks = 0;
    for (std::size_t at = images.out.find(" smask "); at != std::string::npos; at = images.out.find(" smask ", at + 1))
        ++masks;
    CHECK(masks == 3);  // rgba16, gray_alpha and the translucent logo; the opaque ones have none
}
