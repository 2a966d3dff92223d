// Deep imports of natural's stemmers: its index pulls Node-only modules (shared/design/STYLE.md).
declare module 'natural/lib/natural/stemmers/porter_stemmer_ru.js' {
	const PorterStemmerRu: { stem(token: string): string };
	export default PorterStemmerRu;
}
declare module 'natural/lib/natural/stemmers/porter_stemmer.js' {
	const PorterStemmer: { stem(token: string): string };
	export default PorterStemmer;
}
