/**
 * Bench harness: runs a measured function several times and reports the first (cold) run — what
 * one Apps Script execution sees — and the median of the rest, with the service calls of one run.
 */
import { performance } from 'node:perf_hooks';

export interface Measurement {
  label: string;
  firstMs: number;
  medianMs: number;
  rowsPerSecond: number | null;
  serviceCalls: number | null;
  heapMB: number | null;
}

export function measure(label: string, runs: number, rows: number | null, fn: () => number | null): Measurement {
  const times: number[] = [];
  let calls: number | null = null;
  (globalThis as { gc?: () => void }).gc?.();
  const before = process.memoryUsage().heapUsed;
  let heap = 0;
  for (let i = 0; i < Math.max(1, runs); i++) {
    const start = performance.now();
    calls = fn();
    times.push(performance.now() - start);
    heap = Math.max(heap, process.memoryUsage().heapUsed - before);
  }
  const firstMs = times[0] as number;
  const rest = times.length > 1 ? times.slice(1).sort((a, b) => a - b) : times;
  const medianMs = rest[Math.floor(rest.length / 2)] as number;
  return {
    label,
    firstMs,
    medianMs,
    rowsPerSecond: rows === null ? null : Math.round(rows / (medianMs / 1000)),
    serviceCalls: calls,
    heapMB: Math.round((heap / 1024 / 1024) * 10) / 10,
  };
}

export function printTable(title: string, rows: Measurement[]): void {
  console.log(`\n## ${title}`);
  console.log(
    `${'what'.padEnd(56)} ${'first ms'.padStart(9)} ${'median ms'.padStart(10)} ${'rows/s'.padStart(12)} ${'service calls'.padStart(14)} ${'heap Δ MB'.padStart(10)}`,
  );
  for (const r of rows) {
    console.log(
      `${r.label.padEnd(56)} ${r.firstMs.toFixed(1).padStart(9)} ${r.medianMs.toFixed(1).padStart(10)} ${(r.rowsPerSecond?.toLocaleString('en') ?? '-').padStart(12)} ${String(r.serviceCalls ?? '-').padStart(14)} ${String(r.heapMB ?? '-').padStart(10)}`,
    );
  }
}
