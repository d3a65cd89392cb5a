import { css, unsafeCSS, type CSSResult } from 'lit';

/**
 * The theme tokens. Partners set the public custom properties (or `brand` in config, which the
 * provider maps onto its own host); every widget reads them with these fallbacks. We never set
 * anything on the page's `:root`.
 */
export const TOKEN_DEFAULTS = {
  '--hearth-color-primary': '#0b5c78',
  '--hearth-color-on-primary': '#ffffff',
  '--hearth-color-text': '#1b2430',
  '--hearth-color-text-muted': '#4a5563',
  '--hearth-color-background': '#ffffff',
  '--hearth-color-surface': '#f3f6f8',
  '--hearth-color-border': '#6b7785',
  '--hearth-color-border-subtle': '#d5dce3',
  '--hearth-color-danger': '#b3261e',
  '--hearth-color-success': '#1e6b3a',
  '--hearth-color-focus': '#1a73e8',
  '--hearth-font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  '--hearth-font-size': '1rem',
  '--hearth-radius': '8px',
  '--hearth-space-2xs': '0.25rem',
  '--hearth-space-xs': '0.5rem',
  '--hearth-space-s': '0.75rem',
  '--hearth-space-m': '1rem',
  '--hearth-space-l': '1.5rem',
  '--hearth-space-xl': '2rem',
} as const;

export type TokenName = keyof typeof TOKEN_DEFAULTS;

/** `var(--hearth-x, default)` as a CSS value to interpolate into `css` templates. */
export function token(name: TokenName): CSSResult {
  return unsafeCSS(`var(${name}, ${TOKEN_DEFAULTS[name]})`);
}

/** Which config brand colour sets which token. */
export const BRAND_COLOR_TOKENS = {
  primary: '--hearth-color-primary',
  onPrimary: '--hearth-color-on-primary',
  text: '--hearth-color-text',
  background: '--hearth-color-background',
  surface: '--hearth-color-surface',
  border: '--hearth-color-border',
  danger: '--hearth-color-danger',
  success: '--hearth-color-success',
} as const satisfies Record<string, TokenName>;

/**
 * Shared anatomy for every widget: a wrapper that resets whatever the host page's global CSS
 * pushes into the host element (`* { line-height: 3 }` reaches the host, not the shadow tree),
 * focus rings that survive forced-colors mode, and motion that respects the person's setting.
 */
export const baseStyles = css`
  :host {
    display: block;
    max-width: 100%;
  }
  :host([hidden]) {
    display: none !important;
  }
  .hearth-root {
    all: initial;
    display: block;
    box-sizing: border-box;
    font-family: ${token('--hearth-font-family')};
    font-size: ${token('--hearth-font-size')};
    line-height: 1.5;
    color: ${token('--hearth-color-text')};
    text-align: start;
    overflow-wrap: break-word;
    -webkit-text-size-adjust: 100%;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  :focus-visible {
    outline: 3px solid ${token('--hearth-color-focus')};
    outline-offset: 2px;
  }
  a {
    color: ${token('--hearth-color-primary')};
    text-underline-offset: 0.15em;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  .hearth-error {
    border: 2px solid ${token('--hearth-color-danger')};
    border-radius: ${token('--hearth-radius')};
    padding: ${token('--hearth-space-m')};
    background: ${token('--hearth-color-background')};
  }
  .hearth-error__title {
    font-weight: 700;
    margin: 0 0 ${token('--hearth-space-xs')};
  }
  .hearth-error__message,
  .hearth-error__crisis {
    margin: ${token('--hearth-space-xs')} 0 0;
  }
  .hearth-error__detail {
    margin: ${token('--hearth-space-xs')} 0 0;
    font-size: 0.875em;
    color: ${token('--hearth-color-text-muted')};
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation-duration: 0.01ms !important;
      transition-duration: 0.01ms !important;
      scroll-behavior: auto !important;
    }
  }
  @media (forced-colors: active) {
    :focus-visible {
      outline-color: Highlight;
    }
    .hearth-error {
      border-color: CanvasText;
    }
  }
`;

/** Buttons shared by the widgets: 44 px targets, a primary and a secondary look. */
export const buttonStyles = css`
  .button {
    all: unset;
    box-sizing: border-box;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: ${token('--hearth-space-xs')};
    min-height: 44px;
    min-width: 44px;
    padding: ${token('--hearth-space-s')} ${token('--hearth-space-l')};
    border: 2px solid ${token('--hearth-color-primary')};
    border-radius: ${token('--hearth-radius')};
    font: inherit;
    font-weight: 600;
    line-height: 1.25;
    text-align: center;
    text-decoration: none;
    cursor: pointer;
    background: ${token('--hearth-color-primary')};
    color: ${token('--hearth-color-on-primary')};
  }
  .button:hover {
    filter: brightness(0.92);
  }
  .button:focus-visible {
    outline: 3px solid ${token('--hearth-color-focus')};
    outline-offset: 2px;
  }
  .button[disabled],
  .button[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.6;
  }
  .button--secondary {
    background: ${token('--hearth-color-background')};
    color: ${token('--hearth-color-primary')};
  }
  .button--link {
    background: none;
    border-color: transparent;
    color: ${token('--hearth-color-primary')};
    text-decoration: underline;
    padding-inline: ${token('--hearth-space-xs')};
  }
  @media (forced-colors: active) {
    .button {
      border-color: ButtonText;
    }
  }
`;
