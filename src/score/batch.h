// Reading target files on several threads, delivered in input order.
//
// Each target file is a task: a worker reads it one document at a time and,
// for each project, runs the caller's per-project work (scoring, for eval)
// before handing the result on. The calling thread receives the results in
// input order with the diagnostics each produced, and does what must be done
// in order: unique project ids, matching actuals, reporting. So the output
// of `-j 1` and `-j N` is the same, byte for byte.
#ifndef JIXIAO_SCORE_BATCH_H_
#define JIXIAO_SCORE_BATCH_H_

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/actuals.h"
#include "base/diagnostic.h"
#include "base/path_list.h"
#include "model/model.h"
#include "base/ordered_pipeline.h"
#include "base/keyed_store.h"
#include "model/rules.h"
#include "score/monitor.h"
#include "score/score.h"
#include "score/year_summary.h"
#include "model/target_loader.h"

namespace jixiao {

// What a worker hands on for one target document, or for the end of a file.
struct LoadedItem {
  enum class Kind {
    kProject,   // a valid project
    kRejected,  // a project document with errors (not scored)
    kFileEnd,   // the end of a file: its remaining diagnostics and stats
  };
  Kind kind = Kind::kFileEnd;
  Diagnostics diags;  // everything reported while producing this item, in order
  // What the per-project work reported judging the project against the entry
  // it looked up: kept only when the project is given that entry (an entry
  // by name that an earlier project of the same name took is reported once,
  // by that project).
  Diagnostics entry_diags;
  // kProject and kRejected: the id and name the document declares.
  std::string id;
  std::string name;
  Location id_loc;
  std::string id_line;  // source line of id_loc, for a caret display
  size_t indicators = 0;
  // kProject: what the per-project work left (see ProjectWork), on the heap
  // (an item is moved several times on its way to the calling thread).
  std::unique_ptr<Project> project;
  std::unique_ptr<ProjectScore> score;
  // eval: the project was scored. The work may then have left, instead of
  // `score` (freed on the worker that made it), what the calling thread
  // needs: whether it complies, its digest for the summary and each
  // report's bytes (Reporter::Format).
  bool scored = false;
  bool complies = false;
  std::optional<ProjectDigest> digest;
  std::vector<std::string> formatted;
  std::unique_ptr<ProjectMonitor> monitor;  // monitor: the project's lights
  // monitor: the project was monitored; as for eval, the work may have left
  // its digest and each report's bytes instead of `monitor`.
  bool monitored = false;
  std::optional<MonitorDigest> monitor_digest;
  size_t actuals = ActualsIndex::kNone;  // the actuals entry scoring used
  // Where its id and name are actuals keys, when the work looked (kProject).
  std::optional<ActualsIndex::Match> match;
  // kFileEnd: the file's counts (files, documents, actuals documents).
  LoadStats stats;
  // kProject and kRejected: the file's path when a document before this one
  // was lost to a YAML syntax error (the file is not read in full), else "".
  std::string lost_before;
};

// Work done on a worker thread for each valid project: it may move the
// project into `item` (item->project or item->score) and report to `diags`.
// Must be safe to call from several threads at once.
using ProjectWork = std::function<void(Project&& p, LoadedItem* item, Diagnostics* diags)>;

// Reads `files` on `jobs` threads (<= 1: the calling thread only) and calls
// `consume` on the calling thread with every item, in input order.
void ReadTargetsInOrder(const PathList& files, const Rules& rules,
                        const YamlLimits& limits, int jobs, const ProjectWork& work,
                        const std::function<void(LoadedItem&&)>& consume);

// Project ids of a run: each may be used once (docs/reference.md §1). Each id
// and where it was first used is a record in a KeyedStore, so a year of
// hundreds of thousands of projects costs about 12 bytes of memory a project
// beyond the store's memory budget.
class ProjectIdRegistry {
 public:
  explicit ProjectIdRegistry(RecordStoreOptions options = {}) : ids_(options) {}

  // Records the id of `item`; when it was seen before, reports an error at
  // the item naming the first, and returns false.
  bool Register(const LoadedItem& item, Diagnostics* diags);

  // Makes room for `ids` ids without growing the index (a hint: the number
  // of actuals entries of the run, say).
  void Reserve(size_t ids) { ids_.Reserve(ids); }

 private:
  KeyedStore ids_;  // id -> file, line, column of its first use
};

// The number of worker threads for `-j jobs` (0 = the number of cores).
int ResolveJobs(int jobs);

}  // namespace jixiao

#endif  // JIXIAO_SCORE_BATCH_H_
