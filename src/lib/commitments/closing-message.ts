/**
 * Whether a customer message only closes the exchange ("ок, спасибо", "Благодарю", "Thanks!", "👍"): such a
 * message asks nothing, so it does not start a wait (conflicts.ts). Without this rule the owner would be
 * "waiting" in every conversation that ends with a thank-you, and nearly every deadline would be in conflict
 * (on the demo export: 2,914 of 3,060 waits at deadlines were such endings).
 */

/** Words that, alone or together, only thank, agree or acknowledge. Normalised: lower case, `е` for `ё`. */
const CLOSING_WORDS = new Set([
	'спасибо', 'спс', 'благодарю', 'благодарим', 'большое', 'огромное', 'вам', 'и', 'за', 'помощь', 'ответ',
	'ок', 'окей', 'ok', 'okay', 'хорошо', 'понятно', 'поняла', 'понял', 'ясно', 'разобрались', 'разобралась',
	'разобрался', 'все', 'отлично', 'супер', 'договорились', 'принято', 'да', 'ага', 'угу', 'ладно', 'класс',
	'thanks', 'thank', 'you', 'thx', 'ty', 'so', 'much', 'very', 'got', 'it', 'great', 'fine', 'good', 'cool',
	'perfect', 'noted', 'understood', 'sure', 'alright', 'all', 'right', 'yes', 'for', 'the', 'help'
]);

/** Every closing message with letters holds one of these. */
const CLOSING_STEM = /спс|спасиб|благодар|ок|ok|хорош|понят|понял|ясно|разобрал|все|отличн|супер|договорил|принят|да|ага|угу|ладно|класс|thank|thx|ty|got|great|fine|good|cool|perfect|noted|understood|sure|alright|all|yes/i;

/** At most this many words: a longer message says something more. */
const MAX_WORDS = 6;

/** Whether `text` only thanks, agrees or acknowledges (emoji and punctuation aside). */
export function isClosingMessage(text: string): boolean {
	if (typeof text !== 'string' || text.length > 80 || text.includes('?')) return false;
	// Cheap test first: most customer messages hold letters and none of the closing stems.
	if (!CLOSING_STEM.test(text) && /[a-zа-яё]/i.test(text)) return false;
	const words = text.toLowerCase().replace(/ё/g, 'е').split(/[^a-zа-я]+/).filter(Boolean);
	if (words.length > MAX_WORDS) return false;
	// Emoji or punctuation alone ("👍", "!!") close too.
	return words.every((w) => CLOSING_WORDS.has(w));
}
