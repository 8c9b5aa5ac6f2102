// The studio's form view over HTTP: /forms lists Tsunagu's forms, /form shows one (its JSON, under the page's
// nonce), 次へ checks one page with the form's own messages, 送信 stores the response and saves; bad requests refused.
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import { Session } from '../../../src/local/session';
import type { StudioHandle } from '../../../src/local/studio/server';
import type { PageCheck, RespondentForm, SubmitResult } from '../../../src/local/studio/form-types';
import type { RpcEnvelope, SurveyBuildView } from '../../../src/shared/rpc';
import { openStudio, postJson, tempDir } from './helpers';

describe('studio form view', () => {
  const temp = tempDir();
  let studio: StudioHandle;
  let session: Session;
  let formId = '';

  beforeAll(async () => {
    const prepared = Session.create('フォームのテスト');
    prepared.run('setupSheets');
    prepared.run('writeSurveyTemplate', '活動報告');
    const built = prepared.run('buildForms') as RpcEnvelope<SurveyBuildView>;
    if (!built.ok) throw new Error(built.error.en);
    formId = built.value.forms.find((f) => f.language === 'ja')?.id ?? '';
    const path = `${temp.dir}/book.xlsx`;
    await prepared.save(path);
    ({ studio, session } = await openStudio(path));
  });

  afterAll(async () => {
    await studio?.close();
    temp.remove();
  });

  async function page(path: string): Promise<{ status: number; text: string; policy: string }> {
    const response = await fetch(new URL(path, studio.url));
    return {
      status: response.status,
      text: await response.text(),
      policy: response.headers.get('content-security-policy') ?? '',
    };
  }

  it('lists every language of every form, and shows one as its JSON under the page nonce', async () => {
    const list = await page('/forms');
    expect(list.status).toBe(200);
    expect(list.text.match(/data-testid="form-link"/g)).toHaveLength(3);
    const shown = await page(`/form?id=${encodeURIComponent(formId)}`);
    expect(shown.status).toBe(200);
    const nonce = /script-src 'nonce-([^']+)'/.exec(shown.policy)?.[1];
    expect(nonce).toBeTruthy();
    const json = /<script type="application\/json" id="form-data" nonce="([^"]+)">(.*?)<\/script>/s.exec(shown.text);
    expect(json?.[1]).toBe(nonce);
    const form = JSON.parse(json?.[2] ?? '{}') as RespondentForm;
    expect(form.formId).toBe(formId);
    expect(form.pages[0]?.items.find((i) => i.questionId === '日付')?.type).toBe('DATE');
    expect((await page('/form?id=nothing')).status).toBe(404);
  });

  it('checks a page with the form’s messages, and stores a complete answer in the response sheet', async () => {
    const view = JSON.parse(
      /id="form-data"[^>]*>(.*?)<\/script>/s.exec((await page(`/form?id=${formId}`)).text)?.[1] ?? '{}',
    ) as RespondentForm;
    const items = view.pages.flatMap((p) => p.items);
    const check = await postJson<PageCheck>(studio.url, '/api/form/check', { formId, page: 0, answers: {} });
    expect(check.status).toBe(200);
    const required = items.filter((i) => i.required && i.questionId !== null).map((i) => i.id);
    expect(check.body.problems.map((p) => p.itemId)).toEqual(required);
    const answers: Record<string, unknown> = {};
    for (const item of items) {
      if (!item.required) continue;
      if (item.type === 'DATE') answers[item.id] = '2026-06-01';
      else if (item.type === 'CHECKBOX') answers[item.id] = [item.choices?.[0]?.value];
      else if (item.choices) answers[item.id] = item.choices[0]?.value;
      else answers[item.id] = '3';
    }
    const sheet = session.emu.forms.get(formId)?.destination?.sheetName ?? '';
    const before = session.emu.sheetValues(sheet).length;
    const stored = await postJson<SubmitResult>(studio.url, '/api/form/submit', { formId, answers });
    expect(stored.body).toEqual(expect.objectContaining({ ok: true, sheet, row: before + 1 }));
    expect(session.emu.sheetValues(sheet).length).toBe(before + 1);
  });

  it('refuses requests that name no form or send answers in a shape no respondent could give', async () => {
    expect((await postJson(studio.url, '/api/form/check', { page: 0, answers: {} })).status).toBe(400);
    expect((await postJson(studio.url, '/api/form/check', { formId, answers: {} })).status).toBe(400);
    expect((await postJson(studio.url, '/api/form/submit', { formId: 'nothing', answers: {} })).status).toBe(404);
    const view = JSON.parse(
      /id="form-data"[^>]*>(.*?)<\/script>/s.exec((await page(`/form?id=${formId}`)).text)?.[1] ?? '{}',
    ) as RespondentForm;
    const text = view.pages[0]?.items.find((i) => i.type === 'TEXT');
    const wrong = await postJson(studio.url, '/api/form/submit', {
      formId,
      answers: { [String(text?.id)]: { a: 'b' } },
    });
    expect(wrong.status).toBe(400);
    expect(
      (await postJson(studio.url, '/api/form/submit', { formId, answers: {} }, { Origin: 'http://evil.example' }))
        .status,
    ).toBe(403);
  });
});
