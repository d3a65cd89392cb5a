// @hearth/embed/jsx holds types only (index.d.ts): `import type {} from '@hearth/embed/jsx';`.
export {};
