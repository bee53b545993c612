#!/usr/bin/env python3
"""Writes a synthetic news corpus for benchmarks: JSON Lines, one article per line.

Every story is one event told several times: a simplified-Chinese report, a reprint
(sometimes with one figure changed), a traditional-Chinese rewrite and an English
translation (sometimes with a scale slip), each with filler paragraphs so articles have
news-like length. Figures are drawn per story, so stories share few distinctive values.
Deterministic for a given --seed.

    bench/gen_corpus.py --mb 100 --out /tmp/corpus-100.jsonl
"""
import argparse
import json
import random

CITIES = ["江城", "海州", "云川", "北原", "南陵", "西岭", "东湖", "青山"]
CITIES_HANT = ["江城", "海州", "雲川", "北原", "南陵", "西嶺", "東湖", "青山"]
CITIES_EN = ["Jiangcheng", "Haizhou", "Yunchuan", "Beiyuan", "Nanling", "Xiling", "Donghu", "Qingshan"]

# Filler is composed from fragments so that articles of different stories share phrases,
# as real news does, without being near-copies of each other.
SUBJECTS_ZH = ["有关负责人", "市场人士", "业内专家", "基层干部", "受访居民", "区县代表", "研究人员", "一线医生",
               "相关部门", "监管机构", "社区工作者", "企业代表"]
VERBS_ZH = ["表示", "认为", "指出", "介绍", "强调", "透露", "坦言", "建议"]
CLAUSES_ZH = ["下一步将继续完善配套政策", "要加强统筹协调", "各项措施正在落地见效", "服务能力仍有提升空间",
              "群众获得感明显增强", "短板弱项需要尽快补齐", "资金使用效率有所提高", "督导检查将常态化开展",
              "好的经验做法值得推广", "市场预期总体稳定", "基层队伍建设亟待加强", "信息化水平不断提升",
              "人才引进力度持续加大", "远程诊疗覆盖面继续扩大", "药品供应保障更加有力", "考核评价机制逐步健全"]
SUBJECTS_HANT = ["有關負責人", "市場人士", "業內專家", "基層幹部", "受訪居民", "研究人員", "一線醫生", "相關部門"]
VERBS_HANT = ["表示", "認為", "指出", "介紹", "強調", "透露"]
CLAUSES_HANT = ["下一步將繼續完善配套政策", "要加強統籌協調", "各項措施正在落地見效", "服務能力仍有提升空間",
                "群眾獲得感明顯增強", "短板弱項需要盡快補齊", "資金使用效率有所提高", "督導檢查將常態化開展",
                "好的經驗做法值得推廣", "市場預期總體穩定", "基層隊伍建設亟待加強", "資訊化水準不斷提升"]
SUBJECTS_EN = ["Officials", "Analysts", "Local doctors", "Residents", "Researchers", "Hospital managers",
               "Community workers", "Regulators"]
VERBS_EN = ["said", "noted", "stressed", "argued", "added", "pointed out"]
CLAUSES_EN = ["supporting policies will keep improving", "coordination must be strengthened",
              "the measures are taking effect", "service capacity still has room to grow",
              "weak links need to be fixed quickly", "funds are being used more efficiently",
              "inspections will become routine", "good practices deserve to be shared",
              "market expectations are broadly stable", "grassroots teams need more staff",
              "telemedicine keeps reaching more villages", "drug supplies are more reliable"]


def filler(rng, lang):
    if lang == "en":
        s, v, c = SUBJECTS_EN, VERBS_EN, CLAUSES_EN
        parts = rng.sample(c, 3)
        return f"{rng.choice(s)} {rng.choice(v)} that {parts[0]}, that {parts[1]} and that {parts[2]}."
    s, v, c = (SUBJECTS_HANT, VERBS_HANT, CLAUSES_HANT) if lang == "hant" else (SUBJECTS_ZH, VERBS_ZH, CLAUSES_ZH)
    return f"{rng.choice(s)}{rng.choice(v)}，" + "，".join(rng.sample(c, 4)) + "。"


def figures(rng):
    return dict(
        invest=round(rng.uniform(1.01, 9.99), 2),  # 万亿元 / trillion yuan
        counties=rng.randint(1000, 99999),  # 家县级医院
        tertiary=rng.randint(1000, 9999),  # 家三级医院
        visits=round(rng.uniform(10.01, 98.99), 2),  # 万人次 (×10,000)
        rate=round(rng.uniform(10.01, 89.99), 2),  # %
        doctors=rng.randint(1200, 9800),  # 多亿元
        city=rng.randrange(len(CITIES)),
        day=rng.randint(1, 28),
    )


def zh_hans(f):
    c = CITIES[f["city"]]
    return [
        f"{c}讯 记者从市卫生健康委获悉，十年来财政累计投入资金{f['invest']}万亿元，支持{f['counties']}家县级医院提标扩能。",
        f"全市{f['tertiary']}家城市三级医院与县级医院建立对口帮扶关系，医务人员下沉基层{f['visits']}万人次。",
        f"今年以来，基层诊疗量占比达到{f['rate']}%，累计安排专项资金{f['doctors']}多亿元。",
    ]


def zh_hant(f):
    c = CITIES_HANT[f["city"]]
    return [
        f"{c}訊 十年來財政累計投入資金{f['invest']}萬億元，支持{f['counties']}家縣級醫院提標擴能。",
        f"{f['tertiary']}家城市三級醫院與縣級醫院建立對口幫扶關係，醫務人員下沉基層{f['visits']}萬人次。",
        f"基層診療量佔比達到{f['rate']}%，累計安排專項資金{f['doctors']}多億元。",
    ]


def english(f, slip):
    c = CITIES_EN[f["city"]]
    scale = "billion" if slip else "trillion"
    visits = f"{round(f['visits'] * 10000):,}"
    return [
        f"{c}: Over ten years the government invested {f['invest']} {scale} yuan and supported "
        f"{f['counties']:,} county-level hospitals.",
        f"In all, {f['tertiary']:,} urban tertiary hospitals were paired with county hospitals, and medical "
        f"personnel made {visits} visits to the grassroots.",
        f"Primary care now handles {f['rate']}% of visits, and special funds of more than {f['doctors']} "
        f"hundred million yuan were arranged.",
    ]


def article(rng, lines, lang):
    body = list(lines)
    for _ in range(rng.randint(3, 7)):
        body.insert(rng.randrange(len(body) + 1), filler(rng, lang))
    return "\n".join(body)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, required=True, help="approximate size in megabytes")
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    limit = int(a.mb * 1e6)
    written = 0
    story = 0
    with open(a.out, "w", encoding="utf-8") as out:
        while written < limit:
            story += 1
            f = figures(rng)
            date = f"2022-{rng.randint(1, 12):02d}-{f['day']:02d}"
            reprint = dict(f)
            if rng.random() < 0.1:  # a changed figure in the reprint
                reprint["counties"] += rng.choice([-900, 900, 90])
            docs = [
                ("zh", article(rng, zh_hans(f), "zh")),
                ("zh-reprint", article(rng, zh_hans(reprint), "zh")),
                ("zh-hant", article(rng, zh_hant(f), "hant")),
                ("en", article(rng, english(f, rng.random() < 0.05), "en")),
            ]
            if rng.random() < 0.05:  # a verbatim copy under another id
                docs.append(("copy", docs[0][1]))
            for kind, text in docs:
                line = json.dumps({"id": f"{story}-{kind}", "date": date, "text": text}, ensure_ascii=False)
                out.write(line + "\n")
                written += len(line.encode("utf-8")) + 1
    print(f"{a.out}: {written / 1e6:.1f} MB, {story} stories")


if __name__ == "__main__":
    main()
