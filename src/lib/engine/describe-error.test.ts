import { describe, expect, it } from 'vitest';
import { en } from '$lib/i18n/messages.en';
import { ru } from '$lib/i18n/messages.ru';
import { describeError, ENGINE_SENTENCES, localizeError, WORKER_STOPPED, type EngineErrorKey } from './describe-error';

const sayRussian = (key: EngineErrorKey) => ru[key];

describe('describeError', () => {
	it("turns DuckDB's out-of-memory error into the out-of-memory sentence", () => {
		// What DuckDB 1.x says with `SET memory_limit='2MB'` and a table of a million rows (checked with @duckdb/node-api).
		const error = new Error(
			'Out of Memory Error: failed to allocate data of size 1.0 MiB (1.6 MiB/1.9 MiB used)\n\nPossible solutions:\n* Reducing the number of threads (SET threads=X)'
		);
		expect(describeError(error)).toBe(ENGINE_SENTENCES['engine.error.outOfMemory']);
	});
	it('turns a failed malloc in the wasm heap into the out-of-memory sentence', () => {
		expect(describeError(new Error('malloc of size 1073741824 failed'))).toBe(ENGINE_SENTENCES['engine.error.outOfMemory']);
	});
	it('turns wasm memory that cannot grow into the out-of-memory sentence', () => {
		const error = new RangeError('WebAssembly.Memory.grow(): Maximum memory size exceeded');
		expect(describeError(error)).toBe(ENGINE_SENTENCES['engine.error.outOfMemory']);
	});
	it('turns an error named QuotaExceededError into the storage sentence, whatever its message', () => {
		// IndexedDB aborts a transaction over the quota with a DOMException of that name; persist.ts rewords it but keeps the name.
		const error = Object.assign(new Error('The browser has no room to keep this dataset (1 MB).'), { name: 'QuotaExceededError' });
		expect(describeError(error)).toBe(ENGINE_SENTENCES['engine.error.storageFull']);
	});
	it('keeps only the first line of an unknown error (never a stack trace)', () => {
		expect(describeError(new Error('Binder Error: no such column\n    at query (engine.js:1:2)'))).toBe('Binder Error: no such column');
	});
});

describe('localizeError', () => {
	it('says the out-of-memory sentence in Russian', () => {
		expect(localizeError(describeError(new Error('Out of Memory Error: x')), sayRussian)).toMatch(/^Браузеру не хватило памяти/);
	});
	it('says the crashed-worker sentence in Russian', () => {
		expect(localizeError(WORKER_STOPPED, sayRussian)).toMatch(/^Модуль обработки данных неожиданно остановился/);
	});
	it('leaves a sentence it does not know as it is', () => {
		expect(localizeError('no dataset is loaded', sayRussian)).toBe('no dataset is loaded');
	});
	it('leaves the English when no language is given', () => {
		expect(localizeError(WORKER_STOPPED)).toBe(WORKER_STOPPED);
	});
	it('has the same English in the UI catalogue as the worker writes', () => {
		for (const [key, sentence] of Object.entries(ENGINE_SENTENCES)) expect(en[key as EngineErrorKey]).toBe(sentence);
	});
});
