import type { Drill, ReplyBucket } from '$lib/analysis/view-types';
import { formatDay, formatDuration, type LocaleCode } from '$lib/format';
import type { MessageKey } from '$lib/i18n/locale.svelte';
import type { MessageParams } from '$lib/i18n/translate';

/** The UI language and its texts, as the chart and table builders need them (pure functions, tested in Node). */
export interface ChartTexts {
	locale: LocaleCode;
	t: (key: MessageKey, params?: MessageParams) => string;
}

/** A department's name for charts and tables; messages without a department get a visible placeholder. */
export function departmentLabel(department: string | null | undefined, texts: ChartTexts): string {
	return department?.trim() ? department : texts.t('overview.noDepartment');
}

/** A department chain as people say it: "Техподдержка → Бренд-менеджер → Техподдержка". */
export function chainText(departments: readonly string[], texts: ChartTexts): string {
	return departments.length ? departments.map((d) => departmentLabel(d, texts)).join(' → ') : '—';
}

/** A reply-time bucket in words: "5–30 мин", "больше 3 дн". */
export function bucketLabel(bucket: ReplyBucket, texts: ChartTexts): string {
	return texts.t(`bucket.${bucket}`);
}

/** A response time as a reply's label: "ответ через 2 дн 4 ч". */
export function answeredAfter(seconds: number, texts: ChartTexts): string {
	return texts.t('conversation.answeredAfter', { duration: formatDuration(seconds, texts.locale) });
}

/** The heading of a list of conversations behind a chart element: what was clicked, in words. */
export function drillTitle(drill: Drill, texts: ChartTexts): string {
	switch (drill.kind) {
		case 'department':
			return texts.t('drill.department', { department: departmentLabel(drill.department, texts) });
		case 'agent':
			return texts.t('drill.agent', { author: drill.author });
		case 'week': {
			const week = formatDay(drill.week, texts.locale, true);
			return drill.department === undefined
				? texts.t('drill.week', { week })
				: texts.t('drill.weekDepartment', { week, department: departmentLabel(drill.department, texts) });
		}
		case 'bucket':
			return texts.t('drill.bucket', { bucket: bucketLabel(drill.bucket, texts) });
		case 'flow':
			return texts.t('drill.flow', { from: departmentLabel(drill.from, texts), to: departmentLabel(drill.to, texts) });
		case 'chain':
			return texts.t('drill.chain', { chain: chainText(drill.departments, texts) });
		case 'day':
			return texts.t('drill.day', { day: formatDay(drill.day, texts.locale, true) });
	}
}

/** A stable text key for a drill, to tell when the list must be asked for again. */
export function drillKey(drill: Drill): string {
	return JSON.stringify(drill);
}
