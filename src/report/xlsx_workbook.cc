// What the xlsx reports share (xlsx_workbook.h).
#include "report/xlsx_workbook.h"

#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <mutex>
#include <thread>

#include <fmt/format.h>

#include "base/lang.h"
#include "base/record_codec.h"
#include "base/text.h"
#include "base/worker_thread.h"
#include "model/value.h"
#include "report/report_common.h"

// libxlsxwriter's workbook_close stamps the workbook's creation time with
// gmtime(), whose result is one static buffer the C library shares between
// threads: two department workbooks closing at once on -j threads race on
// it (ThreadSanitizer showed it). This program's own gmtime, which the
// dynamic linker gives libxlsxwriter in place of the C library's, keeps a
// buffer per thread; gmtime_r does the work. Closing, where libxlsxwriter
// writes and compresses everything, can then run on every thread.
extern "C" struct tm* gmtime(const time_t* timer) {
  thread_local struct tm result;
  return gmtime_r(timer, &result);
}

namespace jixiao {

namespace {

// Excel's limits: characters of a cell's text, of a sheet name.
constexpr size_t kMaxCellChars = 32767;
constexpr size_t kMaxSheetNameUnits = 31;
// Diagnostics listed on the 汇总 sheet at most (the text report has them all).
constexpr size_t kMaxListedDiagnostics = 100000;

// The UTF-16 code units of code point `cp`: what Excel counts.
size_t Utf16Units(char32_t cp) { return cp > 0xFFFF ? 2 : 1; }

// `s` as a cell's text: what no report writes dropped (PrintableText),
// and cut to Excel's limit with "…" (libxlsxwriter refuses a longer one).
std::string CellText(std::string_view s) {
  std::string t = PrintableText(s);
  if (t.size() <= kMaxCellChars) return t;  // bytes >= code points
  size_t pos = 0, units = 0;
  while (pos < t.size()) {
    size_t at = pos;
    char32_t cp = DecodeUtf8(t, &pos);
    units += Utf16Units(cp);
    if (units > kMaxCellChars - 1) {
      t.resize(at);
      return t + "…";
    }
  }
  return t;
}

std::string AsciiLower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

// `s` cut to at most `units` UTF-16 code units, at a code point.
std::string CutToUnits(const std::string& s, size_t units) {
  size_t pos = 0, n = 0;
  while (pos < s.size()) {
    size_t at = pos;
    char32_t cp = DecodeUtf8(s, &pos);
    n += Utf16Units(cp);
    if (n > units) return s.substr(0, at);
  }
  return s;
}

}  // namespace

std::string ExcelSheetName(std::string_view wanted, std::set<std::string>* used) {
  std::string name;
  std::string text = PrintableText(wanted);
  for (size_t pos = 0; pos < text.size();) {
    size_t at = pos;
    char32_t cp = DecodeUtf8(text, &pos);
    if (cp < 0x20) continue;  // tab, line breaks
    if (std::strchr("[]:*?/\\", static_cast<int>(cp < 0x80 ? cp : 'a')) != nullptr) {
      name += '_';
    } else {
      name.append(text, at, pos - at);
    }
  }
  name = std::string(Trim(name));
  name = CutToUnits(name, kMaxSheetNameUnits);
  // Excel refuses a name that starts or ends with an apostrophe, and keeps
  // "History" for itself.
  if (!name.empty() && name.front() == '\'') name.front() = '_';
  if (!name.empty() && name.back() == '\'') name.back() = '_';
  if (name.empty()) name = "_";
  if (AsciiLower(name) == "history") name += "_";
  std::string candidate = name;
  for (int k = 2; used->count(AsciiLower(candidate)); ++k) {
    std::string suffix = "~" + std::to_string(k);
    candidate = CutToUnits(name, kMaxSheetNameUnits - suffix.size()) + suffix;
  }
  used->insert(AsciiLower(candidate));
  return candidate;
}

std::string WorkbookFileName(std::string_view wanted, std::set<std::string>* used) {
  std::string name;
  std::string text = PrintableText(wanted);
  for (size_t pos = 0; pos < text.size();) {
    size_t at = pos;
    char32_t cp = DecodeUtf8(text, &pos);
    if (cp < 0x20) {
      name += ' ';
    } else if (cp < 0x80 && std::strchr("/\\:*?\"<>|", static_cast<int>(cp)) != nullptr) {
      name += '_';
    } else {
      name.append(text, at, pos - at);
    }
  }
  // No leading dot (a hidden file), no trailing dot or blank (Windows drops them).
  size_t start = name.find_first_not_of(" .");
  name = start == std::string::npos ? "" : name.substr(start);
  while (!name.empty() && (name.back() == ' ' || name.back() == '.')) name.pop_back();
  // Room for " (99).xlsx" within a file name's 255 bytes.
  if (name.size() > 200) {
    size_t cut = 200;
    while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) --cut;
    name.resize(cut);
  }
  if (name.empty()) name = "_";
  std::string candidate = name;
  for (int k = 2; used->count(AsciiLower(candidate)); ++k) {
    candidate = name + " (" + std::to_string(k) + ")";
  }
  used->insert(AsciiLower(candidate));
  return candidate;
}

std::string QuotedSheetName(std::string_view name) {
  std::string out = "'";
  for (char c : name) {
    if (c == '\'') out += '\'';  // a quote is doubled
    out += c;
  }
  return out + "'";
}

Workbook::Workbook(const std::string& file, bool constant_memory, std::string font)
    : font_(std::move(font)) {
  lxw_workbook_options options = {};
  options.constant_memory = constant_memory ? LXW_TRUE : LXW_FALSE;
  wb_ = workbook_new_opt(file.c_str(), &options);
  // The workbook records when it was made (docProps/core.xml): the time of
  // the run, unless SOURCE_DATE_EPOCH (the reproducible-builds convention:
  // seconds since 1970) fixes it, so that two runs write the same bytes.
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); wb_ != nullptr && epoch != nullptr) {
    char* end = nullptr;
    errno = 0;
    const long long seconds = std::strtoll(epoch, &end, 10);
    if (errno == 0 && end != epoch && *end == '\0' && seconds > 0) {
      lxw_doc_properties properties = {};
      properties.created = static_cast<time_t>(seconds);
      workbook_set_properties(wb_, &properties);
    }
  }
}

Workbook::~Workbook() {
  if (wb_ != nullptr) lxw_workbook_free(wb_);
}

lxw_worksheet* Workbook::AddSheet(std::string_view wanted) {
  std::string name = ExcelSheetName(wanted, &used_);
  lxw_worksheet* ws = workbook_add_worksheet(wb_, name.c_str());
  // The name the workbook's defined names (print titles, the autofilter)
  // give the sheet, always quoted. libxlsxwriter quotes only a name with a
  // character other than [A-Za-z0-9_.], so an id such as "TJ2024" (a cell
  // reference: column TJ, row 2024) or "12010024" (a leading digit) went in
  // bare, which Excel takes for a reference and "repairs". Quotes are valid
  // on any name. (quoted_name is the library's own, freed with the sheet.)
  if (ws != nullptr) {
    if (char* quoted = strdup(QuotedSheetName(name).c_str())) {
      free(ws->quoted_name);
      ws->quoted_name = quoted;
    }
  }
  return ws;
}

lxw_format* Workbook::Format(uint8_t style, Num num, bool border, int places) {
  places = std::clamp(places, 2, 15);
  const unsigned key = style | (static_cast<unsigned>(num) << 8) | (border ? 1u << 12 : 0u) |
                       (static_cast<unsigned>(places) << 13);
  auto it = formats_.find(key);
  if (it != formats_.end()) return it->second;
  lxw_format* f = workbook_add_format(wb_);
  if (!font_.empty()) format_set_font_name(f, font_.c_str());
  format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
  if (style & kStyleCentre) format_set_align(f, LXW_ALIGN_CENTER);
  if (style & kStyleBold) format_set_bold(f);
  if (style & kStyleWrap) format_set_text_wrap(f);
  if (style & kStyleTitle) format_set_font_size(f, 16);
  // The lights' fills: Excel's "good", "neutral" and "bad" cell colours.
  if (style & (kStyleFillGreen | kStyleFillYellow | kStyleFillRed)) {
    format_set_pattern(f, LXW_PATTERN_SOLID);
    format_set_bg_color(f, (style & kStyleFillGreen)    ? 0xC6EFCE
                           : (style & kStyleFillYellow) ? 0xFFEB9C
                                                        : 0xFFC7CE);
  }
  if (border) format_set_border(f, LXW_BORDER_THIN);
  switch (num) {
    case Num::kNone: break;
    case Num::kFixed2:
      format_set_num_format(f, ("0." + std::string(static_cast<size_t>(places), '0')).c_str());
      break;
    case Num::kPercent2: format_set_num_format(f, "0.00%"); break;
    case Num::kInteger: format_set_num_format(f, "0"); break;
  }
  formats_.emplace(key, f);
  return f;
}

std::string Workbook::Close() {
  lxw_error err = workbook_close(wb_);
  wb_ = nullptr;
  return err == LXW_NO_ERROR ? "" : lxw_strerror(err);
}

namespace {

Num NumOf(const FormCell& c) {
  if (c.kind != FormCell::Kind::kNumber) return Num::kNone;
  return c.format == NumberFormat::kPercent2 ? Num::kPercent2 : Num::kFixed2;
}

}  // namespace

void WriteString(lxw_worksheet* ws, uint32_t row, uint16_t col, std::string_view text,
                 lxw_format* f) {
  std::string t = CellText(text);
  if (t.empty()) {
    worksheet_write_blank(ws, row, col, f);
  } else {
    worksheet_write_string(ws, row, col, t.c_str(), f);
  }
}

void WriteForm(Workbook* book, lxw_worksheet* ws, const FormGrid& g) {
  for (size_t c = 0; c < g.column_widths.size(); ++c)
    worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                         g.column_widths[c], nullptr);
  for (uint16_t r = 0; r < g.rows; ++r) {
    if (r == 0) {
      worksheet_set_row(ws, 0, 30, nullptr);
    } else if (g.row_lines[r] > 1) {
      worksheet_set_row(ws, r, 15.0 * g.row_lines[r] + 2, nullptr);
    }
  }
  for (const FormCell& c : g.cells) {
    const bool border = c.row < g.form_rows && !(c.style & kStyleNoBorder);
    lxw_format* f = book->Format(c.style, NumOf(c), border, c.places);
    if (c.merged()) {
      std::string text = c.kind == FormCell::Kind::kText ? CellText(c.text) : "";
      worksheet_merge_range(ws, c.row, c.col, c.last_row(), c.last_col(), text.c_str(), f);
      // A number in a merged range goes into its top-left cell after the merge.
      if (c.kind == FormCell::Kind::kNumber)
        worksheet_write_number(ws, c.row, c.col, c.number.ToDouble(), f);
      continue;
    }
    switch (c.kind) {
      case FormCell::Kind::kBlank: worksheet_write_blank(ws, c.row, c.col, f); break;
      case FormCell::Kind::kText: WriteString(ws, c.row, c.col, c.text, f); break;
      case FormCell::Kind::kNumber: worksheet_write_number(ws, c.row, c.col, c.number.ToDouble(), f); break;
    }
  }
  worksheet_set_paper(ws, 9);  // A4
  if (g.landscape) {
    worksheet_set_landscape(ws);
  } else {
    worksheet_set_portrait(ws);
  }
  worksheet_fit_to_pages(ws, 1, 0);
  worksheet_repeat_rows(ws, 0, static_cast<lxw_row_t>(g.header_rows - 1));
  worksheet_center_horizontally(ws);
  worksheet_set_margins(ws, 0.5, 0.5, 0.6, 0.6);
}

Rational InWan(const Rational& v, const std::string& unit) {
  static const Rational kWan = LookupUnit("万元").factor;
  Unit u = LookupUnit(unit);
  if (!IsBudgetUnit(u)) return v;
  return v * u.factor / kWan;
}

void SetUpSummarySheet(Workbook* book, lxw_worksheet* ws, const std::vector<std::string>& headers,
                       const std::vector<double>& widths) {
  for (size_t c = 0; c < widths.size(); ++c)
    worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), widths[c], nullptr);
  worksheet_set_row(ws, 0, 32, nullptr);
  lxw_format* h = book->Format(kStyleBold | kStyleCentre | kStyleWrap, Num::kNone, true);
  for (size_t c = 0; c < headers.size(); ++c) WriteString(ws, 0, static_cast<uint16_t>(c), headers[c], h);
  worksheet_freeze_panes(ws, 1, 2);
  // Printed on A4 landscape, one page wide, the header on every page.
  worksheet_set_paper(ws, 9);
  worksheet_set_landscape(ws);
  worksheet_fit_to_pages(ws, 1, 0);
  worksheet_repeat_rows(ws, 0, 0);
  if (!headers.empty()) worksheet_autofilter(ws, 0, 0, 0, static_cast<lxw_col_t>(headers.size() - 1));
}

void ExtendSummaryFilter(lxw_worksheet* ws, lxw_row_t last_row) {
  if (ws->autofilter.in_use && last_row > ws->autofilter.last_row) ws->autofilter.last_row = last_row;
}

void WriteSummaryDiagnostics(Workbook* book, lxw_worksheet* ws, uint32_t* row,
                             const Diagnostics& diags, MsgId errors_title) {
  lxw_format* bold = book->Format(kStyleBold, Num::kNone, false);
  lxw_format* plain = book->Format(0, Num::kNone, false);
  uint32_t& r = *row;
  ++r;
  if (diags.all().empty()) {
    WriteString(ws, r++, 0, Tr(MsgId::kSumNoDiagnostics), bold);
    return;
  }
  WriteString(ws, r++, 0,
              diags.has_errors() ? Tr(errors_title, diags.error_count()) : Tr(MsgId::kSumDiagnostics),
              bold);
  const MsgId headers[] = {MsgId::kSumSeverity, MsgId::kSumCode, MsgId::kSumLocation,
                           MsgId::kSumMessage};
  for (int c = 0; c < 4; ++c) WriteString(ws, r, static_cast<uint16_t>(c), Tr(headers[c]), bold);
  ++r;
  size_t listed = 0, total = 0;
  const size_t room = std::min<size_t>(kMaxListedDiagnostics, kXlsxMaxRows - 1 - r);
  for (const Diagnostic& d : diags.all()) {
    ++total;
    if (listed == room) continue;
    ++listed;
    const uint32_t at = r++;
    WriteString(ws, at, 0,
                Tr(d.severity == Severity::kError ? MsgId::kSeverityError : MsgId::kSeverityWarning),
                plain);
    WriteString(ws, at, 1, FormatCode(d.code), plain);
    WriteString(ws, at, 2, FormatLocation(d.loc), plain);
    WriteString(ws, at, 3, d.message, plain);
  }
  if (listed < total) WriteString(ws, r++, 0, Tr(MsgId::kSumMoreDiagnostics, total - listed), bold);
}

namespace {

constexpr const char* kSummaryFile = "汇总";

// Whether `path` names a directory: it ends in '/', or is one.
bool IsDirectoryPath(const std::string& path) {
  if (!path.empty() && path.back() == '/') return true;
  struct stat st;
  return stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

}  // namespace

FormWorkbooks::FormWorkbooks(const ReportContext& ctx)
    : ctx_(ctx), directory_(IsDirectoryPath(ctx.path)) {
  if (directory_) {
    dir_ = ctx_.path;
    if (dir_.back() != '/') dir_ += '/';
  }
}

FormWorkbooks::~FormWorkbooks() = default;

// The paper forms' font, 宋体 (SimSun), for a Chinese workbook; Excel's
// default for an English one.
std::string FormWorkbooks::Font() const { return English() ? "" : "宋体"; }

std::string FormWorkbooks::SummaryPath() const {
  return directory_ ? dir_ + kSummaryFile + ".xlsx" : ctx_.path;
}

lxw_worksheet* FormWorkbooks::Begin(const std::string& summary_sheet) {
  const std::string path = SummaryPath();
  std::string why;
  summary_out_ = ctx_.open_file(path, &why);
  if (!summary_out_) {
    failure_ = Msg(MsgId::kXlsxWriteFailed, path, why);
    return nullptr;
  }
  summary_book_ = std::make_unique<Workbook>(summary_out_->name(), directory_, Font());
  lxw_worksheet* ws = summary_book_->ok() ? summary_book_->AddSheet(summary_sheet) : nullptr;
  if (ws == nullptr) {
    failure_ = Msg(MsgId::kXlsxWriteFailed, path, "libxlsxwriter");
    summary_book_.reset();
  }
  return ws;
}

bool FormWorkbooks::Accept() {
  ++projects_;
  if (!failure_.text.empty() || too_many_ || !summary_book_) return false;
  if (!directory_ && projects_ > ctx_.max_sheets) {
    // Not one workbook: drop it now, before it takes the memory of a year.
    too_many_ = true;
    summary_book_.reset();
    summary_out_.reset();
    return false;
  }
  return true;
}

void FormWorkbooks::AddForm(const std::string& id, const std::string& department,
                            const FormGrid& grid) {
  if (!directory_) {
    lxw_worksheet* ws = summary_book_->AddSheet(id);
    if (ws != nullptr) WriteForm(summary_book_.get(), ws, grid);
    return;
  }
  RecordWriter w;
  w.Str(id);
  WriteGrid(grid, &w);
  const uint32_t record = static_cast<uint32_t>(forms_.Append(w.bytes()));
  auto [it, added] = department_index_.emplace(department, departments_.size());
  if (added) departments_.push_back({department.empty() ? Tr(MsgId::kWorkbookNoDepartment) : department, {}});
  departments_[it->second].records.push_back(record);
}

void FormWorkbooks::End() {
  if (too_many_) {
    failure_ = Msg(MsgId::kXlsxTooManyProjects, projects_, ctx_.max_sheets);
    return;
  }
  if (!failure_.text.empty() || !summary_book_) return;
  std::string why = summary_book_->Close();
  summary_book_.reset();
  if (why.empty()) why = summary_out_->Commit();
  if (!why.empty()) {
    failure_ = Msg(MsgId::kXlsxWriteFailed, SummaryPath(), why);
    return;
  }
  summary_out_.reset();
  if (!directory_) return;
  WriteDepartments();
  if (failure_.text.empty()) FindOtherWorkbooks();
}

// A workbook left in the directory by an earlier run (a department since
// renamed, a year split in other parts) would be handed up with this run's
// forms: each *.xlsx there that this run did not write is named.
void FormWorkbooks::FindOtherWorkbooks() {
  DIR* d = opendir(dir_.c_str());
  if (d == nullptr) return;
  std::vector<std::string> others;
  while (const dirent* e = readdir(d)) {
    const std::string name = e->d_name;
    if (name.size() <= 5 || AsciiLower(name.substr(name.size() - 5)) != ".xlsx") continue;
    if (IsOfficeLockFile(name)) continue;  // Excel's or WPS's, beside an open workbook
    if (written_.count(name) == 0) others.push_back(name);
  }
  closedir(d);
  if (others.empty()) return;
  std::sort(others.begin(), others.end());
  constexpr size_t kShown = 5;
  std::string list;
  for (size_t i = 0; i < others.size() && i < kShown; ++i) {
    if (i > 0) list += Tr(MsgId::kListSeparator);
    list += others[i];
  }
  if (others.size() > kShown) list = Tr(MsgId::kListMore, list, others.size() - kShown);
  warning_ = Msg(MsgId::kXlsxOtherWorkbooks, ctx_.path, others.size(), list);
}

// The departments' workbooks, on up to ctx_.jobs threads.
void FormWorkbooks::WriteDepartments() {
  std::vector<Book> books;
  std::set<std::string> used = {AsciiLower(kSummaryFile)};  // 汇总.xlsx is taken
  written_.insert(std::string(kSummaryFile) + ".xlsx");
  for (const Department& d : departments_) {
    const size_t n = d.records.size();
    const size_t parts = (n + ctx_.max_sheets - 1) / ctx_.max_sheets;
    for (size_t k = 0; k < parts; ++k) {
      std::string name = parts == 1 ? d.name : fmt::format("{} ({})", d.name, k + 1);
      const std::string file = WorkbookFileName(name, &used) + ".xlsx";
      written_.insert(file);
      books.push_back({dir_ + file, &d.records,
                       k * ctx_.max_sheets, std::min(n, (k + 1) * ctx_.max_sheets)});
    }
  }
  std::atomic<size_t> next{0};
  std::mutex mu;  // opening and committing files; failure_
  auto work = [&] {
    for (size_t i = next++; i < books.size(); i = next++) {
      {
        std::lock_guard<std::mutex> lock(mu);
        if (!failure_.text.empty()) return;
      }
      const Book& b = books[i];
      std::string why;
      std::unique_ptr<NamedOutput> out;
      {
        std::lock_guard<std::mutex> lock(mu);
        out = ctx_.open_file(b.file, &why);
      }
      if (out) why = WriteBook(out->name(), b);
      if (out && why.empty()) {
        std::lock_guard<std::mutex> lock(mu);
        why = out->Commit();
      }
      std::lock_guard<std::mutex> lock(mu);
      out.reset();
      if (!why.empty() && failure_.text.empty()) failure_ = Msg(MsgId::kXlsxWriteFailed, b.file, why);
    }
  };
  const size_t threads = std::min<size_t>(std::max(1, ctx_.jobs), books.size());
  std::vector<std::thread> pool;
  for (size_t t = 1; t < threads; ++t) pool.push_back(StartWorkerThread(work));
  work();
  for (std::thread& t : pool) t.join();
}

// Writes the forms of `b` as a workbook at `file`; "" or why not.
std::string FormWorkbooks::WriteBook(const std::string& file, const Book& b) {
  Workbook book(file, false, Font());
  if (!book.ok()) return "libxlsxwriter";
  for (size_t k = b.begin; k < b.end; ++k) {
    std::string record = forms_.Read((*b.records)[k]);
    RecordReader r(record);
    std::string id(r.Str());
    FormGrid grid = ReadGrid(&r);
    lxw_worksheet* ws = book.AddSheet(id);
    if (ws == nullptr) return "libxlsxwriter";
    WriteForm(&book, ws, grid);
  }
  return book.Close();
}

}  // namespace jixiao
