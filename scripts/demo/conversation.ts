/** A conversation being simulated: its messages so far, its clock and which section it is in. */
import { BOT_NAME, SYSTEM_NAME } from './data/departments';
import type { ConversationSpec, DeptName, DraftRow, ReplyKind, RoleLabel } from './types';

export class Conversation {
	readonly rows: DraftRow[] = [];
	/** Section the conversation is in now; transfers change it. */
	dept: DeptName;
	/** Time of the latest message. */
	now: number;
	/** Departments whose staff have written, in order, repeats collapsed (to send an owner back: ping-pong). */
	readonly visited: DeptName[] = [];
	handoffs = 0;
	/** Set after a «we will answer within N days»: the next reply is a real one, and slower. */
	promised = false;
	/** Order numbers, amounts and the like, kept the same throughout (see template.ts). */
	readonly memo = new Map<string, string>();
	/** The same for values that only written replies mention (compose.ts): they never touch `memo`. */
	readonly writtenMemo = new Map<string, string>();
	/** Owner templates already used here: nobody sends the same detail or question twice. */
	readonly usedTemplates = new Set<string>();
	/**
	 * The kind of reply the section is giving now (simulate.ts): the first staff message of the reply carries it as its
	 * label. Later ones of the same turn (a closing line after an answer) are left unlabelled.
	 */
	replyKind: ReplyKind | undefined = undefined;

	constructor(
		readonly id: string,
		readonly spec: ConversationSpec
	) {
		this.dept = spec.section;
		this.now = spec.start;
	}

	owner(text: string, at: number): void {
		this.push('Клиент', this.spec.point.sender, text, at);
	}

	bot(text: string, at: number): void {
		this.push('Бот', BOT_NAME, text, at);
	}

	staff(sender: string, text: string, at: number): void {
		if (this.visited.at(-1) !== this.dept) this.visited.push(this.dept);
		this.push('Сотрудник', sender, text, at);
		if (this.replyKind) this.rows[this.rows.length - 1].kind = this.replyKind;
		this.replyKind = undefined;
	}

	system(text: string, at: number): void {
		this.push('Система', SYSTEM_NAME, text, at);
	}

	/** Moves the conversation to another section; the system line says so. */
	transfer(to: DeptName, text: string, at: number): void {
		this.dept = to;
		this.handoffs++;
		this.system(text, at);
	}

	/** True when the latest message is the owner's, i.e. she is waiting for an answer. */
	get ownerWaiting(): boolean {
		return this.rows.at(-1)?.role === 'Клиент';
	}

	private push(role: RoleLabel, sender: string, text: string, at: number): void {
		const time = Math.max(at, this.now);
		this.rows.push({ at: time, role, sender, dept: this.dept, text });
		this.now = time;
	}
}
