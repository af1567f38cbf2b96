#!/usr/bin/python3
"""The small score workbook of the tests (basicFixture in test/support/xlsx.ts), written by Python producers:
openpyxl (as pandas and many Python exports write) and xlsxwriter. Debian's python3-openpyxl and
python3-xlsxwriter (npm run setup:system). Usage: make_producer_workbooks.py OUTDIR"""
import os
import sys

import openpyxl
import xlsxwriter

ITEMS = ["政治理论学习", "群众思想政治工作", "组织生活", "党员教育管理与党费收缴", "联系群众", "批评与自我批评",
         "组织纪律", "先锋模范与示范岗", "制度执行与《党小组工作手册》", "台账记录", "安全生产(零违章、无责任性事故)",
         "生产任务与示范服务日"]
MAXES = [10, 10, 10, 8, 7, 8, 6, 6, 8, 7, 10, 10]
HEADER = ["年度", "半年度", "党小组", "党小组长", "联系支委"] + [f"{i + 1}.{n}" for i, n in enumerate(ITEMS)] + ["备注"]


def scores(total):
    """Twelve item scores adding up to total, losing points from item 12 backwards (as the JS tests do)."""
    missing = round((100 - total) * 100)
    out = []
    for m in reversed(MAXES):
        lose = min(missing, m * 100)
        missing -= lose
        out.append((m * 100 - lose) / 100)
    return list(reversed(out))


ROWS = [
    [2024, "上半年", "城东供电所党小组", "王建国", "孙立平", 96],
    [2024, "上半年", "线路运维一班党小组", "张卫东", "吴红梅", 75],
    [2024, "下半年", "城东供电所党小组", "王建国", "孙立平", 95],
    [2024, "下半年", "线路运维一班党小组", "张卫东", "吴红梅", 88.5],
]


def number(x):
    return int(x) if float(x).is_integer() else x


def openpyxl_book(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "考评记录"
    ws.append(HEADER + ["合计"])
    for i, (year, half, group, leader, liaison, total) in enumerate(ROWS, start=2):
        # A =SUM total, as a template would carry: openpyxl stores no calculated result for it.
        ws.append([year, half, group, leader, liaison] + [number(s) for s in scores(total)] + [None, f"=SUM(F{i}:Q{i})"])
    wb.save(path)


def xlsxwriter_book(path):
    wb = xlsxwriter.Workbook(path)
    ws = wb.add_worksheet("考评记录")
    ws.write_row(0, 0, HEADER)
    for r, (year, half, group, leader, liaison, total) in enumerate(ROWS, start=1):
        ws.write_row(r, 0, [year, half, group, leader, liaison] + [number(s) for s in scores(total)])
    wb.close()


if __name__ == "__main__":
    out = sys.argv[1]
    openpyxl_book(os.path.join(out, "openpyxl.xlsx"))
    xlsxwriter_book(os.path.join(out, "xlsxwriter.xlsx"))
