import { describe, expect, it } from 'vitest';
import type { FileProposal } from '$lib/engine/protocol';
import {
	buildPlan,
	columnOptions,
	createForm,
	fieldsByColumn,
	importBlock,
	missingFields,
	roleChoices,
	setMappedColumn,
	setRole
} from './mapping-form';

function proposal(overrides: Partial<FileProposal> = {}): FileProposal {
	return {
		name: 'chats.csv',
		size: 1000,
		plan: {
			format: 'csv',
			encoding: 'utf-8',
			delimiter: ';',
			mapping: { conversation_id: 'Обращение', sent_at: 'Дата', role: 'Роль', text: 'Текст' },
			timestampFormat: 'dmy',
			timeZone: 'Europe/Moscow',
			roles: { клиент: 'customer' }
		},
		columns: ['Обращение', 'Дата', 'Роль', 'Текст', 'Отдел', 'Кто'],
		preview: [
			['1', '10.05.2024 09:15', 'Клиент', 'Здравствуйте', null, 'ПВЗ 12'],
			['1', '10.05.2024 09:20', 'Оператор', 'Добрый день', 'Техподдержка', 'Анна'],
			['1', '10.05.2024 09:21', 'оператор ', 'Уточните', 'Техподдержка', 'Анна']
		],
		unknownRoles: ['Оператор'],
		roleValues: [
			{ value: 'Клиент', role: 'customer' },
			{ value: 'Оператор', role: null }
		],
		missing: [],
		...overrides
	};
}

describe('createForm', () => {
	it('starts from the guess', () => {
		const form = createForm(proposal());
		expect(form.mapping.text).toBe('Текст');
		expect(form.timestampFormat).toBe('dmy');
		expect(form.remembered).toBe(false);
	});
	it('applies a remembered mapping whose columns are all in the file', () => {
		const form = createForm(proposal(), { mapping: { sent_at: 'Дата', text: 'Текст', role: 'Роль', department: 'Отдел' }, roles: { оператор: 'agent' } });
		expect(form.remembered).toBe(true);
		expect(form.mapping.department).toBe('Отдел');
		expect(form.mapping.conversation_id).toBeUndefined();
		expect(form.roles).toEqual({ клиент: 'customer', оператор: 'agent' });
	});
	it('ignores a remembered mapping that names a column the file lacks', () => {
		const form = createForm(proposal(), { mapping: { text: 'Сообщение' }, roles: {} });
		expect(form.remembered).toBe(false);
		expect(form.mapping.text).toBe('Текст');
	});
});

describe('missingFields', () => {
	it('asks for a time, the text and the role', () => {
		expect(missingFields({})).toEqual(['sent_at', 'text', 'role']);
	});
	it('accepts a date column in place of a date-time column', () => {
		expect(missingFields({ sent_date: 'd', text: 't', role: 'r' })).toEqual([]);
	});
});

describe('setMappedColumn', () => {
	it('maps and unmaps a field without changing the input', () => {
		const mapping = { text: 'Текст' };
		expect(setMappedColumn(mapping, 'department', 'Отдел')).toEqual({ text: 'Текст', department: 'Отдел' });
		expect(setMappedColumn(mapping, 'text', null)).toEqual({});
		expect(mapping).toEqual({ text: 'Текст' });
	});
});

describe('columnOptions', () => {
	it('adds mapped columns the reader derived', () => {
		const form = createForm(proposal({ plan: { ...proposal().plan, mapping: { role: '_role', text: 'Текст' } } }));
		expect(columnOptions(form).at(-1)).toBe('_role');
	});
});

describe('fieldsByColumn', () => {
	it('lists the fields each column feeds', () => {
		const byColumn = fieldsByColumn({ sent_date: 'Дата', sent_time: 'Дата', text: 'Текст' });
		expect(byColumn.get('Дата')).toEqual(['sent_date', 'sent_time']);
		expect(byColumn.has('Роль')).toBe(false);
	});
});

describe('roleChoices', () => {
	it('lists the sample values of the guessed role column with the roles chosen', () => {
		const form = createForm(proposal());
		expect(roleChoices(form)).toEqual([
			{ value: 'Клиент', role: 'customer' },
			{ value: 'Оператор', role: null }
		]);
	});
	it('shows a role the user chose', () => {
		const form = createForm(proposal());
		form.roles = setRole(form.roles, 'Оператор', 'agent');
		expect(roleChoices(form)[1]).toEqual({ value: 'Оператор', role: 'agent' });
	});
	it('reads the preview when the user picks another role column, one line per value', () => {
		const form = createForm(proposal());
		form.mapping = setMappedColumn(form.mapping, 'role', 'Кто');
		expect(roleChoices(form).map((c) => c.value)).toEqual(['ПВЗ 12', 'Анна']);
	});
	it('is empty without a role column', () => {
		const form = createForm(proposal());
		form.mapping = setMappedColumn(form.mapping, 'role', null);
		expect(roleChoices(form)).toEqual([]);
	});
});

describe('setRole', () => {
	it('keys roles by the lower-cased, trimmed value', () => {
		expect(setRole({}, ' Оператор ', 'agent')).toEqual({ оператор: 'agent' });
	});
	it('removes a role set back to unknown', () => {
		expect(setRole({ оператор: 'agent' }, 'Оператор', null)).toEqual({});
	});
});

describe('importBlock', () => {
	it('allows an import when every readable file has its required fields', () => {
		expect(importBlock([createForm(proposal())], true)).toBeNull();
	});
	it('blocks while a required field is missing', () => {
		const form = createForm(proposal());
		form.mapping = setMappedColumn(form.mapping, 'text', null);
		expect(importBlock([form], true)).toBe('missing-fields');
	});
	it('skips unreadable files but needs at least one readable one', () => {
		const broken = createForm(proposal({ error: 'The file is empty.', plan: { ...proposal().plan, mapping: {} } }));
		expect(importBlock([broken], true)).toBe('no-readable-file');
		expect(importBlock([broken, createForm(proposal())], true)).toBeNull();
	});
	it('blocks on an invalid time zone', () => {
		expect(importBlock([createForm(proposal())], false)).toBe('invalid-time-zone');
	});
});

describe('buildPlan', () => {
	it('carries the user choices and the import time zone', () => {
		const form = createForm(proposal());
		form.mapping = setMappedColumn(form.mapping, 'department', 'Отдел');
		form.roles = setRole(form.roles, 'Оператор', 'agent');
		form.timestampFormat = 'iso';
		const plan = buildPlan(form, 'Asia/Yekaterinburg');
		expect(plan.mapping.department).toBe('Отдел');
		expect(plan.roles).toEqual({ клиент: 'customer', оператор: 'agent' });
		expect(plan.timestampFormat).toBe('iso');
		expect(plan.timeZone).toBe('Asia/Yekaterinburg');
		expect(plan.delimiter).toBe(';');
	});
	it('writes guessed roles into the plan', () => {
		const form = createForm(proposal({ roleValues: [{ value: 'Бот', role: 'bot' }] }));
		expect(buildPlan(form, 'UTC').roles.бот).toBe('bot');
	});
});
