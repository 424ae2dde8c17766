#!/usr/bin/env python3
"""Writes N realistic catalog items as CSV (or JSONL) for `gongkai import items`.

The items fit the demo agency (`gongkai demo`, slug cxswj): its departments, its own classes
and the default 主题分类 / 体裁 names. Titles, summaries and bodies are Chinese government
texts of a commerce bureau assembled from phrase tables (3-6 paragraphs, about 1.5 KB of
HTML), dates spread over 2008-2023, 文号 on about half of them. 90 % are published (with a
publish_date and no index_no, so the importer generates every 索引号), 10 % are drafts.
The output depends only on N and --seed.

usage: bench/gen_items.py N [--out FILE] [--seed 1] [--jsonl]
"""
import argparse
import csv
import datetime
import json
import random
import sys

DEPARTMENTS = ["办公室", "商贸流通科", "对外贸易科", "外商投资科", "服务业发展科", "电子商务科", "市场运行科"]
CLASSES = {
    "政策法规类": ["规范性文件", "本单位文件", "上级文件"],
    "业务类": ["政务动态", "业务工作"],
    "便民服务类": ["公开指南", "机构职能", "领导信息", "办事指南"],
    "计划总结类": ["发展规划", "计划总结", "年度报告"],
}
CLASS_WEIGHTS = {"政策法规类": 15, "业务类": 49, "便民服务类": 33, "计划总结类": 3}
TOPICS = ["商贸、海关、旅游/国内贸易", "商贸、海关、旅游/对外经贸合作", "商贸、海关、旅游/服务业",
          "商贸、海关、旅游/口岸", "综合政务/政务公开", "国民经济管理、国有资产监管/统计",
          "市场监管、安全生产监管/安全生产", "财政、金融、审计/财政", "工业、交通/信息产业"]
GENRES = ["通知", "公告", "通告", "意见", "通报", "报告", "批复", "函", "纪要", "决定", "其他"]
ACTIONS = ["开展", "做好", "加强", "组织", "推进", "规范", "印发", "下达", "公布", "申报"]
SUBJECTS = ["商贸流通统计", "外贸出口企业信用评价", "服务业重点项目", "电子商务示范企业认定",
            "成品油市场专项整治", "家电下乡销售网点", "再生资源回收体系建设", "农村商贸网点改造",
            "外商投资企业联合年检", "加工贸易转型升级", "展会补助资金", "商务领域安全生产检查",
            "生猪屠宰行业管理", "酒类流通备案登记", "单用途商业预付卡管理", "会展业发展扶持",
            "汽车以旧换新补贴", "肉菜流通追溯体系", "中小商贸企业融资服务", "出口商品质量提升"]
ENDINGS = ["工作的通知", "工作的实施意见", "有关事项的公告", "情况的通报", "工作的报告", "资金的批复",
           "工作方案", "管理办法", "专项行动方案", "工作要点"]
PHRASES = [
    "根据上级有关文件精神，结合我市实际，现就有关事项通知如下",
    "各镇（街道）经济发展办公室、各有关企业要高度重视，切实加强组织领导",
    "按照统一部署、分级负责、属地管理的原则，明确责任分工，细化工作措施",
    "进一步优化商贸流通网络布局，完善城乡市场体系，提升服务业发展水平",
    "申报单位应当如实填写申报材料，对材料的真实性负责，逾期不予受理",
    "市商务局将会同市财政局对申报项目进行审核，并将审核结果在网上公示",
    "各单位要加强监督检查，及时发现和消除安全隐患，确保不发生重大安全事故",
    "鼓励企业积极开拓国际市场，调整出口商品结构，提高自主品牌产品出口比重",
    "充分发挥电子商务在促进消费、扩大就业、转变发展方式中的重要作用",
    "对在工作中成绩突出的单位和个人予以通报表扬，对工作不力的予以通报批评",
    "请于每月五日前将上月统计报表报送市商务局市场运行科，联系电话：63012345",
    "本办法自发布之日起施行，由市商务局负责解释，原有规定与本办法不一致的以本办法为准",
    "加大政策扶持力度，落实各项优惠措施，营造良好的发展环境",
    "建立健全长效管理机制，推动相关工作制度化、规范化、常态化",
    "统计数据显示，全市社会消费品零售总额同比增长百分之十二点三，运行总体平稳",
    "各有关部门要密切配合，形成工作合力，确保各项任务按时保质完成",
]
SIGNERS = ["慈溪市商务局", "慈溪市商务局办公室", "慈溪市服务业发展局"]


def weighted_class(rng):
    r = rng.randrange(100)
    for name, w in CLASS_WEIGHTS.items():
        if r < w:
            return name
        r -= w
    return "业务类"


def paragraph(rng):
    return "，".join(rng.choice(PHRASES) for _ in range(rng.randint(2, 4))) + "。"


def item(rng, n):
    year = rng.randint(2008, 2023)
    created = datetime.date(year, 1, 1) + datetime.timedelta(days=rng.randrange(360))
    published = created + datetime.timedelta(days=rng.choice([0, 1, 2, 3, 5, 7, 10, 14, 30]))
    subject = rng.choice(SUBJECTS)
    title = f"关于{rng.choice(ACTIONS)}{published.year}年度{subject}{rng.choice(ENDINGS)}（第{n}号）"
    paras = [paragraph(rng) for _ in range(rng.randint(3, 6))]
    sign = rng.choice(SIGNERS)
    body = "\n".join(f"<p>{p}</p>" for p in paras) + f"\n<p>{sign}</p>\n<p>{created.year}年{created.month}月{created.day}日</p>"
    top = weighted_class(rng)
    draft = rng.randrange(10) == 0
    doc_no = f"慈商〔{created.year}〕{rng.randint(1, 199)}号" if rng.randrange(2) else ""
    return {
        "title": title,
        "summary": f"{sign}{subject}有关事项。",
        "body_html": body,
        "doc_no": doc_no,
        "keywords": " ".join(rng.sample(["商贸", "服务业", "外贸", "统计", "电子商务", "安全生产", "资金"], 3)),
        "department": rng.choice(DEPARTMENTS[1:]),
        "class": rng.choice(CLASSES[top]),
        "topic": rng.choice(TOPICS),
        "genre": rng.choice(GENRES),
        "creation_date": created.isoformat(),
        "publish_date": "" if draft else published.isoformat(),
        "validity": "有效",
        "validity_changed_on": "",
        "disclosure_mode": "主动公开",
        "carrier": "电子",
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int)
    ap.add_argument("--out", default="-")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--jsonl", action="store_true")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    out = sys.stdout if a.out == "-" else open(a.out, "w", encoding="utf-8", newline="")
    fields = list(item(random.Random(0), 0).keys())
    if a.jsonl:
        for i in range(1, a.n + 1):
            out.write(json.dumps(item(rng, i), ensure_ascii=False) + "\n")
    else:
        w = csv.DictWriter(out, fieldnames=fields, lineterminator="\r\n")
        w.writeheader()
        for i in range(1, a.n + 1):
            w.writerow(item(rng, i))
    out.close()


if __name__ == "__main__":
    main()
