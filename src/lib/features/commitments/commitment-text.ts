/**
 * The commitments page in words (pure, tested in Node): statuses, a conflict as a sentence, the tooltips of the
 * timeline and its events as table rows. Times are written on the dataset's wall clock.
 */
import type { ConflictRow, CustomerTimeline } from '$lib/analysis/commitments-view-types';
import type { Commitment, CommitmentStatus } from '$lib/commitments/types';
import { formatDateTime, formatDay, formatDuration, intlTag, type LocaleCode } from '$lib/format';
import type { CellValue, Column } from '$lib/ui/data-table';
import { departmentLabel, type ChartTexts } from '../labels';
import { dayIn, shortId } from './timeline-layout';

/** How a status reads at a glance: kept or met, missed or passed, still open, or not to be told from the export. */
export type StatusTone = 'good' | 'bad' | 'open' | 'unknown';

const TONES: Record<CommitmentStatus, StatusTone> = { kept: 'good', met: 'good', missed: 'bad', passed: 'bad', open: 'open', unknown: 'unknown' };

/** The tone of a status (its colour on the page). */
export function statusTone(status: CommitmentStatus): StatusTone {
	return TONES[status];
}

/** A status in words ("Срок пропущен"). */
export function statusLabel(status: CommitmentStatus, texts: ChartTexts): string {
	return texts.t(`commitments.status.${status}`);
}

const timeFormats = new Map<string, Intl.DateTimeFormat>();

/** Wall-clock time of an instant in `timeZone`: "23:59". */
export function formatTime(at: number, locale: LocaleCode, timeZone: string): string {
	const key = `${locale}|${timeZone}`;
	let format = timeFormats.get(key);
	if (!format) timeFormats.set(key, (format = new Intl.DateTimeFormat(intlTag(locale), { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })));
	return format.format(at);
}

/** One conversation the customer was waiting in, in words. */
export interface WaitingText {
	conversation_id: string;
	/** "Бренд-менеджер" */
	department: string;
	/** "— с 10 мая, 5 дн 13 ч" */
	rest: string;
	/** The full date and time the wait began, for a tooltip. */
	sinceFull: string;
}

/** A conflict as the sentence its card says, and the waits it lists after it. */
export interface ConflictText {
	/** «Срок «до 15 мая включительно» (Проверка пункта) истёк 15 мая в 23:59, пока вы ждали ответа:» */
	sentence: string;
	/** The waits named, the latest begun first (the ones the owner had in mind at the time). */
	waiting: WaitingText[];
	/** How many more conversations the customer was waiting in (not named, to keep the card short). */
	more: number;
}

/** Waits a card names; the rest are counted ("и ещё в 4 обращениях"). */
export const NAMED_WAITS = 3;

/**
 * What happened, in plain words: the deadline, when it ran out, and where the customer was waiting since when.
 * Days carry their year only when it is not the year of `referenceYear` (the data's last year).
 */
export function conflictText(conflict: ConflictRow, texts: ChartTexts, timeZone: string, referenceYear?: string): ConflictText {
	const day = (at: number) => {
		const key = dayIn(at, timeZone);
		return formatDay(key, texts.locale, referenceYear !== undefined && key.slice(0, 4) !== referenceYear);
	};
	const sentence = texts.t('commitments.conflict.sentence', {
		phrase: conflict.phrase,
		department: departmentLabel(conflict.department, texts),
		day: day(conflict.due_at),
		time: formatTime(conflict.due_at, texts.locale, timeZone)
	});
	const waiting = [...conflict.waiting]
		.sort((a, b) => b.since - a.since)
		.map((w) => ({
			conversation_id: w.conversation_id,
			department: departmentLabel(w.department, texts),
			rest: texts.t('commitments.conflict.since', {
				since: day(w.since),
				duration: formatDuration(Math.max(0, conflict.due_at - w.since) / 1000, texts.locale)
			}),
			sinceFull: formatDateTime(w.since, texts.locale, timeZone)
		}));
	return { sentence, waiting: waiting.slice(0, NAMED_WAITS), more: Math.max(0, conflict.waiting_total - NAMED_WAITS) };
}

/** A conversation as a lane label and table cell: "Бренд-менеджер · …30422179". */
export function laneLabel(department: string | null, conversationId: string, texts: ChartTexts): string {
	return `${departmentLabel(department, texts)} · ${shortId(conversationId)}`;
}

/** The tooltip of a wait bar. */
export function waitTitle(wait: { conversation_id: string; department: string | null; from: number; to: number | null }, texts: ChartTexts, timeZone: string): string {
	const params = {
		department: departmentLabel(wait.department, texts),
		id: wait.conversation_id,
		from: formatDateTime(wait.from, texts.locale, timeZone)
	};
	return wait.to === null
		? texts.t('commitments.timeline.waitOpenTitle', params)
		: texts.t('commitments.timeline.waitTitle', {
				...params,
				to: formatDateTime(wait.to, texts.locale, timeZone),
				duration: formatDuration((wait.to - wait.from) / 1000, texts.locale)
			});
}

/** The tooltip of a commitment's mark. */
export function commitmentTitle(c: Commitment, conflict: boolean, texts: ChartTexts, timeZone: string): string {
	const text = texts.t('commitments.timeline.markTitle', {
		kind: texts.t(`commitments.kind.${c.kind}`),
		phrase: c.phrase,
		department: departmentLabel(c.department, texts),
		id: c.conversation_id,
		sent: formatDateTime(c.sent_at, texts.locale, timeZone),
		due: formatDateTime(c.due_at, texts.locale, timeZone),
		status: statusLabel(c.status, texts)
	});
	return conflict ? `${text} ${texts.t('commitments.timeline.inConflict')}` : text;
}

/** One row of the timeline's table: a wait, a commitment, at its time. */
export interface TimelineEvent {
	/** Sort key and the time shown: the wait's start, the commitment's due time. */
	at: number;
	conversation_id: string;
	department: string | null;
	/** What happened, in words. */
	event: string;
	/** The commitment's status (a wait has none). */
	status: CommitmentStatus | null;
	/** A deadline in conflict. */
	conflict: boolean;
}

/** The timeline's waits and commitments as table rows, in time order (the same events the SVG draws). */
export function timelineEvents(timeline: CustomerTimeline, texts: ChartTexts, timeZone: string): TimelineEvent[] {
	const conflicts = new Set(timeline.conflicts);
	const when = (at: number) => formatDateTime(at, texts.locale, timeZone);
	const waits: TimelineEvent[] = timeline.waiting.map((w) => ({
		at: w.from,
		conversation_id: w.conversation_id,
		department: w.department,
		event:
			w.to === null
				? texts.t('commitments.events.waitingOpen')
				: texts.t('commitments.events.waiting', { to: when(w.to), duration: formatDuration((w.to - w.from) / 1000, texts.locale) }),
		status: null,
		conflict: false
	}));
	const commitments: TimelineEvent[] = timeline.commitments.map((c) => ({
		at: c.due_at,
		conversation_id: c.conversation_id,
		department: c.department,
		event: texts.t(`commitments.events.${c.kind}`, { phrase: c.phrase, sent: when(c.sent_at) }),
		status: c.status,
		conflict: conflicts.has(c.message_id)
	}));
	return [...waits, ...commitments].sort((a, b) => a.at - b.at);
}

/** The columns of the timeline's table: time, conversation (a link), event, status. */
export function eventColumns(texts: ChartTexts, timeZone: string, hrefOf: (conversationId: string) => string): Column<TimelineEvent>[] {
	const t = texts.t;
	return [
		{ id: 'at', label: t('commitments.events.time'), nowrap: true, value: (r) => r.at, format: (v: CellValue) => formatDateTime(Number(v), texts.locale, timeZone) },
		{ id: 'lane', label: t('commitments.events.lane'), value: (r) => laneLabel(r.department, r.conversation_id, texts), href: (r) => hrefOf(r.conversation_id) },
		{ id: 'event', label: t('commitments.events.event'), value: (r) => r.event },
		{
			id: 'status',
			label: t('commitments.events.status'),
			value: (r) => (r.status === null ? null : statusLabel(r.status, texts)),
			format: (v, r) => (v === null ? '—' : r.conflict ? `${v} · ${t('commitments.events.conflict')}` : String(v))
		}
	];
}
