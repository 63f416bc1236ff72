// src/targets/cues.h — the words that tell how a number measures an
// indicator and whether a clause states a goal or a result. Normalized
// (Simplified) forms: the extractor reads the normalized view.
#ifndef ZHPOLICY_SRC_TARGETS_CUES_H_
#define ZHPOLICY_SRC_TARGETS_CUES_H_

#include <algorithm>
#include <string_view>

namespace zhpolicy {
namespace internal {
namespace target_cues {

template <size_t N>
bool in(const std::string_view (&words)[N], std::string_view w) {
  return std::find(std::begin(words), std::end(words), w) != std::end(words);
}

// A rise of the indicator (增长 5%) ...
constexpr std::string_view kIncrease[] = {"增长", "增加", "提高", "提升", "上升", "增", "扩大", "上涨",
                                          "攀升", "多增", "增长了", "提高了", "增加了", "新增", "拉动"};
// ... or its fall. Either followed by 到/至 gives the level reached (提高到 75%).
constexpr std::string_view kDecrease[] = {"下降", "降低", "减少", "压减", "缩减", "降", "减",
                                          "下滑", "回落", "压缩", "削减", "下降了", "减少了"};
constexpr std::string_view kReachWords[] = {"到", "至", "增至", "降至", "提高到", "提高至", "达到",
                                            "增加到", "提升到", "提升至", "下降到", "减少到", "缩小到",
                                            "缩小至", "减至", "扩大到", "扩大至"};
// What stands between an indicator and its number without being part of
// either (达到, 控制在, 分别, 同比 …).
constexpr std::string_view kLinks[] = {
    "达到", "达", "为", "是", "超", "超过", "突破", "逾", "约", "近", "接近", "控制", "控制在", "保持",
    "保持在", "稳定", "稳定在", "稳定在", "在", "至", "到", "分别", "均", "都", "同比", "比上年", "较上年",
    "比去年", "较去年", "年均", "平均", "累计", "共", "总计", "合计", "预计", "力争", "实现", "占", "提前",
    "已", "已经", "将", "要", "再", "每年", "高于", "低于", "不低于", "不超过", "不少于", "超出", "保持",
    "以上", "左右", "了", "总量", "按", "同口径", "规模", "首次", "历史性", "有望", "基本", "分别为", "持续", "连续"};
// Where a comparison opens (比上年, 较“十三五”时期): the indicator ends before it.
constexpr std::string_view kComparisons[] = {"较", "比", "同比", "比上年", "较上年", "比去年", "较去年",
                                             "环比", "相比"};
// A difference from another figure (快于全国 9.2 个百分点) measures no indicator.
constexpr std::string_view kDifferences[] = {"快于", "慢于", "高于", "低于", "超出", "多于", "少于"};
// Words that a clause opens with but that are not the indicator: cues of
// modality, time, scope, and light verbs (开展, 组织, 实施).
constexpr std::string_view kLeading[] = {
    "力争", "确保", "预计", "预期", "全年", "今年", "明年", "其中", "累计", "共", "实现", "完成", "开展",
    "组织", "实施", "推动", "推进", "加快", "持续", "进一步", "努力", "争取", "使", "让", "将", "要",
    "全省", "全市", "全区", "全自治区", "当年", "年内", "到", "在", "带动", "吸引", "目标", "主要",
    "是", "的", "和", "并", "同时", "此外", "另外", "以及", "及", "与", "一年来", "五年来", "过去",
    "去年", "上年", "已", "已经", "共计", "总计", "合计", "各类", "今后", "为", "有", "达",
    "新", "累计完成", "预期目标", "主要预期目标", "等", "一是", "二是", "三是", "四是", "五是", "六是",
    "七是", "八是", "九是", "十是", "提出", "按"};
// Programme parts counted, not measured (8项行动, 14个方面).
constexpr std::string_view kProgrammeParts[] = {"行动", "方面", "领域", "工程", "任务", "举措", "措施",
                                                "专项", "攻坚", "重点", "体系", "机制", "原则", "环节",
                                                "阶段", "步", "维度", "板块", "中心"};
// Units of time or sequence: these numbers say when or how long, not how much.
constexpr std::string_view kTimeUnits[] = {"年", "个月", "月", "天", "日", "周", "小时", "分钟", "秒",
                                           "岁", "周年", "届", "次", "期", "轮", "代", "季度", "批次"};
// Measure words of things built or counted: a number with one and a noun
// after it measures that noun (建设 5 家 省级概念验证中心).
constexpr std::string_view kCounters[] = {"个", "家", "所", "项", "座", "条", "处", "支", "只", "台", "套",
                                          "款", "种", "门", "件", "部", "批", "张", "间", "艘", "架", "片",
                                          "场", "栋", "本", "块", "名", "位", "户", "人", "万人", "对"};

// Modality cues in a clause: a goal ...
constexpr std::string_view kTargetCues[] = {"预期目标", "目标", "力争", "确保", "争取", "计划", "安排",
                                            "预计", "拟", "将", "要", "努力", "今年", "明年", "十五五",
                                            "年底前"};
// ... or a result.
constexpr std::string_view kActualCues[] = {"比上年", "同比", "比去年", "较上年", "去年", "上年", "过去",
                                            "一年来", "五年来", "累计", "完成了", "实现了", "已", "已经",
                                            "获评", "十四五", "增长了", "达到了", "提高了", "下降了",
                                            "首次", "历史性", "居全国", "位居", "排名", "分别增长",
                                            "较十三五"};
// Headings of the review of past years; other numbered headings plan.
constexpr std::string_view kReviewHeadingCues[] = {"回顾", "总结", "成就", "成效", "取得", "过去"};
// A title that names a plan (…工作要点, …实施方案): the whole text plans.
constexpr std::string_view kPlanTitleCues[] = {"要点", "计划", "安排", "规划", "方案", "目标", "任务"};

}  // namespace target_cues
}  // namespace internal
}  // namespace zhpolicy

#endif  // ZHPOLICY_SRC_TARGETS_CUES_H_
