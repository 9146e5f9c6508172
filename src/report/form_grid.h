// A form laid out as a grid of cells — what goes in which cell, which cells
// are merged, how each figure is shown — for the official forms of the
// reports (self_eval_form.h, the 自评表; monitor_form.h, the 监控表).
// Renderers (the xlsx sheet, the html page) only draw the grid.
#ifndef JIXIAO_REPORT_FORM_GRID_H_
#define JIXIAO_REPORT_FORM_GRID_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/exact.h"
#include "base/record_codec.h"
#include "model/model.h"
#include "model/rules.h"

namespace jixiao {

// How a number is shown: "0.00" (12.50) or "0.00%" (76.67%).
enum class NumberFormat : uint8_t { kFixed2, kPercent2 };

// Presentation hints of a cell (bits).
enum FormStyle : uint8_t {
  kStyleBold = 1,       // a label, the title
  kStyleCentre = 2,     // centred across the cell (else left for text, right for numbers)
  kStyleWrap = 4,       // text wraps within the cell
  kStyleTitle = 8,      // the form's title: larger
  kStyleNoBorder = 16,  // outside the form: no border
  // Filled with a light's colour (monitor's 预警 cells): at most one of them.
  kStyleFillGreen = 32,
  kStyleFillYellow = 64,
  kStyleFillRed = 128,
};

// The forms' usual cells: a label (bold, centred, wrapped), a value
// (wrapped), a centred value; and the dash of a cell that does not apply.
inline constexpr uint8_t kFormLabel = kStyleBold | kStyleCentre | kStyleWrap;
inline constexpr uint8_t kFormValue = kStyleWrap;
inline constexpr uint8_t kFormCentred = kStyleCentre | kStyleWrap;
inline constexpr char kFormDash[] = "—";

// One cell of the grid, or one merged range (its top-left cell holds the
// content; the others are covered).
struct FormCell {
  enum class Kind : uint8_t { kBlank, kText, kNumber };
  uint16_t row = 0;
  uint16_t col = 0;
  uint16_t rows = 1;  // rows spanned (merged downwards when > 1)
  uint16_t cols = 1;  // columns spanned (merged rightwards when > 1)
  Kind kind = Kind::kBlank;
  std::string text;   // kText
  Rational number;    // kNumber: exact
  NumberFormat format = NumberFormat::kFixed2;
  // kFixed2: the decimals shown, more than 2 only where a ratio must be kept
  // apart from a threshold (PlacesApart in score/monitor.h).
  uint8_t places = 2;
  uint8_t style = 0;  // FormStyle bits

  bool merged() const { return rows > 1 || cols > 1; }
  uint16_t last_row() const { return static_cast<uint16_t>(row + rows - 1); }
  uint16_t last_col() const { return static_cast<uint16_t>(col + cols - 1); }
  // The content as shown: the text, or the number in its format ("12.50",
  // "76.67%"); "" for a blank.
  std::string Shown() const;
};

// A whole form.
struct FormGrid {
  // The 自评表's columns, A–J, and their widths in characters of the default
  // font (CJK characters are two).
  static constexpr int kColumns = 10;
  static const double kColumnWidths[kColumns];

  // This form's column widths (one per column; the 自评表's by default).
  std::vector<double> column_widths{kColumnWidths, kColumnWidths + kColumns};
  bool landscape = false;   // printed on A4 landscape rather than portrait
  uint16_t rows = 0;        // rows of the grid, the lines below the form included
  uint16_t form_rows = 0;   // rows of the form itself (0 .. form_rows-1 have borders)
  uint16_t header_rows = 12;  // rows 0..11 are repeated on every printed page
  uint16_t first_indicator_row = 12;
  uint16_t total_row = 0;   // the 总分 row
  // Cells in row-major order of their top-left corners; every position of
  // the form is in exactly one cell (blank ones included, for borders).
  std::vector<FormCell> cells;
  // Height of each row in lines of text (1 = one line), for wrapped texts.
  std::vector<uint16_t> row_lines;

  // The cell covering (row, col), or nullptr.
  const FormCell* At(int row, int col) const;
};

// Builds a FormGrid cell by cell. Finish sorts the cells and sizes the rows of wrapped texts
// by the grid's column widths.
class GridBuilder {
 public:
  explicit GridBuilder(std::vector<double> column_widths);
  FormCell& Text(int row, int col, std::string text, uint8_t style, int rows = 1, int cols = 1);
  FormCell& Number(int row, int col, const Rational& v, NumberFormat f, int rows = 1,
                   int cols = 1, uint8_t style = 0);
  FormCell& Blank(int row, int col, int rows = 1, int cols = 1, uint8_t style = 0);
  // A number, or a blank when it is not known.
  void MaybeNumber(int row, int col, const std::optional<Rational>& v, NumberFormat f,
                   int cols = 1);
  FormGrid Finish(uint16_t rows);
  FormGrid& grid() { return grid_; }

 private:
  FormCell& Add(int row, int col, int rows, int cols, uint8_t style);
  FormGrid grid_;
};

// The order of indicators `indexes` (into p.indicators) on a form: grouped
// 一级 by 一级 and 二级 by 二级 in the order of the taxonomy of `rules` (the
// 2021 form's 成本指标 right after 产出指标; groups the taxonomy lacks after,
// in order of first appearance), each group's indicators in input order;
// positions into `indexes`.
std::vector<size_t> TaxonomyOrder(const Project& p, const std::vector<size_t>& indexes,
                                  const Rules& rules);

// Goals as the forms show them: one as written, several numbered "1. …".
std::string NumberedLines(const std::vector<std::string>& lines);

// The compact form of a grid (base/record_codec.h), to keep a year of forms
// out of memory until they are drawn: WriteGrid appends it to `w`, ReadGrid
// reads it back.
void WriteGrid(const FormGrid& g, RecordWriter* w);
FormGrid ReadGrid(RecordReader* r);

// The supervising department (主管部门) as the forms show it: the
// supervisor's name (or code), else the department's.
std::string SupervisorText(const Project& p);
// The implementing unit (实施单位): the department's name, else its code.
std::string ImplementerText(const Project& p);

}  // namespace jixiao

#endif  // JIXIAO_REPORT_FORM_GRID_H_
