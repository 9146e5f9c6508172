// The xlsx report (docs/reference.md §8): the 汇总 sheet, then one
// 项目支出绩效自评表 sheet per project (self_eval_form.h draws the layout;
// this file only renders it), written with libxlsxwriter.
//
// -f xlsx=FILE: one workbook of at most ctx.max_sheets project sheets. The
// workbook is held in memory until End: libxlsxwriter keeps every cell of a
// workbook until it is closed, and its constant_memory mode drops cells of
// merged ranges that span rows, so no form sheet uses it. Past the limit
// the workbook is dropped at once and End reports why (a usage error).
// -f xlsx=DIR/: DIR/汇总.xlsx holds every project's summary row (written
// row by row in constant_memory mode: that sheet merges nothing), and one
// workbook per department holds its forms (split in parts of max_sheets).
// Projects arrive in input order, departments interleaved: each form is
// kept as a record in a RecordStore (memory that does not grow with the
// year) and the departments' workbooks are written at the end, up to
// ctx.jobs at a time, each in memory only while it is written.
#include <sys/stat.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cstring>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include <fmt/format.h>
#include <xlsxwriter.h>

#include "base/lang.h"
#include "base/messages.h"
#include "base/record_codec.h"
#include "base/record_store.h"
#include "base/text.h"
#include "model/value.h"
#include "report/report.h"
#include "report/report_common.h"
#include "report/report_xlsx.h"
#include "report/self_eval_form.h"

namespace jixiao {

namespace {

// Excel's limits: characters of a cell's text, of a sheet name; rows.
constexpr size_t kMaxCellChars = 32767;
constexpr size_t kMaxSheetNameUnits = 31;
constexpr uint32_t kMaxRows = 1048576;
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

namespace {

// How a number is written: none (text), 0.00, 0.00%, a whole number.
enum class Num : uint8_t { kNone, kFixed2, kPercent2, kInteger };

Num NumOf(const FormCell& c) {
  if (c.kind != FormCell::Kind::kNumber) return Num::kNone;
  return c.format == NumberFormat::kPercent2 ? Num::kPercent2 : Num::kFixed2;
}

// A libxlsxwriter workbook with its formats and the sheet names it used.
class Workbook {
 public:
  // `font`: the font of every cell ("" for Excel's default).
  Workbook(const std::string& file, bool constant_memory, std::string font)
      : font_(std::move(font)) {
    lxw_workbook_options options = {};
    options.constant_memory = constant_memory ? LXW_TRUE : LXW_FALSE;
    wb_ = workbook_new_opt(file.c_str(), &options);
  }
  ~Workbook() {
    if (wb_ != nullptr) lxw_workbook_free(wb_);
  }
  Workbook(const Workbook&) = delete;
  Workbook& operator=(const Workbook&) = delete;

  bool ok() const { return wb_ != nullptr; }

  // A new sheet named after `wanted`, made valid and unique; nullptr when
  // libxlsxwriter cannot add it.
  lxw_worksheet* AddSheet(std::string_view wanted) {
    std::string name = ExcelSheetName(wanted, &used_);
    return workbook_add_worksheet(wb_, name.c_str());
  }

  // The format of a cell of `style` (FormStyle bits) showing `num`, with a
  // thin border or none.
  lxw_format* Format(uint8_t style, Num num, bool border) {
    const unsigned key = style | (static_cast<unsigned>(num) << 8) | (border ? 1u << 12 : 0u);
    auto it = formats_.find(key);
    if (it != formats_.end()) return it->second;
    lxw_format* f = workbook_add_format(wb_);
    if (!font_.empty()) format_set_font_name(f, font_.c_str());
    format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
    if (style & kStyleCentre) format_set_align(f, LXW_ALIGN_CENTER);
    if (style & kStyleBold) format_set_bold(f);
    if (style & kStyleWrap) format_set_text_wrap(f);
    if (style & kStyleTitle) format_set_font_size(f, 16);
    if (border) format_set_border(f, LXW_BORDER_THIN);
    switch (num) {
      case Num::kNone: break;
      case Num::kFixed2: format_set_num_format(f, "0.00"); break;
      case Num::kPercent2: format_set_num_format(f, "0.00%"); break;
      case Num::kInteger: format_set_num_format(f, "0"); break;
    }
    formats_.emplace(key, f);
    return f;
  }

  // Writes the file and frees the workbook; "" or why it failed.
  // libxlsxwriter's workbook_close is not thread-safe: it stamps the
  // workbook's creation time with gmtime(), whose result is one static
  // buffer (ThreadSanitizer reports the race). Closes, which write the
  // file, take turns; the sheets are still filled on -j threads.
  std::string Close() {
    static std::mutex close_mu;
    std::lock_guard<std::mutex> lock(close_mu);
    lxw_error err = workbook_close(wb_);
    wb_ = nullptr;
    return err == LXW_NO_ERROR ? "" : lxw_strerror(err);
  }

 private:
  lxw_workbook* wb_ = nullptr;
  std::string font_;
  std::set<std::string> used_;  // sheet names, as Excel compares them
  std::map<unsigned, lxw_format*> formats_;
};

void WriteString(lxw_worksheet* ws, uint32_t row, uint16_t col, std::string_view text,
                 lxw_format* f) {
  std::string t = CellText(text);
  if (t.empty()) {
    worksheet_write_blank(ws, row, col, f);
  } else {
    worksheet_write_string(ws, row, col, t.c_str(), f);
  }
}

// Draws `g` on `ws`, with the print setup of the paper form: A4, one page
// wide, the header rows repeated on every page.
void WriteForm(Workbook* book, lxw_worksheet* ws, const FormGrid& g) {
  for (int c = 0; c < FormGrid::kColumns; ++c)
    worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                         FormGrid::kColumnWidths[c], nullptr);
  for (uint16_t r = 0; r < g.rows; ++r) {
    if (r == 0) {
      worksheet_set_row(ws, 0, 30, nullptr);
    } else if (g.row_lines[r] > 1) {
      worksheet_set_row(ws, r, 15.0 * g.row_lines[r] + 2, nullptr);
    }
  }
  for (const FormCell& c : g.cells) {
    const bool border = c.row < g.form_rows && !(c.style & kStyleNoBorder);
    lxw_format* f = book->Format(c.style, NumOf(c), border);
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
  worksheet_set_portrait(ws);
  worksheet_fit_to_pages(ws, 1, 0);
  worksheet_repeat_rows(ws, 0, static_cast<lxw_row_t>(g.header_rows - 1));
  worksheet_center_horizontally(ws);
  worksheet_set_margins(ws, 0.5, 0.5, 0.6, 0.6);
}

// An amount in the project's unit, in 万元 (the 汇总 sheet adds them up).
Rational InWan(const Rational& v, const std::string& unit) {
  static const Rational kWan = LookupUnit("万元").factor;
  Unit u = LookupUnit(unit);
  if (!IsBudgetUnit(u)) return v;
  return v * u.factor / kWan;
}

// The notes of a project's flagged items, for the 汇总 sheet's 偏差说明.
std::string DeviationNotes(const ProjectScore& s) {
  std::string out;
  auto add = [&](const std::string& what, const std::string& note) {
    if (!out.empty()) out += Tr(MsgId::kSumSeparator);
    std::string n(Trim(note));
    out += Tr(MsgId::kSumNoteItem, what, n.empty() ? Tr(MsgId::kSumNoNote) : n);
  };
  if (s.low_execution) add(Tr(MsgId::kFormRate), s.note);
  for (const IndicatorScore& is : s.indicators) {
    if (is.deviation == DeviationKind::kNone) continue;
    add(s.project.indicators[is.index].name, is.note);
  }
  return out;
}

// The 汇总 sheet: a row per project as it comes, then the totals and the
// run's diagnostics. Rows are written in order (a constant_memory sheet
// takes nothing else).
class SummarySheet {
 public:
  static constexpr int kColumns = 15;  // A–O
  // The notes' column: display columns a line (its width less a margin), and
  // the most lines a row is made tall for.
  static constexpr size_t kNoteLineWidth = 46;
  static constexpr size_t kMaxNoteLines = 30;

  SummarySheet(Workbook* book, lxw_worksheet* ws) : book_(book), ws_(ws) {
    static const double widths[kColumns] = {20, 36, 24, 24, 12, 12, 12, 10,
                                            8,  6,  6,  7,  7,  6,  48};
    for (int c = 0; c < kColumns; ++c)
      worksheet_set_column(ws_, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), widths[c], nullptr);
    const MsgId headers[kColumns] = {
        MsgId::kSumId,       MsgId::kFormProjectName, MsgId::kFormSupervisor,
        MsgId::kFormImplementer, MsgId::kSumInitialBudget, MsgId::kSumYearBudget,
        MsgId::kSumSpent,    MsgId::kFormRate,        MsgId::kFormScore,
        MsgId::kSumGrade,    MsgId::kSumMet,          MsgId::kSumUnmet,
        MsgId::kSumNotApplicable, MsgId::kSumComplies, MsgId::kSumNotes};
    worksheet_set_row(ws_, 0, 32, nullptr);
    lxw_format* h = book_->Format(kStyleBold | kStyleCentre | kStyleWrap, Num::kNone, true);
    for (int c = 0; c < kColumns; ++c) WriteString(ws_, 0, static_cast<uint16_t>(c), Tr(headers[c]), h);
    worksheet_freeze_panes(ws_, 1, 2);
    // Printed on A4 landscape, one page wide, the header on every page.
    worksheet_set_paper(ws_, 9);
    worksheet_set_landscape(ws_);
    worksheet_fit_to_pages(ws_, 1, 0);
    worksheet_repeat_rows(ws_, 0, 0);
    row_ = 1;
  }

  void Add(const ProjectScore& s, bool complies) {
    if (row_ >= kMaxRows - 8) return;  // Excel's last rows: the totals need room
    const Project& p = s.project;
    lxw_format* text = book_->Format(0, Num::kNone, true);
    lxw_format* centred = book_->Format(kStyleCentre, Num::kNone, true);
    lxw_format* amount = book_->Format(0, Num::kFixed2, true);
    lxw_format* percent = book_->Format(0, Num::kPercent2, true);
    lxw_format* count = book_->Format(0, Num::kInteger, true);
    const Rational initial = InWan(p.total, p.unit);
    const Rational budget = InWan(s.budget, p.unit);
    const Rational spent = InWan(s.spent, p.unit);
    initial_ += initial;
    budget_ += budget;
    spent_ += spent;
    met_ += s.met;
    unmet_ += s.unmet;
    not_applicable_ += s.not_applicable;
    if (complies) ++complies_;
    int64_t cents = 0;
    (s.total_rounded * 100).num().ToInt64(&cents);
    scores_.AddCents(cents);
    const uint32_t r = row_++;
    // The notes wrap in their column: the row is as tall as they need
    // (spreadsheets do not all grow a row for wrapped text by themselves).
    const std::string notes = DeviationNotes(s);
    const size_t lines = std::min<size_t>(kMaxNoteLines, 1 + DisplayWidth(notes) / kNoteLineWidth);
    if (lines > 1) worksheet_set_row(ws_, r, 15.0 * static_cast<double>(lines), nullptr);
    WriteString(ws_, r, 0, p.id, text);
    WriteString(ws_, r, 1, p.project, text);
    WriteString(ws_, r, 2, SupervisorText(p), text);
    WriteString(ws_, r, 3, ImplementerText(p), text);
    worksheet_write_number(ws_, r, 4, initial.ToDouble(), amount);
    worksheet_write_number(ws_, r, 5, budget.ToDouble(), amount);
    worksheet_write_number(ws_, r, 6, spent.ToDouble(), amount);
    worksheet_write_number(ws_, r, 7, s.rate.ToDouble(), percent);
    worksheet_write_number(ws_, r, 8, s.total_rounded.ToDouble(), amount);
    WriteString(ws_, r, 9, s.grade, centred);
    worksheet_write_number(ws_, r, 10, s.met, count);
    worksheet_write_number(ws_, r, 11, s.unmet, count);
    worksheet_write_number(ws_, r, 12, s.not_applicable, count);
    WriteString(ws_, r, 13, Tr(complies ? MsgId::kSumYes : MsgId::kSumNo), centred);
    WriteString(ws_, r, 14, notes, book_->Format(kStyleWrap, Num::kNone, true));
  }

  void Finish(const RunSummary& summary, const Diagnostics& diags) {
    const uint32_t last_project = row_ - 1;
    const size_t projects = row_ - 1;
    lxw_format* label = book_->Format(kStyleBold, Num::kNone, true);
    lxw_format* amount = book_->Format(kStyleBold, Num::kFixed2, true);
    lxw_format* percent = book_->Format(kStyleBold, Num::kPercent2, true);
    lxw_format* count = book_->Format(kStyleBold, Num::kInteger, true);
    lxw_format* blank = book_->Format(0, Num::kNone, true);
    // Totals: sums of the amounts, the overall rate, the mean score, the
    // counts by grade.
    uint32_t r = row_++;
    WriteString(ws_, r, 0, Tr(MsgId::kSumTotal), label);
    WriteString(ws_, r, 1, Tr(MsgId::kSumProjects, projects), label);
    worksheet_write_blank(ws_, r, 2, blank);
    worksheet_write_blank(ws_, r, 3, blank);
    worksheet_write_number(ws_, r, 4, initial_.ToDouble(), amount);
    worksheet_write_number(ws_, r, 5, budget_.ToDouble(), amount);
    worksheet_write_number(ws_, r, 6, spent_.ToDouble(), amount);
    if (budget_.sign() > 0) {
      worksheet_write_number(ws_, r, 7, (spent_ / budget_).ToDouble(), percent);
    } else {
      worksheet_write_blank(ws_, r, 7, blank);
    }
    worksheet_write_number(ws_, r, 8, scores_.Mean().Round(2).ToDouble(), amount);
    std::string grades;
    for (const auto& [grade, n] : summary.grades) {
      if (!grades.empty()) grades += Tr(MsgId::kSumListSeparator);
      grades += Tr(MsgId::kSumGradeCount, grade, n);
    }
    WriteString(ws_, r, 9, grades, label);
    worksheet_write_number(ws_, r, 10, static_cast<double>(met_), count);
    worksheet_write_number(ws_, r, 11, static_cast<double>(unmet_), count);
    worksheet_write_number(ws_, r, 12, static_cast<double>(not_applicable_), count);
    worksheet_write_number(ws_, r, 13, static_cast<double>(complies_), count);
    worksheet_write_blank(ws_, r, 14, blank);
    r = row_++;
    WriteString(ws_, r, 0, Tr(MsgId::kSumMedian), label);
    for (int c = 1; c < kColumns; ++c) {
      if (c == 8) {
        worksheet_write_number(ws_, r, 8, scores_.Median().Round(2).ToDouble(), amount);
      } else {
        worksheet_write_blank(ws_, r, static_cast<lxw_col_t>(c), blank);
      }
    }
    worksheet_autofilter(ws_, 0, 0, last_project, kColumns - 1);
    WriteDiagnostics(diags);
  }

 private:
  // The run's errors and warnings, after a blank row: a title, a header,
  // then one row each (severity, code, file:line:column, message).
  void WriteDiagnostics(const Diagnostics& diags) {
    lxw_format* bold = book_->Format(kStyleBold, Num::kNone, false);
    lxw_format* plain = book_->Format(0, Num::kNone, false);
    ++row_;
    if (diags.all().empty()) {
      WriteString(ws_, row_++, 0, Tr(MsgId::kSumNoDiagnostics), bold);
      return;
    }
    WriteString(ws_, row_++, 0,
                diags.has_errors() ? Tr(MsgId::kSumErrorsTitle, diags.error_count())
                                   : Tr(MsgId::kSumDiagnostics),
                bold);
    const MsgId headers[] = {MsgId::kSumSeverity, MsgId::kSumCode, MsgId::kSumLocation,
                             MsgId::kSumMessage};
    for (int c = 0; c < 4; ++c) WriteString(ws_, row_, static_cast<uint16_t>(c), Tr(headers[c]), bold);
    ++row_;
    size_t listed = 0, total = 0;
    const size_t room = std::min<size_t>(kMaxListedDiagnostics, kMaxRows - 1 - row_);
    for (const Diagnostic& d : diags.all()) {
      ++total;
      if (listed == room) continue;
      ++listed;
      const uint32_t r = row_++;
      WriteString(ws_, r, 0,
                  Tr(d.severity == Severity::kError ? MsgId::kSeverityError : MsgId::kSeverityWarning),
                  plain);
      WriteString(ws_, r, 1, FormatCode(d.code), plain);
      WriteString(ws_, r, 2, FormatLocation(d.loc), plain);
      WriteString(ws_, r, 3, d.message, plain);
    }
    if (listed < total) WriteString(ws_, row_++, 0, Tr(MsgId::kSumMoreDiagnostics, total - listed), bold);
  }

  Workbook* book_;
  lxw_worksheet* ws_;
  uint32_t row_ = 0;
  Rational initial_, budget_, spent_;
  size_t met_ = 0, unmet_ = 0, not_applicable_ = 0, complies_ = 0;
  DepartmentSummary scores_;  // the rounded totals, for mean and median
};

// Whether `path` names a directory: it ends in '/', or is one.
bool IsDirectoryPath(const std::string& path) {
  if (!path.empty() && path.back() == '/') return true;
  struct stat st;
  return stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

// One department's forms, kept as records until the end.
struct Department {
  std::string name;               // "code name", the workbook's file name before it is made safe
  std::vector<uint32_t> records;  // in the RecordStore, in input order
};

class XlsxReporter : public Reporter {
 public:
  explicit XlsxReporter(const ReportContext& ctx)
      : ctx_(ctx), directory_(IsDirectoryPath(ctx.path)) {}

  void Begin(std::ostream& /*out*/) override {
    if (directory_) {
      dir_ = ctx_.path;
      if (dir_.back() != '/') dir_ += '/';
      reserved_files_.insert(AsciiLower(kSummaryFile));
    }
    const std::string path = directory_ ? dir_ + kSummaryFile + ".xlsx" : ctx_.path;
    std::string why;
    summary_out_ = ctx_.open_file(path, &why);
    if (!summary_out_) {
      failure_ = Msg(MsgId::kXlsxWriteFailed, path, why);
      return;
    }
    summary_book_ = std::make_unique<Workbook>(summary_out_->name(), directory_, Font());
    lxw_worksheet* ws = summary_book_->ok() ? summary_book_->AddSheet(Tr(MsgId::kSheetSummary)) : nullptr;
    if (ws == nullptr) {
      failure_ = Msg(MsgId::kXlsxWriteFailed, path, "libxlsxwriter");
      return;
    }
    summary_ = std::make_unique<SummarySheet>(summary_book_.get(), ws);
  }

  void Project(const ProjectScore& s, bool complies, std::ostream& /*out*/) override {
    ++projects_;
    if (!failure_.text.empty() || too_many_) return;
    if (!directory_ && projects_ > ctx_.max_sheets) {
      // Not one workbook: drop it now, before it takes the memory of a year.
      too_many_ = true;
      summary_.reset();
      summary_book_.reset();
      summary_out_.reset();
      return;
    }
    summary_->Add(s, complies);
    if (s.work) KeepWork(s);
    FormGrid grid = BuildSelfEvalForm(s, *ctx_.rules);
    if (!directory_) {
      lxw_worksheet* ws = summary_book_->AddSheet(s.project.id);
      if (ws != nullptr) WriteForm(summary_book_.get(), ws, grid);
      return;
    }
    RecordWriter w;
    w.Str(s.project.id);
    WriteGrid(grid, &w);
    const uint32_t record = static_cast<uint32_t>(forms_.Append(w.bytes()));
    const std::string key = DepartmentText(s.project);
    auto [it, added] = department_index_.emplace(key, departments_.size());
    if (added) departments_.push_back({key.empty() ? Tr(MsgId::kWorkbookNoDepartment) : key, {}});
    departments_[it->second].records.push_back(record);
  }

  void End(const RunSummary& summary, const Diagnostics& diags, std::ostream& /*out*/) override {
    if (too_many_) {
      failure_ = Msg(MsgId::kXlsxTooManyProjects, projects_, ctx_.max_sheets);
      return;
    }
    if (!failure_.text.empty()) return;
    summary_->Finish(summary, diags);
    summary_.reset();
    if (!work_rows_.empty()) WriteWorkSheet();
    std::string why = summary_book_->Close();
    summary_book_.reset();
    if (why.empty()) why = summary_out_->Commit();
    if (!why.empty()) {
      failure_ = Msg(MsgId::kXlsxWriteFailed, directory_ ? dir_ + kSummaryFile + ".xlsx" : ctx_.path, why);
      return;
    }
    summary_out_.reset();
    if (directory_) WriteDepartments();
  }

  Message failure() const override { return failure_; }

 private:
  static constexpr const char* kSummaryFile = "汇总";

  // The paper forms' font, 宋体 (SimSun), for a Chinese workbook; Excel's
  // default for an English one.
  std::string Font() const { return English() ? "" : "宋体"; }

  // --show-work: the lines of the 计算过程 sheet of `s`, kept until the end
  // (the sheet comes after the projects').
  void KeepWork(const ProjectScore& s) {
    // Excel's last row: a year that needs more is cut there (the json
    // report has all of it).
    constexpr size_t kMaxRows = 1048575;
    if (work_rows_.size() + s.indicators.size() * 3 + 1 > kMaxRows) return;
    work_rows_.push_back({s.project.id, Tr(MsgId::kFormRate), BudgetWorkLine(s)});
    for (size_t i = 0; i < s.indicators.size(); ++i) {
      const std::string& name = s.project.indicators[s.indicators[i].index].name;
      for (std::string& line : IndicatorWorkLines(s, i))
        work_rows_.push_back({s.project.id, name, std::move(line)});
    }
  }

  // The 计算过程 sheet of the summary workbook: a row for each line of the
  // arithmetic, under a header of 编号, 三级指标, 计算过程.
  void WriteWorkSheet() {
    lxw_worksheet* ws = summary_book_->AddSheet(Tr(MsgId::kSheetWork));
    if (ws == nullptr) return;
    const ReportLabels& l = ReportLabels::Current();
    worksheet_set_column(ws, 0, 0, 22, nullptr);
    worksheet_set_column(ws, 1, 1, 28, nullptr);
    worksheet_set_column(ws, 2, 2, 110, nullptr);
    lxw_format* head = summary_book_->Format(kStyleBold, Num::kNone, true);
    lxw_format* cell = summary_book_->Format(0, Num::kNone, true);
    WriteString(ws, 0, 0, l.id, head);
    WriteString(ws, 0, 1, l.indicator, head);
    WriteString(ws, 0, 2, Tr(MsgId::kWorkColumnStep), head);
    for (size_t r = 0; r < work_rows_.size(); ++r) {
      const lxw_row_t row = static_cast<lxw_row_t>(r + 1);
      for (uint16_t c = 0; c < 3; ++c) WriteString(ws, row, c, work_rows_[r][c], cell);
    }
    worksheet_freeze_panes(ws, 1, 0);
    work_rows_.clear();
    work_rows_.shrink_to_fit();
  }

  // One workbook to write: some of a department's records.
  struct Book {
    std::string file;  // the destination
    const std::vector<uint32_t>* records;
    size_t begin, end;
  };

  // The departments' workbooks, on up to ctx_.jobs threads.
  void WriteDepartments() {
    std::vector<Book> books;
    std::set<std::string> used = reserved_files_;
    for (const Department& d : departments_) {
      const size_t n = d.records.size();
      const size_t parts = (n + ctx_.max_sheets - 1) / ctx_.max_sheets;
      for (size_t k = 0; k < parts; ++k) {
        std::string name = parts == 1 ? d.name : fmt::format("{} ({})", d.name, k + 1);
        books.push_back({dir_ + WorkbookFileName(name, &used) + ".xlsx", &d.records,
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
    for (size_t t = 1; t < threads; ++t) pool.emplace_back(work);
    work();
    for (std::thread& t : pool) t.join();
  }

  // Writes the forms of `b` as a workbook at `file`; "" or why not.
  std::string WriteBook(const std::string& file, const Book& b) {
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

  ReportContext ctx_;
  bool directory_;
  std::string dir_;  // directory_: the directory, ending in '/'
  std::unique_ptr<NamedOutput> summary_out_;
  std::unique_ptr<Workbook> summary_book_;
  std::unique_ptr<SummarySheet> summary_;
  size_t projects_ = 0;
  bool too_many_ = false;
  Message failure_;
  // directory_: the forms, and which department each belongs to.
  RecordStore forms_;
  std::vector<Department> departments_;
  std::map<std::string, size_t> department_index_;
  std::set<std::string> reserved_files_;  // file names taken (汇总)
  std::vector<std::array<std::string, 3>> work_rows_;  // --show-work: id, indicator, line
};

}  // namespace

std::unique_ptr<Reporter> MakeXlsxReporter(const ReportContext& ctx) {
  return std::make_unique<XlsxReporter>(ctx);
}

}  // namespace jixiao
