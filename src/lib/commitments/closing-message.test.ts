import { describe, expect, it } from 'vitest';
import { isClosingMessage } from './closing-message';

describe('isClosingMessage', () => {
	it.each(['ок, спасибо', 'Благодарю', 'Спасибо большое 🙏', 'Спасибо, разобрались', 'Понятно', 'Хорошо, спасибо', 'Спасибо!!!', 'Поняла, спасибо', 'Thanks!', 'Got it, thank you', '👍'])(
		'%s closes',
		(text) => expect(isClosingMessage(text)).toBe(true)
	);

	it.each(['Уже писала туда, никто не отвечает', 'Меня оттуда к вам и отправили!', '???', 'Спасибо, а когда ответ?', 'Почему нельзя сразу передать?', 'Thanks, but the courier never came.'])(
		'%s asks for more',
		(text) => expect(isClosingMessage(text)).toBe(false)
	);
});
