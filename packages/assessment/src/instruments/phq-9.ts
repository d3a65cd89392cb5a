import { phq9Items, phq9Scoring } from './bands.js';
import type { InstrumentDefinition, SumBandsScoring } from './types.js';

const NOTICE_EN =
  'Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, with an educational grant from Pfizer Inc. No permission required to reproduce, translate, display or distribute.';

/**
 * The PHQ-9 as data: nine items rated 0–3, the difficulty question, item 9 as the safety item.
 * English and Pfizer's official US Spanish form, verbatim (shared/reference/instruments.md).
 * It loads only where the PHQ-9 is used (see registry.ts), never on a PTSD page.
 *
 * Kroenke K, Spitzer RL, Williams JBW. J Gen Intern Med 2001;16(9):606–613.
 */
export const phq9Instrument: InstrumentDefinition<SumBandsScoring> = {
  id: 'phq-9',
  version: '2001',
  name: 'Patient Health Questionnaire (PHQ-9)',
  abbreviation: 'PHQ-9',
  citation:
    'Kroenke K, Spitzer RL, Williams JBW. The PHQ-9: validity of a brief depression severity measure. J Gen Intern Med 2001;16(9):606–613. doi:10.1046/j.1525-1497.2001.016009606.x',
  attributionKey: 'attribution.phq9',
  licence: NOTICE_EN,
  minutes: 3,
  items: phq9Items,
  options: [0, 1, 2, 3].map((value) => ({ value })),
  scoring: phq9Scoring,
  safetyItem: 'phq9-9',
  followUp: { id: 'difficulty', askWhen: 'any-item-above-min', options: [0, 1, 2, 3].map((value) => ({ value })) },
  languages: {
    en: {
      status: 'official',
      source: 'Pfizer, PHQ-9 English form',
      title: 'Free depression self-assessment',
      what: 'It is a screen, not a diagnosis. It uses the PHQ-9, a nine-question depression questionnaire used by doctors. Only a licensed clinician can diagnose depression.',
      stem: 'Over the last 2 weeks, how often have you been bothered by any of the following problems?',
      items: [
        'Little interest or pleasure in doing things',
        'Feeling down, depressed, or hopeless',
        'Trouble falling or staying asleep, or sleeping too much',
        'Feeling tired or having little energy',
        'Poor appetite or overeating',
        'Feeling bad about yourself — or that you are a failure or have let yourself or your family down',
        'Trouble concentrating on things, such as reading the newspaper or watching television',
        'Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety or restless that you have been moving around a lot more than usual',
        'Thoughts that you would be better off dead or of hurting yourself in some way',
      ],
      options: ['Not at all', 'Several days', 'More than half the days', 'Nearly every day'],
      followUp: {
        text: 'If you checked off any problems, how difficult have these problems made it for you to do your work, take care of things at home, or get along with other people?',
        options: ['Not difficult at all', 'Somewhat difficult', 'Very difficult', 'Extremely difficult'],
      },
      notice: NOTICE_EN,
      bands: {
        'none-minimal': 'Your answers suggest no or minimal symptoms of depression.',
        mild: 'Your answers suggest mild symptoms of depression.',
        moderate: 'Your answers suggest moderate symptoms of depression.',
        'moderately-severe': 'Your answers suggest moderately severe symptoms of depression.',
        severe: 'Your answers suggest severe symptoms of depression.',
      },
      meansPositive:
        'A score at or above the cut point means a fuller evaluation by a clinician is worth doing. It does not mean that you have depression.',
      meansNegative:
        'A score below the cut point does not rule depression out. If something is troubling you, it is still worth talking to a clinician.',
      notDiagnosis: 'This is a screen, not a diagnosis. Only a licensed clinician can diagnose depression.',
      therapy: {
        question: 'Have you tried a talking therapy for depression?',
        hint: 'For example cognitive behavioral therapy (CBT), behavioral activation or interpersonal therapy.',
      },
      candidacy: {
        'screen-negative':
          'Your screen did not point to the depression symptoms that ketamine and esketamine treatments are meant for, so this result is not a recommendation of them. A score below the cut point does not rule depression out: if something is troubling you, a {{brand}} clinician or your own doctor can still talk your options through with you.',
        'first-line':
          'You have not yet tried the treatments that depression care starts with: a talking therapy or an antidepressant. Ketamine and esketamine are mainly used when those treatments have not helped enough; they are not meant to replace them. A {{brand}} clinician can discuss those treatments with you.',
      },
    },
    es: {
      status: 'official',
      source: 'Pfizer, formulario oficial del PHQ-9 en español de EE. UU.',
      title: 'Autoevaluación gratuita de la depresión',
      what: 'Es una prueba de detección, no un diagnóstico. Usa el PHQ-9, un cuestionario de nueve preguntas sobre la depresión que usan los médicos. Solo un profesional clínico con licencia puede diagnosticar la depresión.',
      stem: 'Durante las últimas 2 semanas, ¿qué tan seguido ha tenido molestias debido a los siguientes problemas?',
      items: [
        'Poco interés o placer en hacer cosas',
        'Se ha sentido decaído(a), deprimido(a) o sin esperanzas',
        'Ha tenido dificultad para quedarse o permanecer dormido(a), o ha dormido demasiado',
        'Se ha sentido cansado(a) o con poca energía',
        'Sin apetito o ha comido en exceso',
        'Se ha sentido mal con usted mismo(a) – o que es un fracaso o que ha quedado mal con usted mismo(a) o con su familia',
        'Ha tenido dificultad para concentrarse en ciertas actividades, tales como leer el periódico o ver la televisión',
        '¿Se ha movido o hablado tan lento que otras personas podrían haberlo notado? o lo contrario – muy inquieto(a) o agitado(a) que ha estado moviéndose mucho más de lo normal',
        'Pensamientos de que estaría mejor muerto(a) o de lastimarse de alguna manera',
      ],
      options: ['Ningún día', 'Varios días', 'Más de la mitad de los días', 'Casi todos los días'],
      followUp: {
        text: 'Si marcó cualquiera de los problemas, ¿qué tanta dificultad le han dado estos problemas para hacer su trabajo, encargarse de las tareas del hogar, o llevarse bien con otras personas?',
        options: ['No ha sido difícil', 'Un poco difícil', 'Muy difícil', 'Extremadamente difícil'],
      },
      notice:
        'Elaborado por los doctores Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke y colegas, mediante una subvención educativa otorgada por Pfizer Inc. No se requiere permiso para reproducir, traducir, presentar o distribuir.',
      bands: {
        'none-minimal': 'Sus respuestas indican síntomas de depresión nulos o mínimos.',
        mild: 'Sus respuestas indican síntomas leves de depresión.',
        moderate: 'Sus respuestas indican síntomas moderados de depresión.',
        'moderately-severe': 'Sus respuestas indican síntomas de depresión moderadamente graves.',
        severe: 'Sus respuestas indican síntomas graves de depresión.',
      },
      meansPositive:
        'Un puntaje igual o mayor que el punto de corte significa que vale la pena una evaluación más completa con un profesional clínico. No significa que usted tenga depresión.',
      meansNegative:
        'Un puntaje menor que el punto de corte no descarta la depresión. Si algo le preocupa, igual vale la pena hablar con un profesional clínico.',
      notDiagnosis:
        'Esto es una prueba de detección, no un diagnóstico. Solo un profesional clínico con licencia puede diagnosticar la depresión.',
      therapy: {
        question: '¿Ha probado una terapia psicológica para la depresión?',
        hint: 'Por ejemplo, la terapia cognitivo-conductual (TCC), la activación conductual o la terapia interpersonal.',
      },
      candidacy: {
        'screen-negative':
          'Su prueba no señaló los síntomas de depresión para los que están pensados los tratamientos con ketamina y esketamina, así que este resultado no es una recomendación de ellos. Un puntaje menor que el punto de corte no descarta la depresión: si algo le preocupa, un profesional clínico de {{brand}} o su propio médico pueden hablar con usted sobre sus opciones.',
        'first-line':
          'Todavía no ha probado los tratamientos con los que empieza la atención de la depresión: una terapia psicológica o un antidepresivo. La ketamina y la esketamina se usan sobre todo cuando esos tratamientos no han ayudado lo suficiente; no buscan reemplazarlos. Un profesional clínico de {{brand}} puede hablar con usted sobre esos tratamientos.',
      },
    },
  },
};
