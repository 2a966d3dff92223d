import type { TimelineMessage } from '$lib/analysis/view-types';
import { formatDate, intlTag, type LocaleCode } from '$lib/format';

/** A heading between days of a conversation. */
export interface TimelineDay {
	kind: 'day';
	/** 'YYYY-MM-DD' in the dataset's zone. */
	key: string;
	/** "10 мая 2024 г." */
	label: string;
}

/** A message of the timeline, with its wall-clock time in the dataset's zone. */
export interface TimelineEntry {
	kind: 'message';
	key: string;
	message: TimelineMessage;
	/** "09:15" */
	time: string;
	/** Written by the support side (agent or bot), drawn on the right. */
	support: boolean;
}

export type TimelineItem = TimelineDay | TimelineEntry;

function dayKey(instant: number, timeZone: string): string {
	// en-CA writes dates as YYYY-MM-DD.
	return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

/**
 * The messages in order with a heading before the first message of each day (days in `timeZone`), so that a week of
 * silence shows as the jump in dates it was.
 */
export function timelineItems(messages: readonly TimelineMessage[], locale: LocaleCode, timeZone: string): TimelineItem[] {
	const time = new Intl.DateTimeFormat(intlTag(locale), { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
	const items: TimelineItem[] = [];
	let lastDay = '';
	messages.forEach((message, index) => {
		const day = dayKey(message.sent_at, timeZone);
		if (day !== lastDay) {
			items.push({ kind: 'day', key: `day-${day}`, label: formatDate(message.sent_at, locale, timeZone) });
			lastDay = day;
		}
		items.push({
			kind: 'message',
			key: `${index}-${message.message_id}`,
			message,
			time: time.format(message.sent_at),
			support: message.role === 'agent' || message.role === 'bot'
		});
	});
	return items;
}
