/** The sidebar's words: one Japanese/English dictionary, the lookup, and the remembered language choice. */
import type { Message } from '../shared/rpc';

export type Lang = 'ja' | 'en';
export const LANGS: readonly Lang[] = ['ja', 'en'];

/**
 * Japanese is the source text; English must have exactly the same keys (checked by the type of
 * `en` below and by test/ui/i18n.test.ts). `{name}` marks a value filled in by `t`.
 */
const ja = {
  'app.name': 'つなぐ',
  'app.tagline': '社協のシート支援',
  'lang.switch': 'English',
  'lang.switchTitle': '表示言語を切り替えます（日本語 / English）',
  'nav.label': '機能',
  'section.setup': 'シート準備',
  'section.validate': '検証',
  'section.match': 'マッチング',
  'section.survey': 'アンケート',
  'section.summary': '指標サマリー',
  'progress.working': '処理中…',
  'error.close': '閉じる',
  'error.closeLabel': 'エラーの表示を閉じる',
  'rpc.transport': 'サーバーとの通信に失敗しました。もう一度お試しください。',
  'rpc.protocol': 'サーバーから予期しない応答がありました。もう一度お試しください。',
  'rpc.unavailable': 'この画面は、スプレッドシートの「つなぐ」メニューからサイドバーとして開いてください。',
  'rpc.unexpected': '予期しない問題が起きました。サイドバーを閉じて、もう一度開いてください。',
  'state.loading': 'シートの情報を読み込んでいます…',
  'state.unavailable': 'シートの情報を読み込めませんでした。',
  'state.retry': 'もう一度読み込む',
  'upcoming.later': 'この機能は今後のバージョンで追加されます。',
  'validate.about':
    '名簿や台帳の入力ミス（全角数字、和暦、フリガナ、電話番号、重複など）を見つけ、安全に直せるものは直します。直した内容は元に戻せます。',
  'match.about':
    'ボランティアと依頼を、条件（資格・言語・地区・時間・保険・上限）を守ったうえで、全体として最も多く・最も良く組み合わせます。',
  'survey.about':
    'アンケート定義シートから、住民アンケートやボランティア登録の Google フォームを作り、回答をシートに取り込みます。',
  'summary.about':
    '地域福祉活動計画の4つの基本目標の指標を、年度・圏域ごとに集計し、目標と比べます。人数の少ない項目は、個人がわからないよう伏せて表示します。',
  'setup.about': 'シートの種類と列の対応を確認し、足りない標準シートを作成します。',
  'setup.sheetsTitle': 'このスプレッドシートのシート',
  'setup.sheetsHint': 'シートを選ぶと、列の対応を確認・修正できます。',
  'setup.noSheets': 'シートがありません。',
  'setup.reload': '再読み込み',
  'setup.missingTitle': '不足している標準シート',
  'setup.missingNone': '標準シートはすべてそろっています。',
  'setup.create': '不足しているシートを作成',
  'setup.confirmText': '次のシートを新しく作成します。今あるシートは変更しません。',
  'setup.confirmYes': '作成する',
  'setup.confirmNo': 'やめる',
  'setup.created': '作成したシート: {names}',
  'setup.existing': 'すでにあったシート: {names}',
  'setup.createdNone': '新しく作成したシートはありません。',
  'settings.openSetup': 'シート準備を開く',
  'sheet.rows': 'データ {n} 行',
  'sheet.rowsOne': 'データ {n} 行',
  'sheet.confirmed': '確認済み',
  'sheet.unconfirmed': '未確認',
  'sheet.unknown': '種類不明',
  'sheet.missingRequired': '必須の列がありません: {columns}',
  'sheet.unknownNoReason': '見出し行を認識できませんでした。',
  'mapping.title': '列の対応',
  'mapping.back': 'シート一覧に戻る',
  'mapping.headerRow': '見出し: {n} 行目',
  'mapping.kind': 'シートの種類',
  'mapping.isConfirmed': 'この対応は確認済みです。',
  'mapping.isDetected': '自動検出した対応です。確認して「この対応で確定」を押してください。',
  'mapping.columnsTitle': '列ごとの項目',
  'mapping.dataRows': 'データ: {n} 行',
  'mapping.setAsideTitle': '対象外の行（合計・注記など）',
  'mapping.setAsideHint': 'これらの行は検証・マッチング・集計に使わず、書き換えもしません。',
  'mapping.setAsideRow': '{row}行目: {reason}',
  'mapping.setAsideMore': 'ほかに {n} 行あります。',
  'mapping.column': '{letter}列',
  'mapping.emptyHeader': '（見出しなし）',
  'mapping.detected': '自動検出: {field}',
  'mapping.detectedNone': '自動検出: なし',
  'mapping.confirmedField': '確認済み: {field}',
  'mapping.confirmedNone': '確認済み: 使わない',
  'mapping.samples': '値の例',
  'mapping.noSamples': '（値なし）',
  'mapping.fieldLabel': '項目',
  'mapping.fieldLabelFor': '（{header}）',
  'mapping.unused': '（使わない）',
  'mapping.requiredOption': '{header}（必須）',
  'mapping.unknownField': '{key}（この種類にない項目）',
  'mapping.save': 'この対応で確定',
  'mapping.reset': '自動検出に戻す',
  'mapping.saved': '対応を確定しました。',
  'mapping.cleared': '自動検出に戻しました。',
  'mapping.duplicate': '「{field}」が複数の列（{columns}）に割り当てられています。1つの列だけにしてください。',
  'mapping.missingRequired': '必須の項目が割り当てられていません: {fields}',
  'mapping.kindChanged':
    'シートの種類を変えました。「この対応で確定」を押すと、この種類として保存されます。そのあと、列ごとの項目をこの種類の項目から選び直してください。',
  'validate.run': '検証を実行',
  'validate.confirmRun':
    '検証結果シートを作り直し、問題のあるセルに色とメモを付けます（ハイライトを消すで元に戻せます）',
  'validate.confirmYes': '実行',
  'validate.confirmNo': 'キャンセル',
  'validate.countErrors': 'エラー {n}件',
  'validate.countWarnings': '警告 {n}件',
  'validate.countFixable': '安全に直せるもの {n}件',
  'validate.checkedTitle': '検証したシート',
  'validate.kindOf': '（{kind}）',
  'validate.noChecked': '検証できるシートがありませんでした。',
  'validate.issuesTitle': '見つかった問題',
  'validate.noIssues': '問題は見つかりませんでした。',
  'validate.written': '一覧は「{sheet}」シートにもあります。色とメモを付けたセル: {n}個',
  'validate.unmarked':
    '印は最初の{n}個のセルまでです。ほかに{m}個のセルにも指摘があります（この一覧と「{sheet}」シートにあります）',
  'validate.selectHint': '問題を選ぶと、そのセルに移動します。',
  'validate.severityError': 'エラー',
  'validate.severityWarning': '警告',
  'validate.groupTotal': '{n}件',
  'validate.groupTotalOne': '{n}件',
  'validate.more': '…他 {n}件',
  'validate.columnPlace': '「{column}」列',
  'validate.value': '値: {value}',
  'validate.emptyValue': '（空欄）',
  'validate.suggestion': '提案: {value}',
  'validate.clearHighlights': 'ハイライトを消す',
  'validate.highlightsCleared': '{n}個のセルの色と検証メモを消しました。',
  'validate.highlightsClearedOne': '{n}個のセルの色と検証メモを消しました。',
  'validate.highlightsNone': '消す印はありませんでした。',
  'validate.notesKept': '職員が書いたメモ（{n}件）はそのまま残しています。',
  'validate.notesKeptOne': '職員が書いたメモ（{n}件）はそのまま残しています。',
  'validate.fixPreview': '安全な修正を適用',
  'validate.previewTitle': '修正の内容',
  'validate.previewHint': '意味を変えない修正だけを行います。あとから「元に戻す」で取り消せます。',
  'validate.previewTotal': '修正するもの: {n}件',
  'validate.previewShown': '（最初の{n}件を表示）',
  'validate.previewNone': '安全に直せるものはありません。',
  'validate.byKind': '{kind} {n}件',
  'validate.colCell': 'セル',
  'validate.colChange': '修正前 → 修正後',
  'validate.previewApply': 'この内容で修正',
  'validate.previewCancel': 'キャンセル',
  'validate.previewAgain': 'もう一度プレビュー',
  'validate.fixed': '{n}件を修正しました',
  'validate.fixedOne': '{n}件を修正しました',
  'validate.fixedNone': '修正するものはありませんでした。',
  'validate.progress': '検証中です（{done} / {total}）。大きなブックは何回かに分けて検証します。',
  'validate.stop': '中止',
  'validate.resume': '続ける',
  'validate.stopping': 'いまの部分が終わったら中止します…',
  'validate.stopped': '検証を中止しました。シートの色とメモは変えていません。',
  'fixKind.width': '全角→半角',
  'fixKind.spaces': '空白の整理',
  'fixKind.phone': '電話番号の形式',
  'fixKind.postal': '郵便番号の形式',
  'fixKind.date': '日付（和暦→西暦）',
  'fixKind.kana': 'フリガナ（カタカナ）',
  'fixKind.amount': '金額',
  'fixKind.yesno': 'はい/いいえ',
  'fixKind.listValue': '選択肢の表記',
  'match.run': 'マッチングを実行',
  'match.confirmRun': 'マッチング結果と不足分析のシートを作り直します（承認・指定・メモの列は引き継ぎます）',
  'match.confirmYes': '実行',
  'match.cancel': 'キャンセル',
  'match.filled': '充足 {filled}/{total} 人分',
  'match.candidates': '候補の組み合わせ {n}',
  'match.approvedCount': '承認済み {n}組',
  'match.written': '一覧は「{sheet}」シートにもあります。',
  'match.requestsTitle': '依頼ごとの結果',
  'match.noRequests': 'マッチングする依頼はありませんでした。',
  'match.shortOnly': '不足のある依頼だけ表示',
  'match.noShort': '不足のある依頼はありません。',
  'match.request': '依頼 {id}',
  'match.requestFilled': '{filled}/{needed} 人',
  'match.score': 'スコア {score}',
  'match.pinned': '固定',
  'match.approvedBadge': '承認済み',
  'match.approve': '承認',
  'match.pin': '固定',
  'match.unpin': '固定を外す',
  'match.exclude': '除外',
  'match.excludeConfirm':
    '{who} を、この依頼の候補から除外します。「除外を取り消す」まで、この組み合わせは作られません。',
  'match.excludeYes': '除外する',
  'match.noPairs': '候補になるボランティアがいません。',
  'match.unmatchedTitle': '不足の理由',
  'match.excludedTitle': '除外した組み合わせ',
  'match.restore': '除外を取り消す',
  'match.shortagesTitle': '足りない人手（募集の目安）',
  'match.shortagesNone': '足りない人手はありません。',
  'match.shortagesNote': '全体の一覧は「{sheet}」シートにあります。',
  'match.colDimension': '区分',
  'match.colKey': '項目',
  'match.colPlaces': '不足',
  'match.commit': '承認した組み合わせを確定',
  'match.commitHint': '確定できるのは「承認」にチェックを付けた組み合わせです。',
  'match.confirmCommit':
    '承認した{n}組を依頼シートに書き込みます（担当ボランティアを追加し、状態を紹介済にします）。元に戻すで取り消せます',
  'match.commitYes': '確定する',
  'match.committed': '{n}組を確定しました（依頼 {requests}件）。',
  'match.refused': '依頼 {request} と {volunteer} は確定しませんでした: {reason}',
  'match.runAgain': 'もう一度マッチング',
  'dimension.categoryArea': '内容区分×圏域',
  'dimension.skill': '資格・特技',
  'dimension.language': '言語',
  'dimension.timeSlot': '時間帯',
  'undo.button': '元に戻す: {label}',
  'undo.confirmText': '「{label}」で変えたセルを、その前の状態に戻します。',
  'undo.confirmYes': '元に戻す',
  'undo.confirmNo': 'キャンセル',
  'undo.done': '「{label}」を元に戻しました（{n}個のセル）。',
  'undo.doneOne': '「{label}」を元に戻しました（{n}個のセル）。',
  'history.erase': '履歴を消去',
  'history.eraseConfirm':
    '元に戻すための記録「つなぐ履歴」（直す前の氏名・電話番号などの値）をすべて消去します。消去すると、これまでの操作は元に戻せなくなり、ハイライトも「ハイライトを消す」では消せなくなります。記録は設定の「履歴保存日数」（既定30日）を過ぎると次の操作でも消えます。',
  'history.eraseYes': '消去する',
  'history.eraseNo': 'キャンセル',
  'history.erased': '履歴を消去しました（{n}件の操作の記録）。これまでの操作は元に戻せません。',
  'history.erasedOne': '履歴を消去しました（{n}件の操作の記録）。これまでの操作は元に戻せません。',
  'list.separator': '、',
  'list.dot': '・',
} as const;

export type MessageKey = keyof typeof ja;

const en: Record<MessageKey, string> = {
  'app.name': 'Tsunagu',
  'app.tagline': 'Sheets helper for welfare councils',
  'lang.switch': '日本語',
  'lang.switchTitle': 'Change the display language (日本語 / English)',
  'nav.label': 'Features',
  'section.setup': 'Sheet setup',
  'section.validate': 'Validate',
  'section.match': 'Matching',
  'section.survey': 'Surveys',
  'section.summary': 'Indicator summary',
  'progress.working': 'Working…',
  'error.close': 'Close',
  'error.closeLabel': 'Close the error message',
  'rpc.transport': 'Could not reach the server. Please try again.',
  'rpc.protocol': 'The server sent an unexpected answer. Please try again.',
  'rpc.unavailable': 'Please open this page as a sidebar from the Tsunagu menu of your spreadsheet.',
  'rpc.unexpected': 'Something unexpected happened. Please close the sidebar and open it again.',
  'state.loading': 'Reading the sheets…',
  'state.unavailable': 'Could not read the sheets.',
  'state.retry': 'Try again',
  'upcoming.later': 'This feature comes in a later version.',
  'validate.about':
    'Finds input mistakes in rosters and ledgers (full-width digits, Japanese era dates, furigana, phone numbers, duplicates and more) and fixes those that are safe to fix. Every fix can be undone.',
  'match.about':
    'Pairs volunteers with help requests so that, with every condition kept (skills, language, district, time, insurance, monthly limit), as many places as possible are filled, as well as possible, across all requests.',
  'survey.about':
    'Creates Google Forms for resident surveys and volunteer registration from the survey definition sheet, and brings the answers back into the sheets.',
  'summary.about':
    "Counts the indicators of the plan's four basic goals per fiscal year and area, against their targets. Small counts are hidden so that no one can be identified.",
  'setup.about': 'Check the type and the columns of each sheet, and create the standard sheets that are missing.',
  'setup.sheetsTitle': 'Sheets in this spreadsheet',
  'setup.sheetsHint': 'Choose a sheet to check or correct its columns.',
  'setup.noSheets': 'There are no sheets.',
  'setup.reload': 'Reload',
  'setup.missingTitle': 'Missing standard sheets',
  'setup.missingNone': 'All standard sheets are present.',
  'setup.create': 'Create missing sheets',
  'setup.confirmText': 'These sheets will be created. Existing sheets are not changed.',
  'setup.confirmYes': 'Create',
  'setup.confirmNo': 'Cancel',
  'setup.created': 'Created: {names}',
  'setup.existing': 'Already there: {names}',
  'setup.createdNone': 'No new sheets were created.',
  'settings.openSetup': 'Open Set up',
  'sheet.rows': '{n} data rows',
  'sheet.rowsOne': '{n} data row',
  'sheet.confirmed': 'Confirmed',
  'sheet.unconfirmed': 'Not confirmed',
  'sheet.unknown': 'Not recognised',
  'sheet.missingRequired': 'Missing required columns: {columns}',
  'sheet.unknownNoReason': 'The header row was not recognised.',
  'mapping.title': 'Column mapping',
  'mapping.back': 'Back to the sheets',
  'mapping.headerRow': 'Header: row {n}',
  'mapping.kind': 'Sheet type',
  'mapping.isConfirmed': 'This mapping is confirmed.',
  'mapping.isDetected': 'This mapping was detected automatically. Check it, then press “Confirm this mapping”.',
  'mapping.columnsTitle': 'Field of each column',
  'mapping.dataRows': 'Data: {n} rows',
  'mapping.setAsideTitle': 'Rows left out (totals, notes …)',
  'mapping.setAsideHint': 'These rows are not validated, matched or counted, and Tsunagu never writes into them.',
  'mapping.setAsideRow': 'Row {row}: {reason}',
  'mapping.setAsideMore': '{n} more rows.',
  'mapping.column': 'Column {letter}',
  'mapping.emptyHeader': '(no header)',
  'mapping.detected': 'Detected: {field}',
  'mapping.detectedNone': 'Detected: none',
  'mapping.confirmedField': 'Confirmed: {field}',
  'mapping.confirmedNone': 'Confirmed: not used',
  'mapping.samples': 'Sample values',
  'mapping.noSamples': '(no values)',
  'mapping.fieldLabel': 'Field',
  'mapping.fieldLabelFor': ' ({header})',
  'mapping.unused': '(not used)',
  'mapping.requiredOption': '{header} (required)',
  'mapping.unknownField': '{key} (not a field of this type)',
  'mapping.save': 'Confirm this mapping',
  'mapping.reset': 'Back to automatic detection',
  'mapping.saved': 'The mapping is confirmed.',
  'mapping.cleared': 'Back to automatic detection.',
  'mapping.duplicate': '“{field}” is assigned to more than one column ({columns}). Keep it on one column only.',
  'mapping.missingRequired': 'Required fields not assigned: {fields}',
  'mapping.kindChanged':
    'You changed the sheet type. “Confirm this mapping” saves the sheet as this type; then choose the field of each column again from this type’s fields.',
  'validate.run': 'Run validation',
  'validate.confirmRun':
    'The validation results sheet (検証結果) is made again, and cells with issues get a colour and a note (“Clear highlights” takes them off again).',
  'validate.confirmYes': 'Run',
  'validate.confirmNo': 'Cancel',
  'validate.countErrors': 'Errors: {n}',
  'validate.countWarnings': 'Warnings: {n}',
  'validate.countFixable': 'Safe to fix: {n}',
  'validate.checkedTitle': 'Sheets checked',
  'validate.kindOf': ' ({kind})',
  'validate.noChecked': 'No sheet could be checked.',
  'validate.issuesTitle': 'Issues found',
  'validate.noIssues': 'No issues were found.',
  'validate.written': 'The full list is also in the “{sheet}” sheet. Cells marked with a colour and a note: {n}',
  'validate.unmarked':
    'Only the first {n} cells are marked; {m} more cells have issues (listed here and in the “{sheet}” sheet)',
  'validate.selectHint': 'Choose an issue to go to its cell.',
  'validate.severityError': 'Error',
  'validate.severityWarning': 'Warning',
  'validate.groupTotal': '{n} issues',
  'validate.groupTotalOne': '{n} issue',
  'validate.more': '…and {n} more',
  'validate.columnPlace': 'Column “{column}”',
  'validate.value': 'Value: {value}',
  'validate.emptyValue': '(empty)',
  'validate.suggestion': 'Suggestion: {value}',
  'validate.clearHighlights': 'Clear highlights',
  'validate.highlightsCleared': 'Took the colour and the check note off {n} cells.',
  'validate.highlightsClearedOne': 'Took the colour and the check note off {n} cell.',
  'validate.highlightsNone': 'There were no marks to take off.',
  'validate.notesKept': ' The notes staff wrote ({n}) are kept as they were.',
  'validate.notesKeptOne': ' The note staff wrote ({n}) is kept as it was.',
  'validate.fixPreview': 'Apply safe fixes',
  'validate.previewTitle': 'Fixes to make',
  'validate.previewHint': 'Only changes that keep the meaning are made. “Undo” takes them back later.',
  'validate.previewTotal': 'Fixes: {n}',
  'validate.previewShown': '(showing the first {n})',
  'validate.previewNone': 'There is nothing that is safe to fix.',
  'validate.byKind': '{kind}: {n}',
  'validate.colCell': 'Cell',
  'validate.colChange': 'Before → after',
  'validate.previewApply': 'Make these fixes',
  'validate.previewCancel': 'Cancel',
  'validate.previewAgain': 'Preview again',
  'validate.fixed': 'Fixed {n} cells',
  'validate.fixedOne': 'Fixed {n} cell',
  'validate.fixedNone': 'There was nothing to fix.',
  'validate.progress': 'Validating ({done} of {total}). A large workbook is validated in several parts.',
  'validate.stop': 'Stop',
  'validate.resume': 'Continue',
  'validate.stopping': 'Stopping after the part under way…',
  'validate.stopped': 'Validation stopped. No colours or notes in the sheets were changed.',
  'fixKind.width': 'Full-width → half-width',
  'fixKind.spaces': 'Spaces tidied',
  'fixKind.phone': 'Phone number format',
  'fixKind.postal': 'Postal code format',
  'fixKind.date': 'Date (Japanese era → Western)',
  'fixKind.kana': 'Furigana (katakana)',
  'fixKind.amount': 'Amount',
  'fixKind.yesno': 'Yes/no',
  'fixKind.listValue': 'List value spelling',
  'match.run': 'Run matching',
  'match.confirmRun':
    'The matching results sheet and the shortage analysis sheet (不足分析) are made again (approvals, pins, exclusions and notes carry over).',
  'match.confirmYes': 'Run',
  'match.cancel': 'Cancel',
  'match.filled': 'Places filled: {filled} of {total}',
  'match.candidates': 'Candidate pairs: {n}',
  'match.approvedCount': 'Approved: {n}',
  'match.written': 'The list is also in the “{sheet}” sheet.',
  'match.requestsTitle': 'Results by request',
  'match.noRequests': 'There were no open requests to match.',
  'match.shortOnly': 'Show only requests with unfilled places',
  'match.noShort': 'Every request has all its places filled.',
  'match.request': 'Request {id}',
  'match.requestFilled': '{filled} of {needed} filled',
  'match.score': 'Score {score}',
  'match.pinned': 'Pinned',
  'match.approvedBadge': 'Approved',
  'match.approve': 'Approve',
  'match.pin': 'Pin',
  'match.unpin': 'Unpin',
  'match.exclude': 'Exclude',
  'match.excludeConfirm':
    '{who} will be excluded from this request. The pair is not made again until you press “Remove exclusion”.',
  'match.excludeYes': 'Exclude',
  'match.noPairs': 'No volunteer can take this request.',
  'match.unmatchedTitle': 'Why places stay open',
  'match.excludedTitle': 'Excluded pairs',
  'match.restore': 'Remove exclusion',
  'match.shortagesTitle': 'Places nobody can fill (recruiting agenda)',
  'match.shortagesNone': 'Every place can be filled.',
  'match.shortagesNote': 'The full list is in the “{sheet}” sheet.',
  'match.colDimension': 'By',
  'match.colKey': 'What',
  'match.colPlaces': 'Places',
  'match.commit': 'Commit approved pairs',
  'match.commitHint': 'Only pairs ticked “Approve” are committed.',
  'match.confirmCommit':
    'The approved pairs ({n}) are written into the 依頼 sheet (each volunteer is added to the request, whose status becomes 紹介済). “Undo” takes this back.',
  'match.commitYes': 'Commit',
  'match.committed': 'Committed pairs: {n} (requests: {requests}).',
  'match.refused': 'Request {request} and {volunteer} were not committed: {reason}',
  'match.runAgain': 'Match again',
  'dimension.categoryArea': 'Category × area',
  'dimension.skill': 'Skill',
  'dimension.language': 'Language',
  'dimension.timeSlot': 'Time slot',
  'undo.button': 'Undo: {label}',
  'undo.confirmText': 'The cells changed by “{label}” go back to how they were before.',
  'undo.confirmYes': 'Undo',
  'undo.confirmNo': 'Cancel',
  'undo.done': 'Undid “{label}” ({n} cells).',
  'undo.doneOne': 'Undid “{label}” ({n} cell).',
  'history.erase': 'Erase history',
  'history.eraseConfirm':
    'Erases the hidden history sheet, the record kept for undo (the values cells had before: names, phone numbers …). Afterwards no earlier action can be undone, and highlights can no longer be cleared with “Clear highlights”. Records older than 履歴保存日数 in 設定 (30 days by default) are erased at the next action anyway.',
  'history.eraseYes': 'Erase',
  'history.eraseNo': 'Cancel',
  'history.erased': 'The history was erased ({n} recorded actions). Earlier actions can no longer be undone.',
  'history.erasedOne': 'The history was erased ({n} recorded action). Earlier actions can no longer be undone.',
  'list.separator': ', ',
  'list.dot': ' · ',
};

/** Both dictionaries; the keys are ja's (exported for the completeness test). */
export const DICTIONARY: Readonly<Record<Lang, Readonly<Record<MessageKey, string>>>> = { ja, en };

export type Params = Readonly<Record<string, string | number>>;

/** The text of `key` in `lang`, with each `{name}` replaced by `params[name]` (left as is when absent). */
export function t(lang: Lang, key: MessageKey, params?: Params): string {
  const template = DICTIONARY[lang][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' && COUNT_PARAMS.indexOf(name) >= 0 ? groupDigits(value) : String(value);
  });
}

/** Parameters that are counts: shown with thousands separators (6,341 行), as Sheets shows numbers. */
const COUNT_PARAMS = ['n', 'total', 'filled', 'needed', 'requests'];

function groupDigits(n: number): string {
  return Number.isInteger(n) ? String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',') : String(n);
}

/** Both languages of one dictionary entry, as the server's Message shape (used for the client's own errors). */
export function messageOf(key: MessageKey): Message {
  return { ja: t('ja', key), en: t('en', key) };
}

/** A server Message in the current language, falling back to the other one when that text is empty. */
export function pickMessage(message: Message, lang: Lang): string {
  const other: Lang = lang === 'ja' ? 'en' : 'ja';
  return message[lang] || message[other] || '';
}

/** Items joined the way each language lists them (「氏名、電話番号」 / "Name, Phone"). */
export function joinList(lang: Lang, items: readonly string[]): string {
  return items.join(t(lang, 'list.separator'));
}

/** The part of Web Storage the language choice needs; localStorage satisfies it. */
export interface LangStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export const LANG_STORAGE_KEY = 'tsunagu.lang';

/** The remembered language, Japanese when nothing (valid) is remembered or the store refuses to answer. */
export function readLang(store: LangStore | null): Lang {
  if (!store) return 'ja';
  try {
    const stored = store.getItem(LANG_STORAGE_KEY);
    return stored === 'en' || stored === 'ja' ? stored : 'ja';
  } catch {
    return 'ja';
  }
}

/** Remembers the language when the store allows it; a sandboxed iframe may refuse, which is fine. */
export function writeLang(store: LangStore | null, lang: Lang): void {
  if (!store) return;
  try {
    store.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    // Storage blocked or full: the choice lasts for this page only.
  }
}
