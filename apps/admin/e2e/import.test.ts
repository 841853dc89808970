/**
 * Importing a report file through the import page: the seed fixture (the science bureau's 2021
 * report as plain text, with a table the importer cannot fully place) becomes a draft, and the page
 * lists the same IMPORT-* problems the importer reports when it reads the file directly.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { importReport } from "@nianbao/documents";
import { expect, it } from "vitest";
import { orgNamed } from "./support/api";
import { useE2E } from "./support/browser";

const e2e = useE2E();
const FIXTURE = join(import.meta.dirname, "..", "..", "..", "spec", "fixtures", "seed-2021-district-science-bureau.txt");

it("imports the seed fixture as a draft and shows its IMPORT-* findings", async () => {
  const data = readFileSync(FIXTURE);
  const expected = [
    ...new Set((await importReport(new Uint8Array(data))).findings.map((f) => f.ruleId).filter((id) => id.startsWith("IMPORT-"))),
  ].sort();
  expect(expected.length).toBeGreaterThan(0);

  // Every demo department has its 2021 report already: import into a new organisation of the district.
  const api = await e2e.api("admin");
  const district = await orgNamed(api, "示范区人民政府");
  const org = await api.orgs.create.mutate({ parentId: district.id, name: "示范区导入测试局", kind: "department" });

  const page = await e2e.signedInPage("admin");
  await page.goto("/import");
  await page.getByLabel("所属单位").selectOption(org.id);
  await page.getByLabel("报告文件").setInputFiles({ name: "seed-2021-district-science-bureau.txt", mimeType: "text/plain", buffer: data });
  await page.getByRole("button", { name: "上传并识别" }).click();
  await page.getByRole("status").filter({ hasText: "已导入" }).waitFor({ timeout: 120_000 });

  const shown = await page.locator('[data-rule^="IMPORT-"]').evaluateAll((items) => items.map((item) => item.getAttribute("data-rule")!));
  expect([...new Set(shown)].sort()).toEqual(expected);

  // The draft exists on the server, for that organisation and year.
  const reports = await api.reports.list.query({ orgId: org.id, year: 2021 });
  expect(reports.filter((r) => r.orgId === org.id).map((r) => r.status)).toEqual(["draft"]);
});
