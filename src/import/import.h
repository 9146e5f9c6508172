// `jixiao import`: reading 绩效目标表 documents into target projects.
//
// ImportTables reads the projects of one ImportDoc (import_doc.h, from
// extracted text or a .docx), AssignIds numbers them across a run, and
// ProjectYaml writes each as a target document (docs/reference.md §1) in the field order
// of examples/targets. Pure functions of their inputs: no I/O.
#ifndef JIXIAO_IMPORT_IMPORT_H_
#define JIXIAO_IMPORT_IMPORT_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "import/import_doc.h"
#include "base/parsed.h"
#include "model/rules.h"
#include "yaml/yaml_doc.h"

namespace jixiao {

struct ImportOptions {
  // --year: the year of projects whose name (and heading) has none; 0 = none.
  int year = 0;
  // --id-prefix: "auto" derives it from the department name's province
  // (天津市… -> "TJ"); "" means no prefix; anything else is used as given.
  std::string id_prefix = "auto";
  // The taxonomy that indicators are checked against; nullptr = mof-2020.
  const Rules* rules = nullptr;
  // --unit: the unit of the amounts (元, 千元, 万元 or 亿元) of a project
  // whose document gives none; "" = none (such a project is an error).
  std::string unit;
  // Longest cell accepted, in bytes (the YAML loader's scalar limit).
  size_t max_cell_bytes = 1u << 20;
  // Most indicators in one project (--max-indicators, as for check).
  size_t max_indicators = kDefaultMaxIndicators;
};

struct ImportedIndicator {
  std::string level1, level2, name, description, target;
  std::string weight;  // exact decimal, "" = none
  std::string id;      // set only to tell apart a name the table repeats
  DocPlace at;         // the row's first cell
  DocPlace target_at;  // its 指标值 cell
  std::vector<std::string> notes;  // YAML comments written before the entry
};

// One project read from a document, ready to be written.
struct ImportedProject {
  std::string project;
  std::string id;  // set by AssignIds
  int year = 0;
  std::string department_code, department_name;
  std::string supervisor_code, supervisor_name;  // 主管部门, when the document names one
  std::string unit = "万元";
  std::string total, fiscal, carryover, other;  // exact decimals as written, separators removed; "" = none
  std::string purpose;
  std::vector<std::string> goals;
  std::vector<ImportedIndicator> indicators;

  std::string file;  // the input it came from
  DocPlace at;       // its heading, or its first row
  int number = 0;    // 1-based position among the projects of its input
  // YAML comments: `notes` at the top; `field_notes` before the line of a
  // field ("year", "unit", "budget.other", "goals", ...).
  std::vector<std::string> notes;
  std::map<std::string, std::vector<std::string>> field_notes;
  // Cells and paragraphs not imported, each "PLACE: text", written as
  // comments at the end so that nothing is dropped silently.
  std::vector<std::string> unread;
  // False when an error was reported for this project: it is not written.
  bool ok = true;
  // Warnings reported for this project (each guess is one).
  size_t warnings = 0;
};

// Reads every project of `doc`. A project starts at a heading paragraph
// ending in 绩效目标表 (`[bookmark: …]N.<名称>绩效目标表`), or at the first
// title row (department, 单位, 项目名称) after an indicator table. Fields are
// found by their labels (项目名称, 预算数, 其中：财政资金, 其他资金, 绩效目标,
// and the indicator header 一级指标 / 二级指标 / 三级指标 / 绩效指标描述 /
// 指标值, plus 分值, 指标性质 and 度量单位 when present), with full-width
// forms and white space inside labels accepted. Every problem, guess and
// cell not imported is reported to `diags` at its place; a project with an
// error has ok = false. A document with no indicator table at all is one
// error, "not a 绩效目标表". Each ok project has passed the target loader's
// own validation (ReadTargetDocument), so `jixiao check` accepts it; the
// loader's warnings (JX0247 of the 分值, JX0306 of a target, …) are reported
// too, at the place in the document they concern, so that `check --strict`
// passes on what `import --strict` writes.
std::vector<ImportedProject> ImportTables(const ImportDoc& doc, const ImportOptions& opts,
                                          Diagnostics* diags);

// Sets each project's id to [PREFIX-][CODE-]YEAR-NN: NN counts the projects
// of one prefix, department code and year in order, from 01.
void AssignIds(std::vector<ImportedProject>* projects, const ImportOptions& opts);

// The ISO 3166-2:CN code of the province-level region a department name
// starts with ("天津市生态环境局" -> "TJ"), or "".
std::string ProvinceCode(std::string_view department_name);

// Where the entries of a project's YAML are: the 1-based line of each
// indicator's first line ("  - level1: …") and of its "target:" line.
struct ProjectYamlLines {
  std::vector<size_t> indicator, target;
};

// One YAML document (no leading "---") for `p`; `lines`, when given,
// receives where its indicators are.
std::string ProjectYaml(const ImportedProject& p, ProjectYamlLines* lines = nullptr);

// A file name for `p`: its id (or name) with characters that are unsafe in
// file names replaced by '_', at most 120 bytes, plus ".yaml".
std::string ProjectFileName(const ImportedProject& p);

// An amount as written in a budget cell ("1,260.00", "６.００", "45.00万元")
// as an exact decimal ("1260.00"). `unit` is the table's unit; an amount
// written with another unit is an error. Blank, "-", "—", "/" and "无"
// give "".
Parsed<std::string> ParseAmount(std::string_view text, std::string_view unit);

// Why a file found below a directory given to `jixiao import` is not read,
// for the files a user plausibly meant to import: a Word 97-2003 .doc, a
// WPS .wps, an .rtf or .odt (save it as .docx), a PDF (import the Word
// document it was made from) and an Excel workbook (.xlsx, .xlsm, .xls,
// .et). The message of a warning (JX0641) that says how to have it read;
// code 0 for any other name, passed over in silence. The extension is
// compared in any case; lock files are the caller's (ExpandInputs).
Message NotImportedFile(std::string_view file_name);

// The goals of a 绩效目标 cell: one per paragraph, a paragraph numbered
// several times inline ("1.…；2.…") split at its numbers, and the numbers
// ("1." "1、" "（一）" "一、" "(1)" "目标1：") removed.
std::vector<std::string> SplitGoals(std::string_view text);

}  // namespace jixiao

#endif  // JIXIAO_IMPORT_IMPORT_H_
