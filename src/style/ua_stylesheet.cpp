#include "style/ua_stylesheet.hpp"

namespace quorum::style {

// Values follow the HTML Living Standard's "Rendering" section (and WeasyPrint's
// html5_ua.css) so a document looks the same in a browser, WeasyPrint and Quorum.
// Page margins follow PageStyle's default (72pt) rather than WeasyPrint's 75px.
std::string_view user_agent_stylesheet() {
    return R"css(
html, body, address, article, aside, blockquote, center, dd, details, dialog, dir, div, dl, dt,
fieldset, figcaption, figure, footer, form, h1, h2, h3, h4, h5, h6, header, hgroup, hr, legend,
listing, main, menu, nav, ol, p, plaintext, pre, section, summary, ul, xmp { display: block }
head, style, script, title, meta, link, base, template, noscript, datalist, param, [hidden] { display: none }
li { display: list-item }

body { margin: 8px }
p, dl, multicol, blockquote, figure, listing, plaintext, pre, xmp { margin-top: 1em; margin-bottom: 1em }
blockquote, figure { margin-left: 40px; margin-right: 40px }
dd { margin-left: 40px }
address { font-style: italic }
center { text-align: center }

h1, h2, h3, h4, h5, h6 { font-weight: bold; hyphens: manual; break-after: avoid; break-inside: avoid }
h1 { font-size: 2em; margin-top: .67em; margin-bottom: .67em }
h2 { font-size: 1.5em; margin-top: .83em; margin-bottom: .83em }
h3 { font-size: 1.17em; margin-top: 1em; margin-bottom: 1em }
h4 { font-size: 1em; margin-top: 1.33em; margin-bottom: 1.33em }
h5 { font-size: .83em; margin-top: 1.67em; margin-bottom: 1.67em }
h6 { font-size: .67em; margin-top: 2.33em; margin-bottom: 2.33em }

ul, ol, menu, dir { margin-top: 1em; margin-bottom: 1em; padding-left: 40px }
ul, menu, dir { list-style-type: disc }
ol { list-style-type: decimal }
ul ul, ol ul, menu ul, ul menu { list-style-type: circle }
ul ul ul, ul ol ul, ol ul ul, ol ol ul { list-style-type: square }
ul ul, ul ol, ol ul, ol ol { margin-top: 0; margin-bottom: 0 }

table { display: table; border-collapse: separate; border-spacing: 2px; text-indent: 0; border-color: gray }
caption { display: table-caption; text-align: center }
colgroup { display: table-column-group }
col { display: table-column }
thead { display: table-header-group; vertical-align: middle; border-color: inherit }
tbody { display: table-row-group; vertical-align: middle; border-color: inherit }
tfoot { display: table-footer-group; vertical-align: middle; border-color: inherit }
tr { display: table-row; vertical-align: inherit; border-color: inherit }
table > tr { vertical-align: middle }
td, th { display: table-cell; padding: 1px; vertical-align: inherit; border-color: gray }
th { font-weight: bold; text-align: center }

b, strong { font-weight: bold }
i, em, cite, dfn, var { font-style: italic }
u, ins { text-decoration: underline }
s, strike, del { text-decoration: line-through }
sub { vertical-align: sub; font-size: smaller; line-height: normal }
sup { vertical-align: super; font-size: smaller; line-height: normal }
mark { background-color: yellow; color: black }
small { font-size: smaller }
big { font-size: larger }
code, kbd, samp, tt, pre, listing, plaintext, xmp { font-family: monospace }
pre, listing, plaintext, xmp { white-space: pre }
a[href] { color: #0000ee; text-decoration: underline }
q::before { content: open-quote }
q::after { content: close-quote }
hr { border-style: inset; border-width: 1px; color: gray; margin: .5em auto }

@page { size: A4; margin: 72pt }
)css";
}

}  // namespace quorum::style
