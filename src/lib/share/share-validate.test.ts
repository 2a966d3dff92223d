import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderShareHtml } from './render-html';
import { ShareLinkError } from './share-error';
import { sampleReport } from './share-link.fixture';
import type { ShareReport } from './share-report';
import { validateShareReport } from './share-validate';

/** The ShareLinkError a validation throws (fails the test when it passes or throws anything else). */
function validationError(value: unknown): ShareLinkError {
	try {
		validateShareReport(value);
	} catch (error) {
		expect(error).toBeInstanceOf(ShareLinkError);
		return error as ShareLinkError;
	}
	throw new Error('expected the report to be refused');
}

const parsed = (json: string): unknown => JSON.parse(json);
const withField = (patch: Record<string, unknown>) => ({ ...sampleReport(), ...patch });

describe('validateShareReport: what it returns', () => {
	it('returns a new object with the fields of the schema only', () => {
		const input = withField({ extra: 'x'.repeat(10_000), deep: [[[[[]]]]] });
		const report = validateShareReport(input);
		expect(report).toEqual(sampleReport());
		expect(report).not.toBe(input);
		expect(report).not.toHaveProperty('extra');
		expect(report.departments[0]).not.toBe(input.departments[0]);
	});

	it('keeps __proto__ and constructor keys out, and changes no prototype', () => {
		const json = JSON.stringify(sampleReport())
			.replace('{"schema"', '{"__proto__":{"polluted":1,"departments":[]},"constructor":{"prototype":{"polluted":2}},"schema"')
			.replace('"department":"Техподдержка",', '"department":"Техподдержка","__proto__":{"conversations":1},');
		const report = validateShareReport(parsed(json));
		expect(Object.hasOwn(report, '__proto__')).toBe(false);
		expect(Object.getPrototypeOf(report)).toBe(Object.prototype);
		expect(report.departments).toHaveLength(2);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});

	it('does not read a field from the prototype when the object lacks it', () => {
		const json = JSON.stringify({ ...sampleReport(), headline: undefined }).replace('{"schema"', '{"__proto__":{"headline":{}},"schema"');
		expect(validationError(parsed(json)).message).toContain('report.headline');
	});

	it('keeps HTML and script in texts as plain text, which the HTML file escapes', () => {
		const evil = '<script>alert(1)</script><img src=x onerror=alert(2)>';
		const report = validateShareReport(withField({ owner: evil, agents: [{ ...sampleReport().agents[0], agent: evil }] }));
		expect(report.owner).toBe(evil);
		const html = renderShareHtml(report);
		expect(html).not.toContain('<script>alert');
		expect(html).not.toContain('<img src=x');
	});
});

describe('validateShareReport: what it refuses, and why', () => {
	it.each([null, 1, 'report', [], true])('%j is not a report', (value) => {
		expect(validationError(value).reason).toBe('schema');
	});

	it('tells another version of the schema from something else', () => {
		expect(validationError(withField({ schema: 'replyscope.share/2' })).reason).toBe('version');
		expect(validationError(withField({ schema: 'other/1' })).reason).toBe('schema');
		expect(validationError(withField({ schema: undefined })).reason).toBe('schema');
	});

	it.each([
		['a missing field', { headline: undefined }, 'report.headline'],
		['a missing field in a row', { departments: [{ department: 'A' }] }, 'report.departments[0].conversations'],
		['a count of 1e308 (charts once looped for ever on it)', { reply_buckets: [{ bucket: 'under_5m', replies: 1e308 }] }, 'report.reply_buckets[0].replies'],
		['a count that is not whole', { source: { files: 1.5, messages: 1, conversations: 1 } }, 'report.source.files'],
		['a negative count', { headline: { ...sampleReport().headline, conversations: -1 } }, 'report.headline.conversations'],
		['a duration past 1000 years', { target_s: 1e100 }, 'report.target_s'],
		['a share above 1', { headline: { ...sampleReport().headline, handoff_share: 7 } }, 'report.headline.handoff_share'],
		['a number as text', { owner: 5 }, 'report.owner'],
		['a text of 5001 characters', { time_zone: 'x'.repeat(5001) }, 'report.time_zone'],
		['a list of 5001 rows', { flows: Array(5001).fill(sampleReport().flows[0]) }, 'report.flows'],
		['an impossible day', { period: { first_day: '2024-13-45', last_day: '2024-05-16' } }, 'report.period.first_day'],
		['a generated_at that is not a time', { generated_at: '../../../etc/passwd' }, 'report.generated_at'],
		['an unknown role', { agents: [{ ...sampleReport().agents[0], role: 'customer' }] }, 'report.agents[0].role'],
		['a broken off-topic example', { off_topic_examples: [{ department: null, question: 1 }] }, 'report.off_topic_examples[0].question']
	])('%s', (_, patch, path) => {
		const error = validationError(withField(patch));
		expect(error.reason).toBe('shape');
		expect(error.message).toContain(path);
	});

	// Any JSON value, and a valid report with one field swapped for any JSON value: the answer is a report or a
	// ShareLinkError, and a report that passes renders to a file without markup from the data.
	it('answers any JSON value with a report or a ShareLinkError', () => {
		fc.assert(
			fc.property(fc.jsonValue(), (value) => {
				try {
					validateShareReport(value);
				} catch (error) {
					expect(error).toBeInstanceOf(ShareLinkError);
				}
			}),
			{ numRuns: 300 }
		);
	});

	const paths = fieldPaths(sampleReport({ off_topic_examples: [{ department: null, question: 'Где?', answer: 'Там', relevance: 0.1 }] }));
	it('answers a report with one field changed with a report that renders, or a ShareLinkError', () => {
		fc.assert(
			fc.property(fc.constantFrom(...paths), fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom(1e308, -0, 2 ** 53, '<script>x</script>', '__proto__')), (path, value) => {
				const report = structuredClone(sampleReport({ off_topic_examples: [{ department: null, question: 'Где?', answer: 'Там', relevance: 0.1 }] })) as unknown as Record<string, unknown>;
				setPath(report, path, value);
				let valid: ShareReport;
				try {
					valid = validateShareReport(report);
				} catch (error) {
					expect(error).toBeInstanceOf(ShareLinkError);
					return;
				}
				const html = renderShareHtml(valid);
				expect(html).not.toMatch(/<script>x|<\/script><script/);
			}),
			{ numRuns: 300 }
		);
	});
});

/** Every path to a leaf or a list of the value, as keys. */
function fieldPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
	if (value === null || typeof value !== 'object') return [path];
	const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
	return [path, ...keys.flatMap((k) => fieldPaths((value as Record<string | number, unknown>)[k], [...path, k]))].filter((p) => p.length > 0);
}

function setPath(target: Record<string | number, unknown>, path: (string | number)[], value: unknown): void {
	let node = target;
	for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
	node[path[path.length - 1]] = value;
}
