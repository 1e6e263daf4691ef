// `npx tsx bench/table.ts`: the README's figures table, printed from bench/results.json
// (SQLite) and bench/results-postgres.json, so the README quotes the files, not memory.
import fs from "node:fs";
import path from "node:path";
import { ROOT } from "./config";
import { met, type Metric } from "./results";

type Doc = {
  engine?: string;
  quick: boolean;
  when: string;
  machine: { nproc: number; cpu: string; ramGb: number; node: string; loadAverage1m: Load };
  metrics: Metric[];
  groupsRun?: { when: string; loadAverage1m: Load };
};
type Load = { start: number; end: number };

const fmt = (v: number) =>
  Math.abs(v) >= 100
    ? v.toFixed(0)
    : Math.abs(v) >= 10
      ? v.toFixed(1)
      : v.toFixed(3).replace(/0+$/, "").replace(/\.$/, "");

function table(file: string, engine: string): string {
  const full = path.join(ROOT, "bench", file);
  if (!fs.existsSync(full)) return `${engine}: no ${file} yet\n`;
  const doc = JSON.parse(fs.readFileSync(full, "utf8")) as Doc;
  const m = doc.machine;
  const lines = [
    `**${engine}** (\`bench/${file}\`${doc.quick ? ", QUICK run: 1/10 scale, not a budget run" : ""}): ` +
      `${doc.when.slice(0, 16).replace("T", " ")} UTC, ${m.nproc} vCPU ${m.cpu}, ${m.ramGb} GB, Node ${m.node}, ` +
      `load average ${m.loadAverage1m.start} → ${m.loadAverage1m.end}` +
      (doc.groupsRun
        ? `; group rows from \`bench:groups\` at ${doc.groupsRun.when.slice(0, 16).replace("T", " ")} UTC, ` +
          `load ${doc.groupsRun.loadAverage1m.start} → ${doc.groupsRun.loadAverage1m.end}`
        : ""),
    "",
    "| metric | value | budget | met? |",
    "| --- | --- | --- | --- |",
  ];
  for (const x of doc.metrics) {
    const ok = met(x);
    const budget = x.target == null ? "—" : `${x.lowerIsBetter ? "≤" : "≥"} ${fmt(x.target)}`;
    lines.push(
      `| \`${x.name}\` | ${fmt(x.value)} ${x.unit} | ${budget} | ${ok == null ? "—" : ok ? "yes" : "**no**"} |`,
    );
  }
  return `${lines.join("\n")}\n`;
}

console.log(table("results.json", "SQLite"));
console.log(table("results-postgres.json", "PostgreSQL"));
