import { Hearth__Name__ } from './hearth-__name__.js';

Hearth__Name__.define('hearth-__name__');

declare global {
  interface HTMLElementTagNameMap {
    'hearth-__name__': Hearth__Name__;
  }
}
