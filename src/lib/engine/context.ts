import { createContext } from 'svelte';
import type { Engine } from './engine';

const [getEngine, setEngine] = createContext<Engine>();

/** Provides the one engine of the app to the component tree (the root layout creates it). */
export function setEngineContext(engine: Engine): Engine {
	return setEngine(engine);
}

/** The engine provided by the root layout. */
export function getEngineContext(): Engine {
	return getEngine();
}
