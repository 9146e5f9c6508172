// Actuals (docs/reference.md §2): what each project achieved and spent, from YAML or CSV.
#ifndef JIXIAO_MODEL_ACTUALS_H_
#define JIXIAO_MODEL_ACTUALS_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/diagnostic.h"
#include "base/path_list.h"
#include "base/exact.h"
#include "base/keyed_store.h"
#include "model/progress.h"
#include "model/value.h"
#include "yaml/yaml_doc.h"

namespace jixiao {

// The actual of one indicator.
struct IndicatorActual {
  std::string key;            // the indicator's name or id, as written
  std::string text;           // the value as written ("" when only a grade is given)
  Actual value;               // `text` parsed (kText for grades and other words)
  std::optional<Grade> grade; // qualitative: from `grade:` or a short-form grade word
  std::optional<Rational> score;  // qualitative: explicit ratio in [0, 1]; whether it fits
                                  // the grade's band is the rules' to say (Rules::BandOf)
  std::string note;           // 偏差原因分析及改进措施
  Location loc;               // where the entry (its key) is
  int value_line = 0;         // where the value (or grade) is written, in loc.file;
  int value_column = 0;       // 0: not known, at loc
  int score_line = 0;         // where `score` is written, in loc.file
  int score_column = 0;

  // Where the value is written (its cell, its scalar), else where the entry
  // is: what a message about the value points at.
  Location value_loc() const {
    return value_line > 0 ? Location{loc.file, value_line, value_column} : loc;
  }
  IndicatorProgress progress; // a progress file's forecast, likelihood and reasons (progress.h)
  // Where the forecast and the likelihood are written, else where the entry is.
  Location forecast_loc() const {
    return progress.forecast_line > 0
               ? Location{loc.file, progress.forecast_line, progress.forecast_column}
               : loc;
  }
  Location likelihood_loc() const {
    return progress.likelihood_line > 0
               ? Location{loc.file, progress.likelihood_line, progress.likelihood_column}
               : loc;
  }
  // The 指标值 a spreadsheet row shows beside the value (a CSV's 指标值
  // column: `template -f csv` copies the target there), trimmed; "" when
  // none. The target file decides: this is only compared with its target
  // (CheckWrittenTarget, score.cc), which is said when they differ.
  std::string target_text;
  int target_line = 0;        // where target_text is written, in loc.file
  int target_column = 0;
};

// An amount of money in an actuals entry, as written: a number in the
// project's unit ("5.86"), or with a unit of its own ("314.85万元",
// "3148500元", "314.85万"). It is converted into the project's unit when the
// entry meets its project (the project's unit is not known before): see
// AmountInUnit.
struct Amount {
  Rational value;    // as written, >= 0
  Unit unit;         // as written: none (the project's unit), money, a number word, or
                     // another unit (an error once the project is known)
  std::string text;  // as written
  Location loc;
};

// 全年执行数 or 全年预算数: a total and, for the form's funding rows, its parts
// (when two or more are given they add up to the total, an absent one
// counting as 0; one alone may not exceed it: checked in the project's unit).
struct Funding {
  Amount total;
  std::optional<Amount> fiscal;     // 其中：当年财政拨款
  std::optional<Amount> carryover;  // 上年结转资金
  std::optional<Amount> other;      // 其他资金
  bool map = false;                 // written as a map (total: …, fiscal: …)
};

// `a` in the budget unit `unit` (元, 千元, 万元 or 亿元): a unit-less amount is
// in it already; a money amount or a number word (314.85万) converts exactly.
// Any other unit is an error that names `unit`.
Parsed<Rational> AmountInUnit(const Amount& a, const std::string& unit);

// One project's actuals entry.
struct ProjectActuals {
  std::string key;        // what it matches: an id or a project name
  bool by_id = false;     // YAML `id:` or a CSV column headed id/项目编号 (true)
  std::optional<int> year;  // the file's `year`, when given
  Funding spent;          // 全年执行数 B
  bool has_spent = false;
  std::optional<Funding> budget;  // 全年预算数 after mid-year adjustment, when given:
                                  // the execution rate is spent / this
  std::string achieved;   // 年度总体目标 实际完成情况, may be ""
  std::string note;       // explains a low execution rate
  // The budget a spreadsheet's spending row shows in its 指标值 column
  // (`template -f csv` writes "预算 6 万元（项目名）"), when that reads as an
  // amount: only compared with the target file's budget (CheckShownBudget,
  // score.cc), which is the one used.
  std::optional<Amount> budget_shown;
  // The 指标值 cell of a spreadsheet's 实际完成情况 row (`template -f csv`
  // shows the target's goals there), trimmed; "" when none. Not read as
  // anything: only compared with the target's goals (CheckShownGoals,
  // score.cc), which is said when it differs.
  std::string goals_shown;
  Location goals_shown_loc;
  std::vector<IndicatorActual> indicators;
  // A progress file's (progress.h): the date of its figures, and 全年预计执行数.
  std::optional<AsOf> as_of;
  std::optional<Amount> forecast_spent;
  Location loc;           // where the entry starts
  // An error was reported in this entry: its project must not be scored.
  bool has_errors = false;
  // A row of the entry could not be read (a CSV row of the wrong width):
  // an indicator without an actual may be in it, so none is said to lack one.
  bool rows_unread = false;
};

// Every actuals entry of a run, looked up by target project.
class ActualsIndex {
 public:
  static constexpr size_t kNone = static_cast<size_t>(-1);

  explicit ActualsIndex(RecordStoreOptions options = {}) : entries_(options) {}

  // Adds an entry. A second entry with the same key is an error (located
  // at the second, naming the first); the second is dropped and the first
  // marked has_errors, since the project's actuals are ambiguous.
  void Add(const ProjectActuals& entry, Diagnostics* diags);

  // An entry as Add stores it, made on any thread (a worker's), so that the
  // entry itself can be freed there: what identifies it, and PackFields.
  struct Packed {
    std::string key;
    Location loc;  // where the entry starts
    bool by_id = false;
    bool has_errors = false;
    std::string fields;  // PackFields(entry)
  };
  static Packed Pack(const ProjectActuals& entry);
  // Add, of an entry packed by Pack.
  void Add(const Packed& entry, Diagnostics* diags);
  // What Add stores of `entry` but its file: safe on any thread.
  static std::string PackFields(const ProjectActuals& entry);

  // The entries whose keys are a target project's id and name: what Lookup
  // and ClaimIndex decide from, found once (on a worker, say) for both.
  struct Match {
    size_t by_id = kNone;    // the entry whose key is the id
    size_t by_name = kNone;  // the entry whose key is the name, unless it is the id
  };
  // Safe to call from several threads while nobody calls Add.
  Match Locate(const std::string& id, const std::string& project) const;

  // The index of the entry of a target project: the entry whose key is `id`
  // (an `id:`, `project:` or CSV entry), else a `project:` or CSV entry whose
  // key is `project`; kNone when there is none. Ignores claims, so it is safe
  // to call from several threads while nobody calls Add or Claim.
  size_t Lookup(const Match& m) const;
  size_t Lookup(const std::string& id, const std::string& project) const {
    return Lookup(Locate(id, project));
  }
  // The entry at `index` (< size()), rebuilt from its compact form.
  std::shared_ptr<const ProjectActuals> Get(size_t index) const;

  // As Lookup, but an entry is claimed at most once: the index of the entry
  // claimed, or kNone when none is left. `m` is Locate(id, project).
  // Called for the target projects in input order, it also finds an entry
  // that could be for two of them, one by its id and another by its name
  // (docs/reference.md §2.3): an error at the entry, naming both, reported by
  // ReportUnclaimed; *ambiguous (when given) is then set for the second, whose
  // score must not be reported.
  size_t ClaimIndex(const std::string& id, const std::string& project, const Match& m,
                    bool* ambiguous = nullptr);
  size_t ClaimIndex(const std::string& id, const std::string& project) {
    return ClaimIndex(id, project, Locate(id, project));
  }
  // The entry `project: <name>` that `m` (Locate) found by name, when
  // ClaimIndex gave it to an earlier project of the same name; kNone
  // otherwise. Says why a project matched nothing.
  size_t TakenByName(const Match& m) const {
    return m.by_name != kNone && !(flags_[m.by_name] & kById) && claimed_[m.by_name] ? m.by_name
                                                                                    : kNone;
  }
  // Where entry `i` (< size()) begins.
  Location EntryLocation(size_t i) const { return LocationOf(static_cast<uint32_t>(i)); }
  // ClaimIndex, then Get; nullptr when none is left.
  std::shared_ptr<const ProjectActuals> Claim(const std::string& id, const std::string& project);

  // Reports every entry that matched two target projects (ClaimIndex), and
  // every entry no target project claimed, as an error: a second
  // entry for a claimed target is named as such; otherwise the nearest id or
  // name of a target that Claim found no entry for is suggested when it is a
  // likely typo, and an id Excel changed is said to be one (3.62303E+14; 7
  // for 007). Entries that match no target project while some target input could not
  // be read in full (MarkTargetsIncomplete) are named in one error instead,
  // at the first of them, pointing at those inputs: their projects may be
  // there.
  void ReportUnclaimed(Diagnostics* diags) const;

  size_t size() const { return entries_.size(); }

  // Records that the actuals input `path` could not be read in full (it is
  // missing, has a syntax error, ...): a target project without an entry
  // may have its entry there, so it is not told to add one.
  void MarkIncomplete(const std::string& path);
  // The inputs recorded by MarkIncomplete, each once, in order.
  const std::vector<std::string>& incomplete() const { return incomplete_; }
  // Records that the target input `path` could not be read in full (a
  // syntax error, an unreadable file, ...): an entry that matches no target
  // project may be for one there (ReportUnclaimed).
  void MarkTargetsIncomplete(const std::string& path);

  // Records that the entries are a progress file's (monitor): the messages
  // about matching them say so (ProgressWording).
  void MarkProgress() { progress_ = true; }
  // The message `id` about matching an entry, in the words of these entries:
  // its progress wording for a progress file's.
  MsgId Say(MsgId id) const { return progress_ ? ProgressWording(id) : id; }

  // Gives back the room the index kept for more entries: call when every
  // entry has been added.
  void ShrinkToFit() { entries_.ShrinkToFit(); }

 private:
  // Each entry is a record in entries_, under its key (see actuals.cc:
  // Pack): a year of actuals (hundreds of thousands of projects) is read
  // before its targets, and held there at about 13 bytes of memory an entry
  // besides the store's memory budget (its size, its index slot, its flags
  // and claim).
  enum Flag : uint8_t { kById = 1, kHasErrors = 2 };
  // The key of entry `i`, read from its record.
  std::string KeyOf(uint32_t i) const;
  Location LocationOf(uint32_t i) const;
  // The entry whose key is `key`, or kNone.
  size_t Find(const std::string& key) const;

  KeyedStore entries_;
  // Flag bits of each entry: set by Add, read by Lookup and Get on worker
  // threads. Claims are apart (claimed_), since ClaimIndex writes them
  // while workers read flags_.
  std::vector<uint8_t> flags_;
  std::vector<bool> claimed_;
  // How target projects matched each entry so far (ClaimIndex): kTouchedById,
  // kTouchedByName; both is an entry that could be for either of two, then
  // reported (kAmbiguous) once.
  enum Touch : uint8_t { kTouchedById = 1, kTouchedByName = 2, kAmbiguous = 4 };
  std::vector<uint8_t> touched_;
  std::vector<std::pair<uint32_t, Message>> ambiguous_;  // entry, message
  std::vector<std::string> files_;
  std::unordered_map<std::string, uint32_t> file_index_;
  // For ReportUnclaimed: the targets ClaimIndex found no entry for; unclaimed
  // `project:` entries whose target claimed another entry by its id (-> that
  // entry); unclaimed `id:` entries whose key is the name of a target that
  // claimed an entry by its id (-> that id). Only mistakes are recorded here.
  std::vector<std::pair<std::string, std::string>> unmatched_;
  std::unordered_map<uint32_t, uint32_t> shadowed_by_;
  std::unordered_map<uint32_t, std::string> named_;
  std::vector<std::string> incomplete_;           // distinct, in order
  std::vector<std::string> targets_incomplete_;  // distinct, in order
  bool progress_ = false;
};

// Reads one YAML actuals document (docs/reference.md §2: optional `year`, a `projects`
// list) into `index`. Every problem goes to `diags`, located; a project entry
// with an error is still added when its key is known, so that its target is
// reported as "not scored" rather than "has no actuals".
void ReadActualsDocument(const Source& src, const YamlDocument& doc, ActualsIndex* index,
                         Diagnostics* diags);

// Reads CSV actuals text (docs/reference.md §2: a header row naming the columns project,
// indicator, value and optionally note and score, in any order; UTF-8 with
// optional BOM, RFC 4180 quoting; the row whose indicator is `spent` or
// `全年执行数` carries the spending as an amount and the project's note, the
// row `budget` or `全年预算数` the adjusted budget, `achieved` or `实际完成情况`
// the text of what the year achieved; the headers may be Chinese (see
// ActualsCsvColumn), and empty columns after the last named one are ignored).
// Rows are grouped by `project` in order of first appearance; every project
// needs exactly one spending row. `src.text` has passed CheckInputText (or
// CheckActualsCsvText). The YAML limits hold for CSV too: a field longer than
// limits.max_scalar_bytes or more fields than limits.max_nodes is an error.
void ReadActualsCsv(const Source& src, ActualsIndex* index, Diagnostics* diags,
                    const YamlLimits& limits = {});

// The column a CSV actuals header names: "project", "indicator", "value",
// "note" or "score" for the English name (in any case, blanks around it
// ignored) or its Chinese names (id/项目/项目名称/项目编号, 指标/指标名称/三级指标,
// 实际值/实际完成值/完成值, 说明/备注/偏差原因); "target" (指标值, 年度指标值), "level1"
// (一级指标) and "level2" (二级指标), the columns `jixiao template -f csv`
// writes for the reader's eyes: the levels are ignored, the target is kept
// to be compared with the target file's (IndicatorActual::target_text); ""
// for anything else.
std::string_view ActualsCsvColumn(std::string_view header);

// What a reader of target files says of `src` when it is a CSV sheet of
// actuals or progress: its name ends in .csv (in any case), or its first
// line is a header naming at least the project and indicator columns. The
// message says that target files (YAML) are read there and how such a
// sheet is checked (eval -a, monitor -a); it is located at the header
// (line:1) when one is found among the first lines, else at the file.
// nullopt for any other file, and for an Office file (JX0137 says what
// it is). A GB18030 .csv file is read as such.
struct CsvGivenAsTargets {
  Location loc;
  Message message;
  std::string line;  // the header line, as shown under the message
};
std::optional<CsvGivenAsTargets> CsvSheetAsTargets(const Source& src);

// Whether a CSV project column so headed holds ids: `id` (in any case) or
// 项目编号, blanks around it ignored. Its entries match a target project's id
// only, as a YAML entry written `id:` does; under `project`, 项目 or 项目名称
// an entry matches an id or else a name, as `project:` does.
bool CsvColumnIsById(std::string_view header);

// Checks the bytes of a CSV actuals file as CheckInputText does, except that
// a file that is not UTF-8 but decodes cleanly as GB18030 (what Excel on a
// Chinese Windows saves as "CSV (逗号分隔)") has its text replaced by the
// UTF-8 decoding, with a warning that says so (lines and columns are those
// of the file). Any other file that is not UTF-8 is an error saying how to
// save it as "CSV UTF-8" from Excel. False after an error.
bool CheckActualsCsvText(Source* src, size_t max_bytes, Diagnostics* diags);

// Reads every actuals file (YAML or CSV by extension) into `index` (marking
// those not read in full: ActualsIndex::MarkIncomplete), on
// `jobs` threads (<= 1: the calling thread only); entries and diagnostics
// arrive in file order whatever the number of threads.
// With `progress`, the files are progress files (progress.h): their extra
// fields are read too.
void LoadActualsFiles(const PathList& files, const YamlLimits& limits,
                      ActualsIndex* index, Diagnostics* diags, int jobs = 1,
                      const ProgressReading* progress = nullptr);

}  // namespace jixiao

#endif  // JIXIAO_MODEL_ACTUALS_H_
