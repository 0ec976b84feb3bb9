#include "document/html_entities.hpp"

#include <algorithm>
#include <array>

namespace quorum::document {
namespace {

struct Entity {
    std::string_view name;
    std::string_view utf8;
};

// Sorted by name (checked by a unit test) so lookup is a binary search.
constexpr std::array entities = {
    Entity{"AElig", "\u00C6"},  Entity{"Aacute", "\u00C1"}, Entity{"Acirc", "\u00C2"},
    Entity{"Agrave", "\u00C0"}, Entity{"Aring", "\u00C5"},  Entity{"Atilde", "\u00C3"},
    Entity{"Auml", "\u00C4"},   Entity{"Ccedil", "\u00C7"}, Entity{"Dagger", "\u2021"},
    Entity{"Eacute", "\u00C9"}, Entity{"Ecirc", "\u00CA"},  Entity{"Egrave", "\u00C8"},
    Entity{"Euml", "\u00CB"},   Entity{"Iacute", "\u00CD"}, Entity{"Icirc", "\u00CE"},
    Entity{"Igrave", "\u00CC"}, Entity{"Iuml", "\u00CF"},   Entity{"Ntilde", "\u00D1"},
    Entity{"Oacute", "\u00D3"}, Entity{"Ocirc", "\u00D4"},  Entity{"Ograve", "\u00D2"},
    Entity{"Oslash", "\u00D8"}, Entity{"Otilde", "\u00D5"}, Entity{"Ouml", "\u00D6"},
    Entity{"Prime", "\u2033"},  Entity{"Uacute", "\u00DA"}, Entity{"Ucirc", "\u00DB"},
    Entity{"Ugrave", "\u00D9"}, Entity{"Uuml", "\u00DC"},   Entity{"Yacute", "\u00DD"},
    Entity{"aacute", "\u00E1"}, Entity{"acirc", "\u00E2"},  Entity{"acute", "\u00B4"},
    Entity{"aelig", "\u00E6"},  Entity{"agrave", "\u00E0"}, Entity{"alpha", "\u03B1"},
    Entity{"aring", "\u00E5"},  Entity{"asymp", "\u2248"},  Entity{"atilde", "\u00E3"},
    Entity{"auml", "\u00E4"},   Entity{"bdquo", "\u201E"},  Entity{"beta", "\u03B2"},
    Entity{"brvbar", "\u00A6"}, Entity{"bull", "\u2022"},   Entity{"ccedil", "\u00E7"},
    Entity{"cedil", "\u00B8"},  Entity{"cent", "\u00A2"},   Entity{"check", "\u2713"},
    Entity{"circ", "\u02C6"},   Entity{"copy", "\u00A9"},   Entity{"curren", "\u00A4"},
    Entity{"dagger", "\u2020"}, Entity{"darr", "\u2193"},   Entity{"deg", "\u00B0"},
    Entity{"delta", "\u03B4"},  Entity{"divide", "\u00F7"}, Entity{"eacute", "\u00E9"},
    Entity{"ecirc", "\u00EA"},  Entity{"egrave", "\u00E8"}, Entity{"emsp", "\u2003"},
    Entity{"ensp", "\u2002"},   Entity{"equiv", "\u2261"},  Entity{"eth", "\u00F0"},
    Entity{"euml", "\u00EB"},   Entity{"euro", "\u20AC"},   Entity{"frac12", "\u00BD"},
    Entity{"frac14", "\u00BC"}, Entity{"frac34", "\u00BE"}, Entity{"ge", "\u2265"},
    Entity{"harr", "\u2194"},   Entity{"hellip", "\u2026"}, Entity{"iacute", "\u00ED"},
    Entity{"icirc", "\u00EE"},  Entity{"iexcl", "\u00A1"},  Entity{"igrave", "\u00EC"},
    Entity{"infin", "\u221E"},  Entity{"iquest", "\u00BF"}, Entity{"iuml", "\u00EF"},
    Entity{"laquo", "\u00AB"},  Entity{"larr", "\u2190"},   Entity{"ldquo", "\u201C"},
    Entity{"le", "\u2264"},     Entity{"lsaquo", "\u2039"}, Entity{"lsquo", "\u2018"},
    Entity{"macr", "\u00AF"},   Entity{"mdash", "\u2014"},  Entity{"micro", "\u00B5"},
    Entity{"middot", "\u00B7"}, Entity{"minus", "\u2212"},  Entity{"mu", "\u03BC"},
    Entity{"nbsp", "\u00A0"},   Entity{"ndash", "\u2013"},  Entity{"ne", "\u2260"},
    Entity{"not", "\u00AC"},    Entity{"ntilde", "\u00F1"}, Entity{"oacute", "\u00F3"},
    Entity{"ocirc", "\u00F4"},  Entity{"oelig", "\u0153"},  Entity{"ograve", "\u00F2"},
    Entity{"ordf", "\u00AA"},   Entity{"ordm", "\u00BA"},   Entity{"oslash", "\u00F8"},
    Entity{"otilde", "\u00F5"}, Entity{"ouml", "\u00F6"},   Entity{"para", "\u00B6"},
    Entity{"permil", "\u2030"}, Entity{"pi", "\u03C0"},     Entity{"plusmn", "\u00B1"},
    Entity{"pound", "\u00A3"},  Entity{"prime", "\u2032"},  Entity{"raquo", "\u00BB"},
    Entity{"rarr", "\u2192"},   Entity{"rdquo", "\u201D"},  Entity{"reg", "\u00AE"},
    Entity{"rsaquo", "\u203A"}, Entity{"rsquo", "\u2019"},  Entity{"sbquo", "\u201A"},
    Entity{"sect", "\u00A7"},   Entity{"shy", "\u00AD"},    Entity{"sigma", "\u03C3"},
    Entity{"sup1", "\u00B9"},   Entity{"sup2", "\u00B2"},   Entity{"sup3", "\u00B3"},
    Entity{"szlig", "\u00DF"},  Entity{"thinsp", "\u2009"}, Entity{"thorn", "\u00FE"},
    Entity{"times", "\u00D7"},  Entity{"trade", "\u2122"},  Entity{"uacute", "\u00FA"},
    Entity{"uarr", "\u2191"},   Entity{"ucirc", "\u00FB"},  Entity{"ugrave", "\u00F9"},
    Entity{"uml", "\u00A8"},    Entity{"uuml", "\u00FC"},   Entity{"yacute", "\u00FD"},
    Entity{"yen", "\u00A5"},    Entity{"yuml", "\u00FF"},   Entity{"zwj", "\u200D"},
    Entity{"zwnj", "\u200C"},
};

}  // namespace

std::string_view lookup_html_entity(std::string_view name) {
    auto it = std::lower_bound(entities.begin(), entities.end(), name,
                               [](const Entity& e, std::string_view n) { return e.name < n; });
    if (it == entities.end() || it->name != name) return {};
    return it->utf8;
}

}  // namespace quorum::document
