#include <string>

#include "render/document.h"

namespace gongkai::render {

std::optional<DocumentFormat> parse_document_format(std::string_view name) {
  if (name.starts_with('.')) name.remove_prefix(1);
  if (name.size() > 8) return std::nullopt;
  std::string lower(name);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  if (lower == "html" || lower == "htm") return DocumentFormat::kHtml;
  if (lower == "pdf") return DocumentFormat::kPdf;
  if (lower == "docx") return DocumentFormat::kDocx;
  if (lower == "xlsx") return DocumentFormat::kXlsx;
  return std::nullopt;
}

const char* content_type(DocumentFormat format) {
  switch (format) {
    case DocumentFormat::kHtml: return "text/html; charset=utf-8";
    case DocumentFormat::kPdf: return "application/pdf";
    case DocumentFormat::kDocx: return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    case DocumentFormat::kXlsx: return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  }
  return "application/octet-stream";
}

const char* file_extension(DocumentFormat format) {
  switch (format) {
    case DocumentFormat::kHtml: return ".html";
    case DocumentFormat::kPdf: return ".pdf";
    case DocumentFormat::kDocx: return ".docx";
    case DocumentFormat::kXlsx: return ".xlsx";
  }
  return "";
}

std::string render_document(const Document& doc, DocumentFormat format) {
  switch (format) {
    case DocumentFormat::kHtml: return to_html(doc);
    case DocumentFormat::kPdf: return to_pdf(doc);
    case DocumentFormat::kDocx: return to_docx(doc);
    case DocumentFormat::kXlsx: return to_xlsx(doc);
  }
  return {};
}

}  // namespace gongkai::render
