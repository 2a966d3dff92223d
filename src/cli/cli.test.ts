import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHARE_CSP } from '$lib/share/render-html';

// The command line as a user runs it: a real process, standard output and exit status.
function cli(...args: string[]) {
	const run = spawnSync('npx', ['tsx', 'src/cli/main.ts', ...args], { encoding: 'utf8', timeout: 120_000, maxBuffer: 256 * 1024 * 1024 });
	return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}
const scratch = mkdtempSync(join(tmpdir(), 'replyscope-cli-'));

describe('analyze --json', () => {
	it('prints only the report JSON for the demo data, every row accounted for', () => {
		const { status, stdout } = cli('analyze', 'data/demo/support-chats.csv', '--json', '--tz', 'Europe/Moscow');
		expect(status).toBe(0);
		const report = JSON.parse(stdout);
		expect(report).toMatchObject({ schema: 'replyscope.report/1', time_zone: 'Europe/Moscow' });
		expect(report.generated_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+03:00$/);
		expect(report.input.rows_read).toBe(report.input.rows_loaded + report.input.rows_rejected);
		expect(report.messages).toHaveLength(report.input.rows_loaded);
		expect(report.summary.conversations).toBe(report.conversations.length);
		expect(report.departments.map((d: { department: string }) => d.department)).toContain('Бренд-менеджер');
	});

	it('loads a Windows-1251 ";" export with Russian headers whole with only --tz', () => {
		const { status, stdout } = cli('analyze', 'tests/fixtures/ru-windows1251-semicolon.csv', '--tz', 'Europe/Moscow');
		expect(status).toBe(0);
		expect(JSON.parse(stdout).input).toMatchObject({ rows_read: 12, rows_loaded: 12, rows_rejected: 0 });
	});

	it('maps unknown role values with --roles and columns with --map', () => {
		const file = join(scratch, 'custom.csv');
		writeFileSync(file, 'case,when,who,kind,comment\nk1,2024-05-10 09:00:00,Ира,Менеджер ПВЗ,Где выплата?\nk1,2024-05-10 09:10:00,Бот,Робот,Ожидайте\n');
		const { status, stdout } = cli('analyze', file, '--tz', 'UTC', '--map', 'role=kind', '--map', 'text=comment',
			'--map', 'conversation_id=case', '--roles', 'Менеджер ПВЗ=customer,Робот=bot');
		expect(status).toBe(0);
		const report = JSON.parse(stdout);
		expect(report.input.rows_rejected).toBe(0);
		expect(report.messages.map((m: { role: string; response_s: number | null }) => [m.role, m.response_s])).toEqual([['customer', null], ['bot', 600]]);
	});
});

describe('analyze --out', () => {
	it('writes the report to the file in place of what it held, and nothing on standard output', () => {
		const file = join(scratch, 'report.json');
		writeFileSync(file, 'x'.repeat(1024 * 1024));
		const fixture = 'tests/fixtures/ru-windows1251-semicolon.csv';
		const { status, stdout } = cli('analyze', fixture, '--tz', 'Europe/Moscow', '--out', file);
		expect(status).toBe(0);
		expect(stdout).toBe('');
		const written = readFileSync(file, 'utf8');
		expect(written).toMatch(/^\{\n  "schema": "replyscope.report\/1",\n[^]*\n\}\n$/);
		const printed = JSON.parse(cli('analyze', fixture, '--tz', 'Europe/Moscow', '--json').stdout);
		expect({ ...JSON.parse(written), generated_at: null }).toEqual({ ...printed, generated_at: null });
	});
});

describe('analyze --business-hours', () => {
	// Asked Friday 17:30, answered Monday 09:30 (Moscow): 64 h on the calendar, 1 h on weekday hours 09-18.
	const file = join(scratch, 'weekend.csv');
	writeFileSync(file, 'conversation_id,sent_at,role,text\nw1,2024-05-10 17:30:00,customer,Где выплата?\nw1,2024-05-13 09:30:00,agent,Проверяем\n');
	const responses = (stdout: string) => JSON.parse(stdout).messages.map((m: { response_s: number | null }) => m.response_s);

	it('reports times counting only the business hours, in the --tz zone', () => {
		const { status, stdout } = cli('analyze', file, '--tz', 'Europe/Moscow', '--business-hours', 'mon-fri 09:00-18:00');
		expect(status).toBe(0);
		expect(responses(stdout)).toEqual([null, 3600]);
		expect(responses(cli('analyze', file, '--tz', 'Europe/Moscow').stdout)).toEqual([null, 64 * 3600]);
	});
	it('exits 2 with a sentence for hours it cannot read', () => {
		const { status, stderr } = cli('analyze', file, '--business-hours', 'weekdays 9-18');
		expect(status).toBe(2);
		expect(stderr).toMatch(/^replyscope: --business-hours: Business hours 'weekdays 9-18': expected days and hours/);
	});
});

describe('analyze --html', () => {
	const fixture = 'tests/fixtures/ru-windows1251-semicolon.csv';
	const embedded = (html: string) => JSON.parse(/<script type="application\/json" id="replyscope-share">([^<]*)<\/script>/.exec(html)![1]);

	it('writes the anonymised HTML report, prints nothing on standard output and one line on standard error', () => {
		const file = join(scratch, 'report.html');
		const { status, stdout, stderr } = cli('analyze', fixture, '--tz', 'Europe/Moscow', '--html', file);
		expect(status).toBe(0);
		expect(stdout).toBe('');
		expect(stderr.trim().split('\n').at(-1)).toMatch(/^wrote .*report\.html \(\d+ KB, anonymised\)$/);
		const html = readFileSync(file, 'utf8');
		expect(html).toMatch(/^<!doctype html>/);
		expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${SHARE_CSP}">`);
		expect(SHARE_CSP).toMatch(/^default-src 'none';/);
		expect(embedded(html)).toMatchObject({ schema: 'replyscope.share/1', language: 'ru', anonymised: true, owner: null });
		for (const name of ['Смирнова', 'Алексей', 'Елена', '48213']) expect(html).not.toContain(name);
	});

	it('prints the JSON as well with --json, and takes the language, the owner and --no-anonymize', () => {
		const file = join(scratch, 'own.html');
		const { status, stdout } = cli('analyze', fixture, '--tz', 'Europe/Moscow', '--html', file, '--json',
			'--lang', 'en', '--owner', 'ПВЗ на Ленина', '--no-anonymize', '--include-texts');
		expect(status).toBe(0);
		expect(JSON.parse(stdout).schema).toBe('replyscope.report/1');
		const html = readFileSync(file, 'utf8');
		expect(embedded(html)).toMatchObject({ language: 'en', anonymised: false, owner: 'ПВЗ на Ленина' });
		expect(embedded(html).off_topic_examples).toBeInstanceOf(Array);
		expect(html).toContain('Not anonymised');
		expect(html).toContain('Алексей К.');
	});

	it('exits 2 for a language it does not speak, writing no file', () => {
		const file = join(scratch, 'fr.html');
		const { status, stderr } = cli('analyze', fixture, '--html', file, '--lang', 'fr');
		expect(status).toBe(2);
		expect(stderr).toMatch(/--lang 'fr' is not one of ru, en/);
		expect(existsSync(file)).toBe(false);
	});
});

describe('analyze when nothing can be read', () => {
	it('exits 2 with one line naming the file for a binary file', () => {
		const file = join(scratch, 'photo.csv');
		writeFileSync(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
		const { status, stdout, stderr } = cli('analyze', file);
		expect(status).toBe(2);
		expect(stdout).toBe('');
		expect(stderr.trim().split('\n')).toEqual([expect.stringMatching(/^replyscope: photo\.csv: this is not a text file/)]);
	});
	it('exits 2 for a file that does not exist', () => {
		const { status, stderr } = cli('analyze', join(scratch, 'nope.csv'));
		expect(status).toBe(2);
		expect(stderr).toMatch(/nope\.csv: no such file/);
	});
	it('exits 2 and lists the columns when no text column can be found', () => {
		const file = join(scratch, 'numbers.csv');
		writeFileSync(file, 'a;b\n1;2\n3;4\n');
		const { status, stderr } = cli('analyze', file);
		expect(status).toBe(2);
		expect(stderr).toMatch(/numbers\.csv: no column found for .*Its columns are: a, b/);
	});
	it('exits 2 with the usage on an unknown option', () => {
		const { status, stderr } = cli('analyze', 'x.csv', '--colour');
		expect(status).toBe(2);
		expect(stderr).toMatch(/usage: npm run --silent cli -- analyze/);
	});
});

describe('interrupted', () => {
	it('leaves none of the data in the temporary folder when stopped with Ctrl-C', async () => {
		const tmp = mkdtempSync(join(scratch, 'tmp-'));
		// started as `npm run cli` starts it; TMPDIR is where os.tmpdir(), and so DuckDB's spill folder, points
		const child = spawn('node', ['--import', 'tsx', 'src/cli/main.ts', 'analyze', 'data/demo/support-chats.csv', '--json'], {
			env: { ...process.env, TMPDIR: tmp }, stdio: 'ignore'
		});
		const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
		const ours = () => readdirSync(tmp).filter((name) => name.startsWith('replyscope-')); // (tsx keeps its cache there too)
		const started = Date.now();
		while (ours().length === 0 && Date.now() - started < 60_000) await new Promise((r) => setTimeout(r, 50));
		expect(ours()).toEqual([expect.stringMatching(/^replyscope-spill-/)]);
		child.kill('SIGINT');
		expect(await exited).toBe(130);
		expect(ours()).toEqual([]);
	}, 90_000);
});
