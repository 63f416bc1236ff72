#include <catch2/catch.hpp>

#include <fstream>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "test_support.h"

using zhpolicy::EntityType;

namespace {

const zhpolicy::EntityExtractor& extractor() {
  static const zhpolicy::EntityExtractor ex(test::lexicon());
  return ex;
}

std::string show(const std::string& text) {
  std::string s;
  for (const auto& e : extractor().extract(text).entities) {
    s += "[" + std::string(zhpolicy::slice(text, e.span)) + " " + std::string(to_string(e.type)) + "]";
  }
  return s;
}

std::string listing(std::string_view text, const std::vector<zhpolicy::Entity>& es,
                    const std::vector<zhpolicy::Relation>& rs) {
  std::string s;
  for (const auto& e : es) s += "[" + std::string(zhpolicy::slice(text, e.span)) + " " + std::string(to_string(e.type)) + "]";
  for (const auto& r : rs) s += "(" + std::to_string(r.head) + "," + std::to_string(r.tail) + ")";
  return s;
}

void expect(const std::string& text, const std::string& expected) {
  INFO(text);
  CHECK(show(text) == expected);
}

// The mentions of the rules and the lexicon alone (not those only the
// learned model finds), for what a rule must not match.
void expect_rules(const std::string& text, const std::string& expected) {
  INFO(text);
  std::string s;
  for (const auto& e : extractor().extract(text).entities) {
    if (e.source == zhpolicy::EntitySource::kModel) continue;
    s += "[" + std::string(zhpolicy::slice(text, e.span)) + " " + std::string(to_string(e.type)) + "]";
  }
  CHECK(s == expected);
}

// The mentions of the rule pass with the model off: what a rule finds
// where the model would extend it (湖北 of 荆湖北).
void expect_rule_pass(const std::string& text, const std::string& expected) {
  INFO(text);
  static const zhpolicy::EntityExtractor rules(test::lexicon(), [] {
    zhpolicy::EntityOptions o;
    o.model = false;
    return o;
  }());
  std::string s;
  for (const auto& e : rules.extract(text).entities) {
    s += "[" + std::string(zhpolicy::slice(text, e.span)) + " " + std::string(to_string(e.type)) + "]";
  }
  CHECK(s == expected);
}

}  // namespace

TEST_CASE("entities: composed government bodies", "[entities][government]") {
  // A party committee's working departments, alone and after the committee,
  // and as the body of a title written with it.
  expect_rules("区委宣传部组织开展活动", "[区委宣传部 government]");
  // A party's body as one word of jieba's dictionary (中共湖南省委 nt).
  expect_rules("在中共湖南省委的领导下", "[中共湖南省委 government]");
  expect_rules("统战部部长王伟出席。", "[统战部部长 position][王伟 person]");
  // Departments named with 和 and commissions of cities (规划和自然资源局,
  // 经济和信息化委员会), and a zone's bureau (新区 管理局).
  expect_rules("市规划和自然资源局发布通知", "[市规划和自然资源局 government]");
  expect_rules("区住房和城乡建设委员会", "[区住房和城乡建设委员会 government]");
  expect_rules("海口江东新区管理局发布招商政策", "[海口江东新区管理局 government]");
  expect("民革渝中区委、区政协提案委", "[民革渝中区委 government][区政协提案委 government]");
  expect("九三学社渝中区委", "[九三学社渝中区委 government]");
  // A CPPCC committee named in full (经济委员会: its 委员 is no title); a
  // speech at the plenary is no meeting's name (作 大会 发言).
  expect_rules("全国政协经济委员会副主任杨伟民指出", "[全国政协经济委员会 government][副主任 position][杨伟民 person]");
  expect_rules("全国政协常委何报翔作大会发言", "[全国政协常委 position]");
  // A place's CPPCC committee is a state body, not an association by its 协.
  expect_rules("重庆市政协主席唐方裕率队视察", "[重庆市政协 government][主席 position][唐方裕 person]");
  // National bodies of earlier years that older reports name (重工业部,
  // 第一机械工业部), and the central government by its full name.
  expect_rules("重工业部和第一机械工业部联合发出通知", "[重工业部 government][第一机械工业部 government]");
  // A democratic party's committee of a place written 委会, and its central
  // committee; a post takes the rank written before it as a word (常务副).
  expect_rules("民革重庆市委会主委沈金强带队调研", "[民革重庆市委会 government][主委 position][沈金强 person]");
  expect_rules("民建中央副主席郝明金发言", "[民建中央 government][副主席 position][郝明金 person]");
  expect_rules("常务副市长张三出席", "[常务副市长 position][张三 person]");
  // A name of three with the verb the HMM glued to it (黄茂军作 政府工作报告).
  expect_rules("区委副书记、区长黄茂军作政府工作报告",
               "[区委副书记 position][区长 position][黄茂军 person][政府工作报告 document]");
  expect("区政协化龙桥街道联络委", "[区政协化龙桥街道联络委 government]");
  expect("市政协文化文史和学习委", "[市政协文化文史和学习委 government]");
  expect("成渝金融法院", "[成渝金融法院 government]");
  expect("在区委、区政府的领导下", "[区委 government][区政府 government]");
  // A place and its government or legislature are one body; the 人大 of the
  // title 人大代表 is not.
  expect("福建省政府发布", "[福建省政府 government]");
  expect("北京市人民政府", "[北京市人民政府 government]");
  expect("我们支持朝鲜政府的主张", "[朝鲜政府 government]");
  expect("他是北京市人大代表", "[北京市 place][人大代表 position]");
  // The level written before a body (省, 市, 区, 县), as its own word, inside
  // the body's token or glued to the word before by the segmenter (从市).
  expect("省发改委印发通知", "[省发改委 government]");
  expect("县公安局破获", "[县公安局 government]");
  // Departments the lists do not name as a level names them: the words of
  // their work and their kind (人力 社保局, 住房 城乡建设 委, 公安 分局);
  // not a common word ending in a kind (格局, 主办).
  expect_rules("区人力社保局举办了招聘会", "[区人力社保局 government]");
  expect_rules("区住房城乡建设委、区文化旅游委联合开展检查",
               "[区住房城乡建设委 government][区文化旅游委 government]");
  expect_rules("区公安分局破获了一起案件", "[区公安分局 government]");
  expect_rules("形成全市发展新格局", "");
  expect_rules("由市文化部门主办", "");
  // So after a division's full name (南山区 科创局); not a common word there.
  expect_rules("南山区科创局发布新一轮产业扶持政策", "[南山区科创局 government]");
  expect_rules("北京市大局稳定", "[北京市 place]");
  // The administration of a zone or a township after its place; a place
  // whose level opens the body's word (江北 区人民政府办公室).
  expect_rules("两江新区管委会与企业签约", "[两江新区管委会 government]");
  // The committee of the zone a text is about, by the zone's kind (高新区 管委会).
  expect_rules("高新区管委会与电子科技大学签订合作协议", "[高新区管委会 government]");
  expect_rules("经开区管委会召开会议", "[经开区管委会 government]");
  expect_rules("九龙坡区杨家坪街道办事处组织演练", "[九龙坡区 place][杨家坪街道办事处 government]");
  expect_rules("江北区人民政府办公室印发通知", "[江北区人民政府办公室 government]");
  // The name before a title opening with a level is the place it makes
  // with the level (观音桥街道), as 渝中 of 渝中区委书记; no person.
  expect_rules("杨家坪街道党工委书记主持会议", "[杨家坪 place][街道党工委书记 position]");
  // Commissions and offices by their full names, the level and the longest
  // body together (not 市 | 卫生健康委 …); a government's general office.
  expect_rules("由市发展和改革委员会负责", "[市发展和改革委员会 government]");
  expect_rules("市卫生健康委员会发布通知", "[市卫生健康委员会 government]");
  expect_rules("省人防办公室", "[省人防办公室 government]");
  expect_rules("浙江省人民政府办公厅印发", "[浙江省人民政府办公厅 government]");
  expect("记者从市卫健委获悉", "[记者 position][市卫健委 government]");
  expect("城市管理局", "[城市管理局 government]");
  // National bodies by official and short name, of today and of earlier
  // years (src/data/entities/government_national.txt).
  expect("国家金融监督管理总局发布通知", "[国家金融监督管理总局 government]");
  expect("证监会和中宣部联合部署", "[证监会 government][中宣部 government]");
  expect("原国家计委批复", "[国家计委 government]");
  // A name the lexicon has whole stays the lexicon's.
  {
    const std::string text = "区政协召开会议";
    const auto es = extractor().extract(text).entities;
    REQUIRE(es.size() == 1);
    CHECK(es[0].source == zhpolicy::EntitySource::kLexicon);
  }
}

TEST_CASE("entities: titles, names after them, and the links", "[entities][person][position]") {
  const std::string text = "渝中区委书记赵世庆,区委副书记、区长黄茂军";
  expect(text, "[渝中 place][区委书记 position][赵世庆 person][区委副书记 position][区长 position][黄茂军 person]");
  const auto r = extractor().extract(text);
  REQUIRE(r.relations.size() == 3);
  auto name = [&](uint32_t i) { return std::string(zhpolicy::slice(text, r.entities[i].span)); };
  CHECK(name(r.relations[0].head) == "赵世庆");
  CHECK(name(r.relations[0].tail) == "区委书记");
  CHECK(name(r.relations[1].head) == "黄茂军");
  CHECK(name(r.relations[2].head) == "黄茂军");
  // Bylines, and a name met with its title found again alone.
  expect("编辑:冉建苹 美编:吕燕", "[编辑 position][冉建苹 person][美编 position][吕燕 person]");
  expect("区政协主席陈大奎出席。陈大奎指出", "[区政协主席 position][陈大奎 person][陈大奎 person]");
  // Dictionary words after a title are not names; plural titles name nobody.
  expect("政协委员智慧", "[政协委员 position]");
  expect("委员们积极建言", "");
  expect("代表们积极建言", "");
  expect("各位政协委员们认真履职", "[政协委员 position]");  // a full title stays one in the plural
  // A name the HMM cut before a glued 说 (刘远/洪说); 听说 is a word.
  expect("刘远洪说，", "[刘远洪 person]");
  expect("他听说了", "");
  // A title inside a word of the lexicon is not a post (记者 of 记者会).
  expect_rules("市长举行记者会", "[市长 position]");
  // The verb after a titled name is no part of it, whatever the lexicon
  // calls the name's word (包钢, a steel works too); a particle is no given
  // name (党 is the party); a character right after a place is the place's
  // (阴山 段: the Yinshan section).
  expect_rules("自治区人民政府主席包钢作政府工作报告",
               "[自治区人民政府主席 position][包钢 person][政府工作报告 document]");
  expect_rules("习近平总书记党的十八大以来第五次亲临山西考察",
               "[习近平 person][总书记 position][党的十八大 meeting][山西 place]");
  expect_rules("重点推进贺兰山至阴山段沿黄岸线治理", "[贺兰山 place][阴山 place]");
  // A given name may end in a surname's character or an adjective (秦前 红),
  // when the three read more as a name; not an adverb (宋平 将).
  expect_rules("法学院教授秦前红认为", "[教授 position][秦前红 person]");
  expect_rules("主席宋平将出席", "[主席 position][宋平 person]");
}

TEST_CASE("entities: names without a title, as news writes them", "[entities][person]") {
  // Before a verb of speech or presence: unknown names, and words jieba tags
  // as names (nr), which alone are not trusted.
  expect_rules("刘慈欣出席了颁奖活动", "[刘慈欣 person]");
  expect_rules("王晓明报道", "[王晓明 person]");
  expect_rules("张海鹏表示", "[张海鹏 person]");
  // Without a surname: a word jieba tags as a (foreign) name, before a verb of speech.
  expect_rules("特朗普表示将加征关税", "[特朗普 person]");
  expect_rules("默克尔指出", "[默克尔 person]");
  // Before a title written after the name, a word jieba tags as a place too
  // (钟南山 is also a mountain), not a place the lexicon types (黄山).
  expect_rules("钟南山院士作报告", "[钟南山 person][院士 position]");
  expect_rules("黄山先生", "[黄山 place]");
  // Titles of state written after the name (李鹏 is a word jieba tags nr,
  // 克林顿 a foreign one); a body before the title stays no person.
  expect_rules("李鹏总理会见了日本客人", "[李鹏 person][总理 position][日本 place]");
  expect_rules("克林顿总统在白宫发表讲话", "[克林顿 person][总统 position][白宫 place]");
  expect_rules("国务院总理李强", "[国务院总理 position][李强 person]");
  expect_rules("党委书记", "[党委书记 position]");
  // Titles of trades and schools written after the name (news writes them so).
  expect_rules("张艺谋导演的新片获奖", "[张艺谋 person]");
  // Verbs of news about people: directing, starring, taking a post, arriving.
  expect_rules("张艺谋执导的电影", "[张艺谋 person]");
  expect_rules("王伟出任总经理", "[王伟 person][总经理 position]");
  // The verb whole, not a word it opens (称 of 称号); a verb of two or more
  // characters opening a phrase the lexicon holds whole (表示同意) is the verb.
  expect_rules("公司荣获称号", "");
  expect_rules("特朗普表示同意", "[特朗普 person]");
  // A verb or adverb the HMM glued to an unknown name (李华说, 孙浩已): the
  // name alone; an adverb only before a predicate and after two characters
  // the name model reads as a name (阿不都 is a transliteration).
  expect_rules("李华说，今年的收成比去年好。", "[李华 person]");
  expect_rules("志愿者孙浩已连续献血二十年", "[孙浩 person]");
  expect_rules("村民阿不都热合曼种植葡萄", "[阿不都 person]");
  // A compound surname written as a word of its own and a given name after
  // it (jieba tags 欧阳 a place); not 东方, a direction.
  expect_rules("欧阳娜娜在台北举办了音乐会", "[欧阳娜娜 person][台北 place]");
  expect_rules("欧阳建国是一名教师", "[欧阳建国 person]");
  expect_rules("东方红卫星发射成功", "");
  // A transliterated name opening a clause before a verb, preposition or
  // adverb, read by jieba's posseg HMM as such a name (古 特雷斯: an
  // adjective and an unknown word); the next of names joined by 与 too. Not
  // a common word (努力提高 reads far worse), nor an unknown pair the
  // segmenter did not know (多措).
  expect_rules("古特雷斯对局势升级表示关切", "[古特雷斯 person]");
  expect_rules("拜登与特朗普在白宫会面", "[拜登 person][特朗普 person][白宫 place]");
  expect_rules("努力提高自主创新能力", "");
  expect_rules("多措并举降成本", "");
  // A given name's last character the segmenter cut off (王楚 钦), read when
  // the three are far more name-like than not; after 的, a name of three
  // (大学的 潘建伟); a time word as a given name after a title (民警 赵 国庆);
  // 马克 龙: a common name word as a piece of a longer transliteration.
  expect_rules("孙颖莎和王楚钦获得混双冠军", "[孙颖莎 person][王楚钦 person]");
  expect_rules("大学的潘建伟团队发布了新成果", "[潘建伟 person]");
  expect_rules("民警赵国庆在巡逻中救下一名女子", "[赵国庆 person]");
  expect_rules("马克龙抵达北京", "[马克龙 person][北京 place]");
  // Kin and trades as news names people by them.
  expect_rules("张伟和妻子李娜开了一家店", "[张伟 person][李娜 person]");
  expect_rules("李明同学获得了一等奖", "[李明 person]");
  expect_rules("高中同学聚会", "");
  // A surname and a form of address or a title is no personal name (the
  // title is no given name): 王老师, 刘 医生; 周总理 keeps its title alone.
  expect_rules("王老师说,学生们很努力", "");
  expect_rules("刘医生介绍,病人已经康复", "");
  expect_rules("敬爱的周总理", "[总理 position]");
  // After an adverb the word is a predicate (爱戴 is a verb jieba tags nr).
  expect_rules("全省人民始终爱戴总书记", "[总书记 position]");
  // Listed with a name found, before or after it, with 、 or 和 (等人 closes a list).
  expect_rules("陈建华、赵丽颖、黄晓明等人出席", "[陈建华 person][赵丽颖 person][黄晓明 person]");
  // A list closed by 等 and a role names persons, though the names read
  // little as names; the model's place for one of them yields (余华).
  expect("莫言、余华等作家出席了论坛", "[莫言 person][余华 person]");
  expect("高水平、高质量等要求", "");
  expect_rules("张伟和李娜参加了会议", "[张伟 person][李娜 person]");
  // As a clause's subject (after a mark, before a one-character adverb,
  // preposition or 是) on weaker evidence of its characters, not a verb glued on
  // (鸣 of 苏翊鸣); common words jieba tags as names stay words there.
  expect_rules("谷爱凌获得金牌，苏翊鸣也收获了奖牌", "[谷爱凌 person][苏翊鸣 person]");
  expect_rules("刘翔在比赛中夺得冠军", "[刘翔 person]");
  expect_rules("这次斗争以后，饶漱石是人民的罪人", "[饶漱石 person]");
  // Or before a verb or time word of two characters (a word jieba tags nrfg).
  expect_rules("邓稼先生前长期在青海工作", "[邓稼先 person][青海 place]");
  expect_rules("，幸福感持续增强", "");
  // A given name of one character written twice, cut in two or one word
  // (呦 呦, 冰冰), on weaker evidence; not a common pair (层层).
  expect_rules("屠呦呦团队取得新进展", "[屠呦呦 person]");
  expect_rules("谢娜娜和王丽丽参加了比赛", "[谢娜娜 person][王丽丽 person]");
  expect_rules("各级层层落实责任", "");
  // Before 团队, the team named after its head, as before a title written
  // after a name (钟南山 is a mountain too); not a common word (科研团队).
  expect_rules("钟南山团队发布了新的诊疗指南", "[钟南山 person]");
  expect_rules("颜宁团队在期刊发表论文", "[颜宁 person]");
  expect_rules("科研团队在期刊发表论文", "");
  // A word of three jieba tags as a name, as a clause's subject, whatever its
  // characters read as; not a common word and a character (高水平: 水平) nor
  // a landform's name (惠济河; but given names end in 山 too: 赵本山). Before
  // 的 too, the name's work following.
  expect_rules("华罗庚自学成才", "[华罗庚 person]");
  expect_rules("詹天佑设计了京张铁路", "[詹天佑 person]");
  expect_rules("赵本山的小品多次登上春节联欢晚会", "[赵本山 person]");
  expect_rules("，高水平的人才队伍", "");
  expect_rules("，高水平推进改革", "");
  for (const auto& e : extractor().extract("涡河治理工程、惠济河治理工程").entities) CHECK(e.type != EntityType::kPerson);
  expect_rules("幸福感不断增强，高水平在这里", "");
  // No context, no name: a dictionary nr word alone, or after a title...
  expect_rules("智慧和力量", "");
  expect_rules("政协委员智慧和力量的体现", "[政协委员 position]");
  // ... unless its characters are far more name-like than a word's (person_names.h).
  expect_rules("王洪文张春桥", "[王洪文 person][张春桥 person]");
  // Villages and streets named after a family are not persons (王家坝, 李村),
  // a name ending in 桥 is (张春桥, above).
  // (The model may call them places.)
  for (const auto& e : extractor().extract("王家坝、李村等村").entities) CHECK(e.type != EntityType::kPerson);
}

TEST_CASE("entities: common words jieba's dictionary tags as names are no persons", "[entities][person]") {
  // 养老 nr after the role noun 老人, 城市 after 游客 (and not again at every
  // 城市 of the text), a reduplication after a title (殷殷 nr), a phrase
  // opening with an adverb (从严治党 nr), a coinage before 分别.
  expect("实施好失能老人养老服务消费补贴项目", "");
  expect("游客城市越来越多。城市建设加快。", "");
  expect("牢记习近平总书记殷殷嘱托", "[习近平 person][总书记 position]");
  expect("贯彻全面从严治党要求", "");
  expect("普惠率分别达96%", "");
  // Firms by the short or brand names news uses; not a developer's name
  // opening an estate's (恒大 of 恒大云邸).
  expect_rules("三一重工、中联重科海外营收增长", "[三一重工 company][中联重科 company]");
  expect_rules("宁德时代发布新电池", "[宁德时代 company]");
  // Cities of the world that datelines name (not read as persons), and a
  // preposition jieba's dictionary glues to a place as a "name" (从博鳌 nr).
  expect_rules("记者从曼彻斯特报道", "[记者 position][曼彻斯特 place]");
  expect_rules("记者从博鳌报道", "[记者 position][博鳌 place]");
  // After a verb of going the word is the place gone to, no subject.
  expect_rules("他飞往图森参加比赛", "");
  // Foreign media and international bodies news cites.
  expect_rules("据彭博社消息", "[彭博社 organization]");
  expect_rules("世界粮食计划署发出呼吁", "[世界粮食计划署 organization]");
  // Leaders of world politics by the names news uses, without a title; no
  // Chinese name of two characters is listed (韩正 of 中韩正式).
  expect_rules("朔尔茨与默茨会面", "[朔尔茨 person][默茨 person]");
  expect_rules("埃尔多安和内塔尼亚胡通电话", "[埃尔多安 person][内塔尼亚胡 person]");
  expect_rules("中韩正式建交", "");
  // A word ending in an institution's head word (天文台 nr) before a verb.
  expect_rules("天文台发布观测结果", "");
  // Names after the same titles stay names.
  expect("四川省阿坝州的牧民扎西家里新建了光伏电站", "[四川省 place][阿坝州 place][扎西 person]");
  expect("俄罗斯总统普京举行会谈", "[俄罗斯 place][总统 position][普京 person]");
}

TEST_CASE("entities: names after the titles news writes", "[entities][person]") {
  // Chinese names, a surname cut off with single characters, the unnamed 王某.
  expect_rules("主教练李铁宣布名单", "[李铁 person]");
  expect_rules("村民张大山说", "[张大山 person]");
  expect_rules("本报记者 戴冰摄", "[记者 position][戴冰 person]");  // 摄 glued by the HMM
  expect_rules("被告人王某某当庭认罪", "[王某某 person]");
  // Foreign names: the tokens up to a verb or mark, with a word jieba tags
  // as a proper noun among them (the segmenter cuts them: 马克 龙).
  // The title is a position, its country a place of its own (the gold README: 美国 + 总统).
  expect_rules("英国首相斯塔默说", "[英国 place][首相 position][斯塔默 person]");
  // The gold README's own examples: a title with its body is one position,
  // a country's state bodies are government.
  expect_rules("国家主席习近平", "[国家主席 position][习近平 person]");
  expect_rules("中共中央政治局常委王沪宁", "[中共中央政治局常委 position][王沪宁 person]");
  expect_rules("美国国会通过", "[美国国会 government]");
  // A place of our lists does not start inside a word jieba tags a place
  // (湖南 of 荆湖南), unless one of ours comes before it there (中国 台湾).
  expect_rule_pass("设荆湖南、荆湖北两路", "[湖北 place]");
  expect_rules("中国台湾", "[中国 place][台湾 place]");
  expect_rules("埃及外交部发言人", "[埃及 place][外交部发言人 position]");  // 发言人 a title: the body and it one position (美国 + 总统)
  expect_rules("法国总统马克龙与德国总理通话", "[法国 place][总统 position][马克龙 person][德国 place][总理 position]");
  // A word of the lexicon that names nothing ends the name.
  expect_rules("随后英国首相斯塔默举行记者会", "[英国 place][首相 position][斯塔默 person]");
  // Not a function word, verb or phrase after the title.
  expect_rules("记者从市卫健委获悉", "[记者 position][市卫健委 government]");
  expect_rules("收购农民余粮等", "");
  expect_rules("游客量创新高", "");
  expect_rules("院士团队的成果", "[院士 position]");  // a title alone, as 记者
  // Transliterations of six or seven characters, the segmenter's pieces each
  // a name's word or unknown, one tagged a transliterated name (nrt).
  expect_rules("北约秘书长斯托尔滕贝格访问了华盛顿", "[北约秘书长 position][斯托尔滕贝格 person][华盛顿 place]");
  expect_rules("总裁格奥尔基耶娃表示担忧", "[总裁 position][格奥尔基耶娃 person]");
  // One that opens with a surname's character goes on past the Chinese reading.
  expect_rules("主席冯德莱恩抵达布鲁塞尔", "[主席 position][冯德莱恩 person][布鲁塞尔 place]");
  // A surname cut off before a word (广昌 is a county) when the three read as a name;
  // not before a form of address.
  expect_rules("董事长郭广昌接受采访", "[董事长 position][郭广昌 person]");
  expect_rules("局长陈同志说", "[局长 position]");
  expect_rules("部长刘昆主持会议", "[部长 position][刘昆 person]");
}

TEST_CASE("entities: titles of state, diplomacy and learning; names joined by a middle dot", "[entities][position]") {
  expect("国务院总理李强", "[国务院总理 position][李强 person]");  // body and title together: one position
  expect("美国国务卿布林肯", "[美国 place][国务卿 position][布林肯 person]");
  expect("清华大学教授张三", "[清华大学 organization][教授 position][张三 person]");
  // A verb after a name and its title is the sentence's (将 of 宋平将).
  expect("国务院副总理宋平将出席会议", "[国务院副总理 position][宋平 person]");
  expect("微软公司创始人比尔·盖茨访问了北京大学",
         "[微软公司 company][比尔·盖茨 person][北京大学 organization]");
  expect("马丁·路德·金发表演讲", "[马丁·路德·金 person]");
  expect("纳尔逊·曼德拉当选总统", "[纳尔逊·曼德拉 person][总统 position]");
  // A first name the segmenter cut into pieces, back to the person the rules
  // found in it, and a common word after the dot of such a name (jieba tags
  // 热合 a verb, 买买提 a common noun).
  expect_rules("村民阿不都热合曼·买买提种植的葡萄获得丰收", "[阿不都热合曼·买买提 person]");
  expect_rules("记者张三和李四·王五报道", "[记者 position][张三 person][李四·王五 person]");
  // A part the segmenter cut into pieces that read as a transliteration
  // together (吐 尼亚 孜, 埃马 纽埃 尔); never over a verb (苏纳克 宣布).
  expect("主席艾尔肯·吐尼亚孜出席会议", "[主席 position][艾尔肯·吐尼亚孜 person]");
  expect("埃马纽埃尔·马克龙抵达北京", "[埃马纽埃尔·马克龙 person][北京 place]");
  expect("他提到了塞巴斯蒂安·库尔茨。", "[塞巴斯蒂安·库尔茨 person]");
  expect("里希·苏纳克宣布辞职", "[里希·苏纳克 person]");
  // A rare common noun beside a part the lexicon does not know that reads
  // as a transliteration (艾力·买买提); not two common words (鼎好·世纪星城).
  expect_rules("喀什的艾力·买买提开起了网店", "[喀什 place][艾力·买买提 person]");
  // Where the last piece may go on into a coinage, no part of the name is one.
  expect("阿里木江·艾海提是一名医生", "");
  // Common words joined by the dot are a title's, not a name (记忆·山城).
  expect("升级《记忆·山城》等品牌演艺", "[记忆·山城 document]");
  expect("鼎好·世纪星城四期", "");
}

TEST_CASE("entities: a division's body by the division's full name", "[entities][government]") {
  // One body, as a place and its government are (福建省政府, 成渝金融法院).
  expect_rules("重庆市公安局破获一起诈骗案", "[重庆市公安局 government]");
  expect_rules("四川省教育厅发布通知", "[四川省教育厅 government]");
  expect_rules("渝中区政协召开会议", "[渝中区政协 government]");
  // A court numbered after its place.
  expect_rules("北京市第一中级人民法院依法审理此案", "[北京市第一中级人民法院 government]");
  // Not a body that opens a title: the place and the title (江北区 政协委员).
  expect_rules("江北区政协委员张华", "[江北区 place][政协委员 position][张华 person]");
}

TEST_CASE("entities: firms by the trade their name ends in", "[entities][company]") {
  // Bookshops, hotels, drug makers, appliance makers after a name (新华书店,
  // 锦江饭店, 扬子江药业, 格力电器); not a kind (一家 酒店).
  expect_rules("新华书店举办读书活动", "[新华书店 company]");
  expect_rules("扬子江药业和格力电器", "[扬子江药业 company][格力电器 company]");
  expect_rules("住进了一家酒店", "");
}

TEST_CASE("entities: firms listed with a firm found", "[entities][company]") {
  // A word the lexicon does not know or tags a rare proper noun (中兴 of a
  // list closed by 等企业; 庆铃); not a phrase (鲜食 玉米), a word of a kind.
  expect_rules("支持华为、中兴、小米等企业发展", "[华为 company][中兴 company][小米 company]");
  expect_rules("加快比亚迪、庆铃等商用车项目", "[比亚迪 company][庆铃 company]");
  expect_rules("华为、政府和高校", "[华为 company]");
}

TEST_CASE("entities: firms jieba's dictionary names whole", "[entities][company]") {
  expect("波音公司发布新机型", "[波音公司 company]");
  expect("东风汽车公司", "[东风汽车公司 company]");
  // Kinds of firm, not names: of a place, of an action, banks and groups by kind.
  expect("上市公司数量", "");
  expect("美国公司在欧洲投资", "[美国 place][欧洲 place]");
  expect("国有商业银行改革", "");
  expect("境内上市公司达到100家", "");
  expect("民生轮船公司", "[民生轮船公司 company]");
  // Kinds of insurance are no insurers (养老保险 is a common noun); a place names one.
  expect("完善基本养老保险制度", "");
  expect("推进新型农村社会养老保险试点", "");
  expect("太平洋保险", "[太平洋保险 company]");
  // An institution named by its level, an ordinal and common words, with a
  // campus named after it; not a kind of institution (县医院, 省重点实验室).
  expect_rules("县人民医院与华西医院签订协议", "[县人民医院 organization][华西医院 organization]");
  expect_rules("市第一人民医院", "[市第一人民医院 organization]");
  expect_rules("市第三中心医院东丽院区建成", "[市第三中心医院东丽院区 organization]");
  expect_rules("建设省产业技术研究院", "[省产业技术研究院 organization]");
  expect_rules("加强县医院建设", "");
  expect_rules("建成省重点实验室10个", "");
  // A firm's name before a title only firms have; not a person's, nor a common word.
  expect("比亚迪董事长王传福接受采访", "[比亚迪 company][董事长 position][王传福 person]");
  expect("王传福董事长表示", "[王传福 person][董事长 position]");
  expect("公司董事长张三", "[董事长 position][张三 person]");
  // (An association's name, ending in 会, is an organization's there.)
  expect_rules("海基会董事长辜振甫", "[海基会 organization][董事长 position][辜振甫 person]");
  // Foreign firms named with their country's short name: one name, no place.
  expect_rules("中国石化与沙特阿美签署合作协议", "[中国石化 company][沙特阿美 company]");
  // China's largest steel works by their short names (宝钢 nr in jieba's dictionary).
  expect("上海宝钢去年钢产量突破一千万吨", "[上海 place][宝钢 company]");
  // The group or a branch's country in parentheses before the legal form;
  // a group's 公司; not a parenthesis of anything else.
  expect_rules("华润（集团）有限公司在深圳召开会议", "[华润（集团）有限公司 company][深圳 place]");
  // A legal name with words of the trade and rank that read as verbs,
  // adjectives or ordinals, and a group's name before its legal form.
  expect_rules("中芯国际集成电路制造有限公司公布业绩", "[中芯国际集成电路制造有限公司 company]");
  expect_rules("浙江吉利控股集团有限公司发布公告", "[浙江吉利控股集团有限公司 company]");
  expect_rules("中国建筑第八工程局有限公司承建的项目竣工", "[中国建筑第八工程局有限公司 company]");
  // Not a legal form with no name before the words crossed.
  expect_rules("注册成立有限公司", "");
  expect_rules("公司与戴尔（中国）有限公司合作", "[戴尔（中国）有限公司 company]");
  expect_rules("海尔集团公司与青岛市签约", "[海尔集团公司 company][青岛市 place]");
  expect_rules("建立（健全）有限公司制度", "");
  // A list of firms closed by their rank (等 重点 外企); not a list of trades.
  expect("促进诺和诺德、碧迪等重点外企扩大投资", "[诺和诺德 company][碧迪 company]");
  expect_rules("支持钢铁、化工、建材等重点企业", "");
}

TEST_CASE("entities: meetings", "[entities][meeting]") {
  expect("区政协十五届二次会议举行", "[区政协十五届二次会议 meeting]");
  expect("区委十三届十次全会", "[区委十三届十次全会 meeting]");
  // The body written after the edition (五届人大四次会议); a place before the
  // edition opens the name (广西壮族自治区第十四届…).
  expect_rules("根据五届人大四次会议的决定", "[五届人大四次会议 meeting]");
  expect_rules("在广西壮族自治区第十四届人民代表大会第五次会议上",
               "[广西壮族自治区第十四届人民代表大会第五次会议 meeting]");
  expect("区第十三次党代会", "[区第十三次党代会 meeting]");
  // The party's national congresses and plenums and the CPPCC's sessions
  // with their owner, written out (not the party and a meeting apart).
  expect_rules("中国共产党第二十次全国代表大会在北京召开", "[中国共产党第二十次全国代表大会 meeting][北京 place]");
  expect_rules("党的第十次全国代表大会以来", "[党的第十次全国代表大会 meeting]");
  expect_rules("中国共产党第十一届中央委员会第三次全体会议", "[中国共产党第十一届中央委员会第三次全体会议 meeting]");
  expect_rules("中国人民政治协商会议第十四届全国委员会第二次会议",
               "[中国人民政治协商会议第十四届全国委员会第二次会议 meeting]");
  expect("办好第四届中国工业软件大会", "[第四届中国工业软件大会 meeting]");
  expect("党的二十大精神", "[党的二十大 meeting]");
  // The edition and the host written before a meeting belong to its name.
  expect("举办第九届进博会", "[第九届进博会 meeting]");
  expect("争取在第１２届亚运会取得好成绩", "[第１２届亚运会 meeting]");
  expect("做好2008年北京奥运会的准备工作", "[北京奥运会 meeting]");
  expect("第届亚运会", "[亚运会 meeting]");
  // Sessions a body numbers, with the body and its term in the name; not a
  // study session, nor a number of times (第五次 普查).
  expect_rules("十四届全国人大常委会第十三次会议在京闭幕", "[十四届全国人大常委会第十三次会议 meeting][京 place]");
  expect_rules("国务院第九次常务会议研究部署工作", "[国务院第九次常务会议 meeting]");
  expect_rules("中国科协第十次全国代表大会开幕", "[中国科协第十次全国代表大会 meeting]");
  expect_rules("上海合作组织成员国元首理事会第二十五次会议举行", "[上海合作组织成员国元首理事会第二十五次会议 meeting]");
  expect_rules("全国政协十四届常委会第十次会议召开", "[全国政协十四届常委会第十次会议 meeting]");
  expect_rules("中共中央政治局第十次集体学习", "[中共中央政治局 government]");
  expect_rules("国务院第五次全国经济普查", "[国务院 government]");
}

TEST_CASE("entities: documents", "[entities][document]") {
  expect("《稳外贸稳外资提升渝中开放水平和质量》", "[稳外贸稳外资提升渝中开放水平和质量 document]");
  expect("重庆市渝中区人民政府工作报告", "[重庆市渝中区人民政府工作报告 document]");
  expect("对区政府工作报告的意见", "[区政府工作报告 document]");
  // A place's full name before it, whose 区 is no level of its own.
  expect_rules("2026年广西壮族自治区政府工作报告", "[广西壮族自治区政府工作报告 document]");
  expect_rules("内蒙古自治区政府工作报告", "[内蒙古自治区政府工作报告 document]");
  // Five-year plans by their number, with the economy and the place of the title.
  expect_rules("全面实现第六个五年计划", "[第六个五年计划 document]");
  expect_rules("在第二个和第三个五年计划期间", "[第三个五年计划 document]");
  expect_rules("河北省国民经济和社会发展第十五个五年规划纲要", "[河北省国民经济和社会发展第十五个五年规划纲要 document]");
  expect_rules("第三个五年的时候", "");
  // Named by what they are about, after the verb that issues them; not a
  // document nothing names, nor one only described (…的实施细则).
  expect_rules("制定2030年前碳排放达峰行动方案。", "[2030年前碳排放达峰行动方案 document]");
  expect_rules("研究制定和实施国家中长期人才发展规划", "[国家中长期人才发展规划 document]");
  expect_rules("出台关于保障性安居工程建设和管理的指导意见", "[关于保障性安居工程建设和管理的指导意见 document]");
  expect_rules("研究制定实施方案", "");
  expect_rules("制定具有可操作性的实施细则", "");
}

TEST_CASE("entities: slogans, quoted and numbered, but not scare quotes", "[entities][slogan]") {
  expect("深入实施“满天星”计划", "[满天星 slogan]");
  expect("打造“一核三带六园区”", "[一核三带六园区 slogan]");
  expect("精心打造一核三带六园区", "[一核三带六园区 slogan]");
  // An amount is no numbered slogan, written out or in quotes.
  expect_rules("进出口总额达到一千二百零一亿元", "");
  expect_rules("财政收入达到“三千零五十万元”", "");
  expect_rules("实施“十四五”规划", "[十四五 slogan]");
  expect("坚决拥护“两个确立”", "[两个确立 slogan]");
  expect("增强四个意识", "[四个意识 slogan]");
  expect("用“国际范+烟火气”解码", "[国际范+烟火气 slogan]");
  // Numbered formulas of earlier decades, which older reports cite.
  expect_rules("坚持四项基本原则，实现四个现代化", "[四项基本原则 slogan][四个现代化 slogan]");
  // Each part of a formula joined by + counts as one (no clause however long).
  expect_rules("打造“研发+中试+量产+产业化应用”链条", "[研发+中试+量产+产业化应用 slogan]");
  // A place with a common word in quotes is the place's brand; a body with
  // one is emphasis (the CPPCC's wisdom).
  expect_rules("擦亮“天津标准”和“重庆品牌”", "[天津标准 slogan][重庆品牌 slogan]");
  expect_rules("汇聚“政协智慧”", "[政协 government]");
  expect("工作的“温度”", "");
  // Digits and what joins them name a day, a hotline or a code, not a programme.
  expect_rules("高效完成“8·2”抢险和“12345”热线工作", "");
  expect_rules("守住耕地保护“红线”", "");
  // A quoted verb names a campaign or a principle; a proper noun jieba
  // knows names a programme.
  expect_rules("把“严打”斗争深入持久地开展下去", "[严打 slogan]");
  expect_rules("落实“并重”要求，支持政协“金点子”", "[并重 slogan][政协 government][金点子 slogan]");
  expect("“串起来”", "");
  expect("“舌尖上的安全”", "");
  expect("“11241”现代产业体系", "");
  // A body with a common word is emphasis; the body stays.
  expect("贡献“人大力量”", "[人大 government]");
  // A phrase ending in a programme noun names a programme, however long.
  expect("上线“企业诉求一站式在线办理平台”", "[企业诉求一站式在线办理平台 slogan]");
  expect("打造“15分钟便民生活服务圈”", "[15分钟便民生活服务圈 slogan]");
  expect("“我们要把好事办好的平台”", "");  // a clause with 的
}

TEST_CASE("entities: places, organizations, companies", "[entities][place]") {
  expect("持续提升解放碑—朝天门世界知名商圈", "[解放碑 place][朝天门 place]");
  expect("九三学社", "[九三学社 organization]");
  // International bodies are organizations, whatever their names end in.
  expect("七十七国集团发表声明,欧盟表示欢迎", "[七十七国集团 organization][欧盟 organization]");
  // The European Union's commission and the international courts by name
  // (parliaments are government bodies, the European one too).
  expect_rules("欧盟委员会和欧洲议会发表联合声明", "[欧盟委员会 organization][欧洲议会 government]");
  expect_rules("国际刑事法院发出逮捕令", "[国际刑事法院 organization]");
  expect("区侨联", "[区侨联 organization]");
  // News agencies are media, organizations; a foreign minister's titles.
  expect("据法新社报道", "[法新社 organization]");
  // Teams, parties, media and bodies named by a place and what they are:
  // words jieba tags nt or nz, or the place and the kind as two words.
  expect("中国女排战胜了巴西队", "[中国女排 organization][巴西队 organization]");
  expect("中国足协作出处罚", "[中国足协 organization]");
  // A hospital attached to a university, found apart, is one name with it.
  expect_rules("复旦大学附属华山医院的医生提醒市民", "[复旦大学附属华山医院 organization]");
  expect_rules("上海交通大学医学院附属瑞金医院专家", "[上海交通大学医学院附属瑞金医院 organization]");
  // (The place and 队 as one word jieba tags n.)
  expect("以三比一战胜古巴队", "[古巴队 organization]");
  // A state's mission in another, whole: the place, 驻, the host, the
  // mission (or one word jieba tags nt); 驻美国使馆 is China's. Not a
  // host of one character without the state (新增 驻渝 总领事馆: any).
  expect("中国驻美国大使馆发表声明", "[中国驻美国大使馆 government]");
  expect("美国驻华大使馆发表声明", "[美国驻华大使馆 government]");
  expect("中国驻南斯拉夫大使馆遭到轰炸", "[中国驻南斯拉夫大使馆 government]");
  expect_rules("我国驻美国使馆提醒", "[驻美国使馆 government]");
  expect_rules("力争新增驻渝总领事馆2个", "[渝 place]");
  expect("美国共和党和英国工党", "[美国共和党 organization][英国工党 organization]");
  expect("湖南卫视播出晚会", "[湖南卫视 organization]");
  // An address is its divisions and the name (the gold's 化隆县 谢家滩乡),
  // not a place whole; a name of a kind after the division is one (滁州
  // 保税物流中心: 滁州 is no level; 兴安盟 现代畜牧业试验区).
  expect("广州市天河区珠江新城", "[广州市 place][天河区 place][珠江新城 place]");
  expect("建设兴安盟现代畜牧业试验区", "[兴安盟现代畜牧业试验区 place]");
  // A name takes its level written after it; a division does not (its communities).
  expect("在朝天门社区开展试点", "[朝天门社区 place]");
  expect("加强渝中区社区治理", "[渝中区 place]");
  // A coinage the HMM opened with the level of the word before is no name (风貌 区开 街).
  expect("推动十八梯传统风貌区开街运营", "[十八梯 place]");
  expect("休斯敦火箭队获胜", "[休斯敦火箭队 organization]");  // a team: place, name and 队 as one word
  expect("援藏工作队返回", "[藏 place]");  // not after a place of one character
  expect("据长江日报报道", "[长江日报 organization]");
  expect_rules("中美上海公报的原则", "[上海 place]");  // a communiqué, no newspaper
  expect("香港特区政府表示欢迎", "[香港特区政府 government]");
  expect("中国移动发布年报", "[中国移动 company]");
  expect("中西部地区", "");  // a region's part, no body
  // Parties named alone are organizations (the gold README), but not the
  // parties as a class (民主党派), whose word the name is cut from.
  expect("国民党和民进党", "[国民党 organization][民进党 organization]");
  expect("向各民主党派表示感谢", "");
  expect("美联储宣布加息", "[美联储 government]");
  // International bodies as data; a country's ministries; clubs and organizing committees.
  expect("国际能源署和经合组织下调预期", "[国际能源署 organization][经合组织 organization]");
  expect("联合国开发计划署提供援助", "[联合国开发计划署 organization]");
  expect("日本防卫省发表声明", "[日本防卫省 government]");
  expect("美国财政部宣布制裁", "[美国财政部 government]");
  expect("上海申花俱乐部宣布签约", "[上海申花俱乐部 organization]");
  expect("北京冬奥组委召开发布会", "[北京冬奥组委 organization]");
  expect_rules("中华慈善总会发起倡议", "[中华慈善总会 organization]");
  expect_rules("中国残奥委会派出代表团", "[中国残奥委会 organization]");
  expect_rules("他去了夜总会", "");
  // A body's term does not take the first character of a common word (商务 部门, 建设 部署).
  expect("市商务部门", "");
  expect("落实建设部署要求", "");
  expect("商务部发布数据", "[商务部 government]");
  // Schools and hospitals are numbered; schools by 中学/小学 are names only so.
  expect("北京市第四中学的学生", "[北京市第四中学 organization]");
  // Schools named without a number: by a place (衡水 中学), or after one
  // (郑州 外国语 学校); not kinds (全日制 学校, 乡镇 中学, 北京市 学校).
  expect_rules("衡水中学的学生在竞赛中获奖", "[衡水中学 organization]");
  expect_rules("郑州外国语学校获评文明校园", "[郑州外国语学校 organization]");
  expect_rules("办好全日制学校、乡镇中学和民办学校", "");
  expect_rules("与北京市学校结对办学", "[北京市 place]");
  // A level written alone opens its body's name (投用 | 市 第三 人民 医院).
  expect_rules("建成投用市第三人民医院新院区", "[市第三人民医院 organization]");
  expect("北京市第一百零一中学", "[北京市第一百零一中学 organization]");  // the digits of 第十五届 too
  expect("浙江大学医学院附属第二医院完成手术", "[浙江大学医学院附属第二医院 organization]");
  expect("推进农村中学建设", "");
  // Venues by their head words; a kind of venue is no name (市级 体育馆).
  expect("比赛在五棵松体育馆举行", "[五棵松体育馆 place]");
  expect_rules("两队在虹口足球场战平", "[虹口足球场 place]");
  // Sites named by a date or a word jieba reads as a numeral (二七, 三星堆 m);
  // not a count of sites (三个 广场, 五个 新城).
  expect_rules("市民在二七广场跳舞", "[二七广场 place]");
  expect_rules("三星堆博物馆新馆开馆", "[三星堆博物馆 place]");
  expect_rules("建设三个广场和五个新城", "");
  expect_rules("邮轮在上海吴淞口国际邮轮港启航", "[上海吴淞口国际邮轮港 place]");
  expect("建设市级体育馆和全民健身中心", "");
  // A word of grade or class makes a kind of body, not a name.
  expect_rules("推动央企二三级公司落户", "");
  expect_rules("建设高水平理工类中外合作大学", "");
  expect_rules("提升市州级医院服务能力", "");
  expect_rules("建设紧密型城市医疗集团", "");
  // A firm's legal form written after its name is part of it.
  expect("中国工商银行股份有限公司发布年报", "[中国工商银行股份有限公司 company]");
  expect("阿里巴巴集团控股有限公司发布公告", "[阿里巴巴集团控股有限公司 company]");
  expect("长江三峡集团公司在宜昌召开会议", "[长江三峡集团公司 company][宜昌 place]");  // 集团公司 one word
  expect("推进国有企业集团公司改革", "");
  expect("日本外相表示", "[日本 place][外相 position]");
  // A spokesperson is a title (外交部 + 发言人 one position, the name after it a person);
  // exchanges and attached schools by their head words.
  expect("外交部发言人汪文斌回答提问", "[外交部发言人 position][汪文斌 person]");
  expect("上海证券交易所运行平稳", "[上海证券交易所 organization]");
  expect("清华大学附属中学", "[清华大学附属中学 organization]");
  // Landmarks and states of the past as data; the world's places CLDR names otherwise.
  expect("在中南海紫光阁会见", "[中南海 place][紫光阁 place]");
  expect("苏联和捷克斯洛伐克", "[苏联 place][捷克斯洛伐克 place]");
  // Doctrines are no places, whatever jieba's tags (马克思列宁主义 ns).
  expect("坚持马克思列宁主义、毛泽东思想", "[毛泽东 person]");
  expect("鼓励民生轮船公司、重庆公运集团", "[民生轮船公司 company][重庆公运集团 company]");
  expect("升级文图大厦", "[文图大厦 place]");
  expect("建设口袋公园", "");  // a kind of park, not a name
  expect("完成双钢路改造", "[双钢路 place]");
  // Streets, new towns and museums by their head words; a name does not
  // run across a time word (jieba tags 前往 t).
  expect("他前往王府井大街", "[王府井大街 place]");
  expect("南京路步行街人头攒动", "[南京路步行街 place]");
  expect("珠江新城的夜景", "[珠江新城 place]");
  // A place the rules found whole with its head word is not extended by a
  // common word after it (the model had read 密云水库水源).
  expect("落实密云水库水源保护条例", "[密云水库 place]");
  expect("重庆(化龙桥)国际商务区建设", "[重庆(化龙桥)国际商务区 place]");
  expect("成立重庆(渝中)法律服务中心", "[重庆(渝中)法律服务中心 organization]");
  expect("与腾讯电竞合作", "[腾讯电竞 company]");
  expect("外资银行保险重庆行活动", "[重庆 place]");  // a kind of business is no company
  // Central state-owned enterprises by short name (company_central.txt);
  // not where the name's characters begin a common phrase or word.
  expect("中石化与国家管网签约", "[中石化 company][国家管网 company]");
  expect("中国建筑业增加值增长", "[中国 place]");
  expect("在审核过程中核实情况", "");
  expect_rules("支持国网、华电等央企", "[国网 company][华电 company]");
  expect_rules("统一汽车标准", "");  // 一汽 of 统一/汽车
  expect("建设“大田湾体育产业园”", "[大田湾体育产业园 place]");  // a quoted place name is no slogan
  // A place, words saying what kind, a place suffix: one place.
  expect("建设解放碑体育公园和两路口现代服务产业园", "[解放碑体育公园 place][两路口现代服务产业园 place]");
  expect("在解放碑公共服务", "[解放碑 place]");
  // A 中心 is an institution or a facility by the word before it; a name
  // starts at its place, not at an unknown word before it.
  expect("推进渝中区政务服务中心建设", "[渝中区政务服务中心 organization]");
  expect("开业的解放碑购物中心", "[解放碑购物中心 place]");
  expect("投用朝天门物流处理中心", "[朝天门物流处理中心 place]");
  expect("服务中心和传播中心", "");
  // Lines named by the short names of the places they join.
  expect("加快成渝高铁、渝黔高速建设,推进沪昆铁路提质", "[成渝高铁 place][渝黔高速 place][沪昆铁路 place]");
  // Each one word of the lexicon.
  expect("京广铁路和成昆铁路", "[京广铁路 place][成昆铁路 place]");
  // One short name is no line (the model may still guess 长高铁, 长沙's).
  expect_rules("京剧高手,高速发展,长高铁,公路铁路", "");
  // Places inside a long compound word are found; inside a short word not (中行 in 渝中行).
  expect("坚持以习近平新时代中国特色社会主义思想为指导", "[习近平 person][中国 place]");
}

TEST_CASE("entities: county-level divisions of every province, full and short", "[entities][place]") {
  expect("浙江省杭州市滨江区召开会议", "[浙江省 place][杭州市 place][滨江区 place]");
  expect("四川阿坝县和若尔盖县", "[四川 place][阿坝县 place][若尔盖县 place]");
  expect("内蒙古科尔沁左翼中旗", "[内蒙古 place][科尔沁左翼中旗 place]");
  expect("义乌市小商品城", "[义乌市 place]");
  // Autonomous counties are also written with 县 alone.
  expect("积石山县发生地震", "[积石山县 place]");
  // A division name does not lend its level to the next word, and short forms
  // that read into running text are not listed.
  expect("梳理滨江区域", "");
  expect("严守政治纪律和政治规矩", "");
}

TEST_CASE("entities: institutes by their short names", "[entities][organization]") {
  // Words the lexicon does not know ending in 所 or 院, one token or cut
  // before the head; not known words, nor a classical phrase.
  expect_rules("工生所、石科院入选国家首批平台", "[工生所 organization][石科院 organization]");
  expect_rules("走进派出所和卫生院", "");
  expect_rules("民之所望，政之所向", "");
}

TEST_CASE("entities: zones, regions and works named by a place and a head word", "[entities][place]") {
  expect_rules("推进洞庭湖生态经济区建设", "[洞庭湖生态经济区 place]");
  // Up to four words of what kind between the place and the head word.
  expect_rules("推进长三角生态绿色一体化发展示范区建设", "[长三角生态绿色一体化发展示范区 place]");
  expect_rules("积极申建中国（甘肃）自由贸易试验区。", "[中国（甘肃）自由贸易试验区 place]");
  expect_rules("建设武威工业园区", "[武威工业园区 place]");
  expect_rules("推进榆安大型灌区建设", "[榆安大型灌区 place]");
  // A coinage among the words of what kind (普惠), and a place jieba's
  // dictionary alone names (京津 ns).
  expect_rules("推进铜川普惠金融改革试验区建设", "[铜川普惠金融改革试验区 place]");
  expect_rules("协同推进京津合作示范区建设", "[京津合作示范区 place]");
  // Landforms named by their place; a word before a place that opens the
  // name is no part of it (jieba tags 致力于 a noun), nor does a verb lead
  // from one place to another (西宁 建设 …), a noun does (怀柔 实验室 …).
  expect_rules("致力于朝鲜半岛的和平", "[朝鲜半岛 place]");
  expect_rules("推进青海柴达木盆地开发", "[青海柴达木盆地 place]");
  expect_rules("以西宁建设青藏高原城市群", "[西宁 place][青藏高原城市群 place]");
  expect_rules("怀柔实验室山西研究院入轨运行", "[怀柔实验室山西研究院 organization]");
  // Laboratories, publishers and broadcasters by their head word; not a
  // word the HMM glued to a measure word (3 个省 实验室), nor a province's
  // one-character name after a verb of presence (在晋: where the labs are).
  expect_rules("推动怀柔国家实验室建设", "[怀柔国家实验室 organization]");
  expect_rules("湖南电视台播出", "[湖南电视台 organization]");
  expect_rules("新华通讯社", "[新华通讯社 organization]");
  expect_rules("建设3个省实验室", "");
  expect_rules("支持在甘全国重点实验室", "[甘 place]");
  // A place jieba's dictionary names (北岳 ns) before the place opening the
  // name is part of it; a common word before a coinage is not (项目 落户 |
  // 沈抚 科创园); one character before the head word in its token belongs
  // to it (大 of 大都市圈).
  expect_rules("推动北岳恒山景区创建", "[北岳恒山景区 place]");
  expect_rules("项目落户沈抚科创园", "[沈抚科创园 place]");
  expect_rules("推进上海大都市圈建设", "[上海大都市圈 place]");
  // A head word whose last character the segmenter cut off alone (化工 区, 科技 城).
  expect_rules("建设上海化工区", "[上海化工区 place]");
  expect_rules("推进沈阳浑南科技城建设", "[沈阳浑南科技城 place]");
  // Places joined by a dash name a zone of both; before a square, a route.
  expect_rules("推进中国－东盟自贸区升级", "[中国－东盟自贸区 place]");
  expect_rules("推动中国—东盟自由贸易区升级", "[中国—东盟自由贸易区 place]");
  expect_rules("建设西宁—海东都市圈", "[西宁—海东都市圈 place]");
  expect_rules("支持天津滨海-中关村科技园发展", "[天津滨海-中关村科技园 place]");
  expect_rules("串联大田湾—贺龙广场", "[大田湾 place][贺龙广场 place]");
  // Not 港区 as a head word: 香港 港区 人大代表 are Hong Kong's deputies.
  expect_rule_pass("香港港区人大代表发表意见", "[香港 place][人大代表 position]");
  // A head word after ordinary words names no place.
  expect_rules("建设一批现代化产业园区和示范区", "");
}

TEST_CASE("entities: China's rivers, lakes, mountains, regions and old names", "[entities][place]") {
  // src/data/entities/place_geography.txt; a direction is no region.
  expect_rules("加强长江和洞庭湖生态保护", "[长江 place][洞庭湖 place]");
  expect_rules("推动中部地区崛起,守护三江源", "[中部地区 place][三江源 place]");
  expect_rules("在齐鲁大地上", "[齐鲁 place]");
  expect_rules("沿着东北方向前进", "");
  // Not out of an idiom (重于泰山), nor by cutting a word (西部地区 of 中西部/地区).
  expect_rules("安全生产责任重于泰山", "");
  expect_rules("加大对中西部地区的支持", "");
}

TEST_CASE("entities: the world's countries, regions and cities (ICU's CLDR names)", "[entities][place]") {
  expect_rules("我们同东盟、缅甸和南亚各国保持着良好的关系", "[东盟 organization][缅甸 place][南亚 place]");
  expect_rules("开拓拉丁美洲和非洲市场,在内罗毕设立办事处", "[拉丁美洲 place][非洲 place][内罗毕 place]");
  // A people is not its country; China–Africa is no region.
  expect_rules("蒙古族群众", "");
  expect_rules("中非合作", "");
}

TEST_CASE("entities: events and documents named by a head word", "[entities][meeting][document]") {
  expect_rules("认真做好2010年上海世界博览会的准备工作", "[上海世界博览会 meeting]");
  expect_rules("办好北京国际电影节、音乐节等系列活动", "[北京国际电影节 meeting]");
  expect_rules("严格按照香港基本法和澳门基本法办事", "[香港基本法 document][澳门基本法 document]");
  expect_rules("重庆市国土空间总体规划获批实施", "[重庆市国土空间总体规划 document]");
  expect_rules("实施中华人民共和国香港特别行政区基本法", "[中华人民共和国香港特别行政区基本法 document]");
  // Laws and regulations known by name (document.txt); a bare 宪法 is the law in general.
  expect_rules("深入贯彻中央八项规定精神,认真实施民法典", "[中央八项规定 document][民法典 document]");
  expect_rules("开展宪法宣传周活动", "");
  // Works and sites named by their place and what they are.
  expect_rules("建设万州北站和黔江电厂", "[万州北站 place][黔江电厂 place]");
  expect_rules("推动赣南革命老区振兴", "[赣南革命老区 place]");
  // A common word jieba tags as an abbreviation (深化 j) opens no name.
  expect_rules("深化丹江口库区水污染治理", "[丹江口库区 place]");
  expect_rules("深化开发区管理制度改革", "");
  // Events named with ordinary words: opened by a scope word, or after an
  // edition, which the name takes (and the scope word before its place).
  expect_rules("办好第十届全国技能大赛", "[第十届全国技能大赛 meeting]");
  expect_rules("召开全国科技大会", "[全国科技大会 meeting]");
  expect_rules("全球粤商大会在广州开幕", "[全球粤商大会 meeting][广州 place]");
  // The subject's words may be verbs and nouns; across a verb only after an
  // edition or a year (not 在全国 举办 …).
  expect_rules("成功举办第三届全国博士后创新创业大赛", "[第三届全国博士后创新创业大赛 meeting]");
  expect_rules("举办2025全球创新创业大赛", "[2025全球创新创业大赛 meeting]");
  expect_rules("在全国举办创新创业大赛", "");
  // A scope word right before the head word, a congress of delegates, a
  // rally of a province: no names.
  expect_rules("举办国际论坛，召开全省动员大会", "");
  expect_rules("全省职工代表大会闭幕", "");
  // Head words alone, or after ordinary words, name nothing.
  expect_rules("举办各类论坛、峰会和博览会", "");
  expect_rules("加快制定配套条例和管理办法", "");
  // Fairs, expos and games by a short name and their kind in one character.
  expect_rules("成功举办智博会、西洽会", "[智博会 meeting][西洽会 meeting]");
  expect_rules("办好第17届省运会", "[第17届省运会 meeting]");
  expect_rules("举办中国歌剧节", "[中国歌剧节 meeting]");
  expect_rules("办好中国歌剧节等活动", "[中国歌剧节 meeting]");  // 节 等: no word 节等 of the HMM
  // Events of two places joined by a dash.
  expect_rules("中国—东盟法治论坛在南宁举行", "[中国—东盟法治论坛 meeting][南宁 place]");
  // Not the verb 交会, nor a word ending in the kind's character.
  expect_rules("两条线与河道交会于一点", "");
  expect_rules("好运会来的", "");
}

TEST_CASE("entities: county short forms jieba knows, and where they are no place", "[entities][place]") {
  // Tagged a place and seldom seen by jieba (宁乡 ns), or tagged a name
  // without a surname opening it (崇明 nrt): the district.
  expect_rules("宁乡、浏阳两地联动发展", "[宁乡 place][浏阳 place]");
  expect_rules("崇明获得国际湿地城市认证", "[崇明 place]");
  // After a surname it is a given name (秀英 is also a district of Haikou);
  // ending a common word it is that word's tail (范县 of 示范县).
  expect_rules("小区居民王秀英说", "[王秀英 person]");
  expect_rules("创建国家乡村振兴示范县", "");
  // Nor where it cuts a name (新宁 of 新/宁夏) or a word after an ordinary
  // word of one character (新安 of 新/安全); 渝中 of 渝/中段 stays (渝 is a name).
  expect_rules("为建设美丽新宁夏而奋斗", "[宁夏 place]");
  expect_rules("加快构建新安全格局", "");
  expect_rules("加快渝湘高铁渝中段建设", "[渝湘高铁 place][渝中 place]");
  // A province's one-character name ending a word that is a name itself is
  // that name's last character (川 of 金川); after a verb it is the name (驻渝).
  expect_rules("加快金川四矿区贫矿资源综合开发", "");
  expect_rules("驻渝部队和武警官兵", "[渝 place][武警 organization]");
  // County-level cities and districts by their short names, however often
  // jieba sees them (敦煌 ns 774, 义乌 nz); not those that are ordinary words.
  expect_rules("游客来到敦煌参观莫高窟", "[敦煌 place][莫高窟 place]");
  expect_rules("义乌的小商品卖到全世界", "[义乌 place]");
  expect_rules("支持武昌、汉阳、江夏协同发展", "[武昌 place][汉阳 place][江夏 place]");
  expect_rules("争取农业大丰收", "");
  expect_rules("村里新建了一座桥", "");
}

TEST_CASE("entities: one sense per text — a name weakly read as a person is the place the text names",
          "[entities][place]") {
  // Alone, 杨凌 reads as a person by its characters; after a list that makes
  // it a place, every 杨凌 of the text is that place. A person after a title
  // keeps its reading.
  expect("杨凌农高会品牌影响扩大", "[杨凌 person]");
  expect("支持宝鸡、杨凌等建设。做强杨凌农高会品牌。", "[宝鸡 place][杨凌 place][杨凌 place]");
  expect("小区居民王秀英说，支持宝鸡、杨凌等建设", "[王秀英 person][宝鸡 place][杨凌 place]");
}

TEST_CASE("entities: township-level divisions by full name, without changing the segmentation",
          "[entities][place]") {
  expect_rules("东华门街道开展活动", "[东华门街道 place]");
  expect_rules("石马河街道和龙泉镇", "[石马河街道 place][龙泉镇 place]");
  // Names that read as ordinary words are left out (建设 乡镇, 中 城镇).
  expect_rules("加快建设乡镇", "");
  expect_rules("四年中城镇集体所有制单位", "");
  // The list is entity-only (zhpolicy_lexc --entity-phrases): the words stay jieba's.
  CHECK(test::cut(test::segmenter(), "东华门街道开展活动") == std::vector<std::string>{"东华门", "街道", "开展", "活动"});
  // A village after its township is a place of its own, whatever its words;
  // not a kind of village (贫困村).
  expect_rules("江苏省苏州市吴江区七都镇开弦弓村被誉为江村",
               "[江苏省 place][苏州市 place][吴江区 place][七都镇 place][开弦弓村 place]");
  expect_rules("化隆县谢家滩乡拉扎村山体滑坡", "[化隆县 place][谢家滩乡 place][拉扎村 place]");
  expect_rules("七都镇贫困村全部脱贫", "[七都镇 place]");
  expect_rules("望京街道新开了一家社区食堂", "[望京街道 place]");
  // With the model: a mention it joined across the township is cut in two.
  expect("河北省保定市阜平县龙泉关镇骆驼湾村村民过上了好日子",
         "[河北省 place][保定市 place][阜平县 place][龙泉关镇 place][骆驼湾村 place]");
}

TEST_CASE("entities: one-character names of regions and countries after a verb of presence or aid",
          "[entities][place]") {
  // As one word (援藏, 对非, 湘企) or cut apart from the verb (在 沪, 在 华).
  expect_rules("组织干部援藏援疆", "[藏 place][疆 place]");
  expect_rules("深化对非合作,支持湘企出海", "[非 place][湘 place]");
  expect_rules("推进在沪国家实验室建设", "[沪 place]");
  expect_rules("欢迎外商扩大在华投资", "[华 place]");
  // Not a character of another word (对外开放), nor one not on the lists.
  expect_rules("做好对外开放工作,在京召开会议", "[京 place]");
  expect_rules("在家养老", "");
}

TEST_CASE("entities: regions named together by their short names are one region", "[entities][place]") {
  // Known as a word (港澳 j, 京津 ns, 港澳台 tagged a numeral, 云贵 a name)
  // or cut in pieces (苏皖 鲁豫), with the border or area they name (湘赣边).
  expect_rules("加强港澳与内地的经济合作", "[港澳 place]");
  expect_rules("构建联通京津的经济廊道", "[京津 place]");
  expect_rules("向港澳台同胞表示感谢", "[港澳台 place]");
  expect_rules("苏皖鲁豫省际交界地区深化协同发展", "[苏皖鲁豫 place]");
  expect_rules("深化湘赣边区域合作", "[湘赣边 place]");
  expect_rules("云贵高原", "[云贵高原 place]");
  expect_rules("推动云贵合作", "[云贵 place]");
  // Opening a word of the lexicon that goes on with a common word (港澳同胞 ns).
  expect_rules("团结广大港澳同胞", "[港澳 place]");
  // The two words of such characters that name no regions.
  expect_rules("天上黑云翻滚", "");
  expect_rules("藏青色的外套", "");
}

TEST_CASE("entities: groups of a province's cities named by one character of each", "[entities][place]") {
  // Three or more (jieba's dictionary tags 苏锡常 and 宁镇扬 a person's name);
  // cut anywhere by the segmenter (长株 潭, 成德眉 资同 城化, 珠 中江).
  expect_rules("推动苏锡常、宁镇扬、锡常泰等融合发展", "[苏锡常 place][宁镇扬 place][锡常泰 place]");
  expect_rules("提升长株潭等国家现代流通战略支点城市能级", "[长株潭 place]");
  expect_rules("推动成德眉资同城化", "[成德眉资 place]");
  expect_rules("支持深莞惠、珠中江区域合作", "[深莞惠 place][珠中江 place]");
  expect_rules("加快呼包鄂乌一体化发展", "[呼包鄂乌 place]");
  // Two, before a word of joint development, or listed with such a pair.
  expect_rules("深化郑洛、郑许协同发展", "[郑洛 place][郑许 place]");
  expect_rules("推动西咸一体化", "[西咸 place]");
  // Not: two without such a word (a person's name may read so), characters
  // of cities of several provinces, a common word, directions.
  expect_rules("郑洛介绍了情况", "[郑洛 person]");  // no place: a person's name, as it reads
  expect_rules("杭成合作", "");
  expect_rules("这通常需要三天", "");
  expect_rules("东西南北中，党是领导一切的", "");
}

TEST_CASE("entities: withheld and familiar names, and names after the roles of ordinary people", "[entities][person]") {
  expect_rules("患者张某某在医院接受治疗后已康复出院", "[张某某 person]");
  expect_rules("犯罪嫌疑人王某因涉嫌诈骗被依法刑事拘留", "[王某 person]");
  expect_rules("老李说，今年的收成比去年好", "[老李 person]");
  expect_rules("小王和老李一起去了菜市场", "[小王 person][老李 person]");
  expect_rules("来自河南的农民工周建军在工地上干了十年", "[河南 place][周建军 person]");
  expect_rules("家长刘敏表示，孩子的作业负担减轻了", "[刘敏 person]");
  expect_rules("市场的商户何海美一年出口三百个集装箱", "[何海美 person]");
  // Classmates, friends, spouses, winners (同学, 朋友, 老伴, 得主).
  expect_rules("他和同学张晨一起参加了比赛", "[张晨 person]");
  expect_rules("冠军得主林丹表示将继续努力", "[林丹 person]");
  expect_rules("朋友圈里都在转发", "");
  // A title the segmenter cut across its first character (非 遗传 承人).
  expect_rules("非遗传承人杨丽萍带来了舞蹈表演", "[杨丽萍 person]");
  // A given name's last character glued to the next word (冉绍 之一 家).
  expect_rules("重庆万州移民冉绍之一家搬进了新居", "[重庆 place][万州 place][冉绍之 person]");
  // Not: 某 opening a word, a word of 小 or 老 and a surname's character, a
  // familiar form with nothing that vouches for it.
  expect_rules("他主张某些改革应当加快推进", "");
  expect_rules("要全面建成小康社会", "");
  expect_rules("老王家的院子很大", "");
}

TEST_CASE("entities: names after a noun of a role, by its last character", "[entities][person]") {
  // Nouns of a trade or a team's post no list holds (前锋, 钢琴家, 程序员).
  expect_rules("前锋武磊在第78分钟头球破门", "[武磊 person]");
  expect_rules("钢琴家郎朗在音乐会上演奏了新曲", "[郎朗 person]");
  expect_rules("程序员韦志刚连夜修复了漏洞", "[韦志刚 person]");
  // Not a country or a family (国家 安全观), nor a word of the lexicon
  // other than a name (人员 养老金), nor what the name model reads far more
  // as a word (企业家 满意度).
  expect_rules("贯彻总体国家安全观", "");
  expect_rules("提高退休人员养老金标准", "");
  expect_rules("营商环境评价企业家满意度不断提升", "");
  // Titles of our lists (村主任, 村党支部书记) read so too; not a common
  // word jieba tags a name (政协委员 智慧).
  expect_rules("村党支部书记、村委会主任王大山带领村民致富",
               "[村党支部书记 position][村委会主任 position][王大山 person]");
  expect_rules("凝聚广大政协委员智慧和力量", "[政协委员 position]");
  // Nouns ending in 军 and 生 (冠军, 实习生), and a word ending in such a noun
  // whatever jieba tags it (奥运冠军 nr).
  expect_rules("奥运冠军全红婵回到家乡", "[全红婵 person]");
  expect_rules("实习生刘畅参与了采访", "[刘畅 person]");
  // Not a thing named after a role (机器人 马拉松: 人 is no role's suffix).
  expect_rules("全球首个人形机器人马拉松比赛", "");
}

TEST_CASE("entities: names of a byline, set apart by spaces", "[entities][person]") {
  expect_rules("本报记者 刘晓东 周雨涵 报道", "[记者 position][刘晓东 person][周雨涵 person]");
  expect_rules("（记者 陈晨 实习生 赵一鸣）", "[记者 position][陈晨 person][赵一鸣 person]");
}

TEST_CASE("entities: given names the segmenter read as other words", "[entities][person]") {
  // A surname, then a rare adverb or verb of two (立新 d): a name when the
  // three read far more as one than not.
  expect_rules("孙立新说，这项技术非常关键", "[孙立新 person]");
  // A name of two the lexicon holds (李德, 王子 nr) and a character after
  // it, when nothing a verb would take follows.
  expect_rules("老党员李德胜今年已经九十二岁", "[李德胜 person]");
  expect_rules("小学生王子涵的作文获得一等奖", "[王子涵 person]");
  expect_rules("王军任组长", "[王军 person]");
}

TEST_CASE("entities: a name opening a clause before where or when it acted", "[entities][person]") {
  expect_rules("刘洋在接受采访时说，公司今年业绩增长明显", "[刘洋 person]");
  expect_rules("会后，张建军昨天在北京参加了座谈", "[张建军 person][北京 place]");
  // Or after the place, body or firm it belongs to and 的, when the lexicon
  // does not know it (not 上海 的 陆家嘴 nr, 杭州 的 龙井茶 nr).
  expect_rules("华为的余承东在发布会上介绍了新款手机", "[华为 company][余承东 person]");
  expect_rules("理塘县的丁真成为文旅推广大使", "[理塘县 place][丁真 person][大使 position]");
  expect_rules("上海的陆家嘴成为金融中心", "[上海 place]");
  // A name of two after 的 when it acts (是, a verb, an adverb follows) and
  // reads as a name; not a word the lexicon lacks there (的 高效 是).
  expect_rules("今年35岁的刘斌是一名外卖骑手", "[刘斌 person]");
  expect_rules("提高服务的高效是关键", "");
  expect_rules("杭州的龙井茶在国际上很有名", "[杭州 place]");
  // Not: common words jieba tags a name (蓝图 nr, 文明 nr), a word of the
  // lexicon, a name-shaped token inside a clause.
  expect_rules("蓝图已经绘就，奋斗正当其时", "");
  expect_rules("文明在传承中发展", "");
  expect_rules("高铁在山区穿行", "");
  // Or before what it did (a verb, after adverbs), and names joined before it.
  expect_rules("许海峰夺得中国奥运首金", "[许海峰 person][中国 place]");
  expect_rules("姚明和易建联都曾参加比赛", "[姚明 person][易建联 person]");
  // Not before a verb alone: words of policy jieba tags a name (惠民 nr,
  // 高水平 nr), a coinage that reads little as a name (普惠性).
  expect_rules("高水平开放持续推进", "");
  expect_rules("惠民保障得到加强", "");
  expect_rules("普惠性减税与结构性减税并举", "");
  // A name closing a clause after a verb (and 了, 给) is what the verb acted on.
  expect_rules("他把奖杯交给了孙伟。", "[孙伟 person]");
  // Before 了 a word jieba tags a noun acts as the verb (战胜 n 了 陈梦).
  expect_rules("比赛中，孙颖莎以4比1战胜了陈梦。", "[孙颖莎 person][陈梦 person]");
  // A name a preposition of persons governs before its verb (为 马龙 加油);
  // not a phrase (为 民营 企业 纾困, 为 全市 人民 办实事).
  expect_rules("球迷们为马龙加油，队友们向陈梦学习", "[马龙 person][陈梦 person]");
  expect_rules("为民营企业纾困，为全市人民办实事", "");
  expect_rules("要圆百姓安居梦。", "");  // 安居 梦: a word and a character
}

TEST_CASE("entities: bodies listed with a body found, by the head they share", "[entities][government]") {
  expect_rules("农业部、纺织工业部和轻工业部联合发文", "[农业部 government][纺织工业部 government][轻工业部 government]");
  expect_rules("国家经委和国家计委召开会议", "[国家经委 government][国家计委 government]");
  // Not: a common word ending in the head (全部, 干部), words past a verb.
  expect_rules("教育部和全部干部参加", "[教育部 government]");
  expect_rules("请教育部和有关部门研究", "[教育部 government]");
}

TEST_CASE("entities: events listed with an event found, by a word of events", "[entities][meeting]") {
  expect_rules("成功举办智博会、西洽会、国才会、中新双边合作机制会议等重大活动。",
               "[智博会 meeting][西洽会 meeting][国才会 meeting][中新双边合作机制会议 meeting]");
  // Not the verb that holds it, nor a kind of event (音乐节 …).
  expect_rules("办好金鸡百花电影节、中国歌剧节等活动。", "[金鸡百花电影节 meeting][中国歌剧节 meeting]");
  expect_rules("认真落实四中全会和中央经济工作会议精神", "[中央经济工作会议 meeting]");
}

TEST_CASE("entities: firms by a coined name and their trade", "[entities][company]") {
  expect_rules("推进长沙宁乡圣钘科技新一代锂电池项目", "[长沙 place][宁乡 place][圣钘科技 company]");
  expect_rules("华熙生物、瑞普生物等民企深化布局", "[华熙生物 company][瑞普生物 company]");
  // Not: a known word and a trade (量子科技), a verb and its complement
  // (做强科技), a numeral or preposition opening a phrase, a term of kind.
  expect_rules("培育量子科技等未来产业", "");
  expect_rules("做强科技创新核心驱动", "");
  expect_rules("形成三大化工合成材料", "");
  expect_rules("比原投资计划减少了", "");
  expect_rules("推动煤基科技创新", "");
}

TEST_CASE("entities: landforms, waters and sites by their last character", "[entities][place]") {
  // Words jieba tags a place (大黑河 ns), a person (云居寺 nr), or does not know (美岱沟).
  expect_rules("开展大黑河和美岱沟等13条河流治理", "[大黑河 place][美岱沟 place]");
  expect_rules("推进云居寺藏经申忆", "[云居寺 place]");
  // Not: a person's name of the same span (钟南山 ns), sayings and lists of
  // landforms (山水林田湖草沙 cut 林田湖, 江河湖海).
  expect_rules("钟南山院士在广州作报告", "[钟南山 person][院士 position][广州 place]");
  expect_rules("统筹山水林田湖草沙一体化保护", "");
  expect_rules("加强江河湖海水污染治理", "");
}

TEST_CASE("entities: streets and roads, named whole or by a place and a head word", "[entities][place]") {
  // Words jieba's dictionary names streets with (长安街 ns, 唐人街 nr, 友谊路 ns).
  expect_rules("车辆沿长安街向东行驶", "[长安街 place]");
  expect_rules("唐人街的餐馆", "[唐人街 place]");
  expect_rules("改造友谊路", "[友谊路 place]");
  // A place and the head word as tokens of their own (上海 路, 延安 东路, 北京 大道).
  expect_rules("上海路和延安东路", "[上海路 place][延安东路 place]");
  expect_rules("北京大道通车", "[北京大道 place]");
  // Not: a way of speaking (铺平 道路, 广开 门路: jieba tags them ns), a road
  // of metaphor (致富 大道), a stem that is a common word (致富路 nz).
  expect_rules("为发展铺平道路", "");
  expect_rules("广开门路增加收入", "");
  expect_rules("走上致富大道", "");
  expect_rules("走上致富路", "");
}

TEST_CASE("entities: states by their form and zones, after a place", "[entities][place]") {
  expect_rules("我们同朝鲜民主主义人民共和国的友谊", "[朝鲜民主主义人民共和国 place]");
  expect_rules("沙特阿拉伯王国", "[沙特阿拉伯王国 place]");
  expect_rules("建设浦东引领区", "[浦东引领区 place]");
  // The lexicon's name stays the lexicon's; no verb before it joins the name.
  expect_rules("隆重庆祝中华人民共和国成立", "[中华人民共和国 place]");
}

TEST_CASE("entities: water diversion works by the rivers they join", "[entities][place]") {
  expect_rules("引江济淮工程通水", "[引江济淮 place]");
  expect_rules("推进引大济湟工程", "[引大济湟 place]");
  expect_rules("引进济南的企业", "[济南 place]");  // 引进: a common verb
}

TEST_CASE("entities: sites jieba's dictionary names whole", "[entities][place]") {
  // Gardens, palaces, walled cities and towers (颐和园, 布达拉宫, 八达岭长城 ns).
  expect_rules("游客在颐和园游览", "[颐和园 place]");
  expect_rules("游览布达拉宫", "[布达拉宫 place]");
  expect_rules("登上八达岭长城", "[八达岭长城 place]");
  // Not a kind of place (葡萄 园), a phrase opening with a verb (重建 家园), a
  // common word jieba tags ns (山水 园 of a list of kinds).
  expect_rules("他在葡萄园工作", "");
  expect_rules("帮助灾民重建家园", "");
  expect_rules("打造产城景融合、山水园一体的城市风貌", "");
  // Grottoes, gates and passes (莫高窟, 西直门, 正阳门 ns); not a common word
  // for a gate or an office (海关, 机关 of 直属机关).
  expect_rules("参观莫高窟", "[莫高窟 place]");
  expect_rules("西直门交通枢纽改造完成", "[西直门 place]");
  expect_rules("加强直属机关党的建设", "");
}

TEST_CASE("entities: a province before a site's name says where", "[entities][place]") {
  // The name starts at its city (宜昌三峡大坝, 洛阳龙门石窟 of one jieba word,
  // 西宁曹家堡机场); the province before it is a place of its own.
  expect_rules("湖北宜昌三峡大坝迎来泄洪高峰", "[湖北 place][宜昌三峡大坝 place]");
  expect_rules("河南洛阳龙门石窟推出夜游项目", "[河南 place][洛阳龙门石窟 place]");
  expect_rules("青海西宁曹家堡机场", "[青海 place][西宁曹家堡机场 place]");
  // Two cities (西安咸阳国际机场) and a municipality's district stay one name.
  expect_rules("西安咸阳国际机场", "[西安咸阳国际机场 place]");
  expect_rules("安徽黄山风景区迎来首场雪", "[安徽 place][黄山风景区 place]");
  // A firm's brand opens the firm of a place (中车 株洲 …有限公司).
  expect_rules("中车株洲电力机车有限公司研制出新型列车", "[中车株洲电力机车有限公司 company]");
}

TEST_CASE("entities: a rare word jieba tags a place, after a place, ending the phrase", "[entities][place]") {
  expect_rules("中国石化在海南洋浦投资建设炼化项目", "[中国石化 company][海南 place][洋浦 place]");
  // Not one that opens a name of its own (中欧 班列), a count (四国).
  expect_rules("加快建设合肥中欧班列集结中心", "[合肥 place]");
  expect_rules("俄罗斯和中亚四国共同宣布", "[俄罗斯 place][中亚 place]");
  // A word jieba tags a person's name that reads as none, after a division
  // (桂林 阳朔 nr); not after a river (汉江 秋汛 nr).
  expect_rules("桂林阳朔的山水", "[桂林 place][阳朔 place]");
  // A community by its rare name after its sub-district; not a kind of
  // community, nor one without the sub-district (居家 社区 n).
  expect_rules("江岸区二七街道的百步亭社区获评示范社区", "[江岸区 place][二七街道 place][百步亭社区 place]");
  // A post of our lists opening with the community's level: the level is the
  // community's (梅园 社区党委书记), also for a place of our lists (较场口).
  expect_rules("陆家嘴街道梅园社区党委书记王娟介绍",
               "[陆家嘴街道 place][梅园社区 place][党委书记 position][王娟 person]");
  expect_rules("解放碑街道较场口社区主任李华说", "[解放碑街道 place][较场口社区 place][主任 position][李华 person]");
  expect_rules("社区党委书记王娟介绍", "[社区党委书记 position][王娟 person]");
  // A village by a name the lexicon does not know (开弦弓 村党支部书记); not
  // a village named with its level already (红岩村 村主任).
  expect_rules("七都镇开弦弓村党支部书记说", "[七都镇 place][开弦弓村 place][党支部书记 position]");
  expect_rules("石门镇红岩村村主任李华说", "[石门镇 place][红岩村 place][村主任 position][李华 person]");
  expect_rules("建设智慧社区，构建居家社区机构相协调的养老服务体系", "");
  // Such a word and the level of a state or province abroad, cut apart.
  expect_rules("宁德时代在德国图林根州的工厂投产", "[宁德时代 company][德国 place][图林根州 place]");
  // Districts of Hong Kong and Macau, cities and counties of Taiwan, the
  // special administrative regions' councils (place_hk_macau_taiwan.txt).
  expect_rules("油尖旺区和沙田区的居民", "[油尖旺区 place][沙田区 place]");
  expect_rules("台湾高雄市和屏东县的渔民", "[台湾 place][高雄市 place][屏东县 place]");
  expect_rules("行政长官李家超出席立法会答问会", "[行政长官 position][李家超 person][立法会 government]");
  // A place of ours opening a rare word jieba tags a place that ends as
  // waters and ports do is that place's start (约旦 of 约旦河西岸, 天津港);
  // none starts inside a transliterated name (努克 of 西哈努克 nrt).
  expect_rules("以色列军队对约旦河西岸发动军事行动", "[以色列 place][约旦河西岸 place]");
  expect_rules("货物从天津港运往辽河流域", "[天津港 place][辽河流域 place]");
  expect_rules("与西哈努克会谈", "");
  // A city after the noun that says it is one (城市 杰宁, 大城市 哈尔科夫);
  // not a compound of 城市 in prose (新增 城市 绿道).
  expect_rules("约旦河西岸城市杰宁", "[约旦河西岸 place][杰宁 place]");
  expect_rules("乌克兰第二大城市哈尔科夫遭到袭击", "[乌克兰 place][哈尔科夫 place]");
  expect_rules("新增城市绿道超200公里", "");
  // A city or port abroad by a word jieba tags a transliterated name (nrt):
  // before 港, or put by a verb of where; not a firm after its country.
  expect_rules("班列从德国杜伊斯堡出发", "[德国 place][杜伊斯堡 place]");
  expect_rules("巴基斯坦瓜达尔港的吞吐量增长", "[巴基斯坦 place][瓜达尔港 place]");
  expect_rule_pass("美国莱卡、澳大利亚富邑等外资项目", "[美国 place][澳大利亚 place]");
  // An ethnic township by its name without its groups (敖鲁古雅乡 of
  // 敖鲁古雅鄂温克民族乡), as news writes it.
  expect_rules("根河市敖鲁古雅乡的驯鹿", "[根河市 place][敖鲁古雅乡 place]");
  // A team by its place, its name and 队 as three words (上海 海港 队).
  expect_rules("上海海港队客场战胜对手", "[上海海港队 organization]");
  // A bank's branch by its place is one firm's name (招商银行 深圳 分行).
  expect_rules("招商银行深圳分行与腾讯公司签署协议", "[招商银行深圳分行 company][腾讯公司 company]");
  expect_rules("中国人寿保险股份有限公司江苏省分公司开展宣传活动", "[中国人寿保险股份有限公司江苏省分公司 company]");
  // A group jieba's dictionary names whole by a rare name (台塑集团 nt); not
  // by a common word (犯罪集团, 利益集团).
  expect_rules("台塑集团宣布扩产，打击犯罪集团和利益集团", "[台塑集团 company]");
  // Countries by their short names (印尼, 沙特, 阿联酋: our list beside CLDR's).
  expect_rules("中国与印尼、沙特、阿联酋签署合作协议",
               "[中国 place][印尼 place][沙特 place][阿联酋 place]");
  expect_rules("应对汉江秋汛和高温干旱", "[汉江 place]");
  // A rare noun ending as sites and landforms do, after a place (南京
  // 夫子庙 n; 黄山 光明顶 after a mountain); not a common one (寺庙, 宝塔).
  expect_rules("南京夫子庙的花灯吸引了游客", "[南京 place][夫子庙 place]");
  expect_rules("游客在黄山光明顶观看日出", "[黄山 place][光明顶 place]");
  expect_rules("厦门鼓浪屿的钢琴博物馆重新开放", "[厦门 place][鼓浪屿 place]");
  expect_rules("杭州寺庙的香火很旺", "[杭州 place]");
  // A village by its level after the county, whatever follows (安吉县 余村
  // 党支部); not a common word (城镇).
  expect_rules("安吉县余村党支部", "[安吉县 place][余村 place]");
  expect_rules("优化东部地区城镇结构", "[东部地区 place]");
  // Or one jieba tags a name (小岗村 nr).
  expect_rules("安徽小岗村的老人回忆", "[安徽 place][小岗村 place]");
  // The same word after a word of where, a verb or a mark after it (在
  // 中关村 接受; 前往 洋浦，); not one of degree or kind before 的 or 和
  // (从 上列 的, 在 广度 和 深度上), nor a common word modified (在 大 城市，).
  expect_rules("他在中关村接受了采访", "[中关村 place]");
  expect_rules("考察团前往洋浦，参观港口", "[洋浦 place]");
  expect_rules("从上列的投资比例可以看出", "");
  expect_rules("经济联系在广度和深度上都有发展", "");
  expect_rules("不要挤在大城市，要多建设中小城市", "");
  // Not after a place and 的: its goods are as often there (吐鲁番 的 葡萄干 ns).
  expect_rules("新疆吐鲁番的葡萄干通过铁路运往内地", "[新疆 place][吐鲁番 place]");
}

TEST_CASE("entities: the name-like members of a list of places are places", "[entities][place]") {
  expect("优先在德令哈、格尔木、西宁等有条件的地区", "[德令哈 place][格尔木 place][西宁 place]");
  expect("县域经济稳步发展,枣阳、枝江、天门等经济强县", "[枣阳 place][枝江 place][天门 place]");
  // Without the model: the rules' own list.
  const zhpolicy::EntityExtractor rules(test::lexicon(), [] {
    zhpolicy::EntityOptions o;
    o.model = false;
    return o;
  }());
  std::string s;
  const std::string text = "县域经济稳步发展,枣阳、枝江、汉川、天门等经济强县";
  for (const auto& e : rules.extract(text).entities) s += "[" + std::string(zhpolicy::slice(text, e.span)) + "]";
  CHECK(s == "[枣阳][枝江][汉川][天门]");
  // Not a list of persons (their names are name-like by their characters,
  // person_names.h), nor a member glued to the next word.
  expect_rules("粉碎了王洪文、张春桥、江青、姚文元", "[王洪文 person][张春桥 person][江青 person][姚文元 person]");
  expect_rules("看好广西、选择广西、扎根广西", "[广西 place][广西 place][广西 place]");
  // One common word among places the lists know is a place its word hides
  // (jieba's 开封 is "to unseal"); a list closed by a count of places is one
  // of places, whatever its words; a longer word among places is not.
  expect_rules("支持洛阳、开封、郑州建设文化名城", "[洛阳 place][开封 place][郑州 place]");
  expect_rules("长沙、赤壁等3个县市获批示范县", "[长沙 place][赤壁 place]");
  expect_rules("赤壁、开封等名胜", "");
  expect_rules("发挥深圳等经济特区、上海浦东新区、天津滨海新区作用",
               "[深圳 place][上海浦东新区 place][天津滨海新区 place]");
  // A member the segmenter cut into pieces (甘其/毛/都, 满/都/拉) is one,
  // between the list's marks, first and last too (after a verb, before 等);
  // pieces holding a word the lexicon knows are not (they are ordinary words).
  for (const auto& [listed, places] : std::vector<std::pair<std::string, std::string>>{
           {"实施满洲里、二连浩特、甘其毛都、策克、满都拉等重点口岸提升工程", "[满洲里][二连浩特][甘其毛都][策克][满都拉]"},
           {"推进甘其毛都、策克、满洲里等口岸建设", "[甘其毛都][策克][满洲里]"},
           // (A character alone is no word hidden among places: 新 of 新开放.)
           {"推进满洲里、二连浩特、新开放口岸等建设", "[满洲里][二连浩特]"},
           // Places named together by a character for each (许昌 + 港, 郑州
           // + 焦作): a list of such words is one of places; 通信 is a word.
           {"推进许港、郑焦、郑新等产业带建设", "[许港][郑焦][郑新]"},
           {"提升苏陕、津陕协作水平", "[苏陕][津陕]"},
           {"加强交通、通信等建设", ""}}) {
    INFO(listed);
    s.clear();
    for (const auto& e : rules.extract(listed).entities) s += "[" + std::string(zhpolicy::slice(listed, e.span)) + "]";
    CHECK(s == places);
  }
  // A list closed by 等 and a word for firms is one of firms: its short
  // names are companies; common words listed so are kinds of business.
  CHECK(listing("抓好吉能、交投等企业重整重组", rules.extract("抓好吉能、交投等企业重整重组").entities, {}) ==
        "[吉能 company][交投 company]");
  CHECK(rules.extract("汽车、电子等企业加快发展").entities.empty());
}

TEST_CASE("entities: any input gives non-overlapping spans in order", "[entities][adversarial]") {
  std::string junk;
  for (int i = 0; i < 50000; ++i) junk.push_back(static_cast<char>((i * 7919 + 13) & 0xFF));
  // Han beyond the BMP (U+20000) where rules look characters up in BMP
  // tables: after a numeral of a numbered slogan, before a suffix, in quotes.
  const std::string wide_han = "\xF0\xA0\x80\x80";
  const std::string beyond_bmp = "一" + wide_han + "三" + wide_han + "六" + wide_han + "园区“" + wide_han + "”" +
                                 wide_han + "有限公司" + wide_han + "路";
  // A member of a list two readings find (a firm of a list of firms and a
  // firm's peer) is one mention, not two of one span.
  const std::string listed_firms = "抓好吉能、交投等企业重整重组";
  for (const std::string& text : {std::string(), junk, std::string(3000, '"'),
                                  std::string("“《“《") + std::string(1000, 'x') + "》”", beyond_bmp, listed_firms}) {
    const auto r = extractor().extract(text);
    uint32_t pos = 0;
    for (const auto& e : r.entities) {
      CHECK(e.span.begin >= pos);
      CHECK(e.span.end > e.span.begin);
      CHECK(e.span.end <= text.size());
      pos = e.span.end;
    }
  }
}

TEST_CASE("entities: given tokens, tiling or not, never break extraction", "[entities][tokens]") {
  const std::string text = "19日，渝中区委书记赵世庆出席区政协十五届二次会议，民革渝中区委发言。";
  const zhpolicy::Segmenter segmenter(test::lexicon());
  const auto expected = extractor().extract(text).entities;
  REQUIRE(expected.size() >= 5);
  // segment()'s tokens tile the text: the same entities as extract(text),
  // also where normalization changes the text (Traditional characters,
  // full-width forms, a cut character at the end, a character whose
  // normal form is several, ㉀ "(祭)": found by fuzz_entities).
  for (const std::string& written : {text, std::string("中華人民共和國憲\xE6"),
                                     std::string("２０２４年，重慶市渝中區政協委員趙世慶說"), std::string("㉀路线"),
                                     std::string("㈱重庆长安汽车㉀路线")}) {
    INFO(written);
    const auto want = extractor().extract(written).entities;
    const auto with_tokens = extractor().extract(written, segmenter.segment(written)).entities;
    REQUIRE(with_tokens.size() == want.size());
    for (size_t i = 0; i < want.size(); ++i) {
      CHECK(with_tokens[i].span.begin == want[i].span.begin);
      CHECK(with_tokens[i].span.end == want[i].span.end);
      CHECK(with_tokens[i].type == want[i].type);
    }
  }
  // Search-mode tokens overlap, some tokens start inside a character, none at
  // all: a defined result (valid, ordered spans), never a crash.
  std::vector<zhpolicy::Token> odd = segmenter.segment(text, zhpolicy::SegmentMode::kSearch);
  odd.push_back({{1, 2}, zhpolicy::TokenKind::kWord});
  odd.push_back({{static_cast<uint32_t>(text.size()), static_cast<uint32_t>(text.size())}, zhpolicy::TokenKind::kWord});
  for (const auto& tokens : {odd, std::vector<zhpolicy::Token>{}}) {
    uint32_t pos = 0;
    for (const auto& e : extractor().extract(text, tokens).entities) {
      CHECK(e.span.begin >= pos);
      CHECK(e.span.end > e.span.begin);
      CHECK(e.span.end <= text.size());
      pos = e.span.end;
    }
  }
}

TEST_CASE("analyzer: one pass gives tokens, numbers, entities; entity tokens tile", "[analyzer]") {
  const zhpolicy::Analyzer analyzer(test::lexicon());
  const std::string text = "民革渝中区委建议，区政协十五届二次会议期间新增就业4.6万人。";
  const zhpolicy::Document doc = analyzer.analyze(text);
  CHECK(doc.text() == text);
  CHECK(test::tiles(text, doc.tokens()));
  REQUIRE(doc.entities().size() == 2);
  CHECK(doc.text(doc.entities()[0].span) == "民革渝中区委");
  REQUIRE(doc.numbers().size() == 3);
  CHECK(doc.text(doc.numbers()[2].span) == "4.6万人");

  zhpolicy::AnalyzerOptions options;
  options.entity_tokens = true;
  const zhpolicy::Document merged = zhpolicy::Analyzer(test::lexicon(), options).analyze(text);
  CHECK(test::tiles(text, merged.tokens()));
  std::vector<std::string> words;
  for (const auto& t : merged.tokens()) words.emplace_back(merged.text(t.span));
  CHECK(words[0] == "民革渝中区委");
  CHECK(std::find(words.begin(), words.end(), "区政协十五届二次会议") != words.end());

  // An entity boundary inside a token splits it: 渝中 | 区委书记 from 渝中区/委/书记.
  const std::string byline = "渝中区委书记赵世庆";
  const auto split = zhpolicy::Analyzer(test::lexicon(), options).analyze(byline);
  CHECK(test::tiles(byline, split.tokens()));
  std::vector<std::string> parts;
  for (const auto& t : split.tokens()) parts.emplace_back(split.text(t.span));
  CHECK(parts == std::vector<std::string>{"渝中", "区委书记", "赵世庆"});

  const std::vector<std::string_view> texts(20, text);
  for (const auto& d : analyzer.analyze_many(texts, 2)) CHECK(d.entities().size() == 2);
}

TEST_CASE("entities: divisions by jieba's place words and their level", "[entities][place]") {
  // A word jieba tags a place, of a name and 州 or 省, is a division; not a
  // kind of one (自治州) nor a count (沿海各省).
  expect_rules("他在安大略省工作。", "[安大略省 place]");
  expect_rules("新工厂建在得克萨斯州。", "[得克萨斯州 place]");
  expect_rules("成立了二十九个自治州。", "");
  expect_rules("沿海各省加快发展。", "");
  // The large state banks by their short names.
  expect_rules("工商银行和建行宣布下调利率。", "[工商银行 company][建行 company]");
  // Sites, landforms and institutions by their head word.
  expect_rules("游客参观了龙门石窟。", "[龙门石窟 place]");
  expect_rules("贵州的黄果树瀑布游客量创下新高。", "[贵州 place][黄果树瀑布 place]");
  expect_rules("北京市气象台发布预警。", "[北京市气象台 organization]");
  expect_rules("论坛在上海国际会议中心开幕", "[上海国际会议中心 place]");
  expect_rules("中国互联网络信息中心发布报告", "[中国互联网络信息中心 organization]");
  // A parent or subsidiary is no firm's name; the firm before it is.
  expect_rules("阿里巴巴子公司发布公告", "[阿里巴巴 company]");
  expect_rules("陕西骊山微电子公司投产", "[陕西骊山微电子公司 company]");
  // A list of firms, a member of it the model alone reads as a place (康宁 nr).
  expect("引进京东方、惠科、康宁等龙头企业", "[京东方 company][惠科 company][康宁 company]");
  // The short forms of autonomous prefectures and regions (the gazetteer).
  expect_rules("新疆喀什和贵州黔东南", "[新疆 place][喀什 place][贵州 place][黔东南 place]");
}

TEST_CASE("entities: villages, ports, quarters and shores by their names", "[entities][place]") {
  // A village after its county that the segmenter cut into pieces (十八
  // 洞村, 骆驼 湾 村); not a kind (重点 村, 贫困 村) nor a count (三 个 村).
  expect_rules("来到花垣县十八洞村考察", "[花垣县 place][十八洞村 place]");
  expect_rules("阜平县骆驼湾村的村民", "[阜平县 place][骆驼湾村 place]");
  expect_rules("在十里铺村调研", "[十里铺村 place]");
  expect_rules("全县重点村和贫困村", "");
  expect_rules("该县三个村", "");
  // After its township, however the HMM cut the characters (镇余村,
  // 乡岚溪村: its level glued on), a post after it starting after 村; not a
  // count, a kind or a word of the sentence (镇 各 村, 新农村, 村民).
  expect_rules("安吉县天荒坪镇余村是两山理念诞生地", "[安吉县 place][天荒坪镇 place][余村 place]");
  expect_rules("城口县岚天乡岚溪村发展乡村旅游", "[城口县 place][岚天乡 place][岚溪村 place]");
  expect_rules("枫香镇花茂村党总支书记潘克刚发言", "[枫香镇 place][花茂村 place][党总支书记 position][潘克刚 person]");
  expect_rules("天荒坪镇各村和农村", "[天荒坪镇 place]");
  // A township whose level the segmenter read as a city's first character
  // (陈/埭/镇江/头村), and a rare place word ending in 村 after a piece (光 东村).
  expect_rules("晋江市陈埭镇江头村的鞋企", "[晋江市 place][陈埭镇 place][江头村 place]");
  expect_rules("南京市长江大桥", "[南京市 place][长江大桥 place]");
  expect_rules("和龙市光东村的稻田", "[和龙市 place][光东村 place]");
  expect_rules("天荒坪镇村民", "[天荒坪镇 place]");
  // A port by its cities and 港 written apart; not 港 of Hong Kong in a pair.
  expect_rules("宁波舟山港吞吐量继续增长", "[宁波舟山港 place]");
  expect_rules("粤港澳大湾区建设", "[粤港澳大湾区 place]");
  // A shopping district or quarter: the name alone is the place, as the
  // gold marks 化龙桥 of 化龙桥新兴商圈; not a kind, nor a name's modifier.
  expect_rules("新街口商圈客流回升", "[新街口 place]");
  expect_rules("推进大坪片区改造", "[大坪 place]");
  expect_rules("建设核心商圈和重点片区", "");
  expect_rules("大坪城市地标商圈", "[大坪 place]");
  // A list closed by 等 and a kind of quarter, site or water, ranked or
  // not, is one of places; a word and its landform's character (斧头 湖)
  // is a member.
  expect_rule_pass("支持白沙洲、南湖、鲁巷等商圈提档升级", "[白沙洲 place][南湖 place][鲁巷 place]");
  expect("支持白沙洲、南湖、鲁巷等商圈提档升级", "[白沙洲 place][南湖 place][鲁巷 place]");
  expect_rules("完成洪湖、梁子湖、斧头湖等湖泊生态修复", "[洪湖 place][梁子湖 place][斧头湖 place]");
  // A list before a noun of the land along its places (流域, 沿岸).
  expect_rules("治理嘉陵江、涪江、渠江流域", "[嘉陵江 place][涪江 place][渠江 place]");
  expect_rules("发展高端、智能、绿色沿线产业", "");
  // Roads named by a verb, as their direction shows; not where a verb of
  // going leads.
  expect_rules("完成解放西路、中兴路改造", "[解放西路 place][中兴路 place]");
  expect_rules("通往南路的车辆", "");
  // After a place of ours, a road jieba's dictionary holds at its lowest
  // count as a noun (金水路 n 3); not such a noun alone (新思路).
  expect_rules("郑州市金水路正在改造", "[郑州市 place][金水路 place]");
  expect_rules("开创新思路", "");
  // A site of a place after 的, when it ends as sites do (not its products:
  // 葡萄干, pinned above).
  expect_rules("苏州的拙政园今年接待游客", "[苏州 place][拙政园 place]");
  // A mission in a state written in its full form.
  expect_rules("中国驻南斯拉夫联邦共和国大使馆遭到轰炸", "[中国驻南斯拉夫联邦共和国大使馆 government]");
}

TEST_CASE("entities: a storm's name or a nickname in quotes is no slogan", "[entities][slogan]") {
  expect_rules("受台风“摩羯”影响，文昌市出现暴雨", "[文昌市 place]");
  expect_rules("实施“千万工程”", "[千万工程 slogan]");
}

TEST_CASE("entities: a news dateline's place ends before its 电", "[entities][place]") {
  // The model read 华盛顿电 as one place; the rules' place stays whole.
  expect("据新华社华盛顿电，", "[新华社 organization][华盛顿 place]");
  expect("本报巴黎电 记者李明报道", "[巴黎 place][记者 position][李明 person]");
}

TEST_CASE("entities: persons by their context", "[entities][person]") {
  // Before a title written after a name, a coinage whose characters read
  // little as a name (the model scores common given names low).
  expect_rules("赵洋教授介绍了研究成果。", "[赵洋 person][教授 position]");
  expect_rules("胡洋同志是一名老党员。", "[胡洋 person]");
  // A list of name-shaped members is one of persons, with a surname the
  // segmenter cut off at its end (晏 紫); not one of a single surname.
  expect_rules("周洁、林洁和胡洋曾获得这一奖项。", "[周洁 person][林洁 person][胡洋 person]");
  expect_rules("韩雪、邓超和晏紫曾获得奖项。", "[韩雪 person][邓超 person][晏紫 person]");
  expect_rules("推动高水平、高质量发展。", "");
  // After a post, an unknown word jieba's posseg HMM reads as a
  // transliterated name; not after the people of a place (农民 新修), nor
  // a phrase (记者 从市 卫健委). A preposition the HMM glued to such a name
  // is cut off (斯塔 默在 伦敦).
  expect_rules("美国财政部长耶伦将访问北京。", "[美国 place][部长 position][耶伦 person][北京 place]");
  expect_rules("农民新修了水渠。", "");
  expect_rules("记者从市卫健委获悉", "[记者 position][市卫健委 government]");
  expect_rules("英国首相斯塔默在伦敦会见来宾。", "[英国 place][首相 position][斯塔默 person][伦敦 place]");
  // A function word the HMM glued to a name's end belongs to neither the
  // name nor a body named after it (司马 红是 浙江大学).
  expect_rules("司马红是浙江大学的研究员。", "[司马红 person][浙江大学 organization][研究员 position]");
  // A verb of going or a preposition the HMM glued to a name, before the
  // place it governs (张文到 江北区).
  expect_rules("重庆大学教授张文到江北区调研。", "[重庆大学教授 position][张文 person][江北区 place]");
  // A transliterated subject jieba tags as another proper noun (格兰迪 nz).
  expect_rules("格兰迪在日内瓦呼吁各方提供援助。", "[格兰迪 person][日内瓦 place]");
  // A name a photo's caption places, and the one with it when it reads
  // surely as a name (not 高水平: jieba tags it nr).
  expect_rules("图为刘德华（右）与周星驰握手。", "[刘德华 person][周星驰 person]");
  expect_rules("王芳（左二）在活动现场。", "[王芳 person]");
  expect_rules("图为张华（左）与高水平运动员合影。", "[张华 person]");
  expect_rules("建设中心（中）", "");
  // After a title, a surname and a character as one word (李家 nrfg) and a
  // character read as a verb (超): the three, when they read surely as a
  // name; not a verb of going (王刚 到).
  expect_rules("行政长官李家超发表施政报告", "[行政长官 position][李家超 person]");
  expect_rules("记者王刚到现场采访", "[记者 position][王刚 person]");
  // Or the character the HMM glued to the preposition after it (超在).
  expect_rules("行政长官李家超在施政报告中提出", "[行政长官 position][李家超 person]");
  // Not a conjunction the segmenter cut off after a role (冠军 和 亚军: 和
  // is a surname too, jieba tags 亚军 nr); 于 and 向 stay surnames.
  expect_rules("他获得男单冠军和亚军", "");
  expect_rules("记者于洋报道", "[记者 position][于洋 person]");
  // A role the segmenter cut before its last character (快递 员).
  expect_rules("快递员李超在雨中坚持送件。", "[李超 person]");
  // Leaders and ministers by titles of other systems (领导人, 大臣).
  expect_rules("台湾地区领导人赖清德的讲话", "[台湾 place][赖清德 person]");
  expect_rules("英国外交大臣拉米的讲话", "[英国 place][拉米 person]");
  expect_rules("美国总统特使凯洛格抵达基辅", "[美国 place][总统 position][凯洛格 person][基辅 place]");
  expect_rules("联合国难民事务高级专员格兰迪呼吁", "[联合国 organization][格兰迪 person]");
  // A name of three the HMM glued the next character to (刘美华时, 李秀兰住),
  // and a surname with an adjective of two as the given name (周 宏伟); not
  // a phrase glued to a rarer noun (齐风鲁 韵).
  expect_rules("记者见到刘美华时，她正在田里忙碌。", "[记者 position][刘美华 person]");
  expect_rules("老伴李秀兰住在村东头", "[李秀兰 person]");
  expect_rules("这是周宏伟第三次参加比赛", "[周宏伟 person]");
  expect_rules("齐风鲁韵非遗海外展演", "");
  // Tibetan names: two parts of such names side by side (次仁卓玛), also
  // where jieba tags the pair a place (洛桑达瓦 ns) or the segmenter glued a
  // conjunction to the last part (达瓦次 仁和); not a greeting (扎西德勒).
  expect_rules("次仁卓玛在拉萨开了一家茶馆", "[次仁卓玛 person][拉萨 place]");
  expect_rules("达瓦次仁和格桑梅朵参加了比赛", "[达瓦次仁 person][格桑梅朵 person]");
  expect_rules("洛桑达瓦出席会议", "[洛桑达瓦 person]");
  expect_rules("扎西德勒", "");
  // A surname and a word jieba tags a place, ending as given names and
  // landforms both do, before a verb of speech (钟南山表示).
  expect_rules("钟南山表示，疫情总体可控。", "[钟南山 person]");
  // So in a list with a person named (钟南山 ns 和 李兰娟 院士).
  expect_rules("钟南山和李兰娟院士出席了论坛", "[钟南山 person][李兰娟 person][院士 position]");
  // No name of an adverb and the preposition the HMM glued to it after a
  // title (曾到: 曾 is a surname too).
  expect_rules("总书记曾到湖南考察", "[总书记 position][湖南 place]");
  expect_rules("主任曾到基层调研", "[主任 position]");
  // A name's last character the HMM glued to the preposition after it, a
  // pair before it unknown (潘展 乐以) or the surname alone (李 华以).
  expect_rules("中国选手潘展乐以46秒40夺冠", "[中国 place][潘展乐 person]");
  expect_rules("主任李华以高票当选", "[主任 position][李华 person]");
  // After a title, a name of three jieba's dictionary holds at its lowest
  // count under another tag (陈佳洱 n 3).
  expect_rules("北京大学校长陈佳洱宣布成立研究中心", "[北京大学 organization][校长 position][陈佳洱 person]");
  // A word of a head word and a title (大学校长): the name ends inside it.
  expect_rules("施一公当选西湖大学校长", "[施一公 person][西湖大学 organization][校长 position]");
}

TEST_CASE("entities: user entity terms from a file, with file:line errors", "[entities][user]") {
  const zhpolicy::Lexicon lex = test::lexicon().with_entity_dict(ZHPOLICY_TEST_DATA "/entity_dict.txt");
  const zhpolicy::EntityExtractor ex(lex);
  const std::string text = "鼓励重庆长航参加险资入渝大会";
  std::string found;
  for (const auto& e : ex.extract(text).entities) {
    found += "[" + std::string(zhpolicy::slice(text, e.span)) + " " + std::string(to_string(e.type)) + "]";
  }
  CHECK(found == "[重庆长航 company][险资入渝大会 meeting]");
  CHECK(lex.lookup("重庆长航")->freq == 50);
  CHECK_FALSE(test::lexicon().lookup("险资入渝大会"));  // the shared lexicon is untouched

  const std::string bad = std::string(P_tmpdir) + "/zhpolicy_bad_entities.txt";
  std::ofstream(bad) << "渝中 place\n区委 body\n";
  CHECK_THROWS_WITH(test::lexicon().with_entity_dict(bad),
                    Catch::Contains("zhpolicy_bad_entities.txt:2: expected an entity type"));
  std::ofstream(bad) << "渝中\n";
  CHECK_THROWS_WITH(test::lexicon().with_entity_dict(bad),
                    Catch::Contains(":1: expected 'term type [freq]', got 1 field(s)"));
}

TEST_CASE("analyzer: the entities of one shared pass equal the extractor's own", "[analyzer][entities]") {
  // Inside Analyzer (and extract(text)), entity extraction runs on the
  // normalized view the segmenter decoded, with its tokens and the typed
  // terms its word graphs met; given the caller's tokens, it decodes the
  // text as it is and looks every term up in its own index. On text that
  // normalization leaves alone both must find the same: every corpus line,
  // and with user terms that shadow a base term or hold a non-Han character.
  const zhpolicy::Lexicon user = test::lexicon().with_user_words({
      {"渝中", std::nullopt, "", EntityType::kOrganization},  // the same span as a base place
      {"中关村5G园", std::nullopt, "", EntityType::kPlace},  // not met on a Han run
      {"渝事好商量", std::nullopt, "", EntityType::kSlogan},
  });
  std::vector<std::string> texts = {
      "渝中区委书记赵世庆在中关村5G园调研,强调“渝事好商量”。",
      "民革渝中区委...区政协提案委",
      "区委书记：赵世庆，２０２４年新增就业４.６万人，增长１２.５％，“１１２４１”热线…",  // normalized
      "",
      "\xff渝中区\xe5\x8c政协",
  };
  for (const char* name : {"000_896179ee8e786521.txt", "001_674e5ce036ec5342.txt", "002_31f553e2c859f86c.txt",
                           "003_0b9efb6d18d52ebe.txt", "004_c89ce8d7da60ab45.txt"}) {
    const std::string doc = test::read_file(std::string(ZHPOLICY_SHARED_DIR) + "/corpus/" + name);
    REQUIRE(!doc.empty());
    texts.push_back(doc);
    for (size_t pos = 0; pos < doc.size();) {
      const size_t eol = std::min(doc.find('\n', pos), doc.size());
      texts.push_back(doc.substr(pos, eol - pos));
      pos = eol + 1;
    }
  }
  // Numbers too: inside Analyzer their candidates come from the segmenter's
  // decoding, on their own from a byte scan.
  auto numbers = [](std::string_view text, const std::vector<zhpolicy::Number>& ns) {
    std::string s;
    for (const auto& n : ns) {
      s += "[" + std::string(zhpolicy::slice(text, n.span)) + " " + n.value.to_string() + n.unit + " " + n.iso + "]";
    }
    return s;
  };
  size_t found = 0, compared = 0, numbers_found = 0;
  for (const zhpolicy::Lexicon& lex : {test::lexicon(), user}) {
    const zhpolicy::Analyzer analyzer(lex);
    const zhpolicy::EntityExtractor ex(lex);
    const zhpolicy::NumberExtractor nx(lex);
    const zhpolicy::Segmenter seg(lex);
    for (const std::string& text : texts) {
      const zhpolicy::Document all = analyzer.analyze(text);
      CHECK(numbers(text, all.numbers()) == numbers(text, nx.extract(text)));
      numbers_found += all.numbers().size();
      if (zhpolicy::normalize(text).normalized != text) continue;
      INFO(text.substr(0, 120));
      const zhpolicy::Document doc = analyzer.analyze(text);
      const zhpolicy::Entities by_tokens = ex.extract(text, seg.segment(text));
      const std::string shared = listing(text, doc.entities(), doc.relations());
      CHECK(shared == listing(text, by_tokens.entities, by_tokens.relations));
      const zhpolicy::Entities own = ex.extract(text);
      CHECK(shared == listing(text, own.entities, own.relations));
      found += doc.entities().size();
      ++compared;
    }
  }
  CHECK(compared > 300);
  CHECK(found > 1000);
  CHECK(numbers_found > 500);
  const zhpolicy::Document doc = zhpolicy::Analyzer(user).analyze(texts[0]);
  CHECK(listing(texts[0], doc.entities(), {}) ==
        "[渝中 organization][区委书记 position][赵世庆 person][中关村5G园 place][渝事好商量 slogan]");
}

TEST_CASE("entities: full-width forms are read as their normalized forms", "[analyzer][entities]") {
  // Rules see the normalized view: a full-width colon, comma or digit acts
  // as the ASCII one, and spans are given in the text as written.
  const zhpolicy::Analyzer analyzer(test::lexicon());
  const std::string ascii = "区委书记:赵世庆,区政协第15届二次会议,拨打“11241”热线,渝中区(解放碑)。";
  const std::string wide = "区委书记：赵世庆，区政协第１５届二次会议，拨打“１１２４１”热线，渝中区（解放碑）。";
  const zhpolicy::Document a = analyzer.analyze(ascii), w = analyzer.analyze(wide);
  CHECK(listing(ascii, a.entities(), a.relations()) ==
        "[区委书记 position][赵世庆 person][区政协第15届二次会议 meeting][渝中区 place][解放碑 place](1,0)");
  std::string wide_listing = listing(wide, w.entities(), w.relations());
  CHECK(wide_listing ==
        "[区委书记 position][赵世庆 person][区政协第１５届二次会议 meeting][渝中区 place][解放碑 place](1,0)");
  CHECK(listing(wide, extractor().extract(wide).entities, {}) + "(1,0)" == wide_listing);
  // A character that normalizes to several tokens (㈠ → ( 一 )) leaves the
  // token rules after it working: 赵世庆 before 强调 is a name.
  for (const std::string text : {"㈠赵世庆强调", "赵世庆强调"}) {
    INFO(text);
    const zhpolicy::Document d = analyzer.analyze(text);
    CHECK(listing(text, d.entities(), {}) == "[赵世庆 person]");
  }
}

TEST_CASE("analyzer: ill-formed UTF-8 is an error when the options say so", "[analyzer][adversarial]") {
  zhpolicy::AnalyzerOptions strict;
  strict.segmenter.invalid_utf8 = zhpolicy::InvalidUtf8::kThrow;
  const zhpolicy::Analyzer analyzer(test::lexicon(), strict);
  CHECK_THROWS_WITH(analyzer.analyze("区委\xff书记"), Catch::Contains("invalid UTF-8 at byte 6"));
  const zhpolicy::Document doc = analyzer.analyze("区委书记赵世庆");
  CHECK(listing(doc.text(), doc.entities(), doc.relations()) == "[区委书记 position][赵世庆 person](1,0)");
  // The default isolates the byte and goes on on both sides of it.
  const zhpolicy::Document lenient = zhpolicy::Analyzer(test::lexicon()).analyze("区委\xff书记赵世庆");
  CHECK(listing(lenient.text(), lenient.entities(), lenient.relations()) ==
        "[区委 government][书记 position][赵世庆 person](2,1)");
}

TEST_CASE("analyzer: threads sharing one analyzer get single-threaded results", "[analyze][threads]") {
  // Whole documents and Traditional lines: the per-thread workspaces, the
  // entity model and OpenCC's converter (loaded on first need, here by
  // whichever thread gets there first) are shared.
  std::vector<std::string> texts;
  for (const char* name : {"001_674e5ce036ec5342.txt", "004_c89ce8d7da60ab45.txt"}) {
    texts.push_back(test::read_file(std::string(ZHPOLICY_SHARED_DIR) + "/corpus/" + name));
  }
  texts.push_back("二〇二五年地區生產總值增長5.2%，達到三萬兩千億元；召開區政協十五屆一次會議");
  texts.push_back("渝中区委书记赵世庆出席区政协十五届二次会议，新增5家企业");
  const zhpolicy::Analyzer analyzer(test::lexicon());
  auto summary = [](const zhpolicy::Document& d) {
    std::string s;
    for (const auto& e : d.entities()) s += std::to_string(e.span.begin) + ":" + std::string(to_string(e.type)) + " ";
    for (const auto& n : d.numbers()) s += std::to_string(n.span.begin) + "=" + n.value.to_string() + " ";
    return s + std::to_string(d.tokens().size());
  };
  std::vector<std::string> expected;
  std::vector<int> ok(4, 1);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      std::vector<std::string> mine;
      for (int round = 0; round < 2; ++round) {
        for (const auto& text : texts) mine.push_back(summary(analyzer.analyze(text)));
      }
      std::lock_guard<std::mutex> lock(*[] { static std::mutex m; return &m; }());
      if (expected.empty()) expected = mine;
      ok[t] = mine == expected;
    });
  }
  for (auto& th : threads) th.join();
  CHECK(ok == std::vector<int>(4, 1));
  std::vector<std::string> single;
  for (int round = 0; round < 2; ++round) {
    for (const auto& text : texts) single.push_back(summary(analyzer.analyze(text)));
  }
  CHECK(single == expected);
}
