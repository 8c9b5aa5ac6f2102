/** HtmlService: HtmlOutput and HtmlTemplate over the project's HTML files, with <?= ?>, <?!= ?> and <? ?> scriptlets. */
import { Service, asGas, countCalls } from './calls';
import type { EmulatorContext } from './context';
import { SandboxMode, XFrameOptionsMode, enumName } from './enums';
import type { ShownHtml } from './ui';

type GasHtmlService = GoogleAppsScript.HTML.HtmlService;
type GasHtmlOutput = GoogleAppsScript.HTML.HtmlOutput;
type GasHtmlTemplate = GoogleAppsScript.HTML.HtmlTemplate;

const OUTPUT_METHODS = [
  'addMetaTag',
  'append',
  'asTemplate',
  'clear',
  'getContent',
  'getHeight',
  'getTitle',
  'getWidth',
  'setContent',
  'setHeight',
  'setSandboxMode',
  'setTitle',
  'setWidth',
  'setXFrameOptionsMode',
] as const satisfies readonly (keyof GasHtmlOutput)[];

export class EmuHtmlOutput extends Service implements Pick<GasHtmlOutput, (typeof OUTPUT_METHODS)[number]> {
  private content: string;
  private title = '';
  private width: number | null = null;
  private height: number | null = null;
  /** Internal: what was set, for tests that check the sidebar is sandboxed and framed as intended. */
  sandboxMode = 'IFRAME';
  xFrameOptionsMode = 'DEFAULT';
  readonly metaTags: Array<{ name: string; content: string }> = [];

  constructor(
    ctx: EmulatorContext,
    content: string,
    private readonly scope: object,
  ) {
    super(ctx);
    this.content = content;
  }

  /** Internal: the page as the user sees it in a sidebar or dialog. */
  shown(): ShownHtml {
    return { title: this.title, html: this.content, width: this.width, height: this.height };
  }

  private get self(): GasHtmlOutput {
    return asGas(this);
  }

  addMetaTag(name: string, content: string): GasHtmlOutput {
    if (name !== 'viewport' && name !== 'apple-mobile-web-app-capable' && name !== 'mobile-web-app-capable') {
      throw new Error(`Invalid argument: name (meta tag ${name} is not allowed)`);
    }
    this.metaTags.push({ name: String(name), content: String(content) });
    return this.self;
  }

  append(addedContent: string): GasHtmlOutput {
    this.content += String(addedContent);
    return this.self;
  }

  asTemplate(): GasHtmlTemplate {
    return asGas(new EmuHtmlTemplate(this.ctx, this.content, this.scope));
  }

  clear(): GasHtmlOutput {
    this.content = '';
    return this.self;
  }

  getContent(): string {
    return this.content;
  }

  getHeight(): number {
    return this.height ?? 0;
  }

  getTitle(): string {
    return this.title;
  }

  getWidth(): number {
    return this.width ?? 0;
  }

  setContent(content: string): GasHtmlOutput {
    this.content = String(content);
    return this.self;
  }

  setHeight(height: number): GasHtmlOutput {
    this.height = Number(height);
    return this.self;
  }

  setSandboxMode(mode: GoogleAppsScript.HTML.SandboxMode): GasHtmlOutput {
    this.sandboxMode = enumName(mode);
    return this.self;
  }

  setTitle(title: string): GasHtmlOutput {
    this.title = String(title);
    return this.self;
  }

  setWidth(width: number): GasHtmlOutput {
    this.width = Number(width);
    return this.self;
  }

  setXFrameOptionsMode(mode: GoogleAppsScript.HTML.XFrameOptionsMode): GasHtmlOutput {
    this.xFrameOptionsMode = enumName(mode);
    return this.self;
  }
}
countCalls(EmuHtmlOutput, 'HtmlOutput', OUTPUT_METHODS);

/** The HtmlOutput behind a value a script passed to showSidebar/showModalDialog. */
export function htmlOutputOf(output: unknown): EmuHtmlOutput {
  if (!(output instanceof EmuHtmlOutput)) throw new Error('Invalid argument: userInterface');
  return output;
}

function escapeHtml(value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function raw(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}

/**
 * Turns a template into the body of a function: text is appended as is, <?= e ?> appended
 * HTML-escaped, <?!= e ?> appended raw, <? code ?> run. (Apps Script escapes by context; the
 * emulator always escapes as HTML text, which is what Tsunagu's templates need.)
 */
function compileTemplate(source: string): string {
  let code = '';
  let i = 0;
  while (i < source.length) {
    const open = source.indexOf('<?', i);
    if (open < 0) {
      code += `__out.push(${JSON.stringify(source.slice(i))});\n`;
      break;
    }
    code += `__out.push(${JSON.stringify(source.slice(i, open))});\n`;
    const close = source.indexOf('?>', open + 2);
    if (close < 0) throw new Error('Unterminated scriptlet in HTML template (a <? without ?>).');
    const inner = source.slice(open + 2, close);
    if (inner.startsWith('!=')) code += `__out.push(__raw(${inner.slice(2)}));\n`;
    else if (inner.startsWith('=')) code += `__out.push(__escape(${inner.slice(1)}));\n`;
    else code += `${inner}\n`;
    i = close + 2;
  }
  return code;
}

const TEMPLATE_METHODS = ['evaluate', 'getCode', 'getRawContent'] as const satisfies readonly (keyof GasHtmlTemplate)[];

export class EmuHtmlTemplate extends Service implements Pick<GasHtmlTemplate, (typeof TEMPLATE_METHODS)[number]> {
  // Private fields, so that no template variable a script assigns (template.source = …) can clash with them.
  readonly #source: string;
  readonly #scope: object;

  constructor(ctx: EmulatorContext, source: string, scope: object) {
    super(ctx);
    this.#source = source;
    this.#scope = scope;
  }

  /** Runs the scriptlets with the template's own properties and the Apps Script globals in scope. */
  evaluate(): GasHtmlOutput {
    const vars: Record<string, unknown> = Object.create(this.#scope) as Record<string, unknown>;
    for (const [key, value] of Object.entries(this)) {
      if (key !== 'ctx') vars[key] = value;
    }
    const out: string[] = [];
    // Sloppy-mode function so that `with` can put the template variables in scope, as Apps Script does.
    const body = `with (__scope) {\n${compileTemplate(this.#source)}}`;
    const run = new Function('__scope', '__out', '__escape', '__raw', body) as (
      scope: object,
      out: string[],
      escape: (v: unknown) => string,
      raw: (v: unknown) => string,
    ) => void;
    run(vars, out, escapeHtml, raw);
    return asGas(new EmuHtmlOutput(this.ctx, out.join(''), this.#scope));
  }

  getCode(): string {
    return compileTemplate(this.#source);
  }

  getRawContent(): string {
    return this.#source;
  }
}
countCalls(EmuHtmlTemplate, 'HtmlTemplate', TEMPLATE_METHODS);

const HTML_SERVICE_METHODS = [
  'createHtmlOutput',
  'createHtmlOutputFromFile',
  'createTemplate',
  'createTemplateFromFile',
  'getUserAgent',
] as const satisfies readonly (keyof GasHtmlService)[];

export class EmuHtmlService
  extends Service
  implements Pick<GasHtmlService, (typeof HTML_SERVICE_METHODS)[number] | 'SandboxMode' | 'XFrameOptionsMode'>
{
  readonly SandboxMode = SandboxMode;
  readonly XFrameOptionsMode = XFrameOptionsMode;

  constructor(
    ctx: EmulatorContext,
    /** The names scriptlets can see besides the template's own properties: the Apps Script globals. */
    private readonly scope: object,
  ) {
    super(ctx);
  }

  /** A project file by name; Apps Script names HTML files without their .html extension. */
  private file(filename: string): string {
    const name = String(filename).replace(/\.html$/, '');
    const content = this.ctx.htmlFiles[name];
    if (content === undefined) throw new Error(`No HTML file named ${name} was found.`);
    return content;
  }

  createHtmlOutput(html?: string | GoogleAppsScript.Base.BlobSource): GasHtmlOutput {
    const content = typeof html === 'string' ? html : html === undefined ? '' : html.getBlob().getDataAsString();
    return asGas(new EmuHtmlOutput(this.ctx, content, this.scope));
  }

  // real-sheets-checklist RS-20
  createHtmlOutputFromFile(filename: string): GasHtmlOutput {
    return asGas(new EmuHtmlOutput(this.ctx, this.file(filename), this.scope));
  }

  createTemplate(html: string | GoogleAppsScript.Base.BlobSource): GasHtmlTemplate {
    const source = typeof html === 'string' ? html : html.getBlob().getDataAsString();
    return asGas(new EmuHtmlTemplate(this.ctx, source, this.scope));
  }

  createTemplateFromFile(filename: string): GasHtmlTemplate {
    return asGas(new EmuHtmlTemplate(this.ctx, this.file(filename), this.scope));
  }

  getUserAgent(): string {
    return 'Mozilla/5.0 (Tsunagu emulator)';
  }
}
countCalls(EmuHtmlService, 'HtmlService', HTML_SERVICE_METHODS);
