/** Defines the public surface of core/indicators: 指標定義, the 条件 grammar, sources, aggregation, grades, suppression with its audit, the summary model and its JSON, and the leadership report. */
export {
  parseCondition,
  formatCondition,
  conditionColumns,
  combine,
  type Condition,
  type CompareOp,
  type ConditionError,
  type ConditionParse,
  type Message,
} from './condition';
export {
  resolveCondition,
  compileCondition,
  type ResolvedCondition,
  type ColumnLookup,
  type BindProblem,
  type RowTest,
} from './bind';
export {
  SOURCES,
  SOURCE_KINDS,
  SURVEY_ANSWERS_SHEET,
  MANUAL_SOURCE_NAMES,
  SourceView,
  sourceByName,
  sourceDataOf,
  matchKey,
  type SourceKind,
  type SourceDescriptor,
  type SourceColumn,
  type SourceData,
  type SourceSheet,
  type WorkbookSheet,
  type ValueType,
} from './sources';
export {
  parseIndicatorDefinitions,
  formatDefinitionIssue,
  METHODS,
  DIRECTION_NAMES,
  type IndicatorDefinition,
  type DefinitionIssue,
  type DefinitionSheet,
  type DefinitionContext,
  type ParsedDefinitions,
  type Method,
  type Direction,
  type Dating,
} from './definitions';
export {
  aggregateIndicators,
  type AggregateInput,
  type AggregateResult,
  type IndicatorResult,
  type YearMeasures,
  type Measure,
  type CellState,
  type ManualActuals,
  type SourceStats,
} from './aggregate';
export {
  evaluate,
  gradeScaleOf,
  previousYear,
  GRADES,
  DEFAULT_GRADE_SCALE,
  type Grade,
  type GradeScale,
  type Evaluation,
  type EvaluationInput,
} from './grades';
export {
  suppressTable,
  withPattern,
  type Protection,
  type Figure,
  type FigureRef,
  type Reason,
  type SuppressedTable,
} from './suppression/suppress';
export { auditTable, determinedByRank, integerRref, type AuditResult } from './suppression/audit';
export {
  networkOf,
  bridges,
  slack,
  type TableInput,
  type MarginUse,
  type Network,
  type Arc,
} from './suppression/table';
export {
  protectIndicators,
  CITY,
  UNKNOWN_AREA,
  type PublishedTable,
  type PublishedFigure,
  type CellDecision,
  type ProtectionOutcome,
  type ProtectOptions,
} from './tables';
export {
  buildSummary,
  summaryJson,
  GOAL_TITLES,
  type Summary,
  type SummaryGoal,
  type SummaryIndicator,
  type SummaryYear,
  type SummaryCell,
  type SummaryInput,
  type SummaryOutcome,
  type SummaryJson,
  type SummaryJsonCell,
} from './summary';
export {
  CLOSING_HEADER,
  snapshotRows,
  readClosings,
  rowsWithout,
  frozenWithDrift,
  driftText,
  type FrozenCell,
  type ClosedYear,
  type ClosedYears,
  type LiveFigures,
  type Drift,
} from './closing';
export { reportHtml, reportYear, type PdcaNote, type PdcaNotes, type ReportOptions } from './report';
export { goalTrendSvg, areaBarsSvg, escapeHtml, formatNumber } from './charts';
