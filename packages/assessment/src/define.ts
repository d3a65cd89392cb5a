import { HearthAssessment } from './hearth-assessment.js';

HearthAssessment.define('hearth-assessment');

declare global {
  interface HTMLElementTagNameMap {
    'hearth-assessment': HearthAssessment;
  }
}

export { HearthAssessment };
