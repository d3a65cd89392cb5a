/** @hearth/__name__: `<hearth-__name__>`. Registers nothing; import `@hearth/__name__/hearth-__name__.js` to define the tag. */
export { Hearth__Name__, type __Name__ToggleDetail } from './hearth-__name__.js';
