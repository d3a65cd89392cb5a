import { createContext } from '@lit/context';
import type { HearthConfig, HearthConfigInput } from './schema.js';
import type { HearthConfigError } from './errors.js';
import type { HearthSession } from './session.js';

/** What a `<hearth-provider>` hands to the widgets inside it. */
export interface HearthContextValue {
  /** The provider's layers (global config + its own), before a widget's attributes are applied. */
  readonly input: HearthConfigInput;
  /** The same, validated; undefined when invalid. */
  readonly config: HearthConfig | undefined;
  /** Set when the provider's config is invalid; the provider has already logged it. */
  readonly error: HearthConfigError | undefined;
  /** Answers widgets share so the person never answers twice (the state of residence). */
  readonly session: HearthSession;
}

// Symbol.for: a second copy of Hearth on the page (another version, or the loader next to the
// all-in-one file) still finds the same providers.
export const hearthContext = createContext<HearthContextValue | undefined>(Symbol.for('hearth.context.v1'));
