import type { Message, Role } from '$lib/model';
import { valueInReason } from './record-fields';
import { normaliseRoleValue, guessRole } from './roles';
import { parseTimestamp, timestampProblem } from './timestamps';
import { utcToLocalMs } from './time-zone';
import type { ImportPlan, RawRecord } from './types';

/** Turns one raw record into a message, or into the reason it cannot be one. */
export type RecordNormalizer = (record: RawRecord, seq: number) => Message | string;

/**
 * Builds the per-record conversion for one file. Rules (README "Import"):
 * - a record a reader flagged (`_error`: wrong field count, unclosed quote, bad JSON line) is rejected with that reason;
 * - the time must parse in the plan's format; zone-less values are read in the plan's time zone;
 * - the role value must map to a role (the plan's table first, then the built-in Russian/English words);
 * - no conversation column: the whole file is one conversation; no message id: `file#row`;
 * - empty author / department / customer become null; text may be empty (attachments), never null.
 */
export function makeNormalizer(plan: ImportPlan, fileName: string): RecordNormalizer {
	const column = (field: keyof ImportPlan['mapping']) => plan.mapping[field];
	const readTime = timeReader(plan);
	const readRole = roleReader(plan);
	return (record, seq) => {
		const f = record.fields;
		if (f._error) return f._error;
		const sentAt = readTime(f);
		if (typeof sentAt === 'string') return sentAt;
		const role = readRole(f);
		if (typeof role === 'string' && !isRole(role)) return role;
		const where = f._where ? `${fileName} ${f._where}` : `${fileName} row ${record.row}`;
		return {
			conversation_id: valueOf(f, column('conversation_id')) ?? fileName,
			message_id: valueOf(f, column('message_id')) ?? `${fileName}#${record.row}`,
			sent_at: sentAt,
			role: role as Role,
			author: valueOf(f, column('author')),
			department: valueOf(f, column('department')),
			customer: valueOf(f, column('customer')),
			text: rawValue(f, column('text')) ?? '',
			source: where,
			seq,
			sent_local: utcToLocalMs(sentAt, plan.timeZone)
		};
	};
}

const ROLE_SET = new Set<string>(['customer', 'agent', 'bot', 'system']);
function isRole(value: string): value is Role {
	return ROLE_SET.has(value);
}

type Fields = RawRecord['fields'];

/** Trimmed value of a mapped column; empty -> null. */
function valueOf(fields: Fields, columnName: string | undefined): string | null {
	const value = rawValue(fields, columnName)?.trim();
	return value ? value : null;
}

function rawValue(fields: Fields, columnName: string | undefined): string | null {
	if (columnName === undefined) return null;
	const value = fields[columnName];
	return value === undefined ? null : value;
}

/** Epoch ms, or the rejection reason. */
function timeReader(plan: ImportPlan): (fields: Fields) => number | string {
	const { sent_at, sent_date, sent_time } = plan.mapping;
	const dateColumn = sent_at ?? sent_date;
	const timeColumn = sent_at ? undefined : sent_time;
	return (fields) => {
		const value = valueOf(fields, dateColumn);
		if (value === null) return timestampProblem('');
		// An empty time cell must not silently become midnight: '' makes parseTimestamp reject the row.
		const time = timeColumn ? (valueOf(fields, timeColumn) ?? '') : undefined;
		const ms = parseTimestamp(value, plan.timestampFormat, plan.timeZone, time);
		return Number.isNaN(ms) ? timestampProblem(value, time) : ms;
	};
}

/** Longest role value quoted in a reason. */
const ROLE_VALUE_MAX = 40;

/** The role, or the rejection reason (a string that is not a role name). */
function roleReader(plan: ImportPlan): (fields: Fields) => string {
	const columnName = plan.mapping.role;
	return (fields) => {
		const value = valueOf(fields, columnName);
		if (value === null) return 'role is empty';
		const key = normaliseRoleValue(value);
		const role = plan.roles[key] ?? guessRole(value);
		if (role) return role;
		const shown = valueInReason(value, ROLE_VALUE_MAX);
		return `unknown role '${shown}': map it to customer, agent, bot or system (command line: --roles "${shown}=agent")`;
	};
}
