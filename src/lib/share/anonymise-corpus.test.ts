import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAnonymiser } from './anonymise';
import { CORPUS, CORPUS_PEOPLE } from './anonymise-corpus';
import { scoreCorpus } from './corpus-score';

function registered(language: 'ru' | 'en') {
	const a = createAnonymiser({ language });
	CORPUS_PEOPLE.customers.forEach(a.customer);
	CORPUS_PEOPLE.agents.forEach(a.agent);
	CORPUS_PEOPLE.bots.forEach(a.bot);
	return a;
}

describe('anonymiser over the corpus', () => {
	const anonymisers = { ru: registered('ru'), en: registered('en') };
	const score = scoreCorpus(CORPUS, (lang) => anonymisers[lang]);
	console.log(
		`anonymise corpus: ${score.lines} lines, recall ${score.removed}/${score.items} = ${score.recall.toFixed(3)}, ` +
		`false replacements ${score.false_replacements}/${score.kept_items}`);

	it('has at least 80 Russian and 40 English lines', () => {
		expect(CORPUS.filter((l) => l.lang === 'ru').length).toBeGreaterThanOrEqual(80);
		expect(CORPUS.filter((l) => l.lang === 'en').length).toBeGreaterThanOrEqual(40);
	});

	it('removes every personal item except the documented gaps', () => {
		expect(score.leaks.filter((l) => !l.known_gap)).toEqual([]);
		expect(score.recall).toBeGreaterThan(0.99);
	});

	it('changes no department name, amount, date or time', () => {
		expect(score.destroyed).toEqual([]);
	});
});

// Real Twitter customer care nobody here wrote (shared/realdata/README.md): no e-mail or personal link survives.
const DEV_JSON = resolve(process.cwd(), '../shared/realdata/ibm-care-dev/dev.json');
describe.skipIf(!existsSync(DEV_JSON))('anonymiser over real customer-care tweets', () => {
	it('leaves no e-mail address, handle or link with a path', () => {
		if (!existsSync(DEV_JSON)) console.log(`skipped: ${DEV_JSON} is absent`);
		const conversations = JSON.parse(readFileSync(DEV_JSON, 'utf8')) as { dialogContent: { message: string }[] }[];
		const a = createAnonymiser({ language: 'en' });
		const left = conversations.flatMap((c) => c.dialogContent.map((m) => a.text(m.message)))
			.filter((t) => /\S+@\S+\.\w{2,}|(?<![\w.])@\w{3,}|https?:\/\/\S+\/\S/.test(t));
		expect(left).toEqual([]);
	});
});
