/**
 * "¿Qué es el TEPT?" → "que-es-el-tept". Accents are dropped rather than encoded so that ids
 * stay readable in a URL (`#faq-que-es-el-tept`).
 */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\{\{[^}]*\}\}/g, ' ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return slug || 'section';
}

/** Hands out unique slugs within one document: "cost", "cost-2", "cost-3". */
export class Slugger {
  readonly #seen = new Set<string>();

  /** Reserves an explicit id (from `{#id}`); returns false if it was already taken. */
  reserve(id: string): boolean {
    if (this.#seen.has(id)) return false;
    this.#seen.add(id);
    return true;
  }

  unique(text: string): string {
    const base = slugify(text);
    let candidate = base;
    for (let n = 2; this.#seen.has(candidate); n++) candidate = `${base}-${n}`;
    this.#seen.add(candidate);
    return candidate;
  }
}
