import { describe, expect, it } from 'vitest';
import { buildRoleMap, guessRole, normaliseRoleValue, parseRolesOption, ROLE_WORDS } from '$lib/ingest/roles';

describe('normaliseRoleValue', () => {
	it('trims, lower-cases, writes ё as е and collapses spaces', () => {
		expect(normaliseRoleValue('  Партнёр   ПВЗ ')).toBe('партнер пвз');
	});
});

describe('guessRole', () => {
	it('knows Russian customer words', () => {
		expect(guessRole('Клиент')).toBe('customer');
		expect(guessRole('Владелец ПВЗ')).toBe('customer');
		expect(guessRole('Партнёр')).toBe('customer');
	});

	it('knows Russian agent, bot and system words', () => {
		expect(guessRole('Сотрудник')).toBe('agent');
		expect(guessRole('Техподдержка')).toBe('agent');
		expect(guessRole('Чат-бот')).toBe('bot');
		expect(guessRole('Системное сообщение')).toBe('system');
	});

	it('knows English words, with any case and separators', () => {
		expect(guessRole('Customer')).toBe('customer');
		expect(guessRole('end-user')).toBe('customer');
		expect(guessRole('END_USER')).toBe('customer');
		expect(guessRole('outbound')).toBe('agent');
		expect(guessRole('Auto-Reply')).toBe('bot');
		expect(guessRole('transfer')).toBe('system');
	});

	it('reads the role word inside a longer value', () => {
		expect(guessRole('Оператор Иван')).toBe('agent');
		expect(guessRole('ПВЗ 12345')).toBe('customer');
	});

	it('leaves values whose role words disagree to the user', () => {
		expect(guessRole('support bot')).toBeNull();
	});

	it('prefers a whole phrase over its words', () => {
		expect(guessRole('Customer service')).toBe('agent');
	});

	it('returns null for names, twcs booleans and empty values', () => {
		expect(guessRole('Иван Петров')).toBeNull();
		expect(guessRole('True')).toBeNull();
		expect(guessRole('')).toBeNull();
	});

	it('has every table word resolve to its own role', () => {
		for (const [role, words] of Object.entries(ROLE_WORDS)) {
			for (const word of words) expect([word, guessRole(word)]).toEqual([word, role]);
		}
	});
});

describe('buildRoleMap', () => {
	it('maps known values under their normalised key and lists unknown ones as first written', () => {
		const result = buildRoleMap(['Клиент', 'клиент ', 'Сотрудник', 'Иван', 'иван', 'Бот']);
		expect(result).toEqual({
			roles: { клиент: 'customer', сотрудник: 'agent', бот: 'bot' },
			unknown: ['Иван']
		});
	});

	it('lets overrides win over the dictionary and fill unknown values', () => {
		const result = buildRoleMap(['Клиент', 'Иван'], { КЛИЕНТ: 'agent', Иван: 'agent' });
		expect(result).toEqual({ roles: { клиент: 'agent', иван: 'agent' }, unknown: [] });
	});

	it('skips empty values', () => {
		expect(buildRoleMap(['', '  '])).toEqual({ roles: {}, unknown: [] });
	});

	it('does not trip over values named like object properties', () => {
		expect(buildRoleMap(['constructor', 'toString']).unknown).toEqual(['constructor', 'toString']);
	});
});

describe('parseRolesOption', () => {
	it('parses value=role pairs into normalised keys', () => {
		expect(parseRolesOption('Клиент=customer,Сотрудник=agent')).toEqual({ клиент: 'customer', сотрудник: 'agent' });
	});

	it('tolerates spaces, role case and a trailing comma', () => {
		expect(parseRolesOption(' Бот Помощник = BOT , ')).toEqual({ 'бот помощник': 'bot' });
	});

	it('throws on an unknown role, naming the valid ones', () => {
		expect(() => parseRolesOption('Клиент=buyer')).toThrow(
			"--roles: 'buyer' (for 'Клиент') is not a role; use one of customer, agent, bot, system"
		);
	});

	it('throws on an entry without =', () => {
		expect(() => parseRolesOption('Клиент')).toThrow("--roles: 'Клиент' is not value=role");
	});
});
