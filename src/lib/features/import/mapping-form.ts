import type { FileProposal, RememberedMapping } from '$lib/engine/protocol';
import type { ColumnMapping, ImportPlan, MappedField, TimestampFormat } from '$lib/ingest/types';
import type { Role } from '$lib/model';

/** The canonical fields in the order the form shows them. */
export const MAPPED_FIELDS: readonly MappedField[] = [
	'sent_at',
	'sent_date',
	'sent_time',
	'text',
	'role',
	'conversation_id',
	'message_id',
	'author',
	'department',
	'customer'
];

/** Timestamp formats the parser knows, in the order the form lists them. */
export const TIMESTAMP_FORMATS: readonly TimestampFormat[] = ['iso', 'dmy', 'mdy', 'unix_s', 'unix_ms', 'twitter'];

/** One file's choices on the mapping screen. */
export interface FileForm {
	/** The importer's guess and the file's preview (never edited). */
	proposal: FileProposal;
	/** Column per canonical field, as the user has it now. */
	mapping: ColumnMapping;
	/** Role value (lower-cased, trimmed) -> role, as the user has it now. */
	roles: Record<string, Role>;
	timestampFormat: TimestampFormat;
	/** The mapping remembered for this header was applied instead of the guess. */
	remembered: boolean;
}

/** Role values are matched lower-cased and trimmed (ImportPlan.roles). */
export function normaliseRoleValue(value: string): string {
	return value.trim().toLowerCase();
}

/** The form as the importer guessed it, or with the mapping remembered for this header when it still fits. */
export function createForm(proposal: FileProposal, remembered: RememberedMapping | null = null): FileForm {
	const guess: FileForm = {
		proposal,
		mapping: { ...proposal.plan.mapping },
		roles: { ...proposal.plan.roles },
		timestampFormat: proposal.plan.timestampFormat,
		remembered: false
	};
	if (!remembered || proposal.error || !fitsColumns(remembered.mapping, proposal.columns)) return guess;
	return { ...guess, mapping: { ...remembered.mapping }, roles: { ...guess.roles, ...remembered.roles }, remembered: true };
}

function fitsColumns(mapping: ColumnMapping, columns: readonly string[]): boolean {
	const known = new Set(columns);
	return Object.values(mapping).every((column) => column !== undefined && known.has(column));
}

/** Required fields still unmapped: a time (`sent_at`, or `sent_date` with or without `sent_time`), the text and the role. */
export function missingFields(mapping: ColumnMapping): MappedField[] {
	const missing: MappedField[] = [];
	if (!mapping.sent_at && !mapping.sent_date) missing.push('sent_at');
	if (!mapping.text) missing.push('text');
	if (!mapping.role) missing.push('role');
	return missing;
}

/** The mapping with `field` fed by `column`, or not mapped when `column` is null. */
export function setMappedColumn(mapping: ColumnMapping, field: MappedField, column: string | null): ColumnMapping {
	const next = { ...mapping };
	if (column === null) delete next[field];
	else next[field] = column;
	return next;
}

/** Columns to offer in the selects: the file's, plus any mapped column the reader derived (Telegram's `_role`). */
export function columnOptions(form: FileForm): string[] {
	const extra = Object.values(form.mapping).filter((c): c is string => c !== undefined && !form.proposal.columns.includes(c));
	return [...form.proposal.columns, ...new Set(extra)];
}

/** Mapped fields per column, for highlighting the preview. */
export function fieldsByColumn(mapping: ColumnMapping): Map<string, MappedField[]> {
	const byColumn = new Map<string, MappedField[]>();
	for (const field of MAPPED_FIELDS) {
		const column = mapping[field];
		if (column !== undefined) byColumn.set(column, [...(byColumn.get(column) ?? []), field]);
	}
	return byColumn;
}

/** One line of the role table: a value seen in the role column and the role it becomes (null = unknown, rejected). */
export interface RoleChoice {
	value: string;
	role: Role | null;
}

const MAX_ROLE_VALUES = 50;

/**
 * The role values to ask about. For the role column the importer chose, the values of its whole sample (with its
 * guesses); for another column, the distinct values of the preview rows, with only the user's own choices.
 */
export function roleChoices(form: FileForm): RoleChoice[] {
	const column = form.mapping.role;
	if (!column) return [];
	const { proposal } = form;
	const guessed = column === proposal.plan.mapping.role ? proposal.roleValues : previewValues(proposal, column).map((value) => ({ value, role: null }));
	return guessed.slice(0, MAX_ROLE_VALUES).map(({ value, role }) => ({ value, role: form.roles[normaliseRoleValue(value)] ?? role }));
}

function previewValues(proposal: FileProposal, column: string): string[] {
	const index = proposal.columns.indexOf(column);
	if (index === -1) return [];
	const values = new Map<string, string>();
	for (const row of proposal.preview) {
		const value = row[index]?.trim();
		if (value && !values.has(normaliseRoleValue(value))) values.set(normaliseRoleValue(value), value);
	}
	return [...values.values()];
}

/** The roles with `value` mapped to `role`, or left to the built-in words (and rejected if none fits) when null. */
export function setRole(roles: Record<string, Role>, value: string, role: Role | null): Record<string, Role> {
	const next = { ...roles };
	const key = normaliseRoleValue(value);
	if (role === null) delete next[key];
	else next[key] = role;
	return next;
}

/** A file that can be loaded: it was read. */
export function isReadable(form: FileForm): boolean {
	return !form.proposal.error;
}

/** Why the import button is disabled, or null when it may run. */
export type ImportBlock = 'no-readable-file' | 'missing-fields' | 'invalid-time-zone';

export function importBlock(forms: readonly FileForm[], timeZoneValid: boolean): ImportBlock | null {
	const readable = forms.filter(isReadable);
	if (readable.length === 0) return 'no-readable-file';
	if (readable.some((form) => missingFields(form.mapping).length > 0)) return 'missing-fields';
	if (!timeZoneValid) return 'invalid-time-zone';
	return null;
}

/**
 * The plan for one file: the guess with the user's mapping, timestamp format, roles and the import's time zone.
 * Every role shown in the table is written into the plan, so the plan says what will happen without the guesser.
 */
export function buildPlan(form: FileForm, timeZone: string): ImportPlan {
	const roles = { ...form.roles };
	for (const { value, role } of roleChoices(form)) if (role) roles[normaliseRoleValue(value)] ??= role;
	return { ...form.proposal.plan, mapping: { ...form.mapping }, timestampFormat: form.timestampFormat, timeZone, roles };
}

/** What the file's mapping is remembered as: the columns it uses and the roles chosen. */
export function rememberedFrom(form: FileForm): RememberedMapping {
	return { mapping: { ...form.mapping }, roles: { ...form.roles } };
}
