/**
 * The shared report as files, and reading one back: a downloaded HTML file, a JSON file or a pasted link. Whatever
 * is read comes from strangers: every path goes through validateShareReport (share-link.ts).
 */
import { formatDay, type LocaleCode } from '$lib/format';
import type { MessageKey } from '$lib/i18n/locale.svelte';
import type { MessageParams } from '$lib/i18n/translate';
import { readShareJson, renderShareHtml } from '$lib/share/render-html';
import { decodeShareLink, ShareLinkError, validateShareReport } from '$lib/share/share-link';
import type { ShareReport } from '$lib/share/share-report';

type Translate = (key: MessageKey, params?: MessageParams) => string;

/** The report with the owner's name as typed (the name is a label only: no need to build the report again). */
export function withOwner(report: ShareReport, owner: string): ShareReport {
	return { ...report, owner: owner.trim() || null };
}

/** "replyscope-report-2026-05-31" (+ the table's name): the day the report was made, no personal data. */
export function shareFileName(report: ShareReport, extension: string, table?: string): string {
	return `replyscope-report-${report.generated_at.slice(0, 10)}${table ? `-${table}` : ''}.${extension}`;
}

/** The files of the page's buttons: the HTML document and the JSON, typed for download. */
export function shareBlobs(report: ShareReport): { html: Blob; json: Blob } {
	return {
		html: new Blob([renderShareHtml(report)], { type: 'text/html;charset=utf-8' }),
		json: new Blob([JSON.stringify(report, null, 2)], { type: 'application/json' })
	};
}

/** "6 мая 2024 – 16 мая 2024", or the words for a report without messages. */
export function periodText(report: ShareReport, locale: LocaleCode, t: Translate): string {
	const p = report.period;
	return p ? `${formatDay(p.first_day, locale, true)} – ${formatDay(p.last_day, locale, true)}` : t('share.noPeriod');
}

/** A sentence for what went wrong reading a report (a ShareLinkError by its reason; anything else as a bad file). */
export function shareErrorText(error: unknown, t: Translate, fileName?: string): string {
	const fileSentence = () => (fileName ? t('shareError.file', { name: fileName }) : t('shareError.json'));
	if (!(error instanceof ShareLinkError)) return fileSentence();
	// The sentences of 'json' and 'empty' speak of a link: a file gets its own.
	if (fileName && (error.reason === 'json' || error.reason === 'empty')) return fileSentence();
	return t(`shareError.${error.reason}`);
}

/**
 * The report in a file's text: an HTML file made by the app (its embedded JSON block), a JSON file, or a text
 * holding a link. Throws a ShareLinkError when it is none of them.
 */
export async function readShareText(text: string): Promise<ShareReport> {
	const trimmed = text.trim();
	if (trimmed.startsWith('{')) return validateShareReport(parseJson(trimmed));
	if (/^<!doctype html|^<html/i.test(trimmed)) {
		let embedded: ShareReport | null;
		try {
			embedded = readShareJson(trimmed);
		} catch {
			throw new ShareLinkError('json', 'The embedded report is not JSON.');
		}
		if (!embedded) throw new ShareLinkError('schema', 'The HTML file holds no replyscope report.');
		return validateShareReport(embedded);
	}
	return decodeShareLink(trimmed);
}

function parseJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		throw new ShareLinkError('json', 'The file is not JSON.');
	}
}
