import { HearthGuide } from './hearth-guide.js';

HearthGuide.define('hearth-guide');

declare global {
  interface HTMLElementTagNameMap {
    'hearth-guide': HearthGuide;
  }
}
