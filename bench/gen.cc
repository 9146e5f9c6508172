// jixiao-gen: writes a seeded synthetic budget year for benchmarking `jixiao eval`.
//
//   jixiao-gen --projects N --seed S --out DIR [--departments D] [--per-file K] [--progress]
//
// DIR/targets/<dept code>/<dept code>-2024-NNN.yaml hold the 绩效目标表 of the projects,
// in the style of the 2024 Tianjin tables in examples/targets/ (one project per YAML
// document, 1 to K documents per file). DIR/actuals/<dept code>.yaml (or .csv for about
// one department in five) hold the year-end actuals: mostly met, some unmet or
// over-achieved with a note, some 不适用, qualitative grades with scores, values in
// another unit (元 vs 万元, 1年 vs 12个月, 公顷 vs 亩, μSv vs mSv, 分钟 vs 小时), low
// budget execution rates with a note.
//
// With --progress it also writes DIR/progress/<dept code>.yaml (or .csv, as the
// department's actuals) for `jixiao monitor`: the same projects as of 2024-07-31, with
// spending to date, some forecasts of the year's spending, each indicator's value to
// date (a share of the year's figure for the quantities, which are judged by pace) or
// its forecast for the year, likelihoods and reasons. The progress figures come from a
// generator of their own, so targets/ and actuals/ are the same with or without it.
//
// Output is a function of (N, S, D, K) only: the random generator is our own and all
// arithmetic is on integers, so the files are byte-identical across runs and machines.
#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

namespace fs = std::filesystem;

namespace {

// ---------------------------------------------------------------------------
// Deterministic random numbers (splitmix64): no std distributions, whose output
// is implementation-defined.
class Rng {
 public:
  explicit Rng(uint64_t seed) : s_(seed) {}
  uint64_t Next() {
    uint64_t z = (s_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  // Uniform integer in [lo, hi].
  int64_t Int(int64_t lo, int64_t hi) {
    return lo + static_cast<int64_t>(Next() % static_cast<uint64_t>(hi - lo + 1));
  }
  // True with probability per_mille / 1000.
  bool Chance(int per_mille) { return Int(0, 999) < per_mille; }
  template <typename T>
  const T& Pick(const std::vector<T>& v) {
    return v[static_cast<size_t>(Int(0, static_cast<int64_t>(v.size()) - 1))];
  }

 private:
  uint64_t s_;
};

uint64_t Mix(uint64_t a, uint64_t b) {
  Rng r(a * 0x100000001b3ULL ^ (b + 0x9e3779b97f4a7c15ULL));
  r.Next();
  return r.Next();
}

// ---------------------------------------------------------------------------
// Formatting helpers. Amounts are integers in hundredths (分 of the unit).

// 600 -> "6.00"; 12345 -> "123.45".
std::string Cents(int64_t c) { return fmt::format("{}.{:02}", c / 100, c % 100); }

// 600 -> "6"; 6150 -> "61.5"; 6155 -> "61.55" (the style of target values: ≤6万元).
std::string CentsShort(int64_t c) {
  if (c % 100 == 0) return fmt::format("{}", c / 100);
  if (c % 10 == 0) return fmt::format("{}.{}", c / 100, (c % 100) / 10);
  return Cents(c);
}

// 1165200 -> "1,165,200".
std::string Thousands(int64_t v) {
  std::string digits = fmt::format("{}", v);
  std::string out;
  int n = static_cast<int>(digits.size());
  for (int i = 0; i < n; ++i) {
    if (i > 0 && (n - i) % 3 == 0) out += ',';
    out += digits[static_cast<size_t>(i)];
  }
  return out;
}

// A YAML scalar, double-quoted when a plain scalar would not read back as this string.
std::string Yq(std::string_view s) {
  bool quote = s.empty();
  if (!quote) {
    char c = s.front();
    quote = std::strchr("-?:,[]{}#&*!|>'\"%@`< ", c) != nullptr || s.back() == ' ' ||
            s.back() == ':' || s.find(": ") != std::string_view::npos ||
            s.find(" #") != std::string_view::npos;
  }
  if (!quote) {
    // All-ASCII digits (and dots) would be a number.
    bool numeric = true;
    for (char c : s)
      if (!(std::isdigit(static_cast<unsigned char>(c)) || c == '.')) numeric = false;
    quote = numeric;
  }
  if (!quote) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

// A CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break.
std::string Cq(std::string_view s) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

// ---------------------------------------------------------------------------
// Vocabulary.

const std::vector<std::string> kRegions = {
    "天津市", "和平区", "河东区", "河西区", "南开区", "河北区", "红桥区", "东丽区",
    "西青区", "津南区", "北辰区", "武清区", "宝坻区", "滨海新区", "宁河区", "静海区", "蓟州区"};

struct Topic {
  const char* name;     // inserted into the project name
  const char* purpose;  // 资金用途
  const char* goal;     // 绩效目标
};

struct Domain {
  const char* agency;  // department name after the region
  std::vector<const char*> units;  // optional subordinate unit
  std::vector<Topic> topics;
};

const std::vector<Domain> kDomains = {
    {"生态环境局",
     {"", "生态环境保护综合行政执法支队", "生态环境监测中心", "固体废物与化学品管理中心"},
     {{"辐射环境执法安全防护能力提升", "为辐射安全检查一线执法人员配备辐射安全防护基础设备，购置具有γ和中子报警功能的辐射检测设备。",
       "提高执法人员风险辨别和辐射污染识别能力，提升现场执法能力，提高监督执法的准确性和效率，强化环境执法效能。"},
      {"生态环境移动执法能力提升与服务", "用于采购保障生态环境移动网络长效稳定运行和网络数据安全服务，实现移动执法系统的稳定运行，提高执法效率。",
       "通过本项目的实施保障移动执法系统所用的专网网络环境稳定，保障系统网络安全和数据安全，提高执法人员执法效率。"},
      {"生态环境有奖举报", "发放有奖举报奖励。",
       "进一步强化社会监督，鼓励公众积极参与环境保护监督管理，及时发现和消除生态环境污染安全隐患，切实维护群众合法环境权益。"},
      {"移动污染源第三方辅助执法", "对机动车排放检验机构实行全覆盖检查，对涉嫌违规违法检验视频进行甄别、证据确认，对路检路查超标机动车追溯取证及数据分析。",
       "利用第三方服务，加强大数据分析技术手段，为精准发现生态环境违法问题提供技术支持，提升执法效能。"},
      {"重点排污单位监督性监测", "委托有资质的第三方机构对重点排污单位开展废水、废气监督性监测，出具监测报告。",
       "全面掌握重点排污单位污染物排放状况，为环境执法和总量减排提供数据支撑。"},
      {"大气污染防治走航监测", "采购大气污染走航监测服务，对重点区域、重点时段开展挥发性有机物走航监测。",
       "及时发现大气污染排放问题线索，助力空气质量持续改善。"}}},
    {"教育局",
     {"", "教育招生考试中心", "教育信息化中心", "学生资助管理中心"},
     {{"中小学智慧校园建设", "为辖区中小学配备交互式教学设备，完善校园网络和数字化教学资源平台。",
       "提升中小学信息化教学水平，促进优质教育资源共享。"},
      {"家庭经济困难学生资助", "按照国家资助政策向家庭经济困难学生发放国家助学金和生活补助。",
       "确保家庭经济困难学生应助尽助，不让一个学生因家庭经济困难而失学。"},
      {"中小学教师专业能力培训", "组织开展中小学骨干教师、新任教师专业能力培训和教学研讨活动。",
       "提高教师教育教学能力，建设高素质专业化教师队伍。"},
      {"校舍维修改造", "对辖区部分中小学老旧校舍、操场及供暖管线进行维修改造。",
       "消除校舍安全隐患，改善办学条件，保障师生安全。"}}},
    {"卫生健康委员会",
     {"", "疾病预防控制中心", "卫生健康综合行政执法支队", "妇幼保健计划生育服务中心"},
     {{"基本公共卫生服务", "按人均标准拨付基本公共卫生服务经费，开展居民健康档案管理、慢性病患者健康管理等服务。",
       "提高基本公共卫生服务均等化水平，提升居民健康素养。"},
      {"重大传染病防控", "开展重点传染病监测、流行病学调查、实验室检测和疫苗接种工作。",
       "有效控制重大传染病流行，保障人民群众身体健康。"},
      {"医疗卫生监督执法", "开展医疗机构、公共场所、生活饮用水卫生监督检查和抽检监测。",
       "规范医疗服务和公共卫生秩序，保障群众健康权益。"},
      {"适龄妇女两癌筛查", "为辖区适龄妇女免费提供宫颈癌、乳腺癌筛查服务。",
       "提高两癌早诊早治率，降低死亡率，提高妇女健康水平。"}}},
    {"交通运输委员会",
     {"", "公路事业发展服务中心", "交通运输综合行政执法支队"},
     {{"农村公路养护", "对辖区农村公路开展日常养护、路面病害处治和安全设施完善。",
       "保持农村公路良好技术状况，保障群众安全便捷出行。"},
      {"公交线网优化运营补贴", "对承担公益性线路运营的公交企业给予运营补贴。",
       "保障公共交通稳定运行，提高公交出行分担率。"},
      {"交通运输安全生产监管", "开展道路运输、水路运输安全生产检查和隐患排查治理。",
       "有效防范和遏制交通运输安全生产事故，保障人民群众生命财产安全。"}}},
    {"农业农村委员会",
     {"", "农业发展服务中心", "动物疫病预防控制中心"},
     {{"高标准农田建设", "实施土地平整、灌溉排水、田间道路等高标准农田建设工程。",
       "提高耕地质量和粮食综合生产能力，促进农业增效农民增收。"},
      {"动物疫病强制免疫", "采购强制免疫疫苗，开展重大动物疫病强制免疫和免疫效果监测。",
       "有效防控重大动物疫病，保障畜牧业生产安全和公共卫生安全。"},
      {"农村人居环境整治", "开展农村生活垃圾治理、厕所改造和村容村貌提升。",
       "改善农村人居环境，建设美丽宜居乡村。"}}},
    {"水务局",
     {"", "水务综合行政执法支队", "水文水资源管理中心"},
     {{"排水管网清淤疏通", "对城区排水管网开展清淤疏通和检测修复。",
       "保障排水系统畅通，提升城市防汛排涝能力。"},
      {"河湖长制专项", "开展河湖日常巡查、水面保洁和水质监测。",
       "落实河湖长制，实现河湖水体清洁、岸线整洁。"},
      {"农村饮水安全巩固提升", "实施农村供水管网改造和水质提升工程。",
       "巩固提升农村饮水安全保障水平，让农村居民喝上放心水。"}}},
    {"城市管理委员会",
     {"", "城市管理综合行政执法支队", "市容环境管理中心"},
     {{"生活垃圾分类处理", "购买生活垃圾分类收运和处理服务，配置分类收集容器。",
       "提高生活垃圾分类覆盖率和资源化利用率，改善城市环境。"},
      {"道路照明设施维护", "对城区道路照明设施开展日常维护和节能改造。",
       "保障道路照明设施完好，提升夜间通行安全。"},
      {"城市绿化养护", "对城区公园绿地、道路绿化开展养护管理和补植。",
       "提升城市绿化水平，营造良好人居环境。"}}},
    {"市场监督管理局",
     {"", "市场监管综合行政执法支队", "食品药品检验所"},
     {{"食品安全抽检监测", "委托检验机构开展食品安全监督抽检和风险监测。",
       "及时发现和处置食品安全风险，保障群众舌尖上的安全。"},
      {"特种设备安全监察", "开展电梯、锅炉、压力容器等特种设备安全监督检查。",
       "防范特种设备安全事故，保障人民群众生命财产安全。"},
      {"12315投诉举报处置", "保障12315投诉举报热线平台运行，开展消费纠纷调解。",
       "畅通消费维权渠道，维护消费者合法权益。"}}},
    {"应急管理局",
     {"", "应急管理综合行政执法支队", "应急救援指挥中心"},
     {{"应急救援物资储备", "采购防汛、抗旱、森林防火等应急救援物资并做好储备管理。",
       "提高突发事件应急保障能力，减少灾害损失。"},
      {"安全生产执法检查", "开展危险化学品、工贸企业安全生产执法检查和专家指导服务。",
       "督促企业落实安全生产主体责任，遏制重特大事故发生。"},
      {"应急演练与培训", "组织开展综合应急演练和应急管理人员培训。",
       "提高应急处置能力和公众防灾减灾意识。"}}},
    {"民政局",
     {"", "社会救助服务中心", "养老服务指导中心"},
     {{"城乡低保及特困人员救助", "按标准发放城乡最低生活保障金和特困人员供养金。",
       "保障困难群众基本生活，兜牢民生底线。"},
      {"居家养老服务", "购买居家养老上门服务，建设社区老年人日间照料中心。",
       "满足老年人多样化养老服务需求，提升老年人获得感。"},
      {"社会组织培育扶持", "开展社会组织孵化培育、能力建设和等级评估。",
       "激发社会组织活力，提升社会治理水平。"}}},
    {"文化和旅游局",
     {"", "文化市场综合行政执法支队", "图书馆", "文化馆"},
     {{"公共文化服务体系建设", "开展送文化下基层、公益演出和全民阅读活动。",
       "丰富群众精神文化生活，提高公共文化服务效能。"},
      {"文物保护修缮", "对辖区重点文物保护单位开展保护修缮和安全防护。",
       "消除文物安全隐患，有效保护历史文化遗产。"},
      {"文化旅游宣传推广", "开展文化旅游宣传推介活动，制作宣传品。",
       "提升文化旅游品牌影响力，促进文旅消费。"}}},
};

const std::vector<std::string> kUnmetReasons = {
    "受上半年市政道路施工影响，部分工作推迟开展",
    "采购程序较预期延长，服务合同签订时间推迟",
    "部分服务对象停产、搬迁，实际工作量减少",
    "年内人员调整，部分工作衔接不够顺畅",
    "汛期极端天气影响，现场作业时间缩短",
    "供应商交付延迟，部分设备未能按期到位",
    "回访中部分服务对象反映办理周期较长、结果反馈不够及时",
};
const std::vector<std::string> kUnmetMeasures = {
    "下一步将加强项目进度管理，按月调度工作进展",
    "今后将提前启动采购程序，并将履约时限写入合同",
    "下一年度将结合实际工作量合理设定指标值",
    "将进一步完善工作机制，加强督导检查",
    "将简化审批流程，缩短办理周期，并及时反馈处理结果",
};
const std::vector<std::string> kOverReasons = {
    "年内按上级部署开展专项整治，工作量相应增加",
    "在完成全覆盖任务的基础上，对问题较多的对象开展了复查",
    "根据群众需求增加了服务频次",
};
const std::vector<std::string> kLowRateReasons = {
    "项目通过政府集中采购，成交价低于预算，结余资金已按规定上缴财政，导致预算执行率偏低",
    "部分合同尾款按约定在验收后支付，跨年度结算，导致预算执行率偏低",
    "受项目实施进度影响，部分资金未能在年内支付",
    "按合同据实结算，实际工作量少于预算测算，形成结余",
};
const std::vector<std::string> kLowRateMeasures = {
    "今后编制同类项目预算时，将参考近年采购成交价格和市场询价结果，提高预算编制的精准度。",
    "下一年度将加强预算执行监控，按进度及时支付资金。",
    "将加快项目实施进度，完善资金支付计划。",
};
const std::vector<std::string> kQualitativeTargets = {
    "显著提升", "有效提升", "明显改善", "有效保障", "逐步完善", "达到预期", "持续改善", "稳步提高"};

// ---------------------------------------------------------------------------
// Indicators.

enum class Kind {
  kCount,       // ≥n个 / n台 (planned amount) / 不少于n人次
  kPercentMin,  // ≥90% / 100%
  kPercentRange,  // 80%-95%
  kMonthsMax,   // ≤12个月
  kDaysMin,     // ≥300天
  kDaysMax,     // ≤30天
  kHoursMin,    // ≥8小时
  kHoursMax,    // ≤2小时 (actual sometimes in 分钟)
  kDate,        // 2024年12月31日前 / ≤2024-12-31 / 2024年底前
  kCost,        // ≤6万元, the project's budget (actual in 万元 or 元)
  kMoneyMin,    // ≥500万元 (economic benefit; actual sometimes in 元)
  kDoseMax,     // <20mSv (actual in mSv or μSv)
  kAreaMin,     // ≥150亩 (actual sometimes in 公顷)
  kLengthMin,   // ≥12公里 (actual sometimes in km)
  kMassMin,     // ≥1,200吨
  kYearsMin,    // ≥3年 (actual sometimes in 个月)
  kZero,        // 0起 (accidents)
  kQualitative  // 显著提升
};

struct IndicatorTemplate {
  const char* level2;
  const char* name;
  const char* description;
  Kind kind;
  const char* unit;  // counter unit for kCount
  int lo, hi;        // magnitude range of the target
  const char* domains = "";  // agencies it suits, "|"-separated; "" = any
};

// Whether template `t` suits a department of agency `agency`.
bool Fits(const IndicatorTemplate& t, std::string_view agency) {
  std::string_view d = t.domains;
  if (d.empty()) return true;
  while (!d.empty()) {
    size_t bar = d.find('|');
    std::string_view one = d.substr(0, bar);
    if (agency.find(one) != std::string_view::npos) return true;
    if (bar == std::string_view::npos) break;
    d.remove_prefix(bar + 1);
  }
  return false;
}

// level1 产出指标
const std::vector<IndicatorTemplate> kQuantity = {
    {"数量指标", "购置设备数量", "购置专用设备", Kind::kCount, "台", 2, 40},
    {"数量指标", "检查企业、点位数量", "检查企业、点位数量", Kind::kCount, "家次", 20, 300},
    {"数量指标", "工作总结报告", "工作总结报告", Kind::kCount, "份", 1, 12},
    {"数量指标", "培训人次", "开展业务培训人次", Kind::kCount, "人次", 50, 2000},
    {"数量指标", "开展专项检查次数", "全年开展专项检查次数", Kind::kCount, "次", 4, 60},
    {"数量指标", "购买服务数量", "购买第三方服务", Kind::kCount, "项", 1, 3},
    {"数量指标", "受益人数", "覆盖服务对象人数", Kind::kCount, "人", 100, 20000},
    {"数量指标", "监测点位数量", "布设监测点位数量", Kind::kCount, "个", 5, 120, "生态环境|水务|卫生"},
    {"数量指标", "发放宣传材料", "印制发放宣传材料", Kind::kCount, "份", 500, 20000},
    {"数量指标", "办理案件数量", "依法办理案件数量", Kind::kCount, "件", 10, 500, "生态环境|市场|应急|文化|卫生"},
    {"数量指标", "维修改造面积", "维修改造面积", Kind::kCount, "平方米", 500, 30000, "教育|文化|城市"},
    {"数量指标", "新建改造管网长度", "新建改造管网长度", Kind::kLengthMin, "公里", 3, 60, "水务|城市"},
    {"数量指标", "新增绿化面积", "新增绿化面积", Kind::kAreaMin, "亩", 30, 3000, "城市"},
    {"数量指标", "建设面积", "建设高标准农田面积", Kind::kAreaMin, "亩", 150, 30000, "农业"},
    {"数量指标", "处理量", "垃圾无害化处理量", Kind::kMassMin, "吨", 1000, 90000, "城市|农业"},
    {"数量指标", "配备车辆", "配备执法、保障车辆", Kind::kCount, "辆", 1, 12},
    {"数量指标", "组织活动场次", "组织开展活动场次", Kind::kCount, "场", 5, 200},
};
const std::vector<IndicatorTemplate> kQuality = {
    {"质量指标", "验收合格率", "验收合格率", Kind::kPercentMin, "", 100, 100},
    {"质量指标", "数据准确率", "监测、统计数据准确率", Kind::kPercentMin, "", 95, 100},
    {"质量指标", "问题整改率", "检查发现问题整改完成率", Kind::kPercentMin, "", 90, 100},
    {"质量指标", "重点对象检查覆盖率", "纳入计划的重点对象中实际检查的比例", Kind::kPercentRange, "", 80, 95, "生态环境|市场|应急|卫生"},
    {"质量指标", "网络稳定运行天数", "网络稳定运行天数", Kind::kDaysMin, "", 300, 350, "生态环境|教育|市场"},
    {"质量指标", "案源信息追溯成功率", "数据取证分析、案源信息追溯成功率", Kind::kPercentMin, "", 85, 95, "生态环境|市场"},
    {"质量指标", "资金发放准确率", "资金发放准确率", Kind::kPercentMin, "", 100, 100, "民政|教育|交通"},
    {"质量指标", "设备完好率", "设施设备完好率", Kind::kPercentMin, "", 90, 98},
};
const std::vector<IndicatorTemplate> kTimeliness = {
    {"时效指标", "项目完成时间", "项目完成时间", Kind::kMonthsMax, "", 12, 12},
    {"时效指标", "完成时限", "项目完成时间", Kind::kMonthsMax, "", 10, 12},
    {"时效指标", "服务天数", "全年服务天数", Kind::kDaysMin, "", 240, 365},
    {"时效指标", "每日工作时间", "每日工作时间", Kind::kHoursMin, "", 8, 8},
    {"时效指标", "应急响应时间", "接报后到达现场时间", Kind::kHoursMax, "", 1, 4, "应急|卫生|水务|生态环境"},
    {"时效指标", "办结时限", "投诉举报办结时限", Kind::kDaysMax, "", 7, 60, "生态环境|市场|民政|城市"},
    {"时效指标", "资金拨付及时性", "资金拨付完成时间", Kind::kDate, "", 0, 0},
    {"时效指标", "任务完成时间", "全部任务完成并报送总结报告的时间", Kind::kDate, "", 0, 0},
};
const std::vector<IndicatorTemplate> kCostTemplates = {
    {"成本指标", "项目总投资", "项目总投资", Kind::kCost, "", 0, 0},
    {"成本指标", "服务成本", "服务成本", Kind::kCost, "", 0, 0},
    {"成本指标", "成本支出", "项目支出金额累计", Kind::kCost, "", 0, 0},
    {"成本指标", "服务所需成本", "服务所需成本", Kind::kCost, "", 0, 0},
};
// level1 效益指标
const std::vector<IndicatorTemplate> kBenefit = {
    {"社会效益指标", "规范化监管率", "监管对象规范化监管率", Kind::kPercentMin, "", 85, 95},
    {"社会效益指标", "群众知晓率", "政策群众知晓率", Kind::kPercentMin, "", 80, 95},
    {"社会效益指标", "公众环保意识明显提升", "解决群众身边的问题", Kind::kCount, "个", 3, 30, "生态环境"},
    {"社会效益指标", "执法效能", "案件查处效率和执法精准度", Kind::kQualitative, "", 0, 0, "生态环境|市场|应急|文化|卫生"},
    {"社会效益指标", "公共服务水平", "公共服务能力和水平", Kind::kQualitative, "", 0, 0},
    {"社会效益指标", "安全事故发生次数", "责任范围内安全事故发生次数", Kind::kZero, "起", 0, 0},
    {"社会效益指标", "应助尽助率", "符合条件对象应助尽助率", Kind::kPercentMin, "", 100, 100, "民政|教育"},
    {"经济效益指标", "带动社会投资", "带动社会资本投入", Kind::kMoneyMin, "", 100, 5000, "农业|文化|交通"},
    {"经济效益指标", "带动就业人数", "带动就业人数", Kind::kCount, "人", 20, 500},
    {"经济效益指标", "节约行政成本", "节约行政运行成本", Kind::kQualitative, "", 0, 0},
    {"生态效益指标", "减少排放不合格机动车过检数量", "减少排放不合格机动车过检数量", Kind::kCount, "辆", 20, 200, "生态环境"},
    {"生态效益指标", "生态环境保护", "消除生态环境污染问题", Kind::kCount, "个", 3, 40, "生态环境|水务|农业"},
    {"生态效益指标", "空气质量优良天数比例", "空气质量优良天数比例", Kind::kPercentMin, "", 65, 75, "生态环境"},
    {"生态效益指标", "生态环境质量", "区域生态环境质量", Kind::kQualitative, "", 0, 0, "生态环境|水务|农业|城市"},
    {"可持续影响指标", "保障执法人员年度受辐射量", "保障执法人员年度受辐射量", Kind::kDoseMax, "", 20, 20, "生态环境"},
    {"可持续影响指标", "系统使用率", "信息系统使用率", Kind::kPercentMin, "", 90, 100},
    {"可持续影响指标", "项目效益持续年限", "项目效益持续发挥年限", Kind::kYearsMin, "", 2, 5},
    {"可持续影响指标", "保障业务正常开展次数", "保障业务正常开展次数", Kind::kCount, "次", 50, 400},
    {"可持续影响指标", "长效管理机制", "长效管理机制建立健全情况", Kind::kQualitative, "", 0, 0},
};
// level1 满意度指标
const std::vector<IndicatorTemplate> kSatisfaction = {
    {"服务对象满意度指标", "服务对象满意度", "服务对象满意度", Kind::kPercentMin, "", 85, 95},
    {"服务对象满意度指标", "设备使用人满意度", "一线使用人员满意度", Kind::kPercentMin, "", 90, 90},
    {"服务对象满意度指标", "群众满意度", "群众满意度", Kind::kPercentMin, "", 85, 95},
    {"服务对象满意度指标", "用户满意度", "用户满意度", Kind::kPercentMin, "", 90, 95},
};

// ---------------------------------------------------------------------------
// One generated indicator: target text and actual.

enum class Outcome { kMet, kOver, kUnmet, kNotApplicable };

struct Indicator {
  std::string level1, level2, name, description, target;
  std::string weight;  // "" or "16.67"
  // Actual: either value (short form), or grade+score; note optional.
  std::string value, grade, score, note;
};

struct Project {
  std::string id, name, purpose, goal;
  int64_t total = 0, fiscal = 0, other = 0, spent = 0;  // 万元 × 100
  bool split_funds = false;
  std::string note;  // project-level note (low execution rate)
  bool by_name = false;  // actuals entry matched by project name
  std::vector<Indicator> indicators;
};

struct Department {
  std::string code, name;
  const Domain* domain;
  bool csv = false;
};

// Whether the year's figure `year` of a time target (`target`) can be known by
// 2024-07-31: a completion date after that day, or a time taken longer than the
// 7 months elapsed, cannot (monitor warns of it, JX0924). Such an indicator's
// progress is 未完成, with the year's figure as its forecast, as a unit writes it.
bool KnownByJuly(const std::string& target, const std::string& year) {
  int y = 0, m = 0, d = 0, n = -1;
  if ((std::sscanf(year.c_str(), "%d-%d-%d%n", &y, &m, &d, &n) == 3 ||
       std::sscanf(year.c_str(), "%d年%d月%d日%n", &y, &m, &d, &n) == 3) &&
      n == static_cast<int>(year.size())) {
    return y * 10000 + m * 100 + d <= 20240731;
  }
  if (target.rfind("≤", 0) != 0) return true;  // only a time limit is a time taken
  if (std::sscanf(year.c_str(), "%d个月%n", &m, &n) == 1 && n == static_cast<int>(year.size())) return m <= 7;
  if (std::sscanf(year.c_str(), "%d年%n", &y, &n) == 1 && n == static_cast<int>(year.size())) return y * 12 <= 7;
  return true;
}

std::string UnmetNote(Rng& r, const std::string& name) {
  return fmt::format("{}，{}未达到目标值。{}。", r.Pick(kUnmetReasons), name, r.Pick(kUnmetMeasures));
}
std::string OverNote(Rng& r, const std::string& name, int pct) {
  return fmt::format("{}，{}超出目标值{}%。今后编制目标时将把专项工作量纳入测算，合理设定指标值。",
                     r.Pick(kOverReasons), name, pct);
}

// Chooses the outcome of one indicator: mostly met.
Outcome Draw(Rng& r, bool can_overachieve) {
  int x = static_cast<int>(r.Int(0, 999));
  if (x < 15) return Outcome::kNotApplicable;
  if (x < 85) return Outcome::kUnmet;
  if (can_overachieve && x < 115) return Outcome::kOver;
  return Outcome::kMet;
}

// Fills target and actual of `ind` from template `t` for project `p`.
void Fill(Rng& r, const IndicatorTemplate& t, const Project& p, Outcome out, Indicator* ind) {
  ind->name = t.name;
  ind->description = t.description;
  ind->level2 = t.level2;
  bool note_it = !r.Chance(80);  // a few flagged items come without a note (a warning)
  switch (t.kind) {
    case Kind::kCount: {
      int n = static_cast<int>(r.Int(t.lo, t.hi));
      int form = static_cast<int>(r.Int(0, 9));
      std::string num = n >= 1000 && r.Chance(500) ? Thousands(n) : fmt::format("{}", n);
      ind->target = form < 4 ? fmt::format("≥{}{}", num, t.unit)
                    : form < 5 ? fmt::format("不少于{}{}", num, t.unit)
                               : fmt::format("{}{}", num, t.unit);
      int v = n;
      if (out == Outcome::kMet) v = n + static_cast<int>(r.Int(0, n / 10));
      if (out == Outcome::kOver) v = n + n / 4 + 1 + static_cast<int>(r.Int(0, n / 4));
      if (out == Outcome::kUnmet) v = std::max(0, n - 1 - static_cast<int>(r.Int(0, n / 5)));
      ind->value = fmt::format("{}{}", v >= 1000 && r.Chance(300) ? Thousands(v) : fmt::format("{}", v), t.unit);
      if (out == Outcome::kOver && note_it) ind->note = OverNote(r, t.name, (v - n) * 100 / n);
      if (out == Outcome::kUnmet && note_it) ind->note = UnmetNote(r, t.name);
      break;
    }
    case Kind::kPercentMin: {
      int pct = static_cast<int>(r.Int(t.lo, t.hi));
      if (pct < 100 && r.Chance(300)) pct = pct / 5 * 5;
      ind->target = pct == 100       ? std::string("100%")
                    : r.Chance(100) ? fmt::format("不低于{}%", pct)
                                    : fmt::format("≥{}%", pct);
      if (out == Outcome::kOver) out = Outcome::kMet;
      if (out == Outcome::kMet) {
        int hi = std::min(100, pct * 6 / 5);
        int v = static_cast<int>(r.Int(pct, hi));
        ind->value = r.Chance(150) && v < 100 ? fmt::format("{}.{}%", v, r.Int(1, 9)) : fmt::format("{}%", v);
      } else {
        int v = pct - static_cast<int>(r.Int(1, 6));
        ind->value = fmt::format("{}%", v);
        if (note_it) ind->note = UnmetNote(r, t.name);
      }
      break;
    }
    case Kind::kPercentRange: {
      int lo = static_cast<int>(r.Int(7, 9)) * 10, hi = lo + static_cast<int>(r.Int(1, 2)) * 5 + 5;
      hi = std::min(hi, 100);
      ind->target = fmt::format("{}%-{}%", lo, hi);
      if (out == Outcome::kOver) out = Outcome::kMet;
      if (out == Outcome::kMet) {
        ind->value = fmt::format("{}%", r.Int(lo, hi));
      } else {
        ind->value = fmt::format("{}%", lo - r.Int(1, 5));
        if (note_it) ind->note = UnmetNote(r, t.name);
      }
      break;
    }
    case Kind::kMonthsMax: {
      int m = static_cast<int>(r.Int(t.lo, t.hi));
      ind->target = fmt::format("≤{}个月", m);
      if (out == Outcome::kOver) out = Outcome::kMet;
      if (out == Outcome::kMet) {
        int v = static_cast<int>(r.Int(std::max(3, m - 4), m));
        ind->value = v == 12 && r.Chance(400) ? "1年" : fmt::format("{}个月", v);
      } else {
        ind->value = fmt::format("{}个月", m + r.Int(1, 3));
        if (note_it) ind->note = UnmetNote(r, t.name);
      }
      break;
    }
    case Kind::kDaysMin: {
      int d = static_cast<int>(r.Int(t.lo, t.hi)) / 5 * 5;
      ind->target = fmt::format("≥{}天", d);
      if (out == Outcome::kOver) out = Outcome::kMet;
      if (out == Outcome::kMet) {
        ind->value = fmt::format("{}天", r.Int(d, std::min(366, d + 20)));
      } else {
        ind->value = fmt::format("{}天", d - r.Int(1, 20));
        if (note_it) ind->note = UnmetNote(r, t.name);
      }
      break;
    }
    case Kind::kDaysMax: {
      int d = static_cast<int>(r.Int(t.lo, t.hi));
      ind->target = r.Chance(300) ? fmt::format("{}天以内", d) : fmt::format("≤{}天", d);
      if (out == Outcome::kOver) out = Outcome::kMet;
      if (out == Outcome::kMet) {
        ind->value = fmt::format("{}天", r.Int(std::max(1, d / 2), d));
      } else {
        ind->value = fmt::format("{}天", d + r.Int(1, 10));
        if (note_it) ind->note = UnmetNote(r, t.name);
      }
      break;
    }
    case Kind::kHoursMin: {
      int h = static_cast<int>(r.Int(t.lo, t.hi));
      ind->target = fmt::format("≥{}小时", h);
      if (out == Outcome::kOver) out = Outcome::kMet;
      if (out == Outcome::kMet) {
        ind->value = fmt::format("{}小时", h + (r.Chance(300) ? 1 : 0));
      } else {
        ind->value = fmt::format("{}.5小时", h - 1);
        if (note_it) ind->note = UnmetNote(r, t.name);
      }
      break;
    }
    case Kind::kHoursMax: {
      int h = static_cast<int>(r.Int(t.lo, t.hi));
      ind->target = fmt::format("≤{}小时", h);
      if (out == Outcome::kOver) out = Outcome::kMet;
      if (out == Outcome::kMet) {
        int minutes = static_cast<int>(r.Int(20, h * 60));
        ind->value = r.Chance(500) ? fmt::format("{}分钟", minutes)
                                   : fmt::format("{}小时", std::max(1, minutes / 60));
      } else {
        ind->value = fmt::format("{}分钟", h * 60 + r.Int(10, 90));
        if (note_it) ind->note = UnmetNote(r, t.name);
      }
      break;
    }
    case Kind::kDate: {
      int month = static_cast<int>(r.Int(0, 3)) == 0 ? 6 : 12;
      int day = month == 6 ? 30 : 31;
      int form = static_cast<int>(r.Int(0, 3));
      ind->target = form == 0   ? fmt::format("≤2024-{:02}-{:02}", month, day)
                    : form == 1 && month == 12 ? std::string("2024年底前")
                                               : fmt::format("2024年{}月{}日前", month, day);
      if (out == Outcome::kOver) out = Outcome::kMet;
      if (out == Outcome::kMet) {
        int m = static_cast<int>(r.Int(month - 4, month)), d = static_cast<int>(r.Int(1, 28));
        ind->value = r.Chance(500) ? fmt::format("2024-{:02}-{:02}", m, d) : fmt::format("2024年{}月{}日", m, d);
      } else {
        int m = month == 12 ? 1 : 7;
        int y = month == 12 ? 2025 : 2024;
        ind->value = fmt::format("{}-{:02}-{:02}", y, m, r.Int(1, 28));
        if (note_it) ind->note = UnmetNote(r, t.name);
      }
      break;
    }
    case Kind::kCost: {
      // ≤ the project's budget; the actual is what was spent, sometimes in 元.
      ind->target = fmt::format("≤{}万元", CentsShort(p.total));
      if (out == Outcome::kNotApplicable) {
        ind->value = "不适用";
        break;
      }
      ind->value = r.Chance(250) ? fmt::format("{}元", Thousands(p.spent * 100))
                                 : fmt::format("{}万元", Cents(p.spent));
      if (r.Chance(100) && ind->value.find(',') != std::string::npos) {
        ind->value = fmt::format("{}元", p.spent * 100);
      }
      // More than 20% below the target is flagged (cost overestimated?).
      if (p.spent * 5 < p.total * 4 && note_it)
        ind->note = fmt::format("集中采购节约资金，节约{}万元，结余资金已按规定上缴财政。下一年度将结合采购成交价合理测算成本。",
                                Cents(p.total - p.spent));
      return;
    }
    case Kind::kMoneyMin: {
      int n = static_cast<int>(r.Int(t.lo, t.hi)) / 10 * 10;
      ind->target = fmt::format("≥{}万元", n);
      if (out == Outcome::kOver) out = Outcome::kMet;
      if (out == Outcome::kMet) {
        int v = n + static_cast<int>(r.Int(0, n / 10));
        ind->value = r.Chance(300) ? fmt::format("{}元", Thousands(static_cast<int64_t>(v) * 10000))
                                   : fmt::format("{}万元", v);
      } else {
        ind->value = fmt::format("{}万元", n - r.Int(1, n / 5 + 1));
        if (note_it) ind->note = UnmetNote(r, t.name);
      }
      break;
    }
    case Kind::kDoseMax: {
      ind->target = "<20mSv";
      if (out == Outcome::kOver) out = Outcome::kMet;
      if (out == Outcome::kUnmet) out = Outcome::kMet;  // radiation limits are not broken
      int usv = static_cast<int>(r.Int(50, 2000));
      ind->value = r.Chance(400) ? fmt::format("{}μSv", usv)
                                 : fmt::format("{}.{:02}mSv", usv / 1000, (usv % 1000) / 10);
      break;
    }
    case Kind::kAreaMin: {
      int mu = static_cast<int>(r.Int(t.lo, t.hi)) / 15 * 15;
      ind->target = fmt::format("≥{}亩", Thousands(mu));
      if (out == Outcome::kOver) out = Outcome::kMet;
      if (out == Outcome::kMet) {
        int v = mu + static_cast<int>(r.Int(0, mu / 10)) / 15 * 15;
        ind->value = r.Chance(400) ? fmt::format("{}公顷", v / 15) : fmt::format("{}亩", v);
      } else {
        ind->value = fmt::format("{}亩", mu - r.Int(1, mu / 5 + 1));
        if (note_it) ind->note = UnmetNote(r, t.name);
      }
      break;
    }
    case Kind::kLengthMin: {
      int km = static_cast<int>(r.Int(t.lo, t.hi));
      ind->target = fmt::format("≥{}公里", km);
      if (out == Outcome::kOver) out = Outcome::kMet;
      if (out == Outcome::kMet) {
        int m = km * 1000 + static_cast<int>(r.Int(0, km * 100));
        ind->value = r.Chance(300) ? fmt::format("{}.{}km", m / 1000, (m % 1000) / 100)
                                   : fmt::format("{}.{}公里", m / 1000, (m % 1000) / 100);
      } else {
        ind->value = fmt::format("{}.{}公里", km - 1, r.Int(0, 9));
        if (note_it) ind->note = UnmetNote(r, t.name);
      }
      break;
    }
    case Kind::kMassMin: {
      int ton = static_cast<int>(r.Int(t.lo, t.hi)) / 100 * 100;
      ind->target = fmt::format("≥{}吨", Thousands(ton));
      if (out == Outcome::kOver) out = Outcome::kMet;
      if (out == Outcome::kMet) {
        ind->value = fmt::format("{}吨", Thousands(ton + r.Int(0, ton / 10)));
      } else {
        ind->value = fmt::format("{}吨", Thousands(ton - r.Int(1, ton / 5)));
        if (note_it) ind->note = UnmetNote(r, t.name);
      }
      break;
    }
    case Kind::kYearsMin: {
      int y = static_cast<int>(r.Int(t.lo, t.hi));
      ind->target = fmt::format("≥{}年", y);
      if (out == Outcome::kOver || out == Outcome::kUnmet) out = Outcome::kMet;
      ind->value = r.Chance(500) ? fmt::format("{}个月", y * 12) : fmt::format("{}年", y);
      break;
    }
    case Kind::kZero: {
      ind->target = r.Chance(500) ? "0起" : "=0起";
      if (out == Outcome::kOver) out = Outcome::kMet;
      if (out == Outcome::kMet) {
        ind->value = "0起";
      } else {
        ind->value = "1起";
        if (note_it) ind->note = UnmetNote(r, t.name);
      }
      break;
    }
    case Kind::kQualitative: {
      ind->target = r.Pick(kQualitativeTargets);
      if (out == Outcome::kOver) out = Outcome::kMet;
      if (out == Outcome::kMet) {
        ind->grade = r.Chance(300) ? "达成年度指标" : "达成";
        if (r.Chance(500)) ind->score = fmt::format("0.{}", r.Int(80, 99));
      } else if (r.Chance(800)) {
        ind->grade = "部分达成";
        ind->score = fmt::format("0.{}", r.Int(60, 79));
        ind->note = UnmetNote(r, t.name);
      } else {
        ind->grade = "未达成";
        ind->score = fmt::format("0.{}", r.Int(20, 59));
        ind->note = UnmetNote(r, t.name);
      }
      break;
    }
  }
  if (out == Outcome::kNotApplicable) {
    ind->value = "不适用";
    ind->grade.clear();
    ind->score.clear();
    ind->note.clear();
  }
}

// ---------------------------------------------------------------------------

struct Options {
  int64_t projects = -1;
  uint64_t seed = 1;
  std::string out;
  int64_t departments = -1;
  int64_t per_file = 4;
  bool progress = false;
};

[[noreturn]] void Usage(const char* why) {
  if (why) std::fprintf(stderr, "jixiao-gen: %s\n", why);
  std::fprintf(stderr,
               "usage: jixiao-gen --projects N --seed S --out DIR [--departments D] [--per-file K]\n"
               "                  [--progress]\n"
               "  writes DIR/targets/<dept>/<file>.yaml (1 to K projects per file, default K=4)\n"
               "  and DIR/actuals/<dept>.yaml or .csv; D defaults to N/40, at most 500;\n"
               "  --progress also writes DIR/progress/<dept>.yaml or .csv as of 2024-07-31\n");
  std::exit(2);
}

int64_t ParseInt(const char* s, const char* what) {
  char* end = nullptr;
  errno = 0;
  long long v = std::strtoll(s, &end, 10);
  if (errno != 0 || end == s || *end != '\0' || v < 0) Usage(fmt::format("bad {}: {}", what, s).c_str());
  return v;
}

void WriteFile(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  if (!out) {
    std::fprintf(stderr, "jixiao-gen: cannot write %s: %s\n", path.c_str(), std::strerror(errno));
    std::exit(2);
  }
}

class Generator {
 public:
  explicit Generator(const Options& o) : o_(o) {}

  void Run() {
    fs::path root(o_.out);
    std::error_code ec;
    fs::remove_all(root / "targets", ec);
    fs::remove_all(root / "actuals", ec);
    fs::remove_all(root / "progress", ec);
    fs::create_directories(root / "actuals");
    if (o_.progress) fs::create_directories(root / "progress");

    Rng r(Mix(o_.seed, 0));
    int64_t d = o_.departments;
    // Uneven department sizes: each gets 1 + a share of the rest by a random weight.
    std::vector<int64_t> weight(static_cast<size_t>(d)), size(static_cast<size_t>(d), 1);
    int64_t wsum = 0;
    for (auto& w : weight) wsum += (w = r.Int(1, 10) * r.Int(1, 10));
    int64_t rest = o_.projects - d, given = 0;
    for (size_t i = 0; i < size.size(); ++i) {
      int64_t share = rest * weight[i] / wsum;
      size[i] += share;
      given += share;
    }
    for (size_t i = 0; given < rest; i = (i + 1) % size.size(), ++given) ++size[i];

    std::set<std::string> dept_names;
    for (int64_t i = 0; i < d; ++i) {
      Rng dr(Mix(o_.seed, static_cast<uint64_t>(i) + 1));
      Department dept;
      dept.code = fmt::format("{:03}{:03}", 301 + i % 60, 101 + i / 60);
      for (int attempt = 0;; ++attempt) {
        dept.domain = &dr.Pick(kDomains);
        const std::string& region = kRegions[static_cast<size_t>((i + attempt) % static_cast<int64_t>(kRegions.size()))];
        std::string unit = dr.Pick(dept.domain->units);
        dept.name = region + dept.domain->agency + unit;
        if (dept_names.insert(dept.name).second || attempt > 20) break;
      }
      dept.csv = dr.Chance(200);
      WriteDepartment(dept, size[static_cast<size_t>(i)], dr, root);
    }
  }

 private:
  Project MakeProject(const Department& dept, int64_t seq, Rng& r) {
    Project p;
    const Topic& topic = r.Pick(dept.domain->topics);
    p.id = fmt::format("TJ-{}-2024-{:03}", dept.code, seq);
    // Names are unique in a year: a department has several projects on one topic,
    // told apart by what they buy (运行维护, 设备购置 …) or by phase (二期 …).
    std::string base = fmt::format("2024年度{}{}项目", RegionOf(dept), topic.name);
    p.name = base;
    static const std::vector<std::string> kAspects = {
        "运行维护", "购买服务", "专项行动", "能力建设", "提升改造", "设备购置", "信息化建设", "宣传培训",
        "技术服务", "第三方评估", "专项补助", "监督检查"};
    static const char* kPhases[] = {"（二期）", "（三期）", "（四期）", "（五期）"};
    for (int k = 0; !names_.insert(p.name).second; ++k) {
      std::string aspect = fmt::format("2024年度{}{}{}项目", RegionOf(dept), topic.name, r.Pick(kAspects));
      std::string local = fmt::format("2024年度{}{}{}{}项目", RegionOf(dept), Town(RegionOf(dept), r), topic.name,
                                      r.Chance(500) ? r.Pick(kAspects) : std::string());
      p.name = k < 6 ? aspect : k < 200 ? local : k < 204 ? base + kPhases[k - 200]
                                                 : fmt::format("{}（第{}批）", base, ++batches_[base] + 1);
    }
    p.purpose = topic.purpose;
    p.goal = topic.goal;

    // Budget 1.00–500.00 万元, log-uniform-ish: mostly small projects.
    int band = static_cast<int>(r.Int(0, 9));
    p.total = band < 4 ? r.Int(100, 2000) : band < 8 ? r.Int(2000, 10000) : r.Int(10000, 50000);
    if (r.Chance(500)) p.total = p.total / 100 * 100;  // whole 万元
    p.split_funds = r.Chance(150) && p.total >= 200;
    p.fiscal = p.split_funds ? p.total * r.Int(50, 95) / 100 : p.total;
    p.other = p.total - p.fiscal;
    // Execution rate: mostly 90–100%, some lower with a note.
    int64_t rate = r.Chance(120) ? r.Int(55, 89) : r.Chance(200) ? 100 : r.Int(90, 99);
    p.spent = p.total * rate / 100 + (rate < 100 ? r.Int(0, p.total / 100) : 0);
    p.spent = std::min(p.spent, p.total);
    if (p.spent * 10 < p.total * 9 && !r.Chance(60))
      p.note = fmt::format("{}。{}", r.Pick(kLowRateReasons), r.Pick(kLowRateMeasures));
    p.by_name = r.Chance(200);

    // 5–9 indicators. Always one 数量, one 成本, one 效益 and one 满意度 indicator;
    // the others are drawn from 质量, 时效, a second 数量, a second and a third 效益.
    int extra = static_cast<int>(r.Int(1, 5));
    bool slot[5] = {false, false, false, false, false};  // 质量, 时效, 数量2, 效益2, 效益3
    for (int k = 0; k < extra;) {
      int s = static_cast<int>(r.Int(0, 4));
      if (!slot[s]) slot[s] = true, ++k;
    }
    bool form2021 = r.Chance(50);  // level-1 成本指标 of the 2021 MoF guideline
    std::vector<std::pair<const IndicatorTemplate*, std::string>> picked;  // template, level1
    std::set<std::string> used;
    auto take = [&](const std::vector<IndicatorTemplate>& pool, const char* level1, int count) {
      for (int k = 0, tries = 0; k < count && tries < 50; ++tries) {
        const IndicatorTemplate& t = r.Pick(pool);
        if (!Fits(t, dept.domain->agency) || !used.insert(t.name).second) continue;
        picked.emplace_back(&t, level1);
        ++k;
      }
    };
    take(kQuantity, "产出指标", slot[2] ? 2 : 1);
    take(kQuality, "产出指标", slot[0] ? 1 : 0);
    take(kTimeliness, "产出指标", slot[1] ? 1 : 0);
    take(kCostTemplates, form2021 ? "成本指标" : "产出指标", 1);
    take(kBenefit, "效益指标", 1 + (slot[3] ? 1 : 0) + (slot[4] ? 1 : 0));
    take(kSatisfaction, "满意度指标", 1);

    bool weighted = r.Chance(100);
    int not_applicable = 0;
    for (const auto& [t, level1] : picked) {
      Indicator ind;
      bool can_over = t->kind == Kind::kCount;
      Outcome out = Draw(r, can_over);
      if (out == Outcome::kNotApplicable &&
          (not_applicable > 0 || std::string(level1) == "满意度指标")) out = Outcome::kMet;
      if (out == Outcome::kNotApplicable) ++not_applicable;
      Fill(r, *t, p, out, &ind);
      ind.level1 = level1;
      if (form2021 && t->kind == Kind::kCost) ind.level2 = "经济成本指标";
      p.indicators.push_back(std::move(ind));
    }
    if (weighted) {
      // Explicit weights, in hundredths, adding up to exactly 90: 产出 (with 成本) 50,
      // 效益 30, 满意度 10, each split equally with the remainder on the first.
      const std::pair<std::string, int> groups[] = {{"产出指标", 5000}, {"效益指标", 3000}, {"满意度指标", 1000}};
      for (const auto& [g, total] : groups) {
        std::vector<Indicator*> members;
        for (Indicator& ind : p.indicators)
          if (ind.level1 == g || (g == "产出指标" && ind.level1 == "成本指标")) members.push_back(&ind);
        int each = total / static_cast<int>(members.size());
        int first = total - each * static_cast<int>(members.size() - 1);
        for (size_t k = 0; k < members.size(); ++k) members[k]->weight = Cents(k == 0 ? first : each);
      }
    }
    return p;
  }

  // A 街道 or 镇 of `region` (of any district for a city-level department).
  static std::string Town(const std::string& region, Rng& r) {
    static const std::vector<std::vector<std::string>> kTowns = {
        {"和平区", "劝业场街道", "小白楼街道", "五大道街道", "南市街道"},
        {"河东区", "大王庄街道", "向阳楼街道", "春华街道"},
        {"河西区", "友谊路街道", "尖山街道", "体育中心街道", "梅江街道"},
        {"南开区", "长虹街道", "王顶堤街道", "华苑街道", "鼓楼街道"},
        {"河北区", "光复道街道", "望海楼街道", "江都路街道"},
        {"红桥区", "丁字沽街道", "西沽街道", "邵公庄街道"},
        {"东丽区", "华明街道", "新立街道", "金桥街道"},
        {"西青区", "杨柳青镇", "张家窝镇", "中北镇"},
        {"津南区", "咸水沽镇", "葛沽镇", "小站镇"},
        {"北辰区", "双街镇", "小淀镇", "西堤头镇"},
        {"武清区", "杨村街道", "大良镇", "黄庄街道"},
        {"宝坻区", "宝平街道", "海滨街道", "大口屯镇"},
        {"滨海新区", "塘沽街道", "汉沽街道", "大港街道", "新港街道"},
        {"宁河区", "芦台街道", "潘庄镇", "七里海镇"},
        {"静海区", "静海镇", "团泊镇", "大邱庄镇"},
        {"蓟州区", "渔阳镇", "下营镇", "邦均镇"},
    };
    const std::vector<std::string>* towns = &r.Pick(kTowns);  // city level: any district's
    for (const auto& t : kTowns)
      if (t[0] == region) towns = &t;
    size_t k = static_cast<size_t>(r.Int(1, static_cast<int64_t>(towns->size()) - 1));
    return (region == "天津市" ? (*towns)[0] : std::string()) + (*towns)[k];
  }

  static std::string RegionOf(const Department& dept) {
    for (const std::string& region : kRegions)
      if (dept.name.compare(0, region.size(), region) == 0) return region;
    return "";
  }

  static void AppendTarget(const Department& dept, const Project& p, std::string* s) {
    fmt::format_to(std::back_inserter(*s), "project: {}\nid: {}\nyear: 2024\n", Yq(p.name), p.id);
    fmt::format_to(std::back_inserter(*s), "department:\n  code: \"{}\"\n  name: {}\n", dept.code, Yq(dept.name));
    fmt::format_to(std::back_inserter(*s), "unit: 万元\nbudget:\n  total: {}\n  fiscal: {}\n", Cents(p.total), Cents(p.fiscal));
    if (p.split_funds) fmt::format_to(std::back_inserter(*s), "  other: {}\n", Cents(p.other));
    fmt::format_to(std::back_inserter(*s), "purpose: {}\ngoals:\n  - {}\nindicators:\n", Yq(p.purpose), Yq(p.goal));
    for (const Indicator& ind : p.indicators) {
      fmt::format_to(std::back_inserter(*s),
                     "  - level1: {}\n    level2: {}\n    name: {}\n    description: {}\n    target: {}\n",
                     ind.level1, ind.level2, Yq(ind.name), Yq(ind.description), Yq(ind.target));
      if (!ind.weight.empty()) fmt::format_to(std::back_inserter(*s), "    weight: {}\n", ind.weight);
    }
  }

  static void AppendYamlActuals(const Project& p, std::string* s) {
    if (p.by_name)
      fmt::format_to(std::back_inserter(*s), "  - project: {}\n", Yq(p.name));
    else
      fmt::format_to(std::back_inserter(*s), "  - id: {}\n", p.id);
    fmt::format_to(std::back_inserter(*s), "    spent: {}\n", Cents(p.spent));
    if (!p.note.empty()) fmt::format_to(std::back_inserter(*s), "    note: {}\n", Yq(p.note));
    s->append("    indicators:\n");
    for (const Indicator& ind : p.indicators) {
      if (!ind.grade.empty()) {
        fmt::format_to(std::back_inserter(*s), "      {}:\n        grade: {}\n", Yq(ind.name), ind.grade);
        if (!ind.score.empty()) fmt::format_to(std::back_inserter(*s), "        score: {}\n", ind.score);
        if (!ind.note.empty()) fmt::format_to(std::back_inserter(*s), "        note: {}\n", Yq(ind.note));
      } else if (!ind.note.empty()) {
        fmt::format_to(std::back_inserter(*s), "      {}:\n        value: {}\n        note: {}\n",
                       Yq(ind.name), Yq(ind.value), Yq(ind.note));
      } else {
        fmt::format_to(std::back_inserter(*s), "      {}: {}\n", Yq(ind.name), Yq(ind.value));
      }
    }
  }

  static void AppendCsvActuals(const Project& p, std::string* s) {
    const std::string key = p.by_name ? Cq(p.name) : p.id;
    fmt::format_to(std::back_inserter(*s), "{},spent,{},{},\n", key, Cents(p.spent), Cq(p.note));
    for (const Indicator& ind : p.indicators) {
      const std::string& value = ind.grade.empty() ? ind.value : ind.grade;
      fmt::format_to(std::back_inserter(*s), "{},{},{},{},{}\n", key, Cq(ind.name), Cq(value), Cq(ind.note),
                     ind.score);
    }
  }

  void WriteDepartment(const Department& dept, int64_t count, Rng& r, const fs::path& root) {
    fs::path dir = root / "targets" / dept.code;
    fs::create_directories(dir);
    std::string actuals;
    if (dept.csv) {
      actuals = "project,indicator,value,note,score\n";
    } else {
      actuals = fmt::format("# {} 2024 年度绩效自评实际完成情况（合成数据）\nyear: 2024\nprojects:\n", dept.name);
    }
    std::string progress;
    if (dept.csv) {
      progress = "project,indicator,value,note,forecast,likelihood,reasons\n,as_of,2024-07-31,,,,\n";
    } else {
      progress = fmt::format("# {} 2024 年 1-7 月绩效运行监控（合成数据）\nas_of: 2024-07-31\nyear: 2024\nprojects:\n",
                             dept.name);
    }
    int64_t seq = 1, file_no = 1;
    while (seq <= count) {
      int64_t k = o_.per_file <= 1 || r.Chance(500) ? 1 : r.Int(2, o_.per_file);
      k = std::min(k, count - seq + 1);
      std::string text;
      std::vector<Project> projects;
      for (int64_t j = 0; j < k; ++j) projects.push_back(MakeProject(dept, seq + j, r));
      if (k == 1) {
        fmt::format_to(std::back_inserter(text), "# 绩效目标表：{}\n# 来源：{} 2024 年度项目绩效目标表（合成数据）。\n",
                       projects[0].name, dept.name);
      } else {
        fmt::format_to(std::back_inserter(text), "# 绩效目标表：{} 2024 年度项目（第 {}–{} 张，合成数据）\n",
                       dept.name, seq, seq + k - 1);
      }
      for (const Project& p : projects) {
        if (k > 1) text += "---\n";
        AppendTarget(dept, p, &text);
        if (dept.csv)
          AppendCsvActuals(p, &actuals);
        else
          AppendYamlActuals(p, &actuals);
        if (o_.progress) AppendProgress(p, dept.csv, &progress);
      }
      WriteFile(dir / fmt::format("{}-2024-{:03}.yaml", dept.code, file_no), text);
      seq += k;
      ++file_no;
    }
    WriteFile(root / "actuals" / (dept.code + (dept.csv ? ".csv" : ".yaml")), actuals);
    if (o_.progress) WriteFile(root / "progress" / (dept.code + (dept.csv ? ".csv" : ".yaml")), progress);
  }

  // The progress of `p` as of 2024-07-31 (day 213 of 366), drawn from a generator
  // seeded by the project's id alone.
  void AppendProgress(const Project& p, bool csv, std::string* s) const {
    uint64_t h = 1469598103934665603ULL;
    for (char c : p.id) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
    Rng r(Mix(o_.seed, h));
    // Spending to date: 35-80% of the budget (time progress is 58.2%: v from 0.6 to 1.37).
    const int64_t share = r.Int(35, 80);
    const int64_t spent = p.total * share / 100;
    const bool forecast_spent = r.Chance(600);
    const int64_t forecast = forecast_spent ? p.total * r.Int(80, 100) / 100 : 0;
    std::string note;
    if (share < 47 || (forecast_spent && forecast * 10 < p.total * 9))
      note = fmt::format("{}。{}", r.Pick(kLowRateReasons), r.Pick(kLowRateMeasures));
    static const std::vector<std::string> kLikelihoods = {"确定能", "有可能", "完全不可能"};
    static const std::vector<std::string> kReasons = {"经费保障", "制度保障", "人员保障", "硬件条件保障", "其他"};
    const std::string key = p.by_name ? (csv ? Cq(p.name) : Yq(p.name)) : p.id;
    if (csv) {
      fmt::format_to(std::back_inserter(*s), "{},spent,{},{},{},,\n", key, Cents(spent), Cq(note),
                     forecast_spent ? Cents(forecast) : "");
    } else {
      fmt::format_to(std::back_inserter(*s), "  - {}: {}\n    spent: {}\n", p.by_name ? "project" : "id", key,
                     Cents(spent));
      if (forecast_spent) fmt::format_to(std::back_inserter(*s), "    forecast_spent: {}\n", Cents(forecast));
      if (!note.empty()) fmt::format_to(std::back_inserter(*s), "    note: {}\n", Yq(note));
      s->append("    indicators:\n");
    }
    for (const Indicator& ind : p.indicators) {
      // The year's figure: the actual's value, or its grade.
      const std::string& year = ind.grade.empty() ? ind.value : ind.grade;
      std::string value, forecast_text, likelihood, reasons, ind_note;
      if (year == "不适用") {
        value = year;
      } else if (ind.level2 == "数量指标" && ind.grade.empty() && !year.empty() &&
                 std::isdigit(static_cast<unsigned char>(year[0])) &&
                 year.find_first_of(".%-,") == std::string::npos) {
        // A quantity to date: 45-85% of the year's count (judged by pace).
        size_t digits = 0;
        while (digits < year.size() && std::isdigit(static_cast<unsigned char>(year[digits]))) ++digits;
        const int64_t n = std::strtoll(year.substr(0, digits).c_str(), nullptr, 10);
        value = fmt::format("{}{}", n * r.Int(45, 85) / 100, year.substr(digits));
      } else if (r.Chance(300)) {
        if (KnownByJuly(ind.target, year)) {
          value = year;  // known already (a rate, a date, a grade) and judged as at year end
        } else {
          value = "未完成";  // not done by 31 July: the year's figure is the forecast
          forecast_text = year;
        }
      } else {
        forecast_text = year;  // only the year's forecast
      }
      if (value != "不适用") {
        if (r.Chance(250)) {
          const int64_t k = r.Int(0, 99);  // 确定能 80%, 有可能 17%, 完全不可能 3%
          likelihood = kLikelihoods[k < 80 ? 0 : k < 97 ? 1 : 2];
        }
        if (r.Chance(150)) {
          reasons = r.Pick(kReasons);
          ind_note = r.Pick(kLowRateReasons);
        }
      }
      if (csv) {
        fmt::format_to(std::back_inserter(*s), "{},{},{},{},{},{},{}\n", key, Cq(ind.name), Cq(value), Cq(ind_note),
                       Cq(forecast_text), likelihood, reasons);
        continue;
      }
      if (forecast_text.empty() && likelihood.empty() && reasons.empty()) {
        fmt::format_to(std::back_inserter(*s), "      {}: {}\n", Yq(ind.name), Yq(value));
        continue;
      }
      fmt::format_to(std::back_inserter(*s), "      {}:\n", Yq(ind.name));
      if (!value.empty()) fmt::format_to(std::back_inserter(*s), "        value: {}\n", Yq(value));
      if (!forecast_text.empty()) fmt::format_to(std::back_inserter(*s), "        forecast: {}\n", Yq(forecast_text));
      if (!likelihood.empty()) fmt::format_to(std::back_inserter(*s), "        likelihood: {}\n", likelihood);
      if (!reasons.empty()) fmt::format_to(std::back_inserter(*s), "        reasons: [{}]\n", reasons);
      if (!ind_note.empty()) fmt::format_to(std::back_inserter(*s), "        note: {}\n", Yq(ind_note));
    }
  }

  Options o_;
  std::set<std::string> names_;
  std::map<std::string, int> batches_;
};

}  // namespace

int main(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&]() -> const char* {
      if (i + 1 >= argc) Usage(fmt::format("{} needs a value", a).c_str());
      return argv[++i];
    };
    if (a == "--projects") {
      o.projects = ParseInt(value(), "--projects");
    } else if (a == "--seed") {
      o.seed = static_cast<uint64_t>(ParseInt(value(), "--seed"));
    } else if (a == "--out") {
      o.out = value();
    } else if (a == "--departments") {
      o.departments = ParseInt(value(), "--departments");
    } else if (a == "--per-file") {
      o.per_file = ParseInt(value(), "--per-file");
    } else if (a == "--progress") {
      o.progress = true;
    } else if (a == "-h" || a == "--help") {
      Usage(nullptr);
    } else {
      Usage(fmt::format("unknown argument: {}", a).c_str());
    }
  }
  if (o.projects < 1) Usage("--projects N (N >= 1) is required");
  if (o.out.empty()) Usage("--out DIR is required");
  if (o.per_file < 1) Usage("--per-file must be at least 1");
  if (o.departments < 0) o.departments = std::clamp<int64_t>(o.projects / 40, 1, 500);
  if (o.departments < 1) Usage("--departments must be at least 1");
  o.departments = std::min(o.departments, o.projects);
  Generator(o).Run();
  return 0;
}
