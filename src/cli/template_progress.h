// `jixiao template --progress`: a progress skeleton (docs/monitor.md) for
// `jixiao monitor`, in YAML or as a CSV sheet, beside the actuals skeleton
// of template_command.cc.
#ifndef JIXIAO_CLI_TEMPLATE_PROGRESS_H_
#define JIXIAO_CLI_TEMPLATE_PROGRESS_H_

#include <optional>
#include <string>

#include "model/model.h"

namespace jixiao {

// The head of the YAML skeleton: how to fill it in, and `as_of` (31 July of
// `year` when the projects share one, else left to fill in).
std::string ProgressTemplateHead(std::optional<int> year);
// One project's entry of the YAML skeleton.
void AppendProgressProject(const Project& p, std::string* o);

// The CSV skeleton's header row and its as_of row.
std::string ProgressCsvHead(std::optional<int> year);
// One project's rows of the CSV skeleton: its spending, a row for what its
// overall goals came to (实际完成情况, the goals shown in its 指标值 cell),
// then its indicators.
void AppendProgressProjectCsv(const Project& p, std::string* o);

// A project's 年度总体目标 on one line ("；" between goals, none after one
// that ends its sentence with "。"), as the CSV skeletons show it beside the
// 实际完成情况 row.
std::string GoalsText(const Project& p);

}  // namespace jixiao

#endif  // JIXIAO_CLI_TEMPLATE_PROGRESS_H_
