// The 项目支出绩效目标执行监控表 (project expenditure performance target
// monitoring form, 财预〔2019〕136号) of one monitored project, laid out as a
// FormGrid (form_grid.h) for the xlsx renderer: the layout is decided
// here once (docs/monitor.md, "xlsx"). "1-7月" follows the month of as_of.
//
// Sixteen columns A–P; P is the 预警 (light) column throughout. Rows from 0:
//   0      title, merged A:P
//   1      （2024年度）, merged A:P
//   2      项目名称 (A:B) | the name (C:N) | 项目预警 (O) | the project's light (P)
//   3      主管部门及代码 (A:B) | supervisor (C:H) | 实施单位 (I:K) | department (L:P)
//   4–8    项目资金（万元） (A4:B8) and the funding block:
//   4        C blank · D 年初预算数 (the target file's) · E 1-7月执行数 ·
//            F 1-7月执行率 (of the adjusted budget when the entry gives one) ·
//            G:I 全年预计执行数 · J:P 情况说明
//   5        年度资金总额 and its figures; J5:P7 the entry's note, after a
//            sentence giving the adjusted budget when there is one
//   6        其中：财政拨款; 7 其他资金 (the parts where known; G:I —)
//   8        预算执行预警 · 时间进度 | p · 进度比 | v (G:I) · the figures (J:O) · the light (P)
//   9–10   年度总体目标 (A:H) | 1-7月执行情况 (I:P), then the goals and the
//          entry's achieved text
//   11–12  the indicators' two-row header: 一级指标 · 二级指标 · 三级指标 · 年度指标值 ·
//          1-7月执行情况 · 全年预计完成情况 (each merged down over both rows) ·
//          偏差原因分析 (G11:K11) over 经费保障 制度保障 人员保障 硬件条件保障 其他 ·
//          完成目标可能性 (L11:N11) over 确定能 有可能 完全不可能 · 备注 · 预警
//   13…    one row per 三级指标 in taxonomy order, 一级 and 二级 merged down;
//          a chosen reason or likelihood marked √, the note in 备注, the
//          light in 预警 (filled green, yellow or red; — for 不适用)
// then, outside the form (no borders), what 136号 asks of a red light when
// the project is red, and the lines to sign. Rows 0–12 repeat on every
// printed page (A4 landscape, one page wide).
#ifndef JIXIAO_REPORT_MONITOR_FORM_H_
#define JIXIAO_REPORT_MONITOR_FORM_H_

#include "model/rules.h"
#include "report/form_grid.h"
#include "score/monitor.h"

namespace jixiao {

// The mark of a chosen reason or likelihood.
inline constexpr const char kMonitorFormMark[] = "√";

// The FormStyle fill of a light.
uint8_t LightFill(Light l);

// The 监控表 of `m` as of `run`, in the current language (base/lang.h).
FormGrid BuildMonitorForm(const ProjectMonitor& m, const MonitorRun& run, const Rules& rules);

}  // namespace jixiao

#endif  // JIXIAO_REPORT_MONITOR_FORM_H_
