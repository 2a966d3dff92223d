import type { FileProposal } from '$lib/engine/protocol';
import type { Role } from '$lib/model';
import { guessMapping, missingFields } from './columns';
import { buildRoleMap, guessRole, normaliseRoleValue } from './roles';
import { sniffFile } from './sniff';
import { detectTimestampFormat } from './timestamps';
import { UnreadableFileError, type ColumnMapping, type FileSniff, type ImportPlan } from './types';

/** A file as the importer takes it: browser File, or a Node Blob with a name. */
export type NamedBlob = Blob & { readonly name: string };

/** What the user (or the command line) says instead of the guess. */
export interface PlanOverrides {
	mapping?: ColumnMapping;
	roles?: Record<string, Role>;
	format?: ImportPlan['format'];
	encoding?: ImportPlan['encoding'];
	delimiter?: string;
}

/** Sniffs a file and guesses its plan; a file that cannot be read gets `error` instead of throwing. */
export async function proposeFile(
	file: NamedBlob,
	timeZone: string,
	overrides: PlanOverrides = {}
): Promise<FileProposal> {
	try {
		const sniff = await sniffFile(file);
		return proposalFromSniff(file, sniff, timeZone, overrides);
	} catch (error) {
		if (error instanceof UnreadableFileError) return unreadable(file, error.message);
		throw error;
	}
}

function proposalFromSniff(
	file: NamedBlob,
	sniff: FileSniff,
	timeZone: string,
	overrides: PlanOverrides
): FileProposal {
	// Preset and user columns are fixed first, so the guess never reuses them for another field.
	const fixed = { ...sniff.presetMapping, ...overrides.mapping };
	const mapping: ColumnMapping = { ...guessMapping(sniff.columns, sniff.sample, fixed), ...fixed };
	const timeColumn = mapping.sent_at ?? mapping.sent_date;
	const timeValues = sniff.sample.map((r) => (timeColumn ? r.fields[timeColumn] : null) ?? '');
	const roleValues = sniff.sample.map((r) => (mapping.role ? r.fields[mapping.role] : null) ?? '');
	const { roles, unknown } = buildRoleMap(
		roleValues.filter((v) => v.trim() !== ''),
		{ ...sniff.presetRoles, ...overrides.roles }
	);
	const plan: ImportPlan = {
		format: overrides.format ?? sniff.format,
		encoding: overrides.encoding ?? sniff.encoding,
		delimiter: overrides.delimiter ?? sniff.delimiter,
		mapping,
		timestampFormat: detectTimestampFormat(timeValues) ?? 'iso',
		timeZone,
		roles
	};
	return {
		name: file.name,
		size: file.size,
		plan,
		columns: sniff.columns,
		preview: sniff.sample.slice(0, 8).map((r) => sniff.columns.map((c) => r.fields[c] ?? null)),
		unknownRoles: unknown,
		roleValues: distinctRoleValues(roleValues, roles),
		missing: requiredMissing(mapping)
	};
}

/** Required fields: a time, the text and the role (a file without a conversation column is one conversation). */
export function requiredMissing(mapping: ColumnMapping): string[] {
	const missing = missingFields(mapping);
	if (!mapping.role) missing.push('role');
	return missing;
}

function distinctRoleValues(values: string[], roles: Record<string, Role>): FileProposal['roleValues'] {
	const seen = new Map<string, Role | null>();
	for (const value of values) {
		const trimmed = value.trim();
		if (!trimmed || seen.has(trimmed)) continue;
		seen.set(trimmed, roles[normaliseRoleValue(trimmed)] ?? guessRole(trimmed));
	}
	return [...seen].map(([value, role]) => ({ value, role }));
}

function unreadable(file: NamedBlob, message: string): FileProposal {
	return {
		name: file.name,
		size: file.size,
		plan: { format: 'csv', encoding: 'utf-8', mapping: {}, timestampFormat: 'iso', timeZone: 'UTC', roles: {} },
		columns: [],
		preview: [],
		unknownRoles: [],
		roleValues: [],
		missing: [],
		error: message
	};
}
