/**
 * The studio's form view: one emulated Google Form as a respondent sees it — its pages one at a time,
 * where each choice leads, 戻る and 次へ, the form's own messages under the questions it refuses
 * (checked by the studio server against the emulated form), and 送信, which stores the response in
 * the form (its response sheet gains a row). Every text goes in through textContent.
 */
import type {
  AnswerProblem,
  PageAnswers,
  PageCheck,
  RespondentForm,
  RespondentItem,
  SubmitResult,
} from '../form-types';

const WORDS = {
  ja: {
    next: '次へ',
    back: '戻る',
    submit: '送信',
    required: '必須',
    sent: '回答を送信しました。',
    again: '別の回答を送信',
    closed: 'このフォームは回答を受け付けていません。',
    failed: '送信できませんでした',
  },
  en: {
    next: 'Next',
    back: 'Back',
    submit: 'Submit',
    required: 'Required',
    sent: 'Your response has been recorded.',
    again: 'Submit another response',
    closed: 'This form is not accepting responses.',
    failed: 'Could not submit',
  },
};

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

const form = JSON.parse(
  (document.getElementById('form-data') as HTMLScriptElement).textContent ?? '{}',
) as RespondentForm;
const words = form.lang === 'ja' ? WORDS.ja : WORDS.en;
const root = document.getElementById('form-root') as HTMLElement;
/** The pages visited, in order (戻る goes back along them). */
const path: number[] = [0];

async function post<T>(url: string, body: unknown): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as T & { error?: string };
  if (!response.ok) throw new Error(json.error ?? `HTTP ${response.status}`);
  return json;
}

/** The answer of one item as the page holds it; undefined when blank. */
function answerOf(item: RespondentItem): PageAnswers[string] | undefined {
  const name = `q${item.id}`;
  const checked = (n: string): string[] =>
    Array.from(document.querySelectorAll<HTMLInputElement>(`input[name="${n}"]:checked`)).map((i) => i.value);
  switch (item.type) {
    case 'MULTIPLE_CHOICE':
    case 'SCALE': {
      const [one] = checked(name);
      return one;
    }
    case 'CHECKBOX': {
      const all = checked(name);
      return all.length > 0 ? all : undefined;
    }
    case 'GRID':
    case 'CHECKBOX_GRID': {
      const rows: Record<string, string | string[]> = {};
      (item.rows ?? []).forEach((row, r) => {
        const values = checked(`${name}-${r}`);
        if (values.length === 0) return;
        rows[row] = item.type === 'GRID' ? (values[0] as string) : values;
      });
      return Object.keys(rows).length > 0 ? rows : undefined;
    }
    default: {
      const input = document.querySelector<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(
        `[name="${name}"]`,
      );
      return input && input.value !== '' ? input.value : undefined;
    }
  }
}

/** The answers of the pages visited (Forms keeps nothing of a page the respondent did not reach). */
function answers(): PageAnswers {
  const out: PageAnswers = {};
  for (const index of path) {
    for (const item of form.pages[index]?.items ?? []) {
      const value = answerOf(item);
      if (value !== undefined) out[String(item.id)] = value;
    }
  }
  return out;
}

/** Where the current page leads with its answers: the last chosen choice that leads somewhere, else the page's own next. */
function nextOf(index: number): number | 'submit' {
  const page = form.pages[index];
  let target: number | 'submit' | null = null;
  for (const item of page?.items ?? []) {
    if ((item.type !== 'MULTIPLE_CHOICE' && item.type !== 'LIST') || !item.choices?.some((c) => c.goTo !== null))
      continue;
    const value = answerOf(item);
    const choice = item.choices.find((c) => c.value === value);
    if (choice) target = choice.goTo ?? index + 1;
  }
  const next = target ?? page?.next ?? index + 1;
  return next === 'submit' || next >= form.pages.length ? 'submit' : next;
}

function choiceInput(
  type: 'radio' | 'checkbox',
  name: string,
  value: string,
  label: string,
  onChange: () => void,
): HTMLElement {
  const wrap = el('label', 'choice');
  const input = el('input');
  input.type = type;
  input.name = name;
  input.value = value;
  input.addEventListener('change', onChange);
  wrap.append(input, el('span', '', label));
  return wrap;
}

function itemBlock(item: RespondentItem, onChange: () => void): HTMLElement {
  const block = el('div', item.type === 'SECTION_HEADER' ? 'item header' : 'item');
  block.dataset.item = String(item.id);
  block.dataset.testid = 'form-item';
  const title = el(item.type === 'SECTION_HEADER' ? 'h3' : 'div', 'item-title', item.title);
  if (item.required) {
    const star = el('span', 'required', ' *');
    star.title = words.required;
    title.append(star);
  }
  block.append(title);
  if (item.helpText) block.append(el('div', 'help', item.helpText));
  const name = `q${item.id}`;
  const id = `i${item.id}`;
  title.id = `${id}-title`;
  switch (item.type) {
    case 'TEXT':
    case 'DATE':
    case 'TIME': {
      const input = el('input');
      input.type = item.type === 'DATE' ? 'date' : item.type === 'TIME' ? 'time' : 'text';
      input.name = name;
      input.setAttribute('aria-labelledby', title.id);
      block.append(input);
      break;
    }
    case 'PARAGRAPH_TEXT': {
      const area = el('textarea');
      area.name = name;
      area.rows = 4;
      area.setAttribute('aria-labelledby', title.id);
      block.append(area);
      break;
    }
    case 'LIST': {
      const select = el('select');
      select.name = name;
      select.setAttribute('aria-labelledby', title.id);
      select.append(el('option', '', '選択 / Choose'));
      (select.firstChild as HTMLOptionElement).value = '';
      for (const c of item.choices ?? []) {
        const option = el('option', '', c.value);
        option.value = c.value;
        select.append(option);
      }
      select.addEventListener('change', onChange);
      block.append(select);
      break;
    }
    case 'MULTIPLE_CHOICE':
    case 'CHECKBOX': {
      const group = el('div', 'choices');
      group.setAttribute('role', item.type === 'MULTIPLE_CHOICE' ? 'radiogroup' : 'group');
      group.setAttribute('aria-labelledby', title.id);
      for (const c of item.choices ?? [])
        group.append(
          choiceInput(item.type === 'MULTIPLE_CHOICE' ? 'radio' : 'checkbox', name, c.value, c.value, onChange),
        );
      block.append(group);
      break;
    }
    case 'SCALE': {
      const s = item.scale ?? { lower: 1, upper: 5, lowerLabel: '', upperLabel: '' };
      const group = el('div', 'choices scale');
      group.setAttribute('role', 'radiogroup');
      group.setAttribute('aria-labelledby', title.id);
      if (s.lowerLabel) group.append(el('span', 'scale-label', s.lowerLabel));
      for (let n = s.lower; n <= s.upper; n++) group.append(choiceInput('radio', name, String(n), String(n), onChange));
      if (s.upperLabel) group.append(el('span', 'scale-label', s.upperLabel));
      block.append(group);
      break;
    }
    case 'GRID':
    case 'CHECKBOX_GRID': {
      const table = el('table', 'grid');
      const head = el('tr');
      head.append(el('th'));
      for (const column of item.columns ?? []) head.append(el('th', '', column));
      table.append(head);
      (item.rows ?? []).forEach((row, r) => {
        const tr = el('tr');
        tr.append(el('th', '', row));
        for (const column of item.columns ?? []) {
          const td = el('td');
          const input = el('input');
          input.type = item.type === 'GRID' ? 'radio' : 'checkbox';
          input.name = `${name}-${r}`;
          input.value = column;
          input.setAttribute('aria-label', `${row} ${column}`);
          td.append(input);
          tr.append(td);
        }
        table.append(tr);
      });
      block.append(table);
      break;
    }
    default:
      break;
  }
  const problem = el('div', 'problem');
  problem.dataset.testid = 'form-problem';
  problem.setAttribute('role', 'alert');
  problem.hidden = true;
  block.append(problem);
  return block;
}

function showProblems(problems: readonly AnswerProblem[]): void {
  for (const node of Array.from(document.querySelectorAll<HTMLElement>('.problem'))) {
    node.hidden = true;
    node.textContent = '';
  }
  for (const p of problems) {
    const node = document.querySelector<HTMLElement>(`[data-item="${p.itemId}"] .problem`);
    if (node) {
      node.textContent = p.message;
      node.hidden = false;
    }
  }
  const banner = document.getElementById('form-error') as HTMLElement;
  const orphans = problems.filter((p) => !document.querySelector(`[data-item="${p.itemId}"]`));
  banner.textContent = orphans.map((p) => p.message).join('\n');
  banner.hidden = orphans.length === 0;
  document.querySelector<HTMLElement>('.problem:not([hidden])')?.scrollIntoView({ block: 'center' });
}

const sections: HTMLElement[] = [];

function show(index: number): void {
  sections.forEach((section, i) => (section.hidden = i !== index));
  updateButtons();
}

function current(): number {
  return path[path.length - 1] as number;
}

function updateButtons(): void {
  const section = sections[current()];
  if (!section) return;
  const next = section.querySelector<HTMLButtonElement>('.next') as HTMLButtonElement;
  next.textContent = nextOf(current()) === 'submit' ? words.submit : words.next;
  next.dataset.testid = nextOf(current()) === 'submit' ? 'form-submit' : 'form-next';
}

async function goOn(button: HTMLButtonElement): Promise<void> {
  button.disabled = true;
  try {
    const page = current();
    const target = nextOf(page);
    if (target !== 'submit') {
      const check = await post<PageCheck>('/api/form/check', { formId: form.formId, page, answers: answers() });
      showProblems(check.problems);
      if (check.problems.length > 0) return;
      path.push(target);
      show(target);
      return;
    }
    const result = await post<SubmitResult>('/api/form/submit', { formId: form.formId, answers: answers() });
    if (!result.ok) {
      // The form found a problem on a page visited earlier: go back to it.
      while (path.length > 1 && current() !== result.page) path.pop();
      show(current());
      showProblems(result.problems);
      return;
    }
    showProblems([]);
    sections.forEach((section) => (section.hidden = true));
    const done = document.getElementById('form-done') as HTMLElement;
    (done.querySelector('.message') as HTMLElement).textContent = result.confirmationMessage || words.sent;
    done.hidden = false;
  } catch (error) {
    const banner = document.getElementById('form-error') as HTMLElement;
    banner.textContent = `${words.failed}: ${(error as Error).message}`;
    banner.hidden = false;
  } finally {
    button.disabled = false;
  }
}

function render(): void {
  document.documentElement.lang = form.lang;
  document.title = form.title;
  const head = el('header', 'form-head');
  head.append(el('h1', '', form.title));
  if (form.description) head.append(el('p', 'description', form.description));
  root.append(head);
  const error = el('div', 'form-error');
  error.id = 'form-error';
  error.dataset.testid = 'form-error';
  error.setAttribute('role', 'alert');
  error.hidden = true;
  root.append(error);
  if (!form.acceptingResponses) {
    root.append(el('p', 'closed', words.closed));
    return;
  }
  form.pages.forEach((page, index) => {
    const section = el('section', 'page');
    section.dataset.page = String(index);
    section.dataset.testid = 'form-page';
    if (index > 0) {
      section.append(el('h2', '', page.title));
      if (page.description) section.append(el('p', 'description', page.description));
    }
    for (const item of page.items) section.append(itemBlock(item, updateButtons));
    const buttons = el('div', 'buttons');
    if (index > 0) {
      const back = el('button', 'back', words.back);
      back.type = 'button';
      back.dataset.testid = 'form-back';
      back.addEventListener('click', () => {
        if (path.length > 1) path.pop();
        show(current());
      });
      buttons.append(back);
    }
    const next = el('button', 'next');
    next.type = 'button';
    next.addEventListener('click', () => void goOn(next));
    buttons.append(next);
    section.append(buttons);
    sections.push(section);
    root.append(section);
  });
  const done = el('section', 'done');
  done.id = 'form-done';
  done.dataset.testid = 'form-done';
  done.hidden = true;
  done.append(el('p', 'message'));
  const again = el('a', '', words.again);
  again.href = window.location.href;
  done.append(again);
  root.append(done);
  show(0);
}

render();
