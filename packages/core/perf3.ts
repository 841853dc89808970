import { validateReport, reportDocumentSchema } from "./src/index";
import { sampleReport } from "./src/testing/index";
const docs = Array.from({length: 50}, (_, i) => sampleReport({ seed: i+1, year: 2023 }));
for (let round = 0; round < 3; round++) {
let t0 = performance.now(); for (let i = 0; i < 5000; i++) validateReport(docs[i%50]); const v = (performance.now() - t0) / 5000;
t0 = performance.now(); for (let i = 0; i < 5000; i++) reportDocumentSchema.parse(docs[i%50]); const p = (performance.now() - t0) / 5000;
console.log("validate", v.toFixed(3), "parse", p.toFixed(3), "ratio", (v/p).toFixed(2));
}
