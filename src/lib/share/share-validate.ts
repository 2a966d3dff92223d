/**
 * The check of a shared report from someone else (a link, an HTML or JSON file, the tab's storage): every field is
 * read by type and range, and a fresh object is built from the fields the schema knows. Nothing else of the input
 * is kept: an unknown field, a `__proto__` key or a deeply nested extra never reaches the pages, the storage or a
 * file saved again. Numbers are bounded as well as typed, because charts loop over them (a count of 1e308 once made
 * the chart scale loop for ever).
 */
import { REPLY_BUCKETS } from '$lib/analysis/view-types';
import { ShareLinkError } from './share-error';
import { SHARE_SCHEMA, type ShareReport } from './share-report';

/** Reads one value at `path` (`report.departments[0].department`), or throws naming the path. */
type Read<T> = (value: unknown, path: string) => T;

/** Longest text accepted in a field (an excerpt is at most 300 characters; names and zones are short). */
const MAX_TEXT = 5_000;
/** Most rows accepted in a list (the report keeps tens; weekly points are weeks × departments). */
const MAX_ROWS = 5_000;
/** Longest duration accepted: 1000 years. Real medians are hours; a wrong year in the data can make decades. */
const MAX_SECONDS = 1000 * 366 * 86_400;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** `generated_at` as formatIsoWithOffset writes it; its day also names the files saved from the report. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/;

const fail = (path: string, expected: string): never => {
	throw new ShareLinkError('shape', `Not a valid report: ${path} should be ${expected}.`);
};
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const text: Read<string> = (v, p) => (typeof v === 'string' && v.length <= MAX_TEXT ? v : fail(p, 'a text'));
const matching = (pattern: RegExp, expected: string): Read<string> => (v, p) =>
	typeof v === 'string' && pattern.test(v) && !Number.isNaN(Date.parse(v.slice(0, 10))) ? v : fail(p, expected);
const day = matching(DAY, 'a day (YYYY-MM-DD)');
const instant = matching(INSTANT, 'a time (YYYY-MM-DDThh:mm)');
const count: Read<number> = (v, p) => (Number.isSafeInteger(v) && (v as number) >= 0 ? (v as number) : fail(p, 'a whole number of 0 or more'));
const seconds: Read<number> = (v, p) =>
	typeof v === 'number' && v >= 0 && v <= MAX_SECONDS ? v : fail(p, 'a number of seconds from 0 to 1000 years');
const share: Read<number> = (v, p) => (typeof v === 'number' && v >= 0 && v <= 1 ? v : fail(p, 'a share from 0 to 1'));
const flag: Read<boolean> = (v, p) => (typeof v === 'boolean' ? v : fail(p, 'true or false'));
const oneOf = <T extends string>(values: readonly T[]): Read<T> => (v, p) =>
	values.includes(v as T) ? (v as T) : fail(p, `one of ${values.join(', ')}`);
const orNull = <T>(read: Read<T>): Read<T | null> => (v, p) => (v === null ? null : read(v, p));
const listOf = <T>(item: Read<T>): Read<T[]> => (v, p) => {
	if (!Array.isArray(v) || v.length > MAX_ROWS) return fail(p, `a list of at most ${MAX_ROWS} items`);
	return v.map((x, i) => item(x, `${p}[${i}]`));
};
/** An object with exactly these fields read (missing ones are read as undefined, so they fail unless optional). */
const shape = <T extends object>(fields: { [K in keyof T]-?: Read<T[K]> }): Read<T> => (v, p) => {
	if (!isObject(v)) return fail(p, 'an object');
	const out: Record<string, unknown> = {};
	for (const key of Object.keys(fields) as (keyof T & string)[]) {
		// Own fields only: JSON.parse makes `__proto__` an own key, and nothing is looked up on the prototype.
		out[key] = fields[key](Object.hasOwn(v, key) ? v[key] : undefined, `${p}.${key}`);
	}
	return out as T;
};

const shareDepartment = shape<ShareReport['departments'][number]>({
	department: orNull(text), conversations: count, agent_messages: count,
	first_response_median_s: orNull(seconds), first_response_p90_s: orNull(seconds), reply_median_s: orNull(seconds),
	reply_p90_s: orNull(seconds), within_target_share: orNull(share), templated_share: orNull(share),
	off_topic_share: orNull(share), handoff_share: orNull(share)
});

type Fields = Omit<ShareReport, 'schema' | 'off_topic_examples' | 'commitments'>;
const REPORT = shape<Fields>({
	language: oneOf(['ru', 'en'] as const),
	owner: orNull(text),
	generated_at: instant,
	time_zone: text,
	period: orNull(shape({ first_day: day, last_day: day })),
	source: shape({ files: count, messages: count, conversations: count }),
	anonymised: flag,
	target_s: seconds,
	headline: shape({
		conversations: count, first_response_median_s: orNull(seconds), reply_median_s: orNull(seconds),
		within_target_share: orNull(share), handoff_share: orNull(share)
	}),
	departments: listOf(shareDepartment),
	reply_buckets: listOf(shape({ bucket: oneOf(REPLY_BUCKETS), replies: count })),
	weekly: listOf(shape({ week: day, department: orNull(text), conversations: count, first_response_median_s: seconds })),
	chains: listOf(shape({ departments: listOf(text), conversations: count, duration_median_s: orNull(seconds), ping_pong_share: share })),
	flows: listOf(shape({ from: text, to: text, conversations: count, transfers: count })),
	templates: listOf(shape({ text, uses: count, conversations: count, departments: listOf(text), human_copies_bot: flag })),
	agents: listOf(shape({
		agent: text, department: orNull(text), role: oneOf(['agent', 'bot'] as const), replies: count,
		reply_median_s: orNull(seconds), reply_p90_s: orNull(seconds)
	}))
});
const COMMITMENTS = shape<NonNullable<ShareReport['commitments']>>({
	departments: listOf(shape({
		department: orNull(text), promises: count, kept: count, missed: count, kept_share: orNull(share), deadlines: count, passed: count
	})),
	conflicts_total: count,
	conflicts: listOf(shape({ department: orNull(text), phrase: text, due_at: instant, waiting: listOf(shape({ department: orNull(text), waited_s: seconds })), waiting_total: count }))
});
const OFF_TOPIC = listOf(shape<NonNullable<ShareReport['off_topic_examples']>[number]>({
	department: orNull(text), question: text, answer: text, relevance: orNull(share)
}));

/**
 * `value` as a ShareReport when it is one (schema 'replyscope.share/1' and every field of the right type and range),
 * else a ShareLinkError: 'schema' for anything that is not a replyscope report, 'version' for one of another version,
 * 'shape' naming the first field that is wrong. Returns a new object holding only the fields of the schema.
 */
export function validateShareReport(value: unknown): ShareReport {
	const schema = isObject(value) && Object.hasOwn(value, 'schema') ? value.schema : undefined;
	if (typeof schema === 'string' && schema !== SHARE_SCHEMA && /^replyscope\.share\/\d{1,6}$/.test(schema)) {
		throw new ShareLinkError('version', `The report is of version "${schema}"; this app reads "${SHARE_SCHEMA}".`);
	}
	if (schema !== SHARE_SCHEMA) throw new ShareLinkError('schema', `Not a replyscope report (expected schema "${SHARE_SCHEMA}").`);
	const record = value as Record<string, unknown>;
	const report: ShareReport = { schema: SHARE_SCHEMA, ...REPORT(record, 'report') };
	const examples = Object.hasOwn(record, 'off_topic_examples') ? record.off_topic_examples : undefined;
	if (examples !== undefined) report.off_topic_examples = OFF_TOPIC(examples, 'report.off_topic_examples');
	const commitments = Object.hasOwn(record, 'commitments') ? record.commitments : undefined;
	if (commitments !== undefined) report.commitments = COMMITMENTS(commitments, 'report.commitments');
	return report;
}
