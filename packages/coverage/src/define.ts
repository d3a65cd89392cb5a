import { HearthCoverage } from './hearth-coverage.js';

HearthCoverage.define('hearth-coverage');

declare global {
  interface HTMLElementTagNameMap {
    'hearth-coverage': HearthCoverage;
  }
}

export { HearthCoverage };
