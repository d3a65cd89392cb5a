// The pages the size check and the benchmark load, and the folders the local server exposes.
import { join } from 'node:path';
import { ROOT } from './graph.mjs';

export const BENCH = join(ROOT, 'bench');
export const HEARTH_URL = '/hearth/hearth.js';

/** URL prefix → folder. Nothing outside these folders is reachable. */
export function mounts() {
  return {
    '/hearth/': join(ROOT, 'packages/hearth/dist'),
    '/vendor/survey-core/': join(BENCH, 'node_modules/survey-core'),
    '/vendor/survey-js-ui/': join(BENCH, 'node_modules/survey-js-ui'),
    '/vendor/typeform-embed/': join(BENCH, 'node_modules/@typeform/embed/build'),
    '/bench-floor/': join(BENCH, 'floor'),
    '/examples/': join(ROOT, 'examples'),
    '/packages/': join(ROOT, 'packages'),
  };
}

const escapeHtml = (s) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

/** A bare host page: what a marketing site pastes, and nothing else that would download. */
export function hearthPage({ title, body, lang = 'en', scriptAttrs = '', src = HEARTH_URL }) {
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${escapeHtml(title)}</title>
<script type="module" src="${src}"${scriptAttrs}></script>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

/** Tag name → loader chunk key. */
export const WIDGETS = {
  'hearth-guide': 'guide',
  'hearth-faq': 'faq',
  'hearth-assessment': 'assessment',
  'hearth-coverage': 'coverage',
};

export const PAGES = {
  '/bench/assessment.html': {
    name: 'assessment only',
    tags: ['hearth-assessment'],
    html: hearthPage({ title: 'Assessment only', body: '<hearth-assessment></hearth-assessment>' }),
  },
  '/bench/all-widgets.html': {
    name: 'all four widgets',
    tags: ['hearth-guide', 'hearth-faq', 'hearth-assessment', 'hearth-coverage'],
    html: hearthPage({
      title: 'All four widgets, default content',
      body: Object.keys(WIDGETS)
        .map((tag) => `<section>\n<${tag}></${tag}>\n</section>`)
        .join('\n'),
    }),
  },
};

/** The floor of the timing (issue 15): the assessment page's host page, its only script one tiny module drawing one radio. */
export const FLOOR_PAGE = {
  path: '/bench/floor.html',
  html: hearthPage({ title: 'Assessment only', body: '<bench-floor></bench-floor>', src: '/bench-floor/floor.js' }),
};

/**
 * SurveyJS as its documentation shows it (the UMD bundles and the default theme's CSS, as the
 * packages ship them), rendering `surveyJson`. The theme's "fontless" build: the default one
 * declares Open Sans from fonts.gstatic.com, which nothing here may fetch; a real page would also
 * download that font, so SurveyJS's bytes here are a lower bound.
 */
export function surveyJsPage(surveyJson) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>SurveyJS: PC-PTSD-5</title>
<link rel="stylesheet" href="/vendor/survey-core/survey-core.fontless.min.css">
</head>
<body>
<main>
<div id="survey"></div>
</main>
<script src="/vendor/survey-core/survey.core.min.js"></script>
<script src="/vendor/survey-js-ui/survey-js-ui.min.js"></script>
<script>
const survey = new Survey.Model(${JSON.stringify(surveyJson)});
survey.render(document.getElementById('survey'));
</script>
</body>
</html>
`;
}
