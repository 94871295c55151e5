// The search page, compiled into the binary so that `gcmsearch serve` needs
// no file from disk or from outside the machine (no CDN): one HTML shell,
// its stylesheet, its two scripts (the app, and the pure helpers it loads
// first), and an icon. They are the files of src/serve/web/ (index.html,
// app.css, helpers.js, app.js, favicon.svg); edit those:
// the build embeds them byte for byte (cmake/EmbedFiles.cmake writes
// generated/web_page.cc, which defines the names below), and nothing is
// read from disk at run time. The script is a small
// single-page app over the JSON API; its whole state lives in the address
// ("/?q=...&lang=es&objective=13", "/?doc=ID", "/?objective_page=13",
// "/?view=map", "/?view=objectives") so that every view can be
// bookmarked and shared, and back/forward work.
//
// It builds the DOM with textContent only (no innerHTML): snippets arrive
// HTML-escaped with <mark> around matched words and are turned into text
// nodes and <mark> elements, never parsed as HTML.
#ifndef GCMSEARCH_SERVE_WEB_PAGE_H_
#define GCMSEARCH_SERVE_WEB_PAGE_H_

#include <string_view>

namespace gcm {

extern const std::string_view kIndexHtml;   // web/index.html, served at /
extern const std::string_view kAppCss;      // web/app.css, /static/app.css
extern const std::string_view kHelpersJs;   // web/helpers.js, /static/helpers.js
extern const std::string_view kAppJs;       // web/app.js, /static/app.js
extern const std::string_view kFaviconSvg;  // web/favicon.svg, /favicon.ico

}  // namespace gcm

#endif  // GCMSEARCH_SERVE_WEB_PAGE_H_
