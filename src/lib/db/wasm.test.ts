import { tableFromIPC, tableToIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { arrowTableToRows } from './convert';
import { MESSAGES_COLUMNS } from './schema';
import { sampleMessages } from './test-messages';
import { messagesToArrow, utf8Vector } from './to-arrow';

describe('utf8Vector', () => {
	it('keeps every value: empty, null, Cyrillic, emoji, separators', () => {
		const values = ['', null, 'ёлка', '🎄 a,b;"c"\n', null, 'x'.repeat(100_000), ''];
		expect(utf8Vector(values).toArray()).toEqual(values);
	});

	it('keeps values that contain U+0000 (the per-value path)', () => {
		const values = ['a\u0000b', null, '\u0000', 'ё'];
		expect(utf8Vector(values).toArray()).toEqual(values);
	});

	it('handles no values and one value', () => {
		expect(utf8Vector([]).length).toBe(0);
		expect(utf8Vector(['só']).toArray()).toEqual(['só']);
	});
});

describe('messagesToArrow', () => {
	it('gives the messages table columns and survives the IPC trip to the engine', () => {
		const messages = sampleMessages();
		const table = tableFromIPC(tableToIPC(messagesToArrow(messages, 0, messages.length), 'stream'));
		expect(table.schema.names).toEqual([...MESSAGES_COLUMNS]);
		expect(arrowTableToRows(table)).toEqual(messages);
	});

	it('takes the slice [start, end)', () => {
		const messages = sampleMessages();
		expect(arrowTableToRows(messagesToArrow(messages, 1, 2))).toEqual([messages[1]]);
	});
});
