/** Turns finished conversations into CSV rows: ids, the occasional empty department, counts for the summary. */
import { formatWallClock, parseWallClock } from './clock';
import { Conversation } from './conversation';
import type { CsvWriter } from './csv-writer';
import type { Rng } from './random';
import type { ConversationSpec, DraftRow } from './types';

export const HEADER = ['Номер обращения', 'ID сообщения', 'Дата и время', 'Роль', 'Отправитель', 'Отдел', 'ПВЗ', 'Сообщение'] as const;

/** Share of staff messages exported without a department when the previous staff message had the same one. */
const EMPTY_DEPARTMENT_SHARE = 0.02;

/** Increasing ids with random gaps, as a ticket system that numbers all its clients' tickets would give. */
export class IdSource {
	private conversation = 30_418_000;
	private message = 571_200_000;

	constructor(private readonly rng: Rng) {}

	nextConversation(): string {
		return String((this.conversation += this.rng.int(1, 9)));
	}

	nextMessage(): string {
		return String((this.message += this.rng.int(1, 3)));
	}
}

/** Counts for the summary printed at the end. */
export class Tally {
	conversations = 0;
	messages = 0;
	first = Infinity;
	last = -Infinity;
	readonly byRole = new Map<string, number>();
	/** Staff and bot messages per department. */
	readonly byDepartment = new Map<string, number>();

	add(row: DraftRow): void {
		this.messages++;
		this.first = Math.min(this.first, row.at);
		this.last = Math.max(this.last, row.at);
		this.byRole.set(row.role, (this.byRole.get(row.role) ?? 0) + 1);
		if (row.role === 'Сотрудник' || row.role === 'Бот') this.byDepartment.set(row.dept, (this.byDepartment.get(row.dept) ?? 0) + 1);
	}
}

/** The story's conversations are written as scripted, through the same Conversation type. */
export function scriptedConversation(id: string, spec: ConversationSpec): Conversation {
	const c = new Conversation(id, spec);
	for (const message of spec.script!.messages) {
		const at = parseWallClock(message.at);
		c.dept = message.dept ?? spec.script!.section;
		if (message.who === 'owner') c.owner(message.text, at);
		else if (message.who === 'bot') c.bot(message.text, at);
		else if (message.who === 'system') c.system(message.text, at);
		else c.staff(message.who, message.text, at);
	}
	return c;
}

/** The header of the reply labels (`--labels`): each labelled staff message and how the simulation meant it. */
export const LABELS_HEADER = ['message_id', 'reply_kind'] as const;

/**
 * Writes the conversation's rows to `writer`, and to `labels` (when given) the id and kind of each staff reply the
 * simulation chose a kind for (replies.ts): what `npm run eval` checks the detectors against on the demo.
 */
export function writeConversation(c: Conversation, writer: CsvWriter, ids: IdSource, rng: Rng, tally: Tally, labels?: CsvWriter): void {
	let previousStaffDept: string | null = null;
	for (const row of c.rows) {
		let dept: string = row.dept;
		if (row.role === 'Сотрудник' || row.role === 'Бот') {
			if (row.role === 'Сотрудник' && dept === previousStaffDept && rng.chance(EMPTY_DEPARTMENT_SHARE)) dept = '';
			previousStaffDept = row.dept;
		}
		const messageId = ids.nextMessage();
		writer.writeRow([c.id, messageId, formatWallClock(row.at), row.role, row.sender, dept, c.spec.point.id, row.text]);
		if (labels && row.kind) labels.writeRow([messageId, row.kind]);
		tally.add(row);
	}
	tally.conversations++;
}
