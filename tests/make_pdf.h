// A minimal PDF writer for tests: one line of Helvetica text per page, with
// a correct cross-reference table, so tests can make PDFs of any page count
// without a tool.
#ifndef GCMSEARCH_TESTS_MAKE_PDF_H_
#define GCMSEARCH_TESTS_MAKE_PDF_H_

#include <cstdio>
#include <string>
#include <vector>

namespace gcm::testing {

// A PDF whose page i shows page_texts[i] (printable ASCII without
// parentheses or backslashes).
inline std::string MakePdf(const std::vector<std::string>& page_texts) {
  std::string out = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
  std::vector<std::size_t> offsets;  // offsets[k] is object k+1's
  auto object = [&](const std::string& body) {
    offsets.push_back(out.size());
    out += std::to_string(offsets.size()) + " 0 obj\n" + body + "\nendobj\n";
  };
  const std::size_t n = page_texts.size();
  // Objects: 1 catalog, 2 page tree, 3 font, then a page and its content
  // stream for each page: page i is 4 + 2i, its content 5 + 2i.
  object("<< /Type /Catalog /Pages 2 0 R >>");
  std::string kids;
  for (std::size_t i = 0; i < n; ++i) kids += std::to_string(4 + 2 * i) + " 0 R ";
  object("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(n) + " >>");
  object("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
  for (std::size_t i = 0; i < n; ++i) {
    object(
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R "
        ">> >> /Contents " +
        std::to_string(5 + 2 * i) + " 0 R >>");
    std::string stream = "BT /F1 12 Tf 72 720 Td (" + page_texts[i] + ") Tj ET";
    object("<< /Length " + std::to_string(stream.size()) + " >>\nstream\n" + stream + "\nendstream");
  }
  std::size_t xref = out.size();
  out += "xref\n0 " + std::to_string(offsets.size() + 1) + "\n0000000000 65535 f \n";
  for (std::size_t off : offsets) {
    char line[32];
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", off);
    out += line;
  }
  out += "trailer\n<< /Size " + std::to_string(offsets.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
  return out;
}

}  // namespace gcm::testing

#endif  // GCMSEARCH_TESTS_MAKE_PDF_H_
