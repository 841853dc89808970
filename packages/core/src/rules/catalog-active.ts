/**
 * Rules of 二、主动公开政府信息情况. The two national formats ask different things of this table;
 * each rule applies where the format has the columns (or roles) it speaks of.
 */
import { inEachRowWith, l } from "./catalog-kit";
import type { RuleDefinition } from "./definitions";

export const ACTIVE_DISCLOSURE_RULES: readonly RuleDefinition[] = [
  // ------------------------------------------------------------------ 件数 columns (2021 form)
  {
    id: "T2-INT",
    kind: "cells",
    table: "activeDisclosure",
    check: "type",
    cellKinds: ["count"],
    tableLacks: "signedCount",
    severity: "error",
    title: l("主动公开件数为非负整数", "Proactive-disclosure counts are whole numbers ≥ 0"),
  },
  {
    id: "T2-FEE",
    kind: "cells",
    table: "activeDisclosure",
    check: "type",
    cellKinds: ["money"],
    needs: ["feeAmount"],
    severity: "error",
    title: l("收费金额为不小于0的金额（万元）", "Fees are an amount ≥ 0 in 10,000 yuan"),
  },
  {
    id: "T2-FEE-UNIT",
    kind: "check",
    check: "feeUnit",
    severity: "warning",
    needs: ["feeAmount"],
    title: l("收费金额单位为万元", "Fees are in 10,000 yuan"),
  },
  {
    id: "R-TABLES",
    kind: "cells",
    table: "activeDisclosure",
    check: "presence",
    severity: "error",
    title: l("主动公开表全部填写（没有的填0）", "The proactive-disclosure table is filled in (0 where none)"),
  },
  inEachRowWith("activeDisclosure", "inForce", {
    id: "T2-INFORCE-ROLL",
    severity: "warning",
    crossYear: true,
    title: l("现行有效件数＝上年现行有效＋本年制发－本年废止", "In force = last year's in force + issued − repealed"),
    lhs: ["prev:activeDisclosure.{r}.inForce", "activeDisclosure.{r}.issued", "-activeDisclosure.{r}.repealed"],
    relation: "==",
    rhs: ["activeDisclosure.{r}.inForce"],
    stated: "rhs",
  }),
  inEachRowWith("activeDisclosure", "inForce", {
    id: "T2-REPEAL-LE",
    severity: "warning",
    crossYear: true,
    title: l("本年废止件数不超过上年现行有效与本年制发之和", "Repealed ≤ last year's in force + issued"),
    lhs: ["activeDisclosure.{r}.repealed"],
    relation: "<=",
    rhs: ["prev:activeDisclosure.{r}.inForce", "activeDisclosure.{r}.issued"],
    stated: "lhs",
  }),
  {
    id: "T2-REG-SCOPE",
    kind: "check",
    check: "regulationScope",
    severity: "warning",
    needs: ["regulations"],
    title: l("无规章制定权的机关规章数应为0", "Bodies without rule-making power report no 规章"),
  },

  // ------------------------------------------------------------------ 项目数量 columns (2019 form)
  {
    id: "T2v19-INT",
    kind: "cells",
    table: "activeDisclosure",
    check: "type",
    cellKinds: ["count", "signedCount"],
    tableHas: "signedCount",
    severity: "error",
    title: l("主动公开数量为整数（本年增/减可为负）", "Counts are whole numbers (the change may be negative)"),
  },
  inEachRowWith("activeDisclosure", "priorYearItems", {
    id: "T2v19-ITEMS",
    severity: "error",
    title: l("上一年项目数量加本年增/减不小于0", "Items last year + change ≥ 0"),
    lhs: ["activeDisclosure.{r}.priorYearItems", "activeDisclosure.{r}.netChange"],
    relation: ">=",
    rhs: [],
    stated: "lhs",
  }),
  inEachRowWith("activeDisclosure", "totalPublished", {
    id: "T2v19-TOTALPUB",
    severity: "warning",
    title: l("对外公开总数量不小于本年新公开数量", "Published in total ≥ newly published"),
    lhs: ["activeDisclosure.{r}.totalPublished"],
    relation: ">=",
    rhs: ["activeDisclosure.{r}.newlyPublished"],
    stated: "lhs",
  }),
  inEachRowWith("activeDisclosure", "priorYearItems", {
    id: "T2v19-ROLL",
    severity: "warning",
    crossYear: true,
    title: l("上一年项目数量等于上年报告的项目数量加增减", "Items last year = last report's items + change"),
    lhs: ["prev:activeDisclosure.{r}.priorYearItems", "prev:activeDisclosure.{r}.netChange"],
    relation: "==",
    rhs: ["activeDisclosure.{r}.priorYearItems"],
    stated: "rhs",
  }),
  {
    id: "T2v19-PROC",
    kind: "check",
    check: "procurement2019",
    severity: "warning",
    needs: ["procurement"],
    title: l("政府集中采购金额与单位", "Procurement amount and unit"),
  },
];
