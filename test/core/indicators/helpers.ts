// Helpers for the indicator tests: a source view from a header and rows, as a sheet would hand them over.
import { detectHeader } from '../../../src/core/sheets/detect';
import { mappingFromDetection } from '../../../src/core/sheets/mapping';
import { defaultSettings, type Settings } from '../../../src/core/sheets/settings';
import {
  SOURCES,
  SourceView,
  sourceDataOf,
  type SourceKind,
  type WorkbookSheet,
} from '../../../src/core/indicators/sources';
import type { SheetKind } from '../../../src/core/sheets/types';

/** Settings with four 圏域 (北東部, 北西部, 中部, 南部). */
export function fourAreas(): Settings {
  const s = defaultSettings();
  s.areas = ['北東部', '北西部', '中部', '南部'].map((name) => ({ name, districts: [], towns: [] }));
  return s;
}

/** A workbook sheet with its header detected as the kind the header says. */
export function sheetOf(name: string, values: unknown[][], kind?: SheetKind): WorkbookSheet {
  const det = detectHeader(values, 10, kind ? { kinds: [kind] } : {});
  if (!det) return { name, kind: null, mapping: null, values };
  return { name, kind: det.kind, mapping: mappingFromDetection(det), values };
}

/** The source view of one sheet (header row first). */
export function viewOf(kind: SourceKind, values: unknown[][], settings: Settings = fourAreas()): SourceView {
  const source = SOURCES[kind];
  const sheet =
    source.sheetKind === null
      ? { name: source.name, kind: null, mapping: null, values }
      : sheetOf(source.name, values, source.sheetKind);
  const data = sourceDataOf([sheet]).find((d) => d.source.kind === kind);
  if (!data) throw new Error(`viewOf: the rows are not a ${kind} sheet`);
  return new SourceView(data, settings);
}
