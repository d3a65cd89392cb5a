import { HearthProvider } from './hearth-provider.js';

HearthProvider.define('hearth-provider');

declare global {
  interface HTMLElementTagNameMap {
    'hearth-provider': HearthProvider;
  }
}
