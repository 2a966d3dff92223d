import { parseArgs } from 'node:util';
import { parseBusinessHours } from '$lib/analysis/business-hours';
import type { BusinessHours } from '$lib/analysis/view-types';
import { parseMapOption } from '$lib/ingest/columns';
import { parseRolesOption } from '$lib/ingest/roles';
import { isValidTimeZone, defaultTimeZone } from '$lib/ingest/time-zone';
import type { PlanOverrides } from '$lib/ingest/propose';
import type { EncodingName, FormatName } from '$lib/ingest/types';

/** What `analyze` was asked to do. */
export interface AnalyzeArgs {
	files: string[];
	timeZone: string;
	overrides: PlanOverrides;
	/** Write the JSON here instead of standard output. */
	out?: string;
	/** Print the report JSON: the default output, unless --html is given without --json. */
	json: boolean;
	/** Write the shareable HTML report (issue 5) here. */
	html?: string;
	/** Options of the HTML report: anonymised unless --no-anonymize, language, owner's label, off-topic examples. */
	share: { anonymise: boolean; language: 'ru' | 'en'; owner?: string; includeTexts: boolean };
	/** Report times counting only these hours (dataset time zone); null = calendar time. */
	businessHours: BusinessHours | null;
}

/** A command-line mistake: printed as one line, exit status 2. */
export class UsageError extends Error {}

export const USAGE = `usage: npm run --silent cli -- analyze FILE... [--json] [--out FILE] [--html FILE]
  --tz ZONE                 time zone of zone-less timestamps (default: this machine's, ${defaultTimeZone()})
  --format csv|json|ndjson|telegram|twcs   read the files as this format instead of detecting it
  --encoding utf-8|utf-16le|utf-16be|windows-1251
  --delimiter D             CSV delimiter (',' ';' 'tab' '|')
  --map field=Column        use Column for a field (conversation_id, message_id, sent_at, sent_date,
                            sent_time, role, author, department, customer, text); repeatable
  --roles "Клиент=customer,Сотрудник=agent,..."   role values -> customer|agent|bot|system
  --business-hours "mon-fri 09:00-18:00; sat 10:00-14:00"
                            count response times and durations only inside these hours, in the --tz
                            zone (days mon..sun or пн..вс; days not named are closed; default: all hours)
  --out FILE                write the report JSON to FILE instead of standard output
  --html FILE               write the shareable report: one HTML file that opens offline, anonymised
                            (with --html alone, nothing is printed on standard output; add --json for both)
  --no-anonymize            keep names, phones and order numbers in the HTML (for your own copy only)
  --lang ru|en              language of the HTML report (default ru)
  --owner "ПВЗ на Ленина"   the name shown on the HTML report
  --include-texts           add the clearest off-topic replies (anonymised excerpts) to the HTML report`;

const FORMATS: FormatName[] = ['csv', 'json', 'ndjson', 'telegram', 'twcs'];
const ENCODINGS: EncodingName[] = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1251'];

export function parseAnalyzeArgs(argv: string[]): AnalyzeArgs {
	const { values, positionals } = parseOrThrow(argv);
	const [command, ...files] = positionals;
	if (command !== 'analyze') throw new UsageError(command ? `unknown command '${command}'` : 'no command given');
	if (files.length === 0) throw new UsageError('analyze needs at least one FILE');
	const timeZone = values.tz ?? defaultTimeZone();
	if (!isValidTimeZone(timeZone)) throw new UsageError(`--tz '${timeZone}' is not a time zone (e.g. Europe/Moscow)`);
	return {
		files, timeZone, overrides: overridesFrom(values), out: values.out, json: values.json ?? values.html === undefined,
		businessHours: businessHoursFrom(values['business-hours']),
		html: values.html,
		share: {
			anonymise: !(values['no-anonymize'] || values['no-anonymise']),
			language: values.lang === undefined ? 'ru' : oneOf(values.lang, ['ru', 'en'] as const, '--lang'),
			owner: values.owner,
			includeTexts: values['include-texts'] ?? false
		}
	};
}

function businessHoursFrom(text: string | undefined): BusinessHours | null {
	if (text === undefined) return null;
	try {
		return parseBusinessHours(text);
	} catch (error) {
		throw new UsageError(`--business-hours: ${(error as Error).message}`);
	}
}

function parseOrThrow(argv: string[]) {
	try {
		return parseArgs({
			args: argv,
			allowPositionals: true,
			options: {
				json: { type: 'boolean' },
				out: { type: 'string' },
				tz: { type: 'string' },
				format: { type: 'string' },
				encoding: { type: 'string' },
				delimiter: { type: 'string' },
				map: { type: 'string', multiple: true },
				roles: { type: 'string' },
				'business-hours': { type: 'string' },
				html: { type: 'string' },
				// Node 20's parseArgs has no allowNegative: the negation is an option of its own.
				'no-anonymize': { type: 'boolean' },
				'no-anonymise': { type: 'boolean' },
				lang: { type: 'string' },
				owner: { type: 'string' },
				'include-texts': { type: 'boolean' }
			}
		});
	} catch (error) {
		throw new UsageError((error as Error).message);
	}
}

function overridesFrom(values: ReturnType<typeof parseOrThrow>['values']): PlanOverrides {
	const overrides: PlanOverrides = {};
	if (values.format) overrides.format = oneOf(values.format, FORMATS, '--format');
	if (values.encoding) overrides.encoding = oneOf(values.encoding.toLowerCase(), ENCODINGS, '--encoding');
	if (values.delimiter) overrides.delimiter = values.delimiter === 'tab' ? '\t' : values.delimiter;
	try {
		if (values.map) overrides.mapping = parseMapOption(values.map);
		if (values.roles) overrides.roles = parseRolesOption(values.roles);
	} catch (error) {
		throw new UsageError((error as Error).message);
	}
	return overrides;
}

function oneOf<T extends string>(value: string, allowed: readonly T[], option: string): T {
	if ((allowed as readonly string[]).includes(value)) return value as T;
	throw new UsageError(`${option} '${value}' is not one of ${allowed.join(', ')}`);
}
