/**
 * チラシ: the printable A4 flyer of one built form in one language — its title and description, a
 * large QR code of its forms.gle address, that address as text, and the 社協's name and contact
 * from 設定 — shown as a print dialog over the spreadsheet (sidebar) or returned as a page (CLI).
 * Writes nothing.
 */
import { UserError } from '../errors';
import { flyerContact, flyerHtml } from '../survey/flyer';
import { loadStoredForms, storedFormOf } from '../survey/form-store';
import { JAPANESE, languageName, parseLanguage } from '../survey/languages';
import { FormGoneError } from '../survey/ports';
import { buildFormSpecs } from '../survey/spec';
import type { FormFlyerView, Message } from '../../shared/rpc';
import type { AppPorts } from './ports';
import { readDefinition, type FormPorts } from './survey';

/** The flyer dialog: an A4 page's width at 96 dpi and some, as tall as Sheets shows comfortably. */
export const FLYER_DIALOG = { width: 860, height: 680 } as const;

/**
 * The flyer of the form `name` in `language` (Japanese when not given): the form must be in
 * アンケート定義 and built; its address is read from the form itself (a form deleted in Drive is
 * refused with the reason). A form that does not accept responses still gets its flyer, with a notice.
 */
export function getFormFlyer(
  ports: AppPorts,
  forms: Pick<FormPorts, 'maker'>,
  name: string,
  language?: string,
): FormFlyerView {
  const { definition, settings } = readDefinition(ports);
  const form = definition.forms.find((f) => f.name === name.trim());
  if (!form) {
    const names = definition.forms.map((f) => `「${f.name}」`).join('');
    throw new UserError(
      'survey.formUnknown',
      `アンケート定義にフォーム「${name}」はありません${names ? `（あるのは${names}）` : ''}。`,
      `アンケート定義 has no form 「${name}」${names ? ` (it has ${names})` : ''}.`,
    );
  }
  const code = language === undefined || language.trim() === '' ? JAPANESE : parseLanguage(language);
  const spec = buildFormSpecs(form).find((s) => s.language === code);
  if (!code || !spec) {
    const have = form.languages.map((l) => `${l}（${languageName(l).ja}）`).join('、');
    throw new UserError(
      'survey.languageUnknown',
      `フォーム「${form.name}」に言語「${language ?? ''}」の版はありません。あるのは ${have} です。`,
      `The form 「${form.name}」 has no version in 「${language ?? ''}」: it has ${form.languages.join(', ')}.`,
    );
  }
  const label = languageName(spec.language);
  const stored = storedFormOf(loadStoredForms(ports.store), spec.name, spec.language);
  if (!stored) {
    throw new UserError(
      'survey.notBuilt',
      `フォーム「${spec.name}」（${label.ja}）はまだ作成されていません。先に「フォームを作成・更新」を実行してください。`,
      `The form 「${spec.name}」 (${label.en}) has not been built yet. Run フォームを作成・更新 first.`,
    );
  }
  const status = forms.maker.status(stored.formId);
  if (!status.exists) {
    const ja = new FormGoneError(stored.formId, spec.name, label.ja);
    const en = new FormGoneError(stored.formId, spec.name, label.en);
    throw new UserError('survey.formGone', ja.messageJa, en.message);
  }
  const notices: Message[] = [];
  const open = status.published && status.acceptingResponses;
  if (!open) {
    notices.push({
      ja: `フォーム「${spec.name}」（${label.ja}）は今は回答を受け付けていません。チラシを配る前に、フォームの「回答」タブで受付をオンにしてください。`,
      en: `The form 「${spec.name}」 (${label.en}) is not accepting responses now. Turn responses on in its Responses tab before handing out the flyer.`,
    });
  }
  const url = status.shortUrl || status.publishedUrl;
  const html = flyerHtml({
    title: spec.title,
    description: spec.description,
    language: spec.language,
    url,
    shortUrl: status.shortUrl,
    organization: settings.organizationName,
    contact: flyerContact(settings),
  });
  if (settings.organizationName.trim() === '' && flyerContact(settings).length === 0) {
    notices.push({
      ja: '設定に「団体名」と「連絡先」がないため、チラシにお問い合わせ先が入っていません。',
      en: '設定 has no 団体名 and no 連絡先, so the flyer says nothing about whom to contact.',
    });
  }
  return {
    name: spec.name,
    language: spec.language,
    languageLabel: { ja: label.ja, en: label.en },
    title: spec.title,
    url,
    shortUrl: status.shortUrl,
    open,
    notices,
    html,
  };
}

/** チラシを印刷: the flyer in a print dialog over the spreadsheet (its 印刷する button prints the A4 page). */
export function openFormFlyer(
  ports: AppPorts,
  forms: Pick<FormPorts, 'maker'>,
  name: string,
  language?: string,
): FormFlyerView {
  const flyer = getFormFlyer(ports, forms, name, language);
  ports.dialogs.showHtml(
    `チラシ：${flyer.name}（${flyer.languageLabel.ja}）`,
    flyer.html ?? '',
    FLYER_DIALOG.width,
    FLYER_DIALOG.height,
  );
  return { ...flyer, html: null };
}
