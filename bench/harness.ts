/** Bench harness: runs a measured function a few times and reports the median time and the service calls of one run. */
import { performance } from 'node:perf_hooks';

export interface Measurement {
  label: string;
  medianMs: number;
  rowsPerSecond: number | null;
  serviceCalls: number | null;
  heapMB: number | null;
}

export function measure(label: string, runs: number, rows: number | null, fn: () => number | null): Measurement {
  const times: number[] = [];
  let calls: number | null = null;
  let heap = 0;
  for (let i = 0; i < runs; i++) {
    (globalThis as { gc?: () => void }).gc?.();
    const before = process.memoryUsage().heapUsed;
    const start = performance.now();
    calls = fn();
    times.push(performance.now() - start);
    heap = Math.max(heap, process.memoryUsage().heapUsed - before);
  }
  times.sort((a, b) => a - b);
  const medianMs = times[Math.floor(times.length / 2)] as number;
  return {
    label,
    medianMs,
    rowsPerSecond: rows === null ? null : Math.round(rows / (medianMs / 1000)),
    serviceCalls: calls,
    heapMB: Math.round((heap / 1024 / 1024) * 10) / 10,
  };
}

export function printTable(title: string, rows: Measurement[]): void {
  console.log(`\n## ${title}`);
  console.log(`${"what".padEnd(56)} ${'median ms'.padStart(10)} ${'rows/s'.padStart(12)} ${'service calls'.padStart(14)} ${'heap Δ MB'.padStart(10)}`);
  for (const r of rows) {
    console.log(
      `${r.label.padEnd(56)} ${r.medianMs.toFixed(1).padStart(10)} ${(r.rowsPerSecond?.toLocaleString('en') ?? '-').padStart(12)} ${String(r.serviceCalls ?? '-').padStart(14)} ${String(r.heapMB ?? '-').padStart(10)}`,
    );
  }
}
