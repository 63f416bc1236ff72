// zhpolicy.h — everything zhpolicy offers, in one include.
//
// Usage:
//
//   #include <zhpolicy.h>
//
//   // Load the compiled lexicon once (mmap, ~ms); share it between threads.
//   const zhpolicy::Lexicon lexicon = zhpolicy::Lexicon::open("zhpolicy.zpl");
//   const zhpolicy::Segmenter segmenter(lexicon);
//
//   const std::string text = "全年实现地区生产总值1450亿元，增长6.1%。";
//   for (const zhpolicy::Token& t : segmenter.segment(text)) {
//     std::cout << zhpolicy::slice(text, t.span) << '/' << zhpolicy::to_string(t.kind) << ' ';
//   }
//   // 全年/word 实现/word 地区/word 生产总值/word 1450亿/number 元/word ...
//
// Token spans are byte offsets into `text`; the tokens tile it exactly.
#ifndef ZHPOLICY_H_
#define ZHPOLICY_H_

#include "zhpolicy/analyzer.h"
#include "zhpolicy/decimal.h"
#include "zhpolicy/document.h"
#include "zhpolicy/entities.h"
#include "zhpolicy/entity.h"
#include "zhpolicy/entity_type.h"
#include "zhpolicy/error.h"
#include "zhpolicy/export.h"
#include "zhpolicy/lexicon.h"
#include "zhpolicy/number.h"
#include "zhpolicy/numbers.h"
#include "zhpolicy/numeral.h"
#include "zhpolicy/pieces.h"
#include "zhpolicy/segmenter.h"
#include "zhpolicy/span.h"
#include "zhpolicy/target.h"
#include "zhpolicy/targets.h"
#include "zhpolicy/text.h"
#include "zhpolicy/token.h"
#include "zhpolicy/utf8.h"
#include "zhpolicy/version.h"

#endif  // ZHPOLICY_H_
