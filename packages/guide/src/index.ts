/** @hearth/guide: `<hearth-guide>`. Registers nothing; import `@hearth/guide/hearth-guide.js` to define the tag. */
export { HearthGuide, type GuideContentLoader, type GuideSourceKind } from './hearth-guide.js';
