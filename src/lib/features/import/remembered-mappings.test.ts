import { describe, expect, it } from 'vitest';
import { mappingKey, parseRemembered, readRemembered, writeRemembered, type KeyValueStore } from './remembered-mappings';

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
	const data = new Map<string, string>();
	return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

describe('mappingKey', () => {
	it('is the same for the same columns in another order', () => {
		expect(mappingKey(['Дата', 'Текст', 'Роль'])).toBe(mappingKey(['Роль', 'Дата', 'Текст']));
	});
	it('differs when a column differs', () => {
		expect(mappingKey(['a', 'b'])).not.toBe(mappingKey(['a', 'c']));
	});
	it('does not confuse column names that contain the separator', () => {
		expect(mappingKey(['a,b', 'c'])).not.toBe(mappingKey(['a', 'b,c']));
	});
});

describe('parseRemembered', () => {
	it('reads back what was stored', () => {
		const value = { mapping: { text: 'Текст', role: 'Роль' }, roles: { оператор: 'agent' } };
		expect(parseRemembered(JSON.stringify(value))).toEqual(value);
	});
	it('drops unknown fields and roles', () => {
		const value = { mapping: { text: 'Текст', colour: 'x', role: 7 }, roles: { a: 'agent', b: 'boss' } };
		expect(parseRemembered(JSON.stringify(value))).toEqual({ mapping: { text: 'Текст' }, roles: { a: 'agent' } });
	});
	it('returns null for broken or foreign values', () => {
		expect(parseRemembered('{not json')).toBeNull();
		expect(parseRemembered('[1,2]')).toBeNull();
		expect(parseRemembered(null)).toBeNull();
	});
});

describe('readRemembered / writeRemembered', () => {
	it('finds a mapping stored for the same header', () => {
		const store = memoryStore();
		writeRemembered(store, ['b', 'a'], { mapping: { text: 'a' }, roles: {} });
		expect(readRemembered(store, ['a', 'b'])).toEqual({ mapping: { text: 'a' }, roles: {} });
	});
	it('works without storage', () => {
		expect(() => writeRemembered(null, ['a'], { mapping: {}, roles: {} })).not.toThrow();
		expect(readRemembered(null, ['a'])).toBeNull();
	});
	it('does not throw when the storage is full', () => {
		const full: KeyValueStore = {
			getItem: () => null,
			setItem: () => {
				throw new DOMException('quota', 'QuotaExceededError');
			}
		};
		expect(() => writeRemembered(full, ['a'], { mapping: {}, roles: {} })).not.toThrow();
	});
});
