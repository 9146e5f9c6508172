#include "import/docx.h"

#include <zip.h>

#include <cstdlib>
#include <memory>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <pugixml.hpp>

#include "base/lang.h"
#include "base/messages.h"
#include "base/text.h"

namespace jixiao {

namespace {

// Structural nesting (content controls, custom XML) followed at body,
// table and row level; deeper wrappers are reported, not followed.
constexpr int kMaxWrapperDepth = 32;
// Largest _rels/.rels part read.
constexpr size_t kMaxRelsBytes = 1u << 20;

struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};
using ZipPtr = std::unique_ptr<zip_t, ZipCloser>;

// Why libzip failed, in the language of the messages: libzip's own text
// (English) only in English and for what is rare.
std::string ZipReason(zip_error_t* e) {
  if (CurrentLang() == Lang::kEn) return zip_error_strerror(e);
  switch (zip_error_code_zip(e)) {
    case ZIP_ER_NOZIP: return std::string(Text(MsgId::kZipNoZip));
    case ZIP_ER_INCONS: return std::string(Text(MsgId::kZipInconsistent));
    case ZIP_ER_CRC: return std::string(Text(MsgId::kZipCrc));
    case ZIP_ER_ZLIB:
    case ZIP_ER_COMPRESSED_DATA: return std::string(Text(MsgId::kZipDamagedData));
    case ZIP_ER_EOF: return std::string(Text(MsgId::kZipEof));
    case ZIP_ER_COMPNOTSUPP:
    case ZIP_ER_ENCRNOTSUPP: return std::string(Text(MsgId::kZipMethod));
    case ZIP_ER_MULTIDISK: return std::string(Text(MsgId::kZipMultiDisk));
    case ZIP_ER_MEMORY: return std::string(Text(MsgId::kZipMemory));
    default: return zip_error_strerror(e);
  }
}

// Why pugixml refused the XML, as ZipReason.
std::string XmlReason(const pugi::xml_parse_result& res) {
  if (CurrentLang() == Lang::kEn) return res.description();
  switch (res.status) {
    case pugi::status_end_element_mismatch: return std::string(Text(MsgId::kXmlTagMismatch));
    case pugi::status_unrecognized_tag:
    case pugi::status_bad_start_element:
    case pugi::status_bad_end_element: return std::string(Text(MsgId::kXmlBadTag));
    case pugi::status_bad_attribute: return std::string(Text(MsgId::kXmlBadAttribute));
    case pugi::status_bad_pcdata: return std::string(Text(MsgId::kXmlBadText));
    case pugi::status_bad_pi:
    case pugi::status_bad_comment:
    case pugi::status_bad_cdata:
    case pugi::status_bad_doctype: return std::string(Text(MsgId::kXmlBadMarkup));
    case pugi::status_no_document_element: return std::string(Text(MsgId::kXmlNoRoot));
    default: return res.description();
  }
}

// Reads entry `name` of `za` into `*out`, at most `max` bytes. Returns "" on
// success, else the reason (naming the entry). `*missing` is set when the
// archive has no such entry.
std::string ReadEntry(zip_t* za, const std::string& name, size_t max, std::string* out,
                      bool* missing) {
  *missing = false;
  zip_int64_t idx = zip_name_locate(za, name.c_str(), 0);
  if (idx < 0) {
    *missing = true;
    return Tr(MsgId::kDocxNoPart, name);
  }
  zip_file_t* zf = zip_fopen_index(za, static_cast<zip_uint64_t>(idx), 0);
  if (zf == nullptr) {
    zip_error_t* e = zip_get_error(za);
    if (zip_error_code_zip(e) == ZIP_ER_NOPASSWD || zip_error_code_zip(e) == ZIP_ER_WRONGPASSWD) {
      return Tr(MsgId::kDocxEncrypted, name);
    }
    return Tr(MsgId::kDocxCannotOpenPart, name, ZipReason(e));
  }
  out->clear();
  std::string reason;
  char buf[65536];
  for (;;) {
    zip_int64_t n = zip_fread(zf, buf, sizeof buf);
    if (n < 0) {
      reason = Tr(MsgId::kDocxCannotReadPart, name, ZipReason(zip_file_get_error(zf)));
      break;
    }
    if (n == 0) break;
    if (out->size() + static_cast<size_t>(n) > max) {
      reason = Tr(MsgId::kDocxPartTooLarge, name, max);
      break;
    }
    out->append(buf, static_cast<size_t>(n));
  }
  zip_fclose(zf);
  return reason;
}

std::string_view LocalName(const pugi::xml_node& n) {
  std::string_view name = n.name();
  size_t colon = name.rfind(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

pugi::xml_node Child(const pugi::xml_node& n, std::string_view local) {
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element && LocalName(c) == local) return c;
  }
  return {};
}

// The value of the attribute whose local name is `local` (w:val), or nullptr.
const char* Attr(const pugi::xml_node& n, std::string_view local) {
  for (pugi::xml_attribute a = n.first_attribute(); a; a = a.next_attribute()) {
    std::string_view name = a.name();
    size_t colon = name.rfind(':');
    if ((colon == std::string_view::npos ? name : name.substr(colon + 1)) == local) {
      return a.value();
    }
  }
  return nullptr;
}

// Valid UTF-8 with control characters other than '\n' and '\t' replaced.
std::string Sanitize(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t pos = 0;
  while (pos < s.size()) {
    char32_t cp = DecodeUtf8(s, &pos);
    if ((cp < 0x20 && cp != '\n' && cp != '\t') || cp == 0x7F) cp = ' ';
    AppendUtf8(cp, &out);
  }
  return out;
}

// The text of `root` (a paragraph, a cell): w:t text, w:tab as a space,
// w:br and w:cr as line breaks, each paragraph after the first on a new
// line. Deleted runs, property blocks and AlternateContent fallbacks are
// skipped. Iterative, so any nesting depth is safe.
std::string TextOf(const pugi::xml_node& root) {
  std::string out;
  std::vector<pugi::xml_node> stack;
  stack.push_back(root);
  bool first = true;
  while (!stack.empty()) {
    pugi::xml_node n = stack.back();
    stack.pop_back();
    if (n.type() != pugi::node_element) continue;
    std::string_view l = LocalName(n);
    if (l == "t") {
      out += n.child_value();
      continue;
    }
    if (l == "tab") {
      out.push_back(' ');
      continue;
    }
    if (l == "br" || l == "cr") {
      out.push_back('\n');
      continue;
    }
    if (l == "noBreakHyphen") {
      out.push_back('-');
      continue;
    }
    if (l == "del" || l == "moveFrom" || l == "Fallback" || l == "pPr" || l == "rPr" ||
        l == "tcPr" || l == "trPr" || l == "tblPr" || l == "tblGrid" || l == "sectPr" ||
        l == "instrText" || l == "delText") {
      continue;
    }
    if (l == "p" && !first && !out.empty() && out.back() != '\n') out.push_back('\n');
    if (l == "p") first = false;
    // Children in document order: push them reversed.
    std::vector<pugi::xml_node> kids;
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
      if (c.type() == pugi::node_element) kids.push_back(c);
    }
    for (auto it = kids.rbegin(); it != kids.rend(); ++it) stack.push_back(*it);
  }
  return std::string(Trim(Sanitize(out)));
}

class BodyReader {
 public:
  BodyReader(ImportDoc* doc, Diagnostics* diags) : doc_(doc), diags_(diags) {}

  void Block(const pugi::xml_node& parent, int depth) {
    if (depth > kMaxWrapperDepth) {
      TooDeep();
      return;
    }
    for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling()) {
      if (c.type() != pugi::node_element) continue;
      std::string_view l = LocalName(c);
      if (l == "p") {
        ++paragraph_;
        std::string text = TextOf(c);
        if (text.empty()) continue;
        DocItem item;
        item.kind = DocItem::Kind::kParagraph;
        DocCell cell;
        cell.text = std::move(text);
        cell.at.paragraph = paragraph_;
        item.cells.push_back(std::move(cell));
        doc_->items.push_back(std::move(item));
      } else if (l == "tbl") {
        Table(c);
      } else if (IsWrapper(l)) {
        Block(c, depth + 1);
      }
    }
  }

 private:
  static bool IsWrapper(std::string_view l) {
    return l == "sdt" || l == "sdtContent" || l == "customXml" || l == "ins" || l == "moveTo" ||
           l == "smartTag";
  }

  void TooDeep() {
    if (reported_depth_) return;
    reported_depth_ = true;
    diags_->Warning({doc_->file, 0, 0}, MsgId::kImportTooDeep, kMaxWrapperDepth);
  }

  // Calls `fn` for each child element named `local`, looking through
  // wrappers (content controls, custom XML) up to the depth limit.
  template <typename Fn>
  void Each(const pugi::xml_node& parent, std::string_view local, int depth, Fn&& fn) {
    if (depth > kMaxWrapperDepth) {
      TooDeep();
      return;
    }
    for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling()) {
      if (c.type() != pugi::node_element) continue;
      std::string_view l = LocalName(c);
      if (l == local) {
        fn(c);
      } else if (IsWrapper(l)) {
        Each(c, local, depth + 1, fn);
      }
    }
  }

  void Table(const pugi::xml_node& tbl) {
    ++table_;
    int row_no = 0;
    Each(tbl, "tr", 0, [&](const pugi::xml_node& tr) {
      ++row_no;
      DocItem row;
      int cell_no = 0;
      Each(tr, "tc", 0, [&](const pugi::xml_node& tc) {
        ++cell_no;
        pugi::xml_node pr = Child(tc, "tcPr");
        if (pugi::xml_node h = Child(pr, "hMerge")) {
          const char* v = Attr(h, "val");
          if (v == nullptr || std::string_view(v) != "restart") {
            if (!row.cells.empty()) ++row.cells.back().span;
            return;
          }
        }
        DocCell cell;
        cell.at.table = table_;
        cell.at.row = row_no;
        cell.at.cell = cell_no;
        if (pugi::xml_node v = Child(pr, "vMerge")) {
          const char* val = Attr(v, "val");
          cell.merged = val == nullptr || std::string_view(val) != "restart";
        }
        if (pugi::xml_node g = Child(pr, "gridSpan")) {
          const char* val = Attr(g, "val");
          int n = val ? std::atoi(val) : 1;
          if (n > 1 && n <= 64) cell.span = n;
        }
        cell.text = TextOf(tc);
        if (cell.merged && !cell.text.empty()) cell.merged = false;  // keep the text
        row.cells.push_back(std::move(cell));
      });
      if (!row.cells.empty()) doc_->items.push_back(std::move(row));
    });
  }

  ImportDoc* doc_;
  Diagnostics* diags_;
  int paragraph_ = 0;
  int table_ = 0;
  bool reported_depth_ = false;
};

void FileError(const std::string& file, Message message, Diagnostics* diags) {
  diags->Error({file, 0, 0}, std::move(message));
}

// The main part's name from _rels/.rels, or "word/document.xml".
std::string MainPartName(zip_t* za) {
  std::string rels;
  bool missing = false;
  if (!ReadEntry(za, "_rels/.rels", kMaxRelsBytes, &rels, &missing).empty()) {
    return "word/document.xml";
  }
  pugi::xml_document x;
  if (!x.load_buffer(rels.data(), rels.size(), pugi::parse_default, pugi::encoding_utf8)) {
    return "word/document.xml";
  }
  for (pugi::xml_node r = x.document_element().first_child(); r; r = r.next_sibling()) {
    const char* type = Attr(r, "Type");
    const char* target = Attr(r, "Target");
    if (type == nullptr || target == nullptr) continue;
    if (!EndsWith(type, "/officeDocument")) continue;
    std::string_view t = target;
    while (!t.empty() && t.front() == '/') t.remove_prefix(1);
    if (!t.empty() && t.size() < 512) return std::string(t);
  }
  return "word/document.xml";
}

}  // namespace

bool LooksLikeZip(std::string_view bytes) { return StartsWith(bytes, std::string_view("PK\3\4", 4)); }

bool LooksLikeOle(std::string_view bytes) {
  return StartsWith(bytes, std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8));
}

std::optional<ImportDoc> ReadDocx(std::string_view bytes, const std::string& file,
                                  size_t max_part_bytes, Diagnostics* diags) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
  if (src == nullptr) {
    FileError(file, Msg(MsgId::kImportBadDocx, ZipReason(&err)), diags);
    zip_error_fini(&err);
    return std::nullopt;
  }
  ZipPtr za(zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &err));
  if (!za) {
    FileError(file,
              Msg(MsgId::kImportNotDocx, Tr(MsgId::kDocxUnreadableZip, ZipReason(&err))),
              diags);
    zip_source_free(src);
    zip_error_fini(&err);
    return std::nullopt;
  }
  zip_error_fini(&err);
  std::string part = MainPartName(za.get());
  std::string xml;
  bool missing = false;
  std::string reason = ReadEntry(za.get(), part, max_part_bytes, &xml, &missing);
  if (missing && part != "word/document.xml") {
    part = "word/document.xml";
    reason = ReadEntry(za.get(), part, max_part_bytes, &xml, &missing);
  }
  if (!reason.empty()) {
    FileError(file, Msg(missing ? MsgId::kImportNotDocx : MsgId::kImportBadDocx, reason), diags);
    return std::nullopt;
  }
  za.reset();

  pugi::xml_document x;
  pugi::xml_parse_result res =
      x.load_buffer_inplace(xml.data(), xml.size(),
                            pugi::parse_default | pugi::parse_ws_pcdata_single,
                            pugi::encoding_utf8);
  if (!res) {
    FileError(file,
              Msg(MsgId::kImportBadDocx,
                  Tr(MsgId::kDocxBadXml, part, XmlReason(res), res.offset)),
              diags);
    return std::nullopt;
  }
  pugi::xml_node root = x.document_element();
  pugi::xml_node body = Child(root, "body");
  if (LocalName(root) != "document" || !body) {
    FileError(file, Msg(MsgId::kImportNotWordDocument, part), diags);
    return std::nullopt;
  }
  ImportDoc doc;
  doc.file = file;
  BodyReader reader(&doc, diags);
  reader.Block(body, 0);
  return doc;
}

std::string MakeDocx(std::string_view document_xml, std::string* error) {
  static const char kContentTypes[] =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
      "<Default Extension=\"rels\" "
      "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
      "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
      "<Override PartName=\"/word/document.xml\" ContentType=\"application/"
      "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
      "</Types>";
  static const char kRels[] =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      "<Relationship Id=\"rId1\" "
      "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
      "officeDocument\" Target=\"word/document.xml\"/>"
      "</Relationships>";
  const std::pair<const char*, std::string_view> parts[] = {
      {"[Content_Types].xml", kContentTypes},
      {"_rels/.rels", kRels},
      {"word/document.xml", document_xml},
  };
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* buf = zip_source_buffer_create(nullptr, 0, 0, &err);
  if (buf == nullptr) {
    *error = zip_error_strerror(&err);
    zip_error_fini(&err);
    return {};
  }
  zip_source_keep(buf);
  zip_t* za = zip_open_from_source(buf, ZIP_TRUNCATE, &err);
  if (za == nullptr) {
    *error = zip_error_strerror(&err);
    zip_error_fini(&err);
    zip_source_free(buf);
    return {};
  }
  zip_error_fini(&err);
  for (const auto& [name, data] : parts) {
    zip_source_t* s = zip_source_buffer(za, data.data(), data.size(), 0);
    zip_int64_t idx = s ? zip_file_add(za, name, s, ZIP_FL_ENC_UTF_8) : -1;
    if (idx < 0) {
      if (s) zip_source_free(s);
      *error = zip_error_strerror(zip_get_error(za));
      zip_discard(za);
      zip_source_free(buf);
      return {};
    }
    // 2024-01-01 00:00 local time, so that the bytes do not depend on the clock.
    zip_file_set_mtime(za, static_cast<zip_uint64_t>(idx), 1704067200, 0);
  }
  if (zip_close(za) != 0) {
    *error = zip_error_strerror(zip_get_error(za));
    zip_discard(za);
    zip_source_free(buf);
    return {};
  }
  std::string out;
  if (zip_source_open(buf) == 0) {
    zip_source_seek(buf, 0, SEEK_END);
    zip_int64_t size = zip_source_tell(buf);
    zip_source_seek(buf, 0, SEEK_SET);
    if (size > 0) {
      out.resize(static_cast<size_t>(size));
      zip_int64_t n = zip_source_read(buf, out.data(), static_cast<zip_uint64_t>(size));
      if (n != size) out.clear();
    }
    zip_source_close(buf);
  }
  zip_source_free(buf);
  if (out.empty()) *error = "cannot read back the archive written";
  return out;
}

}  // namespace jixiao
