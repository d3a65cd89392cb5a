type PlainObject = Record<string, unknown>;

/** A plain `{}` object, from this page or another frame (whose `Object.prototype` differs). */
export function isPlainObject(value: unknown): value is PlainObject {
  if (value === null || typeof value !== 'object' || Object.prototype.toString.call(value) !== '[object Object]') return false;
  const proto = Object.getPrototypeOf(value) as object | null;
  return proto === null || Object.getPrototypeOf(proto) === null;
}

/**
 * Deep-merges config layers, later layers winning. Objects merge key by key; arrays and scalars
 * replace (a partner's list of served states replaces the default list, it does not extend it).
 * `undefined` never overwrites, so an unset attribute does not erase a provider's value.
 */
export function mergeConfig<T>(...layers: readonly unknown[]): T {
  let out: PlainObject = {};
  for (const layer of layers) {
    if (!isPlainObject(layer)) continue;
    out = mergeTwo(out, layer);
  }
  return out as T;
}

function mergeTwo(base: PlainObject, over: PlainObject): PlainObject {
  const out: PlainObject = { ...base };
  for (const [key, value] of Object.entries(over)) {
    if (value === undefined || key === '__proto__' || key === 'constructor') continue;
    const prev = out[key];
    out[key] = isPlainObject(prev) && isPlainObject(value) ? mergeTwo(prev, value) : value;
  }
  return out;
}
