// The qpdf side of pack/pdf_assembly.hpp, built as the module quorum_pdf_assembly.so and
// reached through the C functions at the end (see pdf_assembly_module.h).
#include "pack/pdf_assembly.hpp"
#include "pack/qpdf/pdf_assembly_module.h"

#include <qpdf/QIntC.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFCryptoProvider.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFOutlineDocumentHelper.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>
#include <qpdf/QUtil.hh>

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <memory>
#include <new>
#include <set>
#include <system_error>

namespace quorum::pack {
namespace fs = std::filesystem;

namespace {

[[noreturn]] void fail(const fs::path& file, const std::string& what) {
    throw PdfAssemblyError{file.string() + ": error: " + what};
}

// Opens a PDF strictly: a file qpdf would have to repair, or that is encrypted, is refused
// rather than silently "fixed" into something the officer never saw.
std::unique_ptr<QPDF> open_strict(const fs::path& file) {
    std::error_code ec;
    if (!fs::is_regular_file(file, ec)) fail(file, "no such PDF file");
    auto pdf = std::make_unique<QPDF>();
    pdf->setSuppressWarnings(true);
    pdf->setAttemptRecovery(false);
    try {
        pdf->processFile(file.string().c_str());
        if (pdf->isEncrypted())
            fail(file, "the PDF is encrypted; include an unencrypted copy (the published pack must not be restricted)");
        QPDFPageDocumentHelper(*pdf).getAllPages();  // walks the page tree: damage shows here
    } catch (const QPDFExc& e) {
        if (e.getErrorCode() == qpdf_e_password) fail(file, "the PDF is password-protected");
        fail(file, "the PDF is damaged: " + e.getMessageDetail());
    } catch (const std::exception& e) {
        fail(file, std::string("the PDF cannot be read: ") + e.what());
    }
    if (pdf->anyWarnings()) fail(file, "the PDF is damaged: " + pdf->getWarnings().front().getMessageDetail());
    return pdf;
}

// Same bytes for the same input: no random /ID, no qpdf version in the output.
void write_deterministic(QPDF& pdf, const fs::path& out) {
    try {
        QPDFWriter writer(pdf, out.string().c_str());
        writer.setDeterministicID(true);
        writer.setStreamDataMode(qpdf_s_compress);
        writer.setObjectStreamMode(qpdf_o_generate);
        writer.write();
    } catch (const std::exception& e) {
        fail(out, std::string("cannot write the PDF: ") + e.what());
    }
}

QPDFObjectHandle::Rectangle placement_area(QPDFPageObjectHelper& page, double margin) {
    QPDFObjectHandle::Rectangle box = page.getMediaBox().getArrayAsRectangle();
    return {box.llx, box.lly + margin, box.urx, box.ury - margin};
}

// Draws `appendix_page` underneath everything already on `target`.
void underlay(QPDF& pack, QPDFPageObjectHelper target, QPDFPageObjectHelper appendix_page, double margin) {
    QPDFObjectHandle form = pack.copyForeignObject(appendix_page.getFormXObjectForPage());
    QPDFObjectHandle resources = target.getObjectHandle().getKey("/Resources");
    if (!resources.isDictionary()) {
        resources = QPDFObjectHandle::newDictionary();
        target.getObjectHandle().replaceKey("/Resources", resources);
    }
    if (!resources.getKey("/XObject").isDictionary()) resources.replaceKey("/XObject", QPDFObjectHandle::newDictionary());
    int suffix = 0;
    const std::string name = resources.getUniqueResourceName("/Appendix", suffix);
    resources.getKey("/XObject").replaceKey(name, form);
    const std::string drawing = target.placeFormXObject(form, name, placement_area(target, margin), true, true, false);
    target.addPageContents(QPDFObjectHandle::newStream(&pack, "q\n" + drawing + "\nQ\n"), true);
}

// A destination's array: itself, or an action's /D.
QPDFObjectHandle destination_array(QPDFObjectHandle dest) {
    return dest.isDictionary() && dest.hasKey("/D") ? dest.getKey("/D") : dest;
}

// The page a link or outline destination points to, if it names one directly.
QPDFObjectHandle destination_page(QPDFObjectHandle dest) {
    dest = destination_array(dest);
    if (dest.isArray() && dest.getArrayNItems() > 0) return dest.getArrayItem(0);
    return QPDFObjectHandle::newNull();
}

QPDFObjectHandle link_destination(QPDFObjectHandle annotation) {
    if (annotation.hasKey("/Dest")) return annotation.getKey("/Dest");
    QPDFObjectHandle action = annotation.getKey("/A");
    if (action.isDictionary() && action.getKey("/S").isName() && action.getKey("/S").getName() == "/GoTo")
        return action.getKey("/D");
    return QPDFObjectHandle::newNull();
}

bool is_internal_link(QPDFObjectHandle annotation) { return !link_destination(annotation).isNull(); }

// Points the copied links of `copy` at the copied pages, and drops those whose target is
// not in the extract: a reader would offer a link that goes nowhere. (qpdf cannot do this
// itself: a link to a page copied later is copied before that page exists in `out`.)
void relink(QPDFPageObjectHelper source, QPDFPageObjectHelper copy,
            const std::map<QPDFObjGen, QPDFObjectHandle>& copy_of) {
    QPDFObjectHandle source_annots = source.getObjectHandle().getKey("/Annots");
    QPDFObjectHandle copied_annots = copy.getObjectHandle().getKey("/Annots");
    if (!source_annots.isArray() || !copied_annots.isArray()) return;
    QPDFObjectHandle staying = QPDFObjectHandle::newArray();
    const int count = std::min(source_annots.getArrayNItems(), copied_annots.getArrayNItems());
    for (int i = 0; i < count; ++i) {
        QPDFObjectHandle original = source_annots.getArrayItem(i);
        QPDFObjectHandle copied = copied_annots.getArrayItem(i);
        if (is_internal_link(original)) {
            QPDFObjectHandle target = destination_page(link_destination(original));
            auto found = target.isIndirect() ? copy_of.find(target.getObjGen()) : copy_of.end();
            if (found == copy_of.end()) continue;
            destination_array(link_destination(copied)).setArrayItem(0, found->second);
        }
        staying.appendItem(copied);
    }
    copy.getObjectHandle().replaceKey("/Annots", staying);
}

struct OutlineNode {
    std::string title;
    QPDFObjectHandle dest;  // in the source document
    std::vector<OutlineNode> kids;
};

// The outline entries pointing into `kept`; an entry outside keeps its kept descendants.
void collect_outlines(std::vector<QPDFOutlineObjectHelper> items, const std::set<QPDFObjGen>& kept,
                      std::vector<OutlineNode>& into) {
    for (auto& item : items) {
        QPDFObjectHandle dest = item.getDest();
        QPDFObjectHandle page = destination_page(dest);
        if (page.isIndirect() && kept.count(page.getObjGen())) {
            OutlineNode node{item.getTitle(), dest, {}};
            collect_outlines(item.getKids(), kept, node.kids);
            into.push_back(std::move(node));
        } else {
            collect_outlines(item.getKids(), kept, into);
        }
    }
}

QPDFObjectHandle translated_destination(const std::map<QPDFObjGen, QPDFObjectHandle>& copy_of, QPDFObjectHandle dest) {
    QPDFObjectHandle copy = QPDFObjectHandle::newArray();
    for (auto& part : destination_array(dest).aitems())
        copy.appendItem(part.isIndirect() && copy_of.count(part.getObjGen()) ? copy_of.at(part.getObjGen()) : part);
    return copy;
}

// Builds the /First../Last chain of `nodes` under `parent`; returns the visible count.
int write_outline_level(QPDF& out, const std::map<QPDFObjGen, QPDFObjectHandle>& copy_of,
                        const std::vector<OutlineNode>& nodes, QPDFObjectHandle parent) {
    QPDFObjectHandle previous;
    int count = 0;
    for (const auto& node : nodes) {
        QPDFObjectHandle item = out.makeIndirectObject(QPDFObjectHandle::newDictionary());
        item.replaceKey("/Title", QPDFObjectHandle::newUnicodeString(node.title));
        item.replaceKey("/Parent", parent);
        item.replaceKey("/Dest", translated_destination(copy_of, node.dest));
        if (previous.isInitialized()) {
            previous.replaceKey("/Next", item);
            item.replaceKey("/Prev", previous);
        } else {
            parent.replaceKey("/First", item);
        }
        parent.replaceKey("/Last", item);
        const int kids = write_outline_level(out, copy_of, node.kids, item);
        if (kids > 0) item.replaceKey("/Count", QPDFObjectHandle::newInteger(kids));
        count += 1 + kids;
        previous = item;
    }
    return count;
}

void write_outlines(QPDF& out, const std::map<QPDFObjGen, QPDFObjectHandle>& copy_of,
                    const std::vector<OutlineNode>& nodes) {
    if (nodes.empty()) return;
    QPDFObjectHandle root = out.makeIndirectObject(QPDFObjectHandle::newDictionary());
    root.replaceKey("/Type", QPDFObjectHandle::newName("/Outlines"));
    root.replaceKey("/Count", QPDFObjectHandle::newInteger(write_outline_level(out, copy_of, nodes, root)));
    out.getRoot().replaceKey("/Outlines", root);
}

// Viewers then show the pack's page numbers ("15") instead of counting from 1.
void label_pages_from(QPDF& out, int first_number) {
    QPDFObjectHandle style = QPDFObjectHandle::newDictionary();
    style.replaceKey("/S", QPDFObjectHandle::newName("/D"));
    style.replaceKey("/St", QPDFObjectHandle::newInteger(first_number));
    QPDFObjectHandle nums = QPDFObjectHandle::newArray();
    nums.appendItem(QPDFObjectHandle::newInteger(0));
    nums.appendItem(style);
    QPDFObjectHandle labels = QPDFObjectHandle::newDictionary();
    labels.replaceKey("/Nums", nums);
    out.getRoot().replaceKey("/PageLabels", labels);
}

void copy_document_info(QPDF& from, QPDF& to) {
    QPDFObjectHandle info = from.getTrailer().getKey("/Info");
    if (info.isDictionary()) to.getTrailer().replaceKey("/Info", to.copyForeignObject(info));
    QPDFObjectHandle lang = from.getRoot().getKey("/Lang");
    if (!lang.isNull()) to.getRoot().replaceKey("/Lang", lang.shallowCopy());
}

int page_count(const fs::path& pdf) {
    auto doc = open_strict(pdf);
    return QIntC::to_int(QPDFPageDocumentHelper(*doc).getAllPages().size());
}

void draw_appendices(const fs::path& pack_pdf, const std::vector<AppendixPlacement>& placements,
                     const fs::path& out_pdf, double furniture_margin) {
    auto pack = open_strict(pack_pdf);
    std::vector<QPDFPageObjectHelper> pack_pages = QPDFPageDocumentHelper(*pack).getAllPages();
    std::vector<std::unique_ptr<QPDF>> appendices;  // must outlive the write: objects are copied lazily
    for (const auto& placement : placements) {
        appendices.push_back(open_strict(placement.pdf));
        std::vector<QPDFPageObjectHelper> pages = QPDFPageDocumentHelper(*appendices.back()).getAllPages();
        const std::size_t first = static_cast<std::size_t>(placement.first_page - 1);
        if (placement.first_page < 1 || first + pages.size() > pack_pages.size())
            fail(placement.pdf, "its " + std::to_string(pages.size()) + " pages do not fit at page " +
                                    std::to_string(placement.first_page) + " of the " +
                                    std::to_string(pack_pages.size()) + "-page pack");
        for (std::size_t i = 0; i < pages.size(); ++i)
            underlay(*pack, pack_pages[first + i], pages[i], furniture_margin);
    }
    write_deterministic(*pack, out_pdf);
}

std::set<QPDFObjGen> page_ids(const std::vector<QPDFPageObjectHelper>& pages) {
    std::set<QPDFObjGen> ids;
    for (const auto& page : pages) ids.insert(page.getObjectHandle().getObjGen());
    return ids;
}

void extract_range(QPDF& source, const std::vector<QPDFPageObjectHelper>& pages, const PageRange& range) {
    const auto begin = pages.begin() + (range.first - 1);
    const std::vector<QPDFPageObjectHelper> chosen(begin, pages.begin() + range.last);
    std::vector<OutlineNode> outlines;
    collect_outlines(QPDFOutlineDocumentHelper(source).getTopLevelOutlines(), page_ids(chosen), outlines);

    QPDF out;
    out.emptyPDF();
    QPDFPageDocumentHelper out_pages(out);
    for (const auto& page : chosen) out_pages.addPage(page, false);  // foreign pages: qpdf copies them
    const std::vector<QPDFPageObjectHelper> copies = out_pages.getAllPages();
    std::map<QPDFObjGen, QPDFObjectHandle> copy_of;  // source page -> its copy
    for (std::size_t i = 0; i < chosen.size(); ++i)
        copy_of.emplace(chosen[i].getObjectHandle().getObjGen(), copies[i].getObjectHandle());
    for (std::size_t i = 0; i < chosen.size(); ++i) relink(chosen[i], copies[i], copy_of);
    write_outlines(out, copy_of, outlines);
    label_pages_from(out, range.first);
    copy_document_info(source, out);
    write_deterministic(out, range.out_pdf);
}

void extract_ranges(const fs::path& pdf, const std::vector<PageRange>& ranges) {
    auto source = open_strict(pdf);
    const std::vector<QPDFPageObjectHelper> pages = QPDFPageDocumentHelper(*source).getAllPages();
    for (const auto& range : ranges) {
        if (range.first < 1 || range.last < range.first || static_cast<std::size_t>(range.last) > pages.size())
            fail(pdf, "pages " + std::to_string(range.first) + "-" + std::to_string(range.last) +
                          " are not in its " + std::to_string(pages.size()) + " pages");
    }
    for (const auto& range : ranges) extract_range(*source, pages, range);
}

std::string sha256_of(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) fail(file, "cannot read the file to hash it");
    auto sha = QPDFCryptoProvider::getImpl();
    sha->SHA2_init(256);
    std::vector<char> buffer(1 << 16);
    while (in) {
        in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        const auto got = static_cast<std::size_t>(in.gcount());
        if (got > 0) sha->SHA2_update(reinterpret_cast<const unsigned char*>(buffer.data()), got);
    }
    if (in.bad()) fail(file, "cannot read the file to hash it");
    sha->SHA2_finalize();
    return QUtil::hex_encode(sha->SHA2_digest());
}

char* malloc_copy(const std::string& text) {
    char* copy = static_cast<char*>(std::malloc(text.size() + 1));
    if (copy) std::memcpy(copy, text.c_str(), text.size() + 1);
    return copy;
}

// Runs `body`, turning what it throws into a status and a message for the other side.
template <class Body>
int guarded(char** message, Body&& body) noexcept {
    try {
        body();
        return quorum_pdf_ok;
    } catch (const PdfAssemblyError& e) {
        *message = malloc_copy(e.message);
        return *message ? quorum_pdf_user_error : quorum_pdf_out_of_memory;
    } catch (const std::bad_alloc&) {
        return quorum_pdf_out_of_memory;
    } catch (const std::exception& e) {
        *message = malloc_copy(e.what());
    } catch (...) {
        *message = malloc_copy("unknown exception in the qpdf module");
    }
    return *message ? quorum_pdf_internal_error : quorum_pdf_out_of_memory;
}

}  // namespace
}  // namespace quorum::pack

using namespace quorum::pack;

extern "C" {

int quorum_pdf_page_count(const char* pdf, int* pages, char** message) {
    return guarded(message, [&] { *pages = page_count(pdf); });
}

int quorum_pdf_insert_appendix_pages(const char* pack_pdf, const quorum_pdf_placement* placements, size_t count,
                                     const char* out_pdf, double furniture_margin, char** message) {
    return guarded(message, [&] {
        std::vector<AppendixPlacement> list;
        for (size_t i = 0; i < count; ++i) list.push_back({placements[i].pdf, placements[i].first_page});
        draw_appendices(pack_pdf, list, out_pdf, furniture_margin);
    });
}

int quorum_pdf_extract_page_ranges(const char* pdf, const quorum_pdf_range* ranges, size_t count, char** message) {
    return guarded(message, [&] {
        std::vector<PageRange> list;
        for (size_t i = 0; i < count; ++i) list.push_back({ranges[i].first, ranges[i].last, ranges[i].out_pdf});
        extract_ranges(pdf, list);
    });
}

int quorum_pdf_sha256_file(const char* file, char hex[65], char** message) {
    return guarded(message, [&] {
        const std::string digest = sha256_of(file);
        std::memcpy(hex, digest.c_str(), 65);
    });
}

}  // extern "C"
